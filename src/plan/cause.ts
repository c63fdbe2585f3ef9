import { formVersion, layoutOf, LINE_DOMAINS, lineGroupOf, type Layout } from "../form";
import { shapeCode, shapeOfCode } from "../rules/check-cell";
import { checksOf, type MonthInput } from "../rules/reconcile";
import { a1, columnLetters, nameOf, quoteSheet, rect, textOf } from "./a1";
import { fieldPositionsOf } from "./positions";
import type { PlanCell } from "./types";

// The sheet's cause cell (HKMR.CAUSE) reads the whole return, where a check cell reads its own
// rule's cells: the form's field cells as column strips, and a key column of constants, one per
// row, the row's number in the plan. The strips stay clear of every formula that is not a field
// (the status and reason cells read the checks, which read the cause: a range over one of them
// would be a circular reference). The keys say where each planned row is now, after rows were
// inserted or moved elsewhere than among a table's lines.

/** The worksheet-scoped name of the cause cell, which every check cell reads first. */
export const CAUSE_NAME = "cause";

/** One column strip of field cells: a range the cause cell passes, in the plan's rows. */
export interface Strip {
  readonly col: number;
  readonly top: number;
  readonly bottom: number;
}

/** Arguments a function takes at most in Excel; the cause keeps well inside. */
const ARGUMENTS_MAX = 250;

/**
 * The column strips over the field cells of the form's columns: each a run of rows from a field
 * to a field, broken where a cell holds a formula of no field (which may read the checks).
 */
export function stripsOf(cells: readonly PlanCell[], formColumns: number): Strip[] {
  const fields = new Map<number, number[]>();
  const blocked = new Map<number, Set<number>>();
  for (const cell of cells) {
    if (cell.col > formColumns) continue;
    if (cell.field) fields.set(cell.col, [...(fields.get(cell.col) ?? []), cell.row]);
    else if (cell.content.startsWith("="))
      blocked.set(cell.col, (blocked.get(cell.col) ?? new Set()).add(cell.row));
  }
  const strips: Strip[] = [];
  for (const [col, rows] of [...fields].sort(([p], [q]) => p - q)) {
    const stops = blocked.get(col) ?? new Set<number>();
    let open: { top: number; bottom: number } | null = null;
    for (const row of rows.sort((p, q) => p - q)) {
      const clear = open !== null && ![...stops].some((r) => open!.bottom < r && r < row);
      if (open && clear) open.bottom = row;
      else {
        if (open) strips.push({ col, ...open });
        open = { top: row, bottom: row };
      }
    }
    if (open) strips.push({ col, ...open });
  }
  return strips;
}

/** Last month's cells the checks read (lines apart), once each, in the checks' order. */
export function previousCellsOf(layout: Layout): string[] {
  const ids = new Set<string>();
  for (const instance of checksOf(layout))
    for (const group of instance.inputs)
      if (group.domain === null) for (const c of group.cells) if (c.prev) ids.add(c.id);
  return [...ids];
}

/**
 * The cause cell's formula: HKMR.CAUSE on its spec (form, shape, strips), the key column's first
 * row and range, the strips, and last month's cells by name where the sheet has a previous month
 * and they fit in a call; blank (no suspect) where the function gives an error, so a check cell,
 * which reads the cause, never turns into an error value because of it.
 */
export function causeFormula(
  layout: Layout,
  strips: readonly Strip[],
  keys: { col: number; top: number; bottom: number },
  previousSheet: string | undefined
): string {
  const previous = previousSheet === undefined ? [] : previousCellsOf(layout);
  const withPrev = previous.length > 0 && 3 + strips.length + previous.length <= ARGUMENTS_MAX;
  const code = strips.map((s) => `${s.col}.${s.top}.${s.bottom}`).join(" ");
  const spec = [layout.form.id, shapeCode(layout.shape), code, ...(withPrev ? ["prev"] : [])];
  const args = [
    textOf(spec.join("|")),
    `ROW(${a1(keys.top, keys.col)})`,
    rect(keys.top, keys.col, keys.bottom, keys.col),
    ...strips.map((s) => rect(s.top, s.col, s.bottom, s.col)),
    ...(withPrev ? previous.map((id) => `${quoteSheet(previousSheet!)}!${nameOf("", id)}`) : []),
  ];
  return `=IFERROR(HKMR.CAUSE(${args.join(",")}),"")`;
}

