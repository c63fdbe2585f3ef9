import type { Layout, ValueKind } from "../form";
import type { CellStyle, PlanCell, StyleName } from "./types";

// How wide each column is and how tall each row, from what the cells hold: a figure column is as
// wide as the figure it takes ("1,000,250,000", "HKD 300,000,000.00"), the label column is
// narrow enough for the form's tables to come into view, and a label that would run into a filled
// cell wraps onto more lines instead, its row made tall enough to show them all. Pixels are
// estimated as Excel counts them: 7 px a character of the default font, plus 5 px of padding.

/** Characters of the label column (A): the form's line labels, long ones wrapped. */
export const LABEL_CHARS = 38;
/** Characters of a form column that holds no single input (headings wrap in it). */
const FORM_DEFAULT_CHARS = 12;
/** Characters of the status column beside the widest tables ("to fill"). */
export const STATUS_CHARS = 7;
/** Characters of the reason column beside the widest tables; the reason runs on where it can. */
export const REASON_CHARS = 60;
/** Characters of a check cell's column: out of the way, still there to read and to widen. */
export const CHECK_CHARS = 2;

/** Characters a figure of each kind needs as the form writes it, with room for a decrease. */
const KIND_CHARS: Readonly<Record<ValueKind, number>> = {
  shares: 13, // "(1,000,250,000)"
  money: 17, // "HKD 300,000,000.00"
  moneyList: 17,
  par: 13, // "HKD 0.0000125000"
  price: 13,
  date: 11, // "30/06/2026"
  currency: 8,
  class: 13,
  text: 13,
  tick: 6,
  remark: 13,
};

/** Pixels of a column `chars` characters wide, as Excel draws it. */
export const columnPx = (chars: number): number => Math.round(chars * 7 + 5);

/** Pixels of a row of column widths. */
export const widthPx = (widths: readonly number[]): number =>
  widths.reduce((sum, chars) => sum + columnPx(chars), 0);

/** A merge as 1-based rows and columns. */
export interface Span {
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** The spans of merges written "B7:D7". */
export function spansOf(merges: readonly string[]): Span[] {
  const at = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return {
      col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
      row: Number(m[2]),
    };
  };
  return merges.map((merge) => {
    const [first, last = first] = merge.split(":");
    const [p, q] = [at(first), at(last)];
    return { row: p.row, col: p.col, lastRow: q.row, lastCol: q.col };
  });
}

/**
 * The widths of the form's columns: the label column, then each column as wide as the widest
 * kind of figure typed alone in it (a merged input shares its columns' room).
 */
export function formColumnWidths(
  cells: readonly PlanCell[],
  layout: Layout,
  merged: ReadonlySet<string>,
  columns: number
): number[] {
  const widths = Array.from({ length: columns }, (_, k): number =>
    k === 0 ? LABEL_CHARS : FORM_DEFAULT_CHARS
  );
  for (const cell of cells) {
    if (cell.role !== "input" || cell.col === 1 || cell.col > columns || merged.has(cell.address))
      continue;
    const kind = layout.byId.get(cell.field ?? "")?.kind;
    if (kind) widths[cell.col - 1] = Math.max(widths[cell.col - 1], KIND_CHARS[kind]);
  }
  return widths;
}

/**
 * Pixels a text takes on one line in a style: 6.5 px a character (Calibri 11's letters average
 * about 6, its digits 7), 7 when bold, in proportion to a larger font.
 */
export function textPx(text: string, style: CellStyle): number {
  const perChar = (style.bold ? 7 : 6.5) * ((style.fontSize ?? 11) / 11);
  return text.length * perChar;
}

/** Lines a text takes wrapped at word breaks within `px` pixels (6 of them padding), and at its own breaks. */
export function linesIn(text: string, px: number, style: CellStyle): number {
  return text.split("\n").reduce((sum, line) => sum + lineCountOf(line, px, style), 0);
}

function lineCountOf(text: string, px: number, style: CellStyle): number {
  const room = Math.max(1, px - 6);
  const space = textPx(" ", style);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = textPx(word, style);
    if (used === 0) used = w;
    else if (used + space + w <= room) used += space + w;
    else {
      lines += 1;
      used = w;
    }
    while (used > room) {
      lines += 1; // a word longer than the line breaks anywhere
      used -= room;
    }
  }
  return lines;
}

/**
 * Headings with a compound word wider than their column ("authorised/registered"), each with a
 * line break after the word's slashes: Excel and LibreOffice break a wrapped cell at spaces
 * only, so the word would otherwise be cut mid-way. Keyed by address, the heading to write.
 */
