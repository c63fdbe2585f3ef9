import { cellLengthProblem, isLimitError, LIMITS } from "../form";
import { checkTextOf, CheckSpecError, ERROR_PREFIX, evaluateCheck, OK } from "../rules/check-cell";
import { sameClass } from "../rules/class-names";
import { computeCurrencies, ComputeError, computeTotal } from "../rules/compute-cell";
import { causeOf, decodeCause, encodeCause, likelyText } from "../rules/cause";
import { reconcile } from "../rules/reconcile";
import { suggestionsOf } from "../rules/suggest";
import { headlineOf, tallyOfTexts } from "../rules/verdict";
import { readSheetMonth } from "../plan/cause";
import { STATUS_MARKS, worstOfTexts } from "../rules/row-verdict";
import { figureOf } from "../rules/read";
import { lookupCurrency, parseCurrencyHeading } from "../values/currency";
import { add, eq, formatDec, isZero, mul, roundHalfUp, ZERO, type Dec } from "../values/decimal";
import { formatParsed, parseCell } from "../values/parse";
import type { Parsed } from "../values/types";

// Excel passes a range as a 2-D array of values (blank cells as ""), a single cell as its value;
// a cell error never arrives: Excel shows it without calling the function. A direct call (the
// preview, a script, a fuzzer) may pass anything: `guarded` turns every other failure into a
// cell error, so a function gives a value or a CustomFunctions.Error and never another throw.

/** Stops the function with #VALUE! and a message the user sees on the cell. */
function invalid(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Stops the function with #NUM! for a figure Excel cannot hold exactly. */
function tooBig(): never {
  throw new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidNumber,
    "The figure has more digits than Excel keeps exactly (15 significant digits)."
  );
}

/** Whether a thrown value is a cell error already (by shape: the runtime's class may differ). */
const isCellError = (thrown: unknown): boolean =>
  thrown instanceof CustomFunctions.Error ||
  (typeof thrown === "object" &&
    thrown !== null &&
    typeof (thrown as { code?: unknown }).code === "string" &&
    String((thrown as { code: string }).code).startsWith("#"));

/**
 * Checks the arguments against the limits before any work: at most `most` cells in all (nested
 * arrays included) and no text longer than a cell holds; #VALUE! otherwise.
 */
function checkSize(args: readonly unknown[], most: number): void {
  let cells = 0;
  const stack: unknown[] = [args];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!Array.isArray(item)) continue;
    for (const inner of item) {
      if (Array.isArray(inner)) stack.push(inner);
      else if (++cells > most)
        invalid(`Too many cells: this HKMR function reads at most ${most} cells.`);
      else if (typeof inner === "string" && cellLengthProblem(inner))
        invalid(`Text too long: ${cellLengthProblem(inner)}`);
    }
  }
}

/**
 * Runs a function's body on its arguments: a cell error passes through; any other failure
 * becomes #VALUE! with a message; a number beyond exact arithmetic becomes #NUM!; a text result
 * longer than a cell holds is cut to Excel's maximum.
 */
function guarded<T extends number | string>(
  args: readonly unknown[],
  body: () => T,
  most: number = LIMITS.rangeCells
): T {
  try {
    checkSize(args, most);
    const result = body();
    if (typeof result === "number" && !Number.isFinite(result)) tooBig();
    if (typeof result === "string" && result.length > LIMITS.cellLength)
      return `${result.slice(0, LIMITS.cellLength - 1)}\u2026` as T;
    return result;
  } catch (thrown) {
    if (isCellError(thrown)) throw thrown;
    if (isLimitError(thrown)) invalid((thrown as Error).message);
    invalid("The function could not read its arguments: pass figures, text or ranges of cells.");
  }
}

/** Reads a figure as typed; anything that is not a figure, Nil, N/A or blank stops with #VALUE!. */
function figure(input: unknown): Parsed {
  const parsed = parseCell(input, "number");
  return parsed.tag === "problem" ? invalid(parsed.message) : parsed;
}

/** The number Excel gets for an exact decimal; #NUM! beyond what a number holds exactly. */
function excelNumber(value: Dec): number {
  if (value.b !== null) tooBig(); // a coefficient beyond 2^53: no double holds it exactly
  const n = Number(formatDec(value, { grouping: false }));
  return Number.isFinite(n) ? n : tooBig();
}

