/**
 * A plan's essentials: the few facts from which planTemplate makes the same sheet again (form,
 * shape, month, last month's sheet), so that a reload re-applies the plan from a few bytes
 * instead of keeping hundreds of kilobytes of cells. Everything else the user chose (issuer,
 * classes, carried figures) lives in input cells, which are saved on their own.
 */
import type { Shape } from "../form";
import { readMeta } from "../plan/meta";
import { planTemplate } from "../plan/template";
import type { TemplatePlan } from "../plan/types";

/** What re-planning a sheet needs. */
export interface Essentials {
  readonly formId: string;
  readonly shape: Shape;
  /** The month end (ISO), or "" when the plan had none that reads. */
  readonly monthEnded: string;
  /** The sheet the cross-month checks read, if any. */
  readonly previousSheet?: string;
}

const OTHER_SHEET = /'((?:[^']|'')+)'!/;

/** The sheet a plan's check formulas read last month's figures from, if any. */
function previousSheetOf(plan: TemplatePlan): string | undefined {
  for (const cell of plan.cells) {
    if (cell.role !== "check") continue;
    const m = OTHER_SHEET.exec(cell.content);
    if (m) return m[1].replace(/''/g, "'");
  }
  return undefined;
}

/** Everything of a plan but what its input cells start with. */
function skeleton(plan: TemplatePlan): string {
  // the sheet's own name is kept apart (a workbook may hold "MR 2011-11 (2)"); the grid and the
  // validations follow from the cells
  const rest = {
    ...plan,
    grid: undefined,
    validations: undefined,
    sheetName: undefined,
    cells: undefined,
  };
  const shapeOfCells = plan.cells.map((c) =>
    c.role === "input" ? [c.address, c.field, c.style, c.numberFormat] : c
  );
  return JSON.stringify([rest, shapeOfCells]);
}

/** Plans a sheet again from its essentials. */
export function planFromEssentials(e: Essentials): TemplatePlan {
  return planTemplate(e.formId, e.shape, {
    monthEnded: e.monthEnded || undefined,
    previousSheet: e.previousSheet,
  });
}

/**
 * The essentials of a plan, or null when planning again from them would not give the same
 * sheet (labels, formulas, names and formats compared; input contents aside).
 */
export function essentialsOf(plan: TemplatePlan): Essentials | null {
  const meta = readMeta(plan.meta.value);
  if (!meta) return null;
  const previousSheet = previousSheetOf(plan);
  const essentials: Essentials = {
    formId: plan.formId,
    shape: plan.shape,
    monthEnded: meta.monthEnd,
    ...(previousSheet === undefined ? {} : { previousSheet }),
  };
  try {
    return skeleton(planFromEssentials(essentials)) === skeleton(plan) ? essentials : null;
  } catch {
    return null;
  }
}
