import { nameOf } from "../plan/a1";
import {
  HostError,
  type CellContent,
  type SheetReturn,
  type SheetSummary,
  type WorkbookHost,
} from "../plan/host";
import { META_NAME, readMeta } from "../plan/meta";
import type { TemplatePlan } from "../plan/types";
import { freeSheetName } from "./addresses";
import {
  DEFAULT_RETRY,
  HOST_MESSAGES,
  officeCode,
  toHostError,
  withEditModeRetry,
  type RetryPolicy,
} from "./errors";
import { batchesOf, insertSteps } from "./insert-steps";
import { queueSheetRead, returnFromHandles } from "./read-return";

/** Runs a batch against Excel; with `context`, in that context (to remove a handler it added). */
export type RunBatch = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  context?: OfficeExtension.ClientRequestContext
) => Promise<T>;

/** What the host needs from Office, replaceable in tests. */
export interface ExcelHostOptions {
  readonly run?: RunBatch;
  readonly isSetSupported?: (name: string, version: string) => boolean;
  readonly retry?: RetryPolicy;
}

/** The requirement sets the add-in uses, each with the feature that needs it. */
export const REQUIREMENTS: readonly { name: string; version: string; why: string }[] = [
  // the highest of what apply-plan.ts and insert-steps.ts queue: getRanges, pageLayout, suspendScreenUpdating
  { name: "ExcelApi", version: "1.9", why: "multi-area formats, print setup" },
  // the task pane and the HKMR functions share one JavaScript context
  { name: "SharedRuntime", version: "1.1", why: "custom functions beside the task pane" },
];

const officeRun: RunBatch = (batch, context) =>
  context === undefined ? Excel.run(batch) : Excel.run(context, batch);

const officeSupports = (name: string, version: string): boolean =>
  typeof Office !== "undefined" &&
  Office.context?.requirements?.isSetSupported(name, version) === true;

/** What an insert has made so far, for the clean-up after a failure. */
interface InsertProgress {
  /** The ids of the sheets before the insert. */
  idsBefore: readonly string[];
  activeId?: string;
  /** The name chosen for the new sheet, once its add is queued. */
  sheetName?: string;
  /** The new sheet's id, once its add has synced. */
  sheetId?: string;
}

/** The workbook through Office.js: applies plans to new sheets and reads returns through names. */
export class ExcelHost implements WorkbookHost {
  private readonly run: RunBatch;
  private readonly supports: (name: string, version: string) => boolean;
  private readonly retry: RetryPolicy;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? officeRun;
    this.supports = options.isSetSupported ?? officeSupports;
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  /** The requirement sets this Excel lacks, as "ExcelApi 1.9". */
  missingRequirements(): string[] {
    return REQUIREMENTS.filter((r) => !this.supports(r.name, r.version)).map(
      (r) => `${r.name} ${r.version}`
    );
  }

  /**
   * Writes the plan into a new sheet and activates it at A1: one sync reads the sheets, one adds
   * the sheet, then as few syncs as Excel's request limit needs write it (insert-steps.ts). A
   * failure at any sync removes the new sheet (by its id) and re-activates the sheet that was.
   */
  async insertTemplate(plan: TemplatePlan): Promise<{ readonly sheetName: string }> {
    if (this.missingRequirements().some((r) => r.startsWith("ExcelApi"))) {
      throw new HostError(HOST_MESSAGES.requirements, "requirements");
    }
    return await withEditModeRetry(() => this.insertOnce(plan), this.retry);
  }

