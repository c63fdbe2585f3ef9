import type { Locator, Page } from "playwright-core";

/** Generous waits for a 2-core machine: states are awaited, never slept on. */
export const WAIT = { timeout: 30_000 };

/** The preview page as a user drives it: the pane's form and buttons, the grid's cells. */
export class PreviewPage {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.locator("#pane");
  }

  get nameBox(): Locator {
    return this.page.locator(".wb-namebox");
  }

  get content(): Locator {
    return this.page.locator(".wb-content");
  }

  get viewport(): Locator {
    return this.page.locator(".wb-viewport");
  }

  cell(address: string): Locator {
    return this.page.locator(`.wb-cell[data-address="${address}"]`);
  }

  tab(name: string): Locator {
    return this.page.getByRole("tab", { name, exact: true });
  }

  /** Opens the page and waits until the pane and the workbook are interactive. */
  async open(url: string): Promise<number> {
    const started = Date.now();
    await this.page.goto(url);
    await this.page.locator("body[data-ready=true]").waitFor(WAIT);
    await this.pane.locator("#hkmr-insert").waitFor(WAIT);
    return Date.now() - started;
  }

  /** A button of the pane, once enabled (the pane disables its buttons while an action runs). */
  paneButton(selector: string): Locator {
    return this.pane.locator(`${selector}:not([disabled])`);
  }

  /** Types into one of the pane's text fields (Fluent text inputs carry data-field). */
  async fillPane(field: string, value: string): Promise<void> {
    await this.pane.locator(`fluent-text-input[data-field="${field}"] input`).fill(value);
  }

  /** Picks an option of one of the pane's dropdowns (Fluent dropdowns carry data-field). */
  async choosePane(field: string, option: string): Promise<void> {
    const selector = `#pane fluent-dropdown[data-field="${field}"]`;
    const choice = this.page.locator(selector).locator("fluent-option", { hasText: option });
    const value = await choice.getAttribute("value");
    await this.page.locator(selector).click();
    await choice.click();
    await this.page.waitForFunction(
      ([dropdown, wanted]) =>
        (document.querySelector(dropdown) as { value?: unknown } | null)?.value === wanted,
      [selector, value] as const,
      WAIT
    );
  }

  /** Brings a cell into view (through the Name Box when it is not drawn yet) and clicks it. */
  async click(address: string): Promise<void> {
    const cell = this.cell(address);
    if ((await cell.count()) === 0) {
      await this.nameBox.fill(address);
      await this.nameBox.press("Enter");
      await cell.waitFor(WAIT);
    }
    await cell.click();
    await this.page.locator(`.wb-cell[data-address="${address}"][aria-selected]`).waitFor(WAIT);
  }

  /** Selects a cell by clicking it, types the text and presses Enter, as a user would. */
  async type(address: string, text: string): Promise<void> {
    await this.click(address);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }

  /** Selects a cell and pastes a block of text there (a clipboard paste event, as Ctrl+V). */
  async paste(address: string, text: string): Promise<void> {
    await this.click(address);
    await this.viewport.evaluate((viewport, block) => {
      const data = new DataTransfer();
      data.setData("text/plain", block);
      viewport.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
      );
    }, text);
  }

  /** What a cell holds as the formula bar shows it (raw content), going there by Name Box. */
  async contentOf(address: string): Promise<string> {
    await this.nameBox.fill(address);
    await this.nameBox.press("Enter");
    await this.page.locator(`.wb-cell[data-address="${address}"][aria-selected]`).waitFor(WAIT);
    return this.content.inputValue();
  }

  /** The text a cell shows, going there by Name Box. */
  async shown(address: string): Promise<string> {
    await this.contentOf(address);
    return (await this.cell(address).locator(".wb-value").textContent()) ?? "";
  }

  /** Whether a drawn cell lies wholly inside the grid's visible area (below the headers). */
  async inView(address: string): Promise<boolean> {
    return this.cell(address).evaluate((cell) => {
      const viewport = cell.closest(".wb-viewport")!.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      return box.top >= viewport.top + 20 && box.bottom <= viewport.bottom;
    });
  }

  /** Activates a sheet by its tab. */
  async activate(name: string): Promise<void> {
    await this.tab(name).click();
    await this.page.locator(`.wb-viewport[aria-label="Worksheet ${name}"]`).waitFor(WAIT);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
