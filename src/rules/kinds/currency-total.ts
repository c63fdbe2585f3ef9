import * as decimalModule from "../../values/decimal";
import type { Dec } from "../../values/decimal";
import type { Currency } from "../../values/currency";
import type { Parsed } from "../../values/types";
import type { KindCompiler, Outcome, RunContext } from "../compile";
import * as readModule from "../read";
import type { CellRef } from "../read";
import type { CurrencyTotalRule } from "../types";
import * as commonModule from "./common";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { add, sign, ZERO } = decimalModule;
const { currencyOf, isUnreadable } = readModule;
const { agrees, slotsIn, shownDec } = commonModule;

const NONE: readonly Outcome[] = [];
const NO_VALUE: readonly Dec[] = [];

/** The blocks' amounts in one currency ("" where none can be known). */
interface Block {
  expected: Dec;
  cells: CellRef[];
}

// a total's currencies mixed in one figure are tried as every subset of the other currencies,
// which stays small: past this many currencies, mixing is not looked for
const MOST_CURRENCIES_MIXED = 6;

/**
 * Whether `value` is what adding the blocks of `own` to those of one or more other currencies
 * gives: a total that mixes currencies (T3), the one mismatch a second currency excuses.
 */
function mixesCurrencies(blocks: ReadonlyMap<string, Block>, own: string, value: Dec): boolean {
  const others = [...blocks].filter(([c]) => c !== own).map(([, b]) => b);
  if (others.length === 0 || others.length > MOST_CURRENCIES_MIXED) return false;
  const base = blocks.get(own)?.expected ?? ZERO;
  for (let subset = 1; subset < 1 << others.length; subset++) {
    let sum = base;
    let cells = blocks.get(own)?.cells.length ?? 0;
    for (let k = 0; k < others.length; k++) {
      if (subset & (1 << k)) {
        sum = add(sum, others[k].expected);
        cells += others[k].cells.length;
      }
    }
    if (agrees(sum, value, "cent", Math.max(1, cells))) return true;
  }
  return false;
}

/** The currency of a block's amount: its own, its heading's, else its row's (par value, heading). */
export function blockCurrency(
  ctx: RunContext,
  amount: Parsed,
  heading: number,
  row: readonly number[]
): Currency | null {
  const stated = currencyOf(amount, ctx.cur.atSlot(heading));
  if (stated !== null) return stated;
  for (const at of row) {
    // a row cell is a figure with its currency ("HKD 0.10") or a heading ("Par value (HK$)")
    const cell = ctx.cur.atSlot(at);
    const currency = currencyOf(cell, cell);
    if (currency !== null) return currency;
  }
  return null;
}

/**
 * Per currency: the stated total = Σ of the blocks' amounts in that currency (T3). An amount with
 * no currency takes its block's: its heading's, else its row's par value's; where none can be
 * known, the one currency the total states.
 */
export const currencyTotal: KindCompiler<CurrencyTotalRule> = (rule, scope) => {
  const total = scope.ref(rule.total);
  if (total.index < 0) return null;
  const keys = scope.keys(rule.blocks);
  const amounts = keys.map((c) => scope.ref(rule.amount, { c }));
  const headings = keys.map((c) => scope.ref(rule.amountCurrency ?? "", { c }));
  const rows = keys.map((c) => (rule.rowCurrency ?? []).map((t) => scope.ref(t, { c })));
  const [totalAt, amountAts, headingAts] = [total.slot, slotsIn(amounts), slotsIn(headings)];
  const rowAts = rows.map((cells) => slotsIn(cells));
  return {
    cells: [total, ...amounts],
    extra: [...headings, ...rows.flat()].filter((h) => h.index >= 0),
    run(ctx) {
      const vt = ctx.cur.atSlot(totalAt);
      if (vt.tag === "problem") return NONE;
      const blocks = new Map<string, Block>();
      for (let k = 0; k < amounts.length; k++) {
        const v = ctx.cur.atSlot(amountAts[k]);
        if (isUnreadable(v)) return NONE;
        if (v.tag !== "number") continue;
        const key = blockCurrency(ctx, v, headingAts[k], rowAts[k]) ?? "";
        const b = blocks.get(key) ?? { expected: ZERO, cells: [] };
        b.expected = add(b.expected, v.value);
        b.cells.push(amounts[k]);
        blocks.set(key, b);
      }
      if (vt.tag !== "moneyList" && vt.tag !== "number") {
        const anyCapital = [...blocks.values()].some((b) => sign(b.expected) !== 0);
        return anyCapital && vt.tag === "blank"
          ? [{ code: "currencyTotal.blank", severity: "warning" }]
          : NONE;
      }
      const items = vt.tag === "number" ? [{ value: vt.value, currency: vt.currency }] : vt.items;
      const stated = new Set(items.flatMap((item) => (item.currency ? [item.currency] : [])));
      const unknown = blocks.get("");
      if (unknown && stated.size === 1) {
        // blocks of no known currency are in the one currency the total states
        const [only] = stated;
        const b = blocks.get(only) ?? { expected: ZERO, cells: [] };
        blocks.set(only, {
          expected: add(b.expected, unknown.expected),
          cells: [...b.cells, ...unknown.cells],
        });
        blocks.delete("");
      }
      const known = [...blocks.keys()].filter((c) => c !== "");
      const out: Outcome[] = [];
      for (const item of items) {
        // a figure without a currency is in the only currency the blocks use
        const currency = item.currency ?? (known.length === 1 ? known[0] : "");
        const b = blocks.get(currency) ?? { expected: ZERO, cells: [] };
        if (agrees(b.expected, item.value, "cent", Math.max(1, b.cells.length))) continue;
        out.push({
          code: "currencyTotal.mismatch",
          cells: [total, ...b.cells],
          expected: `${currency ? `${currency} ` : ""}${shownDec(b.expected, "cent")}`,
          actual: `${currency ? `${currency} ` : ""}${shownDec(item.value, "cent")}`,
          // only a total that adds amounts in different currencies is excused by them (T3)
          currenciesDiffer: mixesCurrencies(blocks, currency, item.value),
        });
      }
      return out;
    },
    solve(ctx, id) {
      // the total of a return whose blocks are in one currency: the sum of their closing capital
      if (id !== total.id) return NO_VALUE;
      let sum: Dec = ZERO;
      const currencies = new Set<string>();
      for (let k = 0; k < amounts.length; k++) {
        const v = ctx.cur.atSlot(amountAts[k]);
        if (isUnreadable(v)) return NO_VALUE;
        if (v.tag !== "number") continue;
        currencies.add(blockCurrency(ctx, v, headingAts[k], rowAts[k]) ?? "");
        sum = add(sum, v.value);
      }
      return currencies.size === 1 ? [sum] : NO_VALUE;
    },
  };
};