export function headingsToBreak(
  cells: readonly PlanCell[],
  spans: readonly Span[],
  widths: readonly number[],
  styles: Readonly<Record<StyleName, CellStyle>>
): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of cells) {
    if (cell.style !== "heading" || cell.content.startsWith("=")) continue;
    const own = extentOf(cell, spans);
    const room = widthPx(widths.slice(cell.col - 1, own.lastCol)) - 6;
    const broken = cell.content.replace(/\S+/g, (word) =>
      word.includes("/") && textPx(word, styles.heading) > room
        ? word.replace(/\/(?=\S)/g, "/\n")
        : word
    );
    if (broken !== cell.content) out.set(cell.address, broken);
  }
  return out;
}

/** Points of one line of text in a style: 15 for the default 11 pt font. */
export const linePoints = (style: CellStyle): number =>
  Math.ceil(((style.fontSize ?? 11) * 15) / 11);

/** The default row height, in points. */
export const ROW_POINTS = 15;

/** A cell's extent on its row: its own column, or its merge's columns. */
function extentOf(cell: PlanCell, spans: readonly Span[]): Span {
  return (
    spans.find((s) => s.row === cell.row && s.col === cell.col) ?? {
      row: cell.row,
      col: cell.col,
      lastRow: cell.row,
      lastCol: cell.col,
    }
  );
}

/** Characters allowed for a name a label's formula shows (a class's name), beyond its own words. */
const NAME_ALLOWANCE = 20;

/**
 * The text a label shows, as far as the plan knows it: its content, or for a label computed by
 * a formula (one naming a class), the formula's quoted words with room for the name.
 */
export function shownLabel(content: string): string {
  if (!content.startsWith("=")) return content;
  const quoted = [...content.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]).join("");
  return quoted + "x".repeat(NAME_ALLOWANCE);
}

/**
 * The labels that would run into a filled cell, past the form's last column, or out of the
 * frozen column A, and so must wrap: their addresses, to take the wrapping label style.
 */
export function labelsToWrap(
  cells: readonly PlanCell[],
  spans: readonly Span[],
  widths: readonly number[],
  columns: number,
  styles: Readonly<Record<StyleName, CellStyle>>
): Set<string> {
  const taken = new Map<number, number[]>(); // row -> first columns of filled cells and merges
  const mark = (row: number, col: number) => taken.set(row, [...(taken.get(row) ?? []), col]);
  for (const cell of cells) mark(cell.row, cell.col);
  for (const span of spans) for (let r = span.row; r <= span.lastRow; r++) mark(r, span.col);
  const out = new Set<string>();
  for (const cell of cells) {
    if (cell.style !== "label") continue;
    const own = extentOf(cell, spans);
    // a label of the frozen column A stays within it, as the form scrolls beside it
    const next = Math.min(
      cell.col === 1 && own.lastCol === 1 ? 2 : columns + 1,
      ...(taken.get(cell.row) ?? []).filter((col) => col > own.lastCol)
    );
    const room = widthPx(widths.slice(cell.col - 1, Math.max(next - 1, own.lastCol)));
    if (textPx(shownLabel(cell.content), styles.label) + 6 > room) out.add(cell.address);
  }
  return out;
}

/**
 * The rows taller than the default: each as tall as the most lines a wrapping cell of it takes
 * in its width (a merged cell spans its columns), in points.
 */
export function rowHeightsOf(
  cells: readonly PlanCell[],
  spans: readonly Span[],
  widths: readonly number[],
  styles: Readonly<Record<StyleName, CellStyle>>
): { row: number; points: number }[] {
  const tallest = new Map<number, number>();
  for (const cell of cells) {
    const style = styles[cell.style];
    if (cell.content.startsWith("=") && cell.style !== "labelWrap") continue;
    const own = extentOf(cell, spans);
    if (own.lastRow > own.row) continue; // a cell over several rows has their height
    const lines = style.wrap
      ? linesIn(shownLabel(cell.content), widthPx(widths.slice(cell.col - 1, own.lastCol)), style)
      : 1;
    const points = lines * linePoints(style) + (lines > 1 ? 3 : 0);
    if (points > ROW_POINTS) tallest.set(cell.row, Math.max(tallest.get(cell.row) ?? 0, points));
  }
  return [...tallest].sort(([p], [q]) => p - q).map(([row, points]) => ({ row, points }));
}
