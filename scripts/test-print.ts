// `npm run test:print`: the print a director signs, as LibreOffice renders the exported .xlsx.
// Builds the preview's export in Node for an FF301 return (2 classes, 3 option lines) and for the
// seed (2011 form), converts both to PDF with LibreOffice headless and checks, from the PDF's
// words (poppler's pdftotext -bbox): the page count, the printed size of the body text, the
// form's header on every page, the sections in the form's order with no heading left alone at
// the foot of a page, and nothing of the check columns. Needs `soffice` (Debian's
// libreoffice-calc), `pdftotext`/`pdftoppm` (poppler-utils) and, for Excel's metrics, the Carlito
// font (fonts-crosextra-carlito); `npm test` never runs it. `--png FILE` also writes page 1 of
// the FF301 print as a PNG (docs/print-ff301-page1.png). Exits 1 when a check fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import "../src/preview/hf-custom-functions-shim";
import type { Shape } from "../src/form";
import * as implementations from "../src/functions/functions";
import { BODY_FONT_PT, pageCountOf, PRINT_MARGINS, printScale } from "../src/plan/print";
import { planTemplate } from "../src/plan/template";
import type { TemplatePlan } from "../src/plan/types";
import { ERROR_PREFIX, OK, TO_FILL_PREFIX, WARNING_PREFIX } from "../src/rules/check-cell";
import { REASON_UNREADABLE } from "../src/rules/row-verdict";
import { exportXlsx } from "../src/preview/export-xlsx";
import { registerHkmrFunctions } from "../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../src/preview/hf-workbook";
import { PreviewHost } from "../src/preview/preview-host";
import { cellOfA1 } from "../src/preview/sheet-model";
import { PreviewWorkbook } from "../src/preview/workbook";
import { loadFixture } from "../tests/support/fixtures";
import { hkmrMetadata } from "../tests/support/hkmr-hyperformula";
import { linesOf, opening, pagesOf, percentile, run, squash } from "./print-pdf";

/** What each print must reach on this branch's column widths (the merger re-measures). */
interface Expectation {
  readonly pages: readonly [number, number];
  /** The smallest body text allowed, in points. */
  readonly minPt: number;
}

interface Case {
  readonly id: string;
  readonly plan: TemplatePlan;
  readonly expect: Expectation;
}

/** Option line `k` of an invented scheme with nothing moved in the month. */
const optionLine = (k: number): [string, string][] => [
  [`A.${k}.particulars`, `Share Option Scheme adopted on ${k} May 20${10 + k}`],
  [`A.${k}.class`, "Ordinary shares"],
  [`A.${k}.price`, `HKD ${k}.10`],
  [`A.${k}.egmDate`, `${k} May 20${10 + k}`],
  ...["granted", "exercised", "cancelled", "lapsed", "issued", "treasury"].map(
    (f): [string, string] => [`A.${k}.${f}`, "0"]
  ),
  ...["preceding", "close", "mayIssue"].map((f): [string, string] => [
    `A.${k}.${f}`,
    `${k},500,000`,
  ]),
];

// An FF301 month with a second class and three option lines: the example fixture's figures, and
// for the new lines and class, invented ones that did not move in the month
const ff301 = loadFixture("ff301-options-treasury-example-2026-06.json");
const FF301_SHAPE: Shape = { ...ff301.month.layout.shape, classes: 2, options: 3 };
const FF301_VALUES: Readonly<Record<string, string>> = {
  ...ff301.doc.values,
  "auth.total": "HKD 85,000,000",
  "auth.c2.className": "Preference shares",
  "auth.c2.type": "Not applicable",
  "auth.c2.listed": "No",
  "auth.c2.description": "Preference shares of HKD 0.10 each",
  "auth.c2.preceding.shares": "50,000,000",
  "auth.c2.preceding.par": "HKD 0.10",
  "auth.c2.preceding.capital": "HKD 5,000,000",
  "auth.c2.movement.shares": "0",
  "auth.c2.movement.capital": "0",
  "auth.c2.close.shares": "50,000,000",
  "auth.c2.close.par": "HKD 0.10",
  "auth.c2.close.capital": "HKD 5,000,000",
  "issued.c2.preceding.excl": "20,000,000",
  "issued.c2.preceding.treasury": "0",
  "issued.c2.preceding.shares": "20,000,000",
  "issued.c2.movement.excl": "0",
  "issued.c2.movement.treasury": "0",
  "issued.c2.movement.shares": "0",
  "issued.c2.close.excl": "20,000,000",
  "issued.c2.close.treasury": "0",
  "issued.c2.close.shares": "20,000,000",
  "issued.c2.pending": "Nil",
  ...Object.fromEntries(["A", "B", "C", "D", "E"].map((part) => [`${part}.total.c2`, "0"])),
  ...Object.fromEntries([2, 3].flatMap(optionLine)),
};

