/** Follows the Office theme: Fluent's light or dark tokens, with Office's body colours on top. */

/** The colours Office reports for its theme (Office.context.officeTheme), all optional. */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** Which Fluent theme to start from and the tokens Office's colours replace. */
export interface PaneTheme {
  readonly dark: boolean;
  readonly overrides: Readonly<Record<string, string>>;
}

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** A colour as "#rrggbb", or null unless Office gave a hex colour (it gives "#FFFFFF" or "FFFFFF"). */
function hexOf(colour: string | undefined): string | null {
  const m = HEX.exec(colour?.trim() ?? "");
  if (!m) return null;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  return `#${digits.toLowerCase()}`;
}

/** Relative luminance of "#rrggbb", 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The pane's theme for Office's colours; light when Office gives none (outside Office). */
export function paneThemeOf(office: OfficeThemeColors | null | undefined): PaneTheme {
  const background = hexOf(office?.bodyBackgroundColor);
  const foreground = hexOf(office?.bodyForegroundColor);
  // dark when the text is lighter than its background (Office's Dark Gray and Black themes)
  const dark =
    office?.isDarkTheme ??
    (background !== null &&
      (foreground !== null
        ? luminance(foreground) > luminance(background)
        : luminance(background) < 0.2));
  const overrides: Record<string, string> = {};
  if (background) overrides.colorNeutralBackground1 = background;
  if (foreground) overrides.colorNeutralForeground1 = foreground;
  return { dark, overrides };
}
