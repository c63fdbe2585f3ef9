// The preview's workbook and host without a browser: HyperFormula with the real HKMR functions,
// the plan applied as new sheets, returns read through names, marks, and save/restore.
import { HyperFormula } from "hyperformula";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { isHostError } from "../../src/plan/host";
import { rollForward } from "../../src/plan/roll-forward";
import { planTemplate } from "../../src/plan/template";
import { registerHkmrFunctions } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import { essentialsOf } from "../../src/preview/essentials";
import {
  restoreWorkbook,
  saveWorkbook,
  STORAGE_KEY,
  type KeyValueStore,
} from "../../src/preview/persist";
import { PreviewHost } from "../../src/preview/preview-host";
import { cellOfA1 } from "../../src/preview/sheet-model";
import { PreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { loadFixture } from "../support/fixtures";
import { hkmrMetadata } from "../support/hkmr-hyperformula";

const seed = loadFixture("seed-kingsoft-2011-11.json");
const SHAPE = seed.month.layout.shape;

async function newWorkbook(): Promise<PreviewWorkbook> {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  return new PreviewWorkbook(HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS]));
}

/** Types every seed value into the sheet's input cells (found through the plan's names). */
function typeSeed(workbook: PreviewWorkbook, sheet: PreviewSheet, values = seed.month.values) {
  const edits = sheet.plan.names.flatMap((n) => {
    if (!n.field) return [];
    const at = cellOfA1(n.address)!;
    const v = values[n.field];
    return [{ ...at, text: typeof v === "string" ? v : "" }];
  });
  return workbook.write(sheet.name, edits);
}

const fieldCell = (sheet: PreviewSheet, field: string) =>
  cellOfA1(sheet.plan.names.find((n) => n.field === field)!.address)!;

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

const novemberPlan = () => planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" });

test("inserts a plan as a new sheet under a free name and leaves the others alone", async () => {
  const workbook = await newWorkbook();
  const host = new PreviewHost(workbook);
  const first = await host.insertTemplate(novemberPlan());
  const before = workbook.inputsOf(workbook.sheet(first.sheetName)!);
  const second = await host.insertTemplate(novemberPlan());
  expect([first.sheetName, second.sheetName]).toEqual(["MR 2011-11", "MR 2011-11 (2)"]);
  expect(workbook.inputsOf(workbook.sheet(first.sheetName)!)).toEqual(before);
  expect(workbook.active?.name).toBe("MR 2011-11 (2)");
  expect(await host.listReturns()).toEqual([
    { sheetName: "MR 2011-11", formId: "legacy-2011", monthEnd: "2011-11-30" },
    { sheetName: "MR 2011-11 (2)", formId: "legacy-2011", monthEnd: "2011-11-30" },
  ]);
});

test("reads the seed back through the names: every check OK, summary 0, nothing marked", async () => {
  const workbook = await newWorkbook();
  const host = new PreviewHost(workbook);
  const { sheetName } = await host.insertTemplate(novemberPlan());
  const sheet = workbook.sheet(sheetName)!;
  expect(typeSeed(workbook, sheet).locked).toBe(0);
  const read = await host.readActiveReturn();
  expect(read?.shape).toEqual(SHAPE);
  // typed figures become numbers in number-formatted cells, as in Excel; words stay text
  expect(read?.values["issued.ord1.close.shares"]).toBe(1167673933);
  expect(read?.values["issued.ord2.close.shares"]).toBe("N/A");
  const summary = cellOfA1(sheet.plan.summary)!;
  expect(workbook.value(sheet, summary).value).toBe("Ready to file");
  expect(workbook.marks(sheet).size).toBe(0);
});

