import type { Shape } from "../../src/form";
import {
  A4,
  bestScale,
  columnPoints,
  DEFAULT_ROW_PT,
  pageCountOf,
  PRINT_MARGINS,
  printScale,
  rowBreaksOf,
  printedRowHeights,
  sectionRowsOf,
} from "../../src/plan/print";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";

const shapeOf = (options: number, classes = 1): Shape => ({
  classes,
  options,
  fundsLines: 1,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 1,
});

const PLANS: readonly (readonly [string, TemplatePlan])[] = [
  ["legacy-2011, 1 option line", planTemplate("legacy-2011", shapeOf(1))],
  ["legacy-2011, 20 option lines", planTemplate("legacy-2011", shapeOf(20))],
  ["ff301-1.2, 2 classes, 3 option lines", planTemplate("ff301-1.2", shapeOf(3, 2))],
  ["ff301-1.2, 200 option lines", planTemplate("ff301-1.2", shapeOf(200))],
  ["ff301-1.0, 1 option line", planTemplate("ff301-1.0", shapeOf(1))],
];

/** The columns of an absolute area's last cell ("$A$1:$P$154" gives 16 and 154). */
function lastCellOf(area: string): { col: number; row: number } {
  const [, letters, row] = /:\$([A-Z]+)\$(\d+)$/.exec(area)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { col, row: Number(row) };
}

describe("the printed scale", () => {
  const printable = {
    portrait: A4.width - PRINT_MARGINS.left - PRINT_MARGINS.right,
    landscape: A4.height - PRINT_MARGINS.left - PRINT_MARGINS.right,
  };

  test.each([
    ["portrait", [46, ...Array<number>(12).fill(16)]],
    ["landscape", [46, ...Array<number>(15).fill(16)]],
  ] as const)("fits the form's columns one A4 page wide in %s", (orientation, widths) => {
    const s = printScale(widths, widths.length, orientation);
    const width = widths.reduce((sum, w) => sum + columnPoints(w), 0);
    // the whole percent at which the columns still fit, and the next one would not
    expect((s.scale * width) / 100).toBeLessThanOrEqual(printable[orientation]);
    expect(((s.scale + 1) * width) / 100).toBeGreaterThan(printable[orientation]);
    expect(s.bodyPt).toBeCloseTo((11 * s.scale) / 100, 5);
  });

  test("measures only the form's columns: the check columns right of them change nothing", () => {
    const form = [46, 16, 16, 16];
    expect(printScale([...form, 2, 60, 60, 60], form.length, "portrait")).toEqual(
      printScale(form, form.length, "portrait")
    );
  });

  test("never enlarges a narrow form past 100%, and prints it portrait", () => {
    const best = bestScale([20, 10, 10], 3);
    expect(best).toMatchObject({ orientation: "portrait", scale: 100, bodyPt: 11 });
  });

  test("turns a wide form landscape, where it prints larger", () => {
    const widths = [46, ...Array<number>(12).fill(16)];
    const best = bestScale(widths, widths.length);
    expect(best.orientation).toBe("landscape");
    expect(best.scale).toBeGreaterThan(printScale(widths, widths.length, "portrait").scale);
  });

  test("is a column's width as the Excel host sets it: 7 px a character and 5 px of padding", () => {
    expect(columnPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column, 64 px
  });
});

describe.each(PLANS)("the print of %s", (_, plan) => {
  const { print } = plan;
  const last = lastCellOf(print.area);

  test("covers the form's columns from A1 to the last row, absolute, and no check cell", () => {
    expect(print.area.startsWith("$A$1:")).toBe(true);
    expect(last.row).toBe(plan.rowCount);
    for (const c of plan.cells) {
      if (c.role === "check") expect(c.col).toBeGreaterThan(last.col);
      else if (c.role === "input") expect(c.col).toBeLessThanOrEqual(last.col);
    }
    // the form's widest table reaches its last column
    expect(plan.cells.some((c) => c.role !== "check" && c.col === last.col)).toBe(true);
  });

  test("prints in the orientation that gives the larger scale, on A4, one page wide", () => {
    const widths = plan.columnWidths;
    const portrait = printScale(widths, last.col, "portrait").scale;
    const landscape = printScale(widths, last.col, "landscape").scale;
    expect(print.scale).toBe(Math.max(portrait, landscape));
    expect(print.orientation).toBe(landscape > portrait ? "landscape" : "portrait");
    expect(print).toMatchObject({ paper: "A4", fitToPagesWide: 1 });
  });

  test("repeats the form's header on each page: the title down to Date Submitted, no section", () => {
    const [, rows] = /^\$1:\$(\d+)$/.exec(print.titleRows)!;
    const header = plan.grid.slice(0, Number(rows)).flat().join(" ");
    expect(header).toContain(plan.grid[0][0]);
    expect(header).toMatch(/Date Submitted/);
    const { sectionRows } = sectionRowsOf(plan.cells);
    expect(Math.min(...sectionRows)).toBeGreaterThan(Number(rows));
  });

  test("breaks pages only above a section or part heading, in order", () => {
    const { sectionRows } = sectionRowsOf(plan.cells);
    expect(print.rowBreaks.every((r) => sectionRows.includes(r))).toBe(true);
    expect([...print.rowBreaks].sort((p, q) => p - q)).toEqual(print.rowBreaks);
    expect(new Set(print.rowBreaks).size).toBe(print.rowBreaks.length);
  });

  test("prints on more pages than its breaks, and on at least as many as its height needs", () => {
    const pages = pageCountOf(plan);
    expect(pages).toBeGreaterThan(print.rowBreaks.length);
    const sheetPoints = plan.rowCount * DEFAULT_ROW_PT;
    const pagePoints =
      ((A4[print.orientation === "portrait" ? "height" : "width"] -
        PRINT_MARGINS.top -
        PRINT_MARGINS.bottom) *
        100) /
      print.scale;
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(sheetPoints / pagePoints));
  });
});

