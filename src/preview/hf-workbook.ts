import {
  DetailedCellError,
  type CellValue,
  type ConfigParams,
  type HyperFormula,
  type SerializedNamedExpression,
  type SimpleCellAddress,
} from "hyperformula";
import type { PlanCheck, TemplatePlan } from "../plan/types";

// A TemplatePlan applied to a HyperFormula workbook, as the Excel adapter applies it to a workbook:
// a new sheet (never an existing one), the grid in one write, and every plan name as a
// worksheet-scoped named expression, so that inputs are addressed by name and follow inserted rows.

/** HyperFormula's settings for the preview and the tests (GPL-3.0: never in the add-in bundle). */
export const HF_CONFIG: Partial<ConfigParams> = { licenseKey: "gpl-v3" };

/** HyperFormula has no TRUE and FALSE literals; Excel formulas may use them, so they are names. */
export const HF_NAMED_EXPRESSIONS: readonly SerializedNamedExpression[] = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/** The field ids the conditional formats mark, by severity, sorted. */
export interface Marks {
  readonly error: readonly string[];
  readonly warning: readonly string[];
  readonly "to-fill": readonly string[];
}

/** A plan applied to a workbook: inputs and results read and written through the plan's names. */
export interface AppliedPlan {
  readonly sheetId: number;
  /** The sheet's name: the plan's, or "name (2)" where a sheet of that name existed. */
  readonly sheetName: string;
  /** Writes what the user types into a field's cell ("Nil", "1,234", "=1/0"). */
  setInput(field: string, text: string): void;
  /** The value a field's cell holds now. */
  value(field: string): CellValue;
  /** A check cell's text: "OK", "Error: ...", "Warning: ...", or an error value ("#VALUE!"). */
  checkValue(key: string): string;
  /** The summary cell's value: "Ready to file", or what is left ("3 cells to fill · 1 error"). */
  summary(): CellValue;
  /** The fields each severity of conditional format marks now. */
  marks(): Marks;
  /** Every input field's raw value by field id, as the engine reads a return ("" for blank). */
  readValues(): Record<string, unknown>;
}

/** A sheet name quoted for a reference: 'MR 2011-11', with quotes doubled. */
const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** "B7" or "B7:B11" made absolute: "$B$7", "$B$7:$B$11". */
const absoluteOf = (address: string): string =>
  address.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => `$${col}$${row}`);

/** The first name not taken among "name", "name (2)", "name (3)"... */
function freeSheetName(hf: HyperFormula, name: string): string {
  let candidate = name;
  for (let n = 2; hf.doesSheetExist(candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}

const OTHER_SHEET_NAME = /('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!([A-Za-z_][A-Za-z0-9_.]*)/g;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;

/**
 * Rewrites references to another sheet's worksheet-scoped name ('MR 2011-10'!A_1_mayIssue), which
 * Excel reads but HyperFormula cannot parse, as that sheet's absolute address the name stands for
 * ('MR 2011-10'!$E$40). The address then moves with rows inserted there, as the name would. A name
 * the other sheet does not define becomes #REF!. Text inside string literals is left alone.
 */
export function translateSheetNames(hf: HyperFormula, formula: string): string {
  if (!formula.startsWith("=") || !formula.includes("!")) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, k) =>
      k % 2 === 1
        ? part
        : part.replace(OTHER_SHEET_NAME, (whole, sheet: string, name: string) => {
            if (CELL.test(name)) return whole;
            const sheetName = sheet.startsWith("'")
              ? sheet.slice(1, -1).replace(/''/g, "'")
              : sheet;
            const id = hf.getSheetId(sheetName);
            const target = id === undefined ? undefined : hf.getNamedExpressionFormula(name, id);
            return target?.startsWith("=") ? target.slice(1) : "#REF!";
          })
    )
    .join("");
}

/**
 * Applies a plan to a workbook as a new sheet and returns a handle on it: the names are added
 * first (scoped to the sheet), then the grid in one write, in one batch of recalculation.
 */
export function applyPlanToHyperFormula(hf: HyperFormula, plan: TemplatePlan): AppliedPlan {
  const sheetName = hf.addSheet(freeSheetName(hf, plan.sheetName));
  const sheetId = hf.getSheetId(sheetName)!;
  // an input of text format keeps what it holds as text ("00700" stays a stock code), as Excel does
  const text = new Set(
    plan.cells.flatMap((c) =>
      c.field && c.numberFormat === "@" ? [`${c.row - 1}:${c.col - 1}`] : []
    )
  );
  const grid = plan.grid.map((row, r) =>
    row.map((content, c) =>
      text.has(`${r}:${c}`) && content !== "" && !content.startsWith("=")
        ? `'${content}`
        : translateSheetNames(hf, content)
    )
  );
  hf.batch(() => {
    for (const { name, address } of plan.names)
      hf.addNamedExpression(name, `=${quoted(sheetName)}!${absoluteOf(address)}`, sheetId);
    hf.setSheetContent(sheetId, grid);
  });

  const fieldNames = new Map(plan.names.flatMap((n) => (n.field ? [[n.field, n.name]] : [])));
  const checks = new Map<string, PlanCheck>(plan.checks.map((c) => [c.key, c]));
  const summaryName = plan.names.find((n) => n.address === plan.summary)?.name;

  /** Where a name points now (names follow inserted and deleted rows). */
  const addressOf = (name: string): SimpleCellAddress => {
    const formula = hf.getNamedExpressionFormula(name, sheetId);
    const at = formula && hf.simpleCellAddressFromString(formula.slice(1), sheetId);
    if (!at) throw new RangeError(`The sheet ${sheetName} has no cell named ${name}`);
    return at;
  };
  const fieldAddress = (field: string): SimpleCellAddress => {
    const name = fieldNames.get(field);
    if (!name) throw new RangeError(`The plan has no input cell for the field ${field}`);
    return addressOf(name);
  };
  const shown = (v: CellValue): string =>
    v instanceof DetailedCellError ? v.value : String(v ?? "");

  return {
    sheetId,
    sheetName,
    setInput: (field, content) => void hf.setCellContents(fieldAddress(field), content),
    value: (field) => hf.getCellValue(fieldAddress(field)),
    checkValue(key) {
      const check = checks.get(key);
      if (!check) throw new RangeError(`The plan has no check ${key}`);
      return shown(hf.getCellValue(addressOf(check.name)));
    },
    summary: () =>
      hf.getCellValue(
        summaryName
          ? addressOf(summaryName)
          : hf.simpleCellAddressFromString(plan.summary, sheetId)!
      ),
    marks() {
      const marked = {
        error: new Set<string>(),
        warning: new Set<string>(),
        "to-fill": new Set<string>(),
      };
      for (const cf of plan.conditionalFormats) {
        // plan formulas use absolute references and names only, so the range's top left is moot
        if (hf.calculateFormula(cf.formula, sheetId) !== true) continue;
        for (const field of checks.get(cf.check)?.fields ?? []) marked[cf.severity].add(field);
      }
      return {
        error: [...marked.error].sort(),
        warning: [...marked.warning].sort(),
        "to-fill": [...marked["to-fill"]].sort(),
      };
    },
    readValues() {
      const values: Record<string, unknown> = {};
      for (const [field, name] of fieldNames) {
        const v = hf.getCellValue(addressOf(name));
        values[field] = v instanceof DetailedCellError ? v.value : (v ?? "");
      }
      return values;
    },
  };
}
