import { HyperFormula } from "hyperformula";
import { formVersion, layoutOf, type Shape } from "../../src/form";
import { checksOf } from "../../src/rules/reconcile";
import { FIGURES } from "../../src/rules/suggest";
import { planTemplate, sheetNameFor, textOf } from "../../src/plan/template";
import { formulaAt, readsMany } from "../../src/plan/marks";
import { shiftFormula } from "../../src/plan/formula-tokens";
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

test("conditional formats use native functions only and read, at each cell, that cell's check", () => {
  const checkAt = new Map(plan.checks.map((c) => [c.key, c.address]));
  for (const cf of plan.conditionalFormats) {
    expect(cf.formula).not.toMatch(/HKMR\./);
    // fail closed: an error value in a check cell marks; the likely cause's format reads none
    if (cf.severity !== "likely") expect(cf.formula).toMatch(/IFERROR\(/);
    for (const part of cf.checks) {
      // the formula moved to the part's cells reads the part's own check cell, and only it
      // unless the format reads several checks for one cell
      const refs = formulaAt(cf, part.address).match(/\$[A-Z]+\$?\d+/g)!;
      const read = new Set(refs.map((r) => r.replace(/\$/g, "")));
      if (readsMany(cf)) expect(read).toEqual(new Set(cf.checks.map((p) => checkAt.get(p.key))));
      else expect(read).toEqual(new Set([checkAt.get(part.key)]));
    }
  }
});

test("every figure has the likely cause's format, which reads the cause for that cell's own address", () => {
  const layout = layoutOf(formVersion(plan.formId)!, plan.shape);
  const figures = plan.cells.filter((c) => c.field && FIGURES.has(layout.byId.get(c.field)!.kind));
  const likely = plan.conditionalFormats.filter((cf) => cf.severity === "likely");
  expect(likely.length).toBeGreaterThan(0);
  for (const cell of figures) {
    const covering = likely.filter((cf) =>
      cf.address.split(",").some((area) => {
        const [top, bottom = top] = area.split(":");
        const col = top.replace(/\d+$/, "");
        const row = (a: string) => Number(/\d+$/.exec(a)![0]);
        return (
          cell.address.replace(/\d+$/, "") === col &&
          row(top) <= cell.row &&
          cell.row <= row(bottom)
        );
      })
    );
    expect([cell.address, covering.length]).toEqual([cell.address, 1]);
    expect(formulaAt(covering[0], cell.address)).toContain(
      `ADDRESS(ROW(${cell.address}),COLUMN(${cell.address}),4)`
    );
    expect(covering[0].formula).toContain(",cause))");
  }
});

test("every input cell of a check is marked by an error format and a warning one (to fill for a completeness check)", () => {
  const fieldAt = new Map(plan.cells.filter((c) => c.field).map((c) => [c.address, c.field!]));
  const fills = (check: (typeof plan.checks)[number]) => check.ruleId === "complete";
  for (const severity of ["error", "warning", "to-fill"] as const) {
    const marked = new Map<string, Set<string>>();
    for (const cf of plan.conditionalFormats.filter((c) => c.severity === severity))
      for (const part of cf.checks)
        for (const address of cellsOf(part.address)) {
          const set = marked.get(part.key) ?? new Set<string>();
          set.add(fieldAt.get(address)!);
          marked.set(part.key, set);
        }
    for (const check of plan.checks.filter((c) => c.fields.length > 0)) {
      const wanted = severity === "error" || (severity === "to-fill") === fills(check);
      expect([...(marked.get(check.key) ?? [])].sort()).toEqual(
        wanted ? [...check.fields].sort() : []
      );
    }
  }
  const errors = plan.conditionalFormats.filter((c) => c.severity === "error");
  const warnings = plan.conditionalFormats.filter((c) => c.severity === "warning");
  expect(new Set(warnings.map((w) => w.fill))).not.toContain(errors[0].fill);
});

test("merged formats cost under a third of one per check and severity at 200 lines", () => {
  const large = planTemplate("legacy-2011", withLines(200));
  const marked = large.checks.filter((c) => c.fields.length > 0).length;
  expect(large.conditionalFormats.length).toBeLessThan((2 * marked) / 3);
});

test("a cell that many checks mark alone gets one format per severity reading them all", () => {
  const large = planTemplate("legacy-2011", withLines(200));
  const monthEnd = large.cells.find((c) => c.field === "hdr.monthEnded")!.address;
  const shared = large.conditionalFormats.filter((cf) => cf.address === monthEnd);
  // every line's date check reads the month end (dates.events)
  const readers = large.checks.filter(
    (c) => c.ruleId === "dates.events" && c.fields.includes("hdr.monthEnded")
  );
  expect(readers.length).toBeGreaterThan(200);
  // OR takes at most 255 arguments: 60 checks a format keeps well inside it and 8,192 characters
  expect(shared.length).toBeLessThanOrEqual(2 * Math.ceil(readers.length / 60) + 2);
  const keys = new Set(shared.flatMap((cf) => cf.checks.map((p) => p.key)));
  for (const check of readers) expect(keys).toContain(check.key);
});

/** The cells of an address, as A1 addresses. */
function cellsOf(address: string): string[] {
  return address.split(",").flatMap((area) => {
    const [from, to = from] = area.split(":");
    const [, c0, r0] = /^([A-Z]+)(\d+)$/.exec(from)!;
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(to)!;
    expect(c1).toBe(c0); // the plan's areas are column runs
    return Array.from({ length: Number(r1) - Number(r0) + 1 }, (_, k) => `${c0}${Number(r0) + k}`);
  });
}

test("the summary reads the verdict of every check, failing closed on an error value", () => {
  const summary = plan.cells.find((c) => c.role === "summary")!;
  expect(summary.address).toBe(plan.summary);
  // HKMR.SUMMARY counts a missing check cell as an error; an error value among them skips it
  // (Excel never calls a function on one) and the checks neither OK, warning nor to fill count
  expect(summary.content).toMatch(
    new RegExp(
      `^=IFERROR\\(HKMR\\.SUMMARY\\(.+,${plan.checks.length},cause\\),"Not ready: .*"&\\(${plan.checks.length}-COUNTIF\\(.+,"OK"\\)-COUNTIF\\(.+,"Warning: \\*"\\)-COUNTIF\\(.+,"To fill\\*"\\)\\)\\)$`
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
  // pinned to English, so the separators and digits read the same in every locale
  expect(format("hdr.monthEnded")).toBe("[$-409]dd/mm/yyyy");
  expect(format("auth.ord1.stockCode")).toBe("@");
});

test("inputs carry validation with a message, and a friendly warning that still allows Nil, N/A and -", () => {
  const figures = plan.validations.filter((v) => v.kind === "figure");
  expect(figures.length).toBeGreaterThan(0);
  for (const v of figures) {
    // no array constant: Excel refuses {...} in validation formulas
    expect(v.formula).not.toMatch(/[{}]/);
    expect(v.inputMessage).toMatch(/Nil, N\/A or -/);
  }
  expect(plan.validations.find((v) => v.kind === "list")?.list).toEqual(["Yes", "No"]);
});

describe("what the validation formulas accept, evaluated in HyperFormula", () => {
  /** The validation formula as Excel moves it from its run's top cell to the field's cell. */
  const formulaOf = (field: string): string => {
    const at = plan.cells.find((c) => c.field === field)!;
    const v = plan.validations.find((x) => x.formula && cellsOf(x.address).includes(at.address))!;
    const top = Number(/\d+/.exec(v.address)![0]);
    return shiftFormula(v.formula!, at.row - top, 0);
  };
  /** Whether a formula written for its run's top cell accepts `value` typed there. */
  function accepts(field: string, value: string | number): boolean {
    const at = plan.cells.find((c) => c.field === field)!;
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const sheet = hf.getSheetId(hf.addSheet("S"))!;
    hf.setCellContents({ sheet, row: at.row - 1, col: at.col - 1 }, [[value]]);
    const result = hf.calculateFormula(formulaOf(field), sheet);
    hf.destroy();
    return result === true;
  }
  const words = ["Nil", "nil", "N/A", "-", "--", "Not applicable", " Nil "];
  test.each([1234, "1,234", "(500)", "-500", "123,456,789*", ...words])(
    "a figure cell takes %j",
    (value) => expect(accepts("issued.ord1.close.shares", value)).toBe(true)
  );
  test.each(["HKD 0.10", "US$0.0353", "HK$1,234.50", "0.10", "Nil", "HKD 300,000,000.00"])(
    "an amount cell takes %j",
    (value) => expect(accepts("auth.ord1.close.par", value)).toBe(true)
  );
  // (an empty figure, "*" alone, reads 0 in HyperFormula where Excel gives #VALUE!: not tried)
  test.each(["twelve", "HKD", "12 apples"])("a figure cell warns on %j", (value) =>
    expect(accepts("issued.ord1.close.shares", value)).toBe(false)
  );
  test.each(["HKD", "HKD ten", "par"])("an amount cell warns on %j", (value) =>
    expect(accepts("auth.ord1.close.par", value)).toBe(false)
  );
});

test("the header is filled from the task pane's choices and classes not in use read N/A", () => {
  const content = (field: string) => plan.cells.find((c) => c.field === field)?.content;
  expect(content("hdr.monthEnded")).toBe("40877"); // 30/11/2011 as Excel's date serial
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
  expect(plan.print.area).toBe(`$A$1:$M$${plan.rowCount}`);
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
  expect(mayIssue.content).toContain('|prev|cause"');
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
  const size = (p: TemplatePlan) => [p.cells.length, p.names.length, p.checks.length, p.rowCount];
  const [s0, s100, s200] = [10, 105, 200].map((n) =>
    size(planTemplate("legacy-2011", withLines(n)))
  );
  for (let k = 0; k < s0.length; k++) expect(s200[k] - s100[k]).toBe(s100[k] - s0[k]);
  // merged formats grow by fewer than the lines, in steps as their addresses fill up
  const formats = [1, 100, 199].map(
    (n) => planTemplate("legacy-2011", withLines(n)).conditionalFormats.length
  );
  expect(formats[2] - formats[1]).toBeLessThanOrEqual(formats[1] - formats[0] + 2);
  expect(formats[2] - formats[0]).toBeLessThan(40); // one per check and severity: 9 a line
});

test("an unknown form version is refused", () => {
  expect(() => planTemplate("legacy-1999", seedShape)).toThrow(/Unknown form version/);
});

test("a text over 255 characters is written as pieces of 255 joined by &, quotes doubled", () => {
  expect(textOf('a"b')).toBe('"a""b"');
  expect(textOf("")).toBe('""');
  const long = "x".repeat(255) + "y".repeat(10);
  expect(textOf(long)).toBe(`"${"x".repeat(255)}"&"${"y".repeat(10)}"`);
});
