/** The objects of the fake Excel (context, worksheets, sheet, names); see fake-excel.ts. */
import type { FakeExcel, Op, SheetState } from "./fake-excel";
import { FakeRange } from "./fake-range";
import { recorder } from "./fake-recorder";
import { absolute, notLoaded, officeError, quote } from "./fake-util";

/** One Excel.run's context: queued loads run at sync(), when the sync is not made to fail. */
export class FakeContext {
  readonly pending: (() => void)[] = [];
  readonly failures: Error[] = [];
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
    const failure = this.fake.failSync(this.fake.syncs) ?? this.failures[0];
    const loads = this.pending.splice(0);
    this.failures.splice(0);
    if (failure) return Promise.reject(failure);
    for (const load of loads) load();
    return Promise.resolve();
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
    if (this.ctx.fake.sheet(name)) this.ctx.failures.push(officeError("ItemAlreadyExists"));
    else this.ctx.fake.addSheet(name);
    return new FakeSheet(this.ctx, name);
  }

  getItem(name: string): FakeSheet {
    this.call("getItem", [name], name);
    if (!this.ctx.fake.sheet(name)) this.ctx.failures.push(officeError("ItemNotFound"));
    return new FakeSheet(this.ctx, name);
  }

  getActiveWorksheet(): FakeSheet {
    this.call("getActiveWorksheet", [], this.ctx.fake.active);
    return new FakeSheet(this.ctx, this.ctx.fake.active);
  }
}

/** A worksheet proxy: reads need load() and sync(); writes apply to the sheet it names. */
export class FakeSheet {
  private nameLoaded: boolean;
  readonly names: FakeNames;
  readonly pageLayout: unknown;

  constructor(
    readonly ctx: FakeContext,
    readonly sheetName: string,
    nameLoaded = false
  ) {
    this.nameLoaded = nameLoaded;
    this.names = new FakeNames(this);
    this.pageLayout = recorder(ctx, sheetName, `${sheetName}.pageLayout`);
  }

  get state(): SheetState | undefined {
    return this.ctx.fake.sheet(this.sheetName);
  }

  call(member: string, args: unknown[], path = this.sheetName): void {
    this.ctx.record({ kind: "call", sheet: this.sheetName, path, member, args });
  }

  load(props: string): void {
    this.call("load", [props]);
    this.ctx.pending.push(() => (this.nameLoaded = true));
  }

  get name(): string {
    if (!this.nameLoaded) throw notLoaded("worksheet.name");
    return this.sheetName;
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
    this.ctx.fake.active = this.sheetName;
  }

  delete(): void {
    this.call("delete", []);
    const at = this.ctx.fake.sheets.findIndex((s) => s === this.state);
    if (at >= 0) this.ctx.fake.sheets.splice(at, 1);
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
    const names = this.sheet.state?.names;
    if (names?.has(name)) this.sheet.ctx.failures.push(officeError("ItemAlreadyExists"));
    names?.set(name, formula);
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
