// The verdict in a real headless Chromium: a June FF301 month typed into the preview with the
// closing balance excluding treasury shares mistyped; the pane names that cell and its value
// first, "Use" writes it (and Undo puts the slip back), and the verdict follows the sheet in
// view through a roll forward and a tab switch. Screenshots go to test-artifacts/.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEFAULT_FORM, formVersion, layoutOf } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { verdictOf } from "../../src/rules/verdict";
import { loadFixture } from "../support/fixtures";
import { ARTIFACTS } from "./support/browser";
import { PreviewPage, WAIT } from "./support/preview-page";
import { openPreviewSession, type PreviewSession } from "./support/session";

jest.setTimeout(300_000);

const fixture = loadFixture("ff301-options-treasury-example-2026-06.json");
const SHAPE = fixture.month.layout.shape;
const EXCL = "issued.c1.close.excl";
const TOTAL = "issued.c1.close.shares";
/** June's figures: the fixture's month with a larger issuer, closing at 1,000,250,000 excl. */
const JUNE: Readonly<Record<string, string>> = {
  ...fixture.doc.values,
  "issued.c1.preceding.excl": "1,001,250,000",
  "issued.c1.preceding.shares": "1,051,250,000",
  [EXCL]: "1,000,250,000",
  [TOTAL]: "1,052,250,000",
};
const SLIP = "1,000,250,001";
const PANE_FORM = {
  monthEnded: "2026-06-30",
  issuer: JUNE["hdr.issuer"],
  "auth.c1.stockCode": JUNE["auth.c1.stockCode"],
  "auth.c1.description": JUNE["auth.c1.description"],
};
const PLAN = planTemplate(DEFAULT_FORM, SHAPE, {
  monthEnded: "2026-06-30",
  issuer: JUNE["hdr.issuer"],
  classesInUse: ["c1"],
  values: {
    "auth.c1.stockCode": JUNE["auth.c1.stockCode"],
    "auth.c1.description": JUNE["auth.c1.description"],
  },
});
const LAYOUT = layoutOf(formVersion(DEFAULT_FORM)!, SHAPE);
const at = (field: string): string => {
  const name = PLAN.names.find((n) => n.field === field);
  if (!name) throw new Error(`The plan has no cell for ${field}`);
  return name.address;
};
const shot = (name: string) => join(ARTIFACTS, `verdict-${name}.png`);

let session: PreviewSession;
let page: Page;
let preview: PreviewPage;
let consoleErrors: string[] = [];

