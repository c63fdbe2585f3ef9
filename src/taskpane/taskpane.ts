/**
 * Task pane entry: inside Excel it starts the pane on the workbook through Office.js; outside
 * Office it says where to open it. Other hosts (the preview) call startTaskPane themselves.
 */
import { ExcelHost } from "../excel/excel-host";
import type { PaneStorage } from "./insert-memory";
import { startTaskPane } from "./start";

export { startTaskPane } from "./start";

const title = "HK Monthly Return Reconciler";
const description =
  "Builds the HKEX Monthly Return of Equity Issuer on Movements in Securities as a worksheet, " +
  "checks that its figures reconcile with the HKMR functions, and rolls it forward to next month.";
const OUTSIDE_OFFICE = "Open this page inside Excel to use the add-in.";
/** The element unsupported-webview.js puts in place of the pane when the webview cannot run it. */
const UNSUPPORTED_PAGE_ID = "unsupported-webview";

/** Writes plain text into the element with this id (never HTML). */
function setText(id: string, text: string): void {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

/** The setting that keeps the insert form's last entries, in the workbook itself. */
const INSERT_FORM_SETTING = "hkmr.insertForm";

/**
 * The insert form's storage in Excel: the workbook's own settings (Office.context.document
 * .settings), so each workbook remembers its issuer and classes; saved a moment after the last
 * change, as each save writes the document's settings.
 */
function documentSettings(): PaneStorage | undefined {
  const settings = Office.context?.document?.settings;
  if (!settings) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    read: () => {
      const value: unknown = settings.get(INSERT_FORM_SETTING);
      return typeof value === "string" ? value : null;
    },
    write: (text) => {
      settings.set(INSERT_FORM_SETTING, text);
      clearTimeout(timer);
      timer = setTimeout(() => settings.saveAsync(), 2_000);
    },
  };
}

setText("title", title);
setText("description", description);

if (document.getElementById(UNSUPPORTED_PAGE_ID)) {
  // unsupported-webview.js ran first and has said which Excel versions work; leave its page alone
} else if (typeof Office === "undefined") {
  setText("status", OUTSIDE_OFFICE);
} else {
  setText("status", "Waiting for Office...");
  Office.onReady()
    .then((info) => {
      // outside Office, office.js still resolves onReady but reports no host
      if (info.host !== Office.HostType.Excel) {
        setText("status", info.host === null ? OUTSIDE_OFFICE : `This add-in runs in Excel only.`);
        return;
      }
      const root = document.getElementById("app") ?? document.body;
      startTaskPane(root, new ExcelHost(), { storage: documentSettings() });
    })
    .catch(() => setText("status", "Office did not start. Reload the add-in."));
}
