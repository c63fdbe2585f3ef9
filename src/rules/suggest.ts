import type { Field, Layout } from "../form";
import { currencySymbol } from "../values/currency";
import { abs, eq, formatDec, isInteger, sign, type Dec } from "../values/decimal";
import { formatParsed, parseCell } from "../values/parse";
import type { Parsed } from "../values/types";
import type { Instance } from "./compile";
import { contextOf } from "./evaluate";
import { figureOf, monthReader, type MonthReader } from "./read";
import { checksOf, type MonthInput } from "./reconcile";
import { indexOfSlot, slotOf, slotsOf } from "./slots";
import type { Finding } from "./types";
import type { Suggestion } from "./verdict";

// The likely wrong figure: a cell that one value makes hold in every failing check that reads it,
// without breaking a check that holds. Values are solved by the checks' own kinds (Instance.solve,
// from the rule data) and then proved by running every check that reads the cell on the changed
// month, so a suggestion is never a guess about what a rule means.

/** The kinds of cell a suggestion may change: figures, never text, dates or ticks. */
export const FIGURES: ReadonlySet<Field["kind"]> = new Set([
  "shares",
  "money",
  "par",
  "price",
  "moneyList",
]);

const readersCache = new WeakMap<Layout, Map<string, number[]>>();

/** The instances (by position in checksOf) that read each field of this month, to-fill aside. */
function readersOf(layout: Layout, instances: readonly Instance[]): Map<string, number[]> {
  let readers = readersCache.get(layout);
  if (!readers) {
    readers = new Map();
    instances.forEach((instance, k) => {
      if (instance.rule.severity === "F") return; // a filled cell only ever clears a to-fill
      const ids = new Set<string>();
      for (const c of instance.cells) if (!c.prev) ids.add(c.id);
      for (const g of instance.inputs) for (const c of g.cells) if (!c.prev) ids.add(c.id);
      for (const id of ids) {
        const list = readers!.get(id);
        if (list) list.push(k);
        else readers!.set(id, [k]);
      }
    });
    readersCache.set(layout, readers);
  }
  return readers;
}

/** This month with one cell holding another value: every other read goes to the month itself. */
function withValue(base: MonthReader, slot: number, value: Parsed): MonthReader {
  const table = slotsOf(base.layout);
  const flagged = base.flagged.filter((s) => s !== slot);
  const atSlot = (s: number): Parsed => (s === slot ? value : base.atSlot(s));
  return {
    layout: base.layout,
    at: (index) =>
      index < 0 || index >= table.slotOfIndex.length
        ? base.at(index)
        : atSlot(table.slotOfIndex[index]),
    atSlot,
    byId: (id) => atSlot(slotOf(id)),
    has: (id) => base.has(id),
    suspect: flagged.length > 0,
    flagged,
  };
}

