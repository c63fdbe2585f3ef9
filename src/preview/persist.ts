/**
 * Keeps the preview's workbook across page reloads in localStorage: per sheet its name, its
 * plan's essentials (or, when those cannot remake it, the whole plan) and every input's raw
 * content; restored by re-applying each plan in tab order and writing the inputs back.
 * What was typed is never lost: whatever cannot be restored (unreadable, damaged, over the
 * limits) is kept aside under its own key, exactly as it was stored, until the user exports or
 * discards it; the next save then cannot overwrite it.
 */
import type { RawCellContent } from "hyperformula";
import { LIMITS } from "../form";
import type { TemplatePlan } from "../plan/types";
import { planFromEssentials, type Essentials } from "./essentials";
import type { PreviewWorkbook } from "./workbook";

/** Where the workbook is kept; the version changes when the stored shape does. */
export const STORAGE_KEY = "hkmr-preview-workbook/v1";

/** Where the pane's insert form keeps its last entries for this (the page's one) workbook. */
export const INSERT_FORM_KEY = "hkmr-preview-workbook/insert-form";

/** Where stored contents that could not be restored are kept aside: a JSON array of the texts. */
export const ASIDE_KEY = "hkmr-preview-workbook/not-restored";

/** The most sheets the preview keeps (the add-in's one set of limits). */
export const MAX_SHEETS = LIMITS.previewSheets;

/** One sheet as stored. */
interface StoredSheet {
  readonly name: string;
  readonly essentials?: Essentials;
  readonly plan?: TemplatePlan;
  readonly inputs: Readonly<Record<string, RawCellContent>>;
  readonly selection?: { readonly row: number; readonly col: number };
}

/** The workbook as stored. */
interface StoredWorkbook {
  readonly sheets: readonly StoredSheet[];
  readonly active: string | null;
}

/** The part of the Web Storage API this module uses (localStorage, or a stand-in in tests). */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What a restore brought back and what it kept aside. */
export interface RestoreReport {
  /** The names of the sheets (or "(the saved workbook)") that could not be restored. */
  readonly lost: readonly string[];
  /** Why, in words, one line each. */
  readonly reasons: readonly string[];
  /** Whether stored contents wait under ASIDE_KEY for the user to export or discard. */
  readonly keptAside: boolean;
}

/** The workbook in its stored form. */
function snapshot(workbook: PreviewWorkbook): StoredWorkbook {
  return {
    active: workbook.active?.name ?? null,
    sheets: workbook.sheets.map((sheet) => ({
      name: sheet.name,
      ...(sheet.essentials ? { essentials: sheet.essentials } : { plan: sheet.plan }),
      inputs: workbook.inputsOf(sheet),
      selection: workbook.selection(sheet.name),
    })),
  };
}

/**
 * Saves the workbook; returns null, or a message when the store refused (full, or off).
 */
