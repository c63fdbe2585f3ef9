import * as decimalModule from "../../values/decimal";
import type { Dec } from "../../values/decimal";
import type { Parsed } from "../../values/types";
import type { RunContext } from "../compile";
import type { CellRef } from "../read";
import type { Tolerance } from "../types";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { abs, cmp, decFromInt, decFromString, formatDec, mul, roundHalfUp, sub } = decimalModule;

const HALF_CENT: Dec = decFromString("0.005");

/** A blank cell, for a value a kind reads where no cell is. */
export const BLANK: Parsed = { tag: "blank" };

/** Where a run finds a cell: its slot in this month's values, or LAST_MONTH (look up by id). */
export const LAST_MONTH = -2;

/**
 * The places of an instance's cells, for its run: a run reads numbers from one array instead of
 * following a CellRef object per cell, objects that a batch of many shapes keeps evicting from the
 * processor's cache (measured: most of a kind's run time was waiting for those loads).
 */
export const placesOf = (cells: readonly CellRef[]): readonly number[] =>
  cells.map((cell) => (cell.prev ? LAST_MONTH : cell.slot));

/** The slots of cells a kind reads from this month only (see placesOf). */
export const slotsIn = (cells: readonly CellRef[]): readonly number[] =>
  cells.map((cell) => cell.slot);

/** The value of cell k of `cells` in this run by its place, or null where last month's is missing. */
export function valueAt(
  ctx: RunContext,
  cells: readonly CellRef[],
  places: readonly number[],
  k: number
): Parsed | null {
  const place = places[k];
  return place === LAST_MONTH ? valueOf(ctx, cells[k]) : ctx.cur.atSlot(place);
}

/** The value of a cell in this run, or null where last month's return (or its field) is missing. */
export function valueOf(ctx: RunContext, cell: CellRef): Parsed | null {
  if (!cell.prev) return ctx.cur.atSlot(cell.slot);
  if (!ctx.prev || !ctx.prev.has(cell.id)) return null;
  return ctx.prev.byId(cell.id);
}

/** A figure as the messages show it: grouped digits, "Nil", "N/A" or "blank". */
export function shown(p: Parsed): string {
  switch (p.tag) {
    case "number":
      return formatDec(p.value);
    case "nil":
      return "Nil";
    case "na":
      return "N/A";
    case "blank":
      return "blank";
    case "date":
    case "text":
    case "moneyList":
    case "problem":
      return p.text;
  }
}

/** A computed figure for messages; money to the cent. */
export const shownDec = (d: Dec, tolerance: Tolerance): string =>
  tolerance === "cent" ? formatDec(roundHalfUp(d, 2), { places: 2 }) : formatDec(d);

/** Whether two figures agree: exactly, or within half a cent for each product summed (money). */
export function agrees(a: Dec, b: Dec, tolerance: Tolerance, products = 1): boolean {
  if (tolerance === "exact") return cmp(a, b) === 0;
  const limit = products <= 1 ? HALF_CENT : mul(HALF_CENT, decFromInt(products));
  return cmp(abs(sub(a, b)), limit) <= 0;
}
