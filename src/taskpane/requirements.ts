/** Plain words for the Office API sets a host lacks: which Excel the add-in needs. */

/** Office's perpetual releases with the last ExcelApi 1.x minor version each supports. */
const PERPETUAL: readonly (readonly [number, string])[] = [
  [14, "Excel 2021 or later"],
  [17, "Excel 2024"],
];

/** The newest ExcelApi minor version a set needs; SharedRuntime 1.1 came with Excel 2021 (1.14). */
function minorOf(set: string): number {
  const excel = /ExcelApi\D*1\.(\d+)/i.exec(set);
  return excel ? Number(excel[1]) : 14;
}

/**
 * Says which Excel the add-in needs when the host lacks API sets, e.g. "This Excel lacks
 * ExcelApi 1.12. The add-in needs Excel 2021 or later, or Excel for Microsoft 365 on Windows,
 * Mac or the web."
 */
export function requirementsText(missing: readonly string[]): string {
  const minor = Math.max(14, ...missing.map(minorOf));
  const release = PERPETUAL.find(([last]) => minor <= last)?.[1];
  const microsoft365 = "Excel for Microsoft 365 on Windows, Mac or the web";
  return (
    `This Excel lacks ${missing.join(", ")}. ` +
    `The add-in needs ${release ? `${release}, or ${microsoft365}` : microsoft365}.`
  );
}
