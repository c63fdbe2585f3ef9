/**
 * What filed returns print beside a figure: "*" markers, a bracketed note such as "(Remarks)" or
 * "(Note 2)", and "per share" after a price. Each reader here walks the text once, with no regex
 * that could backtrack, so reading stays linear in the cell's length (a cell holds up to 32,767
 * characters).
 */
import { lookupCurrency } from "./currency";

/** A figure's text with what was printed beside it taken off. */
export interface Annotated {
  /** The text left to read as a figure (trimmed). */
  readonly figure: string;
  /** The bracketed note as printed ("(Remarks)"), or null where there was none. */
  readonly note: string | null;
  /** Whether a "*" marker or a note points at a remark (which excuses the figure's rules). */
  readonly marked: boolean;
}

const isSpace = (ch: number): boolean => ch === 32 || (ch >= 9 && ch <= 13);
const isLetter = (ch: number): boolean => (ch | 32) >= 97 && (ch | 32) <= 122;

/** Trims "*" markers and spaces from both ends; reports whether a "*" was there. */
export function stripMarkers(t: string): { text: string; marked: boolean } {
  let from = 0;
  let to = t.length;
  let marked = false;
  for (; from < to; from++) {
    const ch = t.charCodeAt(from);
    if (ch === 42) marked = true;
    else if (!isSpace(ch)) break;
  }
  for (; to > from; to--) {
    const ch = t.charCodeAt(to - 1);
    if (ch === 42) marked = true;
    else if (!isSpace(ch)) break;
  }
  return { text: from === 0 && to === t.length ? t : t.slice(from, to), marked };
}

/**
 * Whether the bracket t[from, to) is a note: it holds a word ("Note 2"), where "(1,000)" is a
 * figure, and it is not a currency ("(HK$)", which says what the figure is in, not where to look).
 */
function isNote(t: string, from: number, to: number): boolean {
  let letter = false;
  for (let i = from; i < to && !letter; i++) letter = isLetter(t.charCodeAt(i));
  return letter && (to - from > 12 || lookupCurrency(t.slice(from, to)) === null);
}

/** The index of the "(" that closes at t[end - 1] = ")", or -1 where the brackets do not pair. */
function openingOf(t: string, end: number): number {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const ch = t.charCodeAt(i);
    if (ch === 41) depth++;
    else if (ch === 40 && --depth === 0) return i;
  }
  return -1;
}

/** The index just past the ")" that closes t[0] = "(", or -1 where the brackets do not pair. */
function closingOf(t: string): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 40) depth++;
    else if (ch === 41 && --depth === 0) return i + 1;
  }
  return -1;
}

/** Takes a trailing "per share" (any case, any spacing between the words) off a price. */
function stripPerShare(t: string): string {
  const lower = t.length > 64 ? t.slice(-64).toLowerCase() : t.toLowerCase();
  const end = lower.trimEnd();
  if (!end.endsWith("share")) return t;
  const before = end.slice(0, -"share".length).trimEnd();
  if (!before.endsWith("per") || before.length === 3) return t;
  const gap = before.length - 3;
  // "per" must be a word of its own: "1.20 per share", not "1.20per share" glued to a currency
  if (!isSpace(before.charCodeAt(gap - 1))) return t;
  const cut = t.length - (lower.length - gap);
  return t.slice(0, cut).trimEnd();
}

/**
 * Takes off what a filed figure carries beside it: "*" at either end, one bracketed note with a
 * word in it before or after the figure ("HK$0.05 (Remarks)", "(Note 2) 1,000"), and "per share".
 * A bracket that is the whole text ("(1,000)", "(Not Applicable)") is the figure's own and stays.
 */
export function stripAnnotations(t: string): Annotated {
  let { text, marked } = stripMarkers(t);
  let note: string | null = null;
  if (text.length > 1 && text.charCodeAt(text.length - 1) === 41) {
    const open = openingOf(text, text.length);
    if (open > 0 && isNote(text, open, text.length)) {
      note = text.slice(open);
      text = text.slice(0, open);
    }
  }
  if (note === null && text.charCodeAt(0) === 40) {
    const close = closingOf(text);
    if (close > 0 && close < text.length && isNote(text, 0, close)) {
      note = text.slice(0, close);
      text = text.slice(close);
    }
  }
  if (note !== null) {
    const inner = stripMarkers(text);
    text = inner.text;
    marked = true; // a note points at the remarks, as "*" does (form-spec: excused)
  }
  const perShare = stripPerShare(text);
  if (perShare !== text) text = stripMarkers(perShare).text;
  return { figure: text, note, marked };
}
