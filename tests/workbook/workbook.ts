import type { HyperFormula } from "hyperformula";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";
import { applyPlanToHyperFormula, type AppliedPlan } from "../../src/preview/hf-workbook";
import type { MonthInput } from "../../src/rules/reconcile";
import type { Fixture } from "../support/fixtures";

/** A month applied as a sheet, with the plan it was applied from. */
export interface MonthSheet {
  readonly plan: TemplatePlan;
  readonly sheet: AppliedPlan;
}

/** A fixture value as the user types it: text as it is, a number as digits, nothing as "". */
const typed = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : "";

/**
 * Types a month's values into a sheet as the user would, every input field of the plan: the
 * values as typed, and a blank where the month has none (the plan may start a cell with "N/A").
 */
export function typeValues(hf: HyperFormula, month: MonthSheet, values: MonthInput["values"]) {
  hf.batch(() => {
    for (const { field } of month.plan.names) {
      if (field) month.sheet.setInput(field, typed(values[field]));
    }
  });
}

/** Applies a month as its own sheet (after last month's, where given) and types its values. */
export function applyMonth(
  hf: HyperFormula,
  month: MonthInput,
  previousSheet?: string
): MonthSheet {
  const { form, shape } = month.layout;
  const monthEnded = typed(month.values["hdr.monthEnded"]);
  const plan = planTemplate(form.id, shape, { monthEnded, previousSheet });
  const sheet = applyPlanToHyperFormula(hf, plan);
  const applied = { plan, sheet };
  typeValues(hf, applied, month.values);
  return applied;
}

/** Applies a fixture: last month's return first, where its meta names one, then this month's. */
export function applyFixture(
  hf: HyperFormula,
  fixture: Fixture
): { month: MonthSheet; previous?: MonthSheet } {
  const previous = fixture.previous ? applyMonth(hf, fixture.previous) : undefined;
  return { month: applyMonth(hf, fixture.month, previous?.sheet.sheetName), previous };
}

/** How a check cell (or the engine's findings for it) reads: OK, an error, a warning, or neither. */
export function verdictKind(text: string): "ok" | "error" | "warning" | "to-fill" | "other" {
  if (text === "OK") return "ok";
  if (text.startsWith("Error: ")) return "error";
  if (text.startsWith("Warning: ")) return "warning";
  if (/^To fill \(\d+\): /.test(text)) return "to-fill";
  return "other";
}
