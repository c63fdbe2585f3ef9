import type { Address, CellStyle, PlanConditionalFormat, PlanValidation } from "../plan/types";
import { areasOf, parseArea, type Area } from "./addresses";

/*
 * The Office.js statements that write a plan's parts onto a sheet (insert-steps.ts orders them).
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
const ERROR_MAX = 224;
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
export function rectangles(sheet: Excel.Worksheet, address: Address): [Excel.Range, Area][] {
  return areasOf(address).map((a) => {
    const area = parseArea(a);
    if (!area) throw new RangeError(`The plan has an address Excel cannot take: "${a}"`);
    return [sheet.getRange(a), area];
  });
}

/** One range for an address of one or more areas. */
const rangeOf = (sheet: Excel.Worksheet, address: Address): Excel.Range | Excel.RangeAreas =>
  address.includes(",") ? sheet.getRanges(address) : sheet.getRange(address);

/** Queues a style on one rectangle. */
export function applyStyle(range: Excel.Range, area: Area, style: CellStyle): void {
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

/** Queues a data validation on its range: a warning with a prompt. */
export function applyValidation(sheet: Excel.Worksheet, v: PlanValidation): void {
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

/** Queues one custom conditional format on its (multi-area) range. */
export function applyConditionalFormat(ranges: Excel.RangeAreas, cf: PlanConditionalFormat): void {
  const format = ranges.conditionalFormats.add("Custom");
  format.custom.rule.formula = cf.formula;
  format.custom.format.fill.color = cf.fill;
  format.custom.format.font.color = cf.fontColor;
}

/** "B7:C9" as "$B$7:$C$9". */
export function absoluteArea(address: string): string {
  return address
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}
