import { valuesOfPlan } from "../support/plan-values";
import type { CellContent, SheetReturn, SheetSummary, WorkbookHost } from "../../src/plan/host";
import { readMeta } from "../../src/plan/meta";
import type { TemplatePlan } from "../../src/plan/types";

type Method = keyof WorkbookHost;

/** One call the pane made, with its arguments. */
export interface Call {
  readonly method: Method;
  readonly args: readonly unknown[];
}

/** A sheet of the fake workbook: a return, or any other sheet (values null). */
interface Sheet {
  readonly name: string;
  return: SheetReturn | null;
}

/**
 * An in-memory workbook for the pane's tests: sheets in tab order holding SheetReturn values,
 * an active sheet, every call recorded, failures on demand, and edits that fire change handlers.
 */
export class FakeHost implements WorkbookHost {
  readonly sheets: Sheet[] = [];
  readonly calls: Call[] = [];
  active: string | null = null;
  missing: string[] = [];
  /** Errors to throw, once each, from the named methods. */
  readonly failures = new Map<Method, Error>();
  readonly handlers = new Map<string, Set<() => void>>();
  readonly activationHandlers = new Set<() => void>();
  /** Each field's address by sheet, for addressesOf (a field not listed has none). */
  readonly addresses = new Map<string, Record<string, string>>();
  /** Every write the pane made: sheet, field and value. */
  readonly writes: [string, string, CellContent][] = [];
  readonly plans: TemplatePlan[] = [];
  readonly selections: [string, string][] = [];
  unsubscribed = 0;

  /** How many times a method was called. */
  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  /** Adds a return sheet (at the end of the tabs, or at `index`). */
  addReturn(ret: SheetReturn, index = this.sheets.length): this {
    this.sheets.splice(index, 0, { name: ret.sheetName, return: ret });
    return this;
  }

  /** Adds a sheet that holds no return. */
  addPlainSheet(name: string): this {
    this.sheets.push({ name, return: null });
    return this;
  }

  /** Activates a sheet by name (quietly, as set-up before the pane starts). */
  activate(name: string): this {
    this.active = name;
    return this;
  }

  /** The user clicks another sheet's tab: it becomes active and activation handlers fire. */
  switchTo(name: string): void {
    this.active = name;
    for (const handler of this.activationHandlers) handler();
  }

  /** The user types into a cell: the sheet's value changes and its change handlers fire. */
  edit(sheetName: string, field: string, value: unknown): void {
    const sheet = this.sheet(sheetName);
    if (!sheet?.return) throw new Error(`No return on ${sheetName}`);
    sheet.return = { ...sheet.return, values: { ...sheet.return.values, [field]: value } };
    for (const handler of this.handlers.get(sheetName) ?? []) handler();
  }

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private record(method: Method, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  missingRequirements(): readonly string[] {
    this.calls.push({ method: "missingRequirements", args: [] });
    return this.missing;
  }

  insertTemplate(plan: TemplatePlan): Promise<{ readonly sheetName: string }> {
    return Promise.resolve().then(() => {
      this.record("insertTemplate", plan);
      this.plans.push(plan);
      let name = plan.sheetName;
      for (let n = 2; this.sheet(name); n++) name = `${plan.sheetName} (${n})`;
      const meta = readMeta(plan.meta.value);
      if (!meta) throw new Error("The plan carries no readable metadata");
      const values = valuesOfPlan(plan);
      this.addReturn({ sheetName: name, ...meta, values });
      this.switchTo(name);
      return { sheetName: name };
    });
  }

  listReturns(): Promise<readonly SheetSummary[]> {
    return Promise.resolve().then(() => {
      this.record("listReturns");
      return this.sheets.flatMap((s) =>
        s.return
          ? [{ sheetName: s.name, formId: s.return.formId, monthEnd: s.return.monthEnd }]
          : []
      );
    });
  }

  readActiveReturn(): Promise<SheetReturn | null> {
    return Promise.resolve().then(() => {
      this.record("readActiveReturn");
      return (this.active && this.sheet(this.active)?.return) || null;
    });
  }

  readReturn(sheetName: string): Promise<SheetReturn | null> {
    return Promise.resolve().then(() => {
      this.record("readReturn", sheetName);
      return this.sheet(sheetName)?.return ?? null;
    });
  }

  selectField(sheetName: string, fieldId: string): Promise<void> {
    return Promise.resolve().then(() => {
      this.record("selectField", sheetName, fieldId);
      this.selections.push([sheetName, fieldId]);
    });
  }

  onSheetChanged(sheetName: string, handler: () => void): Promise<() => Promise<void>> {
    return Promise.resolve().then(() => {
      this.record("onSheetChanged", sheetName);
      const set = this.handlers.get(sheetName) ?? new Set();
      set.add(handler);
      this.handlers.set(sheetName, set);
      return () => {
        set.delete(handler);
        this.unsubscribed++;
        return Promise.resolve();
      };
    });
  }
  onActiveSheetChanged(handler: () => void): Promise<() => Promise<void>> {
    return Promise.resolve().then(() => {
      this.record("onActiveSheetChanged");
      this.activationHandlers.add(handler);
      return () => {
        this.activationHandlers.delete(handler);
        this.unsubscribed++;
        return Promise.resolve();
      };
    });
  }

  writeField(
    sheetName: string,
    fieldId: string,
    content: CellContent
  ): Promise<{ readonly previous: CellContent }> {
    return Promise.resolve().then(() => {
      this.record("writeField", sheetName, fieldId, content);
      const sheet = this.sheet(sheetName);
      if (!sheet?.return) throw new Error(`No return on ${sheetName}`);
      const before = sheet.return.values[fieldId];
      this.writes.push([sheetName, fieldId, content]);
      // the cell changes as an edit would, change handlers included
      this.edit(sheetName, fieldId, content ?? "");
      const previous = before === undefined || before === "" ? null : before;
      return { previous: previous as CellContent };
    });
  }

  addressesOf(
    sheetName: string,
    fieldIds: readonly string[]
  ): Promise<Readonly<Record<string, string>>> {
    return Promise.resolve().then(() => {
      this.record("addressesOf", sheetName, fieldIds);
      const known = this.addresses.get(sheetName) ?? {};
      return Object.fromEntries(fieldIds.flatMap((f) => (known[f] ? [[f, known[f]]] : [])));
    });
  }
}
