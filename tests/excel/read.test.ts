import { formVersion, layoutOf } from "../../src/form";
import { META_NAME } from "../../src/plan/meta";
import { planTemplate } from "../../src/plan/template";
import { loadFixture } from "../support/fixtures";
import { FakeExcel } from "./fake-excel";
import { hostOn, nameFormula, planWith, shapeWith } from "./helpers";

const seed = loadFixture("seed-kingsoft-2011-11.json");
const seedPlan = planTemplate("legacy-2011", seed.doc.shape, { monthEnded: "30/11/2011" });
const fieldAddress = (plan: typeof seedPlan, id: string): string =>
  plan.names.find((n) => n.field === id)!.address;

/** A workbook with the seed's template inserted, and the fake's counters reset after it. */
async function insertedSeed(): Promise<{ fake: FakeExcel; sheetName: string }> {
  const fake = new FakeExcel(["Sheet1"]);
  const { sheetName } = await hostOn(fake).insertTemplate(seedPlan);
  fake.ops.length = 0;
  fake.syncs = 0;
  fake.runs = 0;
  return { fake, sheetName };
}

describe("check: reading the active return", () => {
  test("makes one sync and writes nothing: no property set, no writing call", async () => {
    const { fake } = await insertedSeed();
    const read = await hostOn(fake).readActiveReturn();
    expect(read).not.toBeNull();
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(1);
    expect(fake.ops.length).toBeGreaterThan(0);
    expect(fake.ops.filter((op) => op.kind === "set")).toEqual([]);
    expect(fake.writes()).toEqual([]);
  });

  test("reads the seed's figures back through the names, keyed by field id", async () => {
    const { fake, sheetName } = await insertedSeed();
    for (const [id, value] of Object.entries(seed.doc.values)) {
      fake.type(sheetName, fieldAddress(seedPlan, id), value);
    }
    const read = await hostOn(fake).readActiveReturn();
    expect(read).toMatchObject({
      sheetName,
      formId: "legacy-2011",
      shape: seed.doc.shape,
      monthEnd: "2011-11-30",
    });
    for (const [id, value] of Object.entries(seed.doc.values)) expect(read!.values[id]).toBe(value);
  });

  test("maps every field of the layout to its own cell", async () => {
    const { fake, sheetName } = await insertedSeed();
    const fields = layoutOf(formVersion("legacy-2011")!, seed.doc.shape).fields;
    for (const f of fields) fake.type(sheetName, fieldAddress(seedPlan, f.id), `value of ${f.id}`);
    const read = await hostOn(fake).readReturn(sheetName);
    expect(Object.keys(read!.values).sort()).toEqual(fields.map((f) => f.id).sort());
    for (const f of fields) expect(read!.values[f.id]).toBe(`value of ${f.id}`);
  });

  test("gives raw values as Excel has them: numbers, booleans, and '' for blank", async () => {
    const { fake, sheetName } = await insertedSeed();
    fake.type(sheetName, fieldAddress(seedPlan, "issued.ord1.movement.shares"), 52000);
    fake.type(sheetName, fieldAddress(seedPlan, "hdr.issuer"), true);
    fake.type(sheetName, fieldAddress(seedPlan, "hdr.submitted"), "");
    const values = (await hostOn(fake).readActiveReturn())!.values;
    expect(values["issued.ord1.movement.shares"]).toBe(52000);
    expect(values["hdr.issuer"]).toBe(true);
    expect(values["hdr.submitted"]).toBe("");
  });
});

