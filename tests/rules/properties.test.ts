import fc from "fast-check";
import { formVersion, layoutOf } from "../../src/form";
import { checksOf, reconcile, type MonthInput } from "../../src/rules/reconcile";
import { generateReturn, randomSource } from "../support/generate-return";
import { perturb } from "../support/perturb";

const monthOf = (seed: number): MonthInput => {
  const g = generateReturn(randomSource(seed));
  return { layout: layoutOf(formVersion(g.form)!, g.shape), values: g.values };
};

const errorsOf = (month: MonthInput, previous?: MonthInput) =>
  reconcile(month, previous).filter((f) => f.severity === "error");

/** Cells that an error-level check of the month reads arithmetically (no dates, no value checks). */
function checkedFigures(month: MonthInput): string[] {
  const out = new Set<string>();
  for (const check of checksOf(month.layout)) {
    if (check.rule.severity === "W") continue;
    if (
      [
        "readable",
        "whole",
        "complete",
        "monthEnd",
        "after",
        "deadline",
        "eventDates",
        "bound",
      ].includes(check.rule.kind)
    )
      continue;
    if (check.cells.some((c) => c.prev)) continue;
    for (const cell of check.cells) out.add(cell.id);
  }
  return [...out].filter((id) => {
    const text = month.values[id];
    if (typeof text !== "string" || !/\d|^nil$|^-$/i.test(text)) return false;
    const field = month.layout.byId.get(id)!;
    if (!["shares", "money", "par", "price", "moneyList"].includes(field.kind)) return false;
    // an exercise price on a line with nothing exercised is read by no sum (form-spec.md)
    const line = /^A\.(\d+)\.price$/.exec(id);
    return !line || !/^(nil|-|0)$/i.test(String(month.values[`A.${line[1]}.exercised`]));
  });
}

test("a random consistent return gives zero errors", () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      expect(errorsOf(monthOf(seed))).toEqual([]);
    }),
    { numRuns: 300 }
  );
});

test("a random single perturbation of a checked figure gives an error naming it", () => {
  fc.assert(
    fc.property(fc.integer(), fc.nat(), (seed, pick) => {
      const month = monthOf(seed);
      const figures = checkedFigures(month);
      const id = figures[pick % figures.length];
      const changed = {
        ...month,
        values: { ...month.values, [id]: perturb(String(month.values[id])) },
      };
      const hits = errorsOf(changed).filter((f) => f.cells.includes(id));
      expect(hits.length).toBeGreaterThan(0);
    }),
    { numRuns: 300 }
  );
});

const jsonValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "Nil",
    "N/A",
    "-",
    "(500)",
    "US$0.0353",
    "1,234",
    "<img onerror=alert(1)>",
    "30/02/2011",
    ""
  ),
  fc.integer().map(String),
  fc.double().map(String)
);

test("the evaluator never throws on any JSON-shaped return, with or without last month", () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.array(fc.tuple(fc.nat(), jsonValue), { maxLength: 60 }),
      fc.boolean(),
      (seed, edits, withPrev) => {
        const month = monthOf(seed);
        const fields = month.layout.fields;
        const values: Record<string, unknown> = { ...month.values };
        for (const [k, text] of edits) values[fields[k % fields.length].id] = text;
        const findings = reconcile(
          { layout: month.layout, values },
          withPrev ? monthOf(seed + 1) : undefined
        );
        expect(Array.isArray(findings)).toBe(true);
        // every {placeholder} is filled: a brace left in a message must come from what was typed
        const typed = edits.map(([, text]) => String(text)).join("\n");
        for (const f of findings) {
          for (const [left] of f.message.matchAll(/\{\w+\}/g)) expect(typed).toContain(left);
          expect(f.message).not.toMatch(/^[^"]*::/); // the label leads with one colon
        }
      }
    ),
    { numRuns: 200 }
  );
});