/** The cells of a range, row by row; a single value reads as a range of one cell. */
const cellsOf = (range: unknown): unknown[] => (Array.isArray(range) ? range.flat() : [range]);

/** A cell's text: a number as Excel shows it plainly, a blank or anything else as "". */
const textOf = (cell: unknown): string =>
  typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : "";

/** The cells of two ranges of the same size, or #VALUE! naming them. */
function pairs(first: unknown, second: unknown, names: string): [unknown[], unknown[]] {
  const a = cellsOf(first);
  const b = cellsOf(second);
  if (a.length !== b.length) invalid(`The ${names} must be ranges of the same size.`);
  return [a, b];
}

/**
 * Reads a figure as a company secretary types it ("1,234", "(500)", "Nil", "US$0.0353") and returns its number.
 * @customfunction
 * @param text The cell or text to read.
 * @returns The number; Nil and dashes read as 0.
 */
export function num(text: string | number): number {
  return guarded([text], () => {
    const parsed = parseCell(text, "number");
    switch (parsed.tag) {
      case "number":
        return excelNumber(parsed.value);
      case "nil":
      case "blank":
        return 0;
      case "na":
        throw new CustomFunctions.Error(
          CustomFunctions.ErrorCode.notAvailable,
          "The cell reads N/A."
        );
      default:
        throw new CustomFunctions.Error(
          CustomFunctions.ErrorCode.invalidValue,
          parsed.tag === "problem" ? parsed.message : "Not a figure."
        );
    }
  });
}

/**
 * Runs one check of the return on its cells and reads "OK", or "Error: ..." / "Warning: ..." with the reason.
 * @customfunction
 * @param spec The check the template names: form version, shape and rule instance.
 * @param cells The cells the check reads, in the template's order: a range per group of lines, else one cell each.
 * @returns "OK", or the first error (else warning) and how many more there are.
 */
export function check(spec: string, cells: unknown[][][]): string {
  return guarded([spec, cells], () => {
    if (typeof spec !== "string") invalid("The first argument is the check's name, as text.");
    try {
      return checkTextOf(evaluateCheck(spec, Array.isArray(cells) ? cells : [cells]));
    } catch (error) {
      // by name as well as class: the task pane and the functions may run in different JS contexts
      if (error instanceof CheckSpecError || (error as Error | null)?.name === "CheckSpecError")
        invalid((error as Error).message);
      throw error;
    }
  });
}

/**
 * Reads the sheet's check cells and says "Ready to file", or what is left: "12 cells to fill · 1 error · 2 warnings", and the likely cause.
 * @customfunction
 * @param checks The check cells of the return (blank cells between them are skipped).
 * @param count How many check cells the template wrote: one missing counts as an error.
 * @param [cause] The sheet's cause cell (HKMR.CAUSE): its likely wrong figure follows the counts.
 * @returns The verdict on the whole return, in the task pane's words.
 */
export function summary(checks: unknown[][], count: number, cause?: unknown): string {
  return guarded([checks, count], () => {
    const expected = Number(count);
    if (!Number.isSafeInteger(expected) || expected < 0)
      invalid("The second argument is how many check cells the template wrote, a whole number.");
    const tally = tallyOfTexts(cellsOf(checks), expected);
    const likely = decodeCause(cause);
    return [headlineOf(tally), ...(likely ? [likelyText(likely)] : [])].join(" · ");
  });
}

/** Cells the cause reads at most: the whole form of the largest sheets, several times a check's. */
const CAUSE_CELLS_MAX = 5 * LIMITS.rangeCells;

/**
 * Works out the likely wrong figure of the whole return, for the check cells and the summary to read: the cell, the value that clears, and the checks it clears.
 * @customfunction
 * @param spec The form version, shape and strips of field cells, as the template names them.
 * @param top The row number of the key column's first cell (ROW of it).
 * @param keys The key column: each row's number in the template, blank on a row inserted since.
 * @param cells The strips of field cells in the spec's order, then last month's cells where the spec reads them.
 * @returns The likely causes as data for the check cells; "" when no check fails.
 */
