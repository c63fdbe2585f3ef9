import { columnPoints } from "../../src/excel/apply-plan";
import { batchesOf, insertSteps } from "../../src/excel/insert-steps";
import { META_NAME } from "../../src/plan/meta";
import type { TemplatePlan } from "../../src/plan/types";
import { FakeExcel, type Op } from "./fake-excel";
import { hostOn, nameFormula, planWith } from "./helpers";

/** Every set of one property on objects whose path matches, as [path, value]. */
const setsOf = (ops: readonly Op[], member: string, path: RegExp): [string, unknown][] =>
  ops
    .filter((op) => op.kind === "set" && op.member === member && path.test(op.path))
    .map((op) => [op.path, op.value]);

const lastCell = (plan: TemplatePlan): string => {
  let letters = "";
  for (let n = plan.columnCount; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${plan.rowCount}`;
};

describe.each([1, 200])("inserting the template with %i option line(s)", (options) => {
  const plan = planWith(options);
  const fake = new FakeExcel(["Sheet1"]);
  let sheetName = "";
  const sheetOps = (): Op[] => fake.ops.filter((op) => op.sheet === sheetName);

  beforeAll(async () => {
    ({ sheetName } = await hostOn(fake).insertTemplate(plan));
  });

  test("uses one Excel.run: a read, the add, and one sync per request-sized batch", () => {
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(2 + batchesOf(insertSteps(plan, sheetName)).length);
  });

  test("adds a new sheet named after the month and leaves Sheet1 alone", () => {
    expect(sheetName).toBe("MR 2011-11");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "MR 2011-11"]);
    // Sheet1 is read (it was the active sheet) and never written
    expect(fake.writes().filter((op) => op.sheet === "Sheet1")).toEqual([]);
    expect(fake.sheet("Sheet1")?.cells.size).toBe(0);
  });

  test("writes the whole grid in row bands from A1 to the plan's last cell", () => {
    const writes = setsOf(fake.ops, "formulas", /./);
    expect(writes[0][0]).toMatch(new RegExp(`^${sheetName}!A1:`));
    expect(writes.at(-1)![0]).toMatch(new RegExp(`:${lastCell(plan)}$`));
    // whole numbers in inputs (date serials) go as numbers: compare as text
    const written = writes.flatMap(([, rows]) => rows as unknown[][]);
    expect(written.map((row) => row.map(String))).toEqual(plan.grid);
  });

  test("adds every plan name as a worksheet-scoped name on its cell, and the metadata", () => {
    const names = fake.sheet(sheetName)!.names;
    expect(names.size).toBe(plan.names.length + 1);
    for (const n of plan.names) expect(names.get(n.name)).toBe(nameFormula(sheetName, n.address));
    expect(names.get(META_NAME)).toBe(`="${plan.meta.value}"`);
  });

  test("puts each validation on its range as a warning with a prompt", () => {
    const ops = sheetOps();
    const at = (v: TemplatePlan["validations"][number], member: string): unknown =>
      setsOf(ops, member, /\.dataValidation$/).find(
        ([path]) => path === `${sheetName}!${v.address}.dataValidation`
      )?.[1];
    expect(setsOf(ops, "rule", /\.dataValidation$/)).toHaveLength(plan.validations.length);
    for (const v of plan.validations) {
      expect(at(v, "rule")).toEqual(
        v.kind === "list"
          ? { list: { inCellDropDown: true, source: v.list!.join(",") } }
          : { custom: { formula: v.formula } }
      );
      expect(at(v, "errorAlert")).toMatchObject({ showAlert: true, style: "Warning" });
      expect(at(v, "prompt")).toMatchObject({ showPrompt: true, title: v.inputTitle });
    }
  });

  test("adds every conditional format on its multi-area ranges, errors above warnings", () => {
    const ops = sheetOps();
    const adds = ops.filter((op) => op.kind === "call" && op.path.endsWith(".conditionalFormats"));
    expect(adds).toHaveLength(plan.conditionalFormats.length);
    expect(adds.every((op) => op.member === "add" && op.args?.[0] === "Custom")).toBe(true);
    const colors = new Map(setsOf(ops, "color", /\.custom\.format\.(fill|font)$/));
    const written = setsOf(ops, "formula", /\.custom\.rule$/).map(([path, formula]) => {
      const id = path.replace(/\.custom\.rule$/, "");
      const color = (part: string): unknown => colors.get(`${id}.custom.format.${part}`);
      const address = /!ranges\((.*)\)\.conditionalFormats/.exec(path)![1];
      return { address, formula, fill: color("fill"), fontColor: color("font") };
    });
    const planned = plan.conditionalFormats.map(({ address, formula, fill, fontColor }) => ({
      address,
      formula,
      fill,
      fontColor,
    }));
    expect([...written].sort(byJson)).toEqual([...planned].sort(byJson));
    // each add takes the top priority: the last added (errors) win where marks overlap
    const severity = written.map(
      (w) => plan.conditionalFormats.find((cf) => cf.formula === w.formula)!.severity
    );
    expect(severity.lastIndexOf("warning")).toBeLessThan(severity.indexOf("error"));
  });

  test("suspends calculation and screen updating before each write", () => {
    const calls = fake.ops.filter((op) => op.path === "application").map((op) => op.member);
    const writes = fake.syncs - 2;
    expect(calls).toEqual(
      Array.from({ length: writes }).flatMap(() => [
        "suspendApiCalculationUntilNextSync",
        "suspendScreenUpdatingUntilNextSync",
      ])
    );
  });

  test("sets number formats, merges, styles, widths, row heights, frozen panes and print setup from the plan", () => {
    const ops = sheetOps();
    expect(setsOf(ops, "numberFormat", /./)).toHaveLength(plan.numberFormats.length);
    expect(ops.filter((op) => op.member === "merge")).toHaveLength(plan.merges.length);
    const unlocked = setsOf(ops, "locked", /\.format\.protection$/);
    expect(unlocked.length).toBeGreaterThan(0);
    expect(unlocked.every(([, v]) => v === false)).toBe(true);
    const widths = setsOf(ops, "columnWidth", /./);
    expect(widths).toHaveLength(plan.columnWidths.length);
    expect(widths[0]).toEqual([`${sheetName}!A:A.format`, columnPoints(plan.columnWidths[0])]);
    const heights = setsOf(ops, "rowHeight", /./);
    expect(heights).toEqual(
      plan.rowHeights.map(({ row, points }) => [`${sheetName}!${row}:${row}.format`, points])
    );
    const freeze = ops.filter((op) => op.path === `${sheetName}.freezePanes`);
    expect(freeze.map((op) => [op.member, op.args])).toEqual([["freezeAt", ["A1:A2"]]]);
    const page = (member: string): unknown =>
      setsOf(ops, member, /\.pageLayout$/).map(([, v]) => v)[0];
    expect(page("paperSize")).toBe("A4");
    expect(page("orientation")).toBe(
      plan.print.orientation === "landscape" ? "Landscape" : "Portrait"
    );
    expect(page("zoom")).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(page("leftMargin")).toBe(plan.print.margins.left);
    const calls = ops.filter((op) => op.kind === "call" && op.path.endsWith(".pageLayout"));
    expect(calls.map((op) => [op.member, op.args])).toEqual([
      ["setPrintTitleRows", [plan.print.titleRows]],
      ["setPrintArea", [plan.print.area]],
    ]);
    const breaks = ops.filter(
      (op) => op.kind === "call" && op.path.endsWith(".horizontalPageBreaks")
    );
    expect(breaks.map((op) => op.args)).toEqual(plan.print.rowBreaks.map((r) => [`A${r}`]));
  });

  test("never protects the sheet, and ends on the new sheet with A1 selected", () => {
    // the worksheet's own protection object (not a range format's) is never touched
    const sheetProtection = (op: Op): boolean => op.path === `${sheetName}.protection`;
    expect(fake.ops.some((op) => op.member === "protect" || sheetProtection(op))).toBe(false);
    const tail = fake
      .writes()
      .filter((op) => op.sheet === sheetName)
      .slice(-2);
    expect(tail.map((op) => [op.path, op.member])).toEqual([
      [sheetName, "activate"],
      [`${sheetName}!A1`, "select"],
    ]);
    expect(fake.active).toBe(sheetName);
  });
});

const byJson = (p: unknown, q: unknown): number =>
  JSON.stringify(p) < JSON.stringify(q) ? -1 : JSON.stringify(p) > JSON.stringify(q) ? 1 : 0;

describe("inserting next to an existing sheet of the same name", () => {
  test("leaves the existing sheet unchanged and names the new one 'MR 2011-11 (2)'", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    const existing = fake.addSheet("MR 2011-11");
    fake.type("MR 2011-11", "B2", "my own notes");
    existing.names.set("mine", "='MR 2011-11'!$B$2");
    const before = JSON.stringify([[...existing.cells], [...existing.names]]);

    const { sheetName } = await hostOn(fake).insertTemplate(planWith(1));

    expect(sheetName).toBe("MR 2011-11 (2)");
    expect(fake.ops.filter((op) => op.sheet === "MR 2011-11")).toEqual([]);
    expect(JSON.stringify([[...existing.cells], [...existing.names]])).toBe(before);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "MR 2011-11", "MR 2011-11 (2)"]);
    expect(fake.sheet(sheetName)!.names.get("hdr_issuer")).toBe(nameFormula(sheetName, "B4"));
  });

  test("takes the next free number when '(2)' is taken too, whatever its case", async () => {
    const fake = new FakeExcel(["MR 2011-11", "mr 2011-11 (2)"]);
    await expect(hostOn(fake).insertTemplate(planWith(1))).resolves.toEqual({
      sheetName: "MR 2011-11 (3)",
    });
  });
});
