/**
 * The classes of shares of an FF301 return as the pane asks for them: how many blocks, and each
 * block's header (class, type, listing, stock code, description), with their checks.
 */
import { cellLengthProblem, formVersion, layoutOf, LIMITS, type Shape } from "../form";

/** The most classes of shares a new return may have (the add-in's one set of limits). */
export const MAX_CLASSES = LIMITS.classes;

/** The header cells of a class block the pane asks for, by their field key `auth.{c}.<key>`. */
export const BLOCK_KEYS = ["className", "type", "listed", "stockCode", "description"] as const;

/** A header cell of a class block. */
export type BlockKey = (typeof BLOCK_KEYS)[number];

/** What the user typed for one class block: text per header cell ("Yes" or "No" for listed). */
export type BlockInput = Readonly<Record<BlockKey, string>>;

/** The form field of a block's header cell, which also keys its message: "auth.c2.stockCode". */
export type BlockField = `auth.c${number}.${BlockKey}`;

/** A control of the block as the pane draws it: the form's label, and its choices if any. */
export interface BlockControl {
  readonly key: BlockKey;
  readonly label: string;
  readonly choices?: readonly string[];
}

/** A new class: ordinary shares, no type, listed on the Exchange; code and description to type. */
export const DEFAULT_BLOCK: BlockInput = {
  className: "Ordinary shares",
  type: "Not applicable",
  listed: "Yes",
  stockCode: "",
  description: "",
};

/** The form field of block `n` (1-based) for a header cell. */
export const blockField = (n: number, key: BlockKey): BlockField => `auth.c${n}.${key}`;

/** A class count as typed, or null unless a whole number from 1 to MAX_CLASSES. */
export function classCountOf(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_CLASSES ? n : null;
}

/** The blocks, grown with new classes up to `count`; never shrunk, so what was typed survives. */
export function withBlocks(blocks: readonly BlockInput[], count: number): readonly BlockInput[] {
  if (blocks.length >= count) return blocks;
  return [...blocks, ...Array.from({ length: count - blocks.length }, () => DEFAULT_BLOCK)];
}

const ONE_CLASS: Shape = {
  classes: 1,
  options: 0,
  fundsLines: 0,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 0,
};

/**
 * The block controls of a form version in its print order, labelled as the form prints them
 * (without the note number): "Class of shares" comes first in ff301-1.2, "Type of shares" in 1.0.
 */
export function blockControls(formId: string): BlockControl[] {
  const form = formVersion(formId);
  if (form?.classMode !== "blocks") return [];
  const keys: readonly string[] = BLOCK_KEYS;
  return layoutOf(form, ONE_CLASS).fields.flatMap((field) => {
    const key = field.id.replace(/^auth\.c1\./, "");
    if (key === field.id || !keys.includes(key)) return [];
    const label = field.caption.replace(/\s*\(Note \d+\)$/, "");
    return [{ key: key as BlockKey, label, ...(field.choices ? { choices: field.choices } : {}) }];
  });
}

/** The block's key on the form: its class, its type and its stock code (form-spec-ff301). */
const keyOf = (b: BlockInput): string =>
  [b.className, b.type, b.stockCode].map((v) => v.trim().toLowerCase()).join("|");

/** A Hong Kong stock code: 1 to 5 digits ("5", "00700", "80737"). */
const STOCK_CODE = /^\d{1,5}$/;

/** Checks the count and the first `count` blocks; a message per control that needs attention. */
export function validateBlocks(
  countText: string,
  blocks: readonly BlockInput[]
): Partial<Record<"classCount" | BlockField, string>> {
  const count = classCountOf(countText);
  if (count === null) return { classCount: `Between 1 and ${MAX_CLASSES} classes of shares` };
  const errors: Partial<Record<BlockField, string>> = {};
  const seen = new Map<string, number>();
  const codes = new Map<string, number>();
  withBlocks(blocks, count)
    .slice(0, count)
    .forEach((b, k) => {
      const n = k + 1;
      const code = b.stockCode.trim();
      if (!b.className.trim())
        errors[blockField(n, "className")] =
          `Class ${n}: enter the class of shares, e.g. Ordinary shares`;
      if (!b.type.trim())
        errors[blockField(n, "type")] = `Class ${n}: enter the type of shares, or Not applicable`;
      if (b.listed !== "Yes" && b.listed !== "No")
        errors[blockField(n, "listed")] =
          `Class ${n}: choose whether it is listed on the Exchange (Yes or No)`;
      if (b.listed === "Yes" && !code)
        errors[blockField(n, "stockCode")] =
          `Class ${n} is listed: enter its stock code (1 to 5 digits)`;
      else if (code && !STOCK_CODE.test(code))
        errors[blockField(n, "stockCode")] = `Class ${n}: a stock code is 1 to 5 digits`;
      else if (code && b.listed === "Yes" && codes.has(code))
        errors[blockField(n, "stockCode")] =
          `Class ${n}: stock code ${code} is already class ${codes.get(code)}'s`;
      else if (seen.has(keyOf(b)) && b.className.trim() && b.type.trim())
        errors[blockField(n, "className")] =
          `Class ${n} repeats class ${seen.get(keyOf(b))}: change its class, type or stock code`;
      for (const key of BLOCK_KEYS) {
        const long = cellLengthProblem(b[key]);
        if (long) errors[blockField(n, key)] = `Class ${n}: too long, ${long}`;
      }
      if (code && b.listed === "Yes" && !codes.has(code)) codes.set(code, n);
      if (!seen.has(keyOf(b))) seen.set(keyOf(b), n);
    });
  return errors;
}

/** The plan header's class part for `count` blocks: all in use, their cells as initial values. */
export function blockHeader(
  blocks: readonly BlockInput[],
  count: number
): {
  classesInUse: string[];
  classInfo: Record<string, { stockCode?: string; description?: string }>;
  values: Record<string, string>;
} {
  const used = withBlocks(blocks, count).slice(0, count);
  const values: Record<string, string> = {};
  used.forEach((b, k) => {
    for (const key of BLOCK_KEYS) {
      const text = b[key].trim();
      if (text) values[blockField(k + 1, key)] = text;
    }
  });
  return {
    classesInUse: used.map((_, k) => `c${k + 1}`),
    classInfo: Object.fromEntries(
      used.map((b, k) => [
        `c${k + 1}`,
        {
          stockCode: b.stockCode.trim() || undefined,
          description: b.description.trim() || undefined,
        },
      ])
    ),
    values,
  };
}
