/**
 * Drawing one sheet of the preview grid: the rows and cells in view, absolutely positioned from
 * the sheet model, values as the engine computes them through their number formats, and the
 * conditional formats' marks (fill, a symbol and the check text as a tooltip: never colour alone).
 * Cells keep their elements while they stay in view, so a redraw only updates what changed.
 */
import { el } from "./dom";
import { displayText } from "./number-format";
import { a1Of, indexAt, type Rect } from "./sheet-model";
import type { Cell, Mark, PreviewSheet, PreviewWorkbook } from "./workbook";

/** Widths of the row-number column and height of the column-letter row, in pixels. */
export const ROW_HEAD = 44;
export const COL_HEAD = 22;
const OVERSCAN = 8;

/** The symbols that go with a mark, besides its colour. */
export const MARK_SYMBOLS = { error: "✕", warning: "⚠", "to-fill": "✎" } as const;

/** The scrolling view each drawn sheet is in: frozen cells move by its scroll to stay put. */
const views = new WeakMap<PreviewSheet, HTMLElement>();

/** How far a sheet's view is scrolled now (read live: a click may come before the redraw). */
const scrollOf = (sheet: PreviewSheet): { left: number; top: number } => {
  const view = views.get(sheet);
  return { left: view?.scrollLeft ?? 0, top: view?.scrollTop ?? 0 };
};

/**
 * How far a cell moves to stay in the frozen panes: one that starts in a frozen row or column
 * (a merge that starts there moves whole, so the title stays readable).
 */
function frozenShift(sheet: PreviewSheet, row: number, col: number) {
  const m = sheet.model;
  const scroll = scrollOf(sheet);
  return {
    dx: col < m.frozenCols ? scroll.left : 0,
    dy: row < m.frozenRows ? scroll.top : 0,
  };
}

/** A cell's rectangle in the cell layer's pixels, merges included, where it shows when frozen. */
export function cellBox(
  sheet: PreviewSheet,
  cell: Cell
): { x: number; y: number; w: number; h: number } {
  const m = sheet.model;
  const merge = m.merges.get(cell.row * m.cols + cell.col);
  const lastRow = merge?.lastRow ?? cell.row;
  const lastCol = merge?.lastCol ?? cell.col;
  const x = m.colLefts[cell.col];
  const y = m.rowTops[cell.row];
  const { dx, dy } = frozenShift(sheet, cell.row, cell.col);
  return {
    x: x + dx,
    y: y + dy,
    w: m.colLefts[lastCol] + m.colWidths[lastCol] - x,
    h: m.rowTops[lastRow] + m.rowHeights[lastRow] - y,
  };
}

/** The cell under a point of the cell layer: a frozen cell where the frozen panes show one. */
export function cellAt(sheet: PreviewSheet, x: number, y: number): Cell {
  const m = sheet.model;
  const scroll = scrollOf(sheet);
  const frozenW =
    m.frozenCols > 0 ? m.colLefts[m.frozenCols - 1] + m.colWidths[m.frozenCols - 1] : 0;
  const frozenH =
    m.frozenRows > 0 ? m.rowTops[m.frozenRows - 1] + m.rowHeights[m.frozenRows - 1] : 0;
  const col = x - scroll.left < frozenW ? x - scroll.left : x;
  const row = y - scroll.top < frozenH ? y - scroll.top : y;
  return { row: indexAt(m.rowTops, row), col: indexAt(m.colLefts, col) };
}

/** Draws the rows and cells of one sheet that are in view into the layers it owns. */
export class SheetDrawing {
  private readonly rows = new Map<number, HTMLElement>();
  private readonly cells = new Map<number, HTMLElement>();
  private readonly rowHeads = new Map<number, HTMLElement>();
  /** The vertical gridlines: one thin element per column edge, the sheet's full height. */
  private readonly columnLines: HTMLElement[];
  /** White panes under the frozen rows, column and corner, over what scrolls beneath. */
  private readonly backdrops: { rows: HTMLElement; column: HTMLElement; corner: HTMLElement };

