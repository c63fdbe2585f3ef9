import fc from "fast-check";
import { classResolver } from "../../src/rules/class-of-line";
import { monthReader } from "../../src/rules/read";
import { reconcile, type MonthInput } from "../../src/rules/reconcile";
import { slotOf } from "../../src/rules/slots";
import { sign } from "../../src/values/decimal";
import { cellsRead, figuresOf, withValue } from "../support/figures-read";
import {
  generateFf301Return,
  monthOfGenerated,
  nonZero,
  type GeneratedFf301,
} from "../support/generate-ff301";
import { randomSource } from "../support/generate-return";
import { perturb } from "../support/perturb";

// Properties over generated FF301 returns whose typed (E) lines repeat per class (shape.eLines):
// repurchases cancelled in two or more classes, a "Repurchase of shares" line in each.

const FC = { seed: 716 } as const;

const repeated = (seed: number): GeneratedFf301 =>
  generateFf301Return(randomSource(seed), { repeatTyped: true });

const monthOf = monthOfGenerated;

/** The class each "Repurchase of shares" line with a figure counts in, by line key. */
function repurchaseClasses(month: MonthInput): string[] {
  const resolve = classResolver(monthReader(month.layout, month.values));
  return month.layout.domains.eLine
    .filter((key) => /^repurchase\d*$/.test(key))
    .filter((key) => nonZero(month.values[`E.${key}.issued`] as string | undefined))
    .map((key) => resolve(slotOf(`E.${key}.class`)) ?? "none");
}

describe("the generator with repeated typed (E) lines", () => {
  const sample = Array.from({ length: 200 }, (_, seed) => generateFf301Return(randomSource(seed)));

  test("writes them unasked too, in two classes and left blank", () => {
    expect(sample.some((g) => (g.shape.eLines?.repurchase ?? 1) > 1)).toBe(true);
    expect(sample.some((g) => (g.shape.eLines?.placing ?? 1) > 1)).toBe(true);
    expect(sample.some((g) => g.shape.eLines?.redemption === 2)).toBe(true);
  });

  test("asked, writes a repurchase line in each of two or more classes", () => {
    for (let seed = 0; seed < 50; seed++) {
      const classes = repurchaseClasses(monthOf(repeated(seed)));
      expect(classes.length).toBeGreaterThanOrEqual(2);
      expect(new Set(classes).size).toBe(classes.length);
    }
  });
});

test("the engine finds nothing on a return with repurchases in several classes", () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      expect(reconcile(monthOf(repeated(seed)))).toEqual([]);
    }),
    { ...FC, numRuns: 150 }
  );
});

test("every figure a rule reads, changed alone, gives a finding naming it, the repeated lines' included", () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const month = monthOf(repeated(seed));
      const reader = monthReader(month.layout, month.values);
      // figures no failing rule reads alone (as ff301-properties.test.ts excepts them)
      const excepted = new Set<string>();
      for (const key of month.layout.domains.option)
        if (!nonZero(month.values[`A.${key}.exercised`] as string | undefined))
          excepted.add(`A.${key}.price`);
      for (const c of month.layout.domains.class) {
        const pending = reader.byId(`issued.${c}.pending`);
        if (pending.tag === "number" && sign(pending.value) < 0)
          excepted.add(`issued.${c}.pending`);
      }
      const checked = figuresOf(month, cellsRead(month, false)).filter((id) => !excepted.has(id));
      expect(checked).toEqual(
        expect.arrayContaining(["E.repurchase.issued", "E.repurchase2.issued"])
      );
      const unseen = checked.filter((id) => {
        const changed = withValue(month, id, perturb(String(month.values[id])));
        return !reconcile(changed).some((f) => f.cells.includes(id));
      });
      expect(unseen).toEqual([]);
    }),
    { ...FC, numRuns: 40 }
  );
});

test("a repeated repurchase line's class cell naming another class is caught", () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const g = repeated(seed);
      const month = monthOf(g);
      // the second line named as the first line's class: both classes' (E) subtotals break
      const moved = withValue(month, "E.repurchase2.class", g.values["E.repurchase.class"]);
      const broken = reconcile(moved).filter((f) => f.severity === "error");
      expect(broken.some((f) => f.cells.includes("E.repurchase2.issued"))).toBe(true);
    }),
    { ...FC, numRuns: 60 }
  );
});
