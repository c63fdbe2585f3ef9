/**
 * What the plan asks of a sheet's cells as the grid shows it: each cell's data validation (its
 * list and input prompt) and which cells are the form's tick boxes. Plain data, made once a sheet.
 */
import { formVersion, layoutOf } from "../form";
import { readMeta } from "../plan/meta";
import type { PlanValidation, TemplatePlan } from "../plan/types";
import { rectsOf } from "./sheet-model";

/** A sheet's validations by cell key (row * cols + col), and its tick boxes' field ids. */
export interface CellValidations {
  readonly byCell: ReadonlyMap<number, PlanValidation>;
  readonly tickFields: ReadonlySet<string>;
}

/** Reads a plan's validations onto its cells, and its tick boxes from its form's layout. */
export function cellValidationsOf(plan: TemplatePlan, cols: number): CellValidations {
  const byCell = new Map<number, PlanValidation>();
  for (const v of plan.validations)
    for (const area of rectsOf(v.address))
      for (let r = area.row; r <= area.lastRow; r++)
        for (let c = area.col; c <= area.lastCol; c++) byCell.set(r * cols + c, v);
  const meta = readMeta(plan.meta.value);
  const form = meta && formVersion(meta.formId);
  const fields = form ? layoutOf(form, meta.shape).fields : [];
  const tickFields = new Set(fields.filter((f) => f.kind === "tick").map((f) => f.id));
  return { byCell, tickFields };
}
