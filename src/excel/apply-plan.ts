import { columnLetters, quoteSheet, rect } from "../plan/a1";
import type {
  Address,
  CellStyle,
  PlanConditionalFormat,
  PlanValidation,
  TemplatePlan,
} from "../plan/types";
import { areasOf, filled, parseArea, type Area } from "./addresses";

/*
 * Queues a whole plan on a new worksheet, with no sync: the caller syncs once.
 * Requirement sets of what is queued here (ExcelApi 1.9 covers them all):
 *   1.1 worksheets.add, activate, formulas, numberFormat, font/fill/borders, columnWidth, select
 *   1.2 merge, format.protection   1.4 worksheet-scoped names   1.6 conditional formats,
 *   suspendApiCalculationUntilNextSync   1.8 data validation
 *   1.9 getRanges (multi-area ranges), pageLayout (print setup), suspendScreenUpdatingUntilNextSync
 */

/**
 * Excel measures column width in characters of the default font's widest digit (Calibri 11:
 * 7 pixels) plus 5 pixels of padding; Office.js sets it in points, at 0.75 point per pixel.
 * So w characters are (7w + 5) x 0.75 points: the default 8.43 characters come out at 48 points.
 */
export const POINTS_PER_CHARACTER = 7 * 0.75;
/** The 5 pixels of padding Excel adds to every column, in points. */
export const PADDING_POINTS = 5 * 0.75;

/** A column width in characters as Office.js points. */
export const columnPoints = (characters: number): number =>
  Math.round((characters * POINTS_PER_CHARACTER + PADDING_POINTS) * 100) / 100;

/** Excel's limits on data-validation texts: longer ones make the whole request fail. */
const TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;
const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

type Edge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** The border edges of a rectangle: inside lines only where it has more than one row or column. */
function edgesOf(area: Area): Edge[] {
  const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (area.lastRow > area.row) edges.push("InsideHorizontal");
  if (area.lastCol > area.col) edges.push("InsideVertical");
  return edges;
}

/** Each rectangle of a plan address with its range; a malformed area is a bug in the plan. */
function rectangles(sheet: Excel.Worksheet, address: Address): [Excel.Range, Area][] {
  return areasOf(address).map((a) => {
    const area = parseArea(a);
    if (!area) throw new RangeError(`The plan has an address Excel cannot take: "${a}"`);
    return [sheet.getRange(a), area];
  });
}

/** One range for an address of one or more areas. */
const rangeOf = (sheet: Excel.Worksheet, address: Address): Excel.Range | Excel.RangeAreas =>
  address.includes(",") ? sheet.getRanges(address) : sheet.getRange(address);

function applyStyle(range: Excel.Range, area: Area, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.border) {
    for (const edge of edgesOf(area)) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
  // a new sheet's cells are locked; only inputs are opened for when the user protects the sheet
  if (!style.locked) format.protection.locked = false;
}

const formulaOf = (v: PlanValidation): string => {
  if (!v.formula)
    throw new RangeError(`The plan's ${v.kind} validation on ${v.address} has no formula`);
  return v.formula;
};

function applyValidation(sheet: Excel.Worksheet, v: PlanValidation): void {
  const validation = rangeOf(sheet, v.address).dataValidation;
  validation.ignoreBlanks = true;
  validation.rule =
    v.kind === "list"
      ? { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } }
      : { custom: { formula: formulaOf(v) } };
  // a warning, not a stop: the user may keep text such as "Nil" or "see note" (the checks say)
  validation.errorAlert = {
    showAlert: true,
    style: "Warning",
    title: clip(v.errorTitle, TITLE_MAX),
    message: clip(v.errorMessage, ERROR_MAX),
  };
  validation.prompt = {
    showPrompt: true,
    title: clip(v.inputTitle, TITLE_MAX),
    message: clip(v.inputMessage, PROMPT_MAX),
  };
}

function applyConditionalFormat(sheet: Excel.Worksheet, cf: PlanConditionalFormat): void {
  const format = sheet.getRanges(cf.address).conditionalFormats.add("Custom");
  format.custom.rule.formula = cf.formula;
  format.custom.format.fill.color = cf.fill;
  format.custom.format.font.color = cf.fontColor;
}

/**
 * Queues the plan on a new sheet named `sheetName`: metadata and names, number formats, the grid
 * in one 2-D formulas write, merges, styles, widths, validation, conditional formats, print setup;
 * then activates the sheet at A1. Nothing outside the new sheet is touched. Returns the sheet.
 */
export function queuePlan(
  context: Excel.RequestContext,
  plan: TemplatePlan,
  sheetName: string
): Excel.Worksheet {
  // one recalculation and one repaint at the end, not one per write (both end at the sync)
  context.application.suspendApiCalculationUntilNextSync();
  context.application.suspendScreenUpdatingUntilNextSync();
  const sheet = context.workbook.worksheets.add(sheetName);

  // the metadata constant, then every field, line and check name (all scoped to the new sheet)
  sheet.names.add(plan.meta.name, `="${plan.meta.value.replace(/"/g, '""')}"`);
  // names before the grid, so the check formulas that use them bind as they are written
  for (const n of plan.names) {
    const reference = n.address.includes(",")
      ? `=${areasOf(n.address)
          .map((a) => `${quoteSheet(sheetName)}!${absoluteArea(a)}`)
          .join(",")}`
      : sheet.getRange(n.address);
    sheet.names.add(n.name, reference);
  }
  // formats before contents, so that text fields ("@") keep what is written as text
  for (const nf of plan.numberFormats) {
    for (const [range, area] of rectangles(sheet, nf.address)) {
      range.numberFormat = filled(area, nf.format);
    }
  }
  if (plan.rowCount > 0 && plan.columnCount > 0) {
    sheet.getRange(rect(1, 1, plan.rowCount, plan.columnCount)).formulas = plan.grid.map((row) => [
      ...row,
    ]);
  }
  for (const merge of plan.merges) {
    for (const [range] of rectangles(sheet, merge)) range.merge(false);
  }
  for (const { style, address } of plan.styleRanges) {
    for (const [range, area] of rectangles(sheet, address)) {
      applyStyle(range, area, plan.styles[style]);
    }
  }
  plan.columnWidths.forEach((characters, k) => {
    const letters = columnLetters(k + 1);
    sheet.getRange(`${letters}:${letters}`).format.columnWidth = columnPoints(characters);
  });
  for (const v of plan.validations) applyValidation(sheet, v);
  // each add goes to the top priority: warnings first, so that errors end up above them
  const bySeverity = [...plan.conditionalFormats].sort(
    (p, q) => Number(p.severity === "error") - Number(q.severity === "error")
  );
  for (const cf of bySeverity) applyConditionalFormat(sheet, cf);

  const page = sheet.pageLayout;
  page.paperSize = "A4";
  page.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
  // width only: leaving the height free prints as many pages tall as the form needs
  page.zoom = { horizontalFitToPages: plan.print.fitToPagesWide };
  page.setPrintTitleRows(plan.print.titleRows);
  page.setPrintArea(plan.print.area);

  sheet.activate();
  sheet.getRange("A1").select();
  return sheet;
}

/** "B7:C9" as "$B$7:$C$9". */
function absoluteArea(address: string): string {
  return address
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}
