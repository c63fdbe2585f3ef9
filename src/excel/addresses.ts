import type { Address } from "../plan/types";

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/** The column number of column letters: A 1, Z 26, AA 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A cell reference ("B7", "$B$7") as row and column, or null. */
export function parseCell(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref.trim());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : null;
}

/** One area ("B7", "B7:D9", "$B$7:$D$9") as a rectangle, or null when it is not one. */
export function parseArea(address: string): Area | null {
  const [first, second, extra] = address.split(":");
  if (extra !== undefined) return null;
  const top = parseCell(first);
  const bottom = second === undefined ? top : parseCell(second);
  if (!top || !bottom) return null;
  return {
    row: Math.min(top.row, bottom.row),
    col: Math.min(top.col, bottom.col),
    lastRow: Math.max(top.row, bottom.row),
    lastCol: Math.max(top.col, bottom.col),
  };
}

/** The areas of a plan address ("B7,C9:C12" has two). */
export const areasOf = (address: Address): string[] => address.split(",").map((a) => a.trim());

/** A rows x columns block filled with one value, for a 2-D property write. */
export const filled = <T>(area: Area, value: T): T[][] =>
  Array.from({ length: area.lastRow - area.row + 1 }, () =>
    new Array<T>(area.lastCol - area.col + 1).fill(value)
  );

/** A sheet name Excel accepts: no : \ / ? * [ ], no apostrophe at either end, not blank. */
export function validSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, SHEET_NAME_MAX)
    .trim();
  return cleaned || "Return";
}

/**
 * The first free sheet name: the wanted one, else "<name> (2)", "(3)"..., shortened to fit
 * Excel's 31 characters. Excel compares names case-insensitively and reserves "History".
 */
export function freeSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  taken.add("history");
  const base = validSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Undoes a formula's sheet quoting: 'Jo''s sheet' -> Jo's sheet. */
const unquote = (sheet: string): string =>
  sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;

const SINGLE_CELL_NAME = /^=?((?:'(?:[^']|'')+')|[^'!]+)!(\$?[A-Za-z]{1,3}\$?\d+)$/;

/**
 * The cell a defined name refers to, when its formula is one cell on `sheetName`
 * (`='MR 2011-11'!$B$7`); null for a range, a constant, another sheet or #REF!.
 */
export function cellOfName(
  formula: string,
  sheetName: string
): { row: number; col: number } | null {
  const m = SINGLE_CELL_NAME.exec(formula.trim());
  if (!m || unquote(m[1]).toLowerCase() !== sheetName.toLowerCase()) return null;
  return parseCell(m[2]);
}

/** The rectangle of a range address as Excel reports it ("'MR 2011-11'!C3:P230"). */
export const areaOfAddress = (address: string): Area | null =>
  parseArea(address.slice(address.lastIndexOf("!") + 1));
