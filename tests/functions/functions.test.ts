import "../../src/preview/hf-custom-functions-shim";
import {
  check,
  compute,
  computelist,
  funds,
  num,
  rollforward,
  summary,
  tie,
  total,
} from "../../src/functions/functions";
import { LIMITS } from "../../src/form";
import { computedFieldsOf } from "../../src/rules/compute-cell";
import { checkArguments, checkSpec } from "../../src/rules/check-cell";
import { checksOf } from "../../src/rules/reconcile";
import { loadFixture } from "../support/fixtures";
import { hkmrMetadata } from "../support/hkmr-hyperformula";

/** What a call gives: its value, or the cell error it throws as Excel shows it. */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (thrown) {
    const { code, message } = thrown as { code?: string; message?: string };
    if (code === undefined) throw thrown; // a program error, not a cell error
    return { code, message };
  }
}

const error = (code: string, message: string | RegExp = /./) => ({
  code,
  message: typeof message === "string" ? message : (expect.stringMatching(message) as unknown),
});

/** A column of cells as Excel passes a range to a matrix parameter. */
const column = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

describe("HKMR.NUM reads a figure as typed", () => {
  test.each<[unknown, unknown]>([
    ["1,234", 1234],
    ["(500)", -500],
    ["US$0.0353", 0.0353],
    ["Nil", 0],
    ["-", 0],
    ["", 0],
    [52000, 52000],
    ["N/A", error("#N/A", "The cell reads N/A.")],
    ["about 5", error("#VALUE!", /is not a figure/)],
  ])("NUM(%p) gives %p", (text, expected) => {
    expect(outcome(() => num(text as string))).toEqual(expected);
  });
});

describe("HKMR.ROLLFORWARD gives the balance at close a roll-forward expects", () => {
  test.each<[unknown, unknown, unknown]>([
    ["1,167,621,933", "52,000", 1167673933],
    ["1,234", "(500)", 734],
    [1000, "(200)", 800],
    ["Nil", "Nil", 0],
    ["", "1,000", 1000],
    ["0.1", "0.2", 0.3], // exact decimals: not 0.30000000000000004
    ["N/A", "1,000", 1000], // a new class: N/A counts as 0, as the engine reads it
    ["N/A", "Nil", error("#N/A", /reads N\/A and nothing moved/)],
    ["N/A", "N/A", error("#N/A", /reads N\/A/)],
    ["N/A", "", error("#N/A", /reads N\/A/)],
    ["TBC", "Nil", error("#VALUE!", /"TBC" is not a figure/)],
    ["1,000", "five", error("#VALUE!", /"five" is not a figure/)],
    ["US$1.00", "HK$1.00", error("#VALUE!", /different currencies/)],
  ])("ROLLFORWARD(%p, %p) gives %p", (preceding, movement, expected) => {
    expect(outcome(() => rollforward(preceding, movement))).toEqual(expected);
  });
});

describe("HKMR.TOTAL adds the figures of the lines of one class", () => {
  const classes = column("Ordinary shares", "Preference", "", "ordinary", "Other classes");
  const figures = column("10,000", "5,000", "Nil", "37,000", "N/A");
  test.each<[string, unknown]>([
    ["Ordinary Shares (Note 1)", 47000],
    ["ordinary", 47000],
    ["Preference shares", 5000],
    ["Other", 0],
    ["Class (2)", 0],
  ])("TOTAL(classes, figures, %p) gives %p", (className, expected) => {
    expect(outcome(() => total(classes, figures, className))).toEqual(expected);
  });

  test("refuses ranges of different sizes", () => {
    expect(outcome(() => total(column("ordinary"), column("1", "2"), "ordinary"))).toEqual(
      error("#VALUE!", /same size/)
    );
  });

  test("refuses a figure it cannot read, with the parser's reason", () => {
    expect(outcome(() => total(column("ordinary"), column("1.2.3"), "ordinary"))).toEqual(
      error("#VALUE!", /"1.2.3" is not a figure/)
    );
  });
});

