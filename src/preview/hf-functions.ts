import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type FunctionArgument,
  type HyperFormula,
  type ImplementedFunctions,
} from "hyperformula";

// The HKMR custom functions in HyperFormula, from the same functions.json and the same exports as in
// Excel, so nothing is listed twice. Each call is turned into what Excel would pass (ranges as 2-D
// arrays of raw values, blank as "", repeating parameters gathered in an array), and a thrown
// CustomFunctions.Error back into the cell error Excel would show.

/** One parameter of a custom function as functions.json describes it. */
export interface ParameterMetadata {
  readonly name: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly repeating?: boolean;
  readonly optional?: boolean;
}

/** One custom function as functions.json describes it. */
export interface FunctionMetadataEntry {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly ParameterMetadata[];
}

/** The part of functions.json (the metadata generator's output) that registration reads. */
export interface FunctionsMetadata {
  readonly functions: readonly FunctionMetadataEntry[];
}

type Implementation = (...args: unknown[]) => unknown;

/** A value a function gives HyperFormula's grid. */
type Result = number | string | boolean | CellError | typeof EmptyValue;

// HyperFormula does not export the types of a plugin method's arguments (its syntax tree and
// interpreter state); the adapter only hands them back to runFunction, so it types them as never.
type Ast = { readonly args: never };

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR, // HyperFormula has no #NULL!
};

const SCALAR_TYPES: Readonly<Record<string, FunctionArgumentType>> = {
  number: FunctionArgumentType.NUMBER,
  string: FunctionArgumentType.STRING,
  boolean: FunctionArgumentType.BOOLEAN,
};

/** How HyperFormula should pass one parameter: a range as a range, a typed scalar coerced. */
const argumentOf = (p: ParameterMetadata): FunctionArgument => ({
  argumentType:
    p.dimensionality === "matrix"
      ? FunctionArgumentType.RANGE
      : (SCALAR_TYPES[p.type ?? "any"] ?? FunctionArgumentType.SCALAR),
  ...(p.optional ? { optionalArg: true } : {}),
});

/** A cell value as Excel passes it to a custom function: blank as "", dates and currency as numbers. */
function excelValue(value: unknown): unknown {
  if (value === EmptyValue) return "";
  if (typeof value === "object" && value !== null && "val" in value) return value.val; // RichNumber
  return value;
}

/** An argument as Excel passes it, or the first cell error in it (Excel then never calls). */
function excelArgument(value: unknown): unknown {
  if (value instanceof CellError) return value;
  if (!(value instanceof SimpleRangeValue)) return excelValue(value);
  const rows = value.data;
  const out: unknown[][] = new Array<unknown[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cells = new Array<unknown>(row.length);
    for (let c = 0; c < row.length; c++) {
      if (row[c] instanceof CellError) return row[c];
      cells[c] = excelValue(row[c]);
    }
    out[r] = cells;
  }
  return out;
}

/** The cell error for what a custom function threw: its code and message, else #VALUE!. */
function cellErrorOf(thrown: unknown): CellError {
  const { code, message } = (thrown ?? {}) as { code?: unknown; message?: unknown };
  const type = typeof code === "string" ? ERROR_TYPES[code] : undefined;
  return new CellError(type ?? ErrorType.VALUE, typeof message === "string" ? message : undefined);
}

/** A function's result as a cell value; only numbers, text and booleans reach the grid. */
function cellValueOf(result: unknown): Result {
  switch (typeof result) {
    case "number":
      return Number.isFinite(result) ? result : new CellError(ErrorType.NUM);
    case "string":
    case "boolean":
      return result;
    case "undefined":
      return EmptyValue;
    default:
      return result === null
        ? EmptyValue
        : new CellError(ErrorType.VALUE, "The function returned no single value.");
  }
}

/** Calls an implementation with Excel's arguments: repeating parameters gathered into arrays. */
function invoke(entry: FunctionMetadataEntry, fn: Implementation, values: unknown[]): unknown {
  const args: unknown[] = [];
  for (const value of values) {
    const arg = excelArgument(value);
    if (arg instanceof CellError) return arg;
    args.push(arg);
  }
  const head = entry.parameters.findIndex((p) => p.repeating);
  if (head < 0) return fn(...args);
  const group = entry.parameters.length - head;
  const rest = args.slice(head);
  const repeated = Array.from({ length: group }, (_, k) => rest.filter((_, j) => j % group === k));
  return fn(...args.slice(0, head), ...repeated);
}

/** Runs one call: a cell error among the arguments or thrown by the function becomes the result. */
function guarded(entry: FunctionMetadataEntry, fn: Implementation, values: unknown[]): Result {
  try {
    const result = invoke(entry, fn, values);
    return result instanceof CellError ? result : cellValueOf(result);
  } catch (thrown) {
    return cellErrorOf(thrown);
  }
}

/**
 * Registers the custom functions that `metadata` lists (functions.json) with HyperFormula as
 * `NAMESPACE.NAME`, each running the export of `implementations` whose name is its id in any case.
 * Registering again replaces the earlier registration; returns the function names registered.
 */
export function registerHkmrFunctions(
  hyperFormula: typeof HyperFormula,
  metadata: FunctionsMetadata,
  implementations: Readonly<Record<string, unknown>>,
  namespace = "HKMR"
): string[] {
  const exported = new Map<string, Implementation>();
  for (const [name, value] of Object.entries(implementations))
    if (typeof value === "function") exported.set(name.toUpperCase(), value as Implementation);

  const implemented: ImplementedFunctions = {};
  class HkmrFunctions extends FunctionPlugin {
    static override implementedFunctions = implemented;

    /** Runs the function registered as `name` on the call's arguments. */
    run(name: string, entry: FunctionMetadataEntry, fn: Implementation, ast: Ast, state: never) {
      return this.runFunction(ast.args, state, this.metadata(name), (...values: unknown[]) =>
        guarded(entry, fn, values)
      );
    }
  }

  for (const entry of metadata.functions) {
    const fn = exported.get(entry.id.toUpperCase());
    if (!fn)
      throw new Error(
        `functions.json lists ${entry.id}, which the functions module does not export`
      );
    const name = `${namespace}.${entry.name}`.toUpperCase();
    const method = `hkmr_${entry.id}`;
    const repeating = entry.parameters.filter((p) => p.repeating).length;
    implemented[name] = {
      method,
      parameters: entry.parameters.map(argumentOf),
      ...(repeating > 0 ? { repeatLastArgs: repeating } : {}),
      vectorizationForbidden: true,
    };
    Object.defineProperty(HkmrFunctions.prototype, method, {
      value(this: HkmrFunctions, ast: Ast, state: never) {
        return this.run(name, entry, fn, ast, state);
      },
    });
  }

  const names = Object.keys(implemented);
  for (const name of names)
    if (hyperFormula.getFunctionPlugin(name)) hyperFormula.unregisterFunction(name);
  const ownNames = Object.fromEntries(names.map((name) => [name, name]));
  const translations = Object.fromEntries(
    hyperFormula.getRegisteredLanguagesCodes().map((code) => [code, ownNames])
  );
  hyperFormula.registerFunctionPlugin(HkmrFunctions, translations);
  return names;
}
