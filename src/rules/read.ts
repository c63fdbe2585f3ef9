import type { Field, Layout, ValueKind } from "../form";
import * as currencyModule from "../values/currency";
import type { Currency } from "../values/currency";
import * as decimalModule from "../values/decimal";
import type { Dec } from "../values/decimal";
import * as parseModule from "../values/parse";
import * as slotsModule from "./slots";
import type { SlotTable } from "./slots";
import type { Expect, Parsed } from "../values/types";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { lookupCurrency, parseCurrencyHeading } = currencyModule;
const { abs, isInteger, isZero, sign, ZERO } = decimalModule;
const { parseCell } = parseModule;
const { indexOfSlot, slotOf, slotsOf } = slotsModule;

/** A cell an instance reads: this month's (by slot) or last month's (by id). */
export interface CellRef {
  readonly id: string;
  /** Index into the layout the instance was compiled for; -1 where it has no such field. */
  readonly index: number;
  /** The field's slot (slots.ts): where a run finds it in any month of any shape. */
  readonly slot: number;
  readonly prev: boolean;
}

/** The values of one month's return, parsed once each, up front. */
export interface MonthReader {
  readonly layout: Layout;
  /** The value of a field of this month by its index (blank for -1). */
  at(index: number): Parsed;
  /** The value of a field of this month by its slot (blank where this layout has none). */
  atSlot(slot: number): Parsed;
  /** The value of a field by id (blank when the form and shape have no such field). */
  byId(id: string): Parsed;
  /** Whether the field exists in this month's layout. */
  has(id: string): boolean;
  /** Whether any cell is unreadable, a share count fractional or a balance negative. */
  readonly suspect: boolean;
  /** The slots of those cells, in form order: the only cells value checks report. */
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
    case "tick":
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

/**
 * What reading a return needs of its layout's fields, as flat tables. The layout's Field objects
 * each have a hidden class of their own, so reading `kind` off them per cell misses V8's inline
 * caches every time (measured: 30% of reading a return); these arrays do not.
 */
interface FieldTable {
  readonly slots: SlotTable;
  readonly kinds: readonly ValueKind[];
  readonly balances: readonly boolean[];
  /** Figures that count by their column's type whatever sign is printed: read as magnitudes. */
  readonly magnitudes: readonly boolean[];
  /** A blank for every slot: a month's values start as a copy (a fill runs in the runtime). */
  readonly blanks: readonly Parsed[];
}

const tables = new WeakMap<Layout, FieldTable>();

function tableOf(layout: Layout): FieldTable {
  let table = tables.get(layout);
  if (!table) {
    table = {
      slots: slotsOf(layout),
      kinds: layout.fields.map((f) => f.kind),
      balances: layout.fields.map((f) => f.balance),
      magnitudes: layout.fields.map((f) => f.magnitude),
      blanks: Array.from(slotsOf(layout).indexOfSlot, () => BLANK),
    };
    tables.set(layout, table);
  }
  return table;
}

/**
 * One month's parsed values; methods on a class, so a return costs one object and one array.
 * The values are kept by slot, as runs read them: a read is one load, not two (measured: 3-9% of a batch).
 */
class Month implements MonthReader {
  constructor(
    readonly layout: Layout,
    private readonly bySlot: readonly Parsed[],
    private readonly table: FieldTable,
    readonly flagged: readonly number[]
  ) {}

  get suspect(): boolean {
    return this.flagged.length > 0;
  }

  at(index: number): Parsed {
    const { slotOfIndex } = this.table.slots;
    return index < 0 || index >= slotOfIndex.length ? BLANK : this.bySlot[slotOfIndex[index]];
  }

  atSlot(slot: number): Parsed {
    // a slot the layout has no field for holds a blank; one numbered after it, none
    return slot >= 0 && slot < this.bySlot.length ? this.bySlot[slot] : BLANK;
  }

  byId(id: string): Parsed {
    return this.atSlot(slotOf(id));
  }

  has(id: string): boolean {
    return indexOfSlot(this.table.slots, slotOf(id)) >= 0;
  }
}

/** Wraps one month's raw values (field id to text as typed): every field parsed once, up front. */
export function monthReader(
  layout: Layout,
  values: Readonly<Record<string, unknown>>
): MonthReader {
  const table = tableOf(layout);
  const { slots, kinds, balances, magnitudes } = table;
  const parsed = table.blanks.slice();
  const flagged: number[] = [];
  // a return states a third of its cells or fewer: walk what it states, not every field. Values
  // built key by key are kept as a hash table, whose for-in checks every key again as it goes;
  // Object.keys does not (measured: the loop's most sampled line, 14% fewer samples)
  for (const id of Object.keys(values)) {
    const slot = slotOf(id);
    const at = indexOfSlot(slots, slot);
    const raw = values[id];
    if (at < 0 || raw === undefined || raw === "" || raw === null) continue;
    const p = parseAs(kinds[at], raw);
    parsed[slot] = p;
    // what value checks report: unreadable cells, fractional share counts, negative balances
    if (p.tag === "number") {
      const negative = sign(p.value) < 0;
      if ((kinds[at] === "shares" && !isInteger(p.value)) || (balances[at] && negative)) {
        flagged.push(at);
      }
      if (negative && magnitudes[at]) parsed[slot] = { ...p, value: abs(p.value) };
    } else if (p.tag === "problem") {
      flagged.push(at);
    }
  }
  if (flagged.length > 1) flagged.sort((a, b) => a - b); // form order
  for (let k = 0; k < flagged.length; k++) flagged[k] = slots.slotOfIndex[flagged[k]];
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
