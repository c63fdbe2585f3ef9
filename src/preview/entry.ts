/** What the preview's engine stores for what the user types into a cell, as Excel would. */
import type { RawCellContent } from "hyperformula";
import { isDateFormat } from "./number-format";

// what Excel turns into a number as it is typed: digits with thousands commas, decimals, a sign
// or brackets for a negative ("1,167,673,933", "(500)", "1,200,000.00"); "US$0.0353" stays text
const TYPED_NUMBER = /^(-?)(\(?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\)?)$/;

/**
 * What the engine stores for text typed into a cell, as Excel would: nothing for "", text as
 * typed in a text ("@") cell, a number for a typed figure in a number-formatted cell, and
 * otherwise the text for the engine to read (dates dd/mm/yyyy, formulas, words).
 */
export function entryOf(text: string, numberFormat: string | undefined): RawCellContent {
  if (text === "") return null;
  // an apostrophe keeps "3888" as text; one the user typed is already Excel's text prefix
  if (numberFormat === "@") return text.startsWith("'") ? text : `'${text}`;
  const m = numberFormat && !isDateFormat(numberFormat) ? TYPED_NUMBER.exec(text.trim()) : null;
  if (!m || m[2].length !== m[5].length || (m[1] && m[2])) return text;
  const value = Number(`${m[3].replace(/,/g, "")}${m[4] ?? ""}`);
  return m[1] || m[2] ? -value : value;
}
