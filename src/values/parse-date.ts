/**
 * Reading dates as people type them: always day/month/year when numeric ("30/6/2004",
 * "31 /03/2017", "30.06.2004"), ISO "2011-11-30", words ("4 March 2017", "July 31, 2017").
 */
import * as datesModule from "./dates";
import type { YMD } from "./dates";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { daysInMonth, MONTH_NAMES } = datesModule;

/** The hint every unreadable date ends with: what would read. */
export const DATE_HINT = "write the date as dd/mm/yyyy, e.g. 05/12/2011";

// day, month and year with one separator kind; a 4-digit first group means ISO order
const NUMERIC = /^(\d{1,4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,4})$/;
const WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+/i;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s./,-]*([a-z]+)\.?[\s./,-]*(\d{1,4})$/i;
const MONTH_FIRST = /^([a-z]+)\.?[\s./,-]*(\d{1,2})(?:st|nd|rd|th)?[\s./,-]+(\d{1,4})$/i;

const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i + 1] as const,
    [name.slice(0, 3).toLowerCase(), i + 1] as const,
  ]).concat([["sept", 9]])
);

function check(year: string, month: number, day: number): YMD | string {
  if (year.length === 2) return `the year has two digits; ${DATE_HINT}`;
  if (year.length !== 4) return DATE_HINT;
  const y = Number(year);
  if (y < 1900) return `the year ${y} is before 1900; ${DATE_HINT}`;
  if (month < 1 || month > 12) return `there is no month ${month}; ${DATE_HINT}`;
  const last = daysInMonth(y, month);
  if (day < 1) return `there is no day ${day}; ${DATE_HINT}`;
  if (day > last) {
    const name = MONTH_NAMES[month - 1] ?? "";
    return `${name} ${y} has ${last} days, so day ${day} does not exist; ${DATE_HINT}`;
  }
  return { year: y, month, day };
}

/** The number a run of ASCII digits from `from` to `to` spells; -1 where any is not a digit. */
function digitsAt(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Reads the form's own way of writing a date, "d/m/yyyy" or "dd/mm/yyyy" with nothing around it,
 * without regexes; null for anything else or an impossible date (readDate then says why).
 * Whatever it accepts, readDate reads to the same day.
 */
export function readDayMonthYear(t: string): YMD | null {
  const first = t.indexOf("/");
  const second = first < 0 ? -1 : t.indexOf("/", first + 1);
  if (first < 1 || first > 2 || second - first < 2 || second - first > 3) return null;
  if (t.length - second !== 5) return null;
  const day = digitsAt(t, 0, first);
  const month = digitsAt(t, first + 1, second);
  const year = digitsAt(t, second + 1, t.length);
  if (day < 1 || month < 1 || month > 12 || year < 1900) return null;
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

/** Reads a date from trimmed text, or says why it does not read (ending with what would). */
export function readDate(t: string): YMD | string {
  const numeric = NUMERIC.exec(t);
  if (numeric !== null) {
    const [, first = "", , middle = "", last = ""] = numeric;
    if (first.length === 4) {
      return last.length <= 2 ? check(first, Number(middle), Number(last)) : DATE_HINT;
    }
    if (first.length === 3) return DATE_HINT;
    // the form always writes day/month/year; month/day would silently swap 05/12 and 12/05
    return check(last, Number(middle), Number(first));
  }
  const words = t.replace(WEEKDAY, "");
  const dayFirst = DAY_FIRST.exec(words);
  if (dayFirst !== null) {
    const month = MONTHS.get((dayFirst[2] ?? "").toLowerCase());
    if (month !== undefined) return check(dayFirst[3] ?? "", month, Number(dayFirst[1]));
  }
  const monthFirst = MONTH_FIRST.exec(words);
  if (monthFirst !== null) {
    const month = MONTHS.get((monthFirst[1] ?? "").toLowerCase());
    if (month !== undefined) return check(monthFirst[3] ?? "", month, Number(monthFirst[2]));
  }
  return DATE_HINT;
}