beforeAll(async () => {
  session = await openPreviewSession("verdict", { width: 1440, height: 900 });
  ({ page, preview, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

/** A screenshot of the page with the pane scrolled to its verdict (the Check section). */
async function snap(name: string): Promise<void> {
  await preview.pane.locator("#hkmr-check-title").scrollIntoViewIfNeeded();
  await preview.pane.evaluate((pane) => {
    const title = pane.querySelector("#hkmr-check-title");
    if (title)
      pane.scrollTop += title.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  });
  await preview.screenshot(shot(name));
}

/** The pane's verdict line for a sheet, once it shows. */
const verdictFor = (sheet: string) => preview.pane.locator(`.verdict[data-sheet="${sheet}"]`);

describe("the verdict on a June FF301 return with one slip", () => {
  test("the engine sees the slip in the closing balance and one value that clears it", () => {
    const right = verdictOf({ layout: LAYOUT, values: JUNE });
    expect(right.errors).toBe(0);
    const slipped = verdictOf({ layout: LAYOUT, values: { ...JUNE, [EXCL]: SLIP } });
    expect(slipped.suggestions[0]).toMatchObject({ field: EXCL, value: JUNE[EXCL] });
    expect(slipped.suggestions.map((s) => s.field)).not.toContain(TOTAL);
  });

  test("a new sheet says what is left to fill, never that all checks pass", async () => {
    for (const [field, value] of Object.entries(PANE_FORM)) await preview.fillPane(field, value);
    await preview.paneButton("#hkmr-insert").click();
    await preview.tab("MR 2026-06").waitFor(WAIT);
    await verdictFor("MR 2026-06").waitFor(WAIT);
    const verdict = verdictFor("MR 2026-06");
    expect(await verdict.getAttribute("data-status")).toBe("incomplete");
    expect(await verdict.textContent()).toMatch(/cells? to fill/);
    expect(await preview.pane.textContent()).not.toMatch(/all checks pass/i);
    // what is left to fill is listed apart from the findings, not as errors
    expect(await preview.pane.locator('.finding[data-severity="to-fill"]').count()).toBeGreaterThan(
      0
    );
    await snap("1-inserted-to-fill");
  });

  test("typed with the slip, the pane's first item names the closing balance and its value", async () => {
    const initial = new Map(PLAN.cells.filter((c) => c.field).map((c) => [c.field!, c.content]));
    const typed = LAYOUT.fields
      .map((f) => f.id)
      .filter((id) => JUNE[id] !== undefined && String(initial.get(id) ?? "") !== JUNE[id]);
    expect(typed).toContain(EXCL);
    for (const field of typed) await preview.type(at(field), field === EXCL ? SLIP : JUNE[field]);
    // Check reads what is typed now (after any re-check under way), whatever the edits' timing
    await preview.paneButton("#hkmr-check").click();
    await preview.pane.getByText("Checked MR 2026-06:").waitFor(WAIT);

    const likely = preview.pane.locator(".likely-item").first();
    await likely.waitFor(WAIT);
    expect(await likely.getAttribute("data-target")).toBe(EXCL);
    const words = await likely.locator(".likely-text").textContent();
    expect(words).toContain(`Likely cause: ${at(EXCL)}, `);
    expect(words).toContain(`${JUNE[EXCL]} would clear`);
    // the total closing balance is right: it is never the cell to change
    for (const item of await preview.pane.locator(".likely-item").all())
      expect(await item.getAttribute("data-target")).not.toBe(TOTAL);
    expect(await preview.pane.locator(".likely").textContent()).not.toContain(`${at(TOTAL)},`);
    // the checks the slip fails are folded under it, none listed as advice to change its cell
    expect(await preview.pane.locator('.group .finding[data-severity="error"]').count()).toBe(0);
    expect(await verdictFor("MR 2026-06").getAttribute("data-status")).toBe("errors");
    await snap("2-slip-likely-cause");
  });

  test("the sheet itself names the same cell beside its verdict, and no reason points at the total", async () => {
    // the summary sits in the frozen title row, always drawn
    const summary = (await preview.cell(PLAN.summary).locator(".wb-value").textContent()) ?? "";
    expect(summary).toContain(`Likely cause: ${at(EXCL)}, `);
    expect(summary).toContain(`${JUNE[EXCL]} would clear 2 errors.`);
    expect(await preview.inView(PLAN.summary)).toBe(true);
    const reasons = PLAN.cells.filter((c) => c.style === "reason").map((c) => c.address);
    // a cell of the frozen rows is always drawn; the others are gone to by the Name Box
    const frozen = (address: string) => Number(/\d+$/.exec(address)![0]) <= PLAN.freeze.rows;
    const shown: string[] = [];
    for (const address of reasons)
      shown.push(
        frozen(address)
          ? ((await preview.cell(address).locator(".wb-value").textContent()) ?? "")
          : await preview.shown(address)
      );
    const said = shown.filter((text) => text !== "");
    expect(said.length).toBeGreaterThan(0);
    for (const text of said) {
      expect(text).not.toContain(`found ${JUNE[TOTAL]}`);
      expect(text).toContain(`expected ${JUNE[EXCL]}`);
    }
    // the mistyped cell has the likely cause's own mark, on top of its checks' red
    await preview.click(at(EXCL));
    expect(await preview.cell(at(EXCL)).getAttribute("data-likely")).toBe("true");
    expect(await preview.cell(at(TOTAL)).getAttribute("data-likely")).toBeNull();
    expect(await page.locator('.wb-cell[data-likely="true"]').count()).toBe(1);
    await preview.screenshot(shot("2b-sheet-likely-cause"));
  });

  test("Use asks old -> new, writes that one cell, and the sheet reads ready", async () => {
    const total = await preview.contentOf(at(TOTAL));
    await preview.pane.locator(`[data-action="use"][data-target="${EXCL}"]`).click();
    const question = preview.pane.locator('.fix[data-kind="confirm"]');
    await question.waitFor(WAIT);
    expect(await question.textContent()).toContain(`from ${SLIP} to ${JUNE[EXCL]}`);
    await snap("3-confirm");
    await preview.pane.locator('[data-action="confirm"]').click();

    const fixed = verdictOf({ layout: LAYOUT, values: JUNE });
    await preview.pane
      .locator(`.verdict[data-sheet="MR 2026-06"][data-status="${fixed.status}"]`)
      .waitFor(WAIT);
    expect(fixed.status === "ready" || fixed.status === "incomplete").toBe(true);
    expect(await preview.contentOf(at(EXCL))).toBe("1000250000");
    expect(await preview.contentOf(at(TOTAL))).toBe(total);
    expect(await page.locator('.wb-cell[data-mark="error"]').count()).toBe(0);
    expect(await page.locator(".wb-cell[data-likely]").count()).toBe(0);
    await preview.pane.locator('.fix[data-kind="done"]').waitFor(WAIT);
    await snap("4-used");
  });

  test("Undo puts the slip back; Use again fixes it", async () => {
    await preview.pane.locator('[data-action="undo"]').click();
    await preview.pane
      .locator('.verdict[data-sheet="MR 2026-06"][data-status="errors"]')
      .waitFor(WAIT);
    expect(await preview.contentOf(at(EXCL))).toBe("1000250001");
    await snap("5-undone");
    await preview.pane.locator(`[data-action="use"][data-target="${EXCL}"]`).click();
    await preview.pane.locator('[data-action="confirm"]').click();
    await preview.pane
      .locator('.verdict[data-sheet="MR 2026-06"]:not([data-status="errors"])')
      .waitFor(WAIT);
  });
});

describe("the verdict follows the sheet in view", () => {
  test("after Roll forward it speaks of July; after a tab switch, of June again", async () => {
    await preview.paneButton("#hkmr-roll-forward").click();
    await preview.tab("MR 2026-07").waitFor(WAIT);
    await verdictFor("MR 2026-07").waitFor(WAIT);
    expect(await preview.pane.locator(".verdict").count()).toBe(1);
    expect(await preview.pane.locator(".fix").count()).toBe(0); // June's Undo stays with June
    await snap("6-rolled-forward");

    await preview.activate("MR 2026-06");
    await verdictFor("MR 2026-06").waitFor(WAIT);
    expect(await preview.pane.locator(".verdict").count()).toBe(1);
    await preview.pane.locator('.fix[data-kind="done"]').waitFor(WAIT);
    await snap("7-tab-june");

    await preview.activate("MR 2026-07");
    await verdictFor("MR 2026-07").waitFor(WAIT);
    await snap("8-tab-july");
  });

  test("logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
