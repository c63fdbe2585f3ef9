/**
 * The preview's editable grid of the active sheet: a scrolling viewport that draws the rows in
 * view, a selection moved by mouse and keyboard as in Excel (Enter down, Tab right, Enter after
 * Tabs back to the first column), typing into input cells, F2 to edit, Delete to clear, and
 * paste of a block of tab- and newline-separated text. Template cells are not editable.
 */
import { el } from "./dom";
import { cellAt, cellBox, COL_HEAD, ROW_HEAD, SheetDrawing } from "./grid-draw";
import { CellEditor } from "./grid-editor";
import { blockEdits, editorAction, gridAction, isBlock, type GridAction } from "./grid-keys";
import { ValidationLayer } from "./grid-validation";
import type { Cell, Edit, PreviewSheet, PreviewWorkbook } from "./workbook";

/** What the grid tells the page: a message for the user (a locked cell, a paste's result). */
export interface GridOptions {
  readonly message: (text: string) => void;
}

/** What a tick box holds when ticked: the form's own mark. */
export const TICK = "✓";

const LOCKED =
  "This cell belongs to the template. Type your figures in the shaded input cells (Tab and Enter move between cells).";

/** The grid; `element` is its focusable viewport. */
export class Grid {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly cells: HTMLElement;
  private readonly selectionBox: HTMLElement;
  private readonly editor = new CellEditor();
  private readonly validation: ValidationLayer;
  /** The sheet and cell the prompt and drop-down stand at, so a redraw leaves an open list be. */
  private validatedAt = "";
  private readonly empty: HTMLElement;
  private drawing: SheetDrawing | null = null;
  private tabAnchor: number | null = null;
  private frame = 0;
  private revealNext = false;
  private readonly scrolls = new Map<string, { top: number; left: number }>();

  constructor(
    private readonly workbook: PreviewWorkbook,
    private readonly options: GridOptions
  ) {
    const colHeads = el("div", { class: "wb-colheads" });
    const rowHeads = el("div", { class: "wb-rowheads" });
    this.cells = el("div", { class: "wb-cells" });
    this.selectionBox = el("div", { class: "wb-selection", "aria-hidden": "true" });
    this.validation = new ValidationLayer({
      choose: (text) => this.write([{ ...this.selected, text }]),
      closed: () => this.element.focus({ preventScroll: true }),
    });
    this.cells.append(this.selectionBox, this.editor.element, ...this.validation.elements);
    this.empty = el("p", { class: "wb-empty" }, "No sheet yet: insert a template from the pane.");
    this.canvas = el(
      "div",
      { class: "wb-canvas" },
      el("div", { class: "wb-colbar" }, el("div", { class: "wb-corner" }), colHeads),
      el("div", { class: "wb-body" }, rowHeads, this.cells)
    );
    this.element = el(
      "div",
      {
        class: "wb-viewport",
        tabindex: 0,
        // a keyboard-driven surface; the page announces the selected cell in a live region
        role: "application",
        "aria-roledescription": "worksheet",
        "aria-label": "Worksheet",
        "aria-describedby": "wb-input-prompt",
      },
      this.canvas,
      this.empty
    );
    const layers = { cells: this.cells, rowHeads, colHeads };
    const show = () => {
      const sheet = this.workbook.active;
      if (this.drawing?.sheet === sheet) return;
      if (this.drawing) {
        const { scrollTop: top, scrollLeft: left } = this.element;
        this.scrolls.set(this.drawing.sheet.name, { top, left });
        this.drawing.clear();
      }
      this.cancelEdit();
      this.drawing = sheet ? new SheetDrawing(this.workbook, sheet, layers) : null;
      this.layout();
      const scroll = sheet && this.scrolls.get(sheet.name);
      this.element.scrollTop = scroll?.top ?? 0;
      this.element.scrollLeft = scroll?.left ?? 0;
      this.draw();
    };
    workbook.subscribe((event) => {
      switch (event.kind) {
        case "sheets":
        case "active":
          return show();
        case "selection":
          if (this.drawing?.sheet !== this.workbook.active) show();
          if (event.scroll) this.reveal();
          this.draw();
          if (event.scroll) {
            // the page may still change around the grid (a check line appears): again next frame
            this.revealNext = true;
            this.schedule();
          }
          return;
        case "values":
          return this.schedule();
      }
    });
    this.listen();
    show();
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  private get sheet(): PreviewSheet | null {
    return this.drawing?.sheet ?? null;
  }

  private get selected(): Cell {
    return this.sheet ? this.workbook.selection(this.sheet.name) : { row: 0, col: 0 };
  }

  private layout(): void {
    const sheet = this.sheet;
    this.empty.hidden = sheet !== null;
    this.canvas.hidden = sheet === null;
    if (!sheet) return;
    this.canvas.style.width = `${ROW_HEAD + sheet.model.width}px`;
    this.canvas.style.height = `${COL_HEAD + sheet.model.height}px`;
    this.element.setAttribute("aria-label", `Worksheet ${sheet.name}`);
  }

  /** Redraws at the next frame (scrolling, resizing, recalculated values). */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const sheet = this.sheet;
    if (!sheet || !this.drawing) {
      this.validation.hide();
      this.validatedAt = "";
      return;
    }
    if (this.revealNext) {
      this.revealNext = false;
      this.reveal();
    }
    const top = Math.max(0, this.element.scrollTop - COL_HEAD);
    const height = this.element.clientHeight || 800;
    const selected = this.selected;
    this.drawing.draw(top, top + height, selected);
    const box = cellBox(sheet, selected);
    Object.assign(this.selectionBox.style, {
      left: `${box.x - 1}px`,
      top: `${box.y - 1}px`,
      width: `${box.w + 1}px`,
      height: `${box.h + 1}px`,
    });
    const at = `${sheet.name}!${selected.row},${selected.col}`;
    if (at !== this.validatedAt) {
      this.validatedAt = at;
      const editable = this.workbook.isInput(sheet, selected);
      const viewBottom = this.element.scrollTop + this.element.clientHeight - COL_HEAD;
      const roomBelow = viewBottom - (box.y + box.h);
      this.validation.show(this.workbook.validation(sheet, selected), box, editable, roomBelow);
    }
  }

