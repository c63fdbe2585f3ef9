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

/** The values of one month's return, parsed once each, up front. */
export interface MonthReader {
  readonly layout: Layout;
  /** The value of a field of this month by its index (blank for -1). */
  at(index: number): Parsed;
  /** The value of a field by id (blank when the form and shape have no such field). */
  byId(id: string): Parsed;
  /** Whether the field exists in this month's layout. */
  has(id: string): boolean;
  /** Whether any cell is unreadable, a share count fractional or a balance negative. */
  readonly suspect: boolean;
  /** The indexes of those cells, ascending (form order): the only cells value checks report. */
  readonly flagged: readonly number[];
}

const BLANK: Parsed = { tag: "blank" };

/** What a field of each kind holds (a switch, not a table: a keyed load by kind is megamorphic). */
function expectOf(kind: ValueKind): Expect {
  switch (kind) {
    case "shares":
    case "money":
    case "par":
    case "price":
      return "number";
    case "date":
      return "date";
    case "moneyList":
      return "moneyList";
    case "currency":
    case "class":
    case "text":
    case "remark":
      return "text";
  }
}

/** Reads a raw value as a field of `kind` wants it; currency headings must name a currency. */
function parseAs(kind: ValueKind, raw: unknown): Parsed {
  const parsed = parseCell(raw, expectOf(kind));
  if (kind !== "currency" || parsed.tag !== "text") return parsed;
  if (parseCurrencyHeading(parsed.text) !== null || /state\s+currency/i.test(parsed.text)) {
    return parsed;
  }
  return {
    tag: "problem",
    text: parsed.text,
    message: `"${parsed.text}" is not a currency: write it as the form does, e.g. HK$, US$ or RMB`,
  };
}

/** Reads a field's raw value as its kind wants it; currency headings must name a currency. */
export const parseField = (field: Field, raw: unknown): Parsed => parseAs(field.kind, raw);

// Every field id of every layout, numbered once. One map for all layouts stays in the processor's
// cache while a batch goes through many shapes, where a map per layout did not (measured: 8% of a
// batch of 90 shapes). Its keys come back from an object's keys, so they are internalised, as
// for-in's are: a lookup compares pointers, not characters (measured: 11 of 15 us a return).
const SLOTS = new Map<string, number>();

function addSlots(ids: readonly string[]): void {
  const fresh: Record<string, true> = Object.create(null) as Record<string, true>;
  for (const id of ids) if (!SLOTS.has(id)) fresh[id] = true;
  for (const id of Object.keys(fresh)) SLOTS.set(id, SLOTS.size);
}

/**
 * What reading a return needs of its layout's fields, as flat tables. The layout's Field objects
 * each have a hidden class of their own, so reading `kind` off them per cell misses V8's inline
 * caches every time (measured: 30% of reading a return); these arrays do not.
 */
interface FieldTable {
  /** The field index of each id's slot, -1 where this layout has no such field. */
  readonly atSlot: Int32Array;
  readonly kinds: readonly ValueKind[];
  readonly balances: readonly boolean[];
  /** A blank for every field: a month's values start as a copy (a fill runs in the runtime). */
  readonly blanks: readonly Parsed[];
}

const tables = new WeakMap<Layout, FieldTable>();

function tableOf(layout: Layout): FieldTable {
  let table = tables.get(layout);
  if (!table) {
    addSlots(layout.fields.map((f) => f.id));
    const atSlot = new Int32Array(SLOTS.size).fill(-1);
    for (const field of layout.fields) atSlot[SLOTS.get(field.id) ?? 0] = field.index;
    table = {
      atSlot,
      kinds: layout.fields.map((f) => f.kind),
      balances: layout.fields.map((f) => f.balance),
      blanks: layout.fields.map(() => BLANK),
    };
    tables.set(layout, table);
  }
  return table;
}

/** The index of a field of the table's layout by id, -1 where it has none. */
function indexIn(table: FieldTable, id: string): number {
  const slot = SLOTS.get(id);
  return slot === undefined || slot >= table.atSlot.length ? -1 : table.atSlot[slot];
}

/** One month's parsed values; methods on a class, so a return costs one object and one array. */
class Month implements MonthReader {
  constructor(
    readonly layout: Layout,
    private readonly parsed: readonly Parsed[],
    private readonly table: FieldTable,
    readonly flagged: readonly number[]
  ) {}

  get suspect(): boolean {
    return this.flagged.length > 0;
  }

  at(index: number): Parsed {
    return index < 0 ? BLANK : this.parsed[index];
  }

  byId(id: string): Parsed {
    return this.at(indexIn(this.table, id));
  }

  has(id: string): boolean {
    return indexIn(this.table, id) >= 0;
  }
}

/** Wraps one month's raw values (field id to text as typed): every field parsed once, up front. */
export function monthReader(
  layout: Layout,
  values: Readonly<Record<string, unknown>>
): MonthReader {
  const table = tableOf(layout);
  const { atSlot, kinds, balances } = table;
  const parsed = table.blanks.slice();
  const flagged: number[] = [];
  // a return states a third of its cells or fewer: walk what it states, not every field
  for (const id in values) {
    const slot = SLOTS.get(id);
    const at = slot === undefined || slot >= atSlot.length ? -1 : atSlot[slot];
    const raw = values[id];
    if (at < 0 || raw === undefined || raw === "" || raw === null) continue;
    const p = parseAs(kinds[at], raw);
    parsed[at] = p;
    // what value checks report: unreadable cells, fractional share counts, negative balances
    if (
      p.tag === "problem" ||
      (p.tag === "number" &&
        ((kinds[at] === "shares" && !isInteger(p.value)) || (balances[at] && sign(p.value) < 0)))
    ) {
      flagged.push(at);
    }
  }
  if (flagged.length > 1) flagged.sort((a, b) => a - b);
  return new Month(layout, parsed, table, flagged);
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
