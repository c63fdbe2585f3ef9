import {
  DetailedCellError,
  type CellValue,
  type ConfigParams,
  type HyperFormula,
  type SerializedNamedExpression,
  type SimpleCellAddress,
} from "hyperformula";
import { tokenize } from "../plan/formula-tokens";
import { CAUSE_NAME } from "../plan/cause";
import { likelyFormula } from "../plan/likely";
import { formulaAt } from "../plan/marks";
import type { PlanCheck, TemplatePlan } from "../plan/types";
import { a1Of, rectsOf } from "./sheet-model";

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
  /** The figures the likely cause's format marks (on top of their checks' marks). */
  readonly likely: readonly string[];
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
  // the plan already typed text that needs the prefix ("'=1+1"): a second one would show
  const grid = plan.grid.map((row, r) =>
    row.map((content, c) =>
      text.has(`${r}:${c}`) && content !== "" && !/^['=]/.test(content)
        ? `'${content}`
        : translateSheetNames(hf, content)
    )
  );
  hf.batch(() => {
    // the check cells' names too: HyperFormula moves names with inserted rows, not formats
    for (const { name, address } of [...plan.names, ...plan.checks])
      hf.addNamedExpression(name, `=${quoted(sheetName)}!${absoluteOf(address)}`, sheetId);
    hf.setSheetContent(sheetId, grid);
  });

  const fieldNames = new Map(plan.names.flatMap((n) => (n.field ? [[n.field, n.name]] : [])));
  const checks = new Map<string, PlanCheck>(plan.checks.map((c) => [c.key, c]));
  const fieldAt = new Map(plan.cells.flatMap((c) => (c.field ? [[c.address, c.field]] : [])));
  /** The input fields of an address's cells, as planned. */
  const fieldsIn = (address: string): string[] =>
    rectsOf(address).flatMap((r) => {
      const out: string[] = [];
      for (let row = r.row; row <= r.lastRow; row++)
        for (let col = r.col; col <= r.lastCol; col++) {
          const field = fieldAt.get(a1Of(row, col));
          if (field) out.push(field);
        }
      return out;
    });
  const summaryName = plan.names.find((n) => n.address === plan.summary)?.name;
  const causeName = plan.names.find((n) => n.name === CAUSE_NAME)?.name;

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
  const checkAt = new Map(plan.checks.map((c) => [c.address, c]));
  /**
   * A format's formula with each check it reads where that check is now: Excel moves a format's
   * range and references with inserted rows; HyperFormula keeps neither, but the names move.
   */
  const followRows = (formula: string): string =>
    "=" +
    tokenize(formula)
      .map((t) => {
        const check = t.kind === "reference" && checkAt.get(t.text.replace(/\$/g, ""));
        if (!check) return t.text;
        const at = addressOf(check.name);
        return a1Of(at.row, at.col);
      })
      .join("");
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
      // a format over several checks on one cell has one formula for them all: evaluate it once
      const truth = new Map<string, boolean>();
      const holds = (formula: string): boolean => {
        if (!truth.has(formula)) truth.set(formula, hf.calculateFormula(formula, sheetId) === true);
        return truth.get(formula)!;
      };
      const likely = new Set<string>();
      const cause = causeName ? shown(hf.getCellValue(addressOf(causeName))) : "";
      for (const cf of plan.conditionalFormats) {
        if (cf.severity === "likely") {
          // evaluated at each figure the cause names, where its name says the cell is now
          for (const field of fieldsIn(cf.address)) {
            const at = addressOf(fieldNames.get(field)!);
            const here = a1Of(at.row, at.col);
            if (cause.includes(`"address":"${here}"`) && holds(likelyFormula(here)))
              likely.add(field);
          }
          continue;
        }
        // each check's cells of a format share a row, so one evaluation there stands for them all
        for (const part of cf.checks) {
          const formula = followRows(formulaAt(cf, part.address));
          if (!holds(formula)) continue;
          for (const field of fieldsIn(part.address)) marked[cf.severity].add(field);
        }
      }
      return {
        error: [...marked.error].sort(),
        warning: [...marked.warning].sort(),
        "to-fill": [...marked["to-fill"]].sort(),
        likely: [...likely].sort(),
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
