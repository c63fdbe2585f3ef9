import { FORM_VERSIONS, layoutOf, type Shape } from "../../src/form";
import { canFold } from "../../src/rules/cause";
import { checksOf } from "../../src/rules/reconcile";
import { formulaViolations } from "../../src/plan/excel-rules";
import { CAUSE_NAME, stripsOf } from "../../src/plan/cause";
import { fieldPositionsOf } from "../../src/plan/positions";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";
import { largestShape } from "../support/office-measure";
import { ONE_OPTION_LINE, TWO_CLASSES_THREE_OPTIONS } from "../support/shapes";

const SHAPES: readonly [string, Shape][] = [
  ["one option line", ONE_OPTION_LINE],
  ["2 classes, 3 option lines", TWO_CLASSES_THREE_OPTIONS],
  [
    "every line kind",
    { ...TWO_CLASSES_THREE_OPTIONS, warrants: 2, convertibles: 2, arrangements: 2 },
  ],
];
const CASES = Object.keys(FORM_VERSIONS).flatMap((formId) =>
  SHAPES.map(([name, shape]) => [formId, name, shape] as const)
);

/** The cause cell of a plan and its formula. */
const causeCell = (plan: TemplatePlan) => {
  const address = plan.names.find((n) => n.name === CAUSE_NAME)!.address;
  return plan.cells.find((c) => c.address === address)!;
};

describe.each(CASES)("the cause cell of %s, %s", (formId, _name, shape) => {
  const plan = planTemplate(formId, shape, {
    monthEnded: "2026-06-30",
    previousSheet: "MR 2026-05",
    classesInUse: ["c1"],
    values: { "hdr.issuer": "Example Holdings Limited" },
  });
  const strips = stripsOf(plan.cells, plan.formColumns);

  test("its strips hold every field cell and no formula of another cell", () => {
    const inStrip = (row: number, col: number) =>
      strips.some((s) => s.col === col && s.top <= row && row <= s.bottom);
    for (const cell of plan.cells) {
      if (cell.field)
        expect([cell.address, inStrip(cell.row, cell.col)]).toEqual([cell.address, true]);
      else if (cell.content.startsWith("="))
        expect([cell.address, inStrip(cell.row, cell.col)]).toEqual([cell.address, false]);
    }
  });

  test("the template puts each field where the cause looks for it, whatever the header", () => {
    const positions = fieldPositionsOf(formId, shape);
    const planned = plan.cells.filter((c) => c.field);
    expect(planned.map((c) => [c.field, c.row, c.col])).toEqual(
      planned.map((c) => [c.field, positions.get(c.field!)?.row, positions.get(c.field!)?.col])
    );
    expect(positions.size).toBe(planned.length);
  });

  test("every check a suspect may clear reads it, and the summary names the likely cause", () => {
    const instances = new Map(
      checksOf(layoutOf(FORM_VERSIONS[formId], shape)).map((i) => [i.key, i])
    );
    let reading = 0;
    for (const check of plan.checks) {
      const cell = plan.cells.find((c) => c.address === check.address)!;
      const reads = new RegExp(`^=HKMR\\.CHECK\\("[^"]*\\|cause",${CAUSE_NAME},`).test(
        cell.content
      );
      expect([check.key, reads]).toEqual([check.key, canFold(instances.get(check.key)!)]);
      if (reads) reading++;
    }
    expect(reading).toBeGreaterThan(plan.checks.length / 4);
    const summary = plan.cells.find((c) => c.address === plan.summary)!;
    expect(summary.content).toContain(`,${CAUSE_NAME}),`);
  });

  test("its formula keeps Excel's limits and never gives an error value", () => {
    const { content } = causeCell(plan);
    expect(content).toMatch(/^=IFERROR\(HKMR\.CAUSE\(.*\),""\)$/);
    expect(formulaViolations(content, "cause")).toEqual([]);
  });

  test("its key column numbers every row under the title, after the check columns", () => {
    const cause = causeCell(plan);
    const keys = plan.cells.filter((c) => c.col === cause.col && c.row > 1);
    expect(keys.map((c) => c.content)).toEqual(
      Array.from({ length: plan.rowCount - 1 }, (_, k) => String(k + 2))
    );
    expect(cause.col).toBe(plan.columnCount);
    expect(plan.checks.every((c) => !c.address.startsWith(cause.address.replace(/\d+$/, "")))).toBe(
      true
    );
  });
});

test("the largest shape's cause formula keeps Excel's limits", () => {
  for (const formId of Object.keys(FORM_VERSIONS)) {
    const plan = planTemplate(formId, largestShape(formId), { previousSheet: "MR 2026-05" });
    expect(formulaViolations(causeCell(plan).content, "cause")).toEqual([]);
  }
});

test("last month's cells are read by name where the sheet has a previous month", () => {
  const plan = planTemplate("ff301-1.2", TWO_CLASSES_THREE_OPTIONS, {
    previousSheet: "MR 2026-05",
  });
  expect(causeCell(plan).content).toMatch(/\|prev"/);
  expect(causeCell(plan).content).toContain("'MR 2026-05'!issued_c1_close_shares");
  const alone = planTemplate("ff301-1.2", TWO_CLASSES_THREE_OPTIONS, {});
  expect(causeCell(alone).content).not.toContain("MR 2026-05");
});
