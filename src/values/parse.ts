/**
 * The one parser for what people type into a return: "Nil", "N/A", "1,234", "(500)", "US$0.0353",
 * "30/6/2004", "HK$80,000,000 and US$1,000,000". It never throws; whatever does not read becomes a
 * "problem" that keeps the text and says what would read (finding `value.readable`).
 */
import * as annotationsModule from "./annotations";
import * as currencyModule from "./currency";
import type { Currency } from "./currency";
import * as datesModule from "./dates";
import * as decimalModule from "./decimal";
import type { Dec } from "./decimal";
import * as parseDateModule from "./parse-date";
import * as parseNumberModule from "./parse-number";
import type { Expect, Parsed } from "./types";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { stripAnnotations, stripMarkers } = annotationsModule;
const { currencySymbol, lookupCurrency } = currencyModule;
const { formatDate, fromExcelSerial } = datesModule;
const { decFromNumber, decFromString, formatDec, isZero, neg, sign, ZERO } = decimalModule;
const { DATE_HINT, readDate, readDayMonthYear } = parseDateModule;
const { FIGURE_HINT, readAmount, readFigure, readMoneyList } = parseNumberModule;

export type { Expect, MoneyItem, Parsed } from "./types";
export { parseCurrencyHeading } from "./currency";

const BLANK: Parsed = Object.freeze({ tag: "blank" });

// Excel's error values, as Office.js and CSV exports spell them; never read "#N/A" as N/A
const EXCEL_ERRORS: ReadonlySet<string> = new Set(
  (
    "#N/A #VALUE! #REF! #DIV/0! #NUM! #NAME? #NULL! #SPILL! #CALC! " +
    "#GETTING_DATA #BUSY! #FIELD! #BLOCKED! #CONNECT! #UNKNOWN!"
  ).split(" ")
);

// Every regex here is anchored at the start and has no two adjacent runs that can take the same
// characters, so a failed match costs one pass: reading stays linear in the cell's length.
const ODD_SPACES = /[\u00a0\u2007\u202f\t]/g; // non-breaking and figure spaces from Word and PDFs
const NIL_DASHES = /^[-\u2010-\u2015\u2212](\s*[-\u2010-\u2015\u2212])*$/; // "-", "--", "—", "- -"
// "N/A", "n/a", "NA", "N.A.", "Not applicable", "(Not Applicable)"
const NA_WORDS = /^\(?\s*(?:n(?:\s*[/.])?\s*a\.?|not\s+applicable)\s*\)?$/i;
const NIL_WORD = /^\(?\s*nil\s*\)?$/i;
const LONGEST_CURRENCY = 8; // "RMB¥", "HKD$", "U\$\$" with a space or two: longer is not a currency

/** The form's "(/ /)" date placeholder left as it was: spaces, brackets, "_" and at least one "/". */
function isEmptyDate(t: string): boolean {
  let slash = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 47) slash = true;
    else if (ch !== 32 && ch !== 40 && ch !== 41 && ch !== 95 && !(ch >= 9 && ch <= 13)) {
      return false;
    }
  }
  return slash;
}

/** A currency printed with no amount ("HKD" in a movement cell of the e-form): its code, or null. */
function bareCurrency(t: string): string | null {
  if (t.length > LONGEST_CURRENCY) return null;
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch >= 48 && ch <= 57) return null;
  }
  return lookupCurrency(t);
}

// The words returns use most, found without the regexes above, which classify them once here.
const COMMON_WORDS: ReadonlyMap<string, "nil" | "na"> = new Map(
  ["Nil", "NIL", "nil", "-", "N/A", "n/a", "NA", "N.A."].flatMap((w): [string, "nil" | "na"][] =>
    NIL_WORD.test(w) || NIL_DASHES.test(w) ? [[w, "nil"]] : NA_WORDS.test(w) ? [[w, "na"]] : []
  )
);

