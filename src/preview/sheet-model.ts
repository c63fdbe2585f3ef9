/**
 * What the preview grid needs to draw one return sheet, taken from its plan once: each cell's
 * style, number format and role, the merges, the conditional formats, the column widths and
 * row heights in pixels. Plain data: no DOM and no HyperFormula here.
 */
import type {
  CellRole,
  CellStyle,
  PlanConditionalFormat,
  StyleName,
  TemplatePlan,
} from "../plan/types";

/** A rectangle of 0-based rows and columns, last row and column included. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** What the plan says about one cell. */
export interface CellInfo {
  readonly role: CellRole;
  readonly style: StyleName;
  readonly numberFormat?: string;
  readonly field?: string;
  readonly check?: string;
}

/** A conditional format with its areas parsed. */
export interface ConditionalFormatModel extends PlanConditionalFormat {
  readonly areas: readonly Rect[];
}

/** One sheet's drawing model. */
export interface SheetModel {
  readonly rows: number;
  readonly cols: number;
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  /** Plan cells by key (row * cols + col). */
  readonly cells: ReadonlyMap<number, CellInfo>;
  /** Merges by the key of their top-left cell. */
  readonly merges: ReadonlyMap<number, Rect>;
  /** For every cell a merge covers (top-left included), the key of the merge's top-left cell. */
  readonly mergedInto: ReadonlyMap<number, number>;
  readonly conditionalFormats: readonly ConditionalFormatModel[];
  readonly colWidths: readonly number[];
  readonly colLefts: readonly number[];
  readonly rowHeights: readonly number[];
  readonly rowTops: readonly number[];
  readonly width: number;
  readonly height: number;
  /** Rows and columns frozen at the top and left: they stay in view while the rest scrolls. */
  readonly frozenRows: number;
  readonly frozenCols: number;
  /** For a text cell that may run on over empty cells to its right, the last column it may reach. */
  readonly overflow: ReadonlyMap<number, number>;
}

const CHAR_PX = 7; // Excel's default font: 7 pixels per character, plus 5 of padding
const BOLD_CHAR_PX = 7.8; // the browser's bold sans-serif runs wider than Calibri
const ROW_PX = 21;
const LINE_PX = 18; // the grid's line height (preview-styles.ts)

/** The 0-based row and column of an A1 cell ("B7" is row 6, column 1), or null. */
export function cellOfA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The A1 address of a 0-based row and column. */
export function a1Of(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** The rectangles of an address: "B7", "B7:D9", or areas joined by commas. */
export function rectsOf(address: string): Rect[] {
  return address.split(",").flatMap((area) => {
    const [first, last = first] = area.split(":");
    const a = cellOfA1(first);
    const b = cellOfA1(last);
    if (!a || !b) return [];
    return [
      {
        row: Math.min(a.row, b.row),
        col: Math.min(a.col, b.col),
        lastRow: Math.max(a.row, b.row),
        lastCol: Math.max(a.col, b.col),
      },
    ];
  });
}

/** Lines a text takes when wrapped at word breaks in a width, at `charPx` a character. */
function linesOf(text: string, widthPx: number, charPx: number): number {
  const perLine = Math.max(1, Math.floor((widthPx - 10) / charPx));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used === 0) used = length;
    else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
    while (used > perLine) {
      lines += 1; // a word longer than the line breaks anywhere
      used -= perLine;
    }
  }
  return lines;
}

/** Builds the drawing model of a plan. */
export function sheetModelOf(plan: TemplatePlan): SheetModel {
  const rows = plan.rowCount;
  const cols = plan.columnCount;
  const key = (row: number, col: number) => row * cols + col;

  const colWidths = Array.from({ length: cols }, (_, k) =>
    Math.round((plan.columnWidths[k] ?? 8.43) * CHAR_PX + 5)
  );
  const colLefts = prefixSums(colWidths);

  const cells = new Map<number, CellInfo>();
  for (const c of plan.cells) {
    cells.set(key(c.row - 1, c.col - 1), {
      role: c.role,
      style: c.style,
      numberFormat: c.numberFormat,
      field: c.field,
      check: c.check,
    });
  }

  const merges = new Map<number, Rect>();
  const mergedInto = new Map<number, number>();
  for (const rect of plan.merges.flatMap(rectsOf)) {
    const top = key(rect.row, rect.col);
    merges.set(top, rect);
    for (let r = rect.row; r <= rect.lastRow; r++)
      for (let c = rect.col; c <= rect.lastCol; c++) mergedInto.set(key(r, c), top);
  }

  // a row grows to fit its wrapped text (headings), as Excel's autofit would on entry
  const rowHeights = new Array<number>(rows).fill(ROW_PX);
  for (const c of plan.cells) {
    const style = plan.styles[c.style];
    const r = c.row - 1;
    const merge = merges.get(key(r, c.col - 1));
    const lastCol = merge ? merge.lastCol : c.col - 1;
    const width = colLefts[lastCol] + colWidths[lastCol] - colLefts[c.col - 1];
    const big = (style.fontSize ?? 11) > 11 ? 8 : 0;
    const charPx = style.bold ? BOLD_CHAR_PX : CHAR_PX;
    const lines = style.wrap && !c.content.startsWith("=") ? linesOf(c.content, width, charPx) : 1;
    rowHeights[r] = Math.max(rowHeights[r], lines * LINE_PX + 5 + big);
  }
  // and at least as tall as the plan sets it (points, 4/3 px each), as Excel shows it
  for (const { row, points } of plan.rowHeights ?? [])
    if (row <= rows)
      rowHeights[row - 1] = Math.max(rowHeights[row - 1], Math.ceil((points * 4) / 3));
  const rowTops = prefixSums(rowHeights);

  // text that does not wrap runs on over the empty cells to its right, as in Excel
  const overflow = new Map<number, number>();
  for (const c of plan.cells) {
    const style = plan.styles[c.style];
    const k = key(c.row - 1, c.col - 1);
    if (style.wrap || style.fill || merges.has(k) || (style.horizontal ?? "left") !== "left")
      continue;
    if (c.role === "input" || c.role === "check") continue;
    let last = c.col - 1;
    while (
      last + 1 < cols &&
      !cells.has(key(c.row - 1, last + 1)) &&
      !mergedInto.has(key(c.row - 1, last + 1))
    )
      last++;
    if (last > c.col - 1) overflow.set(k, last);
  }

  return {
    rows,
    cols,
    styles: plan.styles,
    cells,
    merges,
    mergedInto,
    conditionalFormats: plan.conditionalFormats.map((cf) => ({
      ...cf,
      areas: rectsOf(cf.address),
    })),
    colWidths,
    colLefts,
    rowHeights,
    rowTops,
    width: colLefts[cols - 1] + colWidths[cols - 1],
    height: rowTops[rows - 1] + rowHeights[rows - 1],
    frozenRows: Math.min(rows, plan.freeze?.rows ?? 0),
    frozenCols: Math.min(cols, plan.freeze?.columns ?? 0),
    overflow,
  };
}

/** The running totals before each element: [0, a, a + b, ...]. */
function prefixSums(values: readonly number[]): number[] {
  const out = new Array<number>(values.length);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    out[k] = sum;
    sum += values[k];
  }
  return out;
}

/** The first index whose start is at or before `offset` (binary search over running totals). */
export function indexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