describe("page breaks between sections", () => {
  // landscape at 100%: a page holds the printable height (with a little slack) of 15 pt rows
  const capacity = Math.floor(
    (0.97 * (A4.width - PRINT_MARGINS.top - PRINT_MARGINS.bottom)) / DEFAULT_ROW_PT
  );
  const rows = (n: number): number[] => Array<number>(n).fill(DEFAULT_ROW_PT);

  test("needs none when every section fits where it falls", () => {
    expect(rowBreaksOf(rows(capacity), [6, 12, 20], 100, "landscape")).toEqual([]);
  });

  test("starts a section on a new page when it would split and fits on one", () => {
    const second = capacity - 10;
    expect(rowBreaksOf(rows(capacity + 5), [6, second], 100, "landscape")).toEqual([second]);
  });

  test("lets a section longer than a page run on where enough of it fits", () => {
    const second = 10;
    expect(rowBreaksOf(rows(3 * capacity), [6, second], 100, "landscape")).toEqual([]);
  });

  test("moves a long section whose heading would sit with a few rows at a page's foot", () => {
    const second = capacity - 2;
    expect(rowBreaksOf(rows(3 * capacity), [6, second], 100, "landscape")).toEqual([second]);
  });

  test("keeps a section's heading with the part just below it", () => {
    const plan = planTemplate("legacy-2011", shapeOf(1));
    const { sectionRows, headingRows } = sectionRowsOf(plan.cells);
    for (const r of plan.print.rowBreaks) {
      expect(headingRows.some((h) => h === r - 1 || h === r - 2)).toBe(false);
      expect(sectionRows).toContain(r);
    }
  });
});

describe("row heights for the page breaks", () => {
  const plan = planTemplate("ff301-1.2", shapeOf(1));

  test("are a line of each row's largest font where the plan sets none", () => {
    const heights = printedRowHeights({ ...plan, rowHeights: [] });
    const title = plan.styles.title.fontSize!;
    expect(heights[0]).toBeCloseTo((title * DEFAULT_ROW_PT) / 11, 6);
    expect(heights.slice(1)).toContain(DEFAULT_ROW_PT);
    expect(Math.min(...heights)).toBe(DEFAULT_ROW_PT);
  });

  test("follow the heights the plan sets, and so the page count does", () => {
    const tall = Array.from({ length: plan.rowCount }, (_, k) => ({
      row: k + 1,
      points: 3 * DEFAULT_ROW_PT,
    }));
    expect(
      printedRowHeights({ ...plan, rowHeights: [{ row: 2, points: 40 }] }).slice(1, 3)
    ).toEqual([40, DEFAULT_ROW_PT]);
    expect(pageCountOf({ ...plan, rowHeights: tall })).toBeGreaterThan(pageCountOf(plan));
  });
});
