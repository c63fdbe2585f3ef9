import { columnLetters, quoteSheet, rect } from "../plan/a1";
import { bottomUp } from "../plan/marks";
import type { TemplatePlan } from "../plan/types";
import { areasOf, filled, parseArea } from "./addresses";
import {
  absoluteArea,
  applyConditionalFormat,
  applyStyle,
  applyValidation,
  columnPoints,
  rectangles,
} from "./apply-plan";

/**
 * A plan as request-sized pieces. Excel on the web refuses a request over 5 MB, so the insert
 * is queued as steps, each with an upper bound of the bytes Office.js serializes for it, and
 * the steps are packed in order into syncs under a budget (tests/excel/office-requests.test.ts
 * checks the bounds against Office.js's own serializer over every shape the pane allows).
 */

/** The parts of a plan, in the order they are written. */
export type InsertPart =
  | "names"
  | "number formats"
  | "grid"
  | "merges"
  | "styles"
  | "column widths"
  | "row heights"
  | "frozen panes"
  | "validation"
  | "conditional formats"
  | "print setup"
  | "activation";

/** Some Office.js statements on the new sheet, and an upper bound of their bytes in a request. */
export interface InsertStep {
  /** The part of the plan it writes (the bench reports bytes per part). */
  readonly part: InsertPart;
  readonly bytes: number;
  readonly queue: (sheet: Excel.Worksheet) => void;
}

/**
 * Bytes per request that the packing aims under: Excel on the web refuses over 5 MB, and the
 * harness asserts 4 MB, so the estimates keep a margin of their own.
 */
export const REQUEST_BUDGET = 3_500_000;

/*
 * What one statement costs besides its arguments: each object path Office.js creates is about
 * 110 bytes and each action about 80, with ids of up to 7 digits (measured on the harness).
 */
const PATH = 130;
const ACTION = 100;
/** A proxy reached through a method (getRange) and used once: its path and its instantiation. */
const OBJECT = PATH + ACTION;
/**
 * Cells of the grid per step: Office.js splits a write of more than 1,500 cells into row chunks
 * of its own (getRow and getBoundingRect per chunk, in excel-web-16.00.debug.js), so a band of at
 * most that many cells is one write, and each band packs tightly into the batches.
 */
const GRID_CELLS = 1500;

/** The UTF-8 length of a value as JSON, as Office.js sends it. */
export function textBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // a surrogate pair is 2 units and 4 bytes; other units above U+007F take 2 or 3 bytes
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 1 : 2;
  }
  return bytes;
}

/** The workbook-scope-free formula of a name: its cells on the new sheet, absolute. */
const referenceOf = (sheetName: string, address: string): string =>
  `=${areasOf(address)
    .map((a) => `${quoteSheet(sheetName)}!${absoluteArea(a)}`)
    .join(",")}`;

const key = (row: number, col: number): string => `${row},${col}`;

/** The ranges of each batch's sheet proxy by address: a batch asks for a range once. */
const batchRanges = new WeakMap<Excel.Worksheet, Map<string, Excel.RangeAreas>>();

/**
 * The multi-area range of an address on this batch's sheet: an error mark and a warning mark
 * on the same cells share one range and its conditional formats (a fifth of a mark's bytes).
 */
function rangesOf(sheet: Excel.Worksheet, address: string): Excel.RangeAreas {
  let ranges = batchRanges.get(sheet);
  if (!ranges) batchRanges.set(sheet, (ranges = new Map<string, Excel.RangeAreas>()));
  let range = ranges.get(address);
  if (!range) ranges.set(address, (range = sheet.getRanges(address)));
  return range;
}

/**
 * Input cells whose content is a whole number in a cell not formatted as text: date serials
 * and carried figures. They go as JSON numbers, which Excel takes as the same number in every
 * locale (a string would be parsed by Excel, and "@" cells keep strings as text).
 */