const seed = loadFixture("seed-kingsoft-2011-11.json");

const CASES: readonly Case[] = [
  {
    id: "ff301-1.2",
    plan: planTemplate("ff301-1.2", FF301_SHAPE, {
      monthEnded: FF301_VALUES["hdr.monthEnded"],
      issuer: FF301_VALUES["hdr.issuer"],
      classesInUse: ["c1", "c2"],
      values: FF301_VALUES,
    }),
    expect: { pages: [5, 8], minPt: 6.3 },
  },
  {
    id: "legacy-2011",
    plan: planTemplate(seed.doc.form, seed.month.layout.shape, {
      monthEnded: seed.doc.values["hdr.monthEnded"],
      values: seed.doc.values,
    }),
    expect: { pages: [4, 6], minPt: 7.5 },
  },
];

/** Check texts the print must not hold: the check cells' states and any HKMR call. */
const CHECK_TEXTS = [
  ERROR_PREFIX.trim(),
  WARNING_PREFIX.trim(),
  TO_FILL_PREFIX,
  "HKMR",
  "#NAME?",
  // the fallback of a row's reason: shown where the cached value is missing and the printing
  // program cannot run HKMR.REASON itself
  REASON_UNREADABLE,
];

const failures: string[] = [];
const expect = (ok: boolean, what: string): void => {
  if (!ok) failures.push(what);
};

/** The plan inserted into a preview workbook and exported as the preview's Export does. */
async function exportOf(plan: TemplatePlan): Promise<{ file: Buffer; checkTexts: Set<string> }> {
  const workbook = new PreviewWorkbook(
    HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS])
  );
  const { sheetName } = await new PreviewHost(workbook).insertTemplate(plan);
  const sheet = workbook.sheet(sheetName)!;
  // what the check cells show, as the file caches it: none of it may print
  const checkTexts = new Set<string>();
  for (const check of plan.checks) {
    const { value } = workbook.value(sheet, cellOfA1(check.address)!);
    if (typeof value === "string" && value.length > 3) checkTexts.add(value.slice(0, 40));
  }
  const blob = await exportXlsx(workbook);
  return { file: Buffer.from(await blob.arrayBuffer()), checkTexts };
}