describe("reading a sheet made by hand", () => {
  const meta = `="legacy-2011|o1.f1.w0.c0.a0.e1|2011-11-30"`;

  test("finds cells by name inside a used range that does not start at A1", async () => {
    const fake = new FakeExcel(["Other"]);
    const sheet = fake.addSheet("Jo's return");
    sheet.names.set(META_NAME, meta);
    sheet.names.set("hdr_issuer", nameFormula("Jo's return", "C3"));
    sheet.names.set("hdr_submitted", nameFormula("Jo's return", "D5"));
    sheet.names.set("hdr_monthEnded", nameFormula("Jo's return", "Z99")); // outside: blank
    sheet.names.set("A_1_particulars", "=#REF!"); // deleted cell: left out
    sheet.names.set("A_1_price", nameFormula("Other", "C3")); // another sheet: left out
    fake.type("Jo's return", "C3", "Example Holdings");
    fake.type("Jo's return", "D5", 40882);
    fake.type("Jo's return", "E6", "beyond");

    const read = await hostOn(fake).readReturn("Jo's return");

    expect(read?.shape).toEqual(shapeWith(1));
    expect(read?.values).toEqual({
      "hdr.issuer": "Example Holdings",
      "hdr.submitted": 40882,
      "hdr.monthEnded": "",
    });
  });

  test("is no return without the metadata name, or with metadata it cannot read", async () => {
    const fake = new FakeExcel(["Plain", "Odd"]);
    fake.type("Plain", "A1", "a list of things");
    fake.sheet("Odd")!.names.set(META_NAME, `="some-other-form|x|"`);
    const host = hostOn(fake);
    await expect(host.readActiveReturn()).resolves.toBeNull();
    await expect(host.readReturn("Odd")).resolves.toBeNull();
  });

  test("is null for a sheet that is not there, in one sync", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    await expect(hostOn(fake).readReturn("MR 1999-01")).resolves.toBeNull();
    expect(fake.syncs).toBe(1);
  });
});

describe("listing the returns of a workbook", () => {
  test("lists the sheets that carry the metadata, by name, form and month", async () => {
    const fake = new FakeExcel(["Notes"]);
    const host = hostOn(fake);
    await host.insertTemplate(planWith(1));
    await host.insertTemplate(
      planTemplate("legacy-2011", shapeWith(2), { monthEnded: "31/12/2011" })
    );
    fake.ops.length = 0;
    fake.syncs = 0;

    await expect(host.listReturns()).resolves.toEqual([
      { sheetName: "MR 2011-11", formId: "legacy-2011", monthEnd: "2011-11-30" },
      { sheetName: "MR 2011-12", formId: "legacy-2011", monthEnd: "2011-12-31" },
    ]);
    expect(fake.syncs).toBe(2);
    expect(fake.writes()).toEqual([]);
  });
});

describe("selecting a field", () => {
  test("activates its sheet and selects its named cell, in one sync", async () => {
    const { fake, sheetName } = await insertedSeed();
    fake.active = "Sheet1";
    await hostOn(fake).selectField(sheetName, "hdr.issuer");
    expect(fake.syncs).toBe(1);
    expect(fake.active).toBe(sheetName);
    expect(fake.writes().map((op) => [op.path, op.member])).toEqual([
      [sheetName, "activate"],
      [`${sheetName}!B4`, "select"],
    ]);
  });
});

describe("watching a sheet", () => {
  test("calls the handler on changes until unsubscribed; the removal syncs", async () => {
    const { fake, sheetName } = await insertedSeed();
    const host = hostOn(fake);
    let calls = 0;
    const unsubscribe = await host.onSheetChanged(sheetName, () => (calls += 1));
    await fake.change(sheetName);
    expect(calls).toBe(1);
    const before = fake.syncs;
    await unsubscribe();
    expect(fake.syncs).toBe(before + 1);
    await fake.change(sheetName);
    expect(calls).toBe(1);
  });
});

describe("an FF301 return in Excel (two class blocks)", () => {
  const june = loadFixture("ff301-options-treasury-example-2026-06.json");
  const shape = { ...june.doc.shape, classes: 2 };
  const plan = planTemplate("ff301-1.2", shape, { monthEnded: "30/06/2026" });

  test("inserts in three syncs and reads back its version, shape with classes, and figures in one", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    const { sheetName } = await hostOn(fake).insertTemplate(plan);
    expect(fake.syncs).toBe(3); // read, add, one write under the request budget
    for (const [id, value] of Object.entries(june.doc.values))
      fake.type(sheetName, fieldAddress(plan, id), value);
    fake.syncs = 0;
    const read = await hostOn(fake).readActiveReturn();
    expect(fake.syncs).toBe(1);
    expect(read).toMatchObject({ sheetName, formId: "ff301-1.2", shape, monthEnd: "2026-06-30" });
    for (const [id, value] of Object.entries(june.doc.values)) expect(read!.values[id]).toBe(value);
    expect(Object.keys(read!.values)).toEqual(
      expect.arrayContaining(["auth.c2.className", "issued.c2.close.treasury", "AtoE.treasury.c2"])
    );
  });
});
