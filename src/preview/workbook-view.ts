/**
 * The workbook side of the preview page: a bar with the Name Box (the selected cell's defined
 * name or address; type one to go there), the cell's content, Export .xlsx and Clear; a line
 * with the check text of a marked cell; the grid; and a tab per sheet.
 */
import { el } from "./dom";
import { Grid } from "./grid";
import { MARK_SYMBOLS } from "./grid-draw";
import { displayText } from "./number-format";
import { a1Of, cellOfA1 } from "./sheet-model";
import type { PreviewWorkbook } from "./workbook";

/** What the page does for the bar's buttons. */
export interface WorkbookViewActions {
  readonly exportXlsx: () => Promise<void>;
  readonly clear: () => void;
}

/** A button of a notice: its label and what it does. */
export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

/** The mounted workbook view. */
export interface WorkbookView {
  /** Shows a message under the bar (plain text; replaces the last one). */
  message(text: string): void;
  /** Shows a notice that stays until replaced (plain text, then buttons); "" hides it. */
  notice(text: string, actions: readonly NoticeAction[]): void;
}

/** Draws the workbook side into `root` and keeps it in step with the workbook. */
export function mountWorkbook(
  root: HTMLElement,
  workbook: PreviewWorkbook,
  actions: WorkbookViewActions
): WorkbookView {
  const messageLine = el("p", { class: "wb-message", role: "status", "aria-live": "polite" });
  const message = (text: string) => {
    messageLine.textContent = text;
  };
  const noticeLine = el("div", { class: "wb-notice", role: "alert", hidden: true });
  const notice = (text: string, noticeActions: readonly NoticeAction[]) => {
    const buttons = noticeActions.map((action) => {
      const button = el("button", { type: "button", class: "wb-button" }, action.label);
      button.addEventListener("click", () => action.run());
      return button;
    });
    noticeLine.replaceChildren(el("p", {}, text), ...buttons);
    noticeLine.hidden = text === "";
  };
  const grid = new Grid(workbook, { message });
  const nameBox = el("input", {
    class: "wb-namebox",
    type: "text",
    "aria-label": "Name Box: the selected cell; type a name or address and press Enter to go there",
    autocomplete: "off",
    spellcheck: "false",
  });
  const content = el("input", {
    class: "wb-content",
    type: "text",
    readonly: true,
    "aria-label": "Content of the selected cell",
  });
  const exportButton = el("button", { type: "button", class: "wb-button" }, "Export .xlsx");
  const clearButton = el("button", { type: "button", class: "wb-button" }, "Clear workbook");
  const checkLine = el("div", { class: "wb-checkline", role: "status", "aria-live": "polite" });
  const tabs = el("div", { class: "wb-tabs", role: "tablist", "aria-label": "Sheets" });
  // what a screen reader hears as the selection moves: the cell, what it shows, its checks
  const announce = el("p", { class: "wb-sr-only", "aria-live": "polite" });

  root.replaceChildren(
    el("div", { class: "wb-bar" }, nameBox, content, exportButton, clearButton),
    noticeLine,
    messageLine,
    checkLine,
    grid.element,
    tabs,
    announce
  );

  nameBox.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      showSelection();
      grid.element.focus();
      return;
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    const sheet = workbook.active;
    const wanted = nameBox.value.trim();
    const cell = cellOfA1(wanted);
    if (sheet && cell) grid.select(cell);
    else if (!sheet || !workbook.selectName(sheet.name, wanted))
      message(`${sheet?.name ?? "The workbook"} has no cell named ${wanted}.`);
    grid.element.focus({ preventScroll: true });
  });
  exportButton.addEventListener("click", () => {
    exportButton.disabled = true;
    message("Writing the workbook...");
    actions
      .exportXlsx()
      .catch((error: unknown) => {
        console.warn(error);
        message("The workbook could not be exported. Try again.");
      })
      .finally(() => (exportButton.disabled = false));
  });
  clearButton.addEventListener("click", () => {
    if (window.confirm("Remove every sheet of the preview workbook? This cannot be undone."))
      actions.clear();
  });

  /** The defined name of a cell of the active sheet, by its address (fields and checks). */
  const nameAt = () => {
    const sheet = workbook.active;
    if (!sheet) return "";
    const { row, col } = workbook.selection(sheet.name);
    const address = a1Of(row, col);
    return sheet.plan.names.find((n) => n.address === address)?.name ?? address;
  };

  const showSelection = () => {
    const sheet = workbook.active;
    exportButton.disabled = workbook.sheets.length === 0;
    if (!sheet) {
      nameBox.value = "";
      content.value = "";
      checkLine.replaceChildren();
      return;
    }
    const at = workbook.selection(sheet.name);
    nameBox.value = nameAt();
    content.value = workbook.content(sheet, at);
    const mark = workbook.marks(sheet).get(at.row * sheet.model.cols + at.col);
    const lines = (mark?.checks ?? []).map((key) => {
      const text = workbook.checkText(sheet, key);
      const severity = text.startsWith("Warning")
        ? "warning"
        : text.startsWith("To fill")
          ? "to-fill"
          : "error";
      return el(
        "p",
        { class: "wb-checktext", "data-severity": severity },
        el("span", { "aria-hidden": "true" }, `${MARK_SYMBOLS[severity]} `),
        `${a1Of(at.row, at.col)}: ${text}`
      );
    });
    checkLine.replaceChildren(...lines);
    const { value, isDate } = workbook.value(sheet, at);
    const shown = displayText(value, workbook.info(sheet, at)?.numberFormat, isDate);
    const kind = workbook.isInput(sheet, at) ? "" : ", template cell";
    announce.textContent = `${a1Of(at.row, at.col)}${kind}: ${shown || "blank"}. ${lines
      .map((line) => line.textContent)
      .join(" ")}`;
  };

  const showTabs = () => {
    const active = workbook.active?.name;
    tabs.replaceChildren(
      ...workbook.sheets.map((sheet) => {
        const tab = el(
          "button",
          {
            type: "button",
            role: "tab",
            class: "wb-tab",
            "aria-selected": sheet.name === active ? "true" : "false",
            tabindex: sheet.name === active ? 0 : -1,
          },
          sheet.name
        );
        tab.addEventListener("click", () => workbook.activate(sheet.name));
        tab.addEventListener("keydown", (event) => {
          const k = workbook.sheets.indexOf(sheet);
          const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          const next = workbook.sheets[k + step];
          if (!step || !next) return;
          workbook.activate(next.name);
          tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
        });
        return tab;
      })
    );
  };

  workbook.subscribe((event) => {
    if (event.kind === "sheets" || event.kind === "active") showTabs();
    showSelection(); // an edit of another month can change the checks shown here too
  });
  showTabs();
  showSelection();
  return { message, notice };
}
