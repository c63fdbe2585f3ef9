/**
 * The preview's workbook: return sheets applied from their plans to one HyperFormula engine, the
 * active sheet, a selection per sheet, and edits to input cells. It reads returns as the Excel
 * adapter does, through the sheet's metadata name and the fields' defined names, never through
 * fixed addresses. No DOM here: the grid draws it, the host adapts it for the task pane.
 */
import {
  CellValueDetailedType,
  DetailedCellError,
  type HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import { formVersion, layoutOf } from "../form";
import { nameOf } from "../plan/a1";
import type { SheetReturn, SheetSummary } from "../plan/host";
import { formulaAt, markFormula, readsMany } from "../plan/marks";
import { META_NAME, readMeta } from "../plan/meta";
import { typedText } from "../plan/typed-text";
import type { PlanConditionalFormat, PlanValidation, TemplatePlan } from "../plan/types";
import { CAUSE_NAME } from "../plan/cause";
import { applyPlanToHyperFormula } from "./hf-workbook";
import { entryOf } from "./entry";
import type { DisplayValue } from "./number-format";
import { cellValidationsOf, type CellValidations } from "./cell-validation";
import { EditHistory, type CellContents, type EditRecord } from "./edit-history";
import { essentialsOf, type Essentials } from "./essentials";
import { a1Of, rectsOf, sheetModelOf, type CellInfo, type SheetModel } from "./sheet-model";

/** A 0-based cell of a sheet. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** One return sheet of the workbook. */
export interface PreviewSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly plan: TemplatePlan;
  readonly model: SheetModel;
  /** What it takes to re-apply the plan after a reload: its essentials, or (rarely) the plan. */
  readonly essentials: Essentials | null;
}

/** How a conditional format marks a cell now: the worst severity and the checks that mark it. */
export interface Mark {
  readonly severity: "error" | "warning" | "to-fill";
  /** The keys of the checks (plan.checks) whose formats mark the cell, errors first. */
  readonly checks: readonly string[];
  /** Whether the cause names the cell as the likely wrong figure (its own look, on top). */
  readonly likely?: true;
}

/** What changed, for the view. */
export type WorkbookEvent =
  | { readonly kind: "sheets" }
  | { readonly kind: "active" }
  | { readonly kind: "selection"; readonly scroll: boolean }
  | { readonly kind: "values"; readonly sheet: string };

/** One edit the user makes: text as typed ("" clears the cell). */
export interface Edit extends Cell {
  readonly text: string;
}

/** The value of a cell as the grid shows it, and whether the engine reads it as a date. */
export interface CellValueView {
  readonly value: DisplayValue;
  readonly isDate: boolean;
}

/** A plan's month end ("2011-11-30", which sorts as text), or "" when its marker has none. */
const monthOf = (marker: string): string => readMeta(marker)?.monthEnd ?? "";

const textOf = (v: unknown): unknown => (v instanceof DetailedCellError ? v.value : (v ?? ""));

/** A workbook of return sheets over one HyperFormula engine. */
export class PreviewWorkbook {
  private readonly list: PreviewSheet[] = [];
  private activeName: string | null = null;
  private readonly selections = new Map<string, Cell>();
  private readonly handlers = new Map<string, Set<() => void>>();
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();
  private readonly marksCache = new Map<string, Map<number, Mark>>();
  private readonly validations = new WeakMap<PreviewSheet, CellValidations>();
  private readonly history = new EditHistory();

  constructor(readonly hf: HyperFormula) {}

  /** The sheets in tab order. */
  get sheets(): readonly PreviewSheet[] {
    return this.list;
  }

  /** The active sheet, or null while the workbook has none. */
  get active(): PreviewSheet | null {
    return this.activeName === null ? null : (this.sheet(this.activeName) ?? null);
  }

  /** A sheet by name. */
  sheet(name: string): PreviewSheet | undefined {
    return this.list.find((s) => s.name === name);
  }

