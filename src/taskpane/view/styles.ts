/** The pane's own styles, in Fluent design tokens (CSS custom properties set by the theme). */

const t = (token: string, fallback: string): string => `var(--${token}, ${fallback})`;

const fg = t("colorNeutralForeground1", "#242424");
const fg3 = t("colorNeutralForeground3", "#616161");
const bg = t("colorNeutralBackground1", "#ffffff");
const bg2 = t("colorNeutralBackground2", "#fafafa");
const stroke = t("colorNeutralStroke2", "#e0e0e0");
const danger = t("colorStatusDangerForeground1", "#b10e1c");
const dangerBg = t("colorStatusDangerBackground1", "#fdf3f4");
const dangerBorder = t("colorStatusDangerBorder1", "#eeacb2");
const warning = t("colorStatusWarningForeground3", "#bc4b09");
const success = t("colorStatusSuccessForeground1", "#0e700e");
const sS = t("spacingVerticalS", "8px");
const sM = t("spacingVerticalM", "12px");
const sL = t("spacingVerticalL", "16px");
const sXS = t("spacingVerticalXS", "4px");
const hM = t("spacingHorizontalM", "12px");
const hS = t("spacingHorizontalS", "8px");
const radius = t("borderRadiusMedium", "4px");

/** The stylesheet text: one column that fits 320 px, long words wrapped, no horizontal scroll. */
export const PANE_CSS = `
html, body { margin: 0; padding: 0; background: ${bg}; color: ${fg}; }
body { font-family: ${t("fontFamilyBase", "'Segoe UI', system-ui, sans-serif")};
  font-size: ${t("fontSizeBase300", "14px")}; line-height: ${t("lineHeightBase300", "20px")}; }
.hkmr-pane { box-sizing: border-box; max-width: 100%; padding: ${sM} ${hM} ${sL};
  overflow-wrap: anywhere; display: flex; flex-direction: column; gap: ${sL}; }
.hkmr-pane *, .hkmr-pane *::before, .hkmr-pane *::after { box-sizing: border-box; }
.hkmr-pane h1 { font-size: ${t("fontSizeBase500", "20px")}; line-height: 28px; margin: 0;
  font-weight: ${t("fontWeightSemibold", "600")}; }
.hkmr-pane h2 { font-size: ${t("fontSizeBase400", "16px")}; line-height: 22px; margin: 0 0 ${sXS};
  font-weight: ${t("fontWeightSemibold", "600")}; }
.hkmr-pane h3 { font-size: ${t("fontSizeBase300", "14px")}; margin: ${sM} 0 ${sXS};
  font-weight: ${t("fontWeightSemibold", "600")}; }
.hkmr-pane p { margin: 0; }
.hkmr-pane .hint { color: ${fg3}; font-size: ${t("fontSizeBase200", "12px")}; margin-bottom: ${sS}; }
.hkmr-pane section { border-top: 1px solid ${stroke}; padding-top: ${sM}; }
.hkmr-pane [hidden] { display: none !important; }
.hkmr-pane .actions { display: flex; flex-wrap: wrap; gap: ${hS}; }
.hkmr-pane .top-actions { align-items: center; margin-bottom: ${sS}; }
.hkmr-pane .top-actions .hint { margin-bottom: 0; }
.hkmr-pane .version-note { font-size: ${t("fontSizeBase200", "12px")}; margin-bottom: ${sS}; padding: ${sXS} ${sS};
  border-left: 3px solid ${stroke}; }
.hkmr-pane fluent-text-input, .hkmr-pane fluent-dropdown, .hkmr-pane fluent-field { width: 100%; max-width: 100%; }
.hkmr-pane .version { margin-bottom: ${sS}; }
.hkmr-pane .field { display: flex; flex-direction: column; gap: ${sXS}; margin-bottom: ${sS}; }
.hkmr-pane fieldset { border: 0; margin: 0 0 ${sS}; padding: 0; min-width: 0; }
.hkmr-pane legend { padding: 0; margin-bottom: ${sXS}; font-weight: ${t("fontWeightSemibold", "600")}; }
.hkmr-pane .counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
  column-gap: ${hS}; align-items: end; }
.hkmr-pane .class-details { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
  column-gap: ${hS}; margin: 0 0 ${sS} 28px; }
.hkmr-pane .class-block { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
  column-gap: ${hS}; align-items: end; padding: ${sXS} 0 0 ${hS}; margin: 0 0 ${sS};
  border-inline-start: 2px solid ${stroke}; }
.hkmr-pane .class-block h3, .hkmr-pane .class-block .wide { grid-column: 1 / -1; }
.hkmr-pane .class-block > * { min-width: 0; }
.hkmr-pane .class-block h3 { margin: 0 0 ${sXS}; }
.hkmr-pane .class-block .tick { margin-bottom: ${sS}; align-self: center; }
.hkmr-pane .message { color: ${danger}; font-size: ${t("fontSizeBase200", "12px")}; }
.hkmr-pane .message:empty { display: none; }
.hkmr-pane .status { padding: ${sS} ${hS}; border-radius: ${radius}; border: 1px solid ${stroke};
  background: ${bg2}; }
.hkmr-pane .status:empty, .hkmr-pane .status[data-kind="none"] { display: none; }
.hkmr-pane .status[data-kind="error"] { color: ${danger}; background: ${dangerBg}; border-color: ${dangerBorder}; }
.hkmr-pane .status[data-kind="success"] { color: ${success}; }
.hkmr-pane .notice { padding: ${sS} ${hS}; border-radius: ${radius}; color: ${danger};
  background: ${dangerBg}; border: 1px solid ${dangerBorder}; }
.hkmr-pane .icon { font-weight: 700; margin-inline-end: ${hS}; }
.hkmr-pane .count .icon { margin-inline-end: ${sXS}; }
.hkmr-pane .summary { display: flex; flex-wrap: wrap; gap: ${hS}; align-items: center; margin: ${sS} 0 ${sXS}; }
.hkmr-pane .compared { color: ${fg3}; font-size: ${t("fontSizeBase200", "12px")}; }
.hkmr-pane .findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: ${sXS}; }
.hkmr-pane .finding { display: grid; grid-template-columns: auto 1fr; column-gap: ${hS}; cursor: pointer;
  padding: ${sXS} ${hS}; border-radius: ${radius}; border: 1px solid ${stroke};
  border-inline-start-width: 4px; background: ${bg}; }
.hkmr-pane .finding[data-severity="error"] { border-inline-start-color: ${danger}; }
.hkmr-pane .finding[data-severity="warning"] { border-inline-start-color: ${warning};
  border-inline-start-style: dashed; }
.hkmr-pane .finding:hover { background: ${t("colorSubtleBackgroundHover", "#f5f5f5")}; }
.hkmr-pane .finding:focus-visible { outline: ${t("strokeWidthThick", "2px")} solid ${t("colorStrokeFocus2", "#000000")};
  outline-offset: 1px; }
.hkmr-pane .finding .icon { margin: 0; }
.hkmr-pane .finding .severity { font-weight: ${t("fontWeightSemibold", "600")}; }
.hkmr-pane .finding[data-severity="error"] .severity { color: ${danger}; }
.hkmr-pane .finding[data-severity="warning"] .severity { color: ${warning}; }
.hkmr-pane .finding .text { grid-column: 2; }
.hkmr-pane .finding[data-severity="to-fill"] { border-inline-start-color: ${t("colorNeutralStrokeAccessible", "#616161")}; }
.hkmr-pane .finding[data-severity="to-fill"] .text { grid-column: auto; }
.hkmr-pane .more { color: ${fg3}; padding-inline-start: ${hS}; }
.hkmr-pane .verdict { font-size: ${t("fontSizeBase400", "16px")}; line-height: 22px; margin-top: ${sS}; }
.hkmr-pane .verdict[data-status="ready"] .headline { color: ${success}; font-weight: ${t("fontWeightSemibold", "600")}; }
.hkmr-pane .verdict[data-status="errors"] .icon { color: ${danger}; }
.hkmr-pane .likely, .hkmr-pane .fix { margin-top: ${sS}; padding: ${sS} ${hS}; border-radius: ${radius};
  border: 1px solid ${stroke}; background: ${bg2}; display: flex; flex-direction: column; gap: ${sS}; }
.hkmr-pane .likely-item { display: flex; flex-direction: column; gap: ${sXS}; align-items: flex-start; }
.hkmr-pane .explained summary { cursor: pointer; color: ${fg3}; font-size: ${t("fontSizeBase200", "12px")}; }
.hkmr-pane .explained .findings { margin-top: ${sXS}; }
.hkmr-pane .fix .actions { display: flex; flex-wrap: wrap; gap: ${hS}; }
`;

/** Adds the pane's stylesheet to the document once (the page's CSP allows inline styles). */
export function installStyles(doc: Document = document): void {
  if (doc.getElementById("hkmr-pane-styles")) return;
  const style = doc.createElement("style");
  style.id = "hkmr-pane-styles";
  style.textContent = PANE_CSS;
  doc.head.appendChild(style);
}
