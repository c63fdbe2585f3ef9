/** The fake's Range: 2-D formulas written into the sheet's cells, values served after a sync. */
import { columnLetters } from "../../src/plan/a1";
import { parseArea } from "../../src/excel/addresses";
import type { FakeSheet } from "./fake-objects";
import { recorder } from "./fake-recorder";
import { key, notLoaded, quote } from "./fake-util";

const textOfTyped = (value: unknown): unknown =>
  typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;

/** A range proxy: formulas, merges, selection and formats recorded; values after a sync. */
export class FakeRange {
  private loadedValues: { address: string; values: unknown[][] } | null | undefined;
  readonly format: unknown;
  readonly dataValidation: unknown;
  readonly conditionalFormats: unknown;

  /** `rangeAddress` undefined: the used range, worked out at the sync. */
  constructor(
    private readonly sheet: FakeSheet,
    readonly rangeAddress: string | undefined
  ) {
    const path = `${sheet.sheetName}!${rangeAddress ?? "used"}`;
    this.format = recorder(sheet.ctx, sheet.sheetName, `${path}.format`);
    this.dataValidation = recorder(sheet.ctx, sheet.sheetName, `${path}.dataValidation`);
    this.conditionalFormats = recorder(sheet.ctx, sheet.sheetName, `${path}.conditionalFormats`);
  }

  private get path(): string {
    return `${this.sheet.sheetName}!${this.rangeAddress ?? "used"}`;
  }

  private record(kind: "set" | "call", member: string, payload: unknown): void {
    this.sheet.ctx.record(
      kind === "set"
        ? { kind, sheet: this.sheet.sheetName, path: this.path, member, value: payload }
        : { kind, sheet: this.sheet.sheetName, path: this.path, member, args: [payload] }
    );
  }

  set formulas(grid: unknown[][]) {
    this.record("set", "formulas", grid);
    this.sheet.ctx.change(() => {
      const area = parseArea(this.rangeAddress ?? "");
      const cells = this.sheet.state?.cells;
      if (!area || !cells) return undefined;
      grid.forEach((row, i) =>
        row.forEach((value, j) => {
          if (value === "") cells.delete(key(area.row + i, area.col + j));
          // Excel's text prefix: "'=1+1" holds the text "=1+1"
          else cells.set(key(area.row + i, area.col + j), textOfTyped(value));
        })
      );
      return undefined;
    });
  }

  set numberFormat(formats: unknown[][]) {
    this.record("set", "numberFormat", formats);
  }

  merge(across: boolean): void {
    this.record("call", "merge", across);
  }

  select(): void {
    this.record("call", "select", undefined);
  }

  load(props: string): void {
    this.record("call", "load", props);
    this.sheet.ctx.pending.push(() => (this.loadedValues = this.read()));
  }

  private read(): { address: string; values: unknown[][] } | null {
    const cells = this.sheet.state?.cells ?? new Map<string, unknown>();
    let area = parseArea(this.rangeAddress ?? "");
    if (!area) {
      const at = [...cells.keys()].map((k) => k.split(",").map(Number));
      if (at.length === 0) return null;
      const rows = at.map(([r]) => r);
      const cols = at.map(([, c]) => c);
      area = {
        row: Math.min(...rows),
        col: Math.min(...cols),
        lastRow: Math.max(...rows),
        lastCol: Math.max(...cols),
      };
    }
    const { row, col, lastRow, lastCol } = area;
    const values = Array.from({ length: lastRow - row + 1 }, (_, i) =>
      Array.from({ length: lastCol - col + 1 }, (_, j) => cells.get(key(row + i, col + j)) ?? "")
    );
    const address = `${quote(this.sheet.sheetName)}!${columnLetters(col)}${row}:${columnLetters(lastCol)}${lastRow}`;
    return { address, values };
  }

  get isNullObject(): boolean {
    if (this.loadedValues === undefined) throw notLoaded("range.isNullObject");
    return this.loadedValues === null;
  }

  get address(): string {
    if (!this.loadedValues) throw notLoaded("range.address");
    return this.loadedValues.address;
  }

  get values(): unknown[][] {
    if (!this.loadedValues) throw notLoaded("range.values");
    return this.loadedValues.values;
  }
}
