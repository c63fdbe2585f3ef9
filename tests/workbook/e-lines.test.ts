import type { HyperFormula } from "hyperformula";
import { reconcile } from "../../src/rules/reconcile";
import { loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { applyMonth, verdictKind, type MonthSheet } from "./workbook";

// The FF301 template with typed (E) lines repeated per class: repurchases cancelled in H and A
// shares, a "Repurchase of shares" line for each, typed into HyperFormula with the HKMR functions.

const october = loadFixture("ff301-repurchases-two-classes-2026-10.json");
const bad = loadFixture("bad-ff301-repurchase-second-class.json");
let hf: HyperFormula;
let sheet: MonthSheet;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
  sheet = applyMonth(hf, october.month);
});

const cellOf = (field: string) => sheet.plan.cells.find((c) => c.field === field)!;

const labelAt = (row: number): string | undefined =>
  sheet.plan.cells.find((c) => c.row === row && c.col === 1)?.content;

test("part (E) has a Repurchase of shares line for each class, one under the other", () => {
  const [first, second] = [cellOf("E.repurchase.issued"), cellOf("E.repurchase2.issued")];
  expect(second.row).toBe(first.row + 1);
  expect(second.col).toBe(first.col);
  expect([labelAt(first.row), labelAt(second.row)]).toEqual([
    "6. Repurchase of shares",
    "6. Repurchase of shares",
  ]);
  for (const suffix of ["price", "class", "date", "egmDate", "treasury", "mayIssue", "remark"])
    expect(cellOf(`E.repurchase2.${suffix}`).row).toBe(second.row);
  expect(labelAt(second.row + 1)).toBe("7. Redemption of shares");
});

test("typed in, every check cell reads OK and the summary reads Ready to file", () => {
  const notOk = sheet.plan.checks
    .map((c) => [c.key, sheet.sheet.checkValue(c.key)])
    .filter(([, v]) => v !== "OK");
  expect(notOk).toEqual([]);
  expect(sheet.sheet.summary()).toBe("Ready to file");
});

test("the bad twin's figure on the second line marks class (2)'s EE1 check, as the engine does", () => {
  const id = "E.repurchase2.issued";
  sheet.sheet.setInput(id, String(bad.month.values[id]));
  const verdicts = sheet.plan.checks.map((c) => [
    c.key,
    verdictKind(sheet.sheet.checkValue(c.key)),
  ]);
  const marks = sheet.sheet.marks();
  sheet.sheet.setInput(id, String(october.month.values[id]));
  const engine = reconcile(bad.month);
  expect(verdicts.filter(([, kind]) => kind !== "ok")).toEqual(
    engine.map((f) => [f.instance, f.severity])
  );
  expect(engine.map((f) => f.ruleId)).toEqual(["part.subtotals"]);
  // the marks are the failing check's cells, the line's figure and class (2)'s EE1 among them
  const check = sheet.plan.checks.find((c) => c.key === engine[0].instance)!;
  expect(marks.error).toEqual([...check.fields].sort());
  expect(marks.error).toEqual(expect.arrayContaining(["E.total.c2", id]));
  expect(marks.error).not.toContain("E.total.c1");
  expect(sheet.sheet.summary()).toBe("Ready to file");
});

test("a repurchase typed as an increase on the second line is a note, counted as a decrease", () => {
  const id = "E.repurchase2.issued";
  sheet.sheet.setInput(id, "3,000,000");
  const notOk = sheet.plan.checks
    .map((c) => [c.key, verdictKind(sheet.sheet.checkValue(c.key))])
    .filter(([, kind]) => kind !== "ok");
  sheet.sheet.setInput(id, String(october.month.values[id]));
  expect(notOk.map(([, kind]) => kind)).toEqual(["warning"]);
  expect(notOk[0][0]).toMatch(/^sign\.lines/);
});