test("marks the closing balance when it no longer reconciles, with the check's text", async () => {
  const workbook = await newWorkbook();
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(novemberPlan());
  const sheet = workbook.sheet(sheetName)!;
  typeSeed(workbook, sheet);
  const changed = jest.fn();
  workbook.onSheetChanged(sheetName, changed);
  const close = fieldCell(sheet, "issued.ord1.close.shares");
  workbook.write(sheetName, [{ ...close, text: "1,167,673,932" }]);
  const mark = workbook.marks(sheet).get(close.row * sheet.model.cols + close.col);
  expect(mark?.severity).toBe("error");
  const texts = mark!.checks.map((key) => workbook.checkText(sheet, key));
  expect(texts.join("\n")).toMatch(/^Error: .*1,167,673,932/m);
  expect(workbook.value(sheet, cellOfA1(sheet.plan.summary)!).value).toMatch(/\d+ errors?/);
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(changed).toHaveBeenCalledTimes(1);
});

test("a cell many checks share (the month end) names only the checks that mark it", async () => {
  const workbook = await newWorkbook();
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(novemberPlan());
  const sheet = workbook.sheet(sheetName)!;
  typeSeed(workbook, sheet);
  const egm = fieldCell(sheet, "A.2.egmDate");
  workbook.write(sheetName, [{ ...egm, text: "15/12/2011" }]);
  const check = sheet.plan.checks.find(
    (c) => c.ruleId === "dates.events" && c.fields.includes("A.2.egmDate")
  )!;
  const monthEnd = fieldCell(sheet, "hdr.monthEnded");
  for (const cell of [egm, monthEnd]) {
    const mark = workbook.marks(sheet).get(cell.row * sheet.model.cols + cell.col);
    expect(mark).toEqual({ severity: "warning", checks: [check.key] });
  }
});

test("refuses to write into the template's own cells", async () => {
  const workbook = await newWorkbook();
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(novemberPlan());
  const sheet = workbook.sheet(sheetName)!;
  const title = { row: 0, col: 0 };
  const before = workbook.content(sheet, title);
  expect(workbook.write(sheetName, [{ ...title, text: "x" }])).toEqual({ written: 0, locked: 1 });
  expect(workbook.content(sheet, title)).toBe(before);
});

test("keeps what is typed into a text cell as text", async () => {
  const workbook = await newWorkbook();
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(novemberPlan());
  const sheet = workbook.sheet(sheetName)!;
  const code = fieldCell(sheet, "auth.ord1.stockCode");
  workbook.write(sheetName, [{ ...code, text: "03888" }]);
  expect(workbook.value(sheet, code).value).toBe("03888");
  expect(workbook.content(sheet, code)).toBe("03888");
});