export function cause(spec: string, top: number, keys: unknown[][], cells: unknown[][][]): string {
  return guarded(
    [spec, top, keys, cells],
    () => {
      if (typeof spec !== "string") invalid("The first argument is the cause's spec, as text.");
      const read = readSheetMonth(spec, Number(top), keys, Array.isArray(cells) ? cells : [cells]);
      if (!read) return "";
      const findings = reconcile(read.month, read.previous);
      const suggestions = suggestionsOf(read.month, read.previous, findings);
      return encodeCause(causeOf(read.month.layout, findings, suggestions, read.addressOf));
    },
    CAUSE_CELLS_MAX
  );
}

/**
 * Reads the check cells of one row's figures and shows the worst state: ✓, ✕ (error), ⚠ (warning) or "to fill".
 * @customfunction
 * @param checks The row's check cells, and those of checks elsewhere in its table that mark its figures (blank cells are skipped).
 * @returns The mark of the worst of those checks.
 */
export function status(checks: unknown[][][]): string {
  return guarded([checks], () => STATUS_MARKS[worstOfTexts(allCellsOf(checks)).state]);
}

/**
 * Reads the check cells of one row's figures and gives the reason of the worst one that is not OK, or nothing when all are OK.
 * @customfunction
 * @param checks The row's check cells, and those of checks elsewhere in its table that mark its figures (blank cells are skipped).
 * @returns The text of the worst of those checks, or "" when every one is OK.
 */
export function reason(checks: unknown[][][]): string {
  return guarded([checks], () => worstOfTexts(allCellsOf(checks)).text);
}

/** Every cell of a repeating range argument, in order (a direct call may pass one range). */
const allCellsOf = (ranges: unknown): unknown[] =>
  Array.isArray(ranges) ? ranges.flatMap((range: unknown) => cellsOf(range)) : [ranges];

/**
 * Returns the balance at close a roll-forward expects: the preceding month's balance plus the month's movement.
 * @customfunction
 * @param preceding The balance at close of the preceding month, as typed ("1,234", "Nil", "N/A").
 * @param movement The increase or decrease of the month, as typed ("52,000", "(500)", "Nil").
 * @returns The expected balance at close; #N/A when the class reads N/A and nothing moved.
 */
export function rollforward(preceding: unknown, movement: unknown): number {
  return guarded([preceding, movement], () => {
    const before = figure(preceding);
    const change = figure(movement);
    if (before.tag === "na" && isZero(figureOf(change) ?? ZERO))
      throw new CustomFunctions.Error(
        CustomFunctions.ErrorCode.notAvailable,
        "The class reads N/A and nothing moved this month, so its balance at close is N/A."
      );
    if (
      before.tag === "number" &&
      change.tag === "number" &&
      before.currency !== null &&
      change.currency !== null &&
      before.currency !== change.currency
    )
      invalid(`${formatParsed(before)} and ${formatParsed(change)} are in different currencies.`);
    return excelNumber(add(figureOf(before) ?? ZERO, figureOf(change) ?? ZERO));
  });
}

/** Runs a computed total's body: a spec or a figure it cannot read becomes #VALUE! with the reason. */
function computed<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    // by name as well as class: the task pane and the functions may run in different JS contexts
    const name = (error as Error | null)?.name;
    if (
      error instanceof CheckSpecError ||
      error instanceof ComputeError ||
      name === "CheckSpecError" ||
      name === "ComputeError"
    )
      invalid((error as Error).message);
    throw error;
  }
}

/**
 * Computes a total of the return (a part's total by class, the total of A to E) from the figures it adds, as typed, by the rule that checks it.
 * @customfunction
 * @param spec The check of the total, as the template names it: form version, shape and rule instance.
 * @param field The total's field, as the template names it ("A.total.ord1").
 * @param cells The cells that check reads, in the template's order, the total's own cell (or range) passed as "".
 * @returns The total; #VALUE! with the reason when a figure it adds cannot be read.
 */
export function compute(spec: string, field: string, cells: unknown[][][]): number {
  return guarded([spec, field, cells], () => {
    if (typeof spec !== "string" || typeof field !== "string")
      invalid("The first arguments are the total's check and its field, as text.");
    const args = Array.isArray(cells) ? cells : [cells];
    return excelNumber(computed(() => computeTotal(spec, field, args)));
  });
}

