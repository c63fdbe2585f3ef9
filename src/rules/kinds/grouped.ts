import * as decimalModule from "../../values/decimal";
import type { Dec } from "../../values/decimal";
import type { Currency } from "../../values/currency";
import type { Direction } from "../../form";
import type { KindCompiler, Outcome, RunContext } from "../compile";
import * as readModule from "../read";
import type { CellRef } from "../read";
import type { ClassSumRule, FundsRule, NetZeroRule, SignRule } from "../types";
import * as commonModule from "./common";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { abs, add, divRound, eq, formatDec, isZero, mul, neg, roundHalfUp, sign, sub, ZERO } =
  decimalModule;
const { currencyOf, figureOf, isUnreadable } = readModule;
const { agrees, slotsIn, shown, shownDec } = commonModule;

const NONE: readonly Outcome[] = [];
const NO_VALUE: readonly Dec[] = [];

/** The cells of `template` for every key of a lines domain, with the keys. */
function lineCells(
  scope: Parameters<KindCompiler<ClassSumRule>>[1],
  lines: ClassSumRule["lines"],
  template: string
) {
  return scope.keys(lines).map((key) => scope.ref(template, { i: key }));
}

/**
 * The direction of a line of a part, for the issued shares ("line") or the treasury shares: E lines
 * by their type, every other part's lines increase the issued shares.
 */
function directionOf(
  scope: Parameters<KindCompiler<SignRule>>[1],
  domain: string,
  key: string,
  by: "line" | "treasury" = "line"
): Direction {
  if (domain !== "eLine" && domain !== "otherLine") return "increase";
  const type = scope.layout.eLineType(key);
  return by === "line" ? type.direction : (type.treasury ?? "either");
}

/** Signed terms for a message: "20,000,000 - 600,000", "-2,000,000". */
const termsOf = (figures: readonly Dec[]): string =>
  figures
    .map((f, k) =>
      k === 0 ? formatDec(f) : sign(f) < 0 ? ` - ${formatDec(abs(f))}` : ` + ${formatDec(f)}`
    )
    .join("");

/** A part's total for a class = Σ of its lines' figures whose class cell names that class. */
export const classSum: KindCompiler<ClassSumRule> = (rule, scope) => {
  const total = scope.ref(rule.total);
  if (total.index < 0) return null;
  const values = lineCells(scope, rule.lines, rule.value);
  const classes = lineCells(scope, rule.lines, rule.lineClass);
  const { direction } = rule;
  const decrease = scope
    .keys(rule.lines)
    .map((key) =>
      direction === "asWritten"
        ? false
        : direction === "decrease" || directionOf(scope, rule.lines, key, direction) === "decrease"
    );
  const classId = scope.bindings.c;
  const isFirstClass = scope.layout.classes[0]?.id === classId;
  const [totalAt, valueAts, classAts] = [total.slot, slotsIn(values), slotsIn(classes)];
  // a line's class is matched against the classes' names on the form (Section I descriptions)
  const names = scope.layout.form.classNames.flatMap((t) =>
    scope.keys("class").map((c) => scope.ref(t, { c }))
  );
  return {
    cells: [total, ...values, ...classes],
    groups: [
      { domain: null, cells: [total] },
      { domain: rule.lines, cells: values },
      { domain: rule.lines, cells: classes },
    ],
    extra: names,
    run(ctx: RunContext) {
      const vt = ctx.cur.atSlot(totalAt);
      if (isUnreadable(vt)) return NONE;
      let expected: Dec = ZERO;
      let anyNumber = vt.tag === "number";
      // a list only when there is something to list: most classes have no line at all
      let unknown: CellRef[] | null = null;
      for (let k = 0; k < values.length; k++) {
        const v = ctx.cur.atSlot(valueAts[k]);
        if (isUnreadable(v)) return NONE;
        if (v.tag !== "number") continue;
        const cls = ctx.classOfLine(classAts[k]);
        if (cls === null) {
          if (!isZero(v.value)) (unknown ??= []).push(classes[k], values[k]);
          continue;
        }
        if (cls !== classId) continue;
        anyNumber = true;
        expected = add(expected, decrease[k] ? neg(abs(v.value)) : v.value); // T7
      }
      let out: Outcome[] | null = null;
      if (unknown !== null && isFirstClass) {
        out = [
          {
            code: "classSum.unknownClass",
            cells: unknown,
            actual: shown(ctx.cur.atSlot(unknown[0].slot)),
          },
        ];
      }
      if (!anyNumber || agrees(expected, figureOf(vt) ?? ZERO, "exact")) return out ?? NONE;
      // the message lists the class's lines, walked again: listing them as the sum went built
      // two arrays a run for nothing, as sums nearly always agree (measured: see add in decimal)
      const lines: CellRef[] = [];
      const counted: Dec[] = []; // each line's figure as it counts (T7)
      for (let k = 0; k < values.length; k++) {
        const v = ctx.cur.atSlot(valueAts[k]);
        if (v.tag !== "number" || ctx.classOfLine(classAts[k]) !== classId) continue;
        lines.push(values[k]);
        counted.push(decrease[k] ? neg(abs(v.value)) : v.value);
      }
      (out ??= []).push({
        code: "sum.mismatch",
        cells: [total, ...lines],
        expected: shownDec(expected, "exact"),
        actual: shown(vt),
        params: {
          // the figures as they count, so a decrease written "2,000,000" shows as "- 2,000,000"
          expr: counted.length > 0 ? termsOf(counted) : "no line of this class",
        },
      });
      return out;
    },
    solve(ctx, id) {
      // the total = Σ of the class's lines as they count; or one line's figure from the rest
      const target = id === total.id ? -1 : values.findIndex((c) => c.id === id);
      if (target < -1 || (target === -1 && id !== total.id)) return NO_VALUE;
      if (target >= 0 && ctx.classOfLine(classAts[target]) !== classId) return NO_VALUE;
      let others: Dec = ZERO;
      for (let k = 0; k < values.length; k++) {
        const v = ctx.cur.atSlot(valueAts[k]);
        if (isUnreadable(v)) return NO_VALUE;
        if (k === target || v.tag !== "number" || ctx.classOfLine(classAts[k]) !== classId)
          continue;
        others = add(others, decrease[k] ? neg(abs(v.value)) : v.value);
      }
      if (target === -1) return [others];
      const vt = ctx.cur.atSlot(totalAt);
      if (isUnreadable(vt)) return NO_VALUE;
      const counts = sub(figureOf(vt) ?? ZERO, others);
      if (!decrease[target]) return [counts];
      // a decrease counts whatever its sign: keep the sign the line was written with
      if (sign(counts) > 0) return NO_VALUE;
      const written = ctx.cur.atSlot(valueAts[target]);
      return [written.tag === "number" && sign(written.value) < 0 ? counts : neg(counts)];
    },
  };
};

