/**
 * The print setup as Excel receives it, from Office.js's own serializer: the page layout of the
 * plan (A4, orientation, one page wide, margins, titles, the form's columns) and a page break
 * above each row the plan breaks at, in a request no larger than the host's estimate of it.
 */
import { batchBytes, insertSteps } from "../../src/excel/insert-steps";
import { planTemplate } from "../../src/plan/template";
import { OfficeHarness } from "../support/office-runtime";
import { optionShape } from "../support/shapes";

describe.each([
  ["legacy-2011", optionShape(1)],
  ["ff301-1.2", optionShape(3, 2)],
  ["ff301-1.2", optionShape(200)],
])("the print setup of %s (%j)", (formId, shape) => {
  const plan = planTemplate(formId, shape);
  const steps = insertSteps(plan, "Sheet1").filter((s) => s.part === "print setup");

  async function sent(): Promise<string> {
    const harness = new OfficeHarness();
    await harness.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (const step of steps) step.queue(sheet);
      await context.sync();
    });
    expect(harness.requests).toHaveLength(1);
    const [request] = harness.requests;
    // within the estimate, and not so far under it that the packing wastes requests
    expect(request.bytes).toBeLessThanOrEqual(batchBytes(steps));
    expect(2 * request.bytes).toBeGreaterThan(batchBytes(steps));
    return request.text;
  }

  test("has page breaks to send (each shape's sections fill more than a page)", () => {
    expect(plan.print.rowBreaks.length).toBeGreaterThan(0);
  });

  test("sends the plan's page layout and a break above each of its rows, within the estimate", async () => {
    const text = await sent();
    expect(text).toContain(JSON.stringify(plan.print.area));
    expect(text).toContain(JSON.stringify(plan.print.titleRows));
    expect(text).toContain('"A4"');
    expect(text).toContain(plan.print.orientation === "landscape" ? '"Landscape"' : '"Portrait"');
    expect(text).toContain('"horizontalFitToPages":1');
    expect(text).toContain(JSON.stringify(plan.print.footer));
    const breaks = [
      ...text.matchAll(
        /"Name":"Add","ParentObjectPathId":\d+,"ArgumentInfo":\{"Arguments":\["A(\d+)"\]/g
      ),
    ].map((m) => Number(m[1]));
    expect(breaks).toEqual(plan.print.rowBreaks);
  });
});
