/**
 * The June FF301 return the verdict tests type into: closing at 1,000,250,000 shares excluding
 * treasury shares (1,052,250,000 in all), with any cells changed.
 */
import type { SheetReturn } from "../../src/plan/host";
import { loadFixture } from "./fixtures";

/** The closing balance excluding treasury shares (B36 on the sheet) and the total (D36). */
export const EXCL = "issued.c1.close.excl";
export const TOTAL = "issued.c1.close.shares";

/** The June return on a sheet of `sheetName`, with `changes` over its values. */
export function juneReturn(
  sheetName: string,
  changes: Readonly<Record<string, unknown>> = {}
): SheetReturn {
  const { doc, month } = loadFixture("ff301-options-treasury-example-2026-06.json");
  return {
    sheetName,
    formId: doc.form,
    shape: month.layout.shape,
    monthEnd: "2026-06-30",
    values: {
      ...month.values,
      "issued.c1.preceding.excl": "1,001,250,000",
      "issued.c1.preceding.shares": "1,051,250,000",
      [EXCL]: "1,000,250,000",
      [TOTAL]: "1,052,250,000",
      ...changes,
    },
  };
}
