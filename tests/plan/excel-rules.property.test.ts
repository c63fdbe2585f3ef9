import fc from "fast-check";
import { FORM_VERSIONS, type Shape } from "../../src/form";
import { excelViolations } from "../../src/plan/excel-rules";
import { planTemplate } from "../../src/plan/template";
import { MAX_CLASSES } from "../../src/taskpane/class-blocks";
import { eLineChoices } from "../../src/taskpane/e-lines-form";
import { MAX_LINES } from "../../src/taskpane/insert-form";

// No plan the pane can make breaks one of Excel's rules: every form version (both families),
// every class count, line counts up to the pane's maximum, typed (E) lines repeated (up to 40 each
// here: a plan with 200 of each of 13 types takes half a minute), with and without last month.

const FORMS = Object.keys(FORM_VERSIONS);
const lines = fc.integer({ min: 0, max: MAX_LINES });
/** Counts for the version's typed (E) lines, each up to the pane's maximum, or none. */
const typedLines = (formId: string) =>
  fc.option(
    fc.record(
      Object.fromEntries(eLineChoices(formId).map((c) => [c.key, fc.integer({ min: 0, max: 40 })]))
    ),
    { nil: undefined }
  );
const shapes = fc.record({
  classes: fc.integer({ min: 1, max: MAX_CLASSES }),
  options: lines,
  fundsLines: lines,
  warrants: lines,
  convertibles: lines,
  arrangements: lines,
  otherMovements: lines,
});
const largest: Shape = {
  classes: MAX_CLASSES,
  options: MAX_LINES,
  fundsLines: MAX_LINES,
  warrants: MAX_LINES,
  convertibles: MAX_LINES,
  arrangements: MAX_LINES,
  otherMovements: MAX_LINES,
};
const header = (withPrevious: boolean) => ({
  monthEnded: "30/06/2026",
  issuer: "Example Holdings Limited",
  ...(withPrevious ? { previousSheet: "MR 2026-05" } : {}),
});

test("both form families and every version are covered", () => {
  expect(FORMS).toContain("legacy-2011");
  expect(FORMS.filter((id) => id.startsWith("ff301")).length).toBeGreaterThanOrEqual(3);
});

test.each(FORMS)("%s: no plan of any shape breaks a rule of Excel's", (formId) => {
  fc.assert(
    fc.property(shapes, typedLines(formId), fc.boolean(), (shape, eLines, withPrevious) => {
      const plan = planTemplate(formId, { ...shape, eLines }, header(withPrevious));
      expect(excelViolations(plan)).toEqual([]);
    }),
    // each plan of up to 1,000 lines takes seconds: a few shapes per version, every run
    { numRuns: 3 }
  );
});

const classCounts = Array.from({ length: MAX_CLASSES }, (_, k) => k + 1);

test.each(FORMS.flatMap((formId) => classCounts.map((n) => [formId, n] as const)))(
  "%s with %i classes and one line of each kind keeps Excel's rules",
  (formId, classes) => {
    const one: Shape = {
      classes,
      options: 1,
      fundsLines: 1,
      warrants: 1,
      convertibles: 1,
      arrangements: 1,
      otherMovements: 1,
    };
    expect(excelViolations(planTemplate(formId, one, header(true)))).toEqual([]);
  }
);

test.each(["ff301-1.2", "legacy-2011"])(
  "%s at the largest shape the pane allows keeps Excel's rules",
  (formId) => {
    expect(excelViolations(planTemplate(formId, largest, header(true)))).toEqual([]);
  }
);
