import { formVersion, layoutOf } from "../form";
import { nameOf } from "../plan/a1";
import type { SheetReturn } from "../plan/host";
import { META_NAME, readMeta } from "../plan/meta";
import { areaOfAddress, cellOfName } from "./addresses";

/** A defined name as read from Excel. */
export interface NameRead {
  readonly name: string;
  readonly formula: string;
}

/** The used range as read from Excel (null when the sheet has no values). */
export interface UsedRead {
  readonly address: string;
  readonly values: readonly (readonly unknown[])[];
}

/** The proxies one read of a sheet loads; all of them come back in the same sync. */
export interface SheetReadHandles {
  readonly sheet: Excel.Worksheet;
  readonly names: Excel.NamedItemCollection;
  readonly used: Excel.Range;
}

/**
 * Queues the loads that read a return (ExcelApi 1.7 for a name's formula, 1.4 for the used
 * range): the sheet's name, its worksheet-scoped names and the values of its used range.
 */
export function queueSheetRead(sheet: Excel.Worksheet): SheetReadHandles {
  sheet.load("name");
  const names = sheet.names;
  names.load("items/name,items/formula");
  // values only: formatting alone does not stretch the range (and the read)
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address,values");
  return { sheet, names, used };
}

/** The return the loaded handles describe, after the sync (null without the metadata name). */
export function returnFromHandles(handles: SheetReadHandles): SheetReturn | null {
  const names = handles.names.items.map((n) => {
    const formula: unknown = n.formula;
    return { name: n.name, formula: typeof formula === "string" ? formula : "" };
  });
  const used = handles.used.isNullObject
    ? null
    : { address: handles.used.address, values: handles.used.values as unknown[][] };
  return returnOf(handles.sheet.name, names, used);
}

/** The metadata of a sheet from its names, or null when it is no return of this add-in. */
export function metaOf(names: readonly NameRead[]): ReturnType<typeof readMeta> {
  const meta = names.find((n) => n.name.toLowerCase() === META_NAME.toLowerCase());
  return meta ? readMeta(meta.formula, "throw") : null;
}

/**
 * Maps a sheet's names and used range to a return: each input field of the form and shape the
 * metadata names is looked up by its defined name and read from the used range. A field whose
 * name is gone or no longer points at one cell of this sheet is left out (it reads as blank);
 * a named cell outside the used range is blank ("").
 */
export function returnOf(
  sheetName: string,
  names: readonly NameRead[],
  used: UsedRead | null
): SheetReturn | null {
  const meta = metaOf(names);
  const form = meta && formVersion(meta.formId);
  if (!meta || !form) return null;
  const byName = new Map(names.map((n) => [n.name.toLowerCase(), n.formula]));
  const area = used ? areaOfAddress(used.address) : null;
  const values: Record<string, unknown> = {};
  for (const field of layoutOf(form, meta.shape).fields) {
    const formula = byName.get(nameOf("", field.id).toLowerCase());
    const cell = formula === undefined ? null : cellOfName(formula, sheetName);
    if (!cell) continue;
    const row = used && area ? used.values[cell.row - area.row] : undefined;
    const value = area && row ? row[cell.col - area.col] : undefined;
    values[field.id] = value === undefined || value === null ? "" : value;
  }
  return { sheetName, formId: meta.formId, shape: meta.shape, monthEnd: meta.monthEnd, values };
}
