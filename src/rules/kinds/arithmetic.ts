import * as decimalModule from "../../values/decimal";
import type { Dec } from "../../values/decimal";
import type { Parsed } from "../../values/types";
import type { KindCompiler, Outcome, RunContext } from "../compile";
import * as readModule from "../read";
import type { CellRef } from "../read";
import type { BoundRule, EqualRule, ProductRule, QuotientRule, SumRule } from "../types";
import * as commonModule from "./common";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { abs, add, cmp, divRound, formatDec, isZero, mul, neg, roundHalfUp, sub, ZERO } =
  decimalModule;
const { currencyOf, figureOf, isUnreadable } = readModule;
const { agrees, BLANK, placesOf, shown, shownDec, valueAt } = commonModule;

const NONE: readonly Outcome[] = [];
const NO_VALUE: readonly Dec[] = [];

/** The figure of cell k for solving, or null where it does not read (or last month is missing). */
function figureAt(
  ctx: RunContext,
  cells: readonly CellRef[],
  places: readonly number[],
  k: number
): Dec | null {
  const v = valueAt(ctx, cells, places, k);
  return v === null || isUnreadable(v) ? null : (figureOf(v) ?? null);
}

/** The position of this month's cell `id` among an instance's cells, or -1. */
const positionOf = (cells: readonly CellRef[], id: string): number =>
  cells.findIndex((c) => !c.prev && c.id === id);

/**
 * Whether an arithmetic instance can be checked: last month is there where it is read, every cell
 * reads (value.readable reports one that does not), and some cell holds a number (all N/A, Nil or
 * blank: the rule holds). Reads without building a list, as most instances stop here.
 */
function checkable(ctx: RunContext, cells: readonly CellRef[], places: readonly number[]): boolean {
  let anyNumber = false;
  for (let k = 0; k < places.length; k++) {
    const v = valueAt(ctx, cells, places, k);
    if (v === null || isUnreadable(v)) return false;
    if (v.tag === "number") anyNumber = true;
  }
  return anyNumber;
}

/** The value of cell k of a checkable instance (every cell is there), for arithmetic and messages. */
const read = (
  ctx: RunContext,
  cells: readonly CellRef[],
  places: readonly number[],
  k: number
): Parsed => valueAt(ctx, cells, places, k) ?? BLANK;

/** total = Σ weight × part. */
export const sum: KindCompiler<SumRule> = (rule, scope) => {
  const total = scope.ref(rule.total);
  if (total.index < 0) return null;
  const parts = rule.parts.map(([t, w]) => [scope.ref(t), w] as const);
  const cells = [total, ...parts.map(([cell]) => cell)]; // the total is cell 0, part k is cell k + 1
  const places = placesOf(cells);
  const subtracted = parts.map(([, weight]) => weight < 0);
  // share counts are whole: a share column compares exactly and prints whole numbers whatever
  // tolerance its rule gives the block's money columns (auth.rollforward runs over both)
  const tolerance = scope.layout.fields[total.index]?.kind === "shares" ? "exact" : rule.tolerance;
  return {
    cells,
    run(ctx) {
      if (!checkable(ctx, cells, places)) return NONE;
      let expected: Dec = ZERO;
      for (let k = 1; k < places.length; k++) {
        const f = figureOf(read(ctx, cells, places, k)) ?? ZERO;
        expected = subtracted[k - 1] ? sub(expected, f) : add(expected, f);
      }
      const actual = read(ctx, cells, places, 0);
      if (agrees(expected, figureOf(actual) ?? ZERO, tolerance)) return NONE;
      // the message's working, built only for a finding: "1,167,621,933 + 52,000"
      let expr = "";
      for (let k = 0; k < parts.length; k++) {
        const [cell, weight] = parts[k];
        const term = `${shown(read(ctx, cells, places, k + 1))}${cell.prev ? " (last month)" : ""}`;
        expr += k === 0 ? (weight > 0 ? term : `-${term}`) : ` ${weight > 0 ? "+" : "-"} ${term}`;
      }
      return [
        {
          code: "sum.mismatch",
          expected: shownDec(expected, tolerance),
          actual: shown(actual),
          params: { expr },
        },
      ];
    },
    solve(ctx, id) {
      const at = positionOf(cells, id);
      if (at < 0) return NO_VALUE;
      // total = Σ weight × part: the sum of the other parts, then the cell's share of the total
      let others: Dec = ZERO;
      for (let k = 1; k < places.length; k++) {
        if (k === at) continue;
        const f = figureAt(ctx, cells, places, k);
        if (f === null) return NO_VALUE;
        others = subtracted[k - 1] ? sub(others, f) : add(others, f);
      }
      if (at === 0) return [others];
      const total = figureAt(ctx, cells, places, 0);
      if (total === null) return NO_VALUE;
      const share = sub(total, others);
      return [subtracted[at - 1] ? neg(share) : share];
    },
  };
};

