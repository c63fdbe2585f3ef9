/**
 * One check of a return: last month found by its month end, the verdict taken (states, cells to
 * fill, likely wrong figures), findings grouped, and the cells it names given their addresses.
 */
import { formVersion, layoutOf, type Layout } from "../form";
import type { SheetReturn, WorkbookHost } from "../plan/host";
import { readMeta } from "../plan/meta";
import { valueOfTyped } from "../plan/typed-text";
import type { TemplatePlan } from "../plan/types";
import { previousNotices } from "../rules/previous-month";
import type { Finding } from "../rules/types";
import { checksOf, type MonthInput } from "../rules/reconcile";
import { verdictOf, type Status, type Verdict } from "../rules/verdict";
import { fromIso, MONTH_NAMES } from "../values/dates";
import { countFindings, groupFindings, type FindingCounts, type FindingGroup } from "./findings";
import { shownValue } from "./fix";
import { previousMonthEnd } from "./insert-form";

/** A cell the pane names: its field, its address ("B36", "" when unknown) and the form's words. */
export interface NamedCell {
  readonly field: string;
  readonly address: string;
  readonly label: string;
}

/** The likely wrong figure, named, with the value that clears its checks, most likely first. */
export interface SuggestionView extends NamedCell {
  /** The value that clears, as the form writes it ("1,000,250,000"). */
  readonly value: string;
  /** What the cell holds now, as typed. */
  readonly current: string;
  /** How many of the findings listed it would clear, by severity. */
  readonly clears: { readonly errors: number; readonly warnings: number };
  /** Cells equally likely to be the slip (a figure one rule alone reads). */
  readonly tiedWith: readonly NamedCell[];
}

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
  /** How many checks the return's layout has. */
  readonly checks: number;
  /** "ready" (nothing to fill, no error), "incomplete" or "errors". */
  readonly status: Status;
  /** "Ready to file", or what is left: "12 cells to fill · 1 error · 2 warnings". */
  readonly headline: string;
  readonly counts: FindingCounts;
  /** The cells a filed return cannot leave blank, in form order: listed apart, never as errors. */
  readonly toFill: readonly NamedCell[];
  readonly suggestions: readonly SuggestionView[];
  /**
   * The findings the likely cause would clear: shown under it, not in the groups, so that a
   * check on cells that are right does not read as advice to change them.
   */
  readonly explained: readonly Finding[];
  /** The other errors and warnings, by section of the form. */
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

/**
 * Last month's sheet for a template about to be inserted: found by its month end, and kept only
 * when it is the same issuer's return of the same form family (the new sheet's cross-month check
 * cells read it); otherwise null, with the reasons in words.
 */
export async function previousForInsert(
  host: WorkbookHost,
  plan: TemplatePlan
): Promise<{ sheetName: string | null; notices: string[] }> {
  const meta = readMeta(plan.meta.value);
  const name = meta ? await findPrevious(host, meta.monthEnd, null) : null;
  const previous = name ? await host.readReturn(name) : null;
  const form = previous && formVersion(previous.formId);
  if (!name || !previous || !form) return { sheetName: name, notices: [] };
  // what the new sheet will hold as written: dates as their serials, text without its prefix
  const values = Object.fromEntries(
    plan.cells.flatMap((c) =>
      c.field && c.content
        ? [[c.field, /^\d{1,15}$/.test(c.content) ? Number(c.content) : valueOfTyped(c.content)]]
        : []
    )
  );
  const notices = previousNotices(
    { layout: layoutOf(formVersion(plan.formId)!, plan.shape), values },
    { layout: layoutOf(form, previous.shape), values: previous.values }
  );
  return notices.length
    ? { sheetName: null, notices: notices.map((n) => n.message) }
    : { sheetName: name, notices: [] };
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
  const month = { layout, values: found.values };
  // last month's sheet is used only when it is the same issuer's return for the month before
  const notices = previous ? previousNotices(month, previous.input) : [];
  const verdict = verdictOf(month, notices.length === 0 ? previous?.input : undefined);
  const named = new Set([
    ...verdict.toFill,
    ...verdict.suggestions.flatMap((s) => [s.field, ...(s.tiedWith ?? [])]),
  ]);
  const addresses = named.size > 0 ? await host.addressesOf(found.sheetName, [...named]) : {};
  const cell = (field: string): NamedCell => ({
    field,
    address: addresses[field] ?? "",
    label: labelOf(layout, field),
  });
  const listed = verdict.findings.filter((f) => f.severity !== "to-fill");
  const folded = new Set((verdict.suggestions[0]?.clears ?? []).map((i) => verdict.findings[i]));
  return {
    kind: "result",
    sheetName: found.sheetName,
    previousSheet: previous?.sheetName,
    previousMonth: monthWords(previousMonthEnd(found.monthEnd)),
    notices: notices.map((n) => n.message),
    checks: checksOf(layout).length,
    status: verdict.status,
    headline: verdict.headline,
    counts: { ...countFindings(listed), toFill: verdict.toFill.length },
    toFill: verdict.toFill.map(cell),
    suggestions: suggestionsOf(verdict, cell, found.values),
    explained: listed.filter((f) => folded.has(f)),
    groups: groupFindings(
      layout,
      listed.filter((f) => !folded.has(f))
    ),
  };
}

/** The form's words for a field's cell (its caption within its block), or the field id. */
function labelOf(layout: Layout, field: string): string {
  const def = layout.byId.get(field);
  // a caption ends with the form's colon ("Title:"); the pane puts its own after the address
  return def ? (def.caption || def.label).replace(/:\s*$/, "") : field;
}

/** The verdict's suggestions with their cells named and what each clears counted. */
function suggestionsOf(
  verdict: Verdict,
  cell: (field: string) => NamedCell,
  values: SheetReturn["values"]
): SuggestionView[] {
  return verdict.suggestions.map((s) => {
    const cleared = s.clears.map((i) => verdict.findings[i]).filter((f) => f !== undefined);
    const errors = cleared.filter((f) => f.severity === "error").length;
    return {
      ...cell(s.field),
      value: s.value,
      // a number the host read shows as the form writes it, as the suggested value does
      current: typeof values[s.field] === "number" ? shownValue(values[s.field]) : s.current,
      clears: { errors, warnings: cleared.length - errors },
      tiedWith: (s.tiedWith ?? []).map(cell),
    };
  });
}
