/**
 * The values of a plan's input cells as a host reads them back once inserted: a whole number
 * written where the format is not text (a date's serial) reads as a number, and Excel's text
 * prefix is not part of a value.
 */
import { valueOfTyped } from "../../src/plan/typed-text";
import type { PlanCell, TemplatePlan } from "../../src/plan/types";

/** What a host reads back from one input cell of the plan. */
export const valueOfCell = (cell: PlanCell): string | number =>
  cell.content.startsWith("=")
    ? "" // a computed total: these readers have no formula engine (tests/workbook evaluates them)
    : cell.numberFormat !== "@" && /^\d{1,15}$/.test(cell.content)
      ? Number(cell.content)
      : valueOfTyped(cell.content);

/** Field id to the value read back, for every input cell of the plan (blank ones included). */
export const valuesOfPlan = (plan: TemplatePlan): Record<string, string | number> =>
  Object.fromEntries(plan.cells.filter((c) => c.field).map((c) => [c.field!, valueOfCell(c)]));
