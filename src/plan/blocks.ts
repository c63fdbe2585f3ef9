import type { ClassDef, Field } from "../form";
import { nameOf } from "./a1";
import { writeParts, writeClosingSections } from "./block-lines";
import { fieldOf, type Writer } from "./sections";

// FF301 (classMode "blocks"): the header, then a numbered block per class in Sections I and II,
// each under the class header; Section II repeats the header as formulas on Section I's cells,
// so the user types it once. Every label is the form's own wording from the version's data.

const ROWS = ["preceding", "movement", "close"] as const;

/** The class header's fields in print order, row by row (keys of `auth.{c}.<key>`). */
const HEADER_ROWS: readonly (readonly string[])[] = [
  ["className", "type", "listed"],
  ["stockCode", "description"],
  ["multiCode", "multiDescription"],
];

/** Where each field of a header row goes: label from/to and value from/to, by fields per row. */
const HEADER_CELLS: Readonly<
  Record<number, readonly (readonly [number, number, number, number])[]>
> = {
  1: [[1, 1, 2, 9]],
  2: [
    [1, 1, 2, 3],
    [4, 4, 5, 9],
  ],
  3: [
    [1, 1, 2, 3],
    [4, 4, 5, 6],
    [7, 8, 9, 9],
  ],
};

const inUse = (w: Writer, cls: ClassDef): boolean =>
  w.header.classesInUse === undefined || w.header.classesInUse.includes(cls.id);

/** Whether a field is a cell of a block's table (`auth.c1.close.shares`). */
const isGridCell = (f: Field): boolean =>
  /^[^.]+\.[^.]+\.(preceding|movement|close)\.[^.]+$/.test(f.id);

/** A block's fields besides its grid and remark, in form order (header, Note 3, float). */
const extrasOf = (w: Writer, group: string): Field[] =>
  (w.layout.byGroup.get(group) ?? []).filter((f) => f.kind !== "remark" && !isGridCell(f));

/** The class header's fields as rows: the known rows first, any other field on a row of its own. */
function headerRows(w: Writer, cls: ClassDef): Field[][] {
  const fields = extrasOf(w, `auth.${cls.id}`);
  const byKey = new Map(fields.map((f) => [f.id.slice(`auth.${cls.id}.`.length), f]));
  const rows = HEADER_ROWS.map((keys) =>
    keys.flatMap((key) => (byKey.has(key) ? [byKey.get(key)!] : []))
  );
  const placed = new Set(rows.flat());
  return [...rows, ...fields.filter((f) => !placed.has(f)).map((f) => [f])].filter(
    (row) => row.length > 0
  );
}

/**
 * The class header of block `n`: "1. Class of shares" and its cells. In Section I the values
 * are inputs; in Section II they are formulas reading Section I's cells by name.
 */
function writeClassHeader(w: Writer, cls: ClassDef, n: number, mirror: boolean): void {
  const { sheet } = w;
  headerRows(w, cls).forEach((row, r) => {
    sheet.next();
    row.forEach((f, k) => {
      const [labelFrom, labelTo, valueFrom, valueTo] = HEADER_CELLS[row.length]?.[k] ?? [
        1, 1, 2, 9,
      ];
      const label = r === 0 && k === 0 ? `${n}. ${f.caption}` : f.caption;
      sheet.text(labelFrom, label, "label", labelTo);
      if (mirror) {
        // "" & name: a blank header cell shows blank, not 0
        sheet.text(valueFrom, `=""&${nameOf("", f.id)}`, "label", valueTo);
      } else {
        const info = w.header.classInfo?.[cls.id];
        const key = f.id.slice(`auth.${cls.id}.`.length);
        const initial = key === "stockCode" || key === "description" ? info?.[key] : undefined;
        sheet.input(valueFrom, f, initial ?? "", valueTo);
      }
    });
  });
}

/** The header: title, month ended and status, the addressee, issuer, date submitted, flag. */
function writeBlocksHeader(w: Writer, monthEnded: string, submitted: string): void {
  const { sheet, layout } = w;
  const form = layout.form;
  const last = sheet.formColumns;
  sheet.next();
  sheet.text(1, form.title, "title", last, "heading");
  sheet.next();
  sheet.text(1, fieldOf(w, "hdr.monthEnded").caption, "label");
  sheet.input(2, fieldOf(w, "hdr.monthEnded"), monthEnded);
  const status = fieldOf(w, "hdr.status");
  sheet.text(4, status.caption, "label");
  sheet.input(5, status, status.choices?.[0] ?? "", 6);
  sheet.next();
  sheet.text(1, form.headings.to ?? "", "label", 4);
  sheet.next();
  sheet.text(1, fieldOf(w, "hdr.issuer").caption, "label");
  sheet.input(2, fieldOf(w, "hdr.issuer"), w.header.issuer ?? "", 6);
  sheet.next();
  sheet.text(1, fieldOf(w, "hdr.submitted").caption, "label");
  sheet.input(2, fieldOf(w, "hdr.submitted"), submitted);
  sheet.next();
  sheet.text(1, fieldOf(w, "hdr.registered").caption, "label");
  sheet.input(2, fieldOf(w, "hdr.registered"), "No");
  sheet.gap();
}

