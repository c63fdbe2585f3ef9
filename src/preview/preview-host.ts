/**
 * The task pane's WorkbookHost in the preview: the same calls the Excel adapter answers through
 * Office.js, answered by the embedded HyperFormula workbook the page draws beside the pane.
 */
import { LIMITS } from "../form";
import { a1, nameOf } from "../plan/a1";
import {
  HostError,
  type CellContent,
  type SheetReturn,
  type SheetSummary,
  type WorkbookHost,
} from "../plan/host";
import type { TemplatePlan } from "../plan/types";
import type { PreviewWorkbook } from "./workbook";

/** A WorkbookHost over the preview's workbook. */
export class PreviewHost implements WorkbookHost {
  constructor(private readonly workbook: PreviewWorkbook) {}

  /** The preview has every capability the add-in uses. */
  missingRequirements(): readonly string[] {
    return [];
  }

  /** Applies the plan as a new sheet (a free name), activates it and selects A1. */
  insertTemplate(plan: TemplatePlan): Promise<{ readonly sheetName: string }> {
    return settle(() => {
      if (this.workbook.sheets.length >= LIMITS.previewSheets)
        throw new HostError(
          `The preview keeps at most ${LIMITS.previewSheets} sheets: export the workbook as .xlsx, then clear it.`,
          "tooLarge"
        );
      let sheetName: string;
      try {
        sheetName = this.workbook.addSheet(plan).name;
      } catch (error) {
        const reason = error instanceof Error ? ` (${error.message})` : "";
        throw new HostError(`The template could not be inserted${reason}.`, "other");
      }
      this.workbook.activate(sheetName);
      this.workbook.select(sheetName, { row: 0, col: 0 });
      return { sheetName };
    });
  }

  /** The return sheets in tab order, found by their metadata name. */
  listReturns(): Promise<readonly SheetSummary[]> {
    return settle(() => this.workbook.listReturns());
  }

  /** The return on the active sheet, or null. */
  readActiveReturn(): Promise<SheetReturn | null> {
    return settle(() => {
      const active = this.workbook.active;
      return active ? this.workbook.readReturn(active.name) : null;
    });
  }

  /** A return by its sheet's name, or null. */
  readReturn(sheetName: string): Promise<SheetReturn | null> {
    return settle(() => this.workbook.readReturn(sheetName));
  }

  /** Activates the sheet and selects the field's cell (found by its defined name). */
  selectField(sheetName: string, fieldId: string): Promise<void> {
    return settle(() => {
      if (!this.workbook.selectName(sheetName, nameOf("", fieldId)))
        throw new HostError(`${sheetName} has no cell for this finding any more.`, "other");
    });
  }

  /** Calls `handler` after each edit of the sheet; the unsubscribe stops it. */
  onSheetChanged(sheetName: string, handler: () => void): Promise<() => Promise<void>> {
    return settle(() => {
      const off = this.workbook.onSheetChanged(sheetName, handler);
      return () => settle(off);
    });
  }

  /** Calls `handler` after each change of the active sheet (a tab switch, an insert). */
  onActiveSheetChanged(handler: () => void): Promise<() => Promise<void>> {
    return settle(() => {
      let active = this.workbook.active?.name ?? null;
      const off = this.workbook.subscribe((event) => {
        const now = this.workbook.active?.name ?? null;
        if (event.kind === "selection" || event.kind === "values" || now === active) return;
        active = now;
        setTimeout(handler, 0); // asynchronously, as Excel raises its events
      });
      return () => settle(off);
    });
  }

  /** Writes one value into one field's cell, as if typed there; returns what it held. */
  writeField(
    sheetName: string,
    fieldId: string,
    content: CellContent
  ): Promise<{ readonly previous: CellContent }> {
    return settle(() => {
      const sheet = this.workbook.sheet(sheetName);
      const at = sheet && this.workbook.addressOfName(sheet, nameOf("", fieldId));
      if (!sheet || !at)
        throw new HostError(`${sheetName} has no cell for this figure any more.`, "other");
      const cell = { row: at.row, col: at.col };
      const before = this.workbook.content(sheet, cell);
      const text = content === null ? "" : typeof content === "string" ? content : String(content);
      const { written } = this.workbook.write(sheetName, [{ ...cell, text }]);
      if (written !== 1)
        throw new HostError(`That cell of ${sheetName} is not an input cell.`, "other");
      return { previous: before === "" ? null : before };
    });
  }

  /** The A1 address of each field's cell, found through its defined name. */
  addressesOf(
    sheetName: string,
    fieldIds: readonly string[]
  ): Promise<Readonly<Record<string, string>>> {
    return settle(() => {
      const sheet = this.workbook.sheet(sheetName);
      const out: Record<string, string> = {};
      for (const field of sheet ? fieldIds : []) {
        const at = this.workbook.addressOfName(sheet!, nameOf("", field));
        if (at) out[field] = a1(at.row + 1, at.col + 1);
      }
      return out;
    });
  }
}

/** Runs a synchronous body as a host call: its result or its error, as a promise. */
function settle<T>(body: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(body()));
}
