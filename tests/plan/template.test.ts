import { formVersion, layoutOf, type Shape } from "../../src/form";
import { checksOf } from "../../src/rules/reconcile";
import { planTemplate, sheetNameFor } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";

const seedShape: Shape = {
  options: 5,
  fundsLines: 2,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
};
const fullShape: Shape = {
  options: 3,
  fundsLines: 2,
  warrants: 2,
  convertibles: 2,
  arrangements: 2,
  otherMovements: 3,
};
const withLines = (options: number): Shape => ({ ...fullShape, options });

const plan = planTemplate("legacy-2011", fullShape, {
  monthEnded: "30/11/2011",
  issuer: "Example Holdings Limited",
  classesInUse: ["ord1"],
});
const layout = layoutOf(formVersion("legacy-2011")!, fullShape);

/** Names a formula refers to (identifiers that are not functions, strings or cell addresses). */
function namesIn(formula: string): string[] {
  const withoutStrings = formula.replace(/"[^"]*"/g, "");
  return [...withoutStrings.matchAll(/(?<![\w$!.])([A-Za-z_][A-Za-z0-9_]*)(?![\w(])/g)]
    .map((m) => m[1])
    .filter((n) => !/^\$?[A-Z]{1,3}\$?\d+$/.test(n));
}

test("every input field of the form has one input cell and one worksheet name", () => {
  const inputs = plan.cells.filter((c) => c.role === "input").map((c) => c.field);
  expect(inputs.sort()).toEqual(layout.fields.map((f) => f.id).sort());
  const named = new Set(plan.names.filter((n) => n.field).map((n) => n.field));
  for (const f of layout.fields) expect(named.has(f.id)).toBe(true);
});

test("names are unique, Excel-valid and point into the sheet", () => {
  const names = plan.names.map((n) => n.name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
  for (const n of plan.names) {
    expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(n.name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
    expect(n.address).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
  }
});

test("every rule instance has exactly one check cell, calling HKMR.CHECK through names", () => {
  const keys = checksOf(layout).map((i) => i.key);
  const checks = plan.cells.filter((c) => c.role === "check");
  expect(checks.map((c) => c.check).sort()).toEqual([...keys].sort());
  const defined = new Set(plan.names.map((n) => n.name));
  for (const cell of checks) {
    expect(cell.content).toMatch(/^=HKMR\.CHECK\("legacy-2011\|[^"]+",?/);
    for (const name of namesIn(cell.content.replace(/^=HKMR\.CHECK/, "")))
      expect(defined).toContain(name);
  }
});

test("check cells sit beside what they check: on the row of their first cell", () => {
  const rowOf = new Map(plan.cells.filter((c) => c.field).map((c) => [c.field!, c.row]));
  for (const check of plan.checks) {
    const cell = plan.cells.find((c) => c.check === check.key)!;
    if (check.fields.length > 0) expect(cell.row).toBe(rowOf.get(check.fields[0]));
  }
});

test("conditional formats use native functions only, read a check by name and fail closed", () => {
  expect(plan.conditionalFormats.length).toBeGreaterThan(plan.checks.length);
  for (const cf of plan.conditionalFormats) {
    expect(cf.formula).not.toMatch(/HKMR\./);
    expect(cf.formula).toMatch(/IFERROR\(/);
    expect(cf.formula).toContain(plan.checks.find((c) => c.key === cf.check)!.name);
  }
  const errors = plan.conditionalFormats.filter((c) => c.severity === "error");
  const warnings = plan.conditionalFormats.filter((c) => c.severity === "warning");
  expect(errors.length).toBe(
    plan.checks.filter((c) => plan.conditionalFormats.some((f) => f.check === c.key)).length
  );
  expect(new Set(warnings.map((w) => w.fill))).not.toContain(errors[0].fill);
});

test("the summary reads the verdict of every check, failing closed on an error value", () => {
  const summary = plan.cells.find((c) => c.role === "summary")!;
  expect(summary.address).toBe(plan.summary);
  // HKMR.SUMMARY counts a missing check cell as an error; an error value among them skips it
  // (Excel never calls a function on one) and the checks neither OK, warning nor to fill count
  expect(summary.content).toMatch(
    new RegExp(
      `^=IFERROR\\(HKMR\\.SUMMARY\\(.+,${plan.checks.length}\\),"Not ready: .*"&\\(${plan.checks.length}-COUNTIF\\(.+,"OK"\\)-COUNTIF\\(.+,"Warning: \\*"\\)-COUNTIF\\(.+,"To fill\\*"\\)\\)\\)$`
    )
  );
});

test("inputs are unlocked and visibly distinct; labels, headings and formulas are locked", () => {
  expect(plan.styles.input.locked).toBe(false);
  expect(plan.styles.total.locked).toBe(false);
  expect(plan.styles.input.fill).toBeDefined();
  for (const cell of plan.cells) {
    const locked = plan.styles[cell.style].locked;
    expect({ at: cell.address, locked }).toEqual({
      at: cell.address,
      locked: cell.role !== "input",
    });
  }
});

test("number formats: #,##0 for shares, cents for money, decimals kept for par values and prices", () => {
  const format = (field: string) => plan.cells.find((c) => c.field === field)?.numberFormat;
  expect(format("issued.ord1.close.shares")).toBe("#,##0;(#,##0)");
  expect(format("auth.ord1.close.capital")).toBe("#,##0.00;(#,##0.00)");
  expect(format("auth.ord1.close.par")).toMatch(/^#,##0\.00#+$/);
  expect(format("A.1.price")).toMatch(/^#,##0\.00#+$/);
  expect(format("hdr.monthEnded")).toBe("dd/mm/yyyy");
  expect(format("auth.ord1.stockCode")).toBe("@");
});

test("inputs carry validation with a message, and a friendly warning that still allows Nil, N/A and -", () => {
  const figures = plan.validations.filter((v) => v.kind === "figure");
  expect(figures.length).toBeGreaterThan(0);
  for (const v of figures) {
    expect(v.formula).toMatch(/"Nil","N\/A","-"/);
    expect(v.inputMessage).toMatch(/Nil, N\/A or -/);
  }
  expect(plan.validations.find((v) => v.kind === "list")?.list).toEqual(["Yes", "No"]);
});

test("the header is filled from the task pane's choices and classes not in use read N/A", () => {
  const content = (field: string) => plan.cells.find((c) => c.field === field)?.content;
  expect(content("hdr.monthEnded")).toBe("30/11/2011");
  expect(content("hdr.issuer")).toBe("Example Holdings Limited");
  expect(content("issued.ord2.preceding.shares")).toBe("N/A");
  expect(content("issued.ord2.movement.shares")).toBe("Nil");
  expect(content("issued.ord1.preceding.shares")).toBe("");
  expect(plan.sheetName).toBe("MR 2011-11");
  expect(sheetNameFor("4 February 2019")).toBe("MR 2019-02");
  expect(sheetNameFor("TBC")).toBe("MR (new)");
});

test("the form's headings are on the sheet with its exact wording", () => {
  const text = new Set(plan.cells.map((c) => c.content));
  for (const heading of [
    "I. Movements in Authorised Share Capital",
    "II. Movements in Issued Share Capital",
    "III. Details of Movements in Issued Share Capital",
    "(A) Share Options (under Share Option Schemes of the Issuer)",
    "Balance at close of preceding month",
    "Increase/ (decrease) during the month",
    "No. of new shares of issuer issued during the month pursuant thereto",
    "6. Repurchase of shares",
    "Remarks (if any):",
  ]) {
    expect(text).toContain(heading);
  }
});

test("print setup: A4, one page wide, the header repeated, the form's columns only", () => {
  expect(plan.print).toMatchObject({ paper: "A4", fitToPagesWide: 1, titleRows: "$1:$5" });
  expect(plan.print.area).toBe(`A1:M${plan.rowCount}`);
});

test("the grid holds every cell's content and nothing else", () => {
  expect(plan.grid.length).toBe(plan.rowCount);
  for (const row of plan.grid) expect(row.length).toBe(plan.columnCount);
  const filled = plan.grid.flat().filter((c) => c !== "").length;
  expect(filled).toBe(plan.cells.filter((c) => c.content !== "").length);
});

test("cross-month checks read last month's sheet through its names when there is one", () => {
  const rolled = planTemplate("legacy-2011", seedShape, {
    monthEnded: "31/12/2011",
    previousSheet: "MR 2011-11",
  });
  const mayIssue = rolled.cells.find((c) => c.check === "options.mayissue[option=1]")!;
  expect(mayIssue.content).toContain("'MR 2011-11'!A_1_mayIssue");
  expect(mayIssue.content).toContain('|prev"');
  const alone = planTemplate("legacy-2011", seedShape, { monthEnded: "31/12/2011" });
  expect(alone.cells.find((c) => c.check === "options.mayissue[option=1]")!.content).not.toContain(
    "!"
  );
});

test.each([0, 1, 20, 200])("a shape of %i option lines plans correctly", (n) => {
  const p = planTemplate("legacy-2011", withLines(n));
  const l = layoutOf(formVersion("legacy-2011")!, withLines(n));
  expect(p.cells.filter((c) => c.role === "input").length).toBe(l.fields.length);
  expect(p.checks.length).toBe(checksOf(l).length);
  for (const cell of p.cells.filter((c) => c.role === "check"))
    expect(cell.content.length).toBeLessThan(8192);
});

test("the plan's size grows linearly with the option lines", () => {
  const size = (p: TemplatePlan) => [
    p.cells.length,
    p.names.length,
    p.checks.length,
    p.conditionalFormats.length,
    p.rowCount,
  ];
  const [s0, s100, s200] = [1, 101, 201].map((n) =>
    size(planTemplate("legacy-2011", withLines(n)))
  );
  for (let k = 0; k < s0.length; k++) expect(s200[k] - s100[k]).toBe(s100[k] - s0[k]);
});

test("an unknown form version is refused", () => {
  expect(() => planTemplate("legacy-1999", seedShape)).toThrow(/Unknown form version/);
});
