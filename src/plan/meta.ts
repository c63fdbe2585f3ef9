import { formVersion, unknownELines, type Shape } from "../form";
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

/** Reads a sheet's metadata constant (with or without the formula's `="..."`), or null. */
export function readMeta(text: unknown): { formId: string; shape: Shape; monthEnd: string } | null {
  if (typeof text !== "string") return null;
  const [formId, code, monthEnd = ""] = text.replace(/^="?|"$/g, "").split("|");
  const shape = shapeOfCode(code ?? "");
  const form = formId ? formVersion(formId) : undefined;
  if (!form || !shape || unknownELines(form, shape).length) return null;
  return { formId, shape, monthEnd };
}
