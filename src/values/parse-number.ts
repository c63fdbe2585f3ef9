/**
 * Reading amounts as people type them: "1,167,621,933", "(1,000)", "US$ 0.24", "3.60 HKD",
 * "HK$(500)". Each reader returns a value, or the reason it does not read (a string).
 */
import * as currencyModule from "./currency";
import type { Currency } from "./currency";
import * as decimalModule from "./decimal";
import type { Dec } from "./decimal";
import type { MoneyItem } from "./types";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { currencyAt, lookupCurrency, LONGEST_CURRENCY_TEXT } = currencyModule;
const { decFromScaled, decFromString, neg } = decimalModule;

/** The hint every unreadable figure ends with: what would read. */
export const FIGURE_HINT = "write a number such as 1,234 or (1,234), or Nil, N/A or -";
/** The same hint for a form that writes a decrease with a minus sign (FF301). */
export const FIGURE_HINT_MINUS = "write a number such as 1,234 or -1,234, or Nil, N/A or -";
const GROUPING = "thousands separators go every three digits, as in 1,234,567";
const DOTS = "use commas for thousands and a point for decimals, as in 1,234,567.50";
const TWICE_NEGATIVE = "it is negative twice; write (1,000) or -1,000";
const TWO_CURRENCIES = "it names two currencies; write one, as in US$1,234";

const MAX_FAST_DIGITS = 15; // any 15-digit integer is a safe integer, so the loop below is exact

const isNegativeMark = (ch: number): boolean => ch === 45 || ch === 40; // "-" or "("

/**
 * Reads the common shapes of a figure in one pass, with no regex and no string built beyond a
 * currency's few letters: digits with commas in groups of three and one optional point; before
 * them, optionally, a currency spelt exactly as the list keys it and one negative mark, a leading
 * "-" or brackets ("1,234", "-0.5", "(1,000)", "HK$460,200.00", "HK$(500)", "(US$0.0353)").
 * Returns null for anything else (spaces, "*", words, 16 digits or more): the general reader then
 * decides. Whatever it accepts, readAmount reads to the same value and currency.
 */
