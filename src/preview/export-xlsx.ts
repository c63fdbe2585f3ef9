/**
 * "Export .xlsx": the preview's workbook written with ExcelJS as Excel would keep it: the plan's
 * formulas (the HKMR checks too, so the file opens in Excel with the add-in and checks itself),
 * the inputs as typed, worksheet-scoped names (the return's marker among them), number formats,
 * fills, borders, merges, data validation, conditional formats, column widths and print setup.
 * ExcelJS is loaded only when the user exports.
 */
import type * as ExcelJSTypes from "exceljs";
import { a1 } from "../plan/a1";
import { topDown } from "../plan/marks";
import { PRINT_MARGINS } from "../plan/print";
import type { CellStyle, PrintSetup, TemplatePlan } from "../plan/types";
import { cellOfA1 } from "./sheet-model";
import type { PreviewSheet, PreviewWorkbook } from "./workbook";

type ExcelJSModule = typeof ExcelJSTypes;

/** A defined name as ExcelJS writes it: the text goes into the file as the name's formula. */
interface NameModel {
  readonly name: string;
  readonly localSheetId: number;
  readonly ranges: string[];
}

const ARGB = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const DAY_MS = 24 * 60 * 60 * 1000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A formula as an .xlsx file keeps it: without "=", and each HKMR.NAME( call as Excel itself
 * saves a JavaScript custom function (_xldudf_HKMR_NAME), which Excel binds to the add-in's
 * function when the add-in loads. Text inside string literals is left alone.
 */
export function fileFormula(formula: string): string {
  return formula
    .replace(/^=/, "")
    .split(/("(?:[^"]|"")*")/)
    .map((part, k) =>
      k % 2 === 1 ? part : part.replace(/\bHKMR\.([A-Za-z0-9_]+)\s*\(/gi, "_xldudf_HKMR_$1(")
    )
    .join("");
}

const absolute = (address: string): string =>
  address.replace(/\$?([A-Z]+)\$?(\d+)/g, (_, col: string, row: string) => `$${col}$${row}`);

const quote = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** ExcelJS's style for a plan style. */
function styleOf(style: CellStyle): Partial<ExcelJSTypes.Style> {
  const thin = { style: "thin" as const, color: { argb: "FFA6A6A6" } };
  return {
    font: {
      name: "Calibri",
      size: style.fontSize ?? 11,
      bold: style.bold,
      italic: style.italic,
      ...(style.fontColor ? { color: { argb: ARGB(style.fontColor) } } : {}),
    },
    ...(style.fill
      ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: ARGB(style.fill) } } }
      : {}),
    alignment: { wrapText: style.wrap, horizontal: style.horizontal, vertical: "top" },
    ...(style.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    protection: { locked: style.locked },
  };
}

/**
 * The value an input cell keeps: a formula only where the engine holds one (the user typed it),
 * else its date, its number, or its text as a text value, whatever the text begins with.
 */
function inputValue(workbook: PreviewWorkbook, sheet: PreviewSheet, address: string) {
  const cell = cellOfA1(address)!;
  const { value, isDate } = workbook.value(sheet, cell);
  const result = value !== null && typeof value === "object" ? { error: value.error } : value;
  if (workbook.isFormula(sheet, cell))
    return { formula: fileFormula(workbook.content(sheet, cell)), result };
  if (typeof value === "number" && isDate) return new Date(EPOCH_MS + value * DAY_MS);
  // a constant error ("#N/A" typed) is written as the text typed
  return value !== null && typeof value === "object" ? value.error : value;
}

/**
 * A formula cell's value for the file: the formula, with the engine's result cached; an empty
 * result is cached as empty text, as Excel keeps it. (LibreOffice still works such a cell out
 * again on loading, without the HKMR functions: the row reason's fallback allows for that.)
 */
function formulaValue(
  workbook: PreviewWorkbook,
  sheet: PreviewSheet,
  address: string,
  text: string
) {
  const { value } = workbook.value(sheet, cellOfA1(address)!);
  const result = value !== null && typeof value === "object" ? { error: value.error } : value;
  return { formula: fileFormula(text), result: result ?? "" };
}

const INCH = 72;

/**
 * ExcelJS's page setup for the plan's: A4 (paper size 9), the orientation, one page wide and as
 * many tall as needed (0), margins in inches. The print area and titles are written as names.
 */
function pageSetupOf(print: PrintSetup): Partial<ExcelJSTypes.PageSetup> {
  const m = print.margins;
  return {
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: 0,
    margins: {
      left: m.left / INCH,
      right: m.right / INCH,
      top: m.top / INCH,
      bottom: m.bottom / INCH,
      header: m.header / INCH,
      footer: m.footer / INCH,
    },
  };
}

/**
 * The sheet's print area and print titles as Excel names them: absolute in rows and columns
 * ('Sheet'!$A$1:$M$114), which LibreOffice needs to apply them (ExcelJS's own leave rows bare).
 */
function printNamesOf(sheet: PreviewSheet, localSheetId: number): NameModel[] {
  const { area, titleRows } = sheet.plan.print;
  return [
    { name: "_xlnm.Print_Area", localSheetId, ranges: [`${quote(sheet.name)}!${absolute(area)}`] },
    { name: "_xlnm.Print_Titles", localSheetId, ranges: [`${quote(sheet.name)}!${titleRows}`] },
  ];
}

