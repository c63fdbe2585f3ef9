/**
 * The one set of limits every entry point applies (the file format and its JSON Schema, the CLI,
 * the task pane's form, a sheet's metadata read back, the HKMR functions), so that no input,
 * typed or crafted, can make the add-in work for minutes: over a limit is a clear error.
 */
import type { Shape } from "./types";

/** The limits, with the reason for each. */
export const LIMITS = {
  /** Share classes of an FF301 return: more than any issuer lists (the 2011 form has four slots). */
  classes: 10,
  /** Lines in one part (options, funds, warrants, convertibles, arrangements, other movements). */
  linesPerPart: 200,
  /** Characters in one cell: Excel's own maximum. */
  cellLength: 32_767,
  /** Cells in one range an HKMR function reads: every line of every part, with room to spare. */
  rangeCells: 10_000,
  /** Sheets the browser preview keeps and restores on reload: two years of monthly returns. */
  previewSheets: 24,
  /** Bytes of a return file: a return at every other limit with room for long remarks. */
  fileBytes: 32 * 1024 * 1024,
} as const;

/** The counts of a shape, each with its limit and the noun the messages use. */
const SHAPE_COUNTS: readonly (readonly [Exclude<keyof Shape, "eLines">, number, string])[] = [
  ["classes", LIMITS.classes, "share classes"],
  ["options", LIMITS.linesPerPart, "option lines"],
  ["fundsLines", LIMITS.linesPerPart, "funds lines"],
  ["warrants", LIMITS.linesPerPart, "warrant lines"],
  ["convertibles", LIMITS.linesPerPart, "convertible lines"],
  ["arrangements", LIMITS.linesPerPart, "arrangement lines"],
  ["otherMovements", LIMITS.linesPerPart, '"Other" movement lines'],
];

/** Over a limit: thrown where no clearer channel exists; compare by name across JS contexts. */
export class LimitError extends RangeError {
  override readonly name = "LimitError";
}

/** Whether an error is a LimitError, even from another JS context. */
export const isLimitError = (error: unknown): error is LimitError =>
  error instanceof Error && error.name === "LimitError";

const grouped = (n: number): string => n.toLocaleString("en-US");

/** What is over the limits in a shape, in words, or null when it is within them. */
export function shapeProblem(shape: Partial<Shape>): string | null {
  for (const [key, limit, noun] of SHAPE_COUNTS) {
    const n = shape[key];
    if (n !== undefined && !(n <= limit))
      return `${grouped(n)} ${noun}: a return has at most ${grouped(limit)}.`;
  }
  for (const [type, n] of Object.entries(shape.eLines ?? {}))
    if (!(n <= LIMITS.linesPerPart))
      return `${grouped(n)} "${type}" lines of part (E): a return has at most ${grouped(LIMITS.linesPerPart)}.`;
  return null;
}

/** Throws a LimitError when a shape is over the limits. */
export function assertShapeWithinLimits(shape: Partial<Shape>): void {
  const problem = shapeProblem(shape);
  if (problem) throw new LimitError(problem);
}

/** What is wrong with a cell's text for its length, or null within Excel's maximum. */
export function cellLengthProblem(text: string): string | null {
  return text.length > LIMITS.cellLength
    ? `${grouped(text.length)} characters: a cell holds at most ${grouped(LIMITS.cellLength)}.`
    : null;
}