/** A return as the cause cell reads it from the sheet, with each field's address now. */
export interface SheetMonth {
  readonly month: MonthInput;
  readonly previous?: MonthInput;
  readonly addressOf: (field: string) => string;
}

/** The cells of a range argument (a 2-D array), or a single value as one cell. */
const cellsOf = (arg: unknown): unknown[] => (Array.isArray(arg) ? arg.flat() : [arg]);

/** The planned row a key cell names, or null for a blank or anything else. */
const keyOf = (cell: unknown): number | null => {
  const n = typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell) : NaN;
  return Number.isSafeInteger(n) && n > 0 && cell !== "" ? n : null;
};

/**
 * Whether a row was inserted among a table's lines (a blank key between its first and last
 * line): the check cells' ranges then count it as a line, their single cells do not (a name
 * follows its row), so no one return matches every check and the cause stands aside.
 */
function linesInserted(
  planned: Layout,
  at: ReadonlyMap<string, { offset: number; col: number }>
): boolean {
  return LINE_DOMAINS.some((domain) => {
    const keys = planned.domains[domain];
    const rowOf = (key: string | undefined) =>
      key === undefined
        ? undefined
        : at.get(planned.byGroup.get(lineGroupOf(domain, key))?.[0]?.id ?? "");
    const [first, last] = [rowOf(keys[0]), rowOf(keys[keys.length - 1])];
    return first && last && last.offset - first.offset + 1 > keys.length;
  });
}

/** A cause spec read back: the form, the planned shape, the strips and whether it reads last month. */
function readSpec(spec: string) {
  const [formId, code, strips, ...flags] = spec.split("|");
  const form = formVersion(formId ?? "");
  const shape = shapeOfCode(code ?? "");
  const parsed = (strips ?? "").split(" ").map((s) => s.split(".").map(Number));
  if (!form || !shape || parsed.some((p) => p.length !== 3 || !p.every(Number.isSafeInteger)))
    return null;
  return {
    form,
    shape,
    strips: parsed.map(([col, top, bottom]) => ({ col, top, bottom })),
    withPrev: flags.includes("prev"),
  };
}

/**
 * The return the cause cell's arguments hold: each field's value where the key column says its
 * planned row is now; null where the sheet no longer matches its plan (a row of fields deleted,
 * a row inserted among a table's lines, a key written twice, a spec not ours).
 */
export function readSheetMonth(
  spec: string,
  top: number,
  keys: unknown,
  args: readonly unknown[]
): SheetMonth | null {
  const read = readSpec(spec);
  if (!read || !Number.isSafeInteger(top) || top < 1) return null;
  const { form, shape, strips } = read;
  const planned = layoutOf(form, shape);
  const positions = fieldPositionsOf(form.id, shape);
  // where each planned row is now, as an offset in the key column
  const offsetOf = new Map<number, number>();
  const keyed = cellsOf(keys).map(keyOf);
  for (const [offset, row] of keyed.entries()) {
    if (row === null) continue;
    if (offsetOf.has(row)) return null;
    offsetOf.set(row, offset);
  }
  // the strips' values by offset and column
  const held = new Map<string, unknown>();
  for (const [k, strip] of strips.entries()) {
    const start = offsetOf.get(strip.top);
    if (start === undefined || k >= args.length) return null;
    for (const [j, value] of cellsOf(args[k]).entries())
      held.set(`${start + j},${strip.col}`, value);
  }
  const at = new Map<string, { offset: number; col: number }>();
  for (const [id, p] of positions) {
    const offset = offsetOf.get(p.row);
    if (offset === undefined) return null; // a row of fields deleted
    at.set(id, { offset, col: p.col });
  }
  if (linesInserted(planned, at)) return null;
  const values: Record<string, unknown> = {};
  for (const [id, p] of at) values[id] = held.get(`${p.offset},${p.col}`) ?? "";
  const month = { layout: planned, values };
  const addressOf = (id: string): string => {
    const p = at.get(id);
    return p ? `${columnLetters(p.col)}${top + p.offset}` : "";
  };
  if (!read.withPrev) return { month, addressOf };
  const previous: Record<string, unknown> = {};
  for (const [k, id] of previousCellsOf(planned).entries())
    previous[id] = cellsOf(args[strips.length + k])[0] ?? "";
  return { month, previous: { layout: planned, values: previous }, addressOf };
}
