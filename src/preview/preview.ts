/**
 * The preview page: the real task pane beside an embedded workbook (HyperFormula with the HKMR
 * functions, drawn as an editable grid), so the add-in runs in any browser without Excel. The
 * workbook is kept in localStorage across reloads and can be exported as .xlsx.
 */
import { startTaskPane } from "../taskpane/start";
import { createEngine, fetchFunctionsMetadata } from "./engine";
import { clearSavedWorkbook, restoreWorkbook, saveWorkbook } from "./persist";
import { PreviewHost } from "./preview-host";
import { installPreviewStyles } from "./preview-styles";
import { PreviewWorkbook } from "./workbook";
import { mountWorkbook } from "./workbook-view";

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

async function main(): Promise<void> {
  installPreviewStyles();
  const paneRoot = document.getElementById("pane")!;
  const workbookRoot = document.getElementById("workbook")!;
  const workbook = new PreviewWorkbook(createEngine(await fetchFunctionsMetadata()));
  const lost = restoreWorkbook(workbook, localStorage);

  const view = mountWorkbook(workbookRoot, workbook, {
    exportXlsx: async () => {
      const { exportXlsx } = await import(/* webpackChunkName: "export" */ "./export-xlsx");
      download(await exportXlsx(workbook), FILE_NAME);
      view.message(`Exported ${workbook.sheets.length} sheets as ${FILE_NAME}.`);
    },
    clear: () => {
      clearSavedWorkbook(localStorage);
      window.location.reload();
    },
  });
  if (lost.length > 0)
    view.message(
      `Could not restore ${lost.join(", ")} from the last session; the other sheets are back.`
    );

  let failedToSave = false;
  const save = () => {
    const problem = saveWorkbook(workbook, localStorage);
    if (problem && !failedToSave) view.message(problem);
    failedToSave = problem !== null;
  };
  workbook.subscribe((event) => {
    if (event.kind !== "selection") save();
  });
  window.addEventListener("pagehide", save); // the selection too

  startTaskPane(paneRoot, new PreviewHost(workbook));
  document.body.dataset.ready = "true";
}

main().catch((error: unknown) => {
  console.error(error);
  const pane = document.getElementById("pane");
  if (pane) {
    const message = document.createElement("p");
    message.className = "preview-failed";
    message.textContent =
      "The preview could not start. Reload the page; if it keeps failing, rebuild with npm start.";
    pane.replaceChildren(message);
  }
});
