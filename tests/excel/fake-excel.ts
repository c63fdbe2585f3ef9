/**
 * A small fake of the Excel object model, enough for ExcelHost: it records every property
 * assignment and method call (with the sheet it touches), applies the ones that change what
 * the host later reads (sheets, cells, names, the active sheet, events) at the sync, in order,
 * counts context.sync() calls, serves loaded properties only after a sync, and can make a
 * chosen sync fail like Office does, with or without what that request had already done.
 * The objects themselves are in fake-objects.ts.
 */
import { parseCell } from "../../src/excel/addresses";
import type { RunBatch } from "../../src/excel/excel-host";
import { FakeContext } from "./fake-objects";
import { key } from "./fake-util";

export { officeError } from "./fake-util";

/** One recorded operation: a property set or a method call on an object of the fake. */
export interface Op {
  readonly kind: "set" | "call";
  /** The sheet the object belongs to (undefined for workbook and application objects). */
  readonly sheet: string | undefined;
  /** The object: "MR 2011-11!B7", "MR 2011-11!B7.format.font", "workbook.worksheets"... */
  readonly path: string;
  readonly member: string;
  readonly value?: unknown;
  readonly args?: readonly unknown[];
}

/** What the fake keeps of a sheet. */
export interface SheetState {
  /** Excel's id of the sheet, which stays when the sheet is renamed. */
  readonly id: string;
  name: string;
  /** "row,col" to the cell's value as Excel would give it. */
  readonly cells: Map<string, unknown>;
  /** Worksheet-scoped names to their formulas ("='MR 2011-11'!$B$7"). */
  readonly names: Map<string, string>;
  readonly handlers: Set<() => Promise<unknown>>;
}

/** The whole fake: its workbook state, what was done to it, and the Excel.run it offers. */
export class FakeExcel {
  readonly sheets: SheetState[] = [];
  /** Workbook-scoped names to their formulas. */
  readonly names = new Map<string, string>();
  active = "";
  readonly ops: Op[] = [];
  syncs = 0;
  runs = 0;
  /** Decides, per sync (numbered from 1 over the fake's life), whether it fails and how. */
  failSync: (n: number) => Error | undefined = () => undefined;
  /** Whether a failing sync first applies what it queued (Excel stops at the failing action). */
  failAfterApplying = false;
  /** Runs at the start of each sync (numbered as failSync): a co-author's edit goes here. */
  beforeSync: (n: number) => void = () => undefined;
  private nextId = 1;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.active = sheetNames[0] ?? "";
  }

  /** Adds a sheet as if the user had made it (not recorded). */
  addSheet(name: string): SheetState {
    const state: SheetState = {
      id: `{F${this.nextId++}}`,
      name,
      cells: new Map(),
      names: new Map(),
      handlers: new Set(),
    };
    this.sheets.push(state);
    return state;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The sheet with this id, else the one with this name (Excel's getItem takes either). */
  sheetByKey(nameOrId: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheet(nameOrId);
  }

  /** What the workbook is, as the user sees it: sheets with their cells and names, the active one. */
  snapshot(): string {
    const sheets = this.sheets.map((s) => [s.id, s.name, [...s.cells], [...s.names]]);
    return JSON.stringify({ sheets, names: [...this.names], active: this.active });
  }

  /** Puts a value in a cell as if the user had typed it (not recorded). */
  type(sheetName: string, address: string, value: unknown): void {
    const at = parseCell(address);
    const sheet = this.sheet(sheetName);
    if (!at || !sheet) throw new Error(`No cell ${sheetName}!${address}`);
    if (value === "") sheet.cells.delete(key(at.row, at.col));
    else sheet.cells.set(key(at.row, at.col), value);
  }

  /** Calls the sheet's change handlers, as Excel does after an edit. */
  async change(sheetName: string): Promise<void> {
    for (const handler of this.sheet(sheetName)?.handlers ?? []) await handler();
  }

  /** The operations that change something: every property set and every call but reads. */
  writes(): Op[] {
    return this.ops.filter((op) => op.kind === "set" || !READS.has(op.member));
  }

  readonly run: RunBatch = <T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    context?: OfficeExtension.ClientRequestContext
  ): Promise<T> => {
    this.runs += 1;
    const ctx = (context as unknown as FakeContext | undefined) ?? new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };
}

/** Calls that only read or navigate. */
const READS: ReadonlySet<string> = new Set([
  "load",
  "getItem",
  "getItemOrNullObject",
  "getActiveWorksheet",
  "getUsedRangeOrNullObject",
  "getRange",
  "getRanges",
]);
