// The preview in a real headless Chromium: the real task pane beside the embedded workbook, driven
// as a user would (the pane's form, clicks and keys in the grid, paste), with no request leaving
// localhost and no console error. The build runs here, in development mode, into a temp folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEFAULT_FORM, FORM_VERSIONS, layoutOf, formVersion } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";
import { checksOf, reconcile } from "../../src/rules/reconcile";
import { verdictOf } from "../../src/rules/verdict";
import { loadFixture } from "../support/fixtures";
import { ARTIFACTS, launchChromium } from "./support/browser";
import { buildInto } from "./support/build";
import { PreviewPage, WAIT } from "./support/preview-page";
import { serveFolder, type StaticServer } from "./support/static-server";
import { optionShape } from "../support/shapes";

jest.setTimeout(240_000);

const seed = loadFixture("seed-kingsoft-2011-11.json");
const SHAPE = seed.month.layout.shape;
const PLAN = planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" });
/** The verdict line the pane shows for the seed's month as typed (no October in the workbook). */
const SEED_VERDICT = `MR 2011-11: ${verdictOf(seed.month).headline}`;
const addressOf = (field: string): string => {
  const name = PLAN.names.find((n) => n.field === field);
  if (!name) throw new Error(`The plan has no cell for ${field}`);
  return name.address;
};
const seedText = (field: string): string => {
  const v = seed.month.values[field];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
};
const shot = (name: string) => join(ARTIFACTS, `preview-${name}.png`);

/** The FF301 return the pane inserts: two classes, two option lines, one listed class each. */
const FF = {
  shape: optionShape(2, 2),
  header: { monthEnded: "2026-06-30", issuer: "Example Holdings Limited" },
  /** The pane's class controls, by the field each fills. */
  classes: {
    "auth.c1.stockCode": "9999",
    "auth.c1.description": "Ordinary shares",
    "auth.c2.type": "B",
    "auth.c2.stockCode": "89999",
  },
  /** The class headers the sheet starts with (the pane's defaults and the above). */
  values: {
    "auth.c1.className": "Ordinary shares",
    "auth.c1.type": "Not applicable",
    "auth.c1.listed": "Yes",
    "auth.c1.stockCode": "9999",
    "auth.c1.description": "Ordinary shares",
    "auth.c2.className": "Ordinary shares",
    "auth.c2.type": "B",
    "auth.c2.listed": "Yes",
    "auth.c2.stockCode": "89999",
  },
  /** Class 1 at the close of May: the total typed one share more than its two parts. */
  figures: {
    "issued.c1.preceding.excl": "1,950,000,000",
    "issued.c1.preceding.treasury": "50,000,000",
    "issued.c1.preceding.shares": "2,000,000,001",
  },
};
/** The plan the pane asks for, for the addresses (planned here, where the test needs it). */
const ffPlan = () =>
  planTemplate(DEFAULT_FORM, FF.shape, {
    ...FF.header,
    classesInUse: ["c1", "c2"],
    values: FF.values,
  });
const addressIn = (plan: TemplatePlan, field: string): string => {
  const name = plan.names.find((n) => n.field === field);
  if (!name) throw new Error(`The plan has no cell for ${field}`);
  return name.address;
};

let outDir: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let preview: PreviewPage;
const leaks: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  outDir = mkdtempSync(join(ARTIFACTS, "preview-build-"));
  await buildInto(outDir);
  server = await serveFolder(outDir);
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  // every request is routed: anything not for the test's own server fails the test
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    leaks.push(url);
    return route.abort("blockedbyclient");
  });
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  preview = new PreviewPage(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the add-in bundles", () => {
  test("carry no HyperFormula: the GPL engine is in the preview's bundle only", () => {
    // strings of HyperFormula's own code (its class and its license check), not of our comments
    const marks = [
      "class HyperFormula",
      "internal-use-in-handsontable",
      "The license key for HyperFormula",
    ];
    for (const file of ["taskpane.js", "functions.js"]) {
      const code = readFileSync(join(outDir, file), "utf8");
      for (const mark of marks)
        expect({ file, found: code.includes(mark) }).toEqual({ file, found: false });
    }
    const previewCode = readFileSync(join(outDir, "preview.js"), "utf8");
    for (const mark of marks) expect(previewCode.includes(mark)).toBe(true);
  });

  test("leave office.js out of the preview page, which has its own strict policy", () => {
    const html = readFileSync(join(outDir, "preview.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]*office/i);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-eval");
  });
});

