import type { Shape } from "../../src/form";
import {
  linePoints,
  linesIn,
  ROW_POINTS,
  shownLabel,
  spansOf,
  textPx,
  widthPx,
} from "../../src/plan/layout";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";

/** A shape with `n` lines of every kind a return repeats. */
const linesShape = (formId: string, n: number): Shape => ({
  ...(formId.startsWith("ff301") ? { classes: 2 } : {}),
  options: n,
  fundsLines: 1,
  warrants: n,
  convertibles: n,
  arrangements: n,
  otherMovements: n,
});

const CASES = ["legacy-2011", "ff301-1.2"].flatMap((formId) =>
  [1, 20, 200].map((n) => [formId, n] as const)
);

/** The pixels of a cell's row: its set height, or the default. */
const rowPoints = (plan: TemplatePlan, row: number): number =>
  plan.rowHeights.find((r) => r.row === row)?.points ?? ROW_POINTS;

describe.each(CASES)("the %s sheet with %i lines of each kind", (formId, n) => {
  const plan = planTemplate(formId, linesShape(formId, n), { monthEnded: "2026-06-30" });
  const spans = spansOf(plan.merges);
  const extent = (row: number, col: number): number =>
    spans.find((s) => s.row === row && s.col === col)?.lastCol ?? col;

  test("is at most twice as wide as the form's own columns, checks included", () => {
    const form = widthPx(plan.columnWidths.slice(0, plan.formColumns));
    expect(widthPx(plan.columnWidths)).toBeLessThanOrEqual(2 * form);
  });

  test("clips no label: it fits before the next filled cell, or wraps in a row tall enough", () => {
    const filled = new Set(plan.cells.map((c) => `${c.row}:${c.col}`));
    for (const s of spans)
      for (let r = s.row; r <= s.lastRow; r++)
        for (let c = s.col; c <= s.lastCol; c++) filled.add(`${r}:${c}`);
    const clipped: string[] = [];
    for (const cell of plan.cells) {
      if (
        cell.content.startsWith("=") ||
        !["label", "labelWrap", "heading", "part", "title", "section"].includes(cell.style)
      )
        continue;
      const style = plan.styles[cell.style];
      const last = extent(cell.row, cell.col);
      if (style.wrap) {
        const px = widthPx(plan.columnWidths.slice(cell.col - 1, last));
        const needed = linesIn(cell.content, px, style) * linePoints(style);
        if (needed > rowPoints(plan, cell.row)) clipped.push(`${cell.address} (${needed} pt)`);
        continue;
      }
      let end = last;
      while (end < plan.formColumns && !filled.has(`${cell.row}:${end + 1}`)) end++;
      const room = widthPx(plan.columnWidths.slice(cell.col - 1, end));
      if (textPx(cell.content, style) + 6 > room) clipped.push(`${cell.address} "${cell.content}"`);
    }
    expect(clipped).toEqual([]);
  });

  test("freezes the label column and the title and month rows, with the verdict in them", () => {
    expect(plan.freeze).toEqual({ rows: 2, columns: 1 });
    const summary = plan.cells.find((c) => c.role === "summary")!;
    expect(summary.row).toBeLessThanOrEqual(plan.freeze.rows);
    // in view on opening: its left edge within the first 1,000 px of a 1,366 px screen
    expect(widthPx(plan.columnWidths.slice(0, summary.col - 1))).toBeLessThan(1000);
  });

  test("puts each row's status and reason right of its table, before the check cells", () => {
    const firstCheck = Math.min(...plan.cells.filter((c) => c.role === "check").map((c) => c.col));
    const checkRows = new Set(plan.cells.filter((c) => c.role === "check").map((c) => c.row));
    const statuses = plan.cells.filter((c) => c.style === "status");
    const statusRows = new Set(statuses.map((c) => c.row));
    for (const row of checkRows) expect(statusRows).toContain(row);
    for (const status of statuses) {
      expect(status.col + 1).toBeLessThan(firstCheck);
      const reason = plan.cells.find((c) => c.row === status.row && c.col === status.col + 1);
      expect(reason?.style).toBe("reason");
      // nothing of the form's own on the row lies right of the status
      const right = plan.cells.filter(
        (c) => c.row === status.row && c.col > status.col + 1 && c.col <= plan.formColumns
      );
      expect(right).toEqual([]);
    }
  });
});

describe("headings and labels that do not fit", () => {
  const plan = planTemplate("ff301-1.2", linesShape("ff301-1.2", 2));
  const spans = spansOf(plan.merges);

  test("a compound heading wider than its column breaks after its slash, and no word is cut", () => {
    const broken = plan.cells.filter((c) => c.style === "heading" && c.content.includes("/\n"));
    expect(broken.map((c) => c.content)).toContain("Number of authorised/\nregistered shares");
    for (const cell of plan.cells.filter((c) => c.style === "heading")) {
      const span = spans.find((x) => x.row === cell.row && x.col === cell.col);
      const px = widthPx(plan.columnWidths.slice(cell.col - 1, span?.lastCol ?? cell.col)) - 6;
      // a compound word too wide is broken at its slashes (the parts as wide as the form makes them)
      for (const word of cell.content.split(/\s+/).filter((w) => /\/\S/.test(w)))
        expect({ word, fits: textPx(word, plan.styles.heading) <= px }).toEqual({
          word,
          fits: true,
        });
    }
  });

  test("a label of the frozen column A wraps within it, so scrolling right never cuts it", () => {
    const px = widthPx(plan.columnWidths.slice(0, 1));
    // what a label computed from a class's name shows: its words and the name
    expect(shownLabel('="Total (AA1): "&IF(n="","class (1)",n)')).toMatch(
      /^Total \(AA1\): class \(1\)x+$/
    );
    for (const cell of plan.cells.filter((c) => c.col === 1 && c.style === "label")) {
      if (spans.some((x) => x.row === cell.row && x.col === 1 && x.lastCol > 1)) continue;
      expect({
        label: cell.content,
        fits: textPx(shownLabel(cell.content), plan.styles.label) + 6 <= px,
      }).toEqual({ label: cell.content, fits: true });
    }
    const aa1 = plan.cells.find((c) => c.col === 1 && c.content.includes("(AA1)"))!;
    expect(aa1.style).toBe("labelWrap");
    expect(plan.rowHeights.find((h) => h.row === aa1.row)?.points).toBeGreaterThan(15);
  });
});