/** One cell of body text at 100%, whose rendered height gives points per unit of word height. */
async function calibration(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Calibration");
  ws.getCell("A1").value = "Calibration Body Text";
  ws.getCell("A1").font = { name: "Calibri", size: BODY_FONT_PT };
  ws.getColumn(1).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const png = process.argv.includes("--png") ? process.argv[process.argv.indexOf("--png") + 1] : "";
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  const dir = mkdtempSync(join(tmpdir(), "hkmr-print-"));
  try {
    const checkTexts = new Map<string, Set<string>>();
    for (const c of CASES) {
      const { file, checkTexts: texts } = await exportOf(c.plan);
      writeFileSync(join(dir, `${c.id}.xlsx`), file);
      checkTexts.set(c.id, texts);
    }
    writeFileSync(join(dir, "calibration.xlsx"), await calibration());
    // a profile of its own: never the user's, and no clash with another soffice running
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    const files = ["calibration", ...CASES.map((c) => c.id)].map((f) => join(dir, `${f}.xlsx`));
    run("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files]);

    const [calibrated] = pagesOf(join(dir, "calibration.pdf"));
    const unit =
      percentile(
        calibrated.words.map((w) => w.height),
        0.5
      ) / BODY_FONT_PT;
    console.log(
      `calibration: ${BODY_FONT_PT} pt text is ${(unit * BODY_FONT_PT).toFixed(2)} pt tall`
    );

    const rows: string[][] = [];
    for (const c of CASES) {
      const pdf = join(dir, `${c.id}.pdf`);
      const pages = pagesOf(pdf);
      const { plan } = c;
      const predicted = printScale(plan.columnWidths, formColumnsOf(plan), plan.print.orientation);
      // the body: words above the footer (the page number keeps its own size)
      const body = pages.map((p) =>
        p.words.filter((w) => w.y < p.height - PRINT_MARGINS.bottom + 2)
      );
      const heights = body.flat().map((w) => w.height / unit);
      const minPt = Math.min(...heights);
      const medianPt = percentile(heights, 0.5);
      const expectedPages = pageCountOf(plan);
      rows.push([
        c.id,
        plan.print.orientation,
        `${pages.length} (plan: ${expectedPages})`,
        `${predicted.scale}%`,
        `${medianPt.toFixed(1)} pt (plan: ${predicted.bodyPt.toFixed(1)})`,
        `${minPt.toFixed(1)} pt`,
      ]);
      const [low, high] = c.expect.pages;
      expect(
        pages.length >= low && pages.length <= high,
        `${c.id}: ${pages.length} pages, outside ${low} to ${high}`
      );
      expect(
        Math.abs(pages.length - expectedPages) <= 1,
        `${c.id}: ${pages.length} pages where the plan's breaks make ${expectedPages}`
      );
      // A4 in the plan's orientation (595 x 842 pt)
      const a4 = plan.print.orientation === "landscape" ? [842, 595] : [595, 842];
      expect(
        pages.every((p) => Math.abs(p.width - a4[0]) < 2 && Math.abs(p.height - a4[1]) < 2),
        `${c.id}: pages are not A4 ${plan.print.orientation}`
      );
      expect(minPt >= c.expect.minPt, `${c.id}: text printed at ${minPt.toFixed(1)} pt`);
      expect(
        Math.abs(medianPt - predicted.bodyPt) <= 0.06 * predicted.bodyPt,
        `${c.id}: body text at ${medianPt.toFixed(1)} pt where the plan's scale gives ${predicted.bodyPt.toFixed(1)}`
      );

      const pageLines = body.map(linesOf);
      const text = pageLines.map((lines) => lines.join("\n"));
      // the form's header (its print titles) at the top of every page
      const title = opening(plan.grid[0][0]);
      const month = opening(plan.grid[1][0]);
      text.forEach((t, k) => {
        expect(squash(t).startsWith(title), `${c.id}: page ${k + 1} does not start with the title`);
        expect(squash(t).includes(month), `${c.id}: page ${k + 1} has no "${month}"`);
      });
      // every section and part heading, in the form's order, never the last line of a page
      const headingCells = plan.cells.filter(
        (cell) => cell.col === 1 && (cell.style === "section" || cell.style === "part")
      );
      const breaksAt = new Set(plan.print.rowBreaks);
      // the lines of the form's header on page 1, which each page's titles repeat
      const firstHeading = opening(headingCells[0].content);
      const header = new Set(
        pageLines[0].slice(
          0,
          pageLines[0].findIndex((l) => squash(l).includes(firstHeading))
        )
      );
      let at = { page: 0, line: -1 };
      for (const cell of headingCells) {
        const heading = opening(cell.content);
        let found: typeof at | undefined;
        for (let p = at.page; p < pageLines.length && !found; p++) {
          const from = p === at.page ? at.line + 1 : 0;
          const line = pageLines[p].findIndex((l, k) => k >= from && squash(l).includes(heading));
          if (line >= 0) found = { page: p, line };
        }
        expect(found !== undefined, `${c.id}: "${heading}" missing or out of the form's order`);
        if (!found) continue;
        at = found;
        const after = pageLines[found.page].length - found.line - 1;
        expect(after >= 1, `${c.id}: "${heading}" left at the foot of page ${found.page + 1}`);
        // a page break the plan puts above a heading: nothing but the titles above it
        const above = pageLines[found.page].slice(0, found.line);
        if (breaksAt.has(cell.row))
          expect(
            found.page > 0 && above.every((l) => header.has(l)),
            `${c.id}: the page break above "${heading}" is not applied`
          );
      }
      // nothing of the check columns: no state, no reason, no HKMR call
      const all = text.join("\n");
      for (const word of [...CHECK_TEXTS, ...checkTexts.get(c.id)!]) {
        expect(!all.includes(word), `${c.id}: the print holds the check text "${word}"`);
      }
      expect(!new RegExp(`\\b${OK}\\b`).test(all), `${c.id}: the print holds "${OK}"`);
      if (png && c.id === "ff301-1.2") {
        const stem = join(dir, "page");
        run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, stem]);
        writeFileSync(png, readFileSync(`${stem}.png`));
        console.log(`page 1 written to ${png}`);
      }
    }
    const header = ["form", "orientation", "pages", "scale", "body text", "smallest text"];
    const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
    for (const r of [header, ...rows]) console.log(r.map((v, k) => v.padEnd(widths[k])).join("  "));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} print check(s) failed:\n- ${failures.join("\n- ")}`);
    process.exit(1);
  }
  console.log("\nprint checks passed");
}

/** The form's own columns: the print area's last column. */
function formColumnsOf(plan: TemplatePlan): number {
  const last = /\$([A-Z]+)\$\d+$/.exec(plan.print.area)![1];
  return [...last].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

void main();