/**
 * Computes a total per currency as the form writes it ("HK$80,000,000.00 and US$1,000,000.00") from the amounts it adds, by the rule that checks it.
 * @customfunction
 * @param spec The check of the total, as the template names it: form version, shape and rule instance.
 * @param field The total's field, as the template names it ("auth.total").
 * @param cells The cells that check reads, in the template's order, the total's own cell passed as "".
 * @returns The total in each currency the amounts use, joined by "and"; "" while none is stated.
 */
export function computelist(spec: string, field: string, cells: unknown[][][]): string {
  return guarded([spec, field, cells], () => {
    if (typeof spec !== "string" || typeof field !== "string")
      invalid("The first arguments are the total's check and its field, as text.");
    const args = Array.isArray(cells) ? cells : [cells];
    return computed(() => computeCurrencies(spec, field, args));
  });
}

/**
 * Adds the figures of the lines whose "Class of shares issuable" names the class, as the return's totals do.
 * @customfunction
 * @param classes The lines' class cells ("Ordinary shares", "Preference"...).
 * @param figures The lines' figures, as typed, in the same order.
 * @param className The class to total, as Section I names it.
 * @returns The sum of that class's figures; Nil, N/A and blank count as 0.
 */
export function total(classes: unknown[][], figures: unknown[][], className: string): number {
  return guarded([classes, figures, className], () => {
    const [names, values] = pairs(classes, figures, "class cells and the figures");
    let sum = ZERO;
    for (let k = 0; k < values.length; k++) {
      const value = figureOf(figure(values[k])) ?? ZERO;
      if (sameClass(textOf(names[k]), String(className))) sum = add(sum, value);
    }
    return excelNumber(sum);
  });
}

/**
 * Returns the funds raised in one currency: options exercised × exercise price over the lines priced in it, to the cent.
 * @customfunction
 * @param counts The lines' numbers of shares exercised, as typed.
 * @param prices The lines' exercise prices with their currency ("US$0.0353", "HK$3.60"), in the same order.
 * @param currency The currency to total: "US$", "USD", "HK$"...
 * @returns The funds raised in that currency, rounded half up to the cent.
 */
export function funds(counts: unknown[][], prices: unknown[][], currency: string): number {
  return guarded([counts, prices, currency], () => {
    const wanted = lookupCurrency(String(currency)) ?? parseCurrencyHeading(String(currency));
    if (wanted === null)
      invalid(
        `"${String(currency)}" is not a currency: write it as the form does, e.g. HK$ or US$.`
      );
    const [shares, unitPrices] = pairs(counts, prices, "numbers exercised and the prices");
    let sum = ZERO;
    for (let k = 0; k < shares.length; k++) {
      const count = figure(shares[k]);
      const price = figure(unitPrices[k]);
      if (count.tag !== "number" || price.tag !== "number" || price.currency !== wanted) continue;
      sum = add(sum, mul(count.value, price.value));
    }
    return excelNumber(roundHalfUp(sum, 2));
  });
}

/**
 * Compares two figures as typed and reads "OK" when they are the same figure, else what was expected.
 * @customfunction
 * @param a The figure to check, as typed.
 * @param b The figure it should equal, as typed.
 * @returns "OK", or "Error: expected {b}; found {a}".
 */
export function tie(a: unknown, b: unknown): string {
  return guarded([a, b], () => {
    const found = figure(a);
    const expected = figure(b);
    const currencies = [found, expected].map((p) => (p.tag === "number" ? p.currency : null));
    const same =
      eq(figureOf(found) ?? ZERO, figureOf(expected) ?? ZERO) &&
      (currencies[0] === null || currencies[1] === null || currencies[0] === currencies[1]);
    if (same) return OK;
    // text is quoted as typed ("US$1.00"); a number from Excel as the form writes it ("1,234")
    const shown = (raw: unknown, p: Parsed) =>
      typeof raw === "string" ? raw.trim() : formatParsed(p);
    return `${ERROR_PREFIX}expected ${shown(b, expected)}; found ${shown(a, found)}`;
  });
}
