import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { planTemplate } from "../../src/plan/template";
import { exportXlsx } from "../../src/preview/export-xlsx";
import { registerHkmrFunctions } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import { PreviewHost } from "../../src/preview/preview-host";
import { cellOfA1 } from "../../src/preview/sheet-model";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { hkmrMetadata } from "../support/hkmr-hyperformula";
import { optionShape } from "../support/shapes";

// A computed total in the preview: the grid shows its value and the formula bar its formula, and
// the exported file keeps the formula with its value cached, so a spreadsheet without the add-in
// (LibreOffice, Excel before the add-in loads) shows the figure.

const SHAPE = optionShape(2);

test("a computed total shows its figure, its formula, and exports both", async () => {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  const workbook = new PreviewWorkbook(
    HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS])
  );
  const plan = planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" });
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(plan);
  const sheet = workbook.sheet(sheetName)!;
  const at = (field: string) => cellOfA1(plan.names.find((n) => n.field === field)!.address)!;
  const typed: [string, string][] = [
    ["A.1.exercised", "10,000"],
    ["A.1.issued", "10,000"],
    ["A.1.price", "US$0.0353"],
    ["A.2.exercised", "5,000"],
    ["A.2.issued", "5,000"],
    ["A.2.price", "US$0.2118"],
    ["A.funds.1.currency", "US$"],
  ];
  workbook.write(
    sheetName,
    typed.map(([field, text]) => ({ ...at(field), text }))
  );

  const expected: [string, number, RegExp][] = [
    ["A.total.ord1", 15000, /^=HKMR\.COMPUTE\("legacy-2011\|/],
    ["AtoE.ord1", 15000, /^=HKMR\.COMPUTE\("legacy-2011\|/],
    ["A.funds.1.amount", 1412, /^=IF\(TRIM\(A_funds_1_currency\)="","",HKMR\.COMPUTE\(/],
  ];
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    Buffer.from(await (await exportXlsx(workbook)).arrayBuffer()) as unknown as ArrayBuffer
  );
  const ws = book.getWorksheet(sheetName)!;
  for (const [field, value, formula] of expected) {
    expect([field, workbook.value(sheet, at(field)).value]).toEqual([field, value]);
    expect(workbook.content(sheet, at(field))).toMatch(formula); // the formula bar
    expect(workbook.info(sheet, at(field))?.style).toBe("computed");
    const cell = ws.getCell(plan.names.find((n) => n.field === field)!.address);
    expect(cell.type).toBe(ExcelJS.ValueType.Formula);
    expect(cell.formula).toMatch(/_xldudf_HKMR_COMPUTE\(/);
    expect([field, cell.result]).toEqual([field, value]);
  }
  // typed over, the cell keeps the figure typed, and the file keeps it as a value
  workbook.write(sheetName, [{ ...at("A.total.ord1"), text: "15,001" }]);
  expect(workbook.isFormula(sheet, at("A.total.ord1"))).toBe(false);
  expect(workbook.checkText(sheet, "total.A[class=ord1]")).toMatch(/^Error: /);
});