describe("HKMR.FUNDS gives the funds raised in one currency, to the cent", () => {
  // the seed's option lines: 10,000 x 0.0353 + 5,000 x 0.2118 + 37,000 x 0.24 = US$10,292.00
  const counts = column("10,000", "5,000", "37,000", "Nil", "Nil");
  const prices = column("US$ 0.0353", "US$0.2118", "US$0.24", "US$0.0005", "HK$3.60");
  test.each<[unknown[][], unknown[][], string, unknown]>([
    [counts, prices, "US$", 10292],
    [counts, prices, "USD", 10292],
    [counts, prices, "(US$)", 10292],
    [counts, prices, "HK$", 0],
    [column("1,000"), column("HK$3.60"), "HKD", 3600],
    [column("3"), column("US$0.1"), "US$", 0.3],
    [column("1"), column("US$0.005"), "US$", 0.01], // half up
    [column("1"), column("US$0.0049"), "US$", 0],
    [column("1", "1"), column("US$0.005", "US$0.005"), "US$", 0.01], // summed, then rounded
    [column("(1)"), column("US$0.005"), "US$", -0.01], // half away from zero
    [column("1,000"), column("0.24"), "US$", 0], // a price with no currency is in none
    [counts, prices, "XYZ", error("#VALUE!", /"XYZ" is not a currency/)],
    [column("1"), column("US$1", "US$2"), "US$", error("#VALUE!", /same size/)],
    [column("many"), column("US$1"), "US$", error("#VALUE!", /"many" is not a figure/)],
  ])("FUNDS(%p, %p, %p) gives %p", (c, p, currency, expected) => {
    expect(outcome(() => funds(c, p, currency))).toEqual(expected);
  });
});

describe("HKMR.TIE compares two figures as typed", () => {
  test.each<[unknown, unknown, unknown]>([
    ["1,234", 1234, "OK"],
    ["Nil", 0, "OK"],
    ["(500)", "-500", "OK"],
    ["US$1,200,000.00", "1,200,000", "OK"],
    ["1,235", "1,234", "Error: expected 1,234; found 1,235"],
    [1235, 1234, "Error: expected 1,234; found 1,235"],
    ["Nil", "52,000", "Error: expected 52,000; found Nil"],
    ["US$1.00", "HK$1.00", "Error: expected HK$1.00; found US$1.00"],
    ["abc", 1, error("#VALUE!", /"abc" is not a figure/)],
  ])("TIE(%p, %p) gives %p", (a, b, expected) => {
    expect(outcome(() => tie(a, b))).toEqual(expected);
  });
});

describe("HKMR.CHECK runs one rule instance on the cells Excel passes", () => {
  const seed = loadFixture("seed-kingsoft-2011-11.json");
  const { layout } = seed.month;
  const instance = (key: string) => checksOf(layout).find((i) => i.key === key)!;
  /** The arguments Excel passes for a check cell: every argument a 2-D array ([[v]] for a cell). */
  const excelArgs = (key: string, values: Readonly<Record<string, unknown>>): unknown[][][] =>
    checkArguments(instance(key), false).map((arg) =>
      arg.kind === "range"
        ? arg.cells.map((c) => [values[c.id] ?? ""])
        : [[values[arg.cell.id] ?? ""]]
    );
  const spec = (key: string) => checkSpec(layout, instance(key), false);
  test.each(checksOf(layout).map((i) => i.key))("reads OK for the seed's %s", (key) => {
    expect(check(spec(key), excelArgs(key, seed.month.values))).toBe("OK");
  });

  test("reads Error: with the reason when a figure is changed", () => {
    const changed = { ...seed.month.values, "issued.ord1.close.shares": "1,167,673,932" };
    const failing = checksOf(layout)
      .map((i) => check(spec(i.key), excelArgs(i.key, changed)))
      .filter((v) => v !== "OK");
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.join("\n")).toMatch(/^Error: .*1,167,673,932/m);
  });

  test("reads Warning: for a warning rule", () => {
    const late = loadFixture("bad-submitted-late.json").month.values;
    const verdicts = checksOf(layout).map((i) => check(spec(i.key), excelArgs(i.key, late)));
    expect(verdicts.filter((v) => v !== "OK")).toEqual([expect.stringMatching(/^Warning: /)]);
  });

  test.each([
    ["nonsense", /Not a check of this add-in/],
    ["legacy-2011|o5.f2.w0.c0.a0.e1|no.such[rule]", /No check "no\.such\[rule\]"/],
  ])("a spec it cannot read (%p) gives #VALUE! with the reason", (bad, why) => {
    expect(outcome(() => check(bad, [[["1"]]]))).toEqual(error("#VALUE!", why));
  });
});

