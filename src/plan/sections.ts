import type { ClassDef, Field, Layout } from "../form";
import { FORM_COLUMNS, type SheetBuilder } from "./sheet";
import type { PlanHeader } from "./types";

// Lays out the form's sections on the sheet, in form order, with the form's own wording.
// Line tables put one line per row, each field in a fixed column, so that a line group (a
// column of the table) is one contiguous range for the check functions.

const LAST = FORM_COLUMNS;

/** The layout and the sheet being written, with the header's initial values. */
export interface Writer {
  readonly layout: Layout;
  readonly sheet: SheetBuilder;
  readonly header: PlanHeader;
}

/** The field of an id; a missing one is a bug in the form data or in the writer. */
export const fieldOf = (w: Writer, id: string): Field => {
  const f = w.layout.byId.get(id);
  if (!f) throw new Error(`The form has no field ${id}`);
  return f;
};

const fill = (text: string, cls: ClassDef): string =>
  text.replace("{noun}", cls.noun).replace("{label}", cls.label).replace("{class}", cls.label);

/** The field's own label, as the form prints it beside the cell. */
const ownLabel = (f: Field): string => f.caption;

const inUse = (w: Writer, cls: ClassDef): boolean =>
  w.header.classesInUse === undefined || w.header.classesInUse.includes(cls.id);

/** Lays out every section of the 2011 form (fixed class slots) on the sheet. */
export function writeSlotsForm(w: Writer, monthEnded: string, submitted: string): void {
  const { sheet, layout } = w;
  const headings = layout.form.headings;
  writeHeader(w, monthEnded, submitted);
  writeAuthorised(w);
  writeIssued(w);
  sheet.next();
  sheet.text(1, headings.III ?? "", "section", LAST, "heading");
  const unit = (id: string): string => layout.form.units.find((u) => u.id === id)?.heading ?? id;
  const parts: [string, string, readonly string[]][] = [
    ["A", unit("option"), layout.domains.option],
    ["B", unit("warrant"), layout.domains.warrant],
    ["C", unit("convertible"), layout.domains.convertible],
    ["D", unit("arrangement"), layout.domains.arrangement],
  ];
  for (const [part, heading, keys] of parts) {
    const columns = writeLines(w, heading, part, keys);
    writeTotals(w, part, columns.get("issued") ?? 2);
    if (part === "A") writeFunds(w);
    sheet.gap();
  }
  const eLabel = (key: string): string => {
    const type = layout.eLineType(key);
    return `${type.number}. ${type.label}`;
  };
  const columns = writeLines(w, unit("eLine"), "E", layout.domains.eLine, eLabel);
  writeTotals(w, "E", columns.get("issued") ?? 2);
  writeClosing(w);
}

/** The header: month, issuer, date submitted, and the registered-capital flag. */
export function writeHeader(w: Writer, monthEnded: string, submitted: string): void {
  const { sheet, layout } = w;
  sheet.next();
  sheet.text(1, layout.form.title, "title", LAST, "heading");
  sheet.next();
  sheet.text(1, ownLabel(fieldOf(w, "hdr.monthEnded")), "label");
  sheet.input(2, fieldOf(w, "hdr.monthEnded"), monthEnded);
  sheet.next();
  sheet.text(1, layout.form.headings.to ?? "", "label", 4);
  sheet.next();
  sheet.text(1, ownLabel(fieldOf(w, "hdr.issuer")), "label");
  sheet.input(2, fieldOf(w, "hdr.issuer"), w.header.issuer ?? "", 5);
  sheet.next();
  sheet.text(1, ownLabel(fieldOf(w, "hdr.submitted")), "label");
  sheet.input(2, fieldOf(w, "hdr.submitted"), submitted);
  sheet.next();
  sheet.text(1, ownLabel(fieldOf(w, "hdr.registered")), "label");
  sheet.input(2, fieldOf(w, "hdr.registered"), "No");
  sheet.gap();
}

