/**
 * Excel number formats as the preview grid shows them: the few the template uses ("#,##0;(#,##0)",
 * "#,##0.00;(#,##0.00)", "#,##0.00########", "dd/mm/yyyy", "@") and anything built from the
 * same parts. Text is always shown as typed; only numbers are formatted.
 */

import { MONTH_NAMES } from "../values/dates";

/** A cell's value as the grid receives it: a number, text, a boolean, nothing, or an error. */
export type DisplayValue = number | string | boolean | null | { readonly error: string };

/** HyperFormula's (and Excel's) day zero: serial 1 is 31/12/1899 counted from here. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Splits a format into its sections at semicolons outside quotes. */
function sectionsOf(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Whether a format section shows a date (d, m, y tokens outside quotes). */
export function isDateFormat(format: string): boolean {
  return /[dmy]/i.test(sectionsOf(format)[0].replace(/"[^"]*"/g, ""));
}

/** The year, month and day of a date serial (whole days; the time of day is dropped). */
export function dateOfSerial(serial: number): { year: number; month: number; day: number } {
  const date = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A date serial shown with d, dd, m, mm, mmm, mmmm, yy and yyyy tokens; other characters as they are. */
function formatDate(serial: number, format: string): string {
  const { year, month, day } = dateOfSerial(serial);
  const pad = (n: number) => String(n).padStart(2, "0");
  return sectionsOf(format)[0].replace(
    /"([^"]*)"|\[[^\]]*\]|yyyy|yy|dd|d|mmmm|mmm|mm|m/gi,
    (token: string, literal) => {
      if (literal !== undefined) return literal as string;
      // a locale or colour ([$-409]) says how to show the date; it shows nothing itself
      if (token.startsWith("[")) return "";
      switch (token.toLowerCase()) {
        case "mmmm":
          return MONTH_NAMES[month - 1];
        case "mmm":
          return MONTH_NAMES[month - 1].slice(0, 3);
        case "yyyy":
          return String(year);
        case "yy":
          return pad(year % 100);
        case "dd":
          return pad(day);
        case "d":
          return String(day);
        case "mm":
          return pad(month);
        default:
          return String(month);
      }
    }
  );
}

/** Digits with a comma between each group of three. */
const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A non-negative number through one numeric section: placeholders replaced, literals kept. */
function formatSection(value: number, section: string): string {
  const core = /[#0,]*[#0](?:\.[#0]*)?|\.[#0]+/.exec(section);
  if (!core) return section.replace(/"([^"]*)"/g, "$1");
  const [whole, fraction = ""] = core[0].split(".");
  const minDecimals = (fraction.match(/0/g) ?? []).length;
  const maxDecimals = fraction.length;
  const minDigits = (whole.match(/0/g) ?? []).length;
  // half away from zero on the decimal figure typed (1,200,000.005 shows .01, as in Excel)
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor * (1 + Number.EPSILON)) / factor;
  let [intPart, decPart = ""] = rounded.toFixed(maxDecimals).split(".");
  while (decPart.length > minDecimals && decPart.endsWith("0")) decPart = decPart.slice(0, -1);
  if (intPart === "0" && minDigits === 0) intPart = "";
  intPart = intPart.padStart(minDigits, "0");
  if (whole.includes(",")) intPart = grouped(intPart);
  const number = decPart ? `${intPart}.${decPart}` : intPart;
  const before = section.slice(0, core.index);
  const after = section.slice(core.index + core[0].length);
  const literal = (text: string) => text.replace(/"([^"]*)"|\\(.)|[_*]./g, "$1$2");
  return `${literal(before)}${number}${literal(after)}`;
}

/** A number as Excel's General format shows it: up to 11 characters, no grouping. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const precise = Number(value.toPrecision(10));
  const text = String(precise);
  return text.length <= 11 ? text : precise.toExponential(5).replace(/\.?0+e/, "E");
}

/**
 * A format without its bracketed codes: a locale ("[$-409]", which pins the month names to
 * English, as the grid always shows them) or a colour ("[Red]"), neither of which is shown.
 */
const withoutCodes = (format: string): string => format.replace(/\[[^\]"]*\]/g, "");

/** A number shown through a format; General (or none, or "@") shows it plainly. */
export function formatNumber(value: number, given: string | undefined): string {
  const format = given === undefined ? undefined : withoutCodes(given);
  if (!format || format === "@" || /^general$/i.test(format)) return formatGeneral(value);
  if (isDateFormat(format)) return formatDate(value, format);
  const sections = sectionsOf(format);
  if (value < 0) {
    if (sections.length > 1) return formatSection(-value, sections[1]);
    const shown = formatSection(-value, sections[0]);
    return /[1-9]/.test(shown) ? `-${shown}` : shown;
  }
  if (value === 0 && sections.length > 2) return formatSection(0, sections[2]);
  return formatSection(value, sections[0]);
}

/**
 * What a cell shows: text as typed, a number through its format (a date as dd/mm/yyyy when the
 * engine read it as a date and the cell has no format of its own), TRUE/FALSE, an error's code.
 */
export function displayText(value: DisplayValue, format?: string, isDate = false): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    const own = format && format !== "@" ? format : isDate ? "dd/mm/yyyy" : format;
    return formatNumber(value, own);
  }
  return value.error;
}