  constructor(
    private readonly workbook: PreviewWorkbook,
    readonly sheet: PreviewSheet,
    private readonly layers: { cells: HTMLElement; rowHeads: HTMLElement; colHeads: HTMLElement }
  ) {
    const m = sheet.model;
    this.columnLines = m.colLefts.slice(1).map((x) => {
      const line = el("div", { class: "wb-colline", "aria-hidden": "true" });
      Object.assign(line.style, { left: `${x - 1}px`, height: `${m.height}px` });
      return line;
    });
    layers.cells.prepend(...this.columnLines);
    const frozenW =
      m.frozenCols > 0 ? m.colLefts[m.frozenCols - 1] + m.colWidths[m.frozenCols - 1] : 0;
    const frozenH =
      m.frozenRows > 0 ? m.rowTops[m.frozenRows - 1] + m.rowHeights[m.frozenRows - 1] : 0;
    const backdrop = (kind: string, w: number, h: number) => {
      const node = el("div", { class: `wb-backdrop wb-backdrop-${kind}`, "aria-hidden": "true" });
      Object.assign(node.style, { width: `${w}px`, height: `${h}px` });
      layers.cells.append(node);
      return node;
    };
    this.backdrops = {
      rows: backdrop("rows", m.width, frozenH),
      column: backdrop("column", frozenW, m.height),
      corner: backdrop("corner", frozenW, frozenH),
    };
    // the browser brings a cell into view beside the frozen panes, not under them
    const view = layers.cells.closest<HTMLElement>(".wb-viewport");
    if (view) views.set(sheet, view);
    if (view)
      Object.assign(view.style, {
        scrollPaddingLeft: `${ROW_HEAD + frozenW}px`,
        scrollPaddingTop: `${COL_HEAD + frozenH}px`,
      });
    layers.colHeads.replaceChildren(
      ...m.colWidths.map((w, c) => {
        const head = el(
          "div",
          { class: "wb-colhead", "data-col": c },
          a1Of(0, c).replace(/\d+$/, "")
        );
        Object.assign(head.style, { left: `${m.colLefts[c]}px`, width: `${w}px` });
        return head;
      })
    );
  }

  /** Removes everything this drawing put in the layers. */
  clear(): void {
    for (const line of this.columnLines) line.remove();
    this.backdrops.rows.remove();
    this.backdrops.column.remove();
    this.backdrops.corner.remove();
    for (const map of [this.rows, this.cells, this.rowHeads]) {
      for (const node of map.values()) node.remove();
      map.clear();
    }
  }

  /** Draws the rows from `top` to `bottom` (pixels of the cell layer), selection highlighted. */
  draw(top: number, bottom: number, selected: Cell): void {
    const m = this.sheet.model;
    const first = Math.max(0, indexAt(m.rowTops, top) - OVERSCAN);
    const last = Math.min(m.rows - 1, indexAt(m.rowTops, bottom) + OVERSCAN);
    const marks = this.workbook.marks(this.sheet);
    const keep = new Set<number>();
    const keepRows = new Set<number>();
    // the frozen rows are drawn wherever the view is
    const rows = [
      ...Array.from({ length: Math.min(m.frozenRows, first) }, (_, r) => r),
      ...Array.from({ length: last - first + 1 }, (_, k) => first + k),
    ];
    for (const r of rows) {
      keepRows.add(r);
      this.drawRow(r, selected);
      for (let c = 0; c < m.cols; c++) {
        const key = r * m.cols + c;
        const top = m.mergedInto.get(key);
        // a merge is drawn from its top-left cell, or from the first row in view it covers
        if (top !== undefined && top !== key && !(r === first && Math.floor(top / m.cols) < first))
          continue;
        const at = top === undefined ? key : top;
        if (keep.has(at)) continue;
        keep.add(at);
        this.drawCell(at, marks, selected);
      }
    }
    for (const [key, node] of this.cells)
      if (!keep.has(key)) {
        node.remove();
        this.cells.delete(key);
      }
    for (const map of [this.rows, this.rowHeads])
      for (const [r, node] of map)
        if (!keepRows.has(r)) {
          node.remove();
          map.delete(r);
        }
    for (const head of this.layers.colHeads.children) {
      const col = Number((head as HTMLElement).dataset.col);
      head.classList.toggle("wb-on", col === selected.col);
      this.freeze(head as HTMLElement, Infinity, col);
    }
    for (const [r, node] of this.rows) this.freeze(node, r, Infinity);
    for (const [r, node] of this.rowHeads) this.freeze(node, r, Infinity);
    for (const [key, node] of this.cells) this.freeze(node, Math.floor(key / m.cols), key % m.cols);
    this.freeze(this.backdrops.rows, 0, Infinity);
    this.freeze(this.backdrops.column, Infinity, 0);
    this.freeze(this.backdrops.corner, 0, 0);
  }

