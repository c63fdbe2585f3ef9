/** Task pane shell: a heading, what the add-in does, and whether Office is ready. */

const title = "HK Monthly Return Reconciler";
const description =
  "Builds the HKEX Monthly Return of Equity Issuer on Movements in Securities as a worksheet, " +
  "checks that its figures reconcile with the HKMR functions, and rolls it forward to next month.";

/** Writes plain text into the element with this id (never HTML). */
function setText(id: string, text: string): void {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

/** Tells the user where the page runs: inside an Office host, or in a plain browser. */
function describeHost(info: { host: Office.HostType | null }): string {
  // outside Office, office.js still resolves onReady but reports no host
  if (info.host === null) return "Open this page inside Excel to use the add-in.";
  return `Ready in ${String(info.host)}.`;
}

setText("title", title);
setText("description", description);

if (typeof Office === "undefined") {
  setText("status", "Open this page inside Excel to use the add-in.");
} else {
  setText("status", "Waiting for Office...");
  Office.onReady()
    .then((info) => setText("status", describeHost(info)))
    .catch(() => setText("status", "Office did not start. Reload the add-in."));
}
