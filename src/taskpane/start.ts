/** Starts the pane on any WorkbookHost: Excel, or the preview's embedded workbook. */
import type { WorkbookHost } from "../plan/host";
import { PaneController } from "./controller";
import type { PaneStorage } from "./insert-memory";
import { applyTheme } from "./fluent";
import { mountPane, type MountedPane } from "./view/pane";
import { paneThemeOf, type OfficeThemeColors } from "./view/theme";

/** Office's theme colours when the page runs inside Office and the host reports them. */
function officeTheme(): OfficeThemeColors | undefined {
  if (typeof Office === "undefined") return undefined;
  try {
    return Office.context?.officeTheme ?? undefined;
  } catch {
    return undefined; // officeTheme is not supported in every host
  }
}

/**
 * Draws the task pane into `root` for `host`, in Fluent UI following the Office theme (light
 * outside Office), checking the sheet in view now and whenever it changes; returns the mounted
 * pane, whose `dispose` stops its re-checks. `storage` keeps the insert form's last entries.
 */
export function startTaskPane(
  root: HTMLElement,
  host: WorkbookHost,
  options: { readonly storage?: PaneStorage } = {}
): MountedPane {
  applyTheme(paneThemeOf(officeTheme()));
  const controller = new PaneController(host, { storage: options.storage });
  const pane = mountPane(root, controller);
  void controller.start(); // from now on the verdict follows the sheet in view
  return pane;
}