  /** Calls `listener` on every change the view draws; returns an unsubscribe. */
  subscribe(listener: (event: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: WorkbookEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /**
   * Applies a plan as a new sheet, its tab in month order (a free name derived from the plan's),
   * writes `inputs` (raw contents by field id) into its input cells, and returns it (`known`:
   * the plan's essentials when the caller made it from them). Other
   * sheets are not touched; when the plan cannot be applied, the workbook is left as it was.
   */
  addSheet(
    plan: TemplatePlan,
    inputs?: Readonly<Record<string, RawCellContent>>,
    known?: Essentials
  ): PreviewSheet {
    const before = new Set(this.hf.getSheetNames());
    let sheet: PreviewSheet;
    try {
      const applied = applyPlanToHyperFormula(this.hf, plan);
      const { sheetId } = applied;
      // the marker the adapters find a return by; hf-workbook may one day add it itself
      if (!this.hf.getNamedExpression(plan.meta.name, sheetId))
        this.hf.addNamedExpression(plan.meta.name, `="${plan.meta.value}"`, sheetId);
      sheet = {
        name: applied.sheetName,
        sheetId,
        plan,
        model: sheetModelOf(plan),
        essentials: known ?? essentialsOf(plan),
      };
      if (inputs) this.writeInputs(sheet, inputs);
    } catch (error) {
      for (const name of this.hf.getSheetNames()) {
        const id = this.hf.getSheetId(name);
        if (!before.has(name) && id !== undefined) this.hf.removeSheet(id);
      }
      throw error;
    }
    this.list.splice(this.tabIndexFor(plan), 0, sheet);
    this.selections.set(sheet.name, { row: 0, col: 0 });
    this.marksCache.clear(); // a new sheet's checks may read others, never the other way round
    this.emit({ kind: "sheets" });
    return sheet;
  }

  /** Where a new sheet's tab goes: after every sheet of its month or an earlier one (month order). */
  private tabIndexFor(plan: TemplatePlan): number {
    const month = monthOf(plan.meta.value);
    if (month === "") return this.list.length;
    let at = 0;
    this.list.forEach((sheet, k) => {
      const other = monthOf(sheet.plan.meta.value);
      if (other === "" || other <= month) at = k + 1;
    });
    return at;
  }

  private writeInputs(sheet: PreviewSheet, inputs: Readonly<Record<string, RawCellContent>>) {
    this.hf.batch(() => {
      for (const [field, content] of Object.entries(inputs)) {
        const at = this.addressOfName(sheet, nameOf("", field));
        if (at) this.hf.setCellContents(at, [[content]]);
      }
    });
  }

  /** Makes a sheet the active one. */
  activate(name: string): void {
    if (!this.sheet(name) || this.activeName === name) return;
    this.activeName = name;
    this.emit({ kind: "active" });
  }

  /** The selected cell of a sheet (the top-left cell of a merge). */
  selection(name: string): Cell {
    return this.selections.get(name) ?? { row: 0, col: 0 };
  }

  /** Selects a cell (snapped into the sheet and onto its merge's top-left cell). */
  select(name: string, cell: Cell, scroll = true): void {
    const sheet = this.sheet(name);
    if (!sheet) return;
    const { rows, cols } = sheet.model;
    const row = Math.min(Math.max(cell.row, 0), rows - 1);
    const col = Math.min(Math.max(cell.col, 0), cols - 1);
    const top = sheet.model.mergedInto.get(row * cols + col);
    const snapped =
      top === undefined ? { row, col } : { row: Math.floor(top / cols), col: top % cols };
    this.selections.set(name, snapped);
    this.emit({ kind: "selection", scroll });
  }

  /** Activates a sheet and selects the cell a defined name of it points at; false if none. */
  selectName(name: string, definedName: string): boolean {
    const sheet = this.sheet(name);
    const at = sheet && this.addressOfName(sheet, definedName);
    if (!sheet || !at) return false;
    this.activate(name);
    this.select(name, { row: at.row, col: at.col });
    return true;
  }

  /** Where a worksheet-scoped name of a sheet points now, or null. */
  addressOfName(sheet: PreviewSheet, definedName: string): SimpleCellAddress | null {
    const formula = this.hf.getNamedExpressionFormula(definedName, sheet.sheetId);
    if (!formula?.startsWith("=")) return null;
    const at = this.hf.simpleCellAddressFromString(formula.slice(1).split(":")[0], sheet.sheetId);
    return at && at.sheet === sheet.sheetId ? at : null;
  }

  /** What the plan says about a cell, if anything. */
  info(sheet: PreviewSheet, cell: Cell): CellInfo | undefined {
    return sheet.model.cells.get(cell.row * sheet.model.cols + cell.col);
  }

  /** The plan's data validation of a cell (its list, its input prompt), if any. */
  validation(sheet: PreviewSheet, cell: Cell): PlanValidation | undefined {
    return this.validationsOf(sheet).byCell.get(cell.row * sheet.model.cols + cell.col);
  }

  /** Whether a cell is one of the form's tick boxes, which hold "✓" or nothing. */
  isTickBox(sheet: PreviewSheet, cell: Cell): boolean {
    const field = this.info(sheet, cell)?.field;
    return !!field && this.validationsOf(sheet).tickFields.has(field);
  }

  private validationsOf(sheet: PreviewSheet): CellValidations {
    let found = this.validations.get(sheet);
    if (!found) {
      found = cellValidationsOf(sheet.plan, sheet.model.cols);
      this.validations.set(sheet, found);
    }
    return found;
  }

  /** Whether the user may type into a cell: the template's input cells only. */
  isInput(sheet: PreviewSheet, cell: Cell): boolean {
    return this.info(sheet, cell)?.role === "input";
  }

  /** The cell's value now, as computed by the engine. */
  value(sheet: PreviewSheet, cell: Cell): CellValueView {
    const at = { sheet: sheet.sheetId, ...cell };
    const v = this.hf.getCellValue(at);
    if (v instanceof DetailedCellError) return { value: { error: v.value }, isDate: false };
    const isDate =
      typeof v === "number" &&
      this.hf.getCellValueDetailedType(at) === CellValueDetailedType.NUMBER_DATE;
    return { value: v === "" ? null : v, isDate };
  }

  /** What the user typed into a cell, or its formula, as the formula bar shows it. */
  content(sheet: PreviewSheet, cell: Cell): string {
    const raw = this.hf.getCellSerialized({ sheet: sheet.sheetId, ...cell });
    if (raw === null || raw === undefined) return "";
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
    // a text-formatted cell keeps what is typed as text, so its apostrophe shows only where the
    // text needs it to stay text ("'=1+1"), as the plan types it
    if (this.info(sheet, cell)?.numberFormat !== "@" || !text.startsWith("'")) return text;
    return typedText(text.slice(1));
  }

  /** Whether the engine holds a cell as a formula (typed with "="), not as a value. */
  isFormula(sheet: PreviewSheet, cell: Cell): boolean {
    return this.hf.doesCellHaveFormula({ sheet: sheet.sheetId, ...cell });
  }

  /**
   * Writes what the user typed into input cells, in one recalculation; other cells are left
   * alone and counted. Fires the sheet's change handlers (asynchronously, as Excel does).
   */
  write(name: string, edits: readonly Edit[]): { written: number; locked: number } {
    const sheet = this.sheet(name);
    if (!sheet) return { written: 0, locked: edits.length };
    const open = edits.filter((e) => this.isInput(sheet, e));
    if (open.length > 0) {
      const contents = open.map((edit) => ({
        row: edit.row,
        col: edit.col,
        before: this.rawAt(sheet, edit),
        after: entryOf(edit.text, this.info(sheet, edit)?.numberFormat),
      }));
      this.history.push({ sheet: name, contents });
      this.setContents(sheet, contents, "after");
    }
    return { written: open.length, locked: edits.length - open.length };
  }

  /** Takes back the last edit (typed, pasted or written by the pane); false when there is none. */
  undo(): boolean {
    return this.replay(this.history.undo(this.exists), "before");
  }

  /** Makes again the last edit taken back; false when there is none. */
  redo(): boolean {
    return this.replay(this.history.redo(this.exists), "after");
  }

  private readonly exists = (name: string): boolean => this.sheet(name) !== undefined;

  private replay(record: EditRecord | null, side: "before" | "after"): boolean {
    if (!record) return false;
    const sheet = this.sheet(record.sheet)!;
    this.activate(sheet.name);
    this.setContents(sheet, record.contents, side);
    const first = record.contents[0];
    this.select(sheet.name, { row: first.row, col: first.col });
    return true;
  }

  /** A cell's raw content as the engine holds it, to put back on undo. */
  private rawAt(sheet: PreviewSheet, cell: Cell): RawCellContent {
    const raw = this.hf.getCellSerialized({ sheet: sheet.sheetId, row: cell.row, col: cell.col });
    return raw === undefined || raw === "" ? null : raw;
  }

  /** Sets cells in one recalculation and tells the view and the sheet's change handlers. */
  private setContents(
    sheet: PreviewSheet,
    contents: readonly CellContents[],
    side: "before" | "after"
  ): void {
    this.hf.batch(() => {
      for (const c of contents)
        this.hf.setCellContents({ sheet: sheet.sheetId, row: c.row, col: c.col }, [[c[side]]]);
    });
    this.marksCache.clear(); // other months' cross-month checks may read this sheet
    this.emit({ kind: "values", sheet: sheet.name });
    const handlers = [...(this.handlers.get(sheet.name) ?? [])];
    setTimeout(() => handlers.forEach((handler) => handler()), 0);
  }

  /** Calls `handler` after each edit of a sheet; returns an unsubscribe. */
  onSheetChanged(name: string, handler: () => void): () => void {
    const set = this.handlers.get(name) ?? new Set<() => void>();
    set.add(handler);
    this.handlers.set(name, set);
    return () => void set.delete(handler);
  }

  /** The marks of a sheet's conditional formats now, by cell key (row * cols + col). */
  marks(sheet: PreviewSheet): ReadonlyMap<number, Mark> {
    const cached = this.marksCache.get(sheet.name);
    if (cached) return cached;
    const found = new Map<number, Record<Mark["severity"], string[]>>();
    const { cols } = sheet.model;
    const truth = new Map<string, boolean>();
    const holds = (formula: string): boolean => {
      const known = truth.get(formula);
      if (known !== undefined) return known;
      const value = this.hf.calculateFormula(formula, sheet.sheetId) === true;
      truth.set(formula, value);
      return value;
    };
    const likely = new Set<number>();
    for (const cf of sheet.model.conditionalFormats) {
      if (cf.severity === "likely") {
        for (const key of this.likelyCells(sheet, cf, holds)) likely.add(key);
        continue;
      }
      const many = readsMany(cf);
      // each check's cells of a format share a row, so one evaluation there stands for them all
      for (const part of cf.checks) {
        if (!holds(formulaAt(cf, part.address))) continue;
        // a format over several checks marks its cell; the mark names those that call for it
        if (many) {
          const own = markFormula(cf.severity, this.checkAddress(sheet, part.key), !!part.fills);
          if (own === null || !holds(own)) continue;
        }
        for (const area of rectsOf(part.address))
          for (let r = area.row; r <= area.lastRow; r++)
            for (let c = area.col; c <= area.lastCol; c++) {
              const entry = found.get(r * cols + c) ?? { error: [], warning: [], "to-fill": [] };
              entry[cf.severity].push(part.key);
              found.set(r * cols + c, entry);
            }
      }
    }
    const marks = new Map<number, Mark>();
    for (const [key, { error, warning, "to-fill": toFill }] of found)
      marks.set(key, {
        // an error outranks a cell to fill, which outranks a warning
        severity: error.length > 0 ? "error" : toFill.length > 0 ? "to-fill" : "warning",
        checks: [...new Set([...error, ...toFill, ...warning])],
        ...(likely.has(key) ? { likely: true as const } : {}),
      });
    // a likely cell no check marks (a cause a step behind) still shows, as an error would
    for (const key of likely)
      if (!marks.has(key)) marks.set(key, { severity: "error", checks: [], likely: true });
    this.marksCache.set(sheet.name, marks);
    return marks;
  }

  /**
   * The cells of a likely-cause format that it marks now: those whose address the cause cell's
   * data names, each confirmed by the format's own formula at that cell.
   */
  private likelyCells(
    sheet: PreviewSheet,
    cf: PlanConditionalFormat,
    holds: (formula: string) => boolean
  ): number[] {
    const name = sheet.plan.names.find((n) => n.name === CAUSE_NAME);
    const at = name && this.addressOfName(sheet, name.name);
    const cause = at ? this.hf.getCellValue(at) : "";
    if (typeof cause !== "string" || cause === "") return [];
    const out: number[] = [];
    for (const area of rectsOf(cf.address))
      for (let r = area.row; r <= area.lastRow; r++)
        for (let c = area.col; c <= area.lastCol; c++) {
          const here = a1Of(r, c);
          if (cause.includes(`"address":"${here}"`) && holds(formulaAt(cf, here)))
            out.push(r * sheet.model.cols + c);
        }
    return out;
  }

  /** Where a check cell is now, as an A1 reference, found by its name. */
  private checkAddress(sheet: PreviewSheet, key: string): string {
    const check = sheet.plan.checks.find((c) => c.key === key);
    const at = check && this.addressOfName(sheet, check.name);
    return at ? a1Of(at.row, at.col) : (check?.address ?? "A1");
  }

  /** A check cell's text now ("OK", "Error: ...", or an error value), found by its name. */
  checkText(sheet: PreviewSheet, key: string): string {
    const check = sheet.plan.checks.find((c) => c.key === key);
    const at = check && this.addressOfName(sheet, check.name);
    return at ? String(textOf(this.hf.getCellValue(at))) : "";
  }

  /** The return sheets in tab order, found by their metadata name. */
  listReturns(): SheetSummary[] {
    return this.list.flatMap((sheet) => {
      const meta = readMeta(this.hf.getNamedExpressionValue(META_NAME, sheet.sheetId));
      return meta ? [{ sheetName: sheet.name, formId: meta.formId, monthEnd: meta.monthEnd }] : [];
    });
  }

  /**
   * A sheet's return: its metadata from the metadata name, and each input field of that form
   * and shape read through the field's defined name (blank as "", an error value as its code).
   */
  readReturn(name: string): SheetReturn | null {
    const sheet = this.sheet(name);
    if (!sheet) return null;
    const meta = readMeta(this.hf.getNamedExpressionValue(META_NAME, sheet.sheetId), "throw");
    const form = meta && formVersion(meta.formId);
    if (!meta || !form) return null;
    const values: Record<string, unknown> = {};
    for (const field of layoutOf(form, meta.shape).fields) {
      const at = this.addressOfName(sheet, nameOf("", field.id));
      if (at) values[field.id] = textOf(this.hf.getCellValue(at));
    }
    return {
      sheetName: name,
      formId: meta.formId,
      shape: meta.shape,
      monthEnd: meta.monthEnd,
      values,
    };
  }

  /** Every input field's raw content (as typed) by field id, for saving the workbook. */
  inputsOf(sheet: PreviewSheet): Record<string, RawCellContent> {
    const out: Record<string, RawCellContent> = {};
    for (const { field, name } of sheet.plan.names) {
      const at = field ? this.addressOfName(sheet, name) : null;
      if (!field || !at) continue;
      const raw = this.hf.getCellSerialized(at);
      out[field] = raw instanceof Date ? raw.toISOString() : (raw ?? null);
    }
    return out;
  }
}