/** Section I: a block per class, then the total authorised share capital. */
export function writeAuthorised(w: Writer): void {
  const { sheet, layout } = w;
  const form = layout.form;
  sheet.next();
  sheet.text(1, form.headings.I ?? "", "section", LAST, "heading");
  let kind = "";
  for (const cls of layout.classes) {
    if (cls.kind !== kind && form.headings[`I.${cls.kind}`]) {
      kind = cls.kind;
      sheet.next();
      sheet.text(1, form.headings[`I.${cls.kind}`], "part", LAST, "heading");
    }
    const info = w.header.classInfo?.[cls.id];
    sheet.next();
    sheet.text(1, `${cls.label} ${ownLabel(fieldOf(w, `auth.${cls.id}.stockCode`))}`, "label");
    sheet.input(2, fieldOf(w, `auth.${cls.id}.stockCode`), info?.stockCode ?? "");
    sheet.text(3, ownLabel(fieldOf(w, `auth.${cls.id}.description`)), "label");
    sheet.input(4, fieldOf(w, `auth.${cls.id}.description`), info?.description ?? "", 6);
    sheet.next();
    form.authColumns.forEach((col, k) => sheet.text(2 + k, fill(col.label, cls), "heading"));
    sheet.next();
    sheet.text(1, "State currency of the column", "note");
    sheet.input(3, fieldOf(w, `auth.${cls.id}.parCurrency`));
    sheet.input(4, fieldOf(w, `auth.${cls.id}.capitalCurrency`));
    for (const row of ["preceding", "movement", "close"] as const) {
      sheet.next();
      sheet.text(1, form.rows[row], "label");
      form.authColumns.forEach((col, k) => {
        sheet.input(2 + k, fieldOf(w, `auth.${cls.id}.${row}.${col.key}`));
      });
    }
    sheet.next();
    sheet.text(1, "Remarks", "label");
    sheet.input(2, fieldOf(w, `auth.${cls.id}.remark`), "", 6);
  }
  sheet.next();
  sheet.text(1, ownLabel(fieldOf(w, "auth.total")), "label");
  sheet.input(2, fieldOf(w, "auth.total"), "", 4, "total");
  sheet.gap();
}

/** Section II: a column per class (and per column of the version), rows preceding to close. */
export function writeIssued(w: Writer): void {
  const { sheet, layout } = w;
  const form = layout.form;
  const columns = layout.classes.flatMap((cls) => form.issuedColumns.map((col) => ({ cls, col })));
  sheet.next();
  sheet.text(1, form.headings.II ?? "", "section", LAST, "heading");
  sheet.next();
  columns.forEach(({ cls, col }, k) => sheet.text(2 + k, fill(col.label, cls), "heading"));
  for (const row of ["preceding", "movement", "close"] as const) {
    sheet.next();
    sheet.text(
      1,
      row === "movement" ? (form.headings["II.movement"] ?? form.rows[row]) : form.rows[row],
      "label"
    );
    columns.forEach(({ cls, col }, k) => {
      const unused = !inUse(w, cls);
      const initial = unused ? (row === "movement" ? "Nil" : "N/A") : "";
      sheet.input(2 + k, fieldOf(w, `issued.${cls.id}.${row}.${col.key}`), initial);
    });
  }
  sheet.next();
  sheet.text(1, "Remarks", "label");
  layout.classes.forEach((cls, k) => {
    sheet.input(2 + k * form.issuedColumns.length, fieldOf(w, `issued.${cls.id}.remark`));
  });
  sheet.gap();
}

