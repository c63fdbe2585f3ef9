/** Inserts, rolls forward and checks through the Office.js harness, for the tests and the bench. */
import type { Shape } from "../../src/form";
import { ExcelHost } from "../../src/excel/excel-host";
import { batchesOf, insertSteps, type InsertStep } from "../../src/excel/insert-steps";
import type { SheetReturn } from "../../src/plan/host";
import { rollForward } from "../../src/plan/roll-forward";
import { planTemplate } from "../../src/plan/template";
import type { PlanHeader, TemplatePlan } from "../../src/plan/types";
import { MAX_CLASSES } from "../../src/taskpane/class-blocks";
import { eLineChoices } from "../../src/taskpane/e-lines-form";
import { MAX_LINES } from "../../src/taskpane/insert-form";
import { OfficeHarness, type RecordedRequest } from "./office-runtime";

/** Excel on the web refuses requests over 5 MB; the project holds every request under 4 MB. */
export const REQUEST_LIMIT = 4_000_000;

/**
 * The largest shape the pane allows for a form version: every line count at its maximum, each
 * typed (E) line the version has repeated as often as allowed, `classes` blocks.
 */
export const largestShape = (formId: string, classes: number = MAX_CLASSES): Shape => {
  const typed = eLineChoices(formId).map((e) => [e.key, MAX_LINES] as const);
  return {
    classes,
    options: MAX_LINES,
    fundsLines: MAX_LINES,
    warrants: MAX_LINES,
    convertibles: MAX_LINES,
    arrangements: MAX_LINES,
    otherMovements: MAX_LINES,
    ...(typed.length > 0 ? { eLines: Object.fromEntries(typed) } : {}),
  };
};

// n option lines, one funds line and one other movement: the shape the README's table uses
export { optionShape } from "./shapes";

/** An ExcelHost on a harness: every API set present, retries that do not sleep. */
export const hostOnHarness = (harness: OfficeHarness): ExcelHost =>
  new ExcelHost({
    run: harness.run,
    isSetSupported: () => true,
    retry: { retries: 0, delayMs: 0, wait: () => Promise.resolve() },
  });

/** What an insert sent: its requests, and the batches the host packed its writes into. */
export interface InsertMeasure {
  readonly harness: OfficeHarness;
  readonly plan: TemplatePlan;
  readonly sheetName: string;
  readonly requests: readonly RecordedRequest[];
  readonly batches: readonly (readonly InsertStep[])[];
}

/** Inserts a plan through the harness (a fresh one unless given) and records its requests. */
export async function measureInsert(
  plan: TemplatePlan,
  harness: OfficeHarness = new OfficeHarness()
): Promise<InsertMeasure> {
  const first = harness.requests.length;
  const { sheetName } = await hostOnHarness(harness).insertTemplate(plan);
  const batches = batchesOf(insertSteps(plan, sheetName));
  return { harness, plan, sheetName, requests: harness.requests.slice(first), batches };
}

/** Reads the active return (the check) and inserts next month's sheet from it (roll forward). */
export async function measureRollForward(
  harness: OfficeHarness
): Promise<{ check: readonly RecordedRequest[]; source: SheetReturn; insert: InsertMeasure }> {
  const first = harness.requests.length;
  const source = await hostOnHarness(harness).readActiveReturn();
  if (!source) throw new Error("The active sheet holds no return");
  const check = harness.requests.slice(first);
  const header: PlanHeader = rollForward(source);
  const insert = await measureInsert(planTemplate(source.formId, source.shape, header), harness);
  return { check, source, insert };
}