  private async insertOnce(plan: TemplatePlan): Promise<{ readonly sheetName: string }> {
    const made: InsertProgress = { idsBefore: [] };
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/id");
        const active = sheets.getActiveWorksheet();
        active.load("id");
        await context.sync();
        made.activeId = active.id;
        made.idsBefore = sheets.items.map((s) => s.id);
        const sheetName = freeSheetName(
          plan.sheetName,
          sheets.items.map((s) => s.name)
        );
        // the add has a sync of its own: once it returns the id, every later failure can be
        // undone by that id, and a failed add leaves nothing (a co-author's sheet of the same
        // name makes it fail, and is never touched)
        made.sheetName = sheetName;
        const added = sheets.add(sheetName);
        added.load("id");
        await context.sync();
        made.sheetId = added.id;
        for (const batch of batchesOf(insertSteps(plan, sheetName))) {
          // one recalculation and one repaint per request, not one per write
          context.application.suspendApiCalculationUntilNextSync();
          context.application.suspendScreenUpdatingUntilNextSync();
          const sheet = sheets.getItem(made.sheetId);
          for (const step of batch) step.queue(sheet);
          await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per request-sized batch (STYLE.md 4)
        }
        return { sheetName };
      });
    } catch (error) {
      throw await this.afterFailedInsert(error, made);
    }
  }

  /** Undoes what a failed insert made, and gives the error to report (it says what is left). */
  private async afterFailedInsert(error: unknown, made: InsertProgress): Promise<unknown> {
    const name = made.sheetName;
    if (name === undefined || officeCode(error) === "ItemAlreadyExists") return error;
    if (made.sheetId !== undefined) {
      if (await this.undoInsert(made.sheetId, made.activeId)) return error;
    } else if (!(await this.sheetAppeared(name, made.idsBefore))) {
      return error; // the add itself failed: nothing was made
    }
    const host = toHostError(error);
    const left = new HostError(
      `${host.message} A partly written sheet "${name}" may be left: you can delete it.`,
      host.code
    );
    left.cause = error;
    return left;
  }

  /**
   * Whether a sheet of this name, new since the read, exists after a failed add. It may be
   * ours or a co-author's: with no id to tell them apart, it is reported, never deleted.
   */
  private async sheetAppeared(name: string, idsBefore: readonly string[]): Promise<boolean> {
    try {
      return await this.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("id");
        await context.sync();
        return !sheet.isNullObject && !idsBefore.includes(sheet.id);
      });
    } catch {
      return true; // unknown: say it may be left rather than nothing
    }
  }

  /**
   * Deletes the sheet this host added, by its id, and re-activates the sheet that was active;
   * best effort in a batch of its own, never throws. Its names went with it: the insert adds
   * only names scoped to the new sheet. True when the workbook is as it was.
   */
  private async undoInsert(sheetId: string, activeId: string | undefined): Promise<boolean> {
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem(sheetId).delete();
        if (activeId !== undefined) sheets.getItem(activeId).activate();
        await context.sync();
      });
      return true;
    } catch (error) {
      // gone already (a co-author deleted it): nothing of this action is left
      return officeCode(error) === "ItemNotFound";
    }
  }

  /** Every sheet that carries the metadata name (one sync for the sheets, one for their names). */
  async listReturns(): Promise<readonly SheetSummary[]> {
    return await withEditModeRetry(
      () =>
        this.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name");
          await context.sync();
          // a worksheet's names cannot be loaded through the collection, so ask each sheet
          const metas = sheets.items.map((sheet) => {
            const meta = sheet.names.getItemOrNullObject(META_NAME);
            meta.load("formula");
            return { sheetName: sheet.name, meta };
          });
          await context.sync();
          return metas.flatMap(({ sheetName, meta }) => {
            const read = meta.isNullObject ? null : readMeta(meta.formula);
            return read ? [{ sheetName, formId: read.formId, monthEnd: read.monthEnd }] : [];
          });
        }),
      this.retry
    );
  }

  /** The return on the active sheet, read in one sync with no write. */
  readActiveReturn(): Promise<SheetReturn | null> {
    return this.readSheet((workbook) => workbook.worksheets.getActiveWorksheet());
  }

  /** A return by sheet name, read in one sync with no write; null when there is no such sheet. */
  readReturn(sheetName: string): Promise<SheetReturn | null> {
    return this.readSheet((workbook) => workbook.worksheets.getItem(sheetName));
  }

  private async readSheet(
    pick: (workbook: Excel.Workbook) => Excel.Worksheet
  ): Promise<SheetReturn | null> {
    return await withEditModeRetry(
      () =>
        this.run(async (context) => {
          const handles = queueSheetRead(pick(context.workbook));
          try {
            await context.sync();
          } catch (error) {
            if (officeCode(error) === "ItemNotFound") return null; // no such sheet
            throw error;
          }
          return returnFromHandles(handles);
        }),
      this.retry
    );
  }

  /** Activates the sheet and selects the field's named cell, which scrolls it into view. */
  async selectField(sheetName: string, fieldId: string): Promise<void> {
    await withEditModeRetry(
      () =>
        this.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(sheetName);
          sheet.activate();
          sheet.names.getItem(nameOf("", fieldId)).getRange().select();
          await context.sync();
        }),
      this.retry
    );
  }

  /** Calls `handler` after each change on the sheet (ExcelApi 1.7); returns an unsubscribe. */
  onSheetChanged(sheetName: string, handler: () => void): Promise<() => Promise<void>> {
    return this.subscribe(
      (context) => context.workbook.worksheets.getItem(sheetName).onChanged,
      handler
    );
  }

  /** Calls `handler` after each sheet activation (worksheets.onActivated, ExcelApi 1.7). */
  onActiveSheetChanged(handler: () => void): Promise<() => Promise<void>> {
    return this.subscribe((context) => context.workbook.worksheets.onActivated, handler);
  }

  /** Adds `handler` to an event in one sync; returns an unsubscribe through the same context. */
  private async subscribe<T>(
    event: (context: Excel.RequestContext) => OfficeExtension.EventHandlers<T>,
    handler: () => void
  ): Promise<() => Promise<void>> {
    const registration = await withEditModeRetry(
      () =>
        this.run(async (context) => {
          const result = event(context).add(() => {
            handler();
            return Promise.resolve();
          });
          await context.sync();
          return result;
        }),
      this.retry
    );
    // a handler is removed through the context that added it
    return () =>
      withEditModeRetry(
        () =>
          this.run(async (context) => {
            registration.remove();
            await context.sync();
          }, registration.context),
        this.retry
      );
  }

  /**
   * Writes one value into the field's named cell in one sync, reading what it held in the same
   * sync (a load queued before the write reads the cell as it was); no other cell is touched.
   */
  async writeField(
    sheetName: string,
    fieldId: string,
    content: CellContent
  ): Promise<{ readonly previous: CellContent }> {
    return await withEditModeRetry(
      () =>
        this.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(sheetName);
          const range = sheet.names.getItem(nameOf("", fieldId)).getRange();
          range.load("formulas,valueTypes");
          // as if typed: Excel reads text that starts with "=" as a formula, "" clears the cell
          range.values = [[content ?? ""]];
          await context.sync();
          return { previous: contentOf(range.formulas[0]?.[0], range.valueTypes[0]?.[0]) };
        }),
      this.retry
    );
  }

  /** The A1 address of each field's named cell on the sheet, in one sync. */
  async addressesOf(
    sheetName: string,
    fieldIds: readonly string[]
  ): Promise<Readonly<Record<string, string>>> {
    return await withEditModeRetry(
      () =>
        this.run(async (context) => {
          const names = context.workbook.worksheets.getItem(sheetName).names;
          const items = fieldIds.map((field) => {
            const item = names.getItemOrNullObject(nameOf("", field));
            item.load("formula");
            return { field, item };
          });
          await context.sync();
          const out: Record<string, string> = {};
          for (const { field, item } of items) {
            const formula: unknown = item.isNullObject ? null : item.formula;
            const address = typeof formula === "string" ? cellAddressOf(formula) : null;
            if (address) out[field] = address;
          }
          return out;
        }),
      this.retry
    );
  }
}

/** A cell's content as read back: its formula when it has one, else its value by type. */
function contentOf(formula: unknown, type: Excel.RangeValueType | undefined): CellContent {
  if ((type as string | undefined) === "Empty" || formula === "") return null;
  const known = typeof formula;
  return known === "string" || known === "number" || known === "boolean"
    ? (formula as CellContent)
    : null;
}

/** "B36" from a name's formula "='MR 2026-06'!$B$36"; null when it is not one cell. */
export function cellAddressOf(formula: string): string | null {
  const cell = /!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(formula.trim());
  return cell ? `${cell[1].toUpperCase()}${cell[2]}` : null;
}