describe("HKMR.COMPUTE and HKMR.COMPUTELIST compute a total by the rule that checks it", () => {
  const seed = loadFixture("seed-kingsoft-2011-11.json");
  const { layout } = seed.month;
  const computed = computedFieldsOf(layout);
  /** The arguments of a computed cell's formula: the check's cells, the total's own passed as "". */
  const excelArgs = (field: string, values: Readonly<Record<string, unknown>>): unknown[][][] =>
    checkArguments(computed.get(field)!.instance, false).map((arg) => {
      const cells = arg.kind === "range" ? arg.cells : [arg.cell];
      if (cells.some((c) => c.id === field)) return [[""]];
      return cells.map((c) => [values[c.id] ?? ""]);
    });
  const spec = (field: string) => checkSpec(layout, computed.get(field)!.instance, false);
  const run = (field: string, values = seed.month.values) =>
    outcome(() =>
      computed.get(field)!.kind === "currencies"
        ? computelist(spec(field), field, excelArgs(field, values))
        : compute(spec(field), field, excelArgs(field, values))
    );

  test.each([
    ["A.total.ord1", 52000],
    ["A.total.pref", 0], // all N/A: nothing to add
    ["E.total.ord1", 0],
    ["AtoE.ord1", 52000],
    ["A.funds.1.amount", 10292],
    ["A.funds.2.amount", 0],
    ["auth.total", "US$1,200,000.00"],
  ])("gives the seed's %s as %p", (field, expected) => {
    expect(run(field)).toEqual(expected);
  });

  test("counts a repurchase (E line 6) as a decrease, whatever sign it is written with", () => {
    const values = {
      ...seed.month.values,
      "E.placing.issued": "20,000,000",
      "E.placing.class": "Ordinary shares",
      "E.repurchase.issued": "600,000", // written positive
      "E.repurchase.class": "Ordinary shares",
    };
    expect(run("E.total.ord1", values)).toBe(19400000);
  });

  test("adds the total authorised capital per currency, as the form writes it", () => {
    const values = {
      ...seed.month.values,
      "auth.pref.close.shares": "40,000,000",
      "auth.pref.close.par": "HK$1.00",
      "auth.pref.close.capital": "HK$40,000,000",
    };
    expect(run("auth.total", values)).toBe("US$1,200,000.00 and HK$40,000,000.00");
    const none = Object.fromEntries(Object.keys(seed.month.values).map((k) => [k, ""]));
    expect(run("auth.total", none)).toBe("");
  });

  test("gives #VALUE! naming a figure it cannot read", () => {
    const values = { ...seed.month.values, "A.2.issued": "TBC" };
    expect(run("A.total.ord1", values)).toEqual(error("#VALUE!", /Cannot add up: .*"TBC"/));
    expect(run("AtoE.ord1", { ...seed.month.values, "B.total.ord1": "about 5" })).toEqual(
      error("#VALUE!", /"about 5"/)
    );
  });

  test.each<[string, () => unknown, RegExp]>([
    ["a spec that is no check", () => compute("nonsense", "A.total.ord1", [[[""]]]), /Not a check/],
    [
      "a field the check does not compute",
      () => compute(spec("A.total.ord1"), "AtoE.ord1", excelArgs("A.total.ord1", {})),
      /does not compute AtoE\.ord1/,
    ],
    [
      "a total per currency asked of COMPUTE's rule",
      () => computelist(spec("A.total.ord1"), "A.total.ord1", excelArgs("A.total.ord1", {})),
      /computes no total per currency/,
    ],
    ["a spec that is not text", () => compute(42 as unknown as string, "x", [[[""]]]), /check/],
    ["a field that is not text", () => computelist("x", null as unknown as string, []), /field/],
    [
      "more cells than a function reads",
      () =>
        compute(spec("A.total.ord1"), "A.total.ord1", [
          Array.from({ length: LIMITS.rangeCells + 1 }, () => [""]),
        ]),
      /Too many cells/,
    ],
  ])("%s gives #VALUE! with the reason", (_, call, why) => {
    expect(outcome(call)).toEqual(error("#VALUE!", why));
  });
});

