// The preview behaving like Excel, in a real headless Chromium at 1366 x 768, as a user drives it:
// the pane's first screen leads with Insert and shows dates day first; an FF301 return with two
// classes and three option lines; dropdowns, tick boxes (click and Space) and input prompts; Tab,
// Tab, Enter; Ctrl+Z and Ctrl+Y; tabs in month order; the form remembered across a reload; and an
// export whose code was loaded ahead of time. Screenshots go to test-artifacts/.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEFAULT_FORM } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { a1Of, cellOfA1 } from "../../src/preview/sheet-model";
import { ARTIFACTS } from "./support/browser";
import { PreviewPage, WAIT } from "./support/preview-page";
import { openPreviewSession, type PreviewSession } from "./support/session";
import { TWO_CLASSES_THREE_OPTIONS } from "../support/shapes";

jest.setTimeout(300_000);

const SHAPE = TWO_CLASSES_THREE_OPTIONS;
const ISSUER = "Example Holdings Limited";
/** The sheet the pane inserts, planned here only to find its cells (never written from here). */
const PLAN = planTemplate(DEFAULT_FORM, SHAPE, { monthEnded: "2026-06-30", issuer: ISSUER });
const at = (field: string): string => {
  const name = PLAN.names.find((n) => n.field === field);
  if (!name) throw new Error(`The plan has no cell for ${field}`);
  return name.address;
};
const inputs = new Set(PLAN.cells.filter((c) => c.role === "input").map((c) => c.address));
/** The first row of three input cells side by side with an input cell under the first. */
const TAB_RUN = (() => {
  for (const cell of PLAN.cells) {
    const start = cellOfA1(cell.address);
    if (!start || !inputs.has(cell.address)) continue;
    const run = [0, 1, 2].map((k) => a1Of(start.row, start.col + k));
    const below = a1Of(start.row + 1, start.col);
    if (run.every((a) => inputs.has(a)) && inputs.has(below)) return { run, below };
  }
  throw new Error("The plan has no row of three input cells");
})();
const shot = (name: string) => join(ARTIFACTS, `excel-like-${name}.png`);

let session: PreviewSession;
let page: Page;
let preview: PreviewPage;
let consoleErrors: string[] = [];