describe("the preview in Chromium", () => {
  test("opens interactive, under its policy (no eval)", async () => {
    const ms = await preview.open(`${server.origin}/preview.html`);
    console.log(`preview interactive in ${ms} ms`);
    // a page of the same origin without our listeners: inline script and eval are refused there
    const probe = await context.newPage();
    await probe.goto(`${server.origin}/preview.html`);
    const outcome = await probe.evaluate(async () => {
      const scope = window as unknown as Record<string, unknown>;
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.head.append(script);
      // a string timer is eval: it runs outside this evaluation, under the page's policy
      (setTimeout as (code: string, ms: number) => number)("window.evalRan = true", 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { inline: scope.inlineRan === true, eval: scope.evalRan === true };
    });
    await probe.close();
    expect(outcome).toEqual({ inline: false, eval: false });
  });

  test("inserts the seed's template through the pane's form, on the 2011 form", async () => {
    await preview.choosePane("formId", FORM_VERSIONS["legacy-2011"].name);
    await preview.pane.getByText("Classes of shares in use").waitFor(WAIT);
    await preview.fillPane("monthEnded", "2011-11-30");
    await preview.fillPane("issuer", "Kingsoft Corporation Limited");
    const counts = {
      options: "5",
      fundsLines: "2",
      warrants: "0",
      convertibles: "0",
      arrangements: "0",
      otherMovements: "1",
    };
    for (const [field, value] of Object.entries(counts)) await preview.fillPane(field, value);
    await preview.paneButton("#hkmr-insert").click();
    await preview.tab("MR 2011-11").waitFor(WAIT);
    await preview.pane.getByText("Inserted MR 2011-11").waitFor(WAIT);
    await preview.cell("A1").waitFor(WAIT);
    await preview.screenshot(shot("1-inserted"));
  });

  test("takes every seed figure typed into the grid; the pane gives the seed's verdict", async () => {
    // click the cell, type, Enter: every input the seed fills, in the sheet's order
    const typed = PLAN.names
      .filter((n) => n.field && seedText(n.field) !== "")
      .map((n) => ({ address: n.address, text: seedText(n.field!) }));
    expect(typed.length).toBeGreaterThan(100);
    for (const { address, text } of typed) await preview.type(address, text);
    expect(await preview.shown(addressOf("A.3.exercised"))).toBe("37,000");
    expect(await preview.contentOf(addressOf("A.3.exercised"))).toBe("37000");
    expect(await preview.shown(addressOf("A.1.egmDate"))).toBe("30/06/2004");
    expect(await preview.shown(addressOf("A.1.price"))).toBe("US$ 0.0353");

    await preview.paneButton("#hkmr-check").click();
    await preview.pane.locator(".verdict", { hasText: SEED_VERDICT }).waitFor(WAIT);
    // the sheet's summary and the pane say the same
    const summary = await preview.cell(PLAN.summary).locator(".wb-value").textContent();
    expect(`MR 2011-11: ${summary}`).toBe(SEED_VERDICT);
    expect(await page.locator(".wb-cell[data-mark]").count()).toBe(0);
    expect(await preview.shown(addressOf("issued.ord1.close.shares"))).toBe("1,167,673,933");
    await preview.screenshot(shot("2-seed-verdict"));
  });

  test("marks a figure that no longer reconciles and lists the finding; a click selects it", async () => {
    const close = addressOf("issued.ord1.close.shares");
    await preview.type(close, "1,167,673,932");
    await page.locator(`.wb-cell[data-address="${close}"][data-mark="error"]`).waitFor(WAIT);
    // the likely cause names the closing balance; the checks it fails are folded under it
    await preview.pane
      .locator('.likely-item[data-target="issued.ord1.close.shares"]')
      .waitFor(WAIT);
    await preview.pane.locator(".likely .explained summary").click();
    const finding = preview.pane.locator('.finding[data-severity="error"]', {
      hasText: "1,167,673,932",
    });
    await finding.first().waitFor(WAIT);
    expect(await preview.shown(PLAN.summary)).toMatch(/\d+ errors?/);
    // the check's text beside the marked cell, not colour alone
    await preview.click(close);
    await page.locator(".wb-checktext", { hasText: "1,167,673,932" }).first().waitFor(WAIT);
    await preview.screenshot(shot("3-marked"));

    await preview.viewport.press("Control+Home");
    await page.locator('.wb-cell[data-address="A1"][aria-selected]').waitFor(WAIT);
    await finding.first().click();
    await page.locator(`.wb-cell[data-address="${close}"][aria-selected]`).waitFor(WAIT);
    expect(await preview.nameBox.inputValue()).toBe("issued_ord1_close_shares");
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await preview.inView(close)).toBe(true);
    await preview.screenshot(shot("4-finding-selected"));

    await preview.type(close, seedText("issued.ord1.close.shares"));
    await preview.pane.locator(".verdict", { hasText: SEED_VERDICT }).waitFor(WAIT);
  });

  test("rolls forward: December's opening balances are November's closing balances", async () => {
    await preview.paneButton("#hkmr-roll-forward").click();
    await preview.tab("MR 2011-12").waitFor(WAIT);
    await page.locator('.wb-viewport[aria-label="Worksheet MR 2011-12"]').waitFor(WAIT);
    const layout = layoutOf(formVersion("legacy-2011")!, SHAPE);
    const pairs = checksOf(layout).flatMap((check) => {
      const previous = check.cells.filter((c) => c.prev);
      const opening = check.cells.find((c) => !c.prev);
      return previous.length === 1 && opening ? [[opening.id, previous[0].id] as const] : [];
    });
    const unique = [...new Map(pairs.map((p) => [p[0], p])).values()];
    expect(unique.length).toBeGreaterThan(3);
    const december: Record<string, string> = {};
    for (const [opening] of unique) december[opening] = await preview.shown(addressOf(opening));
    await preview.screenshot(shot("5-rolled-forward"));
    await preview.activate("MR 2011-11");
    for (const [opening, closing] of unique)
      expect({ opening, value: december[opening] }).toEqual({
        opening,
        value: await preview.shown(addressOf(closing)),
      });
    expect(december["issued.ord1.preceding.shares"]).toBe("1,167,673,933");
  });

  test("pastes a block of tab- and newline-separated text into the input cells", async () => {
    await preview.activate("MR 2011-12");
    // December's E lines (this month's events) start blank; paste them as copied from a file
    const eKeys = seed.month.layout.domains.eLine;
    const first = addressOf(`E.${eKeys[0]}.issued`);
    expect(await preview.contentOf(first)).toBe("");
    const block = eKeys.map((_, i) => `${i === 2 ? "1,000" : "Nil"}\tNil`).join("\r\n");
    await preview.paste(first, `${block}\r\n`);
    expect(await preview.contentOf(first)).toBe("Nil");
    expect(await preview.shown(addressOf(`E.${eKeys[2]}.issued`))).toBe("1,000");
    expect(await preview.contentOf(addressOf(`E.${eKeys[9]}.mayIssue`))).toBe("Nil");
    // a block that runs over template cells fills the inputs and says what it left
    await preview.paste(addressOf(`E.${eKeys[2]}.issued`), "Nil\tNil\tNil\tNil");
    await page.getByText(/cells pasted; \d+ template cells were left/).waitFor(WAIT);
    expect(await preview.contentOf(addressOf(`E.${eKeys[2]}.issued`))).toBe("Nil");
  });

  test("moves like Excel: Tab right, Enter back to where the Tabs began; template cells stay", async () => {
    await preview.activate("MR 2011-12");
    const selected = (address: string) =>
      page.locator(`.wb-cell[data-address="${address}"][aria-selected]`).waitFor(WAIT);
    await preview.click("B13");
    await preview.viewport.press("Tab");
    await selected("C13");
    await preview.viewport.press("Tab");
    await selected("D13");
    await preview.viewport.press("Enter");
    await selected("B14");
    await preview.viewport.press("Shift+Enter");
    await selected("B13");
    // typing over a label of the template changes nothing and says why
    await preview.click("A13");
    const label = await preview.content.inputValue();
    await page.keyboard.type("x");
    await page.getByText("This cell belongs to the template").waitFor(WAIT);
    expect(await preview.content.inputValue()).toBe(label);
  });

  test("keeps both sheets and their values across a reload", async () => {
    await preview.activate("MR 2011-12");
    await page.reload();
    await page.locator("body[data-ready=true]").waitFor(WAIT);
    await preview.tab("MR 2011-11").waitFor(WAIT);
    await preview.tab("MR 2011-12").waitFor(WAIT);
    expect(await preview.tab("MR 2011-12").getAttribute("aria-selected")).toBe("true");
    expect(await preview.shown(addressOf("issued.ord1.preceding.shares"))).toBe("1,167,673,933");
    await preview.activate("MR 2011-11");
    expect(await preview.contentOf(addressOf("A.1.price"))).toBe("US$ 0.0353");
    await preview.paneButton("#hkmr-check").click();
    await preview.pane.locator(".verdict", { hasText: SEED_VERDICT }).waitFor(WAIT);
    await preview.screenshot(shot("6-reloaded"));
  });

  test("exports the workbook as .xlsx with formulas, names and formats", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download", WAIT),
      page.getByRole("button", { name: "Export .xlsx" }).click(),
    ]);
    const file = join(ARTIFACTS, "preview-export.xlsx");
    await download.saveAs(file);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(["MR 2011-11", "MR 2011-12"]);
    const november = book.getWorksheet("MR 2011-11")!;
    const check = november.getCell(PLAN.checks[0].address).value as { formula?: string };
    expect(check.formula).toMatch(/^_xldudf_HKMR_CHECK\("legacy-2011\|/);
    expect(november.getCell(addressOf("issued.ord1.close.shares")).value).toBe(1167673933);
    expect(november.getCell(addressOf("A.1.price")).value).toBe("US$ 0.0353");
    expect(november.getCell(addressOf("A.3.exercised")).numFmt).toBe("#,##0;(#,##0)");
    expect(november.getCell("A1").isMerged).toBe(true);
    // names and the return's marker are worksheet-scoped, as the Excel adapter writes them
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('<definedName name="hkmr_return" localSheetId="0">');
    expect(workbookXml).toContain(
      `<definedName name="issued_ord1_close_shares" localSheetId="1">&apos;MR 2011-12&apos;!$B$46</definedName>`
    );
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect((sheetXml.match(/<cfRule /g) ?? []).length).toBe(PLAN.conditionalFormats.length);
    writeFileSync(join(ARTIFACTS, "preview-export-workbook.xml"), workbookXml);
  });

  test("inserts the current form by default: FF301 with two class blocks, from the pane", async () => {
    // the reload above kept the form's last entries for this workbook: the 2011 form, as chosen
    const version = preview.pane.locator('fluent-dropdown[data-field="formId"]');
    expect(await version.evaluate((d) => (d as { value?: unknown }).value)).toBe("legacy-2011");
    await preview.choosePane("formId", FORM_VERSIONS[DEFAULT_FORM].name);
    const started = Date.now();
    await preview.fillPane("monthEnded", FF.header.monthEnded);
    await preview.fillPane("issuer", FF.header.issuer);
    await preview.fillPane("classCount", String(FF.shape.classes));
    for (const [field, value] of Object.entries(FF.classes)) await preview.fillPane(field, value);
    await preview.fillPane("options", String(FF.shape.options));
    await preview.paneButton("#hkmr-insert").click();
    await preview.tab("MR 2026-06").waitFor(WAIT);
    await preview.pane.getByText("Inserted MR 2026-06").waitFor(WAIT);
    console.log(
      `FF301 template (2 classes, 2 option lines) inserted in ${Date.now() - started} ms`
    );
    const plan = ffPlan();
    const at = (field: string) => addressIn(plan, field);
    // what the pane typed reached the sheet as the class headers
    expect(await preview.contentOf(at("auth.c2.type"))).toBe("B");
    expect(await preview.contentOf(at("auth.c1.stockCode"))).toBe("9999");
    expect(await preview.contentOf(at("auth.c1.listed"))).toBe("Yes");
    expect(await preview.contentOf(at("auth.c1.className"))).toBe("Ordinary shares");
    await preview.screenshot(shot("7-ff301-inserted"));
  });

  test("FF301: a total that is not excl. + treasury shares is listed, marked and found", async () => {
    const plan = ffPlan();
    const at = (field: string) => addressIn(plan, field);
    const started = Date.now();
    for (const [field, text] of Object.entries(FF.figures)) await preview.type(at(field), text);
    await preview.paneButton("#hkmr-check").click();
    // the engine, in Node, says which finding the figures make and which cell it names first
    const layout = layoutOf(formVersion(DEFAULT_FORM)!, FF.shape);
    const initial = plan.cells.filter((c) => c.field).map((c) => [c.field!, c.content] as const);
    const values = { ...Object.fromEntries(initial), ...FF.values, ...FF.figures };
    const sums = reconcile({ layout, values }).filter((f) => f.ruleId === "treasury.sum");
    expect(sums).toHaveLength(1);
    const target = sums[0].cells[0];
    expect(Object.keys(FF.figures)).toContain(target);
    const finding = preview.pane.locator(
      `.finding[data-severity="error"][data-instance="${sums[0].instance}"]`
    );
    await finding.waitFor(WAIT);
    expect(await finding.textContent()).toContain("2,000,000,001");
    await page.locator(`.wb-cell[data-address="${at(target)}"][data-mark="error"]`).waitFor(WAIT);
    console.log(`FF301 figures typed, checked and marked in ${Date.now() - started} ms`);
    expect(await preview.shown(plan.summary)).toMatch(/\d+ errors?/);
    await preview.screenshot(shot("8-ff301-marked"));

    await preview.viewport.press("Control+Home");
    await page.locator('.wb-cell[data-address="A1"][aria-selected]').waitFor(WAIT);
    await finding.click();
    await page.locator(`.wb-cell[data-address="${at(target)}"][aria-selected]`).waitFor(WAIT);
    expect(await preview.nameBox.inputValue()).toBe(
      plan.names.find((n) => n.field === target)?.name
    );
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await preview.inView(at(target))).toBe(true);
    await preview.screenshot(shot("9-ff301-finding-selected"));
  });

  test("the pane's class blocks fit a 320 px pane without scrolling sideways", async () => {
    const pane = page.locator("#pane");
    await pane.evaluate((p) => (p.style.width = "320px"));
    await preview.pane.locator(".class-block").nth(1).scrollIntoViewIfNeeded();
    const sizes = await pane.evaluate((p) => ({ scroll: p.scrollWidth, client: p.clientWidth }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    // each block's controls stay inside the pane and clear of one another
    const misplaced = await pane.evaluate((p) => {
      const edge = p.getBoundingClientRect().right;
      const out: string[] = [];
      for (const block of p.querySelectorAll(".class-block")) {
        const controls = [...block.querySelectorAll<HTMLElement>("[data-field]")];
        // a control's drawn box: its element and what its shadow root draws (which can be wider)
        const boxes = controls.map((c) => {
          const parts = [c, ...(c.shadowRoot ? [...c.shadowRoot.children] : [])];
          const rects = parts.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
          return {
            field: c.dataset.field,
            box: {
              left: Math.min(...rects.map((r) => r.left)),
              right: Math.max(...rects.map((r) => r.right)),
              top: Math.min(...rects.map((r) => r.top)),
              bottom: Math.max(...rects.map((r) => r.bottom)),
            },
          };
        });
        for (const [i, a] of boxes.entries()) {
          if (a.box.right > edge + 0.5) out.push(`${a.field} overflows`);
          for (const b of boxes.slice(i + 1)) {
            const apart =
              a.box.right <= b.box.left + 0.5 ||
              b.box.right <= a.box.left + 0.5 ||
              a.box.bottom <= b.box.top + 0.5 ||
              b.box.bottom <= a.box.top + 0.5;
            if (!apart) out.push(`${a.field} overlaps ${b.field}`);
          }
        }
      }
      return out;
    });
    expect(misplaced).toEqual([]);
    await pane.screenshot({ path: shot("10-ff301-pane-320px") });
    await pane.evaluate((p) => (p.style.width = ""));
  });

  test("sent nothing beyond localhost and logged no console error", () => {
    expect(leaks).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe("the task pane page in Chromium", () => {
  const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko";

  /**
   * Opens taskpane.html in a fresh context (this user agent, if given); nothing leaves the server.
   * The context stays open until the browser closes: closing one ends this single-process Chromium.
   */
  async function openTaskPane(userAgent?: string) {
    const own = await browser.newContext(userAgent ? { userAgent } : {});
    await own.route("**/*", (route) =>
      route.request().url().startsWith(`${server.origin}/`)
        ? route.continue()
        : route.abort("blockedbyclient")
    );
    const tab = await own.newPage();
    const refused: string[] = [];
    tab.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    await tab.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
    return { tab, refused };
  }

  test("with Internet Explorer 11's user agent, shows which Excel versions work; the bundles leave it", async () => {
    const { tab, refused } = await openTaskPane(IE11);
    const notice = tab.locator("#unsupported-webview");
    await notice.waitFor(WAIT);
    // the deferred bundles have run by "load"; a moment more for office.js's onReady
    await tab.waitForTimeout(500);
    expect(await notice.textContent()).toContain("Excel 2021 or later on Windows");
    expect(await tab.locator("#app").count()).toBe(0);
    expect(await tab.title()).toMatch(/cannot run/);
    expect(refused).toEqual([]);
    await tab.screenshot({ path: shot("11-unsupported-webview") });
    await tab.close();
  });

  test("in a current Chromium, leaves the page to the bundles", async () => {
    const { tab, refused } = await openTaskPane();
    await tab.getByText("Open this page inside Excel to use the add-in.").waitFor(WAIT);
    expect(await tab.locator("#unsupported-webview").count()).toBe(0);
    expect(refused).toEqual([]);
    await tab.close();
  });
});