interface CurrencyGroup {
  expected: Dec;
  stated: Dec;
  products: number;
  cells: CellRef[];
  statedCells: CellRef[];
}

const groupFor = (groups: Map<string, CurrencyGroup>, currency: Currency | null): CurrencyGroup => {
  const key = currency ?? "";
  let g = groups.get(key);
  if (!g) {
    g = { expected: ZERO, stated: ZERO, products: 0, cells: [], statedCells: [] };
    groups.set(key, g);
  }
  return g;
};

/** Per currency: funds raised = Σ exercised × exercise price of that currency's lines. */
export const funds: KindCompiler<FundsRule> = (rule, scope) => {
  const counts = lineCells(scope, rule.lines, rule.count);
  const prices = lineCells(scope, rule.lines, rule.price);
  const amounts = lineCells(scope, rule.fundsLines, rule.amount);
  const headings = lineCells(scope, rule.fundsLines, rule.amountCurrency);
  if (counts.length === 0 && amounts.length === 0) return null;
  const [countAts, priceAts] = [slotsIn(counts), slotsIn(prices)];
  const [amountAts, headingAts] = [slotsIn(amounts), slotsIn(headings)];
  return {
    cells: [...amounts, ...counts, ...prices],
    groups: [
      { domain: rule.fundsLines, cells: amounts },
      { domain: rule.fundsLines, cells: headings },
      { domain: rule.lines, cells: counts },
      { domain: rule.lines, cells: prices },
    ],
    run(ctx) {
      const groups = new Map<string, CurrencyGroup>();
      const out: Outcome[] = [];
      for (let k = 0; k < counts.length; k++) {
        const count = ctx.cur.atSlot(countAts[k]);
        const price = ctx.cur.atSlot(priceAts[k]);
        if (isUnreadable(count) || isUnreadable(price)) return NONE;
        if (count.tag !== "number" || isZero(count.value)) continue;
        if (price.tag !== "number") {
          out.push({ code: "funds.noPrice", cells: [prices[k], counts[k]], actual: shown(count) });
          continue;
        }
        const g = groupFor(groups, price.currency);
        const product = mul(count.value, price.value);
        g.expected = add(g.expected, product);
        // half a cent of rounding is allowed only for products that need rounding to the cent
        if (!eq(roundHalfUp(product, 2), product)) g.products++;
        g.cells.push(counts[k], prices[k]);
      }
      for (let k = 0; k < amounts.length; k++) {
        const amount = ctx.cur.atSlot(amountAts[k]);
        if (isUnreadable(amount)) return NONE;
        if (amount.tag !== "number") continue;
        const g = groupFor(groups, currencyOf(amount, ctx.cur.atSlot(headingAts[k])));
        g.stated = add(g.stated, amount.value);
        g.statedCells.push(amounts[k]);
      }
      for (const [currency, g] of groups) {
        if (agrees(g.expected, g.stated, "cent", g.products)) continue;
        out.push({
          code: g.statedCells.length ? "funds.mismatch" : "funds.missing",
          cells: [...(g.statedCells.length ? g.statedCells : amounts.slice(0, 1)), ...g.cells],
          expected: `${currency ? `${currency} ` : ""}${shownDec(g.expected, "cent")}`,
          actual: `${currency ? `${currency} ` : ""}${shownDec(g.stated, "cent")}`,
          params: { currency: currency || "(no currency stated)" },
        });
      }
      return out;
    },
    solve(ctx, id) {
      // per currency: stated = Σ exercised x price; one amount, price or count from the rest
      const a = amounts.findIndex((c) => c.id === id);
      const k =
        a >= 0
          ? -1
          : Math.max(
              prices.findIndex((c) => c.id === id),
              counts.findIndex((c) => c.id === id)
            );
      if (a < 0 && k < 0) return NO_VALUE;
      const expected = new Map<string, Dec>();
      const stated = new Map<string, Dec>();
      const plus = (m: Map<string, Dec>, key: string, d: Dec) =>
        m.set(key, add(m.get(key) ?? ZERO, d));
      for (let j = 0; j < counts.length; j++) {
        const count = ctx.cur.atSlot(countAts[j]);
        const price = ctx.cur.atSlot(priceAts[j]);
        if (count.tag === "number" && price.tag === "number")
          plus(expected, price.currency ?? "", mul(count.value, price.value));
      }
      for (let j = 0; j < amounts.length; j++) {
        const amount = ctx.cur.atSlot(amountAts[j]);
        if (amount.tag === "number")
          plus(stated, currencyOf(amount, ctx.cur.atSlot(headingAts[j])) ?? "", amount.value);
      }
      if (a >= 0) {
        const amount = ctx.cur.atSlot(amountAts[a]);
        if (amount.tag !== "number") return NO_VALUE;
        const key = currencyOf(amount, ctx.cur.atSlot(headingAts[a])) ?? "";
        const others = sub(stated.get(key) ?? ZERO, amount.value);
        return [roundHalfUp(sub(expected.get(key) ?? ZERO, others), 2)];
      }
      const count = ctx.cur.atSlot(countAts[k]);
      const price = ctx.cur.atSlot(priceAts[k]);
      if (count.tag !== "number" || price.tag !== "number" || isZero(count.value)) return NO_VALUE;
      const key = price.currency ?? "";
      // what this line must raise for the currency's funds to agree
      const line = sub(
        stated.get(key) ?? ZERO,
        sub(expected.get(key) ?? ZERO, mul(count.value, price.value))
      );
      if (id === prices[k].id) return [divRound(line, count.value, Math.max(price.value.s, 2))];
      return isZero(price.value) ? NO_VALUE : [divRound(line, price.value, 0)];
    },
  };
};