  /**
   * Moves an element by the scroll when it starts in a frozen row or column; a cell frozen both
   * ways goes above one frozen one way, which goes above the rest.
   */
  private freeze(node: HTMLElement, row: number, col: number): void {
    const { dx, dy } = frozenShift(this.sheet, row, col);
    const frozen = this.sheet.model.frozenRows + this.sheet.model.frozenCols > 0;
    const transform = frozen && (dx || dy) ? `translate(${dx}px, ${dy}px)` : "";
    if (node.style.transform !== transform) node.style.transform = transform;
    const inPane =
      (row < this.sheet.model.frozenRows ? 1 : 0) + (col < this.sheet.model.frozenCols ? 1 : 0);
    node.classList.toggle("wb-frozen", inPane > 0);
    // the panes stack as Excel's: the frozen column (2) under the frozen rows (4) under the
    // corner (6), each above its backdrop (1, 3, 5), which hides what scrolls beneath it
    const rowPane = row < this.sheet.model.frozenRows;
    const z =
      node.classList.contains("wb-cell") && inPane > 0
        ? String(inPane === 2 ? 6 : rowPane ? 4 : 2)
        : "";
    if (node.style.zIndex !== z && !node.classList.contains("wb-backdrop")) node.style.zIndex = z;
    const m = this.sheet.model;
    // a frozen cell is always in view: the scroll-padding that keeps others clear of the panes
    // must not make the browser scroll to it (its own margin cancels the padding)
    if (node.classList.contains("wb-cell")) {
      const [frozenW, frozenH] = [
        m.frozenCols > 0 ? m.colLefts[m.frozenCols - 1] + m.colWidths[m.frozenCols - 1] : 0,
        m.frozenRows > 0 ? m.rowTops[m.frozenRows - 1] + m.rowHeights[m.frozenRows - 1] : 0,
      ];
      const left = col < m.frozenCols ? `${-(ROW_HEAD + frozenW)}px` : "";
      const top = row < m.frozenRows ? `${-(COL_HEAD + frozenH)}px` : "";
      if (node.style.scrollMarginLeft !== left) node.style.scrollMarginLeft = left;
      if (node.style.scrollMarginTop !== top) node.style.scrollMarginTop = top;
    }
    // text of the frozen column runs on only while nothing is scrolled under it, as in Excel
    if (col < m.frozenCols && node.classList.contains("wb-cell")) {
      const edge = m.colLefts[m.frozenCols - 1] + m.colWidths[m.frozenCols - 1] - m.colLefts[col];
      const max = dx > 0 ? `${edge}px` : "";
      if (node.style.maxWidth !== max) node.style.maxWidth = max;
    }
  }

  private drawRow(r: number, selected: Cell): void {
    const m = this.sheet.model;
    let row = this.rows.get(r);
    if (!row) {
      row = el("div", { class: "wb-row" });
      Object.assign(row.style, {
        top: `${m.rowTops[r]}px`,
        height: `${m.rowHeights[r]}px`,
        width: `${m.width}px`,
      });
      this.layers.cells.prepend(row);
      this.rows.set(r, row);
      const head = el("div", { class: "wb-rowhead" }, String(r + 1));
      Object.assign(head.style, { top: `${m.rowTops[r]}px`, height: `${m.rowHeights[r]}px` });
      this.layers.rowHeads.append(head);
      this.rowHeads.set(r, head);
    }
    this.rowHeads.get(r)?.classList.toggle("wb-on", r === selected.row);
  }

  private drawCell(key: number, marks: ReadonlyMap<number, Mark>, selected: Cell): void {
    const { sheet, workbook } = this;
    const m = sheet.model;
    const cell = { row: Math.floor(key / m.cols), col: key % m.cols };
    const info = m.cells.get(key);
    const { value, isDate } = workbook.value(sheet, cell);
    const text = displayText(value, info?.numberFormat, isDate);
    const mark = marks.get(key);
    let node = this.cells.get(key);
    if (!node && !info && text === "" && !m.merges.has(key)) return; // nothing to draw
    if (!node) {
      node = this.createCell(key, cell);
      this.cells.set(key, node);
    }
    const style = info ? m.styles[info.style] : undefined;
    const s = node.style;
    s.backgroundColor = mark?.severity
      ? markFill(sheet, mark)
      : (style?.fill ?? (m.merges.has(key) ? "#fff" : ""));
    s.color = mark ? markFont(sheet, mark) : (style?.fontColor ?? "");
    s.textAlign =
      style?.horizontal ??
      (typeof value === "number"
        ? "right"
        : typeof value === "object" && value
          ? "center"
          : "left");
    const valueNode = node.firstElementChild as HTMLElement;
    if (valueNode.textContent !== text) valueNode.textContent = text;
    this.drawMark(node, mark);
    const isSelected = cell.row === selected.row && cell.col === selected.col;
    if (isSelected) node.setAttribute("aria-selected", "true");
    else node.removeAttribute("aria-selected");
  }

