// The sheet a secretary works in, at 1366 x 768 in a real headless Chromium: an FF301 return
// with 2 classes and 3 option lines, inserted from the pane. The verdict is in view on opening,
// each table's status sits right beside its figures, and the label column stays in view while
// Part III (A) is scrolled right. Screenshots go to test-artifacts/.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEFAULT_FORM } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { ARTIFACTS } from "./support/browser";
import { PreviewPage, WAIT } from "./support/preview-page";
import { openPreviewSession, type PreviewSession } from "./support/session";
import { TWO_CLASSES_THREE_OPTIONS } from "../support/shapes";

jest.setTimeout(300_000);

const SHAPE = TWO_CLASSES_THREE_OPTIONS;
const PLAN = planTemplate(DEFAULT_FORM, SHAPE, { monthEnded: "2026-06-30" });
const at = (field: string): string => PLAN.names.find((n) => n.field === field)!.address;
/** The status cell on a field's row. */
const statusBeside = (field: string): string => {
  const row = Number(/\d+$/.exec(at(field))![0]);
  return PLAN.cells.find((c) => c.style === "status" && c.row === row)!.address;
};
const shot = (name: string) => join(ARTIFACTS, `layout-${name}.png`);

let session: PreviewSession;
let page: Page;
let preview: PreviewPage;

beforeAll(async () => {
  session = await openPreviewSession("layout", { width: 1366, height: 768 });
  ({ page, preview } = session);
});

afterAll(async () => {
  await session?.close();
});

/** A drawn cell's box relative to the grid's viewport. */
const boxOf = (address: string) =>
  preview.cell(address).evaluate((cell) => {
    const view = cell.closest(".wb-viewport")!.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    return { left: box.left - view.left, right: box.right - view.left, width: view.width };
  });

/** Waits for the grid to draw after a scroll. */
const frame = () =>
  page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(resolve)));

describe("an FF301 return with 2 classes and 3 option lines at 1366 x 768", () => {
  test("shows the verdict on opening and each status beside its figures", async () => {
    await preview.fillPane("monthEnded", "2026-06-30");
    await preview.fillPane("issuer", "Example Holdings Limited");
    await preview.fillPane("classCount", "2");
    const classes = {
      "auth.c1.stockCode": "9999",
      "auth.c1.description": "Ordinary shares",
      "auth.c2.type": "B",
      "auth.c2.stockCode": "89999",
    };
    for (const [field, value] of Object.entries(classes)) await preview.fillPane(field, value);
    await preview.fillPane("options", "3");
    await preview.paneButton("#hkmr-insert").click();
    await preview.tab("MR 2026-06").waitFor(WAIT);
    await preview.pane.getByText("Inserted MR 2026-06").waitFor(WAIT);
    // a slip in class 1's closing balance: the status beside it shows the error
    await preview.type(at("issued.c1.preceding.excl"), "1,001,250,000");
    await preview.type(at("issued.c1.movement.excl"), "-1,000,000");
    await preview.type(at("issued.c1.close.excl"), "1,000,250,001");
    await preview.viewport.press("Control+Home");
    await page.locator('.wb-cell[data-address="A1"][aria-selected]').waitFor(WAIT);
    await preview.viewport.evaluate((view) => {
      view.scrollTop = 0;
      view.scrollLeft = 0;
    });
    await frame();
    await frame();
    expect(await preview.cell(PLAN.summary).locator(".wb-value").textContent()).toMatch(
      /cells? to fill|errors?/
    );
    const summary = await boxOf(PLAN.summary);
    expect(summary.left).toBeLessThan(summary.width - 100);
    await preview.screenshot(shot("1-top"));
    // down to Section II: the status stands right beside the class's figures
    await preview.click(at("issued.c1.close.excl"));
    await frame();
    const status = statusBeside("issued.c1.close.excl");
    await preview.page.locator(`.wb-cell[data-address="${status}"]`).waitFor(WAIT);
    const [figure, mark] = [await boxOf(at("issued.c1.close.excl")), await boxOf(status)];
    expect(mark.right).toBeLessThanOrEqual(figure.width);
    expect(mark.left).toBeGreaterThanOrEqual(figure.right);
    expect(await preview.cell(status).locator(".wb-value").textContent()).toBe("\u2715");
    await preview.screenshot(shot("2-section-ii"));
  });

  test("keeps the labels in view while Part III (A) is scrolled right to its status", async () => {
    const line = "A.1.exercised";
    const status = statusBeside(line);
    const row = Number(/\d+$/.exec(status)![0]);
    await preview.type(at(line), "10,000");
    await preview.click(status);
    await preview.viewport.evaluate((view, target) => {
      const cell = view.querySelector<HTMLElement>(`.wb-cell[data-address="${target}"]`)!;
      view.scrollLeft = cell.offsetLeft + cell.offsetWidth + 200 - view.clientWidth;
      view.scrollTop = Math.max(0, cell.offsetTop - 200);
    }, status);
    await frame();
    await frame();
    expect(await preview.viewport.evaluate((view) => view.scrollLeft)).toBeGreaterThan(300);
    // the status is in view, and so is the label column (frozen), on the row's own height
    const mark = await boxOf(status);
    expect(mark.right).toBeLessThanOrEqual(mark.width);
    const heading = `A${row - 1}`;
    await preview.page.locator(`.wb-cell[data-address="${heading}"]`).waitFor(WAIT);
    const label = await boxOf(heading);
    expect(label.left).toBeGreaterThanOrEqual(0);
    expect(label.left).toBeLessThan(60);
    // the line's last figures are in view too, right of the frozen labels
    const close = await boxOf(at("A.1.mayIssue"));
    expect(close.left).toBeGreaterThan(label.right - 1);
    expect(close.right).toBeLessThanOrEqual(close.width);
    await preview.screenshot(shot("3-part3-scrolled-right"));
  });
});
