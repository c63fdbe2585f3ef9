// The exported .xlsx keeps the sheet's layout: frozen panes on the labels and the title rows,
// the plan's column widths and the row heights of its wrapped labels and headings.
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { planTemplate } from "../../src/plan/template";
import { exportXlsx } from "../../src/preview/export-xlsx";
import { registerHkmrFunctions } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import { PreviewHost } from "../../src/preview/preview-host";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { hkmrMetadata } from "../support/hkmr-hyperformula";
import { TWO_CLASSES_THREE_OPTIONS } from "../support/shapes";

const SHAPE = TWO_CLASSES_THREE_OPTIONS;

test("exports frozen panes, column widths and row heights as the plan lays them out", async () => {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  const workbook = new PreviewWorkbook(
    HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS])
  );
  const plan = planTemplate("ff301-1.2", SHAPE, { monthEnded: "2026-06-30" });
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(plan);
  const blob = await exportXlsx(workbook);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = book.getWorksheet(sheetName)!;
  expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" });
  expect(plan.columnWidths.map((_, k) => ws.getColumn(k + 1).width)).toEqual(plan.columnWidths);
  expect(plan.rowHeights.length).toBeGreaterThan(0);
  for (const { row, points } of plan.rowHeights) expect(ws.getRow(row).height).toBe(points);
});