describe("functions.json generated from the JSDoc", () => {
  test("declares CHECK's cells as a repeating matrix of any values", async () => {
    const metadata = await hkmrMetadata();
    const fn = metadata.functions.find((f) => f.id === "CHECK");
    expect(fn?.parameters).toEqual([
      expect.objectContaining({ name: "spec", type: "string" }),
      expect.objectContaining({
        name: "cells",
        type: "any",
        dimensionality: "matrix",
        repeating: true,
      }),
    ]);
  });

  test.each([
    ["TOTAL", ["classes", "matrix"], ["figures", "matrix"], ["className", undefined]],
    ["FUNDS", ["counts", "matrix"], ["prices", "matrix"], ["currency", undefined]],
    ["ROLLFORWARD", ["preceding", undefined], ["movement", undefined]],
    ["TIE", ["a", undefined], ["b", undefined]],
    ["COMPUTE", ["spec", undefined], ["field", undefined], ["cells", "matrix"]],
    ["COMPUTELIST", ["spec", undefined], ["field", undefined], ["cells", "matrix"]],
    ["CAUSE", ["spec", undefined], ["top", undefined], ["keys", "matrix"], ["cells", "matrix"]],
    ["SUMMARY", ["checks", "matrix"], ["count", undefined], ["cause", undefined]],
  ] as [string, ...[string, string | undefined][]][])(
    "declares %s with its ranges as matrices",
    async (id, ...params) => {
      const metadata = await hkmrMetadata();
      const fn = metadata.functions.find((f) => f.id === id);
      expect(fn?.parameters.map((p) => [p.name, p.dimensionality])).toEqual(params);
    }
  );
});

describe("HKMR.SUMMARY with the sheet's cause", () => {
  const cause = `HKMR cause 1:${JSON.stringify([
    {
      field: "issued.c1.close.excl",
      value: "1,000,250,000",
      current: "1,000,250,001",
      address: "B27",
      label: "II (1): Balance at close of the month",
      checks: ["a", "b"],
      errors: 2,
      warnings: 0,
      tiedWith: [],
    },
  ])}`;
  const checks = [["Error: one", "Error: two", "OK"]];

  test("names the likely cause after the counts", () => {
    expect(summary(checks, 3, cause)).toBe(
      "2 errors · Likely cause: B27, II (1): Balance at close of the month. 1,000,250,000 would clear 2 errors."
    );
  });

  test.each([[""], [undefined], ["HKMR cause 1:[{"], [42], ["Likely cause: B27"]])(
    "reads the counts alone beside a cause cell holding %p",
    (held) => {
      expect(summary(checks, 3, held)).toBe("2 errors");
    }
  );
});
