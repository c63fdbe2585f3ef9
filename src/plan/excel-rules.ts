import { tokenize, type Token } from "./formula-tokens";
import { checkNumberFormat } from "./number-format-rules";
import type { TemplatePlan } from "./types";

// Excel's documented rules that office-addin-mock and HyperFormula do not know, checked over a
// whole plan, so that no plan the pane can make is one that Excel refuses (a refused part fails
// the whole insert). Each limit cites the Microsoft text it comes from.

/** One broken rule: which rule, where in the plan, and what is wrong. */
export interface ExcelViolation {
  readonly rule: ExcelRule;
  /** Where: "cell B7", "validation B13:B20", "format F9:F12", "name chk_x", "sheet". */
  readonly at: string;
  readonly message: string;
}

/** The rules checked. */
export type ExcelRule =
  | "formula.length"
  | "formula.arguments"
  | "formula.nesting"
  | "formula.text"
  | "formula.syntax"
  | "restricted.array"
  | "restricted.structured"
  | "restricted.union"
  | "restricted.intersection"
  | "validation.text"
  | "validation.length"
  | "name.syntax"
  | "name.unique"
  | "sheet.name"
  | "numberFormat"
  | "conditionalFormats.count";

// Excel specifications and limits: "Length of formula contents: 8,192 characters" (and
// [MS-OI29500] 2.1.1085, ST_Formula), "Arguments in a function: 255", "Nested levels of
// functions: 64"; and Excel's own message: "Text values in formulas are limited to 255 characters".
const FORMULA_MAX = 8192;
const ARGUMENTS_MAX = 255;
const NESTING_MAX = 64;
const TEXT_MAX = 255;

// [MS-OI29500] 2.1.613 (Part 1, 18.3.1.32 dataValidation): Office limits promptTitle and
// errorTitle to 32 characters, prompt to 255 and error to 224 ([MS-XLSB] 2.5.37 DValStrings
// allows 225 for the error: the lower figure holds for both).
// Validation formulas: no Microsoft document gives a figure, but libraries that mirror Excel's
// limits (DevExpress's XlDataValidation, Syncfusion's DataValidation) refuse custom criteria over
// 255 characters, as Excel's own dialog is reported to; held here, since one refused validation
// fails the whole insert.
const VALIDATION_FORMULA_MAX = 255;

const VALIDATION_TEXT_MAX = {
  inputTitle: 32,
  inputMessage: 255,
  errorTitle: 32,
  errorMessage: 224,
} as const;

// Excel specifications and limits give no number for conditional formats ("limited by available
// memory"). Each format is evaluated over its cells at every repaint and recalculation, and Excel's
// rules manager and file loading walk them one by one, so the count is what slows a sheet. We hold
// a sheet to 1,000: a third of the 3,066 that one format per check cost at 200 option lines, and
// half as much again as the 666 that the largest shape the pane allows needs once merged.
/** Conditional formats a sheet may carry. */
export const CONDITIONAL_FORMATS_MAX = 1000;

/** Excel's rules over a plan's formulas, validation, names, sheet name and formats; [] when it keeps them. */
export function excelViolations(plan: TemplatePlan): ExcelViolation[] {
  const out: ExcelViolation[] = [];
  for (const cell of plan.cells)
    if (cell.content.startsWith("="))
      out.push(...formulaViolations(cell.content, `cell ${cell.address}`));
  // a host may name the check cells too (the preview does): their names keep the same rules
  const names = [...plan.names, ...plan.checks, plan.meta].map((n) => n.name);
  for (const name of names) out.push(...nameViolations(name, `name ${name}`));
  out.push(...uniqueNames(names));
  for (const v of plan.validations) {
    const at = `validation ${v.address}`;
    if (v.formula) out.push(...formulaViolations(v.formula, at, true));
    if (v.formula && v.formula.length > VALIDATION_FORMULA_MAX)
      out.push({
        rule: "validation.length",
        at,
        message: `the formula has ${v.formula.length} characters (at most ${VALIDATION_FORMULA_MAX})`,
      });
    for (const [field, max] of Object.entries(VALIDATION_TEXT_MAX)) {
      const text = v[field as keyof typeof VALIDATION_TEXT_MAX];
      if (text.length > max)
        out.push({
          rule: "validation.text",
          at,
          message: `${field} has ${text.length} characters (at most ${max})`,
        });
    }
  }
  for (const cf of plan.conditionalFormats)
    out.push(...formulaViolations(cf.formula, `format ${cf.address}`, true));
  if (plan.conditionalFormats.length > CONDITIONAL_FORMATS_MAX)
    out.push({
      rule: "conditionalFormats.count",
      at: "sheet",
      message: `${plan.conditionalFormats.length} conditional formats (at most ${CONDITIONAL_FORMATS_MAX})`,
    });
  out.push(...sheetNameViolations(plan.sheetName));
  const formats = new Set([
    ...plan.numberFormats.map((f) => f.format),
    ...plan.cells.flatMap((c) => (c.numberFormat !== undefined ? [c.numberFormat] : [])),
  ]);
  for (const format of formats) {
    const problem = checkNumberFormat(format);
    if (problem) out.push({ rule: "numberFormat", at: `format "${format}"`, message: problem });
  }
  return out;
}

/**
 * The violations of one formula: length, arguments and nesting for every formula; with
 * `restricted` (data validation and conditional formats), no array constants, structured
 * references, union or intersection ([MS-OI29500] 3.2.3.1.3; [MS-XLSX] 2.6.4
 * CT_DataValidationFormula; conditional formats take the same grammar).
 */