function numericInputs(plan: TemplatePlan): Set<string> {
  const out = new Set<string>();
  for (const c of plan.cells) {
    if (c.role === "input" && c.numberFormat !== "@" && /^\d{1,15}$/.test(c.content)) {
      out.add(key(c.row, c.col));
    }
  }
  return out;
}

/**
 * The plan as ordered steps on the new sheet `sheetName`: metadata and names, number formats,
 * the grid in row bands, merges, styles, widths, validation, conditional formats, print setup,
 * and last the activation at A1. Nothing outside the new sheet is touched.
 */
export function insertSteps(plan: TemplatePlan, sheetName: string): InsertStep[] {
  const steps: InsertStep[] = [];
  let part: InsertPart = "names";
  const add = (bytes: number, queue: InsertStep["queue"]): void => {
    steps.push({ part, bytes, queue });
  };
  // the metadata constant, then every field, line and check name (all scoped to the new sheet);
  // names go before the grid, so the check formulas that use them bind as they are written
  const meta = `="${plan.meta.value.replace(/"/g, '""')}"`;
  add(OBJECT + ACTION + textBytes([plan.meta.name, meta]), (sheet) =>
    sheet.names.add(plan.meta.name, meta)
  );
  for (const n of plan.names) {
    // a formula, not a Range proxy: one object path less per name (names are a quarter of the bytes)
    const reference = referenceOf(sheetName, n.address);
    add(OBJECT + textBytes([n.name, reference]), (sheet) => sheet.names.add(n.name, reference));
  }
  part = "number formats";
  // formats before contents, so that text fields ("@") keep what is written as text
  for (const nf of plan.numberFormats) {
    for (const a of areasOf(nf.address)) {
      const whole = parseArea(a);
      if (!whole) throw new RangeError(`The plan has an address Excel cannot take: "${a}"`);
      // in slices of at most GRID_CELLS cells, each one write (as the grid's bands)
      const width = whole.lastCol - whole.col + 1;
      const rows = Math.max(1, Math.floor(GRID_CELLS / width));
      for (let top = whole.row; top <= whole.lastRow; top += rows) {
        const area = { ...whole, row: top, lastRow: Math.min(whole.lastRow, top + rows - 1) };
        const address = rect(area.row, area.col, area.lastRow, area.lastCol);
        const formats = filled(area, nf.format);
        add(OBJECT + 3 * ACTION + textBytes(formats), (sheet) => {
          sheet.getRange(address).numberFormat = formats;
        });
      }
    }
  }
  part = "grid";
  const numbers = numericInputs(plan);
  const band = Math.max(1, Math.floor(GRID_CELLS / Math.max(1, plan.columnCount)));
  for (let top = 0; top < plan.rowCount; top += band) {
    const rows = plan.grid
      .slice(top, top + band)
      .map((row, i) => row.map((v, j) => (numbers.has(key(top + i + 1, j + 1)) ? Number(v) : v)));
    if (rows.length === 0 || plan.columnCount === 0) break;
    const address = rect(top + 1, 1, top + rows.length, plan.columnCount);
    add(OBJECT + 10 * ACTION + textBytes(rows), (sheet) => {
      sheet.getRange(address).formulas = rows;
    });
  }
  part = "merges";
  for (const merge of plan.merges) {
    add(areasOf(merge).length * 2 * OBJECT + textBytes(merge), (sheet) => {
      for (const [range] of rectangles(sheet, merge)) range.merge(false);
    });
  }
  part = "styles";
  for (const { style, address } of plan.styleRanges) {
    // format, font, fill, protection and up to six borders: a path and a set or two each
    const perArea = OBJECT + 11 * (PATH + ACTION) + 12 * ACTION + textBytes(plan.styles[style]);
    add(areasOf(address).length * (perArea + textBytes(address)), (sheet) => {
      for (const [range, area] of rectangles(sheet, address)) {
        applyStyle(range, area, plan.styles[style]);
      }
    });
  }
  part = "column widths";
  plan.columnWidths.forEach((characters, k) => {
    const letters = columnLetters(k + 1);
    add(OBJECT + PATH + 2 * ACTION, (sheet) => {
      sheet.getRange(`${letters}:${letters}`).format.columnWidth = columnPoints(characters);
    });
  });
  part = "row heights";
  for (const { row, points } of plan.rowHeights) {
    add(OBJECT + PATH + 2 * ACTION, (sheet) => {
      sheet.getRange(`${row}:${row}`).format.rowHeight = points;
    });
  }
  part = "frozen panes";
  if (plan.freeze.rows > 0 || plan.freeze.columns > 0) {
    // the cells of the top-left pane: rows 1..rows and columns A..columns (ExcelApi 1.7)
    const frozen = rect(1, 1, Math.max(1, plan.freeze.rows), Math.max(1, plan.freeze.columns));
    add(OBJECT + 2 * PATH + 2 * ACTION, (sheet) => {
      if (plan.freeze.rows === 0) sheet.freezePanes.freezeColumns(plan.freeze.columns);
      else if (plan.freeze.columns === 0) sheet.freezePanes.freezeRows(plan.freeze.rows);
      else sheet.freezePanes.freezeAt(frozen);
    });
  }
  part = "validation";
  for (const v of plan.validations) {
    add(OBJECT + PATH + 7 * ACTION + textBytes(v), (sheet) => applyValidation(sheet, v));
  }
  part = "conditional formats";
  // each add goes to the top priority: warnings first, so that errors end up above them, and
  // the likely cause above those
  const bySeverity = bottomUp(plan.conditionalFormats);
  for (const cf of bySeverity) {
    const bytes = 2 * OBJECT + 6 * (PATH + ACTION) + 3 * ACTION + textBytes(cf);
    add(bytes, (sheet) => applyConditionalFormat(rangesOf(sheet, cf.address), cf));
  }
  part = "print setup";
  const { print } = plan;
  // the page layout, its headers and footers and the footer for all pages: three objects
  add(3 * OBJECT + 11 * ACTION + textBytes(print), (sheet) => {
    const page = sheet.pageLayout;
    page.paperSize = "A4";
    page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    // one page wide and as many tall as the form needs (0: no limit, as fitToHeight="0")
    page.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
    page.leftMargin = print.margins.left;
    page.rightMargin = print.margins.right;
    page.topMargin = print.margins.top;
    page.bottomMargin = print.margins.bottom;
    page.headerMargin = print.margins.header;
    page.footerMargin = print.margins.footer;
    page.headersFooters.defaultForAllPages.centerFooter = print.footer;
    page.setPrintTitleRows(print.titleRows);
    page.setPrintArea(print.area);
  });
  if (print.rowBreaks.length > 0) {
    // the sheet's page breaks, then one added object per break, above its row
    const above = print.rowBreaks.map((row) => `A${row}`);
    add(OBJECT + above.length * OBJECT + textBytes(above), (sheet) => {
      for (const address of above) sheet.horizontalPageBreaks.add(address);
    });
  }
  part = "activation";
  add(2 * OBJECT + 2 * ACTION, (sheet) => {
    sheet.activate();
    sheet.getRange("A1").select();
  });
  return steps;
}

/** What every batch adds to its steps: the sheet by id and the two suspend calls. */
export const BATCH_BYTES = 2 * OBJECT + 4 * PATH + 6 * ACTION;

/** The upper bound of a batch's request in bytes. */
export const batchBytes = (batch: readonly InsertStep[]): number =>
  batch.reduce((sum, step) => sum + step.bytes, BATCH_BYTES);

/** The steps packed in order into as few batches as the budget allows (a larger step alone). */
export function batchesOf(
  steps: readonly InsertStep[],
  budget: number = REQUEST_BUDGET
): InsertStep[][] {
  const batches: InsertStep[][] = [];
  let current: InsertStep[] = [];
  let size = BATCH_BYTES;
  for (const step of steps) {
    if (current.length > 0 && size + step.bytes > budget) {
      batches.push(current);
      current = [];
      size = BATCH_BYTES;
    }
    current.push(step);
    size += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