beforeAll(async () => {
  session = await openPreviewSession("excel-like", { width: 1366, height: 768 });
  ({ page, preview, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

const selected = () => page.locator(".wb-cell[aria-selected]").getAttribute("data-address");
const paneInput = (field: string) =>
  preview.pane.locator(`fluent-text-input[data-field="${field}"] input`);

/** Whether the export chunk (ExcelJS) has been fetched by the page. */
const exportLoaded = () =>
  page.evaluate(() =>
    performance.getEntriesByType("resource").some((e) => /\/export\.js(\?|$)/.test(e.name))
  );

describe("the pane's first screen", () => {
  test("leads with Insert template, above the fold and primary; an idle Check is not", async () => {
    await preview.pane.locator(".verdict, .check-result").first().waitFor(WAIT);
    const insert = preview.pane.locator("#hkmr-insert-top");
    await insert.waitFor(WAIT);
    const box = await insert.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThan(768);
    expect(await insert.getAttribute("appearance")).toBe("primary");
    expect(await preview.pane.locator("#hkmr-check").getAttribute("appearance")).toBeNull();
    await preview.screenshot(shot("1-pane-first-screen"));
  });

  test("its dates read day first, typed as text", async () => {
    const month = paneInput("monthEnded");
    expect(await month.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await month.getAttribute("type")).not.toBe("date");
    expect(await paneInput("submitted").getAttribute("type")).not.toBe("date");
  });

  test("the Name Box and the formula bar are labelled for screen readers", async () => {
    await page.getByRole("textbox", { name: /^Name Box/ }).waitFor(WAIT);
    await page.getByRole("textbox", { name: /content of the selected cell/i }).waitFor(WAIT);
  });

  test("the 2011 form for a month filed on FF301 gets a plain note, not a refusal", async () => {
    await preview.fillPane("monthEnded", "30/06/2026");
    await preview.choosePane("formId", "2011 form");
    const note = preview.pane.locator(".version-note:not([hidden])");
    await note.waitFor(WAIT);
    expect(await note.textContent()).toContain("30 June 2026");
    await preview.screenshot(shot("1b-2011-form-note"));
    await preview.choosePane("formId", "FF301 v1.2");
    await preview.pane.locator(".version-note[hidden]").waitFor({ ...WAIT, state: "attached" });
  });
});

describe("an FF301 return with two classes and three option lines", () => {
  test("inserts from the pane, and a month inserted later takes its tab in month order", async () => {
    await preview.fillPane("issuer", ISSUER);
    await preview.fillPane("classCount", "2");
    await preview.fillPane("auth.c1.stockCode", "9990");
    await preview.fillPane("auth.c1.description", "Ordinary shares");
    await preview.fillPane("auth.c2.stockCode", "9991");
    await preview.fillPane("auth.c2.description", "Preference shares");
    await preview.fillPane("options", "3");
    await preview.fillPane("monthEnded", "30/06/2026");
    await preview.paneButton("#hkmr-insert").click();
    await preview.tab("MR 2026-06").waitFor(WAIT);
    await preview.fillPane("monthEnded", "31/05/2026");
    await preview.paneButton("#hkmr-insert").click();
    await preview.tab("MR 2026-05").waitFor(WAIT);
    const tabs = await page.getByRole("tab").allTextContents();
    expect(tabs).toEqual(["MR 2026-05", "MR 2026-06"]);
    await preview.activate("MR 2026-06");
  });

  test("a list validation is a dropdown: its button opens the choices, a click writes one", async () => {
    const listed = PLAN.validations.find((v) => v.kind === "list" && v.list?.includes("No"))!;
    const cell = listed.address.split(":")[0];
    await preview.click(cell);
    const button = page.locator(".wb-dropbutton:not([hidden])");
    await button.click();
    const list = page.getByRole("listbox");
    await list.waitFor(WAIT);
    expect(await list.getByRole("option").allTextContents()).toEqual(listed.list);
    await preview.screenshot(shot("2-dropdown-open"));
    await list.getByRole("option", { name: "No", exact: true }).click();
    expect(await preview.contentOf(cell)).toBe("No");
    // and by the keyboard, as Excel's Alt+Down
    await preview.click(cell);
    await page.keyboard.press("Alt+ArrowDown");
    await list.waitFor(WAIT);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    expect(await preview.contentOf(cell)).toBe("Yes");
  });

  test("a tick box shows its prompt, and is ticked with ✓ by a click and by Space", async () => {
    const box = at("issued.c1.float.complied");
    await preview.click(box); // a click ticks it, as Excel's cell check boxes do
    expect(await preview.contentOf(box)).toBe("✓");
    const prompt = page.getByRole("tooltip");
    await prompt.waitFor(WAIT);
    expect(await prompt.textContent()).toContain("Tick with ✓");
    // wholly in view, above the cell when the view has no room below it, as Excel places it
    const promptBox = (await prompt.boundingBox())!;
    const view = (await preview.viewport.boundingBox())!;
    expect(promptBox.y + promptBox.height).toBeLessThanOrEqual(view.y + view.height);
    await preview.screenshot(shot("3-tick-prompt"));
    await page.keyboard.press("Space");
    expect(await preview.contentOf(box)).toBe("");
    await page.keyboard.press("Space");
    expect(await preview.contentOf(box)).toBe("✓");
    // a word typed into it is kept, as Excel's warning keeps it, but the page says it is no tick
    await preview.type(box, "No");
    await page.locator(".wb-message", { hasText: "Not a tick" }).waitFor(WAIT);
    expect(await preview.contentOf(box)).toBe("No");
  });

  test("a figure cell's input prompt shows when it is selected, and FF301 writes a decrease -1,234", async () => {
    await preview.click(at("issued.c1.close.shares"));
    const prompt = page.getByRole("tooltip");
    await prompt.waitFor(WAIT);
    expect(await prompt.textContent()).toContain("-1,234");
    expect(await prompt.textContent()).not.toContain("(1,234)");
  });

  test("Tab, Tab, Enter after typing goes back to the column where the Tabs began, a row down", async () => {
    const [first, second, third] = TAB_RUN.run;
    await preview.click(first);
    await page.keyboard.type("1");
    await page.keyboard.press("Tab");
    expect(await selected()).toBe(second);
    await page.keyboard.type("2");
    await page.keyboard.press("Tab");
    expect(await selected()).toBe(third);
    await page.keyboard.type("3");
    await page.keyboard.press("Enter");
    expect(await selected()).toBe(TAB_RUN.below);
    expect(await preview.contentOf(third)).toBe("3");
  });

  test("Ctrl+Z takes edits back one at a time and Ctrl+Y makes them again", async () => {
    const [first, , third] = TAB_RUN.run;
    await preview.click(third);
    await page.keyboard.press("Control+z");
    await page.locator(`.wb-cell[data-address="${third}"][aria-selected]`).waitFor(WAIT);
    expect(await preview.contentOf(third)).toBe("");
    await preview.viewport.focus();
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    expect(await preview.contentOf(first)).toBe("");
    await preview.viewport.focus();
    await page.keyboard.press("Control+y");
    expect(await preview.contentOf(first)).toBe("1");
  });
});

describe("across a reload", () => {
  test("the insert form remembers its last entries for this workbook", async () => {
    await page.reload();
    await page.locator("body[data-ready=true]").waitFor(WAIT);
    await preview.pane.locator("#hkmr-insert").waitFor(WAIT);
    expect(await paneInput("issuer").inputValue()).toBe(ISSUER);
    expect(await paneInput("classCount").inputValue()).toBe("2");
    expect(await paneInput("options").inputValue()).toBe("3");
  });

  test("bad stored entries never break the page", async () => {
    await page.evaluate(() =>
      localStorage.setItem("hkmr-preview-workbook/insert-form", '{"v":1,"issuer":{"x":')
    );
    await page.reload();
    await page.locator("body[data-ready=true]").waitFor(WAIT);
    await preview.pane.locator("#hkmr-insert").waitFor(WAIT);
    expect(await paneInput("issuer").inputValue()).toBe("");
  });
});

describe("Export", () => {
  test("its code is loaded while the page is idle, before the click", async () => {
    await page.waitForFunction(
      () => performance.getEntriesByType("resource").some((e) => /\/export\.js/.test(e.name)),
      undefined,
      WAIT
    );
    expect(await exportLoaded()).toBe(true);
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent("download", WAIT),
      page.getByRole("button", { name: "Export .xlsx" }).click(),
    ]);
    const ms = Date.now() - started;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    // reported, not asserted: timers on a shared machine are not a test
    console.log(`Export: ${ms} ms from click to download (the chunk already loaded)`);
  });

  test("logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
