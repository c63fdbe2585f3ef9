/**
 * The one place that decides how a value the user gave is typed into a template cell. The plan's
 * grid is what one would type into Excel, and every host writes it as typed (Excel through
 * `range.formulas`), so user text that Excel would read as a formula gets Excel's text prefix,
 * a leading apostrophe ("'=1+1" is the text "=1+1" in Excel, in HyperFormula and in the file).
 */
import type { Field } from "../form";

/**
 * The first characters that make Excel read what is typed as a formula ("=", "+", "-", "@"),
 * their full-width forms (an East Asian input method types them), and the apostrophe itself,
 * which Excel would otherwise take as the prefix and drop.
 */
const FORMULA_START = /^[=+\-@'\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A figure as Excel reads it when typed: a sign, digits with or without thousands commas, decimals. */
const PLAIN_FIGURE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The value kinds whose cells hold figures: a signed number typed there stays a number. */
const FIGURE_KINDS: ReadonlySet<Field["kind"]> = new Set(["shares", "money", "par", "price"]);

/** Text as typed so that Excel keeps it as text: with a leading apostrophe where it needs one. */
export function typedText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A value the user gave for an input cell of `kind`, as typed into the template: a plain signed
 * figure in a figure cell stays a figure ("-1,234"); anything else is text and stays text. The plan
 * only ever receives values (what a cell showed, or what the pane's form holds), never a formula:
 * a formula the user typed into a figure cell lives on in the sheet where they typed it, and roll
 * forward carries its result, the figure at the close of the month.
 */
export function typedValue(text: string, kind: Field["kind"]): string {
  return FIGURE_KINDS.has(kind) && PLAIN_FIGURE.test(text) ? text : typedText(text);
}

/** What a typed cell holds, as Excel reads it back: the text prefix is not part of the value. */
export function valueOfTyped(typed: string): string {
  return typed.startsWith("'") ? typed.slice(1) : typed;
}
