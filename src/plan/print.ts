/**
 * The print of a return: A4, the form's own columns fitted to one page wide, the form's header
 * repeated on each page, and a page break before a section that would otherwise split badly.
 * Pure arithmetic over the plan's widths and rows, shared by the plan, the tests and the bench.
 */
import { absolute } from "./a1";
import type { CellStyle, PlanCell, PrintSetup, StyleName, TemplatePlan } from "./types";

/** A4 in points (210 x 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Margins in points: narrow at the sides, room at the foot for the page number. */
export const PRINT_MARGINS: PrintSetup["margins"] = {
  left: 28.8,
  right: 28.8,
  top: 36,
  bottom: 43.2,
  header: 18,
  footer: 18,
};

/** The point size of the body text (labels and figures: Calibri 11, the sheet's default). */
export const BODY_FONT_PT = 11;
/** The height of a row of body text when the plan sets none (Excel's 15 pt for Calibri 11). */
export const DEFAULT_ROW_PT = 15;
/** Rows of the form's header repeated at the top of every page when the plan names none. */
export const TITLE_ROWS = 5;
/** A section longer than a page still starts on a new page if fewer rows than this fit here. */
const KEEP_ROWS = 6;
/** Room left for renderers that set rows a little taller than the plan says. */
const HEIGHT_SLACK = 0.97;

/**
 * A column's width in points as the Excel host sets it from the plan's characters: 7 px per
 * character of Calibri 11 plus 5 px of padding, at 0.75 pt per px (as src/excel/apply-plan.ts).
 */
export const columnPoints = (width: number): number => (width * 7 + 5) * 0.75;

/** The printable width and height of A4 in points for an orientation, inside the margins. */
export function printablePoints(orientation: PrintSetup["orientation"]): {
  width: number;
  height: number;
} {
  const [width, height] =
    orientation === "portrait" ? [A4.width, A4.height] : [A4.height, A4.width];
  const m = PRINT_MARGINS;
  return { width: width - m.left - m.right, height: height - m.top - m.bottom };
}

/** The printed scale of one orientation and the body text's resulting size. */
export interface PrintScale {
  readonly orientation: PrintSetup["orientation"];
  /** Percent, a whole number as Excel and LibreOffice fit to width (never enlarged past 100). */
  readonly scale: number;
  /** The body text's printed size in points. */
  readonly bodyPt: number;
  /** The print area's width in points at 100%. */
  readonly areaPoints: number;
}

/**
 * The scale at which the first `formColumns` columns of `columnWidths` (characters) print one
 * A4 page wide in `orientation`, and the body text's size at that scale.
 */
export function printScale(
  columnWidths: readonly number[],
  formColumns: number,
  orientation: PrintSetup["orientation"]
): PrintScale {
  const areaPoints = columnWidths.slice(0, formColumns).reduce((s, w) => s + columnPoints(w), 0);
  const fit = Math.floor((100 * printablePoints(orientation).width) / areaPoints);
  const scale = Math.max(10, Math.min(100, fit));
  return { orientation, scale, bodyPt: (BODY_FONT_PT * scale) / 100, areaPoints };
}

/** The orientation that prints the form larger; portrait when both reach 100% (fewer pages). */
export function bestScale(columnWidths: readonly number[], formColumns: number): PrintScale {
  const portrait = printScale(columnWidths, formColumns, "portrait");
  const landscape = printScale(columnWidths, formColumns, "landscape");
  return landscape.scale > portrait.scale ? landscape : portrait;
}

/** The height in sheet points that one page holds at `scale` in `orientation`. */
const capacityOf = (scale: number, orientation: PrintSetup["orientation"]): number =>
  (HEIGHT_SLACK * printablePoints(orientation).height * 100) / scale;

/**
 * The rows that start a new page: before a block (a section or part, from its heading to the
 * next heading) that would split across pages but fits on one, or that would leave fewer than a
 * few of its rows at the foot of a page. The host breaks the rest where pages fill, and repeats
 * the first `titleRows` rows at the top of each page. `heights` are points, row 1 first.
 */
export function rowBreaksOf(
  heights: readonly number[],
  blockStarts: readonly number[],
  scale: number,
  orientation: PrintSetup["orientation"],
  titleRows: number = TITLE_ROWS
): number[] {
  const capacity = capacityOf(scale, orientation);
  const height = (from: number, to: number): number =>
    heights.slice(from - 1, to).reduce((s, h) => s + h, 0);
  const title = height(1, titleRows);
  const starts = [...new Set([1, ...blockStarts])]
    .filter((r) => r >= 1 && r <= heights.length)
    .sort((p, q) => p - q);
  const breaks: number[] = [];
  let used = 0;
  starts.forEach((start, k) => {
    const end = (starts[k + 1] ?? heights.length + 1) - 1;
    const whole = height(start, end);
    const head = height(start, Math.min(end, start + KEEP_ROWS - 1));
    if (k > 0 && used + whole > capacity) {
      if (whole <= capacity - title || used + head > capacity) {
        breaks.push(start);
        used = title;
      }
    }
    // row by row, as the host breaks a page where it fills
    for (let r = start; r <= end; r++) {
      if (used + heights[r - 1] > capacity) used = title;
      used += heights[r - 1];
    }
  });
  return breaks;
}

