/** One check of a return: last month found by its month end, the rules run, findings grouped. */
import { formVersion, layoutOf } from "../form";
import type { SheetReturn, WorkbookHost } from "../plan/host";
import { checkMonths } from "../rules/previous-month";
import { checksOf, type MonthInput } from "../rules/reconcile";
import { fromIso, MONTH_NAMES } from "../values/dates";
import { countFindings, groupFindings, type FindingCounts, type FindingGroup } from "./findings";
import { previousMonthEnd } from "./insert-form";

/** What the last check found, or why it found nothing to check. */
export type CheckView =
  | { readonly kind: "idle" }
  | { readonly kind: "noReturn" }
  | { readonly kind: "unknownForm"; readonly sheetName: string; readonly formId: string }
  | CheckResult;

/** The findings of a return, grouped for the pane. */
export interface CheckResult {
  readonly kind: "result";
  readonly sheetName: string;
  /** Last month's sheet the cross-month checks read, or undefined when none was found. */
  readonly previousSheet?: string;
  /** Last month in words ("October 2011"), for saying which month was looked for. */
  readonly previousMonth: string;
  /** Why last month's sheet was found but not used (another issuer, another form), if it was not. */
  readonly notices: readonly string[];
  /** How many checks the return's layout has (the empty state says "All N checks pass"). */
  readonly checks: number;
  readonly counts: FindingCounts;
  readonly groups: readonly FindingGroup[];
}

/** "October 2011" for an ISO date; "" when it does not read. */
function monthWords(iso: string): string {
  const date = fromIso(iso);
  return date ? `${MONTH_NAMES[date.month - 1]} ${date.year}` : "";
}

/**
 * The sheet holding the return for the month before `monthEnd` (ISO), found by its month end
 * among the workbook's returns, whatever its name or position; null when there is none.
 */
export async function findPrevious(
  host: WorkbookHost,
  monthEnd: string,
  except: string | null
): Promise<string | null> {
  const wanted = previousMonthEnd(monthEnd);
  if (!wanted) return null;
  const returns = await host.listReturns();
  return returns.find((r) => r.monthEnd === wanted && r.sheetName !== except)?.sheetName ?? null;
}

/** Last month's return of a return, read from the workbook, or null. */
async function readPrevious(
  host: WorkbookHost,
  found: SheetReturn
): Promise<{ sheetName: string; input: MonthInput } | null> {
  const name = await findPrevious(host, found.monthEnd, found.sheetName);
  const previous = name ? await host.readReturn(name) : null;
  const form = previous && formVersion(previous.formId);
  if (!previous || !form) return null;
  return {
    sheetName: previous.sheetName,
    input: { layout: layoutOf(form, previous.shape), values: previous.values },
  };
}

/**
 * Reconciles a return read from the workbook, with last month's when the workbook has it;
 * only reads. A form version the add-in does not know gives "unknownForm".
 */
export async function checkReturn(
  host: WorkbookHost,
  found: SheetReturn
): Promise<Exclude<CheckView, { kind: "idle" | "noReturn" }>> {
  const form = formVersion(found.formId);
  if (!form) return { kind: "unknownForm", sheetName: found.sheetName, formId: found.formId };
  const layout = layoutOf(form, found.shape);
  const previous = await readPrevious(host, found);
  const { findings, notices } = checkMonths({ layout, values: found.values }, previous?.input);
  return {
    kind: "result",
    sheetName: found.sheetName,
    previousSheet: previous?.sheetName,
    previousMonth: monthWords(previousMonthEnd(found.monthEnd)),
    notices: notices.map((n) => n.message),
    checks: checksOf(layout).length,
    counts: countFindings(findings),
    groups: groupFindings(layout, findings),
  };
}
