/**
 * Keeps the preview's workbook across page reloads in localStorage: per sheet its name, its
 * plan's essentials (or, when those cannot remake it, the whole plan) and every input's raw
 * content; restored by re-applying each plan in tab order and writing the inputs back.
 */
import type { RawCellContent } from "hyperformula";
import type { TemplatePlan } from "../plan/types";
import { planFromEssentials, type Essentials } from "./essentials";
import type { PreviewWorkbook } from "./workbook";

/** Where the workbook is kept; the version changes when the stored shape does. */
export const STORAGE_KEY = "hkmr-preview-workbook/v1";

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

/**
 * Restores a saved workbook into an empty one: each sheet re-applied in tab order (last month's
 * before the months that read it), then its inputs. Returns the names of sheets that could
 * not be restored (their saved form is unknown or damaged); the others are kept.
 */
export function restoreWorkbook(workbook: PreviewWorkbook, store: KeyValueStore): string[] {
  const text = store.getItem(STORAGE_KEY);
  if (!text) return [];
  let saved: StoredWorkbook;
  try {
    saved = JSON.parse(text) as StoredWorkbook;
    const sheets: unknown = saved.sheets;
    if (!Array.isArray(sheets)) return ["(the saved workbook)"];
  } catch {
    return ["(the saved workbook)"];
  }
  const lost: string[] = [];
  for (const stored of saved.sheets) {
    try {
      const plan = stored.essentials ? planFromEssentials(stored.essentials) : stored.plan;
      if (!plan) throw new Error("nothing to re-apply");
      const sheet = workbook.addSheet(
        { ...plan, sheetName: stored.name },
        stored.inputs ?? {},
        stored.essentials
      );
      if (stored.selection) workbook.select(sheet.name, stored.selection, false);
    } catch {
      lost.push(String(stored.name));
    }
  }
  const active = saved.active ?? workbook.sheets[0]?.name;
  if (active && workbook.sheet(active)) workbook.activate(active);
  else if (workbook.sheets[0]) workbook.activate(workbook.sheets[0].name);
  return lost;
}

/** Forgets the saved workbook. */
export function clearSavedWorkbook(store: KeyValueStore): void {
  store.removeItem(STORAGE_KEY);
}