function writeSheet(
  book: ExcelJSTypes.Workbook,
  workbook: PreviewWorkbook,
  sheet: PreviewSheet
): ExcelJSTypes.Worksheet {
  const plan: TemplatePlan = sheet.plan;
  // a whole plan stored by an earlier preview may lack the newer print fields
  const stored: Partial<PrintSetup> = plan.print;
  const print: PrintSetup = {
    ...plan.print,
    margins: stored.margins ?? PRINT_MARGINS,
    rowBreaks: stored.rowBreaks ?? [],
    footer: stored.footer ?? "",
  };
  const ws = book.addWorksheet(sheet.name, { pageSetup: pageSetupOf(print) });
  // a break above a row is written, as Excel keeps it, after the row before
  for (const row of print.rowBreaks) ws.getRow(row - 1).addPageBreak();
  if (print.footer) ws.headerFooter.oddFooter = `&C${print.footer}`;
  plan.columnWidths.forEach((width, k) => (ws.getColumn(k + 1).width = width));
  // wrapped labels and headings: Excel does not grow a row for a merged or pre-set cell itself
  for (const { row, points } of plan.rowHeights) ws.getRow(row).height = points;
  const { rows, columns } = plan.freeze;
  if (rows > 0 || columns > 0)
    ws.views = [
      {
        state: "frozen",
        xSplit: columns,
        ySplit: rows,
        topLeftCell: a1(rows + 1, columns + 1),
        activeCell: "A1",
      },
    ];
  for (const c of plan.cells) {
    const cell = ws.getCell(c.address);
    if (c.role === "input")
      cell.value = inputValue(workbook, sheet, c.address) as ExcelJSTypes.CellValue;
    else if (c.content.startsWith("="))
      cell.value = formulaValue(workbook, sheet, c.address, c.content) as ExcelJSTypes.CellValue;
    else cell.value = c.content;
    cell.style = {
      ...styleOf(plan.styles[c.style]),
      ...(c.numberFormat ? { numFmt: c.numberFormat } : {}),
    };
  }
  for (const merge of plan.merges) ws.mergeCells(merge);
  const validations = (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } })
    .dataValidations;
  for (const v of plan.validations) {
    // a range address is written as one rule whose formula is relative to its top-left cell
    validations.add(v.address, {
      type: v.kind === "list" ? "list" : "custom",
      allowBlank: true,
      formulae: [
        v.kind === "list" ? `"${(v.list ?? []).join(",")}"` : fileFormula(v.formula ?? "TRUE"),
      ],
      showInputMessage: true,
      promptTitle: v.inputTitle.slice(0, 32),
      prompt: v.inputMessage.slice(0, 255),
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: v.errorTitle.slice(0, 32),
      error: v.errorMessage.slice(0, 224),
    });
  }
  // the likely cause over errors over warnings, as in the Excel adapter (priority 1 is the top)
  const ordered = topDown(plan.conditionalFormats);
  ordered.forEach((cf, k) =>
    ws.addConditionalFormatting({
      ref: cf.address.split(",").join(" "),
      rules: [
        {
          type: "expression",
          priority: k + 1,
          formulae: [fileFormula(cf.formula)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: ARGB(cf.fill) } },
            font: { color: { argb: ARGB(cf.fontColor) } },
          },
        },
      ],
    })
  );
  return ws;
}

/** The workbook's worksheet-scoped names: the return's marker and every plan name, per sheet. */
function namesOf(workbook: PreviewWorkbook): NameModel[] {
  return workbook.sheets.flatMap((sheet, localSheetId) => [
    {
      name: sheet.plan.meta.name,
      localSheetId,
      ranges: [`"${sheet.plan.meta.value.replace(/"/g, '""')}"`],
    },
    ...sheet.plan.names.map((n) => ({
      name: n.name,
      localSheetId,
      ranges: [
        n.address
          .split(",")
          .map((area) => `${quote(sheet.name)}!${absolute(area)}`)
          .join(","),
      ],
    })),
    ...printNamesOf(sheet, localSheetId),
  ]);
}

/** Writes the workbook as an .xlsx file. */
export async function exportXlsx(workbook: PreviewWorkbook): Promise<Blob> {
  const module = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as ExcelJSModule & {
    default?: ExcelJSModule;
  };
  const ExcelJS = module.default ?? module;
  const book = new ExcelJS.Workbook();
  book.creator = "HK Monthly Return Reconciler (preview)";
  book.calcProperties.fullCalcOnLoad = true;
  for (const sheet of workbook.sheets) writeSheet(book, workbook, sheet);
  const active = workbook.sheets.findIndex((s) => s.name === workbook.active?.name);
  book.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, active),
      visibility: "visible",
    },
  ];
  // ExcelJS keeps workbook-scoped ranges only; the names Excel reads are worksheet-scoped, some
  // of them constants, so the list it writes is given as its model (written as given)
  const names = namesOf(workbook);
  Object.defineProperty(book.definedNames, "model", { get: () => names, set: () => undefined });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
