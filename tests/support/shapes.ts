// Shapes the tests share.
import type { Shape } from "../../src/form";

/** The FF301 return of the sheet and print screenshots: 2 classes and 3 option lines. */
export const TWO_CLASSES_THREE_OPTIONS: Shape = {
  classes: 2,
  options: 3,
  fundsLines: 1,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
};

/** The smallest return with a line: one class, one option line, nothing else. */
export const ONE_OPTION_LINE: Shape = {
  classes: 1,
  options: 1,
  fundsLines: 0,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 0,
};

/** n option lines, one funds line and one other movement (`classes` blocks on FF301). */
export const optionShape = (options: number, classes = 1): Shape => ({
  classes,
  options,
  fundsLines: 1,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
});
