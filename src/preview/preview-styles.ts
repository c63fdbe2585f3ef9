/** The preview page's own styles: the pane beside the workbook, and the grid. */

export const PREVIEW_CSS = `
html, body { height: 100%; }
body.preview { display: flex; margin: 0; overflow: hidden; font-family: 'Segoe UI', system-ui, sans-serif;
  font-size: 14px; color: #242424; background: #fff; }
[hidden] { display: none !important; }
.wb-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; margin: -1px; }
.preview-pane { flex: none; width: 340px; height: 100%; overflow-y: auto; border-right: 1px solid #d1d1d1;
  box-sizing: border-box; }
.preview-workbook { flex: 1; min-width: 0; height: 100%; display: flex; flex-direction: column; }
.preview-loading { padding: 12px; color: #616161; }
.preview-failed { padding: 12px; color: #b10e1c; }
.wb-bar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid #d1d1d1;
  background: #fafafa; }
.wb-namebox { width: 16rem; flex: none; font: 13px Consolas, 'Courier New', monospace; padding: 3px 6px;
  border: 1px solid #c7c7c7; border-radius: 2px; }
.wb-content { flex: 1; min-width: 4rem; font: 13px Consolas, 'Courier New', monospace; padding: 3px 6px;
  border: 1px solid #e0e0e0; border-radius: 2px; background: #fff; color: #424242; }
.wb-button { flex: none; font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid #c7c7c7;
  border-radius: 4px; background: #fff; cursor: pointer; }
.wb-button:hover { background: #f0f0f0; }
.wb-button:focus-visible, .wb-tab:focus-visible, .wb-namebox:focus-visible { outline: 2px solid #000;
  outline-offset: 1px; }
.wb-message { margin: 0; padding: 2px 10px; font-size: 12px; color: #424242; min-height: 0; }
.wb-message:empty { display: none; }
.wb-checkline { padding: 0 10px; font-size: 13px; }
.wb-checkline:empty { display: none; }
.wb-checktext { margin: 3px 0; padding: 3px 8px; border-left: 4px solid #9c0006; background: #fdf3f4; }
.wb-checktext[data-severity="warning"] { border-left: 4px dashed #7f6000; background: #fff8e1; }
.wb-checktext[data-severity="to-fill"] { border-left: 4px dotted #1f4e78; background: #eef4fb; }
.wb-viewport { flex: 1; min-height: 0; overflow: auto; position: relative; outline: none;
  font-family: Calibri, Carlito, 'Segoe UI', sans-serif; font-size: 13px; }
.wb-viewport:focus-visible { box-shadow: inset 0 0 0 2px #0f6cbd; }
.wb-empty { padding: 24px; color: #616161; }
.wb-canvas { position: relative; }
.wb-colbar { position: sticky; top: 0; z-index: 7; height: 22px; display: flex; }
.wb-corner { position: sticky; left: 0; z-index: 4; flex: none; width: 44px; height: 22px;
  background: #f3f3f3; border-right: 1px solid #c8c8c8; border-bottom: 1px solid #c8c8c8; box-sizing: border-box; }
.wb-colheads { position: relative; flex: 1; height: 22px; }
.wb-colhead, .wb-rowhead { position: absolute; box-sizing: border-box; background: #f3f3f3; color: #444;
  font: 12px 'Segoe UI', system-ui, sans-serif; text-align: center; border-right: 1px solid #d4d4d4;
  border-bottom: 1px solid #c8c8c8; user-select: none; }
.wb-colhead { top: 0; height: 22px; line-height: 21px; }
.wb-rowhead { left: 0; width: 44px; display: flex; align-items: center; justify-content: center; }
.wb-colhead.wb-on, .wb-rowhead.wb-on { background: #d3f0e0; color: #0e5c2f; font-weight: 600; }
.wb-body { position: relative; }
.wb-rowheads { position: sticky; left: 0; z-index: 6; width: 44px; height: 100%; background: #f3f3f3; }
.wb-cells { position: absolute; left: 44px; top: 0; cursor: cell; }
.wb-colline { position: absolute; top: 0; width: 1px; background: #e1e1e1; }
.wb-row { position: absolute; left: 0; box-sizing: border-box; border-bottom: 1px solid #e1e1e1; }
.wb-cell { position: absolute; box-sizing: border-box; padding: 1px 4px; overflow: hidden; white-space: pre;
  text-overflow: clip; line-height: 18px; border-right: 1px solid #e1e1e1; border-bottom: 1px solid #e1e1e1; }
.wb-cell.wb-border { border: 1px solid #a6a6a6; }
.wb-cell.wb-input { cursor: text; }
.wb-cell.wb-check { font-size: 12px; }
.wb-cell[data-mark] { padding-right: 13px; }
.wb-mark { position: absolute; right: 2px; top: 0; font-size: 10px; font-weight: 700; }
.wb-backdrop { position: absolute; left: 0; top: 0; background: #fff; pointer-events: none; }
.wb-backdrop-rows { z-index: 3; border-bottom: 2px solid #bdbdbd; box-sizing: content-box; }
.wb-backdrop-column { z-index: 1; border-right: 2px solid #bdbdbd; box-sizing: content-box; }
.wb-backdrop-corner { z-index: 5; }
.wb-row.wb-frozen { z-index: 1; background: #fff; }
.wb-cell.wb-frozen { background-color: #fff; }
.wb-rowhead.wb-frozen, .wb-colhead.wb-frozen { z-index: 1; }
.wb-selection { position: absolute; z-index: 4; border: 2px solid #107c41; pointer-events: none; box-sizing: border-box; }
.wb-editor { position: absolute; z-index: 5; box-sizing: border-box; margin: 0; padding: 1px 4px;
  border: 2px solid #107c41; font: inherit; background: #fff; outline: none; }
.wb-tabs { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid #d1d1d1; background: #f3f3f3;
  overflow-x: auto; flex: none; }
.wb-tab { font: inherit; font-size: 13px; padding: 4px 14px; border: 0; border-bottom: 3px solid transparent;
  background: transparent; cursor: pointer; white-space: nowrap; }
.wb-tab[aria-selected="true"] { background: #fff; color: #107c41; font-weight: 600; border-bottom-color: #107c41; }
`;

/** Adds the page's stylesheet once (the page's CSP allows inline styles, as Fluent needs). */
export function installPreviewStyles(doc: Document = document): void {
  if (doc.getElementById("hkmr-preview-styles")) return;
  const style = doc.createElement("style");
  style.id = "hkmr-preview-styles";
  style.textContent = PREVIEW_CSS;
  doc.head.appendChild(style);
}