export function saveWorkbook(workbook: PreviewWorkbook, store: KeyValueStore): string | null {
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(snapshot(workbook)));
    return null;
  } catch {
    return "The browser would not keep the workbook (storage full or disabled): it will be lost on reload. Export it as .xlsx to keep it.";
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isRaw = (v: unknown): v is RawCellContent =>
  v === null ||
  typeof v === "boolean" ||
  (typeof v === "number" && Number.isFinite(v)) ||
  (typeof v === "string" && v.length <= LIMITS.cellLength);

/** Why a stored sheet cannot be restored as it is, or null when its form is sound. */
function sheetProblem(stored: unknown): string | null {
  if (!isObject(stored)) return "not a sheet";
  if (typeof stored.name !== "string" || stored.name === "" || stored.name.length > 200)
    return "no sheet name";
  const { essentials, plan, inputs, selection } = stored;
  if (essentials !== undefined) {
    if (!isObject(essentials) || typeof essentials.formId !== "string") return "damaged form";
    if (!isObject(essentials.shape) || typeof essentials.monthEnded !== "string")
      return "damaged form";
  } else if (!isObject(plan) || !Array.isArray(plan.grid) || !Array.isArray(plan.names))
    return "no form to re-apply";
  if (!isObject(inputs) || !Object.values(inputs).every(isRaw)) return "damaged inputs";
  if (selection !== undefined) {
    if (!isObject(selection)) return "damaged selection";
    if (!Number.isInteger(selection.row) || !Number.isInteger(selection.col))
      return "damaged selection";
  }
  return null;
}

/** Keeps a stored text aside (after any kept before), unless it is there already. */
function keepAside(store: KeyValueStore, text: string): boolean {
  try {
    const before = store.getItem(ASIDE_KEY);
    let kept: unknown = [];
    try {
      kept = before ? JSON.parse(before) : [];
    } catch {
      kept = [before]; // what was kept aside stays, even if it is not ours
    }
    const list = (Array.isArray(kept) ? kept : [before]).filter(
      (t): t is string => typeof t === "string"
    );
    if (!list.includes(text)) store.setItem(ASIDE_KEY, JSON.stringify([...list, text]));
    return true;
  } catch {
    return false; // storage full: the original stays under STORAGE_KEY, see restoreWorkbook
  }
}

/** What the user may take away: every text kept aside, as stored, for export as a file. */
export function keptAside(store: KeyValueStore): string | null {
  return store.getItem(ASIDE_KEY);
}

/** Forgets what was kept aside, once the user has exported it or chosen to discard it. */
export function discardKeptAside(store: KeyValueStore): void {
  store.removeItem(ASIDE_KEY);
}

/** Re-applies one sound stored sheet; throws when it cannot. */
function restoreSheet(workbook: PreviewWorkbook, stored: StoredSheet): void {
  const plan = stored.essentials ? planFromEssentials(stored.essentials) : stored.plan;
  if (!plan) throw new Error("nothing to re-apply");
  const sheet = workbook.addSheet(
    { ...plan, sheetName: stored.name },
    stored.inputs,
    stored.essentials
  );
  if (stored.selection) workbook.select(sheet.name, stored.selection, false);
}

const WHOLE = "(the saved workbook)";

/**
 * Restores a saved workbook into an empty one: each sheet validated, then re-applied in tab
 * order (last month's before the months that read it) with its inputs. When any part cannot be
 * restored, the stored text is first kept aside (ASIDE_KEY), so nothing typed is lost.
 * Never throws.
 */
export function restoreWorkbook(workbook: PreviewWorkbook, store: KeyValueStore): RestoreReport {
  let text: string | null;
  try {
    text = store.getItem(STORAGE_KEY);
  } catch {
    return { lost: [WHOLE], reasons: ["the browser's storage cannot be read"], keptAside: false };
  }
  if (!text) return { lost: [], reasons: [], keptAside: false };
  const lost: string[] = [];
  const reasons: string[] = [];
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    saved = undefined;
  }
  const sheets: unknown[] = isObject(saved) && Array.isArray(saved.sheets) ? saved.sheets : [];
  if (!isObject(saved) || !Array.isArray(saved.sheets)) {
    lost.push(WHOLE);
    reasons.push(`${WHOLE}: unreadable`);
  } else if (sheets.length > MAX_SHEETS) {
    lost.push(WHOLE);
    reasons.push(`${WHOLE}: ${sheets.length} sheets; the preview keeps at most ${MAX_SHEETS}`);
  } else {
    for (const [k, stored] of sheets.entries()) {
      const name = isObject(stored) && typeof stored.name === "string" ? stored.name : `#${k + 1}`;
      const problem = sheetProblem(stored);
      try {
        if (problem) throw new Error(problem);
        restoreSheet(workbook, stored as StoredSheet);
      } catch (error) {
        lost.push(name.slice(0, 100));
        reasons.push(`${name.slice(0, 100)}: ${(error as Error).message ?? String(error)}`);
      }
    }
    const active = isObject(saved) && typeof saved.active === "string" ? saved.active : null;
    if (active && workbook.sheet(active)) workbook.activate(active);
    else if (workbook.sheets[0]) workbook.activate(workbook.sheets[0].name);
  }
  return { lost, reasons, keptAside: lost.length > 0 && keepAside(store, text) };
}

/**
 * Moves the saved workbook aside (ASIDE_KEY) and forgets it under its own key, so the page
 * starts empty and nothing typed is lost; false (and nothing removed) when it cannot be kept.
 */
export function moveAside(store: KeyValueStore): boolean {
  try {
    const text = store.getItem(STORAGE_KEY);
    if (text && !keepAside(store, text)) return false;
    store.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Forgets the saved workbook and the form's entries for it (what was kept aside stays until discarded). */
export function clearSavedWorkbook(store: KeyValueStore): void {
  store.removeItem(STORAGE_KEY);
  store.removeItem(INSERT_FORM_KEY);
}
