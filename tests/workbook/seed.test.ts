import type { HyperFormula } from "hyperformula";
import { checksOf, reconcile } from "../../src/rules/reconcile";
import { monthReader } from "../../src/rules/read";
import { isZero } from "../../src/values/decimal";
import { loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { cellsRead, figuresOf, withValue } from "../support/figures-read";
import { perturb } from "../support/perturb";
import { applyFixture, type MonthSheet } from "./workbook";

const seed = loadFixture("seed-kingsoft-2011-11.json");
/** Figures (a number, Nil or an amount in the seed) that the month's checks read, by field id. */
const figuresRead = (crossMonth: boolean): string[] =>
  figuresOf(seed.month, cellsRead(seed.month, crossMonth));

// form-spec.md, "The seed as a fixture": a price on a line with nothing exercised is read by no sum
const reader = monthReader(seed.month.layout, seed.month.values);
const idlePrices = new Set(
  seed.month.layout.domains.option
    .filter((key) => {
      const exercised = reader.byId(`A.${key}.exercised`);
      return exercised.tag !== "number" || isZero(exercised.value);
    })
    .map((key) => `A.${key}.price`)
);
const monthFigures = figuresRead(false).filter((id) => !idlePrices.has(id));
const crossFigures = figuresRead(true).filter((id) => !monthFigures.includes(id));
const figures = [...monthFigures, ...crossFigures];

let hf: HyperFormula;
let november: MonthSheet;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
  november = applyFixture(hf, seed).month;
});

test("the seed typed into its sheet reads OK in every check cell, and the summary 0", () => {
  const verdicts = november.plan.checks.map((c) => [c.key, november.sheet.checkValue(c.key)]);
  expect(verdicts.filter(([, v]) => v !== "OK")).toEqual([]);
  expect(november.plan.checks.length).toBe(checksOf(seed.month.layout).length);
  expect(november.sheet.summary()).toBe("Ready to file");
  expect(november.sheet.marks()).toEqual({ error: [], warning: [], "to-fill": [], likely: [] });
});

test("the cross-month checks read last month's sheet", () => {
  const cross = checksOf(seed.month.layout).filter((i) => i.cells.some((c) => c.prev));
  expect(cross.length).toBeGreaterThan(0);
  const formulas = november.plan.cells.filter((c) => cross.some((i) => i.key === c.check));
  expect(formulas.map((c) => c.content).join("\n")).toContain("'MR 2011-10'!");
});

test("the figures under test cover every section, this month's and last month's", () => {
  expect(monthFigures).toEqual(
    expect.arrayContaining(["auth.total", "issued.ord1.movement.shares", "A.funds.1.amount"])
  );
  expect(crossFigures).toEqual(expect.arrayContaining(["A.1.mayIssue", "A.5.lapsed"]));
});

test.each(figures)("changing %s alone marks it, and restoring it clears the mark", (id) => {
  const typed = String(seed.month.values[id]);
  const changed = perturb(typed);
  const findings = reconcile(withValue(seed.month, id, changed), seed.previous).filter((f) =>
    f.cells.includes(id)
  );
  expect(findings).not.toEqual([]);
  const isError = findings.some((f) => f.severity === "error");

  november.sheet.setInput(id, changed);
  const marks = november.sheet.marks();
  const summary = november.sheet.summary();
  november.sheet.setInput(id, typed);

  expect({ id, marked: (isError ? marks.error : marks.warning).includes(id) }).toEqual({
    id,
    marked: true,
  });
  if (isError) expect(summary).toMatch(/\d+ errors?/);
  else expect({ summary, errors: marks.error }).toEqual({ summary: "Ready to file", errors: [] });
  expect(november.sheet.marks()).toEqual({ error: [], warning: [], "to-fill": [], likely: [] });
  expect(november.sheet.summary()).toBe("Ready to file");
});

test.each([
  ["issued.ord1.movement.shares", "=1/0"],
  ["A.1.exercised", "=NA()"],
  ["A.funds.1.amount", "=1/0"],
  ["hdr.submitted", "=1/0"],
])("an error value (%s typed as %s) never reads ready in the summary", (id, formula) => {
  november.sheet.setInput(id, formula);
  const summary = november.sheet.summary();
  const marks = november.sheet.marks();
  november.sheet.setInput(id, String(seed.month.values[id]));
  // an error value never reads ready: the summary counts the check cells not OK instead
  expect(summary).toMatch(/^Not ready: check cells in error or not readable: [1-9]\d*$/);
  expect(marks.error).toContain(id);
  expect(november.sheet.summary()).toBe("Ready to file");
});

test("a warning rule marks its cells as a warning and leaves the return ready to file", () => {
  const typed = String(seed.month.values["hdr.submitted"]);
  november.sheet.setInput("hdr.submitted", "30/12/2011"); // weeks after the deadline
  const marks = november.sheet.marks();
  const summary = november.sheet.summary();
  november.sheet.setInput("hdr.submitted", typed);
  expect(marks).toEqual({
    error: [],
    warning: expect.arrayContaining(["hdr.submitted"]) as unknown,
    "to-fill": [],
    likely: [], // a date is never a likely wrong figure: no value of it is solved for
  });
  expect(summary).toBe("Ready to file · 1 warning");
  expect(november.sheet.marks()).toEqual({ error: [], warning: [], "to-fill": [], likely: [] });
});