export function formulaViolations(
  formula: string,
  at: string,
  restricted = false
): ExcelViolation[] {
  const out: ExcelViolation[] = [];
  const say = (rule: ExcelRule, message: string): void => void out.push({ rule, at, message });
  // Excel counts the formula without its leading "="
  const length = formula.replace(/^=/, "").length;
  if (length > FORMULA_MAX) say("formula.length", `${length} characters (at most ${FORMULA_MAX})`);
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch (error) {
    say("formula.syntax", (error as Error).message);
    return out;
  }
  // one frame per open parenthesis: a function's (counting its arguments) or a group's
  const frames: { fn: string | null; args: number }[] = [];
  let functions = 0;
  const meaningful = tokens.filter((t) => t.kind !== "space");
  tokens.forEach((token, k) => {
    const previous = tokens[k - 1];
    switch (token.kind) {
      case "open": {
        const fn = previous?.kind === "function" ? previous.text : null;
        frames.push({ fn, args: 1 });
        if (fn && ++functions > NESTING_MAX)
          say("formula.nesting", `${fn} is nested ${functions} deep (at most ${NESTING_MAX})`);
        break;
      }
      case "close": {
        const frame = frames.pop();
        if (frame?.fn) functions--;
        break;
      }
      case "separator": {
        const frame = frames[frames.length - 1];
        if (frame?.fn) {
          if (++frame.args === ARGUMENTS_MAX + 1)
            say("formula.arguments", `${frame.fn} has more than ${ARGUMENTS_MAX} arguments`);
        } else if (restricted)
          say("restricted.union", `a comma outside a function's arguments joins references`);
        break;
      }
      case "string": {
        // the quotes are not counted, and a doubled quote is one character
        const text = token.text.slice(1, -1).replace(/""/g, '"');
        if (text.length > TEXT_MAX)
          say("formula.text", `a text of ${text.length} characters (at most ${TEXT_MAX})`);
        break;
      }
      case "array":
        if (restricted && token.text === "{") say("restricted.array", "an array constant");
        break;
      case "bracket":
        if (restricted) say("restricted.structured", `a structured reference ${token.text}`);
        break;
      case "space":
        if (restricted && isIntersection(meaningful, token))
          say("restricted.intersection", "a space between two references");
        break;
      default:
        break;
    }
  });
  return out;
}

/** Whether a space stands between the end of one operand and the start of another. */
function isIntersection(tokens: readonly Token[], space: Token): boolean {
  const before = [...tokens].reverse().find((t) => t.at < space.at);
  const after = tokens.find((t) => t.at > space.at);
  const ends = (t?: Token) =>
    !!t && (t.kind === "reference" || t.kind === "name" || t.kind === "close");
  const starts = (t?: Token) =>
    !!t &&
    (t.kind === "reference" ||
      t.kind === "name" ||
      t.kind === "function" ||
      t.kind === "open" ||
      t.kind === "sheet");
  return ends(before) && starts(after);
}

/** An A1 address or any R1C1 form ("A1", "XFD1048576", "R", "C", "R1C1", "rc2"): never a name. */
const LIKE_ADDRESS = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*|[Cc]\d*|[Rr]\d*[Cc]\d*)$/;

/**
 * A defined name's own rules (Microsoft's "Names in formulas" guidance and Excel specifications):
 * at most 255 characters; a letter, underscore or backslash first; then letters, digits, periods
 * and underscores; not like a cell reference; not "R" or "C"; and not TRUE or FALSE.
 */
export function nameViolations(name: string, at: string): ExcelViolation[] {
  const problems: string[] = [];
  if (name.length === 0 || name.length > 255) problems.push(`${name.length} characters (1 to 255)`);
  if (!/^[A-Za-z_\\]/.test(name))
    problems.push("starts with neither a letter, an underscore nor a backslash");
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) problems.push("holds a character a name cannot");
  if (LIKE_ADDRESS.test(name)) problems.push("reads as a cell reference");
  if (/^(?:true|false)$/i.test(name)) problems.push("is a logical value");
  return problems.map((message) => ({ rule: "name.syntax" as const, at, message }));
}

/** Names are not case-sensitive in Excel: two that differ only in case clash. */
function uniqueNames(names: readonly string[]): ExcelViolation[] {
  const seen = new Set<string>();
  const out: ExcelViolation[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key))
      out.push({
        rule: "name.unique",
        at: `name ${name}`,
        message: "defined twice (ignoring case)",
      });
    seen.add(key);
  }
  return out;
}

/**
 * A worksheet name's rules (Excel's "Rename a worksheet"): 1 to 31 characters, none of
 * \ / ? * [ ] :, no apostrophe first or last, and not "History", which Excel reserves.
 */
export function sheetNameViolations(name: string): ExcelViolation[] {
  const problems: string[] = [];
  if (name.length === 0 || name.length > 31) problems.push(`${name.length} characters (1 to 31)`);
  if (/[\\/?*[\]:]/.test(name)) problems.push("holds one of \\ / ? * [ ] :");
  if (/^'|'$/.test(name)) problems.push("starts or ends with an apostrophe");
  if (name.toLowerCase() === "history") problems.push('"History" is reserved');
  return problems.map((message) => ({ rule: "sheet.name" as const, at: "sheet", message }));
}
