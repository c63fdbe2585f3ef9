/** Starts the pane on any WorkbookHost: Excel, or the preview's embedded workbook. */
import type { WorkbookHost } from "../plan/host";
import { PaneController } from "./controller";
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
 * pane, whose `dispose` stops its re-checks.
 */
export function startTaskPane(root: HTMLElement, host: WorkbookHost): MountedPane {
  applyTheme(paneThemeOf(officeTheme()));
  const controller = new PaneController(host);
  const pane = mountPane(root, controller);
  void controller.start(); // from now on the verdict follows the sheet in view
  return pane;
}
