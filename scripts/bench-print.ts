// The printed scale for `npm run bench`: fit to one A4 page wide, the scale and the body text's
// printed size for 1, 20 and 200 option lines of both forms, from the plan alone (the widths of
// its form columns against A4's printable width); `npm run test:print` measures the same in
// LibreOffice's PDF.
import { BODY_FONT_PT, pageCountOf } from "../src/plan/print";
import { planTemplate } from "../src/plan/template";
import { everyLineShape, type Measure } from "./bench-host";

/** The print's scale, body text size, orientation and pages for each form and line count. */
export function printFigures(): Measure[] {
  return ["legacy-2011", "ff301-1.2"].flatMap((formId) =>
    [1, 20, 200].map((options): Measure => {
      const plan = planTemplate(formId, everyLineShape(options));
      const { scale, orientation } = plan.print;
      const bodyPt = (BODY_FONT_PT * scale) / 100;
      return {
        measure: `${formId} print, ${options} option lines: fit-to-width scale / body text`,
        value: scale,
        unit: `% (${orientation}, ${pageCountOf(plan)} pages); body text ${bodyPt.toFixed(1)} pt`,
        target: "body text >= 8 pt (reported)",
      };
    })
  );
}