/** A line table: a heading row of the unit's labels, then one row per line. */
export function writeLines(
  w: Writer,
  heading: string,
  prefix: string,
  keys: readonly string[],
  lineLabel?: (key: string) => string
): Map<string, number> {
  const { sheet, layout } = w;
  const sample = layout.fields.filter((f) => f.group === `${prefix}.${keys[0] ?? "1"}`);
  const templates = unitColumns(w, prefix);
  sheet.next();
  sheet.text(1, heading, "part", LAST, "heading");
  sheet.next();
  const offset = lineLabel ? 2 : 1;
  if (lineLabel) sheet.text(1, layout.form.headings["III.E.type"] ?? "Type of Issue", "heading");
  templates.forEach((suffix, k) => {
    const example = sample.find((f) => f.id.endsWith(`.${suffix}`)) ?? firstWith(w, prefix, suffix);
    sheet.text(offset + k, example ? columnLabel(example) : suffix, "heading");
  });
  for (const key of keys) {
    sheet.next();
    if (lineLabel) sheet.text(1, lineLabel(key), "label");
    templates.forEach((suffix, k) => {
      const f = layout.byId.get(`${prefix}.${key}.${suffix}`);
      if (f) sheet.input(offset + k, f);
    });
  }
  return new Map(templates.map((suffix, k) => [suffix, offset + k]));
}

/** The field suffixes of a line unit in form order ("particulars", "price", ...). */
function unitColumns(w: Writer, prefix: string): string[] {
  const out: string[] = [];
  for (const f of w.layout.fields) {
    const m = f.id.startsWith(`${prefix}.`) ? /^[^.]+\.([^.]+)\.([^.]+)$/.exec(f.id) : null;
    if (m && m[1] !== "total" && m[1] !== "funds" && !out.includes(m[2])) out.push(m[2]);
  }
  // the remark column closes every line
  return [...out.filter((s) => s !== "remark"), ...out.filter((s) => s === "remark")];
}

const firstWith = (w: Writer, prefix: string, suffix: string): Field | undefined =>
  w.layout.fields.find((f) => f.id.startsWith(`${prefix}.`) && f.id.endsWith(`.${suffix}`));

/** A column heading: the field's label, with the E line's own wording removed. */
const columnLabel = (f: Field): string => ownLabel(f);

/** The per-class totals of a part: one row each, the figure under the part's "new shares" column. */
export function writeTotals(w: Writer, part: string, col: number): void {
  const { sheet, layout } = w;
  for (const cls of layout.classes) {
    const f = fieldOf(w, `${part}.total.${cls.id}`);
    sheet.next();
    sheet.text(1, ownLabel(f), "label");
    sheet.input(col, f, inUse(w, cls) ? "" : "N/A", undefined, "total");
  }
}

/** The funds raised from options: a line per currency. */
export function writeFunds(w: Writer): void {
  const { sheet, layout } = w;
  for (const key of layout.domains.fundsLine) {
    sheet.next();
    sheet.text(1, ownLabel(fieldOf(w, `A.funds.${key}.amount`)), "label");
    sheet.input(2, fieldOf(w, `A.funds.${key}.currency`));
    sheet.input(3, fieldOf(w, `A.funds.${key}.amount`), "", undefined, "total");
  }
}

/** Totals of A to E per class, the form's note, remarks and signature. */
export function writeClosing(w: Writer): void {
  const { sheet, layout } = w;
  const form = layout.form;
  sheet.gap();
  for (const cls of layout.classes) {
    const f = fieldOf(w, `AtoE.${cls.id}`);
    sheet.next();
    sheet.text(1, ownLabel(f), "label");
    sheet.input(2, f, inUse(w, cls) ? "" : "N/A", undefined, "total");
  }
  if (form.headings["III.tieNote"]) {
    sheet.next();
    sheet.text(1, form.headings["III.tieNote"], "note", LAST);
  }
  sheet.gap();
  for (const id of ["sig.remarks", "sig.submittedBy", "sig.title"]) {
    sheet.next();
    sheet.text(1, ownLabel(fieldOf(w, id)), "label");
    sheet.input(2, fieldOf(w, id), "", id === "sig.remarks" ? LAST : 6);
  }
  sheet.gap();
  sheet.next();
  sheet.text(1, "Notes:", "note");
  for (const note of form.notes) {
    sheet.next();
    sheet.text(1, note, "note", LAST);
  }
}
