import type { Field, FormVersion } from "../form";
import { a1, columnLetters, rect } from "./a1";
import { typedValue } from "./typed-text";
import type { Address, CellRole, PlanCell, StyleName } from "./types";

/** Where a field sits on the sheet. */
export interface Position {
  readonly row: number;
  readonly col: number;
}

/** The columns of the form part of the sheet at least; the status, reason and check columns follow. */
export const FORM_COLUMNS = 13;

/**
 * A date format with its month names and separators pinned to English (United States, LCID
 * 409): the form is English, and an unpinned "mmmm" follows the user's locale (六月 in Chinese).
 */
export const pinnedToEnglish = (format: string): string =>
  format.startsWith("[$-") ? format : `[$-409]${format}`;

/** The number formats of a form's inputs by value kind, with its way of printing a decrease. */
export function numberFormatsOf(
  negatives: FormVersion["negatives"] = "brackets",
  dates = "dd/mm/yyyy"
): Readonly<Record<Field["kind"], string>> {
  const signed = (format: string): string =>
    negatives === "minus" ? `${format};-${format}` : `${format};(${format})`;
  return {
    shares: signed("#,##0"),
    money: signed("#,##0.00"),
    // par values and prices keep their decimals ("0.0005", "0.2118")
    par: "#,##0.00########",
    price: "#,##0.00########",
    date: pinnedToEnglish(dates),
    moneyList: "@",
    currency: "@",
    class: "@",
    text: "@",
    tick: "@",
    remark: "@",
  };
}

/** A worksheet being laid out row by row: cells, merges and where each field went. */
export class SheetBuilder {
  private readonly byAddress = new Map<string, PlanCell>();
  readonly merges: Address[] = [];
  readonly fieldAt = new Map<string, Position>();
  private readonly kinds = new Map<string, Field["kind"]>();
  private checkColumns = new Map<number, number>();
  row = 0;

  /**
   * A sheet whose form part is `formColumns` wide (then its status, reason and check columns),
   * with the number formats of its form.
   */
  constructor(
    readonly formColumns: number = FORM_COLUMNS,
    private readonly formats: Readonly<Record<Field["kind"], string>> = numberFormatsOf()
  ) {}

  /** The first column of the check cells, after the form and its status and reason columns. */
  get firstCheckColumn(): number {
    return this.formColumns + 3;
  }

  /** How many check cells a row holds so far. */
  checksOn(row: number): number {
    return (this.checkColumns.get(row) ?? this.firstCheckColumn) - this.firstCheckColumn;
  }

  /** Starts a new row and returns its number. */
  next(): number {
    this.row += 1;
    return this.row;
  }

  /** Leaves a blank row. */
  gap(): void {
    this.row += 1;
  }

  /** Puts a label or heading at a cell, optionally merged across to `toCol`. */
  text(
    col: number,
    text: string,
    style: StyleName,
    toCol?: number,
    role: CellRole = "label"
  ): void {
    this.put({ row: this.row, col, role, content: text, style });
    if (toCol !== undefined && toCol > col) this.merges.push(rect(this.row, col, this.row, toCol));
  }

  /**
   * Puts an input cell for a field, with its number format and initial content: a value, typed
   * so that text stays text (typedValue).
   */
  input(col: number, field: Field, content = "", toCol?: number, style: StyleName = "input"): void {
    this.put({
      row: this.row,
      col,
      role: "input",
      content: typedValue(content, field.kind),
      style,
      numberFormat: this.formats[field.kind],
      field: field.id,
    });
    this.fieldAt.set(field.id, { row: this.row, col });
    this.kinds.set(field.id, field.kind);
    if (toCol !== undefined && toCol > col) this.merges.push(rect(this.row, col, this.row, toCol));
  }

  /** Puts a check cell on `row`, in the first free check column of that row. */
  check(row: number, key: string, formula: string): Position {
    const col = this.checkColumns.get(row) ?? this.firstCheckColumn;
    this.checkColumns.set(row, col + 1);
    this.put({ row, col, role: "check", content: formula, style: "check", check: key });
    return { row, col };
  }

  /** Replaces an input's initial content with a value (carried from last month), typed as a value. */
  setInput(fieldId: string, content: string): void {
    const at = this.fieldAt.get(fieldId);
    if (!at) throw new RangeError(`No input cell for field ${fieldId}`);
    const address = a1(at.row, at.col);
    const cell = this.byAddress.get(address)!;
    this.byAddress.set(address, {
      ...cell,
      content: typedValue(content, this.kinds.get(fieldId)!),
    });
  }

  /**
   * Makes an input a computed cell: its initial content the template's formula (never typed as
   * text), in the computed style; it keeps its field, so hosts read its value as any input's.
   */
  setFormula(fieldId: string, formula: string): void {
    const at = this.fieldAt.get(fieldId);
    if (!at) throw new RangeError(`No input cell for field ${fieldId}`);
    if (!formula.startsWith("=")) throw new RangeError(`Not a formula: ${formula}`);
    const address = a1(at.row, at.col);
    const cell = this.byAddress.get(address)!;
    this.byAddress.set(address, { ...cell, content: formula, style: "computed" });
  }

  /** Whether a cell holds something. */
  has(row: number, col: number): boolean {
    return this.byAddress.has(a1(row, col));
  }

  /** Gives a label or heading other text: the same words, broken where the plan needs it. */
  retext(address: Address, content: string): void {
    const cell = this.byAddress.get(address);
    if (!cell) throw new RangeError(`No template cell at ${address}`);
    if (cell.content.replace(/\s+/g, "") !== content.replace(/\s+/g, ""))
      throw new RangeError(`Not the same words at ${address}`);
    this.byAddress.set(address, { ...cell, content });
  }

  /** Gives a cell another style (a label that must wrap). */
  restyle(address: Address, style: StyleName): void {
    const cell = this.byAddress.get(address);
    if (!cell) throw new RangeError(`No template cell at ${address}`);
    this.byAddress.set(address, { ...cell, style });
  }

  /** Puts any cell. */
  put(cell: Omit<PlanCell, "address">): void {
    const address = a1(cell.row, cell.col);
    if (this.byAddress.has(address)) throw new Error(`Template cell ${address} written twice`);
    this.byAddress.set(address, { ...cell, address });
  }

  /** The cells in row order. */
  cells(): PlanCell[] {
    return [...this.byAddress.values()].sort((p, q) => p.row - q.row || p.col - q.col);
  }

  /** The widest column used, check columns included. */
  lastColumn(): number {
    let last = this.formColumns;
    for (const cell of this.byAddress.values()) last = Math.max(last, cell.col);
    return last;
  }

  /** The contents as a rectangle of strings, for one 2-D write. */
  grid(rows: number, cols: number): string[][] {
    const grid = Array.from({ length: rows }, () => new Array<string>(cols).fill(""));
    for (const cell of this.byAddress.values()) grid[cell.row - 1][cell.col - 1] = cell.content;
    return grid;
  }

  /** The last column's letters, for print areas and ranges. */
  static letters(col: number): string {
    return columnLetters(col);
  }
}