test("selects a field's cell through its name, activating its sheet", async () => {
  const workbook = await newWorkbook();
  const host = new PreviewHost(workbook);
  await host.insertTemplate(novemberPlan());
  await host.insertTemplate(planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-12-31" }));
  await host.selectField("MR 2011-11", "issued.ord1.close.shares");
  expect(workbook.active?.name).toBe("MR 2011-11");
  expect(workbook.selection("MR 2011-11")).toEqual(
    fieldCell(workbook.sheet("MR 2011-11")!, "issued.ord1.close.shares")
  );
  const failure: unknown = await host
    .selectField("MR 2011-11", "no.such.field")
    .catch((e: unknown) => e);
  expect(isHostError(failure)).toBe(true);
});

test("restores sheets, inputs and the active sheet from what it saved", async () => {
  const workbook = await newWorkbook();
  const host = new PreviewHost(workbook);
  const { sheetName } = await host.insertTemplate(novemberPlan());
  typeSeed(workbook, workbook.sheet(sheetName)!);
  const november = (await host.readActiveReturn())!;
  const december = planTemplate("legacy-2011", SHAPE, rollForward(november));
  await host.insertTemplate(december);
  const store = new MemoryStore();
  expect(saveWorkbook(workbook, store)).toBeNull();
  expect(store.map.get(STORAGE_KEY)!.length).toBeLessThan(20_000); // essentials, not plans

  const again = await newWorkbook();
  expect(restoreWorkbook(again, store).lost).toEqual([]);
  const host2 = new PreviewHost(again);
  expect(await host2.listReturns()).toEqual(await host.listReturns());
  expect(await host2.readReturn("MR 2011-11")).toEqual(november);
  expect(await host2.readReturn("MR 2011-12")).toEqual(await host.readReturn("MR 2011-12"));
  expect(again.active?.name).toBe("MR 2011-12");
  const sheet = again.sheet("MR 2011-12")!;
  expect(again.content(sheet, { row: 0, col: 0 })).toBe(december.grid[0][0]);
});

test("remakes the plans of inserts and roll forwards from their essentials", () => {
  const plan = planTemplate("legacy-2011", SHAPE, {
    monthEnded: "2011-12-31",
    issuer: "Kingsoft",
    classesInUse: ["ord1"],
    classInfo: { ord1: { stockCode: "3888" } },
    previousSheet: "MR 2011-11",
  });
  expect(essentialsOf(plan)).toEqual({
    formId: "legacy-2011",
    shape: SHAPE,
    monthEnded: "2011-12-31",
    previousSheet: "MR 2011-11",
  });
});

test("sheet tabs go in month order, whatever the order of inserting", async () => {
  const workbook = await newWorkbook();
  const host = new PreviewHost(workbook);
  for (const monthEnded of ["2011-11-30", "2011-09-30", "2012-01-31", "2011-10-31", "2011-11-30"])
    await host.insertTemplate(planTemplate("legacy-2011", SHAPE, { monthEnded }));
  expect(workbook.sheets.map((s) => s.name)).toEqual([
    "MR 2011-09",
    "MR 2011-10",
    "MR 2011-11",
    "MR 2011-11 (2)",
    "MR 2012-01",
  ]);
  expect((await host.listReturns()).map((r) => r.monthEnd)).toEqual([
    "2011-09-30",
    "2011-10-31",
    "2011-11-30",
    "2011-11-30",
    "2012-01-31",
  ]);
});

test("undo takes back edits one at a time, the pane's writes included, and redo makes them again", async () => {
  const workbook = await newWorkbook();
  const host = new PreviewHost(workbook);
  const { sheetName } = await host.insertTemplate(novemberPlan());
  const sheet = workbook.sheet(sheetName)!;
  const close = fieldCell(sheet, "issued.ord1.close.shares");
  const issuer = fieldCell(sheet, "hdr.issuer");
  const content = (cell: { row: number; col: number }) => workbook.content(sheet, cell);
  workbook.write(sheetName, [{ ...close, text: "1,000" }]);
  workbook.write(sheetName, [{ ...issuer, text: "Example Holdings Limited" }]);
  await host.writeField(sheetName, "issued.ord1.close.shares", "2000");
  expect(content(close)).toBe("2000");
  expect(workbook.undo()).toBe(true); // the pane's write
  expect(content(close)).toBe("1000");
  expect(workbook.undo()).toBe(true);
  expect(content(issuer)).toBe("");
  expect(workbook.selection(sheetName)).toEqual(issuer);
  expect(workbook.redo()).toBe(true);
  expect(content(issuer)).toBe("Example Holdings Limited");
  expect(workbook.undo() && workbook.undo()).toBe(true);
  expect(content(close)).toBe("");
  expect(workbook.undo()).toBe(false); // nothing before the first edit
  expect(workbook.redo()).toBe(true);
  workbook.write(sheetName, [{ ...issuer, text: "Another" }]);
  expect(workbook.redo()).toBe(false); // a new edit drops what was undone
});

test("a tick box is known as one, and carries the list and prompt of the plan's validation", async () => {
  const workbook = await newWorkbook();
  const plan = planTemplate("ff301-1.2", { ...SHAPE, classes: 1 }, { monthEnded: "2026-06-30" });
  const sheet = workbook.addSheet(plan);
  const box = fieldCell(sheet, "issued.c1.float.complied");
  expect(workbook.isTickBox(sheet, box)).toBe(true);
  expect(workbook.isTickBox(sheet, fieldCell(sheet, "issued.c1.close.shares"))).toBe(false);
  const v = workbook.validation(sheet, box);
  expect(v?.kind).toBe("list");
  expect(v?.list).toEqual(["✓"]);
  expect(v?.inputMessage).toMatch(/^Tick with ✓/);
});