/** a = b. */
export const equal: KindCompiler<EqualRule> = (rule, scope) => {
  const a = scope.ref(rule.a);
  const b = scope.ref(rule.b);
  if (a.index < 0) return null;
  const cells = [a, b];
  const places = placesOf(cells);
  const { tolerance } = rule;
  return {
    cells,
    run(ctx) {
      if (!checkable(ctx, cells, places)) return NONE;
      const va = read(ctx, cells, places, 0);
      const vb = read(ctx, cells, places, 1);
      if (agrees(figureOf(va) ?? ZERO, figureOf(vb) ?? ZERO, tolerance)) return NONE;
      return [
        {
          code: b.prev ? "equal.previous" : "equal.mismatch",
          expected: shown(vb),
          actual: shown(va),
        },
      ];
    },
    solve(ctx, id) {
      const at = positionOf(cells, id);
      if (at < 0) return NO_VALUE;
      const other = figureAt(ctx, cells, places, 1 - at);
      return other === null ? NO_VALUE : [other];
    },
  };
};

/** result = factor × factor, one currency, to the cent (shares × par = capital). */
export const product: KindCompiler<ProductRule> = (rule, scope) => {
  const result = scope.ref(rule.result);
  const [f1, f2] = rule.factors.map((t) => scope.ref(t));
  // where the form states no currency apart, a figure's own ("HKD 0.02") is read
  const resultCurrency = scope.ref(rule.resultCurrency ?? "");
  const factorCurrency = scope.ref(rule.factorCurrency ?? "");
  if (result.index < 0) return null;
  const cells = [result, f1, f2];
  const places = placesOf(cells);
  const resultCurrencyAt = resultCurrency.slot;
  const factorCurrencyAt = factorCurrency.slot;
  return {
    cells,
    extra: [resultCurrency, factorCurrency],
    run(ctx) {
      if (!checkable(ctx, cells, places)) return NONE;
      const vr = read(ctx, cells, places, 0);
      const v1 = read(ctx, cells, places, 1);
      const v2 = read(ctx, cells, places, 2);
      const curResult = currencyOf(vr, ctx.cur.atSlot(resultCurrencyAt));
      const curFactor = currencyOf(v2, ctx.cur.atSlot(factorCurrencyAt));
      const expected = mul(figureOf(v1) ?? ZERO, figureOf(v2) ?? ZERO);
      if (curResult && curFactor && curResult !== curFactor) {
        return [
          {
            code: "product.currency",
            currenciesDiffer: true,
            expected: shownDec(expected, "cent"),
            actual: shown(vr),
            params: { resultCurrency: curResult, factorCurrency: curFactor },
          },
        ];
      }
      if (agrees(expected, figureOf(vr) ?? ZERO, "cent")) return NONE;
      return [
        {
          code: "product.mismatch",
          expected: shownDec(expected, "cent"),
          actual: shown(vr),
          params: { expr: `${shown(v1)} x ${shown(v2)}` },
        },
      ];
    },
    solve(ctx, id) {
      // the capital from shares x par value, or the number of shares from capital / par value
      const at = positionOf(cells, id);
      const [r, shares, par] = [0, 1, 2].map((k) => figureAt(ctx, cells, places, k));
      if (at === 0 && shares !== null && par !== null) return [roundHalfUp(mul(shares, par), 2)];
      if (at === 1 && r !== null && par !== null && !isZero(par)) return [divRound(r, par, 0)];
      // a par value to as many places as it is written with (at least cents: "0.10" keeps two)
      if (at === 2 && r !== null && shares !== null && par !== null && !isZero(shares))
        return [divRound(r, shares, Math.max(par.s, 2))];
      return NO_VALUE;
    },
  };
};

