// Text stays text through the Excel host: the grid it writes through range.formulas carries
// Excel's text prefix on user text, and what it reads back rolls forward as the same text.
import { parseArea } from "../../src/excel/addresses";
import { rollForward } from "../../src/plan/roll-forward";
import { planTemplate } from "../../src/plan/template";
import { HOSTILE_TEXT } from "../support/hostile-text";
import { loadFixture } from "../support/fixtures";
import { FakeExcel, type Op } from "./fake-excel";
import { hostOn } from "./helpers";

const seed = loadFixture("seed-kingsoft-2011-11.json");
const CARRIED = ["hdr.issuer", "auth.ord1.description", "A.1.class"];

/** The cells the host wrote through range.formulas on a sheet, by row and column (1-based). */
function formulasOn(ops: readonly Op[], sheet: string): unknown[][] {
  const grid: unknown[][] = [];
  for (const op of ops) {
    if (op.kind !== "set" || op.member !== "formulas" || op.sheet !== sheet) continue;
    const area = parseArea(op.path.slice(op.path.indexOf("!") + 1))!;
    (op.value as unknown[][]).forEach((row, i) =>
      row.forEach((value, j) => {
        (grid[area.row - 1 + i] ??= [])[area.col - 1 + j] = value;
      })
    );
  }
  return grid;
}

describe.each(HOSTILE_TEXT)("the Excel host with user text %j", (text) => {
  test("writes carried text with the text prefix and reads the same text back", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    const host = hostOn(fake);
    const source = {
      sheetName: "MR 2011-11",
      formId: seed.doc.form,
      shape: seed.month.layout.shape,
      monthEnd: "2011-11-30",
      values: { ...seed.month.values, ...Object.fromEntries(CARRIED.map((f) => [f, text])) },
    };
    const plan = planTemplate(seed.doc.form, source.shape, rollForward(source));
    const { sheetName } = await host.insertTemplate(plan);
    const grid = formulasOn(fake.ops, sheetName);
    for (const field of CARRIED) {
      const cell = plan.cells.find((c) => c.field === field)!;
      expect({ field, written: grid[cell.row - 1][cell.col - 1] }).toEqual({
        field,
        written: `'${text}`,
      });
    }
    // no user text reaches range.formulas as something Excel would read as a formula
    const formulas = grid.flat().filter((v) => typeof v === "string" && /^[=+\-@]/.test(v));
    // (the template's own formulas are its labels, checks and computed totals, never user text)
    const template = new Set(
      plan.cells.filter((c) => c.role !== "input" || c.style === "computed").map((c) => c.content)
    );
    expect(formulas.filter((f) => !template.has(f as string))).toEqual([]);

    const read = (await host.readReturn(sheetName))!;
    for (const field of CARRIED)
      expect({ field, v: read.values[field] }).toEqual({ field, v: text });
    const again = planTemplate(seed.doc.form, source.shape, rollForward(read));
    for (const field of CARRIED)
      expect(again.cells.find((c) => c.field === field)?.content).toBe(`'${text}`);
  });
});
