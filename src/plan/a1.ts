import type { Address } from "./types";

/** The column letters of a 1-based column number: 1 A, 26 Z, 27 AA. */
export function columnLetters(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** The A1 address of a 1-based row and column. */
export const a1 = (row: number, col: number): Address => `${columnLetters(col)}${row}`;

/** The absolute A1 address ($B$7) of a 1-based row and column. */
export const absolute = (row: number, col: number): Address => `$${columnLetters(col)}$${row}`;

/** A rectangle's address; a single cell is written as one cell. */
export const rect = (row: number, col: number, lastRow: number, lastCol: number): Address =>
  row === lastRow && col === lastCol ? a1(row, col) : `${a1(row, col)}:${a1(lastRow, lastCol)}`;

/** Cells joined into vertical runs (same column, consecutive rows), as rectangles. */
export function runsOf(cells: readonly { row: number; col: number }[]): Address[] {
  const sorted = [...cells].sort((p, q) => p.col - q.col || p.row - q.row);
  const out: Address[] = [];
  for (let k = 0; k < sorted.length;) {
    let end = k;
    while (
      end + 1 < sorted.length &&
      sorted[end + 1].col === sorted[k].col &&
      sorted[end + 1].row === sorted[end].row + 1
    ) {
      end++;
    }
    out.push(rect(sorted[k].row, sorted[k].col, sorted[end].row, sorted[k].col));
    k = end + 1;
  }
  return out;
}

/** Whether cells form one vertical run, so that a range can pass them in order. */
export function isColumnRun(cells: readonly { row: number; col: number }[]): boolean {
  return cells.every(
    (c, k) => k === 0 || (c.col === cells[0].col && c.row === cells[k - 1].row + 1)
  );
}

/** A defined name for a field id or check key: letters, digits and underscores, as Excel allows. */
export function nameOf(prefix: string, id: string): string {
  return `${prefix}${id.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, "")}`;
}

/** A sheet name quoted for a formula reference: 'MR 2011-11'. */
export const quoteSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** Characters of one text in a formula: Excel's "Text values in formulas are limited to 255". */
const TEXT_MAX = 255;

/**
 * A text as a formula writes it: quoted, and joined with "&" from pieces of at most TEXT_MAX
 * characters (a shape that repeats many typed lines has a long spec), as Excel's message advises.
 */
export function textOf(text: string): string {
  const pieces: string[] = [];
  for (let k = 0; k < text.length || k === 0; k += TEXT_MAX)
    pieces.push(text.slice(k, k + TEXT_MAX));
  return pieces.map((piece) => `"${piece.replace(/"/g, '""')}"`).join("&");
}
