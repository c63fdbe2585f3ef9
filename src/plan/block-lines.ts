import type { Field, Layout, UnitDef, UnitId } from "../form";
import { nameOf } from "./a1";
import { fieldOf, type Writer } from "./sections";
import { FORM_COLUMNS } from "./sheet";

// Part III of FF301 as line tables, in the order of the version's units: one line per row, each
// field in a fixed column, so that a line group (a column of a table) is one contiguous range for
// the check functions; under each table its subtotals per class, each under the column it totals.
// Then Sections IV and V, the remarks, the signature and the notes, in the form's own wording.

/** The line units of Part III and the domain of their line keys. */
const LINE_DOMAINS: Partial<
  Record<UnitId, "option" | "warrant" | "convertible" | "arrangement" | "eLine">
> = {
  option: "option",
  warrant: "warrant",
  convertible: "convertible",
  arrangement: "arrangement",
  eLine: "eLine",
};

/** A column of a line table: the field suffix it holds ("exercised"), where, and its caption. */
export interface LineColumn {
  readonly suffix: string;
  readonly col: number;
  readonly caption: string;
}

/** The key of a line unit's field template after its line ("A.{i}.exercised" -> "exercised"). */
const suffixOf = (key: string): string => key.slice(key.indexOf("{i}.") + 4);

/** Whether a unit's lines lead with their type ("1. Rights issue"): the lines of part (E). */
const typedLines = (unit: UnitDef): boolean => unit.id === "eLine";

/**
 * The columns of a line unit: its fields in the data's order, the remark last; the first at
 * column 1, or 2 where the line's type comes first. A caption is the lines' own label (each
 * distinct one, where line types word it differently: "Class of shares repurchased"), or the
 * template's where no line has the field.
 */
export function lineColumns(layout: Layout, unit: UnitDef): LineColumn[] {
  const domain = LINE_DOMAINS[unit.id];
  const keys = domain ? layout.domains[domain] : [];
  const part = unit.fields[0]?.key.split(".")[0] ?? "";
  const offset = typedLines(unit) ? 2 : 1;
  const templates = [...unit.fields.map((t) => [suffixOf(t.key), t.label]), ["remark", "Remarks"]];
  return templates.map(([suffix, label], k) => {
    const captions = new Set<string>();
    for (const key of keys) {
      const f = layout.byId.get(`${part}.${key}.${suffix}`);
      if (f) captions.add(f.caption);
    }
    const caption = captions.size > 0 ? [...captions].join(" / ") : label;
    return { suffix, col: offset + k, caption: caption.replace(/\{\w+\}/g, "").trim() };
  });
}

/** How wide the form part of an FF301 sheet is: the widest line table, and never narrower. */
export function blocksFormColumns(layout: Layout): number {
  let width = FORM_COLUMNS;
  for (const unit of layout.form.units) {
    if (!LINE_DOMAINS[unit.id]) continue;
    for (const c of lineColumns(layout, unit)) width = Math.max(width, c.col);
  }
  return width;
}

/** The columns between a line's opening and closing balances: its typed movements. */
function movementSpan(columns: readonly LineColumn[]): [number, number] | null {
  const from = columns.find((c) => c.suffix === "preceding");
  const to = columns.find((c) => c.suffix === "close");
  return from && to && to.col - from.col > 1 ? [from.col + 1, to.col - 1] : null;
}

/** A line table: the part's heading, the movement heading, the column captions, a row a line. */
function writeLineTable(w: Writer, unit: UnitDef, columns: readonly LineColumn[]): void {
  const { sheet, layout } = w;
  const headings = layout.form.headings;
  const domain = LINE_DOMAINS[unit.id]!;
  const part = unit.fields[0]?.key.split(".")[0] ?? "";
  sheet.next();
  sheet.text(1, unit.heading, "part", sheet.formColumns, "heading");
  const span = movementSpan(columns);
  if (span && headings["III.A.movement"]) {
    sheet.next();
    sheet.text(span[0], headings["III.A.movement"], "heading", span[1]);
  }
  sheet.next();
  if (typedLines(unit)) sheet.text(1, headings["III.E.type"] ?? "", "heading");
  for (const c of columns) sheet.text(c.col, c.caption, "heading");
  for (const key of layout.domains[domain]) {
    sheet.next();
    if (typedLines(unit)) {
      const type = layout.eLineType(key);
      sheet.text(1, `${type.number}. ${type.label}`, "label");
    }
    for (const c of columns) {
      const f = layout.byId.get(`${part}.${key}.${c.suffix}`);
      if (f) sheet.input(c.col, f);
    }
  }
}

