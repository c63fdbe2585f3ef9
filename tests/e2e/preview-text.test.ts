// Text stays text in the preview: inserted, rolled forward, typed, saved and exported (.xlsx read
// back with ExcelJS); only the template's formulas and a formula the user typed are formulas.
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { rollForward } from "../../src/plan/roll-forward";
import { planTemplate } from "../../src/plan/template";
import { exportXlsx } from "../../src/preview/export-xlsx";
import { registerHkmrFunctions } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import { restoreWorkbook, saveWorkbook, type KeyValueStore } from "../../src/preview/persist";
import { PreviewHost } from "../../src/preview/preview-host";
import { cellOfA1 } from "../../src/preview/sheet-model";
import { PreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { HOSTILE_TEXT } from "../support/hostile-text";
import { hkmrMetadata } from "../support/hkmr-hyperformula";

const SHAPE = {
  options: 1,
  fundsLines: 1,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
};
/** Text cells of every kind the user types into: header, class, line text, remark, currency. */
const TEXT_FIELDS = [
  "hdr.issuer",
  "auth.ord1.description",
  "A.1.class",
  "auth.ord1.remark",
  "auth.ord1.parCurrency",
];

async function newWorkbook(): Promise<PreviewWorkbook> {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  return new PreviewWorkbook(HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS]));
}

const cellOf = (sheet: PreviewSheet, field: string) =>
  cellOfA1(sheet.plan.names.find((n) => n.field === field)!.address)!;
const addressOf = (sheet: PreviewSheet, field: string) =>
  sheet.plan.names.find((n) => n.field === field)!.address;

/** The exported file read back with ExcelJS. */
async function exported(workbook: PreviewWorkbook): Promise<ExcelJS.Workbook> {
  const blob = await exportXlsx(workbook);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ArrayBuffer);
  return book;
}

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

describe.each(HOSTILE_TEXT)("the preview with user text %j", (text) => {
  test("keeps it as text when inserted, typed, rolled forward, saved and exported", async () => {
    const workbook = await newWorkbook();
    const host = new PreviewHost(workbook);
    const { sheetName } = await host.insertTemplate(
      planTemplate("legacy-2011", SHAPE, {
        monthEnded: "2011-11-30",
        issuer: text,
        classInfo: { ord1: { description: text } },
      })
    );
    const november = workbook.sheet(sheetName)!;
    workbook.write(
      sheetName,
      ["A.1.class", "auth.ord1.remark", "auth.ord1.parCurrency"].map((f) => ({
        ...cellOf(november, f),
        // as in Excel, an apostrophe typed first is the text prefix, not part of the text
        text: text.startsWith("'") ? `'${text}` : text,
      }))
    );
    const read = (await host.readReturn(sheetName))!;
    for (const field of TEXT_FIELDS)
      expect({ field, v: read.values[field] }).toEqual({ field, v: text });

    const { sheetName: december } = await host.insertTemplate(
      planTemplate("legacy-2011", SHAPE, rollForward(read))
    );
    const next = (await host.readReturn(december))!;
    for (const field of ["hdr.issuer", "auth.ord1.description", "A.1.class"])
      expect({ field, v: next.values[field] }).toEqual({ field, v: text });

    const store = new MemoryStore();
    expect(saveWorkbook(workbook, store)).toBeNull();
    const again = await newWorkbook();
    restoreWorkbook(again, store);
    expect(await new PreviewHost(again).readReturn(sheetName)).toEqual(read);

    const book = await exported(workbook);
    for (const [name, fields] of [
      [sheetName, TEXT_FIELDS],
      [december, ["hdr.issuer", "auth.ord1.description", "A.1.class"]],
    ] as const) {
      const sheet = workbook.sheet(name)!;
      for (const field of fields) {
        const cell = book.getWorksheet(name)!.getCell(addressOf(sheet, field));
        expect({ field, type: cell.type, value: cell.value }).toEqual({
          field,
          type: ExcelJS.ValueType.String,
          value: text,
        });
      }
    }
  });

  test("keeps a typed apostrophe entry in a figure cell as text, in the editor and the file", async () => {
    const workbook = await newWorkbook();
    const { sheetName } = await new PreviewHost(workbook).insertTemplate(
      planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" })
    );
    const sheet = workbook.sheet(sheetName)!;
    const close = cellOf(sheet, "issued.ord1.close.shares");
    workbook.write(sheetName, [{ ...close, text: `'${text}` }]);
    expect(workbook.isFormula(sheet, close)).toBe(false);
    expect(workbook.value(sheet, close).value).toBe(text);
    expect(workbook.content(sheet, close)).toBe(`'${text}`);
    const cell = (await exported(workbook))
      .getWorksheet(sheetName)!
      .getCell(addressOf(sheet, "issued.ord1.close.shares"));
    expect([cell.type, cell.value]).toEqual([ExcelJS.ValueType.String, text]);
  });
});

test("shows a text cell's formula-like text with its prefix, so editing keeps it text", async () => {
  const workbook = await newWorkbook();
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(
    planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" })
  );
  const sheet = workbook.sheet(sheetName)!;
  const remark = cellOf(sheet, "auth.ord1.remark");
  workbook.write(sheetName, [{ ...remark, text: "=1+1" }]);
  expect(workbook.content(sheet, remark)).toBe("'=1+1");
  workbook.write(sheetName, [{ ...remark, text: workbook.content(sheet, remark) }]);
  expect(workbook.value(sheet, remark).value).toBe("=1+1");
  workbook.write(sheetName, [{ ...remark, text: "03888" }]);
  expect(workbook.content(sheet, remark)).toBe("03888");
});

test("exports a formula the user typed into a figure cell as a formula: their choice", async () => {
  const workbook = await newWorkbook();
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(
    planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" })
  );
  const sheet = workbook.sheet(sheetName)!;
  workbook.write(sheetName, [{ ...cellOf(sheet, "issued.ord1.close.shares"), text: "=1000+234" }]);
  const cell = (await exported(workbook))
    .getWorksheet(sheetName)!
    .getCell(addressOf(sheet, "issued.ord1.close.shares"));
  expect(cell.type).toBe(ExcelJS.ValueType.Formula);
  expect(cell.formula).toBe("1000+234");
  expect(cell.result).toBe(1234);
});
