import { layoutOf, formVersion } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { nextMonthEnd, rollForward } from "../../src/plan/roll-forward";
import { readMeta } from "../../src/plan/meta";
import { reconcile } from "../../src/rules/reconcile";
import { fixtureNames, loadFixture } from "../support/fixtures";

const consistent = fixtureNames().filter((n) => !n.startsWith("bad-"));

describe.each(consistent)("rolling %s forward", (name) => {
  const fixture = loadFixture(name);
  const meta = readMeta(
    planTemplate(fixture.doc.form, fixture.month.layout.shape, {
      monthEnded: fixture.doc.values["hdr.monthEnded"],
    }).meta.value
  )!;
  const source = { sheetName: "MR source", ...meta, values: fixture.month.values };
  const header = rollForward(source);
  const plan = planTemplate(fixture.doc.form, fixture.month.layout.shape, header);
  const values = Object.fromEntries(
    plan.cells.filter((c) => c.field).map((c) => [c.field!, c.content])
  );

  test("gives next month's sheet whose opening balances are this month's closing balances", () => {
    for (const id of Object.keys(values).filter((k) => k.includes(".preceding"))) {
      const close = id.replace(".preceding", ".close");
      expect({ id, value: values[id] }).toEqual({
        id,
        value: fixture.month.values[close] ?? "",
      });
    }
  });

  test("reconciles with no error against the month it came from, movements blank", () => {
    const layout = layoutOf(formVersion(fixture.doc.form)!, fixture.month.layout.shape);
    const findings = reconcile({ layout, values }, fixture.month);
    expect(findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
    for (const id of Object.keys(values).filter((k) =>
      /\.(movement|exercised|granted|lapsed|cancelled|converted)/.test(k)
    )) {
      expect({ id, value: values[id] }).toEqual({
        id,
        value: id.includes(".movement.") && values[id] ? values[id] : "",
      });
    }
  });

  test("advances the month and names last month's sheet", () => {
    expect(header.previousSheet).toBe("MR source");
    expect(plan.sheetName).not.toBe("MR (new)");
    expect(plan.meta.value).toMatch(/\|\d{4}-\d{2}-\d{2}$/);
  });
});

test.each([
  [
    { year: 2011, month: 11, day: 30 },
    { year: 2011, month: 12, day: 31 },
  ],
  [
    { year: 2011, month: 12, day: 31 },
    { year: 2012, month: 1, day: 31 },
  ],
  [
    { year: 2012, month: 1, day: 31 },
    { year: 2012, month: 2, day: 29 },
  ],
  [
    { year: 2023, month: 1, day: 31 },
    { year: 2023, month: 2, day: 28 },
  ],
])("the month after %j ends %j", (end, next) => {
  expect(nextMonthEnd(end)).toEqual(next);
});

test("the metadata of a return sheet reads back as its form, shape and month", () => {
  const plan = planTemplate(
    "legacy-2011",
    { options: 2, fundsLines: 1, warrants: 0, convertibles: 1, arrangements: 0, otherMovements: 1 },
    { monthEnded: "4 February 2019" }
  );
  expect(plan.meta.name).toBe("hkmr_return");
  expect(readMeta(`="${plan.meta.value}"`)).toEqual({
    formId: "legacy-2011",
    shape: plan.shape,
    monthEnd: "2019-02-04",
  });
  expect(readMeta('="something else"')).toBeNull();
  expect(readMeta(42)).toBeNull();
});
