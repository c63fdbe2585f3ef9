import { reconcile } from "../../src/rules/reconcile";
import { monthReader } from "../../src/rules/read";
import { loadFixture } from "../support/fixtures";
import { cellsRead, figuresOf, withValue } from "../support/figures-read";
import { perturb } from "../support/perturb";
import { isZero } from "../../src/values/decimal";

const seed = loadFixture("seed-kingsoft-2011-11.json");
const october = seed.previous;

/** form-spec.md, "The seed as a fixture": a price on a line with nothing exercised is read by no sum. */
function pricesWithNothingExercised(): Set<string> {
  const reader = monthReader(seed.month.layout, seed.month.values);
  const out = new Set<string>();
  for (const key of seed.month.layout.domains.option) {
    const exercised = reader.byId(`A.${key}.exercised`);
    if (exercised.tag !== "number" || isZero(exercised.value)) out.add(`A.${key}.price`);
  }
  return out;
}

test("the seed return (Kingsoft, November 2011) reconciles with zero findings, warnings included", () => {
  expect(reconcile(seed.month)).toEqual([]);
});

test("the seed reconciles with October's return supplied, cross-month rules included", () => {
  expect(october).toBeDefined();
  expect(reconcile(seed.month, october)).toEqual([]);
});

const excepted = pricesWithNothingExercised();
const monthFigures = figuresOf(seed.month, cellsRead(seed.month, false)).filter(
  (id) => !excepted.has(id)
);
const crossFigures = figuresOf(seed.month, cellsRead(seed.month, true)).filter(
  (id) => !monthFigures.includes(id)
);

test("the generated lists cover the seed's figures of every section", () => {
  expect(monthFigures).toEqual(
    expect.arrayContaining([
      "auth.ord1.close.shares",
      "auth.total",
      "issued.ord1.movement.shares",
      "A.1.exercised",
      "A.funds.1.amount",
      "A.total.ord1",
      "E.total.ord1",
      "AtoE.ord1",
    ])
  );
  expect(crossFigures).toEqual(
    expect.arrayContaining(["A.1.granted", "A.1.mayIssue", "A.5.lapsed"])
  );
});

test.each(monthFigures)("changing the seed's %s alone gives a finding naming it", (id) => {
  const changed = perturb(String(seed.month.values[id]));
  const findings = reconcile(withValue(seed.month, id, changed));
  expect(findings.filter((f) => f.cells.includes(id)).map((f) => f.ruleId)).not.toEqual([]);
});

test.each(crossFigures)(
  "changing the seed's %s alone is caught with October's return supplied",
  (id) => {
    const changed = perturb(String(seed.month.values[id]));
    expect(reconcile(withValue(seed.month, id, changed))).toEqual([]);
    const findings = reconcile(withValue(seed.month, id, changed), october);
    expect(findings.filter((f) => f.cells.includes(id)).map((f) => f.ruleId)).not.toEqual([]);
  }
);
