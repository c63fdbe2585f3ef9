import type { Field, Layout, ValueKind } from "../form";
import { lookupCurrency, parseCurrencyHeading, type Currency } from "../values/currency";
import { isInteger, isZero, sign, ZERO, type Dec } from "../values/decimal";
import { parseCell } from "../values/parse";
import type { Expect, Parsed } from "../values/types";

/** A cell an instance reads: this month's (by index) or last month's (by id). */
export interface CellRef {
  readonly id: string;
  /** Index into this month's layout; -1 where the form and shape have no such field. */
  readonly index: number;
  readonly prev: boolean;
}

/** The values of one month's return, parsed once each, on first use. */
export interface MonthReader {
  readonly layout: Layout;
  /** The value of a field of this month by its index (blank for -1). */
  at(index: number): Parsed;
  /** The value of a field by id (blank when the form and shape have no such field). */
  byId(id: string): Parsed;
  /** Whether the field exists in this month's layout. */
  has(id: string): boolean;
  /** Whether any cell is unreadable, or a figure fractional or negative (value checks skip otherwise). */
  readonly suspect: boolean;
}

const BLANK: Parsed = { tag: "blank" };

const EXPECT: Record<ValueKind, Expect> = {
  shares: "number",
  money: "number",
  par: "number",
  price: "number",
  date: "date",
  moneyList: "moneyList",
  currency: "text",
  class: "text",
  text: "text",
  remark: "text",
};

/** Reads a field's raw value as its kind wants it; currency headings must name a currency. */
export function parseField(field: Field, raw: unknown): Parsed {
  const parsed = parseCell(raw, EXPECT[field.kind]);
  if (field.kind !== "currency" || parsed.tag !== "text") return parsed;
  if (parseCurrencyHeading(parsed.text) !== null || /state\s+currency/i.test(parsed.text)) {
    return parsed;
  }
  return {
    tag: "problem",
    text: parsed.text,
    message: `"${parsed.text}" is not a currency: write it as the form does, e.g. HK$, US$ or RMB`,
  };
}

/** Wraps one month's raw values (field id to text as typed): every field parsed once, up front. */
export function monthReader(
  layout: Layout,
  values: Readonly<Record<string, unknown>>
): MonthReader {
  const { fields, byId } = layout;
  const parsed = new Array<Parsed>(fields.length).fill(BLANK);
  let suspect = false;
  // a return states a third of its cells or fewer: walk what it states, not every field
  for (const id in values) {
    const field = byId.get(id);
    const raw = values[id];
    if (field === undefined || raw === undefined || raw === "" || raw === null) continue;
    const p = parseField(field, raw);
    parsed[field.index] = p;
    if (p.tag === "problem" || (p.tag === "number" && (sign(p.value) < 0 || !isInteger(p.value)))) {
      suspect = true;
    }
  }
  const at = (index: number): Parsed => (index < 0 ? BLANK : parsed[index]);
  return {
    layout,
    at,
    byId: (id) => at(byId.get(id)?.index ?? -1),
    has: (id) => byId.has(id),
    suspect,
  };
}

/** A figure for arithmetic: numbers as written; Nil, blank and N/A as 0; anything else unreadable. */
export function figureOf(p: Parsed): Dec | undefined {
  switch (p.tag) {
    case "number":
      return p.value;
    case "nil":
    case "blank":
    case "na":
      return ZERO;
    default:
      return undefined;
  }
}

/** Whether a cell holds a figure (a number or Nil), as opposed to blank or N/A. */
export const isStated = (p: Parsed): boolean => p.tag === "number" || p.tag === "nil";

/** Whether a cell says nothing: blank, or N/A. */
export const isUnstated = (p: Parsed): boolean => p.tag === "blank" || p.tag === "na";

/** Whether the cell holds a non-zero figure. */
export const isNonZero = (p: Parsed): boolean => p.tag === "number" && !isZero(p.value);

/** Whether a value is unreadable for arithmetic (value.readable reports it, other rules skip). */
export const isUnreadable = (p: Parsed): boolean =>
  p.tag === "problem" || p.tag === "text" || p.tag === "date" || p.tag === "moneyList";

/** The currency of a figure: its own, else the heading's, else unknown. */
export function currencyOf(p: Parsed, heading: Parsed): Currency | null {
  if (p.tag === "number" && p.currency) return p.currency;
  if (heading.tag === "text")
    return parseCurrencyHeading(heading.text) ?? lookupCurrency(heading.text);
  return null;
}
