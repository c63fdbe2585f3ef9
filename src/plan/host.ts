import type { Shape } from "../form";
import type { TemplatePlan } from "./types";

/** A return found on a sheet: its form, shape and month, and its inputs read through the names. */
export interface SheetReturn {
  readonly sheetName: string;
  readonly formId: string;
  readonly shape: Shape;
  /** "For the month ended" as planned (ISO yyyy-mm-dd), to find last month's sheet. */
  readonly monthEnd: string;
  /** Field id to the cell's raw value (number, text, boolean, or "" for blank). */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A return sheet of the workbook, without its values. */
export interface SheetSummary {
  readonly sheetName: string;
  readonly formId: string;
  readonly monthEnd: string;
}

/**
 * What a cell holds as the user typed it: a number, text, a boolean, or null for a blank cell;
 * text that starts with "=" is a formula the user typed.
 */
export type CellContent = number | string | boolean | null;

/** What the task pane asks of a workbook: Excel through Office.js, or the preview's HyperFormula. */
export interface WorkbookHost {
  /** The API sets this host lacks (empty when everything the add-in uses is there). */
  missingRequirements(): readonly string[];
  /** Writes the plan into a NEW sheet (a free name derived from plan.sheetName), activates it. */
  insertTemplate(plan: TemplatePlan): Promise<{ readonly sheetName: string }>;
  /** The return sheets of the workbook (found by the plan's metadata name, not by position). */
  listReturns(): Promise<readonly SheetSummary[]>;
  /** The return on the active sheet, or null when the active sheet holds none. */
  readActiveReturn(): Promise<SheetReturn | null>;
  /** A return by its sheet's name, or null. */
  readReturn(sheetName: string): Promise<SheetReturn | null>;
  /** Selects a field's cell on a sheet and scrolls to it. */
  selectField(sheetName: string, fieldId: string): Promise<void>;
  /** Calls `handler` after edits on the sheet (debounced by the caller); returns an unsubscribe. */
  onSheetChanged(sheetName: string, handler: () => void): Promise<() => Promise<void>>;
  /** Calls `handler` whenever another sheet becomes the active one; returns an unsubscribe. */
  onActiveSheetChanged(handler: () => void): Promise<() => Promise<void>>;
  /**
   * Writes one value into one field's cell of a sheet and touches no other cell; returns what
   * the cell held before, so that the pane can put it back (Excel drops its own undo stack).
   */
  writeField(
    sheetName: string,
    fieldId: string,
    content: CellContent
  ): Promise<{ readonly previous: CellContent }>;
  /** The A1 address ("B36") of each field's cell on a sheet, for naming cells to the user. */
  addressesOf(
    sheetName: string,
    fieldIds: readonly string[]
  ): Promise<Readonly<Record<string, string>>>;
}

/** A failure of the host, in words for the pane: the workbook is left as it was. */
export class HostError extends Error {
  override readonly name = "HostError";
  constructor(
    message: string,
    readonly code: "editMode" | "protected" | "requirements" | "tooLarge" | "other"
  ) {
    super(message);
  }
}

/** Whether an error is a HostError, across JS contexts (compares the name). */
export const isHostError = (error: unknown): error is HostError =>
  error instanceof Error && error.name === "HostError";