/** shares = amount / price within one share, when both are in one currency (T9). */
export const quotient: KindCompiler<QuotientRule> = (rule, scope) => {
  const shares = scope.ref(rule.shares);
  const amount = scope.ref(rule.amount);
  const price = scope.ref(rule.price);
  const currency = scope.ref(rule.currency);
  if (shares.index < 0) return null;
  const plus = rule.plus === undefined ? [] : [scope.ref(rule.plus)];
  const cells = [shares, amount, price, ...plus];
  const places = placesOf(cells);
  const currencyAt = currency.slot;
  return {
    cells,
    extra: [currency],
    run(ctx) {
      if (!checkable(ctx, cells, places)) return NONE;
      const vs = read(ctx, cells, places, 0);
      const va = read(ctx, cells, places, 1);
      const vp = read(ctx, cells, places, 2);
      if (vp.tag !== "number" || isZero(vp.value)) return NONE; // no price, no check
      const curAmount = currencyOf(va, ctx.cur.atSlot(currencyAt));
      if (vp.currency && curAmount && vp.currency !== curAmount) return NONE; // T9: no check
      const delivered = figureOf(vs) ?? ZERO;
      const s = plus.length
        ? add(delivered, abs(figureOf(read(ctx, cells, places, 3)) ?? ZERO))
        : delivered;
      const a = figureOf(va) ?? ZERO;
      // |amount / price - shares| < 1  <=>  |amount - shares x price| < |price|
      if (cmp(abs(sub(a, mul(s, vp.value))), abs(vp.value)) < 0) return NONE;
      return [
        {
          code: "quotient.mismatch",
          expected: formatDec(divRound(a, vp.value, 1)),
          actual: plus.length ? `${shown(vs)} + ${shown(read(ctx, cells, places, 3))}` : shown(vs),
          params: { expr: `${shown(va)} / ${shown(vp)}` },
        },
      ];
    },
    solve(ctx, id) {
      // shares = amount / price (less the treasury shares delivered), or amount = shares x price
      const at = positionOf(cells, id);
      const [s, a, p] = [0, 1, 2].map((k) => figureAt(ctx, cells, places, k));
      const extra = plus.length ? figureAt(ctx, cells, places, 3) : ZERO;
      if (p === null || isZero(p) || extra === null) return NO_VALUE;
      if (at === 0 && a !== null) return [sub(divRound(a, p, 0), abs(extra))];
      if (at === 1 && s !== null) return [roundHalfUp(mul(add(s, abs(extra)), p), 2)];
      // a price to as many places as it is written with (at least cents)
      const delivered = s === null ? null : add(s, abs(extra));
      if (at === 2 && a !== null && delivered !== null && !isZero(delivered))
        return [divRound(a, delivered, Math.max(p.s, 2))];
      return NO_VALUE;
    },
  };
};

const YES = /^\s*(yes|y|registered|true)\s*$/i;

/** The words a bound's message uses for its balance row. */
const ROW_WORDS: Readonly<Record<string, string>> = {
  preceding: "at close of the preceding month",
  close: "at close",
};

/** lesser <= greater; lesser = greater where the flag reads "Yes" (registered capital). */
export const bound: KindCompiler<BoundRule> = (rule, scope) => {
  const lesser = scope.ref(rule.lesser);
  const greater = scope.ref(rule.greater);
  const flag = scope.ref(rule.equalWhenYes);
  if (lesser.index < 0 || greater.index < 0) return null;
  const cells = [lesser, greater];
  // runs read slots captured as numbers, not CellRef objects (see placesOf)
  const [lesserAt, greaterAt, flagAt] = [lesser.slot, greater.slot, flag.slot];
  const params = { row: ROW_WORDS[scope.bindings.row ?? "close"] ?? ROW_WORDS.close };
  return {
    cells,
    extra: [flag],
    run(ctx) {
      const vl = ctx.cur.atSlot(lesserAt);
      const vg = ctx.cur.atSlot(greaterAt);
      if (vl.tag !== "number" || vg.tag !== "number") return NONE; // N/A: no-par issuer (T4)
      const f = ctx.cur.atSlot(flagAt);
      if (f.tag === "text" && YES.test(f.text)) {
        if (cmp(vl.value, vg.value) === 0) return NONE;
        return [
          {
            code: "bound.registered",
            severity: "warning",
            expected: shown(vg),
            actual: shown(vl),
            params,
          },
        ];
      }
      if (cmp(vl.value, vg.value) <= 0) return NONE;
      return [{ code: "bound.exceeded", expected: shown(vg), actual: shown(vl), params }];
    },
  };
};
