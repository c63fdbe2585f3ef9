/**
 * The input box laid over a cell while the user types into it, as Excel's in-cell editing: it
 * opens with the typed character (typing over the cell) or the cell's content (F2, double-click),
 * and closes with the text to write when it changed.
 */
import { el } from "./dom";
import type { Cell, Edit } from "./workbook";

/** A cell's box in the cell layer's pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The in-cell editor; `element` goes into the grid's cell layer. */
export class CellEditor {
  readonly element: HTMLInputElement;
  private open: { cell: Cell; mode: "enter" | "edit"; before: string } | null = null;

  constructor() {
    this.element = el("input", {
      class: "wb-editor",
      type: "text",
      hidden: true,
      "aria-label": "Cell editor",
      autocomplete: "off",
      spellcheck: "false",
    });
  }

  /** "enter" while typing over a cell (arrows finish), "edit" while editing it; null when closed. */
  get mode(): "enter" | "edit" | null {
    return this.open?.mode ?? null;
  }

  /** Opens over a cell: with `typed` replacing its content, or with the content (null). */
  start(cell: Cell, box: Box, content: string, typed: string | null): void {
    this.open = { cell, mode: typed === null ? "edit" : "enter", before: content };
    Object.assign(this.element.style, {
      left: `${box.x}px`,
      top: `${box.y}px`,
      width: `${Math.max(box.w, 120)}px`,
      height: `${box.h}px`,
    });
    this.element.value = typed ?? content;
    this.element.hidden = false;
    this.element.focus({ preventScroll: true });
    const end = this.element.value.length;
    this.element.setSelectionRange(end, end);
  }

  /** Switches between typing over the cell and editing it (F2). */
  toggleMode(): void {
    if (this.open) this.open.mode = this.open.mode === "edit" ? "enter" : "edit";
  }

  /** Closes; returns the edit to write when the text changed, else null. */
  finish(): Edit | null {
    const open = this.open;
    if (!open) return null;
    this.open = null;
    this.element.hidden = true;
    const text = this.element.value;
    return text === open.before ? null : { ...open.cell, text };
  }

  /** Closes without writing; whether it was open. */
  cancel(): boolean {
    const wasOpen = this.open !== null;
    this.open = null;
    this.element.hidden = true;
    return wasOpen;
  }
}
