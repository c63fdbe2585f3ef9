import type { Layout } from "../form";
import { currencySymbol } from "../values/currency";
import { abs, add, formatDec, neg, sign, ZERO, type Dec } from "../values/decimal";
import { parseCell } from "../values/parse";
import { readCheck } from "./check-cell";
import { scopeOf, type Instance } from "./compile";
import { contextOf } from "./evaluate";
import { blockCurrency } from "./kinds/currency-total";
import { monthReader, type CellRef, type MonthReader } from "./read";
import { slotsIn } from "./kinds/common";
import { checksOf } from "./reconcile";

// A total that is pure arithmetic of other cells of the same form starts on the sheet as a
// formula, computed by the rule that checks it: the rule's solver gives the total from the cells
// it adds, so the formula and the check cannot drift. The user may type over it; the check then
// verifies what was typed.

/** The rules whose total is only derived from the form's own cells: part totals, A to E, capital. */
const DERIVED: ReadonlySet<string> = new Set([
  "total.A",
  "total.B",
  "total.C",
  "total.D",
  "total.E",
  "part.subtotals",
  "total.AtoE",
  "auth.total",
]);

/** How a computed cell gets its value: the rule instance that checks it, solved for the cell. */
export interface Computation {
  /** "figure" for a number (HKMR.COMPUTE); "currencies" for a total per currency (HKMR.COMPUTELIST). */
  readonly kind: "figure" | "currencies";
  readonly instance: Instance;
  /** A cell that must be stated for the total to show: a funds line's currency. */
  readonly when?: CellRef;
}

const cache = new WeakMap<Layout, ReadonlyMap<string, Computation>>();

/**
 * The computed cells of a layout, by field id: the totals of the derived rules (their first
 * cell), and each funds line's amount, by the options.funds rule.
 */
export function computedFieldsOf(layout: Layout): ReadonlyMap<string, Computation> {
  const cached = cache.get(layout);
  if (cached) return cached;
  const out = new Map<string, Computation>();
  const scope = scopeOf(layout, {});
  for (const instance of checksOf(layout)) {
    const { rule } = instance;
    if (!instance.solve) continue;
    if (rule.kind === "funds") {
      for (const i of layout.domains[rule.fundsLines]) {
        const id = scope.ref(rule.amount, { i }).id;
        const when = scope.ref(rule.amountCurrency, { i });
        if (layout.byId.has(id) && !out.has(id)) out.set(id, { kind: "figure", instance, when });
      }
      continue;
    }
    if (!DERIVED.has(rule.id)) continue;
    const total = instance.cells[0];
    if (!total || total.prev || total.index < 0 || out.has(total.id)) continue;
    const kind = layout.byId.get(total.id)?.kind === "moneyList" ? "currencies" : "figure";
    out.set(total.id, { kind, instance });
  }
  cache.set(layout, out);
  return out;
}

/** A figure a computed total cannot add, or null: the first unreadable cell it reads, named. */
function unreadableOf(instance: Instance, cur: MonthReader): string | null {
  for (const group of instance.inputs) {
    for (const cell of group.cells) {
      const p = cur.byId(cell.id);
      if (cell.prev || p.tag !== "problem") continue;
      const label = cur.layout.byId.get(cell.id)?.label ?? cell.id;
      return `${label} reads "${p.text}": ${p.message}`;
    }
  }
  return null;
}

/** A total could not be computed; the message says why, for the cell's error. */
export class ComputeError extends Error {
  override readonly name = "ComputeError";
}

/** The rule instance a spec names, checked to be the one that computes `field`, and its values. */
function computing(spec: string, field: string, args: readonly unknown[]) {
  const read = readCheck(spec, args);
  const how = computedFieldsOf(read.layout).get(field);
  if (!how || how.instance.key !== read.instance.key)
    throw new ComputeError(`The check "${read.instance.key}" does not compute ${field}.`);
  return read;
}

