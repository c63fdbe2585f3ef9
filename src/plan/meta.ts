import { formVersion, LimitError, LIMITS, shapeProblem, unknownELines, type Shape } from "../form";
import { shapeCode, shapeOfCode } from "../rules/check-cell";
import { toIso } from "../values/dates";
import { parseCell } from "../values/parse";

/** The worksheet-scoped name that marks a sheet as a return of this add-in. */
export const META_NAME = "hkmr_return";

/** The metadata constant of a return sheet: "<form>|<shape code>|<month end ISO>". */
export function metaValue(formId: string, shape: Shape, monthEnded: string | undefined): string {
  const date = parseCell(monthEnded ?? "", "date");
  return `${formId}|${shapeCode(shape)}|${date.tag === "date" ? toIso(date) : ""}`;
}

/**
 * Reads a sheet's metadata constant (with or without the formula's `="..."`), or null. A shape
 * over the limits (src/form/limits.ts) reads as null, or with `overLimit: "throw"` (reading the
 * return itself) throws a LimitError that says what the sheet claims.
 */
export function readMeta(
  text: unknown,
  overLimit: "null" | "throw" = "null"
): { formId: string; shape: Shape; monthEnd: string } | null {
  // a constant longer than a cell's text is no metadata of ours, and is not worth splitting
  if (typeof text !== "string" || text.length > LIMITS.cellLength) return null;
  const [formId, code, monthEnd = ""] = text.replace(/^="?|"$/g, "").split("|");
  const shape = shapeOfCode(code ?? "");
  const form = formId ? formVersion(formId) : undefined;
  if (!form || !shape || unknownELines(form, shape).length) return null;
  const problem = shapeProblem(shape);
  if (problem && overLimit === "throw")
    throw new LimitError(`This sheet's return marker claims ${problem}`);
  return problem ? null : { formId, shape, monthEnd };
}
