import { formVersion, layoutOf, type Shape } from "../form";
import { LruMap } from "../form/lru";
import { shapeCode } from "../rules/check-cell";
import { toExcelSerial } from "../values/dates";
import { parseCell } from "../values/parse";
import { blocksFormColumns } from "./block-lines";
import { writeBlocksForm } from "./blocks";
import { writeSlotsForm, type Writer } from "./sections";
import { FORM_COLUMNS, numberFormatsOf, SheetBuilder, type Position } from "./sheet";

/**
 * A date the plan writes, as Excel's date serial (1900 system): a number means the same day in
 * every locale, where "03/07/2026" written through Office.js reads as 7 March (US order). Text
 * that reads as no date stays as typed.
 */
export const asDateSerial = (text: string | undefined): string => {
  const p = parseCell(text ?? "", "date");
  return p.tag === "date" ? String(toExcelSerial(p)) : (text ?? "");
};

/** Lays out every section of the form on the sheet, by how the form keeps its classes. */
export function writeForm(w: Writer): void {
  const [monthEnded, submitted] = [
    asDateSerial(w.header.monthEnded),
    asDateSerial(w.header.submitted),
  ];
  if (w.layout.form.classMode === "blocks") writeBlocksForm(w, monthEnded, submitted);
  else writeSlotsForm(w, monthEnded, submitted);
}

/** The form's own columns for a version and shape: the blocks of FF301 size theirs. */
export function formColumnsOf(formId: string, shape: Shape): number {
  const form = formVersion(formId);
  if (!form) throw new RangeError(`Unknown form version "${formId}"`);
  return form.classMode === "blocks" ? blocksFormColumns(layoutOf(form, shape)) : FORM_COLUMNS;
}

// the shapes in use stay, as the layouts' own memo keeps them
const memo = new LruMap<string, ReadonlyMap<string, Position>>(64);

/**
 * Where each field's cell goes on a new sheet of a form version and shape, as the template
 * writes it (the header changes what cells hold, never where they are).
 */
export function fieldPositionsOf(formId: string, shape: Shape): ReadonlyMap<string, Position> {
  const key = `${formId}|${shapeCode(shape)}`;
  let positions = memo.get(key);
  if (!positions) {
    const form = formVersion(formId);
    if (!form) throw new RangeError(`Unknown form version "${formId}"`);
    const layout = layoutOf(form, shape);
    const sheet = new SheetBuilder(formColumnsOf(formId, shape), numberFormatsOf(form.negatives));
    writeForm({ layout, sheet, header: {} });
    positions = sheet.fieldAt;
    memo.set(key, positions);
  }
  return positions;
}