  private createCell(key: number, cell: Cell): HTMLElement {
    const m = this.sheet.model;
    const info = m.cells.get(key);
    const style = info ? m.styles[info.style] : undefined;
    const box = cellBox(this.sheet, cell);
    const node = el(
      "div",
      {
        class: `wb-cell${info ? ` wb-${info.role}` : ""}${style?.border ? " wb-border" : ""}`,
        "data-address": a1Of(cell.row, cell.col),
        "data-field": info?.field,
        "data-check": info?.check,
      },
      el("span", { class: "wb-value" })
    );
    // text that does not wrap runs on over the empty cells to its right
    const runsTo = m.overflow.get(key);
    const width =
      runsTo === undefined
        ? box.w
        : m.colLefts[runsTo] + m.colWidths[runsTo] - m.colLefts[cell.col];
    Object.assign(node.style, {
      left: `${m.colLefts[cell.col]}px`,
      top: `${m.rowTops[cell.row]}px`,
      width: `${width}px`,
      height: `${box.h}px`,
      fontWeight: style?.bold ? "600" : "",
      fontStyle: style?.italic ? "italic" : "",
      fontSize: style?.fontSize ? `${Math.round((style.fontSize * 4) / 3)}px` : "",
      whiteSpace: style?.wrap ? "normal" : "",
    });
    this.layers.cells.append(node);
    return node;
  }

  private drawMark(node: HTMLElement, mark: Mark | undefined): void {
    let symbol = node.querySelector<HTMLElement>(".wb-mark");
    if (!mark) {
      delete node.dataset.mark;
      delete node.dataset.likely;
      node.removeAttribute("title");
      symbol?.remove();
      return;
    }
    node.dataset.mark = mark.severity;
    if (mark.likely) node.dataset.likely = "true";
    else delete node.dataset.likely;
    const texts = mark.checks
      .map((key) => this.workbook.checkText(this.sheet, key))
      .filter(Boolean);
    node.title = [
      ...(mark.likely ? ["Likely cause: the figure to check first."] : []),
      ...texts,
    ].join("\n");
    if (!symbol) {
      symbol = el("span", { class: "wb-mark", "aria-hidden": "true" });
      node.append(symbol);
    }
    symbol.textContent = MARK_SYMBOLS[mark.severity];
  }
}

const FILLS: Readonly<Record<Mark["severity"], string>> = {
  error: "#F8CBAD",
  warning: "#FFE699",
  "to-fill": "#DDEBF7",
};

/** The fill of the first conditional format of the mark's severity that marks it. */
function markFill(sheet: PreviewSheet, mark: Mark): string {
  if (mark.likely) return likelyFormat(sheet)?.fill ?? FILLS.error;
  return formatOf(sheet, mark)?.fill ?? FILLS[mark.severity];
}

function markFont(sheet: PreviewSheet, mark: Mark): string {
  if (mark.likely) return likelyFormat(sheet)?.fontColor ?? "";
  return formatOf(sheet, mark)?.fontColor ?? "";
}

/** The format of the likely wrong figure: above its checks' marks, as Excel applies it. */
const likelyFormat = (sheet: PreviewSheet) =>
  sheet.model.conditionalFormats.find((cf) => cf.severity === "likely");

const formatOf = (sheet: PreviewSheet, mark: Mark) =>
  sheet.model.conditionalFormats.find(
    (cf) =>
      cf.severity === mark.severity && cf.checks.some((part) => mark.checks.includes(part.key))
  );

/** Whether a rectangle holds a cell. */
export const contains = (r: Rect, c: Cell): boolean =>
  c.row >= r.row && c.row <= r.lastRow && c.col >= r.col && c.col <= r.lastCol;
