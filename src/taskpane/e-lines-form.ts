/**
 * The typed lines of part (E) as the "new return" form asks for them: how many lines of each type
 * (FF301 prints part (E) within each class, so a repurchase in two classes takes two lines), with
 * their checks, the shape they give, and each repeated line's class.
 */
import { formVersion } from "../form";
import { BLOCK_KEYS, withBlocks, type BlockInput } from "./class-blocks";

/** A typed line's count control, which also keys its message: "eLines.repurchase". */
export type ELineField = `eLines.${string}`;

/** A typed (E) line as the form lists it: its key and the form's own words. */
export interface ELineChoice {
  readonly key: string;
  readonly label: string;
}

/** The control of a typed line's count. */
export const eLineField = (key: string): ELineField => `eLines.${key}`;

/** The typed (E) lines of a version, in form order ("Other" is counted apart, otherMovements). */
export function eLineChoices(formId: string): ELineChoice[] {
  return (formVersion(formId)?.eLines ?? [])
    .filter((e) => !e.repeatable)
    .map((e) => ({ key: e.key, label: `${e.number}. ${e.label}` }));
}

/** A count as typed, or null unless a whole number from 0 to `max`. */
function countOf(text: string, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

/** Checks the counts typed for the version's typed lines; a message per count that does not read. */
export function validateELines(
  formId: string,
  typed: Readonly<Record<string, string>>,
  max: number
): Partial<Record<ELineField, string>> {
  const errors: Partial<Record<ELineField, string>> = {};
  for (const { key, label } of eLineChoices(formId)) {
    const text = typed[key];
    if (text !== undefined && countOf(text, max) === null)
      errors[eLineField(key)] = `Between 0 and ${max} lines "${label.replace(/^\d+\. /, "")}"`;
  }
  return errors;
}

/** The shape's `eLines`: the version's types whose count is not the form's one line, or none. */
export function eLinesOf(
  formId: string,
  typed: Readonly<Record<string, string>>,
  max: number
): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const { key } of eLineChoices(formId)) {
    const n = countOf(typed[key] ?? "1", max);
    if (n !== null && n !== 1) out[key] = n;
  }
  return Object.keys(out).length ? out : undefined;
}

const norm = (text: string): string => text.trim().toLowerCase();

/**
 * The text that names block `k` (0-based) in a line's class cell: the first of its description,
 * stock code, type and class that no other block carries, so it cannot resolve to another block;
 * null where every one is shared.
 */
export function classNameOf(blocks: readonly BlockInput[], k: number): string | null {
  const names = (b: BlockInput): string[] =>
    (["description", "stockCode", "type", "className"] as const)
      .map((key) => b[key].trim())
      .filter((t) => t !== "" && norm(t) !== "not applicable");
  const others = new Set(
    blocks.flatMap((b, j) => (j === k ? [] : BLOCK_KEYS.map((key) => norm(b[key]))))
  );
  return names(blocks[k]).find((t) => !others.has(norm(t))) ?? null;
}

/**
 * Initial class cells for the repeated typed lines: a type with n lines gives its k-th line the
 * k-th class block, for the first `classes` lines (one line per class, in block order).
 */
export function eLineClassValues(
  eLines: Readonly<Record<string, number>> | undefined,
  blocks: readonly BlockInput[],
  classes: number
): Record<string, string> {
  const used = withBlocks(blocks, classes).slice(0, classes);
  const values: Record<string, string> = {};
  for (const [type, n] of Object.entries(eLines ?? {})) {
    if (n < 2) continue; // one line: blank is the first class, as the form reads it
    for (let k = 0; k < Math.min(n, classes); k++) {
      const name = classNameOf(used, k);
      if (name) values[`E.${k === 0 ? type : `${type}${k + 1}`}.class`] = name;
    }
  }
  return values;
}