/** Whether a text starts and ends with printable ASCII, so trimming would leave it as it is. */
function hasPlainEnds(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

function quote(text: string): string {
  // a message shows 60 characters at most: a long cell is cut before its spaces are collapsed
  const cut = text.length > 600;
  const oneLine = (cut ? text.slice(0, 600) : text).replace(/\s+/g, " ").trim();
  return `"${cut || oneLine.length > 60 ? oneLine.slice(0, 57) + "..." : oneLine}"`;
}

function problem(text: string, message: string): Parsed {
  return { tag: "problem", text, message };
}

function what(expect: Expect): string {
  return expect === "date" ? "a date" : expect === "moneyList" ? "an amount" : "a figure";
}

function hint(expect: Expect): string {
  return expect === "date" ? DATE_HINT : FIGURE_HINT;
}

function fromNumber(n: number, expect: Expect): Parsed {
  const text = String(n);
  if (!Number.isFinite(n)) return problem(text, `${quote(text)} is not ${what(expect)}`);
  switch (expect) {
    case "number":
      return { tag: "number", value: decFromNumber(n), currency: null, marked: false, text };
    case "moneyList":
      return { tag: "moneyList", items: [{ value: decFromNumber(n), currency: null }], text };
    case "text":
      return { tag: "text", text };
    case "date": {
      const d = fromExcelSerial(n);
      if (d !== null) return { tag: "date", year: d.year, month: d.month, day: d.day, text };
      const why =
        Math.floor(n) === 60
          ? "Excel's serial 60 is 29/02/1900, a day that never was"
          : "Excel date serials run from 1 (01/01/1900) to 2958465 (31/12/9999)";
      return problem(text, `${quote(text)} is not a date: ${why}; ${DATE_HINT}`);
    }
  }
}

function fromString(raw: string, expect: Expect): Parsed {
  // "Nil" and "N/A" are a quarter of a return's cells: matched as typed, before a figure is tried
  // or the word hashed for COMMON_WORDS (which reads them the same)
  if (raw.length === 3 && expect !== "text") {
    if (raw === "Nil") return { tag: "nil", marked: false, text: raw };
    if (raw === "N/A") return { tag: "na", text: raw };
  }
  // the common cases ("1,234", "(500)", "HK$460,200.00", "30/11/2011") read in one pass, no regex
  if (expect === "number" || expect === "moneyList") {
    const figure = readFigure(raw);
    if (figure !== null) {
      const { value, currency } = figure;
      return expect === "number"
        ? { tag: "number", value, currency, marked: false, text: raw }
        : { tag: "moneyList", items: [{ value, currency }], text: raw };
    }
  } else if (expect === "date") {
    const d = readDayMonthYear(raw);
    if (d !== null) return { tag: "date", year: d.year, month: d.month, day: d.day, text: raw };
  }
  if (expect === "text") {
    // text is kept as typed; a cell of spaces only is blank
    return hasPlainEnds(raw) || raw.trim() !== "" ? { tag: "text", text: raw } : BLANK;
  }
  let t = hasPlainEnds(raw) ? raw : raw.trim();
  if (t === "") return BLANK;
  const word = COMMON_WORDS.get(t);
  if (word !== undefined) {
    return word === "nil" ? { tag: "nil", marked: false, text: raw } : { tag: "na", text: raw };
  }
  if (t.charCodeAt(0) === 35 && EXCEL_ERRORS.has(t.toUpperCase())) {
    return problem(
      raw,
      `${quote(raw)} is an Excel error, not ${what(expect)}: correct the formula`
    );
  }
  if (ODD_SPACES.test(t)) t = t.replace(ODD_SPACES, " ").trim();
  let marked = false;
  let note: string | null = null;
  if (expect === "date") {
    const stripped = stripMarkers(t);
    t = stripped.text;
    marked = stripped.marked;
  } else {
    // "*", "(Remarks)" or "(Note 2)" flag a figure explained in the remarks; the mark excuses its
    // rules; "per share" after a price says what the price is of
    const annotated = stripAnnotations(t);
    t = annotated.figure;
    marked = annotated.marked;
    note = annotated.note;
  }
  if (t === "") return problem(raw, `${quote(raw)} is a marker with no figure: ${hint(expect)}`);
  if (NIL_WORD.test(t) || NIL_DASHES.test(t)) {
    return note === null
      ? { tag: "nil", marked, text: raw }
      : { tag: "nil", marked, note, text: raw };
  }
  if (NA_WORDS.test(t)) return { tag: "na", text: raw };
  if (expect !== "date") {
    // the e-form prints the currency alone where nothing moved: zero in that currency
    const code = bareCurrency(t);
    if (code !== null) {
      return expect === "number"
        ? { tag: "nil", marked, currency: code, text: raw }
        : { tag: "moneyList", items: [{ value: ZERO, currency: code }], text: raw };
    }
  }
  switch (expect) {
    case "number": {
      const amount = readAmount(t);
      if (typeof amount === "string")
        return problem(raw, `${quote(raw)} is not a figure: ${amount}`);
      const { value, currency } = amount;
      return note === null
        ? { tag: "number", value, currency, marked, text: raw }
        : { tag: "number", value, currency, marked, note, text: raw };
    }
    case "moneyList": {
      const items = readMoneyList(t);
      if (typeof items === "string")
        return problem(raw, `${quote(raw)} is not an amount: ${items}`);
      return marked
        ? { tag: "moneyList", items, marked, text: raw }
        : { tag: "moneyList", items, text: raw };
    }
    case "date": {
      if (isEmptyDate(t)) return BLANK;
      const d = readDate(t);
      if (typeof d === "string") return problem(raw, `${quote(raw)} is not a date: ${d}`);
      return { tag: "date", year: d.year, month: d.month, day: d.day, text: raw };
    }
  }
}

function describe(input: unknown): string {
  try {
    if (typeof input === "string") return input;
    if (typeof input === "object" && input !== null) return JSON.stringify(input) ?? "";
    return String(input);
  } catch {
    return Object.prototype.toString.call(input); // cyclic objects, throwing getters, ...
  }
}

function fromUnknown(input: unknown, expect: Expect, depth: number): Parsed {
  // a switch on typeof has the type's name built by a call; a cell is nearly always a string,
  // which one typeof comparison finds inline (measured: the call was 3% of a batch's time)
  if (typeof input === "string") return fromString(input, expect);
  switch (typeof input) {
    case "string":
      return fromString(input, expect);
    case "number":
      return fromNumber(input, expect);
    case "undefined":
      return BLANK;
    case "boolean": {
      const text = input ? "TRUE" : "FALSE";
      if (expect === "text") return { tag: "text", text };
      return problem(text, `${text} is not ${what(expect)}: ${hint(expect)}`);
    }
    case "bigint":
      if (expect === "number") {
        const value = decFromString(input.toString());
        return { tag: "number", value, currency: null, marked: false, text: input.toString() };
      }
      return fromString(input.toString(), expect);
    case "object": {
      if (input === null) return BLANK;
      // Excel's rich cell values carry what the grid shows in `basicValue`
      const basic = (input as { basicValue?: unknown }).basicValue;
      if (
        depth === 0 &&
        !Array.isArray(input) &&
        basic !== undefined &&
        typeof basic !== "object"
      ) {
        return fromUnknown(basic, expect, 1);
      }
      const text = describe(input);
      const why = Array.isArray(input)
        ? "a range, where one cell was expected"
        : "not a cell value";
      return problem(text, `${quote(text)} is ${why}`);
    }
    default: {
      const text = describe(input);
      return problem(text, `${quote(text)} is not a cell value`);
    }
  }
}

/** Reads a cell's value as people type it, for the kind of cell it is; never throws. */
export function parseCell(input: unknown, expect: Expect): Parsed {
  try {
    return fromUnknown(input, expect, 0);
  } catch {
    // a reader bug must not break a recalculation; keep the text and report it as unreadable
    const text = describe(input);
    return problem(text, `${quote(text)} could not be read: ${hint(expect)}`);
  }
}

/** True for a zero written any way: Nil, a dash, 0, 0.00, or a money list of zeros. */
export function isZeroish(p: Parsed): boolean {
  switch (p.tag) {
    case "nil":
      return true;
    case "number":
      return isZero(p.value);
    case "moneyList":
      return p.items.every((item) => isZero(item.value));
    default:
      return false;
  }
}

/** True for a cell that states nothing: blank, N/A, or a zero written any way. */
export function isEmptyish(p: Parsed): boolean {
  return p.tag === "blank" || p.tag === "na" || isZeroish(p);
}

/** Returns the figure a cell holds (Nil is zero), or null for anything else. */
export function numberOf(p: Parsed): Dec | null {
  return p.tag === "number" ? p.value : p.tag === "nil" ? ZERO : null;
}

function formatAmount(value: Dec, currency: Currency | null): string {
  const prefix = sign(value) < 0 ? "-" : "";
  const symbol = currency === null ? "" : currencySymbol(currency);
  return prefix + symbol + formatDec(sign(value) < 0 ? neg(value) : value);
}

/** What a figure carried beside it, for a message: " (Remarks)", "*", or nothing. */
function annotationOf(p: { marked: boolean; note?: string }): string {
  return p.note !== undefined ? ` ${quote(p.note).slice(1, -1)}` : p.marked ? "*" : "";
}

/** Writes a parsed cell for a message: "US$0.0353", "Nil*", "N/A", "05/12/2011", "(blank)". */
export function formatParsed(p: Parsed): string {
  switch (p.tag) {
    case "number":
      return formatAmount(p.value, p.currency) + annotationOf(p);
    case "nil":
      return "Nil" + annotationOf(p);
    case "na":
      return "N/A";
    case "blank":
      return "(blank)";
    case "date":
      return formatDate(p);
    case "moneyList":
      return p.items.map((item) => formatAmount(item.value, item.currency)).join(" and ");
    case "text":
    case "problem":
      return quote(p.text);
  }
}
