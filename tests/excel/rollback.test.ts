import { batchesOf, insertSteps } from "../../src/excel/insert-steps";
import { HostError } from "../../src/plan/host";
import { FakeExcel, officeError } from "./fake-excel";
import { planTemplate } from "../../src/plan/template";
import { hostOn } from "./helpers";

/** A workbook with data, a workbook-scoped name and a sheet other than the first active. */
function workbook(): FakeExcel {
  const fake = new FakeExcel(["Sheet1", "Data"]);
  fake.type("Data", "A1", 42);
  fake.sheet("Data")!.names.set("mine", "=Data!$A$1");
  fake.names.set("rate", "=0.5");
  fake.active = "Data";
  return fake;
}

/** 200 lines of every kind: a plan large enough to take several write batches. */
const plan = planTemplate(
  "legacy-2011",
  {
    options: 200,
    fundsLines: 200,
    warrants: 200,
    convertibles: 200,
    arrangements: 200,
    otherMovements: 200,
  },
  { monthEnded: "30/11/2011" }
);
/** Read, add, then the write batches. */
const SYNCS = 2 + batchesOf(insertSteps(plan, "MR 2011-11")).length;

describe("an insert that fails at any sync leaves the workbook exactly as it was", () => {
  test("the insert of 200 lines of every kind takes several syncs (so each one below is a real point)", () => {
    expect(SYNCS).toBeGreaterThan(3);
  });

  test.each(Array.from({ length: SYNCS }, (_, k) => k + 1))(
    "a failure at sync %i, before Excel applied any of it",
    async (n) => {
      const fake = workbook();
      const before = fake.snapshot();
      fake.failSync = (k) => (k === n ? officeError("GeneralException", "Lost") : undefined);
      const failure = await hostOn(fake)
        .insertTemplate(plan)
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(HostError);
      expect((failure as Error).message).not.toContain("may be left");
      expect(fake.snapshot()).toBe(before);
      expect(fake.active).toBe("Data");
    }
  );

  test.each(Array.from({ length: SYNCS - 2 }, (_, k) => k + 3))(
    "a failure at write sync %i, after Excel applied what came before the failing action",
    async (n) => {
      const fake = workbook();
      const before = fake.snapshot();
      fake.failAfterApplying = true;
      fake.failSync = (k) => (k === n ? officeError("GeneralException", "Lost") : undefined);
      await expect(hostOn(fake).insertTemplate(plan)).rejects.toBeInstanceOf(HostError);
      expect(fake.snapshot()).toBe(before);
    }
  );

  test("the clean-up deletes by the new sheet's id and activates the sheet that was active", async () => {
    const fake = workbook();
    fake.failSync = (k) => (k === 3 ? officeError("GeneralException") : undefined);
    await expect(hostOn(fake).insertTemplate(plan)).rejects.toBeInstanceOf(HostError);
    const cleanUp = fake.ops.slice(fake.ops.map((op) => op.member).lastIndexOf("delete") - 1);
    const [lookup, remove, activeLookup, activate] = cleanUp;
    expect(lookup.member).toBe("getItem");
    expect(lookup.args?.[0]).toMatch(/^\{F\d+\}$/); // an id, never the name
    expect(remove).toMatchObject({ member: "delete", sheet: "MR 2011-11" });
    expect(activeLookup.args?.[0]).toBe(fake.sheet("Data")!.id);
    expect(activate).toMatchObject({ member: "activate", sheet: "Data" });
  });

  test("when the add's own request fails after adding, the message says the sheet may be left", async () => {
    const fake = workbook();
    fake.failAfterApplying = true;
    fake.failSync = (k) => (k === 2 ? officeError("GeneralException", "Lost") : undefined);
    const failure = await hostOn(fake)
      .insertTemplate(plan)
      .catch((e: unknown) => e);
    // the id never came back, and a sheet of that name may be a co-author's: it is not deleted
    expect(fake.ops.some((op) => op.member === "delete")).toBe(false);
    expect((failure as Error).message).toContain('"MR 2011-11" may be left');
  });
});

describe("a co-author's sheet of the same name", () => {
  test("appearing between the read and the add is never deleted or written", async () => {
    const fake = workbook();
    fake.beforeSync = (n) => {
      if (n !== 2) return;
      fake.addSheet("MR 2011-11");
      fake.type("MR 2011-11", "B2", "the co-author's work");
    };
    const failure = await hostOn(fake)
      .insertTemplate(plan)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as Error).message).toMatch(/sheet of that name/);
    expect(fake.sheet("MR 2011-11")?.cells.get("2,2")).toBe("the co-author's work");
    expect(fake.ops.some((op) => op.member === "delete")).toBe(false);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Data", "MR 2011-11"]);
  });

  test("appearing after the add, renamed from ours, is told apart by id", async () => {
    const fake = workbook();
    // a co-author renames our new sheet and makes one with its old name; then a write fails
    fake.beforeSync = (n) => {
      if (n !== 3) return;
      fake.sheet("MR 2011-11")!.name = "Renamed";
      fake.addSheet("MR 2011-11");
      fake.type("MR 2011-11", "B2", "the co-author's work");
    };
    fake.failSync = (k) => (k === 3 ? officeError("GeneralException") : undefined);
    await expect(hostOn(fake).insertTemplate(plan)).rejects.toBeInstanceOf(HostError);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Data", "MR 2011-11"]);
    expect(fake.sheet("MR 2011-11")?.cells.get("2,2")).toBe("the co-author's work");
  });
});
