// The exported .xlsx carries the plan's print setup as Excel and LibreOffice read it: the print
// area and titles as worksheet-scoped names, absolute in rows and columns, A4, one page wide and
// as many tall as needed, the orientation, the margins, the footer and the page breaks.
import JSZip from "jszip";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { HyperFormula } from "hyperformula";
import { planTemplate } from "../../src/plan/template";
import { exportXlsx } from "../../src/preview/export-xlsx";
import { registerHkmrFunctions } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import { PreviewHost } from "../../src/preview/preview-host";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { hkmrMetadata } from "../support/hkmr-hyperformula";
import { TWO_CLASSES_THREE_OPTIONS } from "../support/shapes";

const SHAPE = TWO_CLASSES_THREE_OPTIONS;

let files: { workbook: string; sheets: string[] };
const plans = [
  planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" }),
  planTemplate("ff301-1.2", SHAPE, { monthEnded: "2026-06-30" }),
];

beforeAll(async () => {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  const workbook = new PreviewWorkbook(
    HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS])
  );
  const host = new PreviewHost(workbook);
  for (const plan of plans) await host.insertTemplate(plan);
  const blob = await exportXlsx(workbook);
  const zip = await JSZip.loadAsync(Buffer.from(await blob.arrayBuffer()));
  const text = (path: string): Promise<string> => zip.file(path)!.async("string");
  files = {
    workbook: await text("xl/workbook.xml"),
    sheets: await Promise.all(plans.map((_, k) => text(`xl/worksheets/sheet${k + 1}.xml`))),
  };
});

describe.each(plans.map((plan, k) => [plan.formId, plan, k] as const))(
  "the exported print setup of %s",
  (_, plan, k) => {
    const sheet = (): string => files.sheets[k];
    const quoted = `&apos;${plan.sheetName}&apos;`;

    test("names the form's columns as the print area and rows 1 to 5 as titles, absolute", () => {
      expect(plan.print.area).toMatch(/^\$A\$1:\$[A-Z]+\$\d+$/);
      expect(files.workbook).toContain(
        `<definedName name="_xlnm.Print_Area" localSheetId="${k}">${quoted}!${plan.print.area}</definedName>`
      );
      expect(files.workbook).toContain(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${k}">${quoted}!$1:$5</definedName>`
      );
      // once each: ExcelJS's own (rows left relative) are not written besides
      expect(files.workbook.match(/_xlnm\.Print_Area/g)).toHaveLength(plans.length);
    });

    test("prints A4 in the plan's orientation, one page wide and as many tall as needed", () => {
      expect(sheet()).toContain('<pageSetUpPr fitToPage="1"/>');
      const setup = /<pageSetup [^>]*>/.exec(sheet())![0];
      expect(setup).toContain('paperSize="9"');
      expect(setup).toContain(`orientation="${plan.print.orientation}"`);
      expect(setup).toContain('fitToWidth="1"');
      expect(setup).toContain('fitToHeight="0"');
    });

    test("writes the margins in inches, the page number footer and a break above each row", () => {
      const margins = /<pageMargins ([^>]*)\/>/.exec(sheet())![1];
      const left = Number(/left="([\d.]+)"/.exec(margins)![1]);
      expect(left * 72).toBeCloseTo(plan.print.margins.left, 6);
      expect(sheet()).toContain("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>");
      const breaks = [...sheet().matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
      // Excel keeps a break as the row it follows
      expect(breaks).toEqual(plan.print.rowBreaks.map((r) => r - 1));
      expect(breaks.length).toBeGreaterThan(0);
    });
  }
);

test("exports a sheet whose stored plan predates the margins, breaks and footer", async () => {
  const plan = planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-10-31" });
  const { paper, orientation, fitToPagesWide, titleRows, area } = plan.print;
  const old = { ...plan, print: { paper, orientation, fitToPagesWide, titleRows, area } };
  const workbook = new PreviewWorkbook(
    HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS])
  );
  await new PreviewHost(workbook).insertTemplate(old as unknown as typeof plan);
  const zip = await JSZip.loadAsync(Buffer.from(await (await exportXlsx(workbook)).arrayBuffer()));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  expect(book).toContain(`!${area}</definedName>`);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(sheet).not.toContain("<rowBreaks");
  expect(sheet).toContain('fitToHeight="0"');
});
