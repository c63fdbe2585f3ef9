/** The objects of the fake Excel (context, worksheets, sheet, names); see fake-excel.ts. */
import type { FakeExcel, Op, SheetState } from "./fake-excel";
import { FakeRange } from "./fake-range";
import { recorder } from "./fake-recorder";
import { absolute, notLoaded, officeError, quote } from "./fake-util";

/** One Excel.run's context: queued changes and loads run at sync(), in order, as in Excel. */
export class FakeContext {
  readonly pending: (() => void)[] = [];
  readonly failures: Error[] = [];
  /** Queued changes; one that returns an error stops the request there, as Excel does. */
  readonly effects: (() => Error | undefined)[] = [];
  /** Numbers the objects that calls return, so that two adds on one range stay apart. */
  calls = 0;
  readonly workbook: { worksheets: FakeSheets };
  readonly application: unknown;

  constructor(readonly fake: FakeExcel) {
    this.workbook = { worksheets: new FakeSheets(this) };
    this.application = recorder(this, undefined, "application");
  }

  record(op: Op): void {
    this.fake.ops.push(op);
  }

  /** Runs the queued loads; fails like Office when told to or when a queued lookup failed. */
  sync(): Promise<void> {
    this.fake.syncs += 1;
    this.fake.beforeSync(this.fake.syncs);
    const injected = this.fake.failSync(this.fake.syncs);
    const loads = this.pending.splice(0);
    const effects = this.effects.splice(0);
    let failure: Error | undefined = this.failures.splice(0)[0];
    if (!injected || this.fake.failAfterApplying) {
      for (const effect of effects) {
        failure ??= effect();
        if (failure) break;
      }
    }
    failure = injected ?? failure;
    if (failure) return Promise.reject(failure);
    for (const load of loads) load();
    return Promise.resolve();
  }

  /** Queues a change to the workbook for the next sync. */
  change(effect: () => Error | undefined): void {
    this.effects.push(effect);
  }
}

class FakeSheets {
  private loaded: FakeSheet[] | undefined;
  constructor(private readonly ctx: FakeContext) {}

  private call(member: string, args: unknown[], sheet?: string): void {
    this.ctx.record({ kind: "call", sheet, path: "workbook.worksheets", member, args });
  }

  load(props: string): void {
    this.call("load", [props]);
    this.ctx.pending.push(() => {
      this.loaded = this.ctx.fake.sheets.map((s) => new FakeSheet(this.ctx, s.name, true));
    });
  }

  get items(): FakeSheet[] {
    if (!this.loaded) throw notLoaded("worksheets.items");
    return this.loaded;
  }

  add(name: string): FakeSheet {
    this.call("add", [name], name);
    this.ctx.change(() => {
      if (this.ctx.fake.sheet(name)) return officeError("ItemAlreadyExists");
      this.ctx.fake.addSheet(name);
      return undefined;
    });
    return new FakeSheet(this.ctx, name);
  }

  /** A sheet by name or id, as Excel's getItem takes either. */
  getItem(key: string): FakeSheet {
    const found = this.ctx.fake.sheetByKey(key);
    this.call("getItem", [key], found?.name ?? key);
    if (!found) this.ctx.failures.push(officeError("ItemNotFound"));
    return new FakeSheet(this.ctx, found?.name ?? key);
  }

  getItemOrNullObject(name: string): FakeSheet {
    this.call("getItemOrNullObject", [name], name);
    return new FakeSheet(this.ctx, this.ctx.fake.sheet(name)?.name ?? name);
  }

  getActiveWorksheet(): FakeSheet {
    this.call("getActiveWorksheet", [], this.ctx.fake.active);
    return new FakeSheet(this.ctx, this.ctx.fake.active);
  }
}

/** A worksheet proxy: reads need load() and sync(); writes apply to the sheet it names. */
export class FakeSheet {
  private nameLoaded: boolean;
  private loadedId: string | undefined;
  readonly names: FakeNames;
  readonly pageLayout: unknown;
  readonly horizontalPageBreaks: unknown;
  readonly freezePanes: unknown;

  constructor(
    readonly ctx: FakeContext,
    readonly sheetName: string,
    nameLoaded = false
  ) {
    this.nameLoaded = nameLoaded;
    if (nameLoaded) this.loadedId = this.state?.id;
    this.names = new FakeNames(this);
    this.pageLayout = recorder(ctx, sheetName, `${sheetName}.pageLayout`);
    this.horizontalPageBreaks = recorder(ctx, sheetName, `${sheetName}.horizontalPageBreaks`);
    this.freezePanes = recorder(ctx, sheetName, `${sheetName}.freezePanes`);
  }

