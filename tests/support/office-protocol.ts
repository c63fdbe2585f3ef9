/** The request protocol of Office.js's runtime as the harness's workbook model reads it. */

/** An object path of a request body. */
export interface PathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

/** An action of a request body. */
export interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly QueryInfo?: { Select?: string[] };
  readonly ArgumentInfo?: { Arguments?: unknown[] };
}

/** The message body Office.js sends at a sync. */
export interface RequestBody {
  readonly Actions: readonly ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, PathInfo>>;
}

/** A failure to inject: Excel reports `code` at the action after `applied` actions (default: the last). */
export interface ActionError {
  readonly code: string;
  readonly applied?: number;
}

/** A sheet of the model. */
export interface SheetModel {
  readonly id: string;
  name: string;
  /** "row,col" to what was written (formulas or values). */
  readonly cells: Map<string, unknown>;
  readonly formats: Map<string, unknown>;
  /** Worksheet-scoped names to their formulas. */
  readonly names: Map<string, string>;
}

/** What an object path leads to in the model. */
export type Entity =
  | { readonly k: "workbook" | "sheets" | "null" | "other" }
  | { readonly k: "sheet"; readonly s: SheetModel }
  | { readonly k: "names"; readonly s: SheetModel | null }
  | { readonly k: "name"; readonly s: SheetModel | null; readonly name: string }
  | { readonly k: "range"; readonly s: SheetModel; readonly address: string | null };

/** The action types the model acts on: a load, a method call, a property set. */
export const QUERY = 2;
/** A method call on an object. */
export const METHOD = 3;
/** A property set. */
export const SET = 4;

/** A failure Excel reports for an action, with its error code. */
export class Fail extends Error {
  constructor(readonly code: string) {
    super(`${code} (from the workbook model)`);
  }
}

/** The key of a cell in the model's maps. */
export const key = (row: number, col: number): string => `${row},${col}`;
/** A sheet name as Excel writes it in an address, quoted when it must be. */
export const quoted = (name: string): string =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
/** A loaded property's name as the response spells it ("name" is "Name"). */
export const capital = (field: string): string => field.charAt(0).toUpperCase() + field.slice(1);

/** A cell's value as Excel gives it back: text after an apostrophe prefix; formulas unevaluated. */
export function valueOf(written: unknown): unknown {
  if (typeof written !== "string") return written ?? "";
  if (written.startsWith("'")) return written.slice(1);
  return written.startsWith("=") ? "" : written;
}