/** A solved figure as the form writes it: grouped digits, its currency, the form's negatives. */
function written(layout: Layout, field: Field, value: Dec, now: Parsed): string {
  // a figure that counts by its column's type keeps the sign it was written with
  const negative =
    field.magnitude && now.tag === "number"
      ? now.text.trim().match(/^[-(]/) !== null
      : sign(value) < 0;
  const places = field.kind === "money" || field.kind === "moneyList" ? 2 : undefined;
  const stated =
    now.tag === "number" ? now.currency : now.tag === "moneyList" ? now.items[0]?.currency : null;
  // the currency as the cell writes it ("HKD ", "HK$"), and a note after the figure kept
  const single = now.tag === "number" || (now.tag === "moneyList" && now.items.length === 1);
  const [prefix, note] = single ? writtenAround(now.text) : ["", ""];
  const currency = prefix || (stated ? currencySymbol(stated) : "");
  const body = `${currency}${formatDec(abs(value), { places })}${note}`;
  if (!negative || (field.magnitude && sign(value) === 0)) return body;
  return layout.form.negatives === "brackets" ? `(${body})` : `-${body}`;
}

/**
 * What a figure's text writes before and after its digits: a currency as written ("HKD ",
 * "US$") and a note that points at a remark (" (Remarks)", "*"); "" for each where there is none.
 */
function writtenAround(text: string): [string, string] {
  const m = /^\s*[-(]?\s*([A-Za-z]{1,4}\s?\$\s?|\$\s?|[A-Za-z]{3}\s+)?[\d.,]*\d\)?(.*)$/.exec(text);
  if (!m) return ["", ""];
  const note = m[2].trim();
  return [m[1] ?? "", /^(\*+|\([^()]*\))$/.test(note) ? ` ${note}`.replace(" *", "*") : ""];
}

/** What a cell holds now, as typed (a number as the form writes it), for "old -> new". */
const currentOf = (values: Readonly<Record<string, unknown>>, id: string): string => {
  const raw = values[id];
  if (typeof raw === "string" && raw !== "") return raw;
  if (typeof raw !== "number") return "blank";
  const read = parseCell(raw, "number");
  return read.tag === "number" ? formatParsed(read) : String(raw);
};

interface Candidate {
  readonly field: Field;
  readonly value: Dec;
  /** Keys of the failing checks the value clears. */
  readonly cleared: ReadonlySet<string>;
}

/** The first value that clears every failing check reading the cell and breaks none, if any. */
function candidateOf(
  field: Field,
  month: { cur: MonthReader; prev: MonthReader | null },
  instances: readonly Instance[],
  readers: readonly number[],
  failing: ReadonlySet<string>
): Candidate | null {
  const ctx = contextOf(month.cur, month.prev);
  const slot = slotOf(field.id);
  const now = month.cur.atSlot(slot);
  const current = figureOf(now);
  const tried: Dec[] = [];
  for (const k of readers) {
    const instance = instances[k];
    if (!failing.has(instance.key) || !instance.solve) continue;
    for (const value of instance.solve(ctx, field.id)) {
      if ((current && eq(value, current)) || tried.some((t) => eq(t, value))) continue;
      // a value the reader would flag (a fractional share count, a negative balance) is no fix
      if ((field.kind === "shares" && !isInteger(value)) || (field.balance && sign(value) < 0))
        continue;
      tried.push(value);
      const parsed: Parsed = {
        tag: "number",
        value: field.magnitude ? abs(value) : value,
        currency:
          now.tag === "number"
            ? now.currency
            : now.tag === "moneyList"
              ? (now.items[0]?.currency ?? null)
              : null,
        marked: false,
        text: formatDec(value),
      };
      const changed = contextOf(withValue(month.cur, slot, parsed), month.prev);
      const cleared = new Set<string>();
      let holds = true;
      for (const r of readers) {
        const other = instances[r];
        const outcomes = other.run(changed);
        if (outcomes.length > 0) {
          holds = false; // a failing check still fails, or a check that held breaks
          break;
        }
        if (failing.has(other.key)) cleared.add(other.key);
      }
      if (holds && cleared.size > 0) return { field, value, cleared };
    }
  }
  return null;
}

/** How much clearing these checks weighs: an error outweighs every warning. */
function weightOf(keys: Iterable<string>, errorChecks: ReadonlySet<string>): number {
  let w = 0;
  for (const key of keys) w += errorChecks.has(key) ? 1000 : 1;
  return w;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((k) => b.has(k));

/**
 * The likely wrong figures of a return with its findings, most likely first: each the one cell a
 * value makes hold in all its failing checks with no passing check broken, chosen greedily so
 * that the fewest cells clear the most failing checks; equally likely cells are named together.
 */
export function suggestionsOf(
  month: MonthInput,
  previous: MonthInput | undefined,
  findings: readonly Finding[]
): Suggestion[] {
  const failing = new Set<string>();
  const errorChecks = new Set<string>();
  const toFill = new Set<string>();
  for (const f of findings) {
    if (f.severity === "to-fill") {
      for (const id of f.cells) toFill.add(id);
      continue;
    }
    failing.add(f.instance);
    if (f.severity === "error") errorChecks.add(f.instance);
  }
  if (failing.size === 0) return [];
  const { layout } = month;
  const instances = checksOf(layout);
  const readers = readersOf(layout, instances);
  const reading = {
    cur: monthReader(layout, month.values),
    prev: previous ? monthReader(previous.layout, previous.values) : null,
  };
  const suspects = new Set<string>();
  for (const instance of instances) {
    if (!failing.has(instance.key)) continue;
    for (const c of instance.cells) if (!c.prev && c.index >= 0) suspects.add(c.id);
  }
  const candidates: Candidate[] = [];
  for (const id of suspects) {
    const field = layout.byId.get(id);
    if (!field || !FIGURES.has(field.kind) || indexOfSlot(slotsOf(layout), slotOf(id)) < 0)
      continue;
    // a blank cell is a suspect only where the return must state it (a line not used is not)
    if (reading.cur.byId(id).tag === "blank" && !toFill.has(id)) continue;
    const found = candidateOf(field, reading, instances, readers.get(id) ?? [], failing);
    if (found) candidates.push(found);
  }
  const out: Suggestion[] = [];
  const remaining = new Set(failing);
  const gain = (c: Candidate): Set<string> =>
    new Set([...c.cleared].filter((k) => remaining.has(k)));
  for (;;) {
    let best: Candidate | null = null;
    let bestWeight = 0;
    for (const c of candidates) {
      const w = weightOf(gain(c), errorChecks);
      if (w > bestWeight || (w === bestWeight && best && c.field.index < best.field.index)) {
        [best, bestWeight] = [c, w];
      }
    }
    if (!best || bestWeight === 0) break;
    const cleared = gain(best);
    const tied = candidates.filter((c) => sameSet(gain(c), cleared));
    for (const c of tied) {
      const others = tied.filter((t) => t !== c).map((t) => t.field.id);
      out.push({
        field: c.field.id,
        value: written(layout, c.field, c.value, reading.cur.atSlot(slotOf(c.field.id))),
        current: currentOf(month.values, c.field.id),
        clears: findings.flatMap((f, k) =>
          c.cleared.has(f.instance) && f.severity !== "to-fill" ? [k] : []
        ),
        ...(others.length > 0 ? { tiedWith: others } : {}),
      });
    }
    for (const key of cleared) remaining.delete(key);
    for (const c of tied) candidates.splice(candidates.indexOf(c), 1);
  }
  return out;
}
