import type { HyperFormula } from "hyperformula";
import { planTemplate } from "../../src/plan/template";
import { applyPlanToHyperFormula } from "../../src/preview/hf-workbook";
import { computedFieldsOf } from "../../src/rules/compute-cell";
import { figureOf, parseField } from "../../src/rules/read";
import { abs, eq, ZERO } from "../../src/values/decimal";
import { fixtureNames, loadFixture, type Fixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { applyMonth, type MonthSheet } from "./workbook";

// The template's derived totals start as formulas (compute-cell.ts): a consistent return typed
// with its totals left to the formulas reads OK in every check, and a total typed over with a
// wrong figure fails the check of that total, on that cell.

const typed = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : "";

/** Applies a fixture's month with every input typed except the computed totals. */
function applyComputed(hf: HyperFormula, fixture: Fixture): MonthSheet {
  const previous = fixture.previous ? applyMonth(hf, fixture.previous) : undefined;
  const { form, shape } = fixture.month.layout;
  const plan = planTemplate(form.id, shape, {
    monthEnded: typed(fixture.month.values["hdr.monthEnded"]),
    previousSheet: previous?.sheet.sheetName,
  });
  const sheet = applyPlanToHyperFormula(hf, plan);
  const computed = computedFieldsOf(fixture.month.layout);
  hf.batch(() => {
    for (const { field } of plan.names) {
      if (field && !computed.has(field)) sheet.setInput(field, typed(fixture.month.values[field]));
    }
  });
  return { plan, sheet };
}

const consistent = fixtureNames().filter((name) => {
  const doc = loadFixture(name).doc;
  // a return given a last month that is not the month before skips its cross-month checks in the
  // engine only (a notice): the sheet's check cells cannot know, so those fixtures are left out
  return (
    !name.startsWith("bad-") &&
    (doc.meta?.expectedFindings ?? []).length === 0 &&
    (doc.meta?.expectedNotices ?? []).length === 0
  );
});

test("the fixtures include consistent returns of both forms", () => {
  expect(consistent.length).toBeGreaterThan(5);
  expect(consistent.some((n) => n.startsWith("ff301-"))).toBe(true);
  expect(consistent.some((n) => n.startsWith("seed-"))).toBe(true);
});

/** The fixture applied with its totals left to the formulas, in a workbook of the suite's own. */
function computedSheet(fixture: Fixture): () => MonthSheet {
  let hf: HyperFormula;
  let month: MonthSheet;
  beforeAll(async () => {
    hf = await hkmrHyperFormula();
    month = applyComputed(hf, fixture);
  });
  afterAll(() => hf.destroy());
  return () => month;
}

describe.each(consistent)("%s with its totals left to the formulas", (name) => {
  const fixture = loadFixture(name);
  const sheetOf = computedSheet(fixture);

  test("every check reads OK", () => {
    const month = sheetOf();
    const verdicts = month.plan.checks.map((c) => [c.key, month.sheet.checkValue(c.key)]);
    expect(verdicts.filter(([, v]) => v !== "OK")).toEqual([]);
  });

  test("each computed total equals the figure the return states, where it states one", () => {
    const month = sheetOf();
    const { layout } = fixture.month;
    for (const id of computedFieldsOf(layout).keys()) {
      const field = layout.byId.get(id)!;
      const stated = parseField(field, fixture.month.values[id]);
      const got = parseField(field, month.sheet.value(id));
      if (stated.tag === "blank" || stated.tag === "na") continue;
      if (field.kind === "moneyList") {
        expect([id, got]).toMatchObject([id, { tag: "moneyList" }]);
        continue;
      }
      // a figure read as a magnitude (AA2 to DD2) counts whatever its sign
      const read = (p: typeof got) =>
        (field.magnitude ? abs : (d: typeof ZERO) => d)(figureOf(p) ?? ZERO);
      expect([id, eq(read(stated), read(got))]).toEqual([id, true]);
    }
  });
});

/** A figure that differs from what a computed cell shows: one more, in the cell's own terms. */
function wrongFigure(kind: string, shown: unknown): string {
  const n = typeof shown === "number" ? shown : 0;
  if (kind === "moneyList") return `${String(shown).replace(/[\d,.]+$/, "")}1.00`;
  return kind === "money" ? (n + 1).toFixed(2) : String(n + 1);
}

describe.each(["seed-kingsoft-2011-11.json", "ff301-options-treasury-example-2026-06.json"])(
  "%s: a total typed over",
  (name) => {
    const fixture = loadFixture(name);
    const { layout } = fixture.month;
    const sheetOf = computedSheet(fixture);

    test("shows the figures the form states, computed", () => {
      const month = sheetOf();
      const cells = month.plan.cells.filter((c) => c.style === "computed");
      expect(cells.map((c) => c.field).sort()).toEqual([...computedFieldsOf(layout).keys()].sort());
      for (const c of cells) expect(c.content).toMatch(/^=(IF\(TRIM\(.*)?HKMR\.COMPUTE(LIST)?\(/);
      if (name.startsWith("seed-")) {
        expect(month.sheet.value("auth.total")).toBe("US$1,200,000.00");
        expect(month.sheet.value("A.total.ord1")).toBe(52000);
        expect(month.sheet.value("AtoE.ord1")).toBe(52000);
        expect(month.sheet.value("A.funds.1.amount")).toBe(10292);
        expect(month.sheet.value("A.funds.2.amount")).toBe(0);
      } else {
        // AA2 counts whatever its sign, and is written as its lines are: "-2,000,000"
        expect(month.sheet.value("A.treasury.c1")).toBe(-2000000);
        expect(month.sheet.value("A.total.c1")).toBe(1000000);
        expect(month.sheet.value("A.funds.1.amount")).toBe(3750000);
        expect(month.sheet.value("auth.total")).toBe("HKD 80,000,000.00"); // as its blocks write it
      }
    });

    test.each([...computedFieldsOf(layout).keys()])(
      "typing a wrong figure over %s fails the check of that total, on its cell",
      (id) => {
        const month = sheetOf();
        const field = layout.byId.get(id)!;
        const formula = month.plan.cells.find((c) => c.field === id)!.content;
        const shown = month.sheet.value(id);
        month.sheet.setInput(id, wrongFigure(field.kind, shown));
        const how = computedFieldsOf(layout).get(id)!;
        expect(month.sheet.checkValue(how.instance.key)).toMatch(/^Error: /);
        expect(month.sheet.marks().error).toContain(id);
        // the figure typed back as computed holds again, and so does the formula put back
        month.sheet.setInput(id, typeof shown === "number" ? String(shown) : String(shown));
        expect(month.sheet.checkValue(how.instance.key)).toBe("OK");
        month.sheet.setInput(id, formula);
        expect(month.sheet.value(id)).toEqual(shown);
        expect(month.sheet.checkValue(how.instance.key)).toBe("OK");
      }
    );
  }
);

describe.each([
  [
    "legacy-2011",
    { options: 2, fundsLines: 2, warrants: 1, convertibles: 1, arrangements: 1, otherMovements: 1 },
  ],
  [
    "ff301-1.2",
    {
      classes: 2,
      options: 2,
      fundsLines: 2,
      warrants: 1,
      convertibles: 1,
      arrangements: 1,
      otherMovements: 1,
    },
  ],
] as const)("a new %s sheet", (formId, shape) => {
  let hf: HyperFormula;
  let month: MonthSheet;
  let computed: string[];
  beforeAll(async () => {
    hf = await hkmrHyperFormula();
    const plan = planTemplate(formId, shape, { monthEnded: "30 June 2026" });
    month = { plan, sheet: applyPlanToHyperFormula(hf, plan) };
    computed = plan.cells.filter((c) => c.style === "computed").map((c) => c.field!);
  });
  afterAll(() => hf.destroy());

  test("never asks for a computed total to be filled in", () => {
    expect(computed.length).toBeGreaterThan(0);
    const toFill = () => month.sheet.marks()["to-fill"];
    expect(toFill().length).toBeGreaterThan(0); // the header and signature are to fill
    expect(toFill().filter((id) => computed.includes(id))).toEqual([]);
    // an option line and a funds line in use: their totals compute, none is to fill
    month.sheet.setInput("A.1.exercised", "1,000");
    month.sheet.setInput("A.1.issued", "1,000");
    month.sheet.setInput("A.1.price", "HK$1.50");
    month.sheet.setInput("A.funds.1.currency", "HK$");
    expect(month.sheet.value("A.funds.1.amount")).toBe(1500);
    expect(toFill().filter((id) => computed.includes(id))).toEqual([]);
    const first = formId === "legacy-2011" ? "ord1" : "c1";
    expect([month.sheet.value(`A.total.${first}`), month.sheet.value(`AtoE.${first}`)]).toEqual([
      1000, 1000,
    ]);
  });
});

describe("a row inserted among the option lines of a sheet with computed totals", () => {
  const seed = loadFixture("seed-kingsoft-2011-11.json");
  let hf: HyperFormula;
  let month: MonthSheet;
  beforeAll(async () => {
    hf = await hkmrHyperFormula();
    month = applyComputed(hf, seed);
  });
  afterAll(() => hf.destroy());

  test("joins the totals it adds: the part's total, the total of A to E and the funds", () => {
    const sheet = month.sheet.sheetId;
    const line1 = (column: string) =>
      hf.simpleCellAddressFromString(
        hf.getNamedExpressionFormula(`A_1_${column}`, sheet)!.slice(1),
        sheet
      )!;
    hf.addRows(sheet, [line1("exercised").row + 1, 1]);
    const typed = { exercised: "1,000", price: "US$1.00", issued: "1,000", class: "Ordinary" };
    hf.batch(() => {
      for (const [column, text] of Object.entries(typed))
        hf.setCellContents({ ...line1(column), row: line1(column).row + 1 }, text);
    });
    expect(month.sheet.value("A.total.ord1")).toBe(53000);
    expect(month.sheet.value("AtoE.ord1")).toBe(53000);
    expect(month.sheet.value("A.funds.1.amount")).toBe(11292);
    for (const key of [
      "total.A[class=ord1]",
      "total.AtoE[class=ord1]",
      "options.funds[lines=option]",
    ])
      expect([key, month.sheet.checkValue(key)]).toEqual([key, "OK"]);
    // the movement in II is typed: it now differs from the total of A to E, as it should
    expect(month.sheet.checkValue("total.ties.II[class=ord1]")).toMatch(/^Error: /);
  });
});
