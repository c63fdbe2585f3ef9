/**
 * The insert form's last entries, kept per workbook by whatever the host offers (the preview's
 * browser storage, Office's document settings in Excel): the version, the issuer, the classes
 * and the line counts, never the month (next time is another month). What comes back from
 * storage is checked field by field; anything odd is dropped, so a bad entry never breaks the pane.
 */
import { formVersion, LIMITS } from "../form";
import type { BlockInput } from "./class-blocks";
import { COUNT_FIELDS, updatedInsert, type ClassInput, type InsertInput } from "./insert-form";

/** Where the host keeps a short text for this workbook; both calls may fail, and are caught. */
export interface PaneStorage {
  read(): string | null;
  write(text: string): void;
}

/** The entries remembered, as stored: a version tag, then the form's fields that carry over. */
interface Remembered extends Pick<
  InsertInput,
  "formId" | "issuer" | "classes" | "classCount" | "blocks" | "counts"
> {
  readonly v: 1;
  readonly eLines: Readonly<Record<string, string>>;
}

/** Far more than a real form holds; a stored text over it is not ours. */
const MAX_STORED = 64_000;
const MAX_TEXT = LIMITS.cellLength;
const BLOCK_KEYS = ["className", "type", "listed", "stockCode", "description"] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
/** A key that is safe to set on a plain object ("__proto__" would change its prototype). */
const isPlainKey = (key: string): boolean => key !== "__proto__" && key.length <= 40;
const text = (v: unknown): string | undefined =>
  typeof v === "string" && v.length <= MAX_TEXT ? v : undefined;

/** A record of short strings by key (counts, typed lines), keeping only the keys that pass. */
function strings(v: unknown, keys?: readonly string[]): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v).slice(0, 100)) {
    const s = text(value);
    if (s !== undefined && s.length <= 8 && (keys ? keys.includes(key) : isPlainKey(key)))
      out[key] = s;
  }
  return out;
}

function classesOf(v: unknown): Record<string, ClassInput> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, ClassInput> = {};
  for (const [id, c] of Object.entries(v).slice(0, LIMITS.classes * 2)) {
    if (!isPlainKey(id) || !isRecord(c) || typeof c.inUse !== "boolean") continue;
    const stockCode = text(c.stockCode);
    const description = text(c.description);
    if (stockCode !== undefined && description !== undefined)
      out[id] = { inUse: c.inUse, stockCode, description };
  }
  return out;
}

function blocksOf(v: unknown): BlockInput[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out: BlockInput[] = [];
  for (const b of v.slice(0, LIMITS.classes)) {
    if (!isRecord(b)) return undefined;
    const fields = BLOCK_KEYS.map((key) => [key, text(b[key])] as const);
    if (fields.some(([, value]) => value === undefined)) return undefined;
    out.push(Object.fromEntries(fields) as BlockInput);
  }
  return out;
}

/**
 * The form with what was remembered laid over it; the form as it was when nothing (or nothing
 * valid) was stored. Never throws.
 */
export function recallInsert(fresh: InsertInput, stored: string | null): InsertInput {
  if (stored === null || stored.length > MAX_STORED) return fresh;
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return fresh;
  }
  if (!isRecord(data) || data.v !== 1) return fresh;
  const formId = text(data.formId);
  const counts = strings(
    data.counts,
    COUNT_FIELDS.map((f) => f.key)
  );
  const classCount = text(data.classCount);
  const eLines = strings(data.eLines);
  // through the form's own update, so that a remembered version takes its classes as a choice would
  return updatedInsert(fresh, {
    ...(formId && formVersion(formId) ? { formId } : {}),
    issuer: text(data.issuer) ?? fresh.issuer,
    classes: { ...fresh.classes, ...classesOf(data.classes) },
    classCount: classCount !== undefined && classCount.length <= 8 ? classCount : fresh.classCount,
    blocks: blocksOf(data.blocks) ?? fresh.blocks,
    counts: { ...fresh.counts, ...counts },
    ...(eLines && Object.keys(eLines).length > 0 ? { eLines } : {}),
  });
}

/** What a storage holds, or null when it cannot be read. */
export function readStored(storage: PaneStorage | undefined): string | null {
  try {
    return storage?.read() ?? null;
  } catch {
    return null;
  }
}

/** Stores the form's entries; a storage that is full or refuses is left be (nothing depends on it). */
export function storeInsert(storage: PaneStorage | undefined, input: InsertInput): void {
  try {
    storage?.write(rememberedText(input));
  } catch {
    // remembering is a convenience: the form works the same without it
  }
}

/** The text to store for the form's entries (the month and the date submitted left out). */
export function rememberedText(input: InsertInput): string {
  const kept: Remembered = {
    v: 1,
    formId: input.formId,
    issuer: input.issuer,
    classes: input.classes,
    classCount: input.classCount,
    blocks: input.blocks,
    counts: input.counts,
    eLines: input.eLines ?? {},
  };
  return JSON.stringify(kept);
}

/** A storage over a key of a browser's localStorage (the preview keeps one workbook per page). */
export function keyedStorage(
  store: Pick<Storage, "getItem" | "setItem">,
  key: string
): PaneStorage {
  return { read: () => store.getItem(key), write: (value) => store.setItem(key, value) };
}
