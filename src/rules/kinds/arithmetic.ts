import {
  abs,
  add,
  cmp,
  divRound,
  formatDec,
  isZero,
  mul,
  sub,
  ZERO,
  type Dec,
} from "../../values/decimal";
import type { Parsed } from "../../values/types";
import type { KindCompiler, Outcome, RunContext } from "../compile";
import { currencyOf, figureOf, isUnreadable, type CellRef } from "../read";
import type { BoundRule, EqualRule, ProductRule, QuotientRule, SumRule } from "../types";
import { agrees, shown, shownDec, valueOf } from "./common";

const NONE: readonly Outcome[] = [];

/**
 * Reads the cells of an arithmetic instance; undefined when it cannot be checked: last month is
 * missing, a cell is unreadable (value.readable says so), or no cell holds a number (all N/A,
 * Nil or blank: the rule holds).
 */
function readAll(ctx: RunContext, cells: readonly CellRef[]): Parsed[] | undefined {
  const values: Parsed[] = [];
  let anyNumber = false;
  for (const cell of cells) {
    const v = valueOf(ctx, cell);
    if (v === null || isUnreadable(v)) return undefined;
    if (v.tag === "number") anyNumber = true;
    values.push(v);
  }
  return anyNumber ? values : undefined;
}

/** total = Σ weight × part. */
export const sum: KindCompiler<SumRule> = (rule, scope) => {
  const total = scope.ref(rule.total);
  if (total.index < 0) return null;
  const parts = rule.parts.map(([t, w]) => [scope.ref(t), w] as const);
  const cells = [total, ...parts.map(([cell]) => cell)];
  return {
    cells,
    run(ctx) {
      const values = readAll(ctx, cells);
      if (!values) return NONE;
      let expected: Dec = ZERO;
      for (let k = 0; k < parts.length; k++) {
        const f = figureOf(values[k + 1]) ?? ZERO;
        expected = parts[k][1] > 0 ? add(expected, f) : sub(expected, f);
      }
      const actual = figureOf(values[0]) ?? ZERO;
      if (agrees(expected, actual, rule.tolerance)) return NONE;
      // the message's working, built only for a finding: "1,167,621,933 + 52,000"
      let expr = "";
      for (let k = 0; k < parts.length; k++) {
        const [cell, weight] = parts[k];
        const term = `${shown(values[k + 1])}${cell.prev ? " (last month)" : ""}`;
        expr += k === 0 ? (weight > 0 ? term : `-${term}`) : ` ${weight > 0 ? "+" : "-"} ${term}`;
      }
      return [
        {
          code: "sum.mismatch",
          expected: shownDec(expected, rule.tolerance),
          actual: shown(values[0]),
          params: { expr },
        },
      ];
    },
  };
};

/** a = b. */
export const equal: KindCompiler<EqualRule> = (rule, scope) => {
  const a = scope.ref(rule.a);
  const b = scope.ref(rule.b);
  if (a.index < 0) return null;
  const cells = [a, b];
  return {
    cells,
    run(ctx) {
      const values = readAll(ctx, cells);
      if (!values) return NONE;
      const [va, vb] = values;
      if (agrees(figureOf(va) ?? ZERO, figureOf(vb) ?? ZERO, rule.tolerance)) return NONE;
      return [
        {
          code: b.prev ? "equal.previous" : "equal.mismatch",
          expected: shown(vb),
          actual: shown(va),
        },
      ];
    },
  };
};

/** result = factor × factor, one currency, to the cent (shares × par = capital). */
export const product: KindCompiler<ProductRule> = (rule, scope) => {
  const result = scope.ref(rule.result);
  const [f1, f2] = rule.factors.map((t) => scope.ref(t));
  const resultCurrency = scope.ref(rule.resultCurrency);
  const factorCurrency = scope.ref(rule.factorCurrency);
  if (result.index < 0) return null;
  const cells = [result, f1, f2];
  return {
    cells,
    extra: [resultCurrency, factorCurrency],
    run(ctx) {
      const values = readAll(ctx, cells);
      if (!values) return NONE;
      const [vr, v1, v2] = values;
      const curResult = currencyOf(vr, ctx.cur.at(resultCurrency.index));
      const curFactor = currencyOf(v2, ctx.cur.at(factorCurrency.index));
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
  };
};

/** shares = amount / price within one share, when both are in one currency (T9). */
export const quotient: KindCompiler<QuotientRule> = (rule, scope) => {
  const shares = scope.ref(rule.shares);
  const amount = scope.ref(rule.amount);
  const price = scope.ref(rule.price);
  const currency = scope.ref(rule.currency);
  if (shares.index < 0) return null;
  const cells = [shares, amount, price];
  return {
    cells,
    extra: [currency],
    run(ctx) {
      const values = readAll(ctx, cells);
      if (!values) return NONE;
      const [vs, va, vp] = values;
      if (vp.tag !== "number" || isZero(vp.value)) return NONE; // no price, no check
      const curAmount = currencyOf(va, ctx.cur.at(currency.index));
      if (vp.currency && curAmount && vp.currency !== curAmount) return NONE; // T9: no check
      const s = figureOf(vs) ?? ZERO;
      const a = figureOf(va) ?? ZERO;
      // |amount / price - shares| < 1  <=>  |amount - shares x price| < |price|
      if (cmp(abs(sub(a, mul(s, vp.value))), abs(vp.value)) < 0) return NONE;
      return [
        {
          code: "quotient.mismatch",
          expected: formatDec(divRound(a, vp.value, 1)),
          actual: shown(vs),
          params: { expr: `${shown(va)} / ${shown(vp)}` },
        },
      ];
    },
  };
};

const YES = /^\s*(yes|y|registered|true)\s*$/i;

/** lesser <= greater; lesser = greater where the flag reads "Yes" (registered capital). */
export const bound: KindCompiler<BoundRule> = (rule, scope) => {
  const lesser = scope.ref(rule.lesser);
  const greater = scope.ref(rule.greater);
  const flag = scope.ref(rule.equalWhenYes);
  if (lesser.index < 0 || greater.index < 0) return null;
  const cells = [lesser, greater];
  return {
    cells,
    extra: [flag],
    run(ctx) {
      const vl = ctx.cur.at(lesser.index);
      const vg = ctx.cur.at(greater.index);
      if (vl.tag !== "number" || vg.tag !== "number") return NONE; // N/A: no-par issuer (T4)
      const f = ctx.cur.at(flag.index);
      if (f.tag === "text" && YES.test(f.text)) {
        if (cmp(vl.value, vg.value) === 0) return NONE;
        return [
          { code: "bound.registered", severity: "warning", expected: shown(vg), actual: shown(vl) },
        ];
      }
      if (cmp(vl.value, vg.value) <= 0) return NONE;
      return [{ code: "bound.exceeded", expected: shown(vg), actual: shown(vl) }];
    },
  };
};