/**
 * The figure a computed cell's formula stands for: the rule instance its check spec names,
 * solved for `field` from the values passed (the field's own argument passed as "").
 */
export function computeTotal(spec: string, field: string, args: readonly unknown[]): Dec {
  const { layout, instance, values } = computing(spec, field, args);
  // a funds line's amount is solved in its line's currency: it reads as a figure there
  const own = instance.rule.kind === "funds" ? "0" : "";
  const cur = monthReader(layout, { ...values, [field]: own });
  const problem = unreadableOf(instance, cur);
  if (problem) throw new ComputeError(`Cannot add up: ${problem}`);
  const [value] = instance.solve ? instance.solve(contextOf(cur, null), field) : [];
  if (value === undefined) throw new ComputeError("Cannot add up the figures of this total.");
  if (!layout.byId.get(field)?.magnitude) return value;
  // a figure that counts whatever its sign (AA2 to DD2) is written as its lines are: "-2,000,000"
  return writtenNegative(instance, layout, values) ? neg(abs(value)) : abs(value);
}

/** Whether the figures of an instance that count whatever their sign are written as decreases. */
function writtenNegative(
  instance: Instance,
  layout: Layout,
  values: Readonly<Record<string, unknown>>
): boolean {
  for (const group of instance.inputs) {
    for (const cell of group.cells) {
      if (cell.prev || !layout.byId.get(cell.id)?.magnitude) continue;
      const p = parseCell(values[cell.id], "number");
      if (p.tag === "number" && sign(p.value) !== 0) return sign(p.value) < 0;
    }
  }
  return false;
}

/**
 * A total per currency as the form writes it, "US$1,200,000.00" or "HK$80,000,000.00 and
 * US$1,000,000.00", from its blocks' amounts; "" while no block states a figure. The currency
 * of each block is read as the check reads it (blockCurrency).
 */
export function computeCurrencies(spec: string, field: string, args: readonly unknown[]): string {
  const { layout, instance, values } = computing(spec, field, args);
  const { rule } = instance;
  if (rule.kind !== "currencyTotal")
    throw new ComputeError(`The check "${instance.key}" computes no total per currency.`);
  const cur = monthReader(layout, { ...values, [field]: "" });
  const problem = unreadableOf(instance, cur);
  if (problem) throw new ComputeError(`Cannot add up: ${problem}`);
  const ctx = contextOf(cur, null);
  const scope = scopeOf(layout, {});
  const sums = new Map<string, { sum: Dec; written: string }>();
  for (const c of layout.domains[rule.blocks]) {
    const amountId = scope.ref(rule.amount, { c }).id;
    const amount = cur.byId(amountId);
    if (amount.tag !== "number") continue;
    const heading = scope.ref(rule.amountCurrency ?? "", { c }).slot;
    const row = (rule.rowCurrency ?? []).map((t) => scope.ref(t, { c }));
    const currency = blockCurrency(ctx, amount, heading, slotsIn(row)) ?? "";
    const texts = [values[amountId], ...row.map((r) => values[r.id])];
    const was = sums.get(currency);
    sums.set(currency, {
      sum: add(was?.sum ?? ZERO, amount.value),
      written: was?.written ?? writtenCurrency(currency, texts),
    });
  }
  return [...sums.values()]
    .map(({ sum, written }) => `${written}${formatDec(sum, { places: 2 })}`)
    .join(" and ");
}

/**
 * How the block writes its currency before a figure: by its code and a space where its amount or
 * par value does ("HKD 80,000,000", FF301), else by the form's symbol ("US$1,200,000.00").
 */
function writtenCurrency(currency: string, texts: readonly unknown[]): string {
  if (!currency) return "";
  const byCode = texts.some(
    (t) => typeof t === "string" && t.trim().toUpperCase().startsWith(`${currency} `)
  );
  return byCode ? `${currency} ` : currencySymbol(currency);
}