/** A block's 3x3 (or 3xN) table: the columns' captions, then preceding, movement and close. */
function writeBlockTable(
  w: Writer,
  cls: ClassDef,
  prefix: "auth" | "issued",
  columns: readonly { key: string; label: string }[],
  movement: string
): void {
  const { sheet, layout } = w;
  const unused = prefix === "issued" && !inUse(w, cls);
  sheet.next();
  columns.forEach((col, k) => sheet.text(2 + k, col.label, "heading"));
  for (const row of ROWS) {
    sheet.next();
    sheet.text(1, row === "movement" ? movement : layout.form.rows[row], "label");
    columns.forEach((col, k) => {
      const initial = unused ? (row === "movement" ? "Nil" : "N/A") : "";
      sheet.input(2 + k, fieldOf(w, `${prefix}.${cls.id}.${row}.${col.key}`), initial);
    });
  }
}

/** A block's remark cell, on a row of its own. */
function writeRemark(w: Writer, group: string): void {
  w.sheet.next();
  w.sheet.text(1, "Remarks", "label");
  w.sheet.input(2, fieldOf(w, `${group}.remark`), "", 9);
}

/** Section I: a block per class (header and table), then the total authorised capital. */
function writeAuthorisedBlocks(w: Writer): void {
  const { sheet, layout } = w;
  const form = layout.form;
  sheet.next();
  sheet.text(1, form.headings.I ?? "", "section", sheet.formColumns, "heading");
  layout.classes.forEach((cls, k) => {
    writeClassHeader(w, cls, k + 1, false);
    writeBlockTable(w, cls, "auth", form.authColumns, form.rows.movement);
    writeRemark(w, `auth.${cls.id}`);
    sheet.gap();
  });
  const total = fieldOf(w, "auth.total");
  sheet.next();
  sheet.text(1, total.caption, "label");
  sheet.input(2, total, "", 4, "total");
  sheet.gap();
}

/**
 * A Section II block's cells besides its table, in form order: a figure (Note 3) under the last
 * column; tick boxes with their wording, after the float confirmation's heading and statement;
 * a text (threshold, additional information) across the block, after the requirement.
 */
function writeIssuedExtras(w: Writer, cls: ClassDef, figureColumn: number): void {
  const { sheet, layout } = w;
  const headings = layout.form.headings;
  const last = sheet.formColumns;
  /** A line of the form's own text across the block, where the version has it. */
  const wording = (key: string, style: "part" | "note"): void => {
    const text = headings[key];
    if (!text) return;
    sheet.next();
    sheet.text(1, text, style, last, style === "part" ? "heading" : "label");
  };
  let stage: "before" | "ticks" | "after" = "before";
  for (const f of extrasOf(w, `issued.${cls.id}`)) {
    if (f.kind === "tick") {
      if (stage === "before") {
        wording("float.heading", "part");
        wording("float.statement", "note");
      }
      stage = "ticks";
      sheet.next();
      sheet.input(2, f);
      sheet.text(3, f.caption, "label", last);
      continue;
    }
    if (stage === "ticks") {
      wording("float.requirement", "note"); // the requirement, then its threshold
      stage = "after";
    }
    sheet.next();
    sheet.text(1, f.caption, "label");
    if (f.kind === "shares") sheet.input(figureColumn, f);
    else sheet.input(2, f, "", last);
  }
}

/** Section II: a block per class, the class header repeated by formula, its table and extras. */
function writeIssuedBlocks(w: Writer): void {
  const { sheet, layout } = w;
  const form = layout.form;
  sheet.next();
  sheet.text(1, form.headings.II ?? "", "section", sheet.formColumns, "heading");
  const movement = form.headings["II.movement"] ?? form.rows.movement;
  layout.classes.forEach((cls, k) => {
    writeClassHeader(w, cls, k + 1, true);
    writeBlockTable(w, cls, "issued", form.issuedColumns, movement);
    writeIssuedExtras(w, cls, 1 + form.issuedColumns.length);
    writeRemark(w, `issued.${cls.id}`);
    sheet.gap();
  });
}

/** Lays out every section of an FF301 return (a block per class) on the sheet. */
export function writeBlocksForm(w: Writer, monthEnded: string, submitted: string): void {
  writeBlocksHeader(w, monthEnded, submitted);
  writeAuthorisedBlocks(w);
  writeIssuedBlocks(w);
  writeParts(w);
  writeClosingSections(w);
}
