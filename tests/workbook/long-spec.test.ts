import { eLineChoices } from "../../src/taskpane/e-lines-form";
import { planTemplate } from "../../src/plan/template";
import { applyPlanToHyperFormula } from "../../src/preview/hf-workbook";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { ONE_OPTION_LINE } from "../support/shapes";

// A shape that repeats every typed (E) line has a check spec longer than the 255 characters Excel
// allows a text in a formula: the plan writes it in pieces joined by "&", and the check reads the
// same as one whole text would.

test("a check whose spec is written in pieces reads as with the whole spec", async () => {
  const formId = "ff301-1.2";
  const eLines = Object.fromEntries(eLineChoices(formId).map((c) => [c.key, 12]));
  const shape = { ...ONE_OPTION_LINE, classes: 2, eLines };
  const plan = planTemplate(formId, shape, { monthEnded: "30/06/2026" });
  const split = plan.cells.filter((c) => c.role === "check" && c.content.includes('"&"'));
  expect(split.length).toBeGreaterThan(0);
  const hf = await hkmrHyperFormula();
  const sheet = applyPlanToHyperFormula(hf, plan);
  for (const cell of split.slice(0, 20)) {
    const whole = cell.content.replace(/"&"/g, "");
    const again = hf.calculateFormula(whole, sheet.sheetId);
    expect(sheet.checkValue(cell.check!)).toBe(String(again));
    expect(sheet.checkValue(cell.check!)).not.toMatch(/Not a check|#/);
  }
});