  /** Scrolls so that the selected cell is in view, below and beside the headers. */
  private reveal(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const box = cellBox(sheet, this.selected);
    const v = this.element;
    const viewW = v.clientWidth - ROW_HEAD;
    const viewH = v.clientHeight - COL_HEAD;
    if (box.y < v.scrollTop) v.scrollTop = box.y;
    else if (box.y + box.h > v.scrollTop + viewH) v.scrollTop = box.y + box.h - viewH;
    // a cell wider than the view shows its left part, as Excel does
    const shown = Math.min(box.w, viewW);
    if (box.x < v.scrollLeft) v.scrollLeft = box.x;
    else if (box.x + shown > v.scrollLeft + viewW) v.scrollLeft = box.x + shown - viewW;
  }

  /** Selects a cell of the active sheet (the Name Box uses this too). */
  select(cell: Cell, scroll = true): void {
    if (this.sheet) this.workbook.select(this.sheet.name, cell, scroll);
  }

  /** Moves the selection by rows and columns, stepping over merged cells as Excel does. */
  private move(rows: number, cols: number): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const at = this.selected;
    const merge = sheet.model.merges.get(at.row * sheet.model.cols + at.col);
    const row = rows > 0 ? (merge?.lastRow ?? at.row) + rows : at.row + rows;
    const col = cols > 0 ? (merge?.lastCol ?? at.col) + cols : at.col + cols;
    this.select({ row, col });
  }

  /** Enter: down one row, back to the column where a run of Tabs started. */
  private enterDown(up: boolean): void {
    if (up) return this.move(-1, 0);
    const anchor = this.tabAnchor;
    this.tabAnchor = null;
    if (anchor === null) return this.move(1, 0);
    const sheet = this.sheet!;
    const at = this.selected;
    const merge = sheet.model.merges.get(at.row * sheet.model.cols + at.col);
    this.select({ row: (merge?.lastRow ?? at.row) + 1, col: anchor });
  }

  private tab(back: boolean): void {
    this.tabAnchor ??= this.selected.col;
    this.move(0, back ? -1 : 1);
  }

  /** Starts typing into the selected cell: `typed` replaces its content; null edits it (F2). */
  private startEdit(typed: string | null): void {
    const sheet = this.sheet;
    if (!sheet) return;
    const cell = this.selected;
    if (!this.workbook.isInput(sheet, cell)) return this.options.message(LOCKED);
    this.editor.start(cell, cellBox(sheet, cell), this.workbook.content(sheet, cell), typed);
  }

  /** Ticks the selected tick box with the form's mark, or unticks it; false if it is none. */
  private toggleTick(): boolean {
    const sheet = this.sheet;
    const cell = this.selected;
    if (!sheet || !this.workbook.isInput(sheet, cell) || !this.workbook.isTickBox(sheet, cell))
      return false;
    const ticked = this.workbook.content(sheet, cell).trim() === TICK;
    this.write([{ ...cell, text: ticked ? "" : TICK }]);
    return true;
  }

  /** Excel's warning for text that is not one of a list's choices: said, and the text kept. */
  private warnOffList(edit: Edit): void {
    const sheet = this.sheet;
    const v = sheet && this.workbook.validation(sheet, edit);
    const text = edit.text.trim();
    if (!v || v.kind !== "list" || text === "" || (v.list ?? []).includes(text)) return;
    this.options.message(
      `${v.errorTitle}: "${text}" (${(v.list ?? []).join(" / ")}). ${v.errorMessage}`
    );
  }

  /** Ends typing, writing the text when it changed; the focus returns to the grid. */
  private commit(): void {
    if (this.editor.mode === null) return;
    const edit = this.editor.finish();
    this.element.focus({ preventScroll: true });
    if (!edit) return;
    this.write([edit]);
    this.warnOffList(edit);
  }

  private cancelEdit(): void {
    if (this.editor.cancel()) this.element.focus({ preventScroll: true });
  }

  private write(edits: Edit[]): void {
    if (!this.sheet) return;
    const { written, locked } = this.workbook.write(this.sheet.name, edits);
    if (locked > 0 && written > 0)
      this.options.message(
        `${written} cells pasted; ${locked} template cells were left as they were.`
      );
    else if (locked > 0) this.options.message(LOCKED);
  }

  /** Pastes a block of text at the selection, into the input cells it covers. */
  paste(text: string): void {
    const sheet = this.sheet;
    if (sheet) this.write(blockEdits(text, this.selected, sheet.model.rows, sheet.model.cols));
  }

  private listen(): void {
    const v = this.element;
    v.addEventListener("scroll", () => this.schedule(), { passive: true });
    this.cells.addEventListener("mousedown", (event) => {
      const sheet = this.sheet;
      if (!sheet || event.target === this.editor.element) return;
      this.commit();
      const rect = this.cells.getBoundingClientRect();
      this.tabAnchor = null;
      this.select(cellAt(sheet, event.clientX - rect.left, event.clientY - rect.top), false);
      v.focus({ preventScroll: true });
      event.preventDefault(); // keep the focus on the grid, not on a cell's text
      // a click ticks a tick box, as Excel's cell check boxes do (a double-click edits it)
      if (event.detail === 1 && event.button === 0) this.toggleTick();
    });
    this.cells.addEventListener("dblclick", (event) => {
      if (event.target !== this.editor.element) this.startEdit(null);
    });
    v.addEventListener("keydown", (event) => {
      if (event.target === this.editor.element) this.editorKey(event);
      else this.gridKey(event);
    });
    this.editor.element.addEventListener("blur", () => this.commit());
    v.addEventListener("paste", (event) => {
      const text = event.clipboardData?.getData("text/plain") ?? "";
      // a single value pasted while editing goes into the editor as text
      if (event.target === this.editor.element && !isBlock(text)) return;
      event.preventDefault();
      this.cancelEdit();
      this.paste(text);
    });
    v.addEventListener("copy", (event) => {
      if (event.target === this.editor.element || !this.sheet) return;
      event.clipboardData?.setData("text/plain", this.workbook.content(this.sheet, this.selected));
      event.preventDefault();
    });
  }

  private gridKey(event: KeyboardEvent): void {
    if (!this.sheet) return;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === " " && plain && !event.shiftKey && this.toggleTick())
      return event.preventDefault();
    if (event.key === "ArrowDown" && event.altKey) {
      event.preventDefault();
      this.validation.open(this.workbook.content(this.sheet, this.selected));
      return;
    }
    const page = Math.max(1, Math.floor(this.element.clientHeight / 24) - 1);
    const action = gridAction(event, page);
    if (!action) return;
    event.preventDefault();
    this.perform(action);
  }

  private editorKey(event: KeyboardEvent): void {
    const mode = this.editor.mode;
    const action = mode && editorAction(event, mode);
    if (!action) return;
    event.preventDefault();
    switch (action.kind) {
      case "commit":
        this.commit();
        return this.perform(action.then);
      case "cancel":
        return this.cancelEdit();
      case "toggleMode":
        return this.editor.toggleMode();
    }
  }

  /** Does what a key asks of the grid. */
  private perform(action: GridAction): void {
    // typing between Tabs keeps the run's first column, as in Excel; moving elsewhere ends it
    if (action.kind === "move" || action.kind === "go") this.tabAnchor = null;
    switch (action.kind) {
      case "move":
        return this.move(action.rows, action.cols);
      case "tab":
        return this.tab(action.back);
      case "enter":
        return this.enterDown(action.up);
      case "go":
        return this.select({ row: action.to === "rowStart" ? this.selected.row : 0, col: 0 });
      case "edit":
        this.startEdit(action.text);
        return;
      case "clear":
        return this.write([{ ...this.selected, text: "" }]);
      case "undo":
        if (!this.workbook.undo()) this.options.message("Nothing to undo.");
        return;
      case "redo":
        if (!this.workbook.redo()) this.options.message("Nothing to redo.");
        return;
    }
  }
}