  get state(): SheetState | undefined {
    return this.ctx.fake.sheet(this.sheetName);
  }

  call(member: string, args: unknown[], path = this.sheetName): void {
    this.ctx.record({ kind: "call", sheet: this.sheetName, path, member, args });
  }

  load(props: string): void {
    this.call("load", [props]);
    this.ctx.pending.push(() => {
      this.nameLoaded = true;
      this.loadedId = this.state?.id;
    });
  }

  get name(): string {
    if (!this.nameLoaded) throw notLoaded("worksheet.name");
    return this.sheetName;
  }

  get id(): string {
    if (this.loadedId === undefined) throw notLoaded("worksheet.id");
    return this.loadedId;
  }

  /** After a load: whether no such sheet exists (for getItemOrNullObject). */
  get isNullObject(): boolean {
    if (!this.nameLoaded) throw notLoaded("worksheet.isNullObject");
    return this.loadedId === undefined;
  }

  getRange(address: string): FakeRange {
    this.call("getRange", [address]);
    return new FakeRange(this, address);
  }

  getRanges(address: string): unknown {
    this.call("getRanges", [address]);
    return recorder(this.ctx, this.sheetName, `${this.sheetName}!ranges(${address})`);
  }

  getUsedRangeOrNullObject(valuesOnly: boolean): FakeRange {
    this.call("getUsedRangeOrNullObject", [valuesOnly]);
    return new FakeRange(this, undefined);
  }

  activate(): void {
    this.call("activate", []);
    this.ctx.change(() => {
      this.ctx.fake.active = this.sheetName;
      return undefined;
    });
  }

  delete(): void {
    this.call("delete", []);
    this.ctx.change(() => {
      const fake = this.ctx.fake;
      const at = fake.sheets.findIndex((s) => s === this.state);
      if (at < 0) return officeError("ItemNotFound");
      fake.sheets.splice(at, 1);
      // Excel activates a neighbour when the active sheet goes
      if (fake.active.toLowerCase() === this.sheetName.toLowerCase()) {
        fake.active = fake.sheets[Math.max(0, at - 1)]?.name ?? "";
      }
      return undefined;
    });
  }

  get onChanged(): unknown {
    return {
      add: (handler: () => Promise<unknown>) => {
        this.call("add", [], `${this.sheetName}.onChanged`);
        this.state?.handlers.add(handler);
        return {
          context: this.ctx,
          remove: () => {
            this.call("remove", [], `${this.sheetName}.onChanged`);
            this.state?.handlers.delete(handler);
          },
        };
      },
    };
  }
}

class FakeNames {
  private loaded: { name: string; formula: string }[] | undefined;
  constructor(private readonly sheet: FakeSheet) {}

  private call(member: string, args: unknown[]): void {
    this.sheet.call(member, args, `${this.sheet.sheetName}.names`);
  }

  add(name: string, reference: FakeRange | string): void {
    const formula =
      reference instanceof FakeRange
        ? `=${quote(this.sheet.sheetName)}!${absolute(reference.rangeAddress ?? "")}`
        : reference;
    this.call("add", [name, formula]);
    this.sheet.ctx.change(() => {
      const names = this.sheet.state?.names;
      if (names?.has(name)) return officeError("ItemAlreadyExists");
      names?.set(name, formula);
      return undefined;
    });
  }

  load(props: string): void {
    this.call("load", [props]);
    this.sheet.ctx.pending.push(() => {
      this.loaded = [...(this.sheet.state?.names ?? [])].map(([name, formula]) => ({
        name,
        formula,
      }));
    });
  }

  get items(): { name: string; formula: string }[] {
    if (!this.loaded) throw notLoaded("names.items");
    return this.loaded;
  }

  private lookup(name: string): string | undefined {
    return this.sheet.state?.names.get(name);
  }

  getItem(name: string): { getRange(): FakeRange } {
    this.call("getItem", [name]);
    const formula = this.lookup(name);
    if (formula === undefined) this.sheet.ctx.failures.push(officeError("ItemNotFound"));
    const address = (formula ?? "").replace(/^.*!/, "").replace(/\$/g, "");
    return { getRange: () => new FakeRange(this.sheet, address || "A1") };
  }

  getItemOrNullObject(name: string): unknown {
    this.call("getItemOrNullObject", [name]);
    const item: { isNullObject: boolean; formula: unknown; load(props: string): void } = {
      isNullObject: true,
      formula: undefined,
      load: (props) => {
        this.call("load", [props]);
        this.sheet.ctx.pending.push(() => {
          const formula = this.lookup(name);
          item.isNullObject = formula === undefined;
          item.formula = formula;
        });
      },
    };
    return item;
  }
}
