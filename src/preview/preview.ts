/**
 * The preview page: the real task pane beside an embedded workbook (HyperFormula with the HKMR
 * functions, drawn as an editable grid), so the add-in runs in any browser without Excel. The
 * workbook is kept in localStorage across reloads and can be exported as .xlsx.
 */
import { keyedStorage } from "../taskpane/insert-memory";
import { startTaskPane } from "../taskpane/start";
import { createEngine, fetchFunctionsMetadata } from "./engine";
import {
  clearSavedWorkbook,
  discardKeptAside,
  INSERT_FORM_KEY,
  keptAside,
  moveAside,
  restoreWorkbook,
  saveWorkbook,
  STORAGE_KEY,
  type RestoreReport,
} from "./persist";
import { PreviewHost } from "./preview-host";
import { installPreviewStyles } from "./preview-styles";
import { PreviewWorkbook } from "./workbook";
import { mountWorkbook, type WorkbookView } from "./workbook-view";

const FILE_NAME = "hk-monthly-returns.xlsx";

/** Offers a file to the user as a download (a blob URL: nothing leaves the page). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const ASIDE_FILE = "hk-monthly-returns-not-restored.json";

/** Offers what was stored but not restored: export it as a file, or discard it. */
function offerNotRestored(view: WorkbookView, report: RestoreReport, released: () => void): void {
  const raw = report.keptAside ? keptAside(localStorage) : localStorage.getItem(STORAGE_KEY);
  const text =
    `Could not restore ${report.lost.join(", ")} from the last session (${report.reasons.join("; ")}). ` +
    (report.keptAside
      ? "What was saved is kept aside, as it was: download it, or discard it."
      : "The browser could not keep it aside: download it before you type, or discard it.");
  view.notice(text, [
    {
      label: "Download what was not restored",
      run: () => download(new Blob([raw ?? ""], { type: "application/json" }), ASIDE_FILE),
    },
    {
      label: "Discard it",
      run: () => {
        if (!window.confirm("Discard what could not be restored? This cannot be undone.")) return;
        discardKeptAside(localStorage);
        released();
        view.notice("", []);
        view.message("Discarded what could not be restored.");
      },
    },
  ]);
}

/** The page's last resort when it cannot start: say so, and offer to clear what is stored. */
function showStartFailure(): void {
  const pane = document.getElementById("pane");
  if (!pane) return;
  const message = document.createElement("p");
  message.className = "preview-failed";
  message.textContent =
    "The preview could not start. Reload the page; if it keeps failing, clear the saved workbook (it is kept aside first, so it can still be exported).";
  const clear = document.createElement("button");
  clear.type = "button";
  clear.textContent = "Clear the saved workbook";
  clear.addEventListener("click", () => {
    moveAside(localStorage);
    window.location.reload();
  });
  pane.replaceChildren(message, clear);
}

async function main(): Promise<void> {
  installPreviewStyles();
  const paneRoot = document.getElementById("pane")!;
  const workbookRoot = document.getElementById("workbook")!;
  const workbook = new PreviewWorkbook(createEngine(await fetchFunctionsMetadata()));
  const report = restoreWorkbook(workbook, localStorage);

  const view = mountWorkbook(workbookRoot, workbook, {
    exportXlsx: async () => {
      const { exportXlsx } = await loadExporter();
      download(await exportXlsx(workbook), FILE_NAME);
      view.message(`Exported ${workbook.sheets.length} sheets as ${FILE_NAME}.`);
    },
    clear: () => {
      clearSavedWorkbook(localStorage);
      window.location.reload();
    },
  });
  // while what could not be restored is only under the workbook's key, saving would overwrite it
  let holdSaves = report.lost.length > 0 && !report.keptAside;
  if (report.lost.length > 0) offerNotRestored(view, report, () => (holdSaves = false));

  let failedToSave = false;
  const save = () => {
    if (holdSaves) return;
    const problem = saveWorkbook(workbook, localStorage);
    if (problem && !failedToSave) view.message(problem);
    failedToSave = problem !== null;
  };
  workbook.subscribe((event) => {
    if (event.kind !== "selection") save();
  });
  window.addEventListener("pagehide", save); // the selection too

  const storage = keyedStorage(localStorage, INSERT_FORM_KEY);
  startTaskPane(paneRoot, new PreviewHost(workbook), { storage });
  document.body.dataset.ready = "true";
  prefetchWhenIdle(loadExporter);
}

let exporter: Promise<typeof import("./export-xlsx")> | null = null;

/** The .xlsx writer (ExcelJS), loaded once: ahead of time when the page is idle, else on export. */
function loadExporter(): Promise<typeof import("./export-xlsx")> {
  exporter ??= import(/* webpackChunkName: "export" */ "./export-xlsx").catch((error: unknown) => {
    exporter = null; // a failed load is tried again on the next export
    throw error;
  });
  return exporter;
}

/** Starts a load once the page has nothing else to do, so the first export needs no wait. */
function prefetchWhenIdle(load: () => Promise<unknown>): void {
  const start = () => void load().catch(() => undefined); // the export itself reports a failure
  if (typeof window.requestIdleCallback === "function")
    window.requestIdleCallback(start, { timeout: 5_000 });
  else setTimeout(start, 1_000);
}

main().catch((error: unknown) => {
  console.error(error);
  showStartFailure();
});
