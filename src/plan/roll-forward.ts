import { formVersion, layoutOf, type Field, type Layout } from "../form";
import { computedFieldsOf } from "../rules/compute-cell";
import { checksOf } from "../rules/reconcile";
import { addDays, daysInMonth, formatDate, fromIso, type YMD } from "../values/dates";
import { parseCell } from "../values/parse";
import type { SheetReturn } from "./host";
import type { PlanHeader } from "./types";

/** The last day of the month after `end`. */
export function nextMonthEnd(end: YMD): YMD {
  const first = addDays(
    { year: end.year, month: end.month, day: daysInMonth(end.year, end.month) },
    1
  );
  return { ...first, day: daysInMonth(first.year, first.month) };
}

/** Standing facts of a line or block that carry to next month (descriptions, prices, currencies). */
const STANDING: ReadonlySet<Field["kind"]> = new Set(["text", "class", "currency", "price"]);

/** Lines whose balances stand from month to month: options, warrants, convertibles, arrangements. */
const STANDING_LINES: ReadonlySet<Field["unit"]> = new Set([
  "option",
  "warrant",
  "convertible",
  "arrangement",
]);

/**
 * Whether an (E) line's class cell keeps its class: on a type the shape repeats, each line is that
 * type's line of one class ("Repurchase of shares" for H shares, then for A shares).
 */
function classOfRepeatedLine(layout: Layout, field: Field): boolean {
  if (field.unit !== "eLine" || field.kind !== "class") return false;
  const type = layout.eLineType(field.group.slice("E.".length));
  return !type.repeatable && (layout.shape.eLines?.[type.key] ?? 1) > 1;
}

/**
 * Whether a field carries as it is: standing facts, except this month's events and header dates,
 * and a line's balances ("shares which may be issued ... as at close of the month"), which stand
 * until a movement changes them.
 */
function carries(layout: Layout, field: Field): boolean {
  if (field.balance && STANDING_LINES.has(field.unit)) return true;
  if (classOfRepeatedLine(layout, field)) return true;
  if (field.unit === "eLine" || field.unit === "signature" || field.monthly) return false; // this month's events
  if (field.unit === "header") return field.id === "hdr.issuer" || field.id === "hdr.registered";
  if (field.kind === "date") return field.id.endsWith(".egmDate") || field.id.endsWith(".expiry");
  return STANDING.has(field.kind) || field.kind === "moneyList";
}

/** The text of a raw cell value as it would be typed back ("" for blank or an error value). */
function asText(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return "";
}

/**
 * The header of next month's return, rolled forward from this one: closing balances become
 * opening (and, with no movement yet, closing) figures; option, warrant and convertible lines
 * carry with their figures at close; movements and this month's events are left blank, but the
 * (E) lines a shape repeats per class keep their classes.
 * What carries is read from the cross-month rules, so it is the inverse of month.continuity.
 * A computed total never carries: next month's sheet computes it again from its own figures.
 */
export function rollForward(source: SheetReturn): PlanHeader {
  const form = formVersion(source.formId);
  if (!form) throw new RangeError(`Unknown form version "${source.formId}"`);
  const layout = layoutOf(form, source.shape);
  const values: Record<string, string> = {};
  for (const field of layout.fields) {
    if (carries(layout, field)) {
      const text = asText(source.values[field.id]);
      if (text) values[field.id] = text;
    }
  }
  for (const check of checksOf(layout)) {
    const previous = check.cells.filter((c) => c.prev);
    if (previous.length !== 1) continue;
    const target = check.cells.find((c) => !c.prev);
    const text = asText(source.values[previous[0].id]);
    if (!target || !text) continue;
    values[target.id] = text; // this month's opening figure = last month's closing figure
    values[previous[0].id] = text; // no movement yet: the close starts equal to the opening
  }
  for (const id of computedFieldsOf(layout).keys()) delete values[id];
  const end = fromIso(source.monthEnd) ?? monthEndOf(source.values["hdr.monthEnded"]);
  const next = end ? nextMonthEnd(end) : undefined;
  return {
    monthEnded: next ? formatDate(next) : undefined,
    issuer: values["hdr.issuer"],
    previousSheet: source.sheetName,
    values,
  };
}

function monthEndOf(raw: unknown): YMD | null {
  const p = parseCell(raw, "date");
  return p.tag === "date" ? p : null;
}
