/**
 * The Fluent UI web components the pane uses, registered one by one (not the whole library, so
 * the bundle carries only these), and the theme's design tokens.
 */
import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/checkbox.js";
import "@fluentui/web-components/dropdown.js";
import "@fluentui/web-components/field.js";
import "@fluentui/web-components/listbox.js";
import "@fluentui/web-components/option.js";
import "@fluentui/web-components/text-input.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";
import type { PaneTheme } from "./view/theme";

/** Sets Fluent's design tokens for the page: light or dark, with Office's colours on top. */
export function applyTheme(theme: PaneTheme): void {
  setTheme({ ...(theme.dark ? webDarkTheme : webLightTheme), ...theme.overrides });
}
