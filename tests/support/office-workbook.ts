/**
 * A small model of a workbook that answers the requests Office.js's runtime builds: it walks a
 * request's object paths and actions as Excel would (sheets, names, cells and number formats,
 * the active sheet) and synthesises the results of the loads the host makes. Anything it does
 * not model (fonts, borders, validation, conditional formats) is accepted and ignored.
 */
import { areasOf, parseArea, parseCell } from "../../src/excel/addresses";
import { columnLetters } from "../../src/plan/a1";

import {
  capital,
  Fail,
  key,
  METHOD,
  QUERY,
  quoted,
  SET,
  valueOf,
  type ActionError,
  type ActionInfo,
  type Entity,
  type PathInfo,
  type RequestBody,
  type SheetModel,
} from "./office-protocol";

export type { ActionError, RequestBody, SheetModel } from "./office-protocol";

/** The workbook Office.js talks to in the harness. */
export class OfficeWorkbook {
  readonly sheets: SheetModel[] = [];
  /** Workbook-scoped names to their formulas. */
  readonly names = new Map<string, string>();
  activeId = "";
  private nextId = 1;
  private readonly indexes = new WeakMap<Map<string, string>, Map<string, string>>();

  constructor(sheetNames: readonly string[]) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeId = this.sheets[0]?.id ?? "";
  }

  /** Adds a sheet as a user (or a co-author) would. */
  addSheet(name: string): SheetModel {
    if (this.sheetByName(name)) throw new Fail("ItemAlreadyExists");
    const sheet: SheetModel = {
      id: `{S${this.nextId++}}`,
      name,
      cells: new Map(),
      formats: new Map(),
      names: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The active sheet's name. */
  get active(): string {
    return this.sheets.find((s) => s.id === this.activeId)?.name ?? "";
  }

  /** What a cell holds (as written) and its number format. */
  cell(sheet: string, address: string): { value: unknown; format: unknown } {
    const s = this.sheetByName(sheet);
    const at = parseCell(address);
    if (!s || !at) throw new Error(`No cell ${sheet}!${address}`);
    return { value: s.cells.get(key(at.row, at.col)), format: s.formats.get(key(at.row, at.col)) };
  }

  /** Puts a value in a cell as the user would type it. */
  type(sheet: string, address: string, value: unknown): void {
    const s = this.sheetByName(sheet);
    const at = parseCell(address);
    if (!s || !at) throw new Error(`No cell ${sheet}!${address}`);
    s.cells.set(key(at.row, at.col), value);
  }

  /** Applies a request; returns the response body Excel would give (results, or the error). */
  apply(body: RequestBody, injected?: ActionError): unknown {
    const entities = new Map<number, Entity>();
    const results: { ActionId: number; Value: unknown }[] = [];
    const failAt = injected ? (injected.applied ?? body.Actions.length - 1) : -1;
    for (const [index, action] of body.Actions.entries()) {
      try {
        if (index === failAt) throw new Fail(injected!.code);
        const target = this.resolve(body, action.ObjectPathId, entities);
        if (action.ActionType === QUERY) {
          results.push({ ActionId: action.Id, Value: this.query(target, action.QueryInfo) });
        } else if (action.ActionType === SET) {
          this.set(target, action.Name, action.ArgumentInfo?.Arguments?.[0]);
        } else if (action.ActionType === METHOD) {
          this.call(target, action.Name);
        }
      } catch (error) {
        if (!(error instanceof Fail)) throw error;
        const Error = { Code: error.code, Message: error.message, HttpStatusCode: 400 };
        return { Results: results, Error: { ...Error, ActionIndex: index, Location: "" } };
      }
    }
    return { Results: results };
  }

  private resolve(body: RequestBody, id: number, known: Map<number, Entity>): Entity {
    const done = known.get(id);
    if (done) return done;
    const path = body.ObjectPaths[String(id)];
    const parent =
      path.ParentObjectPathId === undefined
        ? ({ k: "other" } as const)
        : this.resolve(body, path.ParentObjectPathId, known);
    const args = path.ArgumentInfo?.Arguments ?? [];
    const refs = path.ArgumentInfo?.ReferencedObjectPathIds ?? [];
    const arg = (i: number): unknown => (refs[i] ? this.resolve(body, refs[i], known) : args[i]);
    const entity = this.step(path, parent, arg);
    known.set(id, entity);
    return entity;
  }

  /** What one object path leads to; methods that change the workbook (add) act here. */
  private step(path: PathInfo, parent: Entity, arg: (i: number) => unknown): Entity {
    const { Name: name, ObjectPathType: type } = path;
    if (type === 1) return { k: "workbook" };
    if (type === 7) return { k: "null" };
    if (parent.k === "workbook" && name === "Worksheets") return { k: "sheets" };
    if (parent.k === "workbook" && name === "Names") return { k: "names", s: null };
    if (parent.k === "sheets") {
      if (name === "Add") return { k: "sheet", s: this.addSheet(String(arg(0))) };
      if (name === "GetActiveWorksheet") return this.sheetEntity(this.activeId);
      // an indexer (type 5) and getItem both take a name or an id
      if (type === 5 || name === "GetItem") return this.sheetEntity(String(arg(0)), true);
      if (name === "GetItemOrNullObject") return this.sheetEntity(String(arg(0)));
    }
    if (parent.k === "sheet") {
      if (name === "Names") return { k: "names", s: parent.s };
      if (name === "GetRange" || name === "GetRanges") {
        return { k: "range", s: parent.s, address: String(arg(0)) };
      }
      if (name === "GetUsedRangeOrNullObject") return this.usedRange(parent.s);
    }
    if (parent.k === "names") return this.namePath(parent.s, name, arg);
    if (parent.k === "name" && name === "GetRange") {
      const formula = this.namesOf(parent.s).get(parent.name) ?? "";
      const s = this.sheetByName(formula.replace(/^=?'?(.*?)'?!.*$/, "$1").replace(/''/g, "'"));
      if (!s) throw new Fail("InvalidReference");
      return { k: "range", s, address: formula.replace(/^.*!/, "").replace(/\$/g, "") };
    }
    return { k: "other" };
  }

  private namePath(s: SheetModel | null, name: string, arg: (i: number) => unknown): Entity {
    const names = this.namesOf(s);
    const wanted = String(arg(0));
    const index = this.lowerIndex(names);
    const found = index.get(wanted.toLowerCase());
    if (name === "Add") {
      if (found !== undefined) throw new Fail("ItemAlreadyExists");
      const reference = arg(1);
      names.set(wanted, typeof reference === "string" ? reference : this.formulaOf(reference));
      index.set(wanted.toLowerCase(), wanted);
      return { k: "name", s, name: wanted };
    }
    if (name === "GetItem" && found === undefined) throw new Fail("ItemNotFound");
    if (name === "GetItemOrNullObject" && found === undefined) return { k: "null" };
    return { k: "name", s, name: found ?? wanted };
  }

  /** Names by their lower case (Excel compares names case-insensitively), kept up to date. */
  private lowerIndex(names: Map<string, string>): Map<string, string> {
    let index = this.indexes.get(names);
    if (!index || index.size !== names.size) {
      index = new Map([...names.keys()].map((n) => [n.toLowerCase(), n]));
      this.indexes.set(names, index);
    }
    return index;
  }

  private formulaOf(reference: unknown): string {
    const range = reference as Entity;
    if (range.k !== "range" || range.address === null) throw new Fail("InvalidArgument");
    const absolute = range.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `=${quoted(range.s.name)}!${absolute}`;
  }

  private namesOf(s: SheetModel | null): Map<string, string> {
    return s ? s.names : this.names;
  }

  private sheetEntity(nameOrId: string, required = false): Entity {
    const s = this.sheets.find((x) => x.id === nameOrId) ?? this.sheetByName(nameOrId);
    if (s) return { k: "sheet", s };
    if (required) throw new Fail("ItemNotFound");
    return { k: "null" };
  }

  private usedRange(s: SheetModel): Entity {
    const at = [...s.cells.keys()].map((k) => k.split(",").map(Number));
    if (at.length === 0) return { k: "null" };
    const rows = at.map(([r]) => r);
    const cols = at.map(([, c]) => c);
    const first = `${columnLetters(Math.min(...cols))}${Math.min(...rows)}`;
    const last = `${columnLetters(Math.max(...cols))}${Math.max(...rows)}`;
    return { k: "range", s, address: `${first}:${last}` };
  }

  private query(target: Entity, info: ActionInfo["QueryInfo"]): unknown {
    const pick = (all: Record<string, unknown>): Record<string, unknown> => {
      const select = info?.Select;
      if (!select) return all;
      return Object.fromEntries(select.map((f) => [capital(f), all[capital(f)]]));
    };
    switch (target.k) {
      case "null":
        return null;
      case "sheets":
        return { _Items: this.sheets.map((s) => ({ ...pick(this.sheetFields(s)), Id: s.id })) };
      case "sheet":
        return pick(this.sheetFields(target.s));
      case "names":
        return {
          _Items: [...this.namesOf(target.s)].map(([name, formula]) =>
            pick({ Name: name, Formula: formula, Value: formula, Type: "String" })
          ),
        };
      case "name": {
        const formula = this.namesOf(target.s).get(target.name);
        return pick({ Name: target.name, Formula: formula, Value: formula });
      }
      case "range":
        return pick(this.rangeFields(target.s, target.address ?? "A1"));
      default:
        return {};
    }
  }

  private sheetFields(s: SheetModel): Record<string, unknown> {
    return { Id: s.id, Name: s.name, Position: this.sheets.indexOf(s), Visibility: "Visible" };
  }

  private rangeFields(s: SheetModel, address: string): Record<string, unknown> {
    const area = parseArea(address);
    if (!area) throw new Fail("InvalidArgument");
    const grid = <T>(f: (k: string) => T): T[][] =>
      Array.from({ length: area.lastRow - area.row + 1 }, (_, i) =>
        Array.from({ length: area.lastCol - area.col + 1 }, (_, j) =>
          f(key(area.row + i, area.col + j))
        )
      );
    return {
      Address: `${quoted(s.name)}!${address}`,
      Values: grid((k) => valueOf(s.cells.get(k))),
      Formulas: grid((k) => s.cells.get(k) ?? ""),
      NumberFormat: grid((k) => s.formats.get(k) ?? "General"),
    };
  }

  private set(target: Entity, property: string, value: unknown): void {
    // a cell write through a path the model does not follow (Office.js's own chunking of a write
    // over 1,500 cells, by getRow and getBoundingRect) must not pass as written
    if (target.k !== "range" && /^(Formulas|Values|NumberFormat)$/.test(property))
      throw new Error(`The harness does not model the range this ${property} write goes to`);
    if (target.k !== "range" || !target.address) return;
    const into =
      property === "Formulas" || property === "Values"
        ? target.s.cells
        : property === "NumberFormat"
          ? target.s.formats
          : undefined;
    if (!into || !Array.isArray(value)) return;
    for (const address of areasOf(target.address)) {
      const area = parseArea(address);
      if (!area) throw new Fail("InvalidArgument");
      (value as unknown[][]).forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(area.row + i, area.col + j);
          if (v === "" && into === target.s.cells) into.delete(k);
          else into.set(k, v);
        })
      );
    }
  }

  private call(target: Entity, method: string): void {
    if (target.k === "sheet" && method === "Delete") {
      this.sheets.splice(this.sheets.indexOf(target.s), 1);
      // Excel activates a neighbour when the active sheet goes
      if (this.activeId === target.s.id) this.activeId = this.sheets[0]?.id ?? "";
    } else if (target.k === "sheet" && method === "Activate") {
      this.activeId = target.s.id;
    } else if (target.k === "name" && method === "Delete") {
      this.namesOf(target.s).delete(target.name);
    }
  }
}
