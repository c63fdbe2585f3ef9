import { monthReader } from "../../src/rules/read";
import { checksOf, type MonthInput } from "../../src/rules/reconcile";

// What the perturbation tests change: the figures of a month that its checks read.

/** The value kinds of figures (as opposed to dates, currencies and text). */
export const FIGURES: ReadonlySet<string> = new Set([
  "shares",
  "money",
  "par",
  "price",
  "moneyList",
]);

/** A month with one value changed. */
export const withValue = (month: MonthInput, id: string, text: string): MonthInput => ({
  layout: month.layout,
  values: { ...month.values, [id]: text },
});

/**
 * Cells read by the checks of one month, value checks aside: those of the checks that read last
 * month's return (crossMonth), or of those that do not; this month's cells only, by field id.
 */
export function cellsRead(month: MonthInput, crossMonth: boolean): Set<string> {
  const out = new Set<string>();
  for (const check of checksOf(month.layout)) {
    // value checks, and completeness, which asks only that a cell be filled
    if (["readable", "whole", "complete"].includes(check.rule.kind)) continue;
    if (check.cells.some((c) => c.prev) !== crossMonth) continue;
    for (const cell of check.cells) if (!cell.prev) out.add(cell.id);
  }
  return out;
}

/** The month's figures (a number, Nil or a money list) among `ids`, in form order. */
export function figuresOf(month: MonthInput, ids: ReadonlySet<string>): string[] {
  const reader = monthReader(month.layout, month.values);
  return month.layout.fields
    .filter((f) => ids.has(f.id) && FIGURES.has(f.kind))
    .filter((f) => ["number", "nil", "moneyList"].includes(reader.at(f.index).tag))
    .map((f) => f.id);
}
