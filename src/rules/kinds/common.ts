import {
  abs,
  cmp,
  decFromInt,
  decFromString,
  formatDec,
  mul,
  roundHalfUp,
  sub,
} from "../../values/decimal";
import type { Dec } from "../../values/decimal";
import type { Parsed } from "../../values/types";
import type { RunContext } from "../compile";
import type { CellRef } from "../read";
import type { Tolerance } from "../types";

const HALF_CENT: Dec = decFromString("0.005");

/** The value of a cell in this run, or null where last month's return (or its field) is missing. */
export function valueOf(ctx: RunContext, cell: CellRef): Parsed | null {
  if (!cell.prev) return ctx.cur.at(cell.index);
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
  const limit = mul(HALF_CENT, decFromInt(Math.max(1, products)));
  return cmp(abs(sub(a, b)), limit) <= 0;
}
