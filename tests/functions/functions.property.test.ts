// Every argument Excel (or a direct call) can pass gives a value or a cell error, never another
// throw; a figure beyond exact arithmetic gives #NUM!, never Infinity.
import fc from "fast-check";
import "../../src/preview/hf-custom-functions-shim";
import * as hkmr from "../../src/functions/functions";
import { LIMITS } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { checkSpec } from "../../src/rules/check-cell";
import { checksOf } from "../../src/rules/reconcile";
import { loadFixture } from "../support/fixtures";

/** A call's outcome: its value, or the code of the cell error it throws; anything else fails. */
function outcome(call: () => unknown): { value: unknown } | { code: string; message: string } {
  try {
    return { value: call() };
  } catch (thrown) {
    const { code, message } = (thrown ?? {}) as { code?: unknown; message?: unknown };
    if (typeof code !== "string" || !code.startsWith("#") || typeof message !== "string")
      throw new Error(`not a cell error: ${String(thrown)}`);
    return { code, message };
  }
}

const seed = loadFixture("seed-kingsoft-2011-11.json");
const SPECS = checksOf(seed.month.layout)
  .slice(0, 20)
  .flatMap((i) => [false, true].map((cause) => checkSpec(seed.month.layout, i, false, cause)));
/** The spec of the seed's cause cell, as its template writes it. */
const CAUSE_SPEC = /HKMR\.CAUSE\("([^"]+)"/.exec(
  planTemplate("legacy-2011", seed.month.layout.shape).cells.find((c) => c.style === "cause")!
    .content
)![1];

/** A scalar as Excel passes a cell, and the odd things a direct call may pass. */
const scalar = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("1,234", "(500)", "Nil", "N/A", "US$0.0353", "-", "", "9".repeat(400)),
  fc.boolean(),
  fc.constantFrom(null, undefined, new Error("#N/A"), { code: "#DIV/0!" }, Symbol("s"), {}, 10n)
);
/** A matrix of any size within the limit, and arrays nested deeper than Excel's. */
const argument = fc.oneof(
  scalar,
  fc.array(fc.array(scalar, { maxLength: 6 }), { maxLength: 6 }),
  fc.array(fc.array(fc.array(scalar, { maxLength: 3 }), { maxLength: 3 }), { maxLength: 3 }),
  fc.constant([]),
  fc.constant([[]])
);

const FUNCTIONS: readonly [string, (...args: unknown[]) => unknown, number][] = [
  ["NUM", hkmr.num as (...args: unknown[]) => unknown, 1],
  ["ROLLFORWARD", hkmr.rollforward, 2],
  ["TOTAL", hkmr.total as (...args: unknown[]) => unknown, 3],
  ["FUNDS", hkmr.funds as (...args: unknown[]) => unknown, 3],
  ["TIE", hkmr.tie, 2],
  ["CHECK", hkmr.check as (...args: unknown[]) => unknown, 2],
  ["COMPUTE", hkmr.compute as (...args: unknown[]) => unknown, 3],
  ["COMPUTELIST", hkmr.computelist as (...args: unknown[]) => unknown, 3],
  ["CAUSE", hkmr.cause as (...args: unknown[]) => unknown, 4],
  ["SUMMARY", hkmr.summary as (...args: unknown[]) => unknown, 3],
];

/** The fields the seed's computed totals are, for calls that pass a real spec and field. */
const FIELDS = ["A.total.ord1", "AtoE.ord1", "auth.total", "A.funds.1.amount", "E.total.pref"];

describe.each(FUNCTIONS)("HKMR.%s on any argument", (_, fn, arity) => {
  test("gives a value (a finite number or text) or a cell error, never another throw", () => {
    fc.assert(
      fc.property(
        fc.array(argument, { minLength: 0, maxLength: arity + 1 }),
        fc.constantFrom(...SPECS),
        fc.boolean(),
        fc.constantFrom(...FIELDS),
        (args, spec, withSpec, field) => {
          const computes = fn === hkmr.compute || fn === hkmr.computelist;
          const call =
            withSpec && fn === hkmr.check
              ? [spec, ...args]
              : withSpec && fn === hkmr.cause
                ? [CAUSE_SPEC, ...args]
                : withSpec && computes
                  ? [spec, field, args]
                  : args;
          const result = outcome(() => fn(...call));
          if ("value" in result) {
            const ok =
              typeof result.value === "string" ||
              (typeof result.value === "number" && Number.isFinite(result.value));
            expect({ ok, value: result.value }).toEqual({ ok: true, value: result.value });
          }
        }
      ),
      { seed: 17, numRuns: 300 }
    );
  });
});

describe("figures beyond exact arithmetic", () => {
  const huge = "9".repeat(400);
  test.each<[string, () => unknown]>([
    ["NUM", () => hkmr.num(huge)],
    ["ROLLFORWARD", () => hkmr.rollforward(huge, "1")],
    ["TOTAL", () => hkmr.total([["Ordinary"]], [[huge]], "Ordinary")],
    ["FUNDS", () => hkmr.funds([[huge]], [["HK$1.00"]], "HK$")],
    ["NUM of a number", () => hkmr.num(Number.MAX_VALUE)],
    ["NUM of 17 digits", () => hkmr.num("12,345,678,901,234,567")],
  ])("%s gives #NUM!, not Infinity", (_, call) => {
    expect(outcome(call)).toEqual({
      code: "#NUM!",
      message: expect.stringMatching(/digits/) as unknown,
    });
  });

  test("a figure of 15 digits is still exact", () => {
    expect(outcome(() => hkmr.num("123,456,789,012,345"))).toEqual({ value: 123456789012345 });
  });
});

describe("arguments over the limits", () => {
  test("a range of more cells than the limit gives #VALUE! at once", () => {
    const rows = Array.from({ length: LIMITS.rangeCells + 1 }, () => ["1"]);
    expect(outcome(() => hkmr.total(rows, rows, "Ordinary"))).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/at most 10000 cells/) as unknown,
    });
  });

  test("HKMR.CHECK on a 100,000-row range gives #VALUE! naming the limit", () => {
    const spec = SPECS.find((s) => /\|A\./.test(s)) ?? SPECS[0];
    const rows = Array.from({ length: 100_000 }, () => [""]);
    expect(outcome(() => hkmr.check(spec, [rows, rows]))).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/at most/) as unknown,
    });
  });

  test("text longer than a cell holds gives #VALUE!", () => {
    expect(outcome(() => hkmr.num("1".repeat(LIMITS.cellLength + 1)))).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/32767|32,767/) as unknown,
    });
  });
});