/**
 * How many pages the plan prints on: its rows at its scale, a new page at each of its breaks
 * and wherever a page fills, the title rows repeated on each.
 */
export function pageCountOf(plan: RowsInput & Pick<TemplatePlan, "print">): number {
  const heights = printedRowHeights(plan);
  const { scale, orientation, rowBreaks } = plan.print;
  const capacity = capacityOf(scale, orientation);
  const titleRows = Number(/(\d+)$/.exec(plan.print.titleRows)?.[1] ?? TITLE_ROWS);
  const title = heights.slice(0, titleRows).reduce((s, h) => s + h, 0);
  const manual = new Set(rowBreaks);
  let pages = 1;
  let used = 0;
  heights.forEach((h, k) => {
    if (manual.has(k + 1) || used + h > capacity) {
      pages += 1;
      used = title;
    }
    used += h;
  });
  return pages;
}

/** The rows of a sheet and its blocks, for its print setup. */
export interface PrintInput {
  readonly columnWidths: readonly number[];
  /** The form's own columns, A to the last column of its widest table; checks sit right of them. */
  readonly formColumns: number;
  readonly rowCount: number;
  /** Points per row, row 1 first; a missing row is DEFAULT_ROW_PT. */
  readonly rowHeights?: readonly (number | undefined)[];
  /** First rows of the sections and parts, in the form's order. */
  readonly sectionRows: readonly number[];
  /** Rows that head a section and so stay with the block below them. */
  readonly headingRows?: readonly number[];
  /** The form's header, rows 1 to this one, repeated at the top of each page. */
  readonly headerRows?: number;
}

/**
 * The print setup of a sheet: A4 in the orientation that prints larger, the form's columns
 * only (absolute, as LibreOffice needs them), its header on each page, breaks between sections.
 */
export function printSetupOf(input: PrintInput): PrintSetup {
  const best = bestScale(input.columnWidths, input.formColumns);
  const heights = Array.from(
    { length: input.rowCount },
    (_, k) => input.rowHeights?.[k] ?? DEFAULT_ROW_PT
  );
  // a section's own heading stays with the first part just below it
  const glued = new Set((input.headingRows ?? []).flatMap((r) => [r + 1, r + 2]));
  const starts = input.sectionRows.filter((r) => !glued.has(r));
  const header = input.headerRows ?? TITLE_ROWS;
  return {
    paper: "A4",
    orientation: best.orientation,
    fitToPagesWide: 1,
    titleRows: `$1:$${header}`,
    area: `${absolute(1, 1)}:${absolute(input.rowCount, input.formColumns)}`,
    margins: PRINT_MARGINS,
    rowBreaks: rowBreaksOf(heights, starts, best.scale, best.orientation, header),
    scale: best.scale,
    footer: "Page &P of &N",
  };
}

/** The field on the last line of the form's own header ("Date Submitted"). */
const HEADER_END_FIELD = "hdr.submitted";

/**
 * The rows that open a section or a part, those of sections alone, and the form's header (rows 1
 * to "Date Submitted"), from the plan's cells.
 */
export function sectionRowsOf(cells: readonly PlanCell[]): {
  sectionRows: number[];
  headingRows: number[];
  headerRows: number;
} {
  const at = (style: StyleName): number[] =>
    cells.filter((c) => c.col === 1 && c.style === style).map((c) => c.row);
  const headingRows = at("section");
  return {
    sectionRows: [...headingRows, ...at("part")].sort((p, q) => p - q),
    headingRows,
    headerRows: cells.find((c) => c.field === HEADER_END_FIELD)?.row ?? TITLE_ROWS,
  };
}

/** What a row's printed height is worked out from: the plan's cells, styles, and any set heights. */
export interface RowsInput {
  readonly cells: readonly PlanCell[];
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly rowCount: number;
  /** Heights the plan sets, in points; a row not listed is worked out from its fonts. */
  readonly rowHeights?: readonly { readonly row: number; readonly points: number }[];
}

/**
 * Each row's height in points: the plan's own where it sets one, else one line of the row's
 * largest font, as a host sets it (15 pt for Calibri 11).
 */
export function printedRowHeights({ cells, styles, rowCount, rowHeights }: RowsInput): number[] {
  const heights = new Array<number>(rowCount).fill(DEFAULT_ROW_PT);
  for (const c of cells) {
    const size = styles[c.style].fontSize ?? BODY_FONT_PT;
    heights[c.row - 1] = Math.max(heights[c.row - 1], (size * DEFAULT_ROW_PT) / BODY_FONT_PT);
  }
  for (const { row, points } of rowHeights ?? []) heights[row - 1] = points;
  return heights;
}
