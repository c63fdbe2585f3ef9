/**
 * The grid's keys as Excel has them, as data: which action a key takes on the selected cell, and
 * while a cell is being typed into; and a pasted block of text as edits. No DOM state here.
 */
import type { Cell, Edit } from "./workbook";

/** What a key does to the grid. */
export type GridAction =
  | { readonly kind: "move"; readonly rows: number; readonly cols: number }
  | { readonly kind: "tab"; readonly back: boolean }
  | { readonly kind: "enter"; readonly up: boolean }
  | { readonly kind: "go"; readonly to: "rowStart" | "sheetStart" }
  /** Start typing into the cell: `text` replaces it; null edits what it holds (F2). */
  | { readonly kind: "edit"; readonly text: string | null }
  | { readonly kind: "clear" }
  | { readonly kind: "undo" }
  | { readonly kind: "redo" };

/** What a key does while a cell is being typed into. */
export type EditorAction =
  | { readonly kind: "commit"; readonly then: GridAction }
  | { readonly kind: "cancel" }
  | { readonly kind: "toggleMode" };

/** The keys of a keyboard event that decide an action. */
export type KeyPress = Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey">;

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The action of a key on the selected cell, or null when the grid leaves the key alone. */
export function gridAction(key: KeyPress, pageRows: number): GridAction | null {
  if (key.altKey) return null;
  if (key.ctrlKey || key.metaKey) {
    const letter = key.key.toLowerCase();
    if (letter === "z") return { kind: key.shiftKey ? "redo" : "undo" };
    if (letter === "y") return { kind: "redo" };
    return key.key === "Home" ? { kind: "go", to: "sheetStart" } : null;
  }
  const arrow = ARROWS[key.key];
  if (arrow) return { kind: "move", rows: arrow[0], cols: arrow[1] };
  switch (key.key) {
    case "PageUp":
      return { kind: "move", rows: -pageRows, cols: 0 };
    case "PageDown":
      return { kind: "move", rows: pageRows, cols: 0 };
    case "Tab":
      return { kind: "tab", back: key.shiftKey };
    case "Enter":
      return { kind: "enter", up: key.shiftKey };
    case "Home":
      return { kind: "go", to: "rowStart" };
    case "F2":
      return { kind: "edit", text: null };
    case "Delete":
      return { kind: "clear" };
    case "Backspace":
      return { kind: "edit", text: "" };
    default:
      // a printable character starts typing over the cell
      return key.key.length === 1 ? { kind: "edit", text: key.key } : null;
  }
}

/**
 * The action of a key while typing: Enter and Tab finish and move; Escape cancels; F2 switches
 * between typing over the cell (arrows finish and move) and editing it (arrows move the caret).
 */
export function editorAction(key: KeyPress, mode: "enter" | "edit"): EditorAction | null {
  switch (key.key) {
    case "Enter":
      return { kind: "commit", then: { kind: "enter", up: key.shiftKey } };
    case "Tab":
      return { kind: "commit", then: { kind: "tab", back: key.shiftKey } };
    case "Escape":
      return { kind: "cancel" };
    case "F2":
      return { kind: "toggleMode" };
    default: {
      const arrow = ARROWS[key.key];
      return arrow && mode === "enter"
        ? { kind: "commit", then: { kind: "move", rows: arrow[0], cols: arrow[1] } }
        : null;
    }
  }
}

/** Splits pasted text into rows of cells: lines by newline, cells by tab; a final newline ends the block. */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.split("\t"));
}

/** The edits a pasted block makes from a cell, within a sheet of `rows` by `cols`. */
export function blockEdits(text: string, at: Cell, rows: number, cols: number): Edit[] {
  const edits: Edit[] = [];
  parseBlock(text).forEach((line, r) =>
    line.forEach((value, c) => {
      const row = at.row + r;
      const col = at.col + c;
      if (row < rows && col < cols) edits.push({ row, col, text: value.trim() });
    })
  );
  return edits;
}

/** Whether pasted text is a block (cells or lines) rather than one value. */
export const isBlock = (text: string): boolean => /[\t\n]/.test(text.replace(/\r?\n$/, ""));
