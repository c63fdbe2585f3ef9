import { verdictOf } from "../../src/rules/verdict";
import type { HyperFormula } from "hyperformula";
import { reconcile, type Finding, type MonthInput } from "../../src/rules/reconcile";
import { loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { FIGURES } from "../support/figures-read";
import { perturb } from "../support/perturb";
import { applyMonth, verdictKind, type MonthSheet } from "./workbook";

// The FF301 template in HyperFormula with the HKMR functions: the first FF301 fixture typed in,
// each figure changed alone, the class header typed once, amounts with their currency.

const june = loadFixture("ff301-options-treasury-example-2026-06.json");
let hf: HyperFormula;
let sheet: MonthSheet;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
  sheet = applyMonth(hf, june.month);
});

/** How the engine's findings for one instance read on its check cell. */
const expectedKind = (findings: readonly Finding[]): string =>
  findings.length === 0 ? "ok" : findings.some((f) => f.severity === "error") ? "error" : "warning";

/** Each check cell's verdict kind on the sheet, and as the engine gives it for `month`. */
function verdicts(month: MonthInput) {
  const engine = reconcile(month);
  return {
    sheet: sheet.plan.checks.map((c) => [c.key, verdictKind(sheet.sheet.checkValue(c.key))]),
    engine: sheet.plan.checks.map((c) => [
      c.key,
      expectedKind(engine.filter((f) => f.instance === c.key)),
    ]),
  };
}

/** The value a plan cell (by address) shows now. */
const shown = (address: string): unknown =>
  hf.getCellValue(hf.simpleCellAddressFromString(address, sheet.sheet.sheetId)!);

test("June typed into its FF301 sheet reads OK in every check cell, and the summary 0", () => {
  const notOk = sheet.plan.checks
    .map((c) => [c.key, sheet.sheet.checkValue(c.key)])
    .filter(([, v]) => v !== "OK");
  expect(notOk).toEqual([]);
  expect(sheet.sheet.summary()).toBe("Ready to file");
});

test("Section II shows the class header typed in Section I, and follows it", () => {
  const mirror = sheet.plan.cells.find((c) => c.content === '=""&auth_c1_className')!;
  const code = sheet.plan.cells.find((c) => c.content === '=""&auth_c1_stockCode')!;
  expect([shown(mirror.address), shown(code.address)]).toEqual(["Ordinary shares", "99999"]);
  sheet.sheet.setInput("auth.c1.className", "Class A shares");
  const renamed = shown(mirror.address);
  sheet.sheet.setInput("auth.c1.className", "Ordinary shares");
  expect(renamed).toBe("Class A shares");
  const blank = sheet.plan.cells.find((c) => c.content === '=""&auth_c1_multiCode')!;
  expect(shown(blank.address)).toBe(""); // a blank header cell reads blank, not 0
});

test("the subtotals and totals name their class by Section I's class name, as the form does", () => {
  const caption = (prefix: string): unknown => {
    const cell = sheet.plan.cells.find(
      (c) => c.role === "label" && c.content.startsWith(`="${prefix}`)
    )!;
    return shown(cell.address);
  };
  expect(caption("Increase in issued shares (excluding treasury shares): ")).toBe(
    "Increase in issued shares (excluding treasury shares): Ordinary shares (AA1)"
  );
  expect(caption("Decrease in treasury shares: ")).toBe(
    "Decrease in treasury shares: Ordinary shares (AA2)"
  );
  sheet.sheet.setInput("auth.c1.className", "");
  const blank = caption("Decrease in treasury shares: ");
  sheet.sheet.setInput("auth.c1.className", "Ordinary shares");
  expect(blank).toBe("Decrease in treasury shares: class (1) (AA2)");
});

const figures = june.month.layout.fields
  .filter((f) => FIGURES.has(f.kind) && typeof june.month.values[f.id] === "string")
  .map((f) => f.id);

test.each(figures)(
  "changing %s alone: every check cell reads as the engine, restoring it clears",
  (id) => {
    const typed = String(june.month.values[id]);
    const changed = perturb(typed);
    sheet.sheet.setInput(id, changed);
    const after = verdicts({
      layout: june.month.layout,
      values: { ...june.month.values, [id]: changed },
    });
    const marks = sheet.sheet.marks();
    sheet.sheet.setInput(id, typed);
    expect(after.sheet).toEqual(after.engine);
    // the conditional formats mark the cells of each check that is not OK, by its severity
    const expected = { error: new Set<string>(), warning: new Set<string>() };
    for (const [key, kind] of after.engine) {
      const check = sheet.plan.checks.find((c) => c.key === key)!;
      if (kind === "error" || kind === "warning")
        for (const f of check.fields) expected[kind].add(f);
    }
    // and the figures the engine names as likely wrong have the cause's mark: the changed one
    const suspects = verdictOf({
      layout: june.month.layout,
      values: { ...june.month.values, [id]: changed },
    }).suggestions.map((s) => s.field);
    expect(marks).toEqual({
      error: [...expected.error].sort(),
      warning: [...expected.warning].sort(),
      "to-fill": [],
      likely: [...new Set(suspects)].sort(),
    });
    if (suspects.length > 0) expect(marks.likely).toContain(id);
    expect(sheet.sheet.marks()).toEqual({ error: [], warning: [], "to-fill": [], likely: [] });
    expect(sheet.sheet.summary()).toBe("Ready to file");
  }
);

describe("amounts with their currency", () => {
  const cases: [string, boolean][] = [
    ["HKD 0.02", true],
    ["HKD 80,000,000", true],
    ["US$1.00", true],
    ["0.02", true],
    ["-1,000", true],
    ["Nil", true],
    ["HKD", false],
    ["two cents", false],
  ];

  test.each(cases)("the par value cell's validation takes %s: %s", (text, valid) => {
    const par = sheet.plan.names.find((n) => n.field === "auth.c1.preceding.par")!.address;
    const validation = sheet.plan.validations.find((v) => v.address.split(":")[0] === par)!;
    sheet.sheet.setInput("auth.c1.preceding.par", text);
    const result = hf.calculateFormula(validation.formula!, sheet.sheet.sheetId);
    sheet.sheet.setInput(
      "auth.c1.preceding.par",
      String(june.month.values["auth.c1.preceding.par"])
    );
    expect(result).toBe(valid);
  });
});