const inUse = (w: Writer, classId: string | undefined): boolean =>
  classId === undefined ||
  w.header.classesInUse === undefined ||
  w.header.classesInUse.includes(classId);

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * A total's caption as the form prints it, naming its class by the class's own name ("Increase
 * in issued shares (excluding treasury shares): Ordinary shares (AA1)"): a formula on Section
 * I's "Class of shares" cell, which reads "class (1)" while that cell is blank.
 */
function captionOf(w: Writer, f: Field): string {
  const cls = w.layout.classes.find((c) => c.id === f.classId);
  const nameField = cls && w.layout.byId.get(`auth.${cls.id}.className`);
  const token = cls && `class ${cls.label}`;
  const at = token ? f.caption.indexOf(token) : -1;
  if (!nameField || !token || at < 0) return f.caption;
  const name = nameOf("", nameField.id);
  const [before, after] = [f.caption.slice(0, at), f.caption.slice(at + token.length)];
  return `=${quoted(before)}&IF(${name}="",${quoted(token)},${name})&${quoted(after)}`;
}

/**
 * Per-class totals, a row each, the figure under the column it totals: a treasury total under
 * the (X2) column, any other under the new shares (X1 or X) column. Classes not in use read N/A.
 */
function writeClassTotals(w: Writer, fields: readonly Field[], columns: readonly LineColumn[]) {
  const { sheet } = w;
  const colOf = (suffix: string): number =>
    columns.find((c) => c.suffix === suffix)?.col ?? columns[0]?.col ?? 2;
  for (const f of fields) {
    sheet.next();
    sheet.text(1, captionOf(w, f), "label");
    const col = colOf(f.id.includes(".treasury.") ? "treasury" : "issued");
    sheet.input(col, f, inUse(w, f.classId) ? "" : "N/A", undefined, "total");
  }
}

/** The funds raised from options: a line per currency, the currency then the amount. */
function writeFundsLines(w: Writer): void {
  const { sheet, layout } = w;
  for (const key of layout.domains.fundsLine) {
    const [currency, amount] = [`A.funds.${key}.currency`, `A.funds.${key}.amount`];
    sheet.next();
    sheet.text(1, layout.form.headings["III.funds"] ?? fieldOf(w, amount).caption, "label");
    sheet.input(2, fieldOf(w, currency));
    sheet.input(3, fieldOf(w, amount), "", undefined, "total");
  }
}

/** Part III: its heading, then each of its units in the data's order. */
export function writeParts(w: Writer): void {
  const { sheet, layout } = w;
  sheet.next();
  sheet.text(1, layout.form.headings.III ?? "", "section", sheet.formColumns, "heading");
  let columns: LineColumn[] = [];
  for (const unit of layout.form.units.filter((u) => u.section === "III")) {
    if (LINE_DOMAINS[unit.id]) {
      columns = lineColumns(layout, unit);
      sheet.gap();
      writeLineTable(w, unit, columns);
    } else if (unit.id === "funds") {
      writeFundsLines(w);
    } else {
      if (unit.id === "totals") sheet.gap(); // the totals of A to E close Part III
      const fields = layout.fields.filter((f) => f.unit === unit.id);
      writeClassTotals(w, fields, columns);
    }
  }
  sheet.gap();
}

/** One line of the form's own text across the sheet, where the version has it. */
function writeWording(w: Writer, text: string | undefined, style: "section" | "note"): void {
  if (!text) return;
  w.sheet.next();
  w.sheet.text(1, text, style, w.sheet.formColumns, style === "section" ? "heading" : "label");
}

/** A field's label and its input across the sheet (or up to `toCol`). */
function writeWide(w: Writer, id: string, label: string, initial = "", toCol?: number): void {
  w.sheet.next();
  w.sheet.text(1, label, "label");
  w.sheet.input(2, fieldOf(w, id), initial, toCol ?? w.sheet.formColumns);
}

/** The headings key of each signature field's label, where the form data has one. */
const SIGNATURE_HEADINGS: Readonly<Record<string, string>> = {
  "sig.remarks": "remarks",
  "sig.submittedBy": "submittedBy",
  "sig.title": "title",
};

/** Sections IV and V, the remarks, "Submitted by", "Title" with its officer wording, the notes. */
export function writeClosingSections(w: Writer): void {
  const { sheet, layout } = w;
  const form = layout.form;
  const headings = form.headings;
  for (const unit of form.units.filter((u) => u.id === "hdrInfo" || u.id === "confirmations")) {
    writeWording(w, headings[unit.section] ?? unit.heading, "section");
    if (unit.id === "confirmations") {
      writeWording(w, headings["V.statement"], "note");
      for (const item of (headings["V.items"] ?? "").split("\n")) writeWording(w, item, "note");
    }
    const initial = unit.id === "hdrInfo" ? (headings["IV.default"] ?? "") : "";
    for (const f of layout.fields.filter((x) => x.unit === unit.id))
      writeWide(w, f.id, f.caption, initial);
    sheet.gap();
  }
  for (const f of layout.fields.filter((x) => x.unit === "signature")) {
    const key = SIGNATURE_HEADINGS[f.id];
    const label = (key && headings[key]) || f.caption;
    writeWide(w, f.id, label, "", f.kind === "remark" ? undefined : 6);
    if (f.id === "sig.title" && headings.officer) {
      sheet.next();
      sheet.text(2, headings.officer, "note", 6);
    }
  }
  sheet.gap();
  sheet.next();
  sheet.text(1, "Notes:", "note");
  for (const note of form.notes) writeWording(w, note, "note");
  writeWording(w, form.footer, "note");
}