/** Figures whose sign goes against their line (issues positive; repurchases, redemptions negative). */
export const signs: KindCompiler<SignRule> = (rule, scope) => {
  const keys = scope.keys(rule.lines);
  if (keys.length === 0) return null;
  const refs = keys.map((i) => scope.ref(rule.cell, { i }));
  const directions = keys.map((key) => directionOf(scope, rule.lines, key, rule.by));
  const code = rule.by === "treasury" ? "sign.treasury." : "sign.";
  const refAts = slotsIn(refs);
  return {
    cells: refs,
    groups: [{ domain: rule.lines, cells: refs }],
    run(ctx) {
      let out: Outcome[] | null = null;
      for (let k = 0; k < refs.length; k++) {
        const v = ctx.cur.atSlot(refAts[k]);
        if (v.tag !== "number") continue;
        const s = sign(v.value);
        if ((directions[k] === "increase" && s < 0) || (directions[k] === "decrease" && s > 0)) {
          (out ??= []).push({
            code: `${code}${directions[k]}`,
            cells: [refs[k]],
            actual: shown(v),
          });
        }
      }
      return out ?? NONE;
    },
  };
};

/** Lines with the same mark net to zero (a conversion between classes, T8). */
export const netZero: KindCompiler<NetZeroRule> = (rule, scope) => {
  const keys = scope.keys(rule.lines);
  if (keys.length === 0) return null;
  const marks = keys.map((i) => scope.ref(rule.mark, { i }));
  const values = keys.map((i) => scope.ref(rule.value, { i }));
  const [markAts, valueAts] = [slotsIn(marks), slotsIn(values)];
  return {
    cells: [...values, ...marks],
    groups: [
      { domain: rule.lines, cells: values },
      { domain: rule.lines, cells: marks },
    ],
    run(ctx) {
      let groups: Map<string, { total: Dec; cells: CellRef[] }> | null = null;
      for (let k = 0; k < keys.length; k++) {
        const mark = ctx.cur.atSlot(markAts[k]);
        if (mark.tag !== "text") continue;
        groups ??= new Map();
        const v = ctx.cur.atSlot(valueAts[k]);
        const g = groups.get(mark.text.trim()) ?? { total: ZERO, cells: [] };
        g.total = add(g.total, figureOf(v) ?? ZERO);
        g.cells.push(values[k], marks[k]);
        groups.set(mark.text.trim(), g);
      }
      if (groups === null) return NONE; // no line is marked
      const out: Outcome[] = [];
      for (const [mark, g] of groups) {
        if (isZero(g.total)) continue;
        out.push({
          code: "netZero.unbalanced",
          cells: g.cells,
          expected: "0",
          actual: shownDec(g.total, "exact"),
          params: { mark },
        });
      }
      return out;
    },
  };
};
