import { parseCell } from "../values/parse";
import { formatDec } from "../values/decimal";

/**
 * Reads a figure as a company secretary types it ("1,234", "(500)", "Nil", "US$0.0353") and returns its number.
 * @customfunction
 * @param text The cell or text to read.
 * @returns The number; Nil and dashes read as 0.
 */
export function num(text: string | number): number {
  const parsed = parseCell(text, "number");
  switch (parsed.tag) {
    case "number":
      return Number(formatDec(parsed.value, { grouping: false }));
    case "nil":
    case "blank":
      return 0;
    case "na":
      throw new CustomFunctions.Error(
        CustomFunctions.ErrorCode.notAvailable,
        "The cell reads N/A."
      );
    default:
      throw new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidValue,
        parsed.tag === "problem" ? parsed.message : "Not a figure."
      );
  }
}
