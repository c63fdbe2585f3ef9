import { paneThemeOf } from "../../src/taskpane/view/theme";

describe("following the Office theme", () => {
  test("is light with Fluent's own colours outside Office", () => {
    expect(paneThemeOf(undefined)).toEqual({ dark: false, overrides: {} });
  });

  test.each([
    ["Colorful", "#FFFFFF", "#000000", false],
    ["White", "FFFFFF", "262626", false],
    ["Dark Gray", "#666666", "#FFFFFF", true],
    ["Black", "#262626", "#FFFFFF", true],
  ])("follows the %s theme's body colours", (_, background, foreground, dark) => {
    const theme = paneThemeOf({ bodyBackgroundColor: background, bodyForegroundColor: foreground });
    expect(theme.dark).toBe(dark);
    expect(theme.overrides).toEqual({
      colorNeutralBackground1: `#${background.replace("#", "").toLowerCase()}`,
      colorNeutralForeground1: `#${foreground.replace("#", "").toLowerCase()}`,
    });
  });

  test("takes Office's word for dark, and ignores colours that are not hex", () => {
    expect(
      paneThemeOf({ isDarkTheme: true, bodyBackgroundColor: "red;}", bodyForegroundColor: "" })
    ).toEqual({ dark: true, overrides: {} });
  });
});