export function readFigure(t: string): MoneyItem | null {
  // every read stays inside the text: charCodeAt past the end makes V8 call out for each char
  const n = t.length;
  if (n === 0) return null;
  let i = 0;
  let ch = t.charCodeAt(0);
  let negative = isNegativeMark(ch);
  let bracket = ch === 40;
  if (negative && ++i < n) ch = t.charCodeAt(i);
  let currency: Currency | null = null;
  if (!isDigit(ch) && ch !== 46) {
    const from = i;
    while (i < n && !isDigit(ch) && ch !== 46 && !isNegativeMark(ch) && ++i < n) {
      ch = t.charCodeAt(i);
    }
    if (i === from || i >= n) return null;
    currency = currencyAt(t, from, i);
    if (currency === null) return null;
    if (!negative && isNegativeMark(ch)) {
      negative = true;
      bracket = ch === 40;
      i++;
    }
  }
  let c = 0;
  let digits = 0;
  let scale = -1; // -1 until the decimal point
  let grouped = false;
  let run = 0; // digits since the last comma or point
  for (; i < n; i++) {
    ch = t.charCodeAt(i);
    if (isDigit(ch)) {
      c = c * 10 + (ch - 48);
      digits++;
      run++;
      if (scale >= 0) scale++;
    } else if (ch === 44) {
      if (scale >= 0 || run === 0 || run > 3 || (grouped && run !== 3)) return null;
      grouped = true;
      run = 0;
    } else if (ch === 46) {
      if (scale >= 0 || (grouped && run !== 3)) return null;
      scale = 0;
      run = 0;
    } else break;
  }
  if (digits === 0 || digits > MAX_FAST_DIGITS || scale === 0) return null;
  if (scale === -1 && grouped && run !== 3) return null;
  if (bracket) {
    if (i >= n || t.charCodeAt(i) !== 41) return null;
    i++;
  }
  if (i !== n) return null;
  return { value: decFromScaled(negative ? -c : c, scale < 0 ? 0 : scale), currency };
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

/** True for the characters people use as a minus sign: "-", "−" (U+2212), en dash, "－". */
export function isMinus(ch: number): boolean {
  return (
    ch === 45 || ch === 0x2212 || ch === 0x2013 || ch === 0x2012 || ch === 0xfe63 || ch === 0xff0d
  );
}

// a grouped integer part: commas or spaces, one kind, every three digits
const GROUPED_COMMAS = /^\d{1,3}(,\d{3})+$/;
const GROUPED_SPACES = /^\d{1,3}( \d{3})+$/;

/** Reads the digits of an amount ("1,234.5", "1 234 567", ".5"), or says why they do not read. */
function readBody(body: string): Dec | string {
  const point = body.indexOf(".");
  if (point !== body.lastIndexOf(".")) return DOTS;
  const int = point < 0 ? body : body.slice(0, point);
  const frac = point < 0 ? "" : body.slice(point + 1);
  if (point >= 0 && !/^\d+$/.test(frac)) return frac.includes(",") ? DOTS : FIGURE_HINT;
  let plain = int;
  if (!/^\d*$/.test(int)) {
    if (GROUPED_COMMAS.test(int)) plain = int.replace(/,/g, "");
    else if (GROUPED_SPACES.test(int)) plain = int.replace(/ /g, "");
    else return GROUPING;
  }
  return decFromString(frac === "" ? plain : `${plain}.${frac}`);
}

// where a currency word ends: a digit, a bracket, a sign, or a point before a digit
function endsToken(t: string, j: number): boolean {
  const ch = t.charCodeAt(j);
  return (
    isDigit(ch) ||
    ch === 40 ||
    ch === 41 ||
    ch === 43 ||
    isMinus(ch) ||
    (ch === 46 && isDigit(t.charCodeAt(j + 1)))
  );
}

function unknownWord(word: string): string {
  const trimmed = word.trim();
  // a currency sign we do not know deserves its own message; other words get the general hint
  return /[$€£¥]/.test(trimmed)
    ? `"${trimmed}" is not a currency the form uses; write HK$, US$, RMB or a code such as USD`
    : FIGURE_HINT;
}

/**
 * Reads one amount with an optional currency before or after it and a sign as "-" or brackets:
 * "-HK$500", "HK$(500)", "(HK$500)", "3.60 HKD". Returns the amount or why it does not read.
 */
export function readAmount(t: string): MoneyItem | string {
  const n = t.length;
  let minus = 0;
  let plus = 0;
  let open = false;
  let closed = false;
  let currency: Currency | null = null;
  let body: string | null = null;
  let i = 0;
  while (i < n) {
    const ch = t.charCodeAt(i);
    if (ch === 32) {
      i++;
    } else if (isMinus(ch) || ch === 43) {
      if (body !== null) return FIGURE_HINT;
      if (ch === 43) plus++;
      else minus++;
      i++;
    } else if (ch === 40) {
      if (open || body !== null) return FIGURE_HINT;
      open = true;
      i++;
    } else if (ch === 41) {
      if (!open || closed || body === null) return FIGURE_HINT;
      closed = true;
      i++;
    } else if (isDigit(ch) || ch === 46) {
      if (body !== null) return FIGURE_HINT;
      let j = i;
      // a space belongs to the number only between digits ("1 234 567"), not before "HKD"
      while (j < n) {
        const cj = t.charCodeAt(j);
        if (isDigit(cj) || cj === 44 || cj === 46) j++;
        else if (cj === 32 && isDigit(t.charCodeAt(j + 1))) j++;
        else break;
      }
      body = t.slice(i, j);
      i = j;
    } else {
      let j = i + 1;
      // a word longer than any currency is not one: stop there, not at the end of a long cell
      while (j < n && j - i <= LONGEST_CURRENCY_TEXT && !endsToken(t, j)) j++;
      if (j - i > LONGEST_CURRENCY_TEXT) return FIGURE_HINT;
      const word = t.slice(i, j);
      const code = lookupCurrency(word);
      if (code === null) return unknownWord(word);
      if (currency !== null) return TWO_CURRENCIES;
      currency = code;
      i = j;
    }
  }
  if (body === null || open !== closed || (plus > 0 && plus + minus + (open ? 1 : 0) > 1)) {
    return FIGURE_HINT;
  }
  if (minus + (open ? 1 : 0) > 1) return TWICE_NEGATIVE;
  const value = readBody(body);
  if (typeof value === "string") return value;
  return { value: minus > 0 || open ? neg(value) : value, currency };
}

/** The hint every unreadable money list ends with. */
export const LIST_HINT =
  "write amounts such as HK$80,000,000 and US$1,000,000, or one amount, or Nil, N/A or -";

// "and", "&", ";", "+" and line breaks always separate amounts; a comma does when a space or a
// non-digit follows (before a digit it groups thousands). A separator of spaces starts only where
// the run of spaces starts (the lookbehind): tried inside a long run, it would scan the rest of the
// run from each position, the square of the run's length (a cell holds 32,767 characters)
const SEPARATOR = /(?<!\s)(?:\s+and\s+|\s*[&;+\r\n]+\s*)|,(?=\s|[^\d])/gi;

/**
 * Reads one or more amounts joined by "and", "&", ",", ";", "+" or line breaks. A lone grouped
 * number ("1,200,000") is one amount. Returns the items or why the list does not read.
 */
export function readMoneyList(t: string): MoneyItem[] | string {
  const one = readAmount(t);
  if (typeof one !== "string") return [one];
  const items: MoneyItem[] = [];
  // the pieces are taken one at a time and the first that does not read ends the walk: a split
  // would cut a long cell into thousands of strings first
  const separator = new RegExp(SEPARATOR);
  let from = 0;
  while (from <= t.length) {
    const found = separator.exec(t);
    const to = found === null ? t.length : found.index;
    const trimmed = t.slice(from, to).trim();
    if (trimmed !== "") {
      const item = readAmount(trimmed);
      if (typeof item === "string") {
        // a message quotes a long piece in part: a cell may hold 32,767 characters
        const shown = trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
        return `the amount "${shown}" does not read; ${LIST_HINT}`;
      }
      items.push(item);
    }
    if (found === null) break;
    from = separator.lastIndex;
  }
  return items.length > 0 ? items : LIST_HINT;
}
