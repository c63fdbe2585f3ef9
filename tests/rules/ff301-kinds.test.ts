import { layoutOf } from "../../src/form";
import { ff301v12 } from "../../src/form/ff301";
import { legacy2011 } from "../../src/form/legacy-2011";
import { instancesOf, runInstances } from "../../src/rules/evaluate";
import { figureOf, monthReader } from "../../src/rules/read";
import { reconcile, type Finding } from "../../src/rules/reconcile";
import type {
  ClassSumRule,
  EqualRule,
  QuotientRule,
  ReadingsRule,
  RequiredRule,
  Rule,
  SignedRule,
  SignRule,
  SumRule,
  TicksRule,
} from "../../src/rules/types";
import { formatDec } from "../../src/values/decimal";

// Unit tests of the kinds FF301 added (tick boxes, required cells, signed figures, readings of an
// ambiguous column), of classSum's "treasury" and "decrease" directions, of quotient's `plus`, and
// of figures read as magnitudes, each rule written here as data and run on an FF301 layout.

const layout = layoutOf(ff301v12, {
  classes: 2,
  options: 1,
  fundsLines: 1,
  warrants: 0,
  convertibles: 1,
  arrangements: 0,
  otherMovements: 2,
});

type Values = Record<string, string>;

const run = (rules: readonly Rule[], values: Values): Finding[] =>
  runInstances(instancesOf(layout, rules), monthReader(layout, values), null);

const brief = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.code}`);

const BOXES = ["issued.{c}.float.complied", "issued.{c}.float.notComplied"];
const LISTED: Values = { "auth.c1.listed": "Yes", "auth.c2.listed": "No" };

describe("figures read as magnitudes (FieldTemplate.magnitude)", () => {
  test("the typed movements, the treasury shares transferred out, (A2) to (D2), and their subtotals AA2 to DD2 are magnitudes", () => {
    expect(layout.fields.filter((f) => f.magnitude).map((f) => f.id)).toEqual([
      "A.1.granted",
      "A.1.exercised",
      "A.1.cancelled",
      "A.1.lapsed",
      "A.1.treasury",
      "A.treasury.c1",
      "A.treasury.c2",
      "B.treasury.c1",
      "B.treasury.c2",
      "C.1.newIssue",
      "C.1.converted",
      "C.1.redeemed",
      "C.1.treasury",
      "C.treasury.c1",
      "C.treasury.c2",
      "D.treasury.c1",
      "D.treasury.c2",
    ]);
  });

  test.each(["-2,000,000", "2,000,000"])(
    '"Decrease in treasury shares" AA2 written %s ties to its line and to Total of AA2 to EE2',
    (aa2) => {
      const values: Values = {
        "auth.c1.className": "Ordinary shares",
        "A.1.class": "Ordinary shares",
        "A.1.treasury": "2,000,000",
        "A.treasury.c1": aa2,
        "E.repurchaseTreasury.class": "Ordinary shares",
        "E.repurchaseTreasury.treasury": "4,000,000",
        "E.treasury.c1": "4,000,000",
        "AtoE.treasury.c1": "2,000,000",
      };
      const findings = reconcile({ layout, values }).filter(
        (f) => f.ruleId === "part.subtotals" || f.ruleId === "total.AtoE"
      );
      expect(brief(findings)).toEqual([]);
      const wrong = reconcile({ layout, values: { ...values, "AtoE.treasury.c1": "6,000,000" } });
      expect(wrong.filter((f) => f.ruleId === "total.AtoE").map((f) => f.expected)).toEqual([
        "2,000,000",
      ]);
    }
  );

  test.each<[string, string, string]>([
    ["A.1.exercised", "-3,000,000", "3,000,000"],
    ["A.1.exercised", "(3,000,000)", "3,000,000"],
    ["A.1.exercised", "3,000,000", "3,000,000"],
    ["A.1.lapsed", "-250,000", "250,000"],
    ["A.1.treasury", "-2,000,000", "2,000,000"],
    ["C.1.redeemed", "HKD -1,000,000", "1,000,000"],
    ["A.1.issued", "-3,000,000", "-3,000,000"],
    ["E.other1.treasury", "-5,000", "-5,000"],
    ["issued.c1.movement.excl", "-1,000,000", "-1,000,000"],
  ])("%s written %s reads %s; the text is kept as written", (id, text, read) => {
    const v = monthReader(layout, { [id]: text }).byId(id);
    expect(formatDec(figureOf(v)!)).toBe(read);
    expect(v.tag === "number" && v.text).toBe(text);
  });

  test("Nil and N/A stay what they are", () => {
    const reader = monthReader(layout, { "A.1.exercised": "Nil", "A.1.lapsed": "N/A" });
    expect(reader.byId("A.1.exercised").tag).toBe("nil");
    expect(reader.byId("A.1.lapsed").tag).toBe("na");
  });

  const outstanding: SumRule = {
    id: "options.outstanding",
    kind: "sum",
    severity: "E",
    title: "Outstanding at close = preceding + granted - exercised - cancelled - lapsed",
    each: ["option"],
    total: "A.{i}.close",
    parts: [
      ["A.{i}.preceding", 1],
      ["A.{i}.granted", 1],
      ["A.{i}.exercised", -1],
      ["A.{i}.cancelled", -1],
      ["A.{i}.lapsed", -1],
    ],
    tolerance: "exact",
  };

  test.each([["-3,000,000"], ["(3,000,000)"], ["3,000,000"]])(
    '"Exercised %s" counts 3,000,000 by its type in a roll-forward',
    (exercised) => {
      const values = {
        "A.1.preceding": "12,000,000",
        "A.1.granted": "500,000",
        "A.1.exercised": exercised,
        "A.1.lapsed": "-250,000",
        "A.1.close": "9,250,000",
      };
      expect(run([outstanding], values)).toEqual([]);
      const wrong = run([outstanding], { ...values, "A.1.close": "3,250,000" });
      expect(wrong.map((f) => f.expected)).toEqual(["9,250,000"]);
      expect(wrong[0].message).toContain("12,000,000 + 500,000 - 3,000,000 - blank - 250,000");
    }
  );
});

describe("ticks: between min and max boxes ticked where the condition holds", () => {
  const ticks = (more: Partial<TicksRule>): TicksRule => ({
    id: "float.confirm",
    kind: "ticks",
    severity: "E",
    title: "Tick boxes, for this test",
    each: ["class"],
    boxes: BOXES,
    when: { field: "auth.{c}.listed", is: "yes" },
    ...more,
  });

  test.each<[string, Partial<TicksRule>, Values, string[], string[]]>([
    ["none ticked where one is needed", { min: 1 }, {}, ["error ticks.tooFew"], BOXES],
    ["one ticked where one is needed", { min: 1 }, { "issued.c1.float.complied": "✓" }, [], []],
    [
      "both ticked where one at most is allowed",
      { max: 1 },
      { "issued.c1.float.complied": "✓", "issued.c1.float.notComplied": "✓" },
      ["error ticks.tooMany"],
      BOXES,
    ],
    [
      "one ticked where one at most is allowed",
      { max: 1 },
      { "issued.c1.float.notComplied": "x" },
      [],
      [],
    ],
    ["none ticked where one at most is allowed", { max: 1 }, {}, [], []],
    [
      "a box ticked where none is allowed names the ticked box first",
      { max: 0 },
      { "issued.c1.float.notComplied": "✓" },
      ["error ticks.none"],
      ["issued.{c}.float.notComplied", "issued.{c}.float.complied"],
    ],
  ])("%s", (_name, more, values, expected, cells) => {
    const findings = run([ticks(more)], { ...LISTED, ...values });
    expect(brief(findings)).toEqual(expected);
    if (findings.length)
      expect(findings[0].cells).toEqual(cells.map((c) => c.replace("{c}", "c1")));
  });

  test("the rule's severity is the finding's: a warning rule gives a warning", () => {
    expect(brief(run([ticks({ min: 1, severity: "W" })], LISTED))).toEqual([
      "warning ticks.tooFew",
    ]);
  });

  test("the condition chooses the classes: listed (yes) and not listed (notYes)", () => {
    const tickedBoth = { "issued.c1.float.complied": "✓", "issued.c2.float.complied": "✓" };
    const listedOnly = run([ticks({ max: 0 })], { ...LISTED, ...tickedBoth });
    expect(listedOnly.map((f) => f.instance)).toEqual(["float.confirm[class=c1]"]);
    const unlisted = run([ticks({ max: 0, when: { field: "auth.{c}.listed", is: "notYes" } })], {
      ...LISTED,
      ...tickedBoth,
    });
    expect(unlisted.map((f) => f.instance)).toEqual(["float.confirm[class=c2]"]);
    // a class whose listing cell is blank is not listed
    const blank = run([ticks({ max: 0, when: { field: "auth.{c}.listed", is: "notYes" } })], {
      "issued.c1.float.complied": "✓",
    });
    expect(blank.map((f) => f.instance)).toEqual(["float.confirm[class=c1]"]);
  });

  test("without a condition, every class is checked", () => {
    const findings = run([ticks({ min: 1, when: undefined })], {});
    expect(findings.map((f) => f.instance)).toEqual([
      "float.confirm[class=c1]",
      "float.confirm[class=c2]",
    ]);
  });

  test.each([["✓"], ["✔"], ["☑"], ["x"], ["X"], ["Yes"], ["1"], [" ✓ "]])(
    "%j in a box reads as ticked",
    (mark) => {
      const findings = run([ticks({ max: 0 })], { ...LISTED, "issued.c1.float.complied": mark });
      expect(brief(findings)).toEqual(["error ticks.none"]);
    }
  );

  test.each([[""], ["No"], ["0"], ["not ticked"]])("%j in a box reads as not ticked", (mark) => {
    const findings = run([ticks({ max: 0 })], { ...LISTED, "issued.c1.float.complied": mark });
    expect(findings).toEqual([]);
  });
});

describe("required: the cell is filled where the condition holds", () => {
  const threshold: RequiredRule = {
    id: "float.threshold",
    kind: "required",
    severity: "W",
    title: "A listed class names its threshold",
    each: ["class"],
    cell: "issued.{c}.float.threshold",
    when: { field: "auth.{c}.listed", is: "yes" },
  };
  const shortfall: RequiredRule = {
    ...threshold,
    id: "float.shortfall",
    cell: "issued.{c}.float.info",
    when: { field: "issued.{c}.float.notComplied", is: "ticked" },
  };

  test.each<[string, RequiredRule, Values, string[]]>([
    ["a listed class without its threshold", threshold, LISTED, ["warning required.listed"]],
    [
      "a listed class with its threshold",
      threshold,
      { ...LISTED, "issued.c1.float.threshold": "Initial Prescribed Threshold" },
      [],
    ],
    ["an unlisted class needs none", threshold, { "auth.c1.listed": "No" }, []],
    [
      '"has not been complied with" ticked, nothing said',
      shortfall,
      { "issued.c1.float.notComplied": "✓" },
      ["warning required.ticked"],
    ],
    [
      '"has not been complied with" ticked and explained',
      shortfall,
      { "issued.c1.float.notComplied": "✓", "issued.c1.float.info": "Public float 22.5%" },
      [],
    ],
    ["nothing ticked: nothing required", shortfall, {}, []],
  ])("%s", (_name, rule, values, expected) => {
    const findings = run([rule], values);
    expect(brief(findings)).toEqual(expected);
    for (const f of findings)
      expect(f.cells).toEqual([rule.cell, rule.when.field].map((t) => t.replace("{c}", "c1")));
  });
});

describe("signed: a figure at most zero (-1) or at least zero (1)", () => {
  const pending: SignedRule = {
    id: "pending.cancel",
    kind: "signed",
    severity: "W",
    title: "Pending cancellation is negative or nil",
    each: ["class"],
    cell: "issued.{c}.pending",
    sign: -1,
  };

  test.each<[string, string[]]>([
    ["-600,000", []],
    ["(600,000)", []],
    ["Nil", []],
    ["0", []],
    ["", []],
    ["TBC", []], // value.readable reports it
    ["600,000", ["warning signed.positive"]],
  ])("Note 3 written %j", (text, expected) => {
    const findings = run([pending], { "issued.c1.pending": text });
    expect(brief(findings)).toEqual(expected);
    if (findings.length) {
      expect(findings[0].cells).toEqual(["issued.c1.pending"]);
      expect(findings[0].actual).toBe("600,000");
    }
  });

  test("sign 1 asks for a figure of at least zero", () => {
    const rule: SignedRule = { ...pending, sign: 1 };
    expect(brief(run([rule], { "issued.c1.pending": "-1" }))).toEqual(["warning signed.negative"]);
    expect(run([rule], { "issued.c1.pending": "1" })).toEqual([]);
  });
});

describe("readings: one check under several readings of a column", () => {
  // reading "new" (X1 = delivered) or "both" (X1 + |X2| = delivered), as H and L of form-spec-ff301
  const byNew: EqualRule = {
    id: "options.issued",
    kind: "equal",
    severity: "E",
    title: "Exercised = (A1)",
    a: "A.{i}.issued",
    b: "A.{i}.exercised",
    tolerance: "exact",
  };
  const byBoth: SumRule = {
    id: "options.issued",
    kind: "sum",
    severity: "E",
    title: "Exercised = (A1) + (A2)",
    total: "A.{i}.exercised",
    parts: [
      ["A.{i}.issued", 1],
      ["A.{i}.treasury", 1],
    ],
    tolerance: "exact",
  };
  const readings = (
    first: "accepted" | "warning",
    second: "accepted" | "warning"
  ): ReadingsRule => ({
    id: "options.issued",
    kind: "readings",
    severity: "E",
    title: "Exercised = shares delivered",
    each: ["option"],
    readings: [
      { reading: "new", accept: first, rule: byNew },
      { reading: "both", accept: second, rule: byBoth },
    ],
  });
  const asNew = {
    "A.1.exercised": "-3,000,000",
    "A.1.issued": "3,000,000",
    "A.1.treasury": "-2,000,000",
  };
  const asBoth = { ...asNew, "A.1.issued": "1,000,000" };
  const neither = { ...asNew, "A.1.issued": "2,000,000" };

  test.each<[string, ReadingsRule, Values, string[]]>([
    ["holds where the accepted reading holds", readings("accepted", "warning"), asNew, []],
    [
      "is a note where only a warning reading holds",
      readings("accepted", "warning"),
      asBoth,
      ["warning readings.noted"],
    ],
    [
      "holds under either of two accepted readings (first)",
      readings("accepted", "accepted"),
      asNew,
      [],
    ],
    [
      "holds under either of two accepted readings (second)",
      readings("accepted", "accepted"),
      asBoth,
      [],
    ],
    [
      "gives the accepted reading's findings where none holds",
      readings("accepted", "warning"),
      neither,
      ["error equal.mismatch"],
    ],
    [
      "gives the first accepted reading's findings where none holds, once",
      readings("warning", "accepted"),
      neither,
      ["error sum.mismatch"],
    ],
    ["holds where nothing is stated", readings("accepted", "warning"), {}, []],
  ])("%s", (_name, rule, values, expected) => {
    expect(brief(run([rule], values))).toEqual(expected);
  });

  test("a note names the reading under which the check holds, and every cell of the readings", () => {
    const [note] = run([readings("accepted", "warning")], asBoth);
    expect(note.message).toBe(
      "(A) line 1: Number of new shares issued during the month pursuant thereto (A1): holds only if the new shares column is read as reading both; check which reading the Exchange takes."
    );
    expect(note.cells).toEqual(["A.1.issued", "A.1.exercised", "A.1.treasury"]);
    expect(note.ruleId).toBe("options.issued");
  });

  test("a check with no accepted reading has no instance", () => {
    expect(instancesOf(layout, [readings("warning", "warning")])).toEqual([]);
  });
});

describe('classSum by direction: "treasury" (by the E line type) and "decrease"', () => {
  const eTreasury = (direction: ClassSumRule["direction"]): ClassSumRule => ({
    id: "part.subtotals",
    kind: "classSum",
    severity: "E",
    title: "EE2 = the sum of (E2), for this test",
    each: ["class"],
    total: "E.treasury.{c}",
    lines: "eLine",
    value: "E.{i}.treasury",
    lineClass: "E.{i}.class",
    direction,
  });
  const TWO_CLASSES: Values = {
    "auth.c1.description": "Ordinary shares",
    "auth.c2.description": "Class B shares",
  };
  const check = (direction: ClassSumRule["direction"], values: Values): Finding[] =>
    run([eTreasury(direction)], { ...TWO_CLASSES, ...values });

  test.each<[string, Values, string]>([
    [
      "a repurchase into treasury increases them",
      { "E.repurchaseTreasury.treasury": "4,000,000" },
      "4,000,000",
    ],
    [
      "a repurchase into treasury written negative counts as written (sign.lines notes it)",
      { "E.repurchaseTreasury.treasury": "-4,000,000" },
      "-4,000,000",
    ],
    [
      "a sale of treasury shares decreases them, written positive",
      { "E.treasuryTransfer.treasury": "8,000,000" },
      "-8,000,000",
    ],
    [
      "a sale of treasury shares decreases them, written negative",
      { "E.treasuryTransfer.treasury": "-8,000,000" },
      "-8,000,000",
    ],
    [
      "a cancellation of treasury shares decreases them",
      { "E.cancelTreasury.treasury": "1,000,000" },
      "-1,000,000",
    ],
    ['an "Other" line counts as written', { "E.other1.treasury": "-500" }, "-500"],
    [
      "lines add up by their types",
      {
        "E.repurchaseTreasury.treasury": "4,000,000",
        "E.treasuryTransfer.treasury": "1,500,000",
        "E.other1.treasury": "250",
      },
      "2,500,250",
    ],
  ])("%s", (_name, values, total) => {
    expect(check("treasury", { ...values, "E.treasury.c1": total })).toEqual([]);
    const wrong = check("treasury", { ...values, "E.treasury.c1": "1" });
    expect(wrong.map((f) => [f.code, f.expected])).toEqual([["sum.mismatch", total]]);
  });

  test('the treasury direction is the line type\'s treasury one, not its issued-shares one ("line")', () => {
    const sale = { "E.treasuryTransfer.treasury": "8,000,000" };
    expect(check("line", { ...sale, "E.treasury.c1": "8,000,000" })).toEqual([]);
    expect(check("treasury", { ...sale, "E.treasury.c1": "-8,000,000" })).toEqual([]);
  });

  test('"decrease" counts every line as a decrease whatever sign is written; "asWritten" as written', () => {
    const lines = { "E.other1.treasury": "5,000", "E.other2.treasury": "-2,000" };
    expect(check("decrease", { ...lines, "E.treasury.c1": "-7,000" })).toEqual([]);
    expect(check("asWritten", { ...lines, "E.treasury.c1": "3,000" })).toEqual([]);
    expect(brief(check("decrease", { ...lines, "E.treasury.c1": "3,000" }))).toEqual([
      "error sum.mismatch",
    ]);
  });

  test("a line counts only in the total of the class its class cell names", () => {
    const values = {
      "E.other1.treasury": "5,000",
      "E.other2.treasury": "2,000",
      "E.other2.class": "Class B shares",
    };
    expect(
      check("decrease", { ...values, "E.treasury.c1": "-5,000", "E.treasury.c2": "-2,000" })
    ).toEqual([]);
    const wrong = check("decrease", {
      ...values,
      "E.treasury.c1": "-7,000",
      "E.treasury.c2": "-2,000",
    });
    expect(wrong.map((f) => f.instance)).toEqual(["part.subtotals[class=c1]"]);
  });

  test("the message shows each line as it counts (a decrease written positive shows as one)", () => {
    const [finding] = check("treasury", {
      "E.repurchaseTreasury.treasury": "4,000,000",
      "E.treasuryTransfer.treasury": "1,500,000",
      "E.treasury.c1": "5,500,000",
    });
    expect(finding.message).toBe(
      "(E): Increase/ decrease (-) in treasury shares: class (1) (EE2): expected 2,500,000 = 4,000,000 - 1,500,000; found 5,500,000."
    );
  });

  test("so does the 2011 form's Total E with a repurchase written positive (T7)", () => {
    const legacy = layoutOf(legacy2011, {
      options: 0,
      fundsLines: 0,
      warrants: 0,
      convertibles: 0,
      arrangements: 0,
      otherMovements: 0,
    });
    const findings = reconcile({
      layout: legacy,
      values: {
        "E.placing.issued": "20,000,000",
        "E.repurchase.issued": "600,000",
        "E.total.ord1": "20,600,000",
      },
    }).filter((f) => f.ruleId === "total.E");
    expect(findings.map((f) => f.message)).toEqual([
      "(E): Total E. (1): expected 19,400,000 = 20,000,000 - 600,000; found 20,600,000.",
    ]);
  });
});

describe("quotient with plus: shares delivered = new shares + treasury shares transferred out", () => {
  const delivered = (plus: boolean): QuotientRule => ({
    id: "convertibles.shares",
    kind: "quotient",
    severity: "W",
    title: "Shares delivered = amount converted / price, for this test",
    each: ["convertible"],
    shares: "C.{i}.issued",
    ...(plus ? { plus: "C.{i}.treasury" } : {}),
    amount: "C.{i}.converted",
    price: "C.{i}.price",
    currency: "C.{i}.currency",
  });
  // HKD 2,000,000 converted at HKD 0.40: 5,000,000 shares delivered
  const converted: Values = {
    "C.1.currency": "HKD",
    "C.1.converted": "-2,000,000",
    "C.1.price": "HKD 0.40",
  };

  test.each<[string, Values, string[], string[]]>([
    ["all new shares", { "C.1.issued": "5,000,000", "C.1.treasury": "0" }, [], []],
    [
      "new and treasury shares, (C2) written negative",
      { "C.1.issued": "3,000,000", "C.1.treasury": "-2,000,000" },
      [],
      ["warning quotient.mismatch"],
    ],
    [
      "new and treasury shares, (C2) written positive",
      { "C.1.issued": "3,000,000", "C.1.treasury": "2,000,000" },
      [],
      ["warning quotient.mismatch"],
    ],
    [
      "all treasury shares",
      { "C.1.issued": "0", "C.1.treasury": "-5,000,000" },
      [],
      ["warning quotient.mismatch"],
    ],
    [
      "too few delivered",
      { "C.1.issued": "3,000,000" },
      ["warning quotient.mismatch"],
      ["warning quotient.mismatch"],
    ],
    [
      "a price in another currency: no check",
      { "C.1.issued": "3,000,000", "C.1.price": "USD 0.05" },
      [],
      [],
    ],
  ])("%s (with plus; without)", (_name, values, withPlus, without) => {
    expect(brief(run([delivered(true)], { ...converted, ...values }))).toEqual(withPlus);
    expect(brief(run([delivered(false)], { ...converted, ...values }))).toEqual(without);
  });

  test("a finding shows both figures delivered and names the (C2) cell", () => {
    const [finding] = run([delivered(true)], {
      ...converted,
      "C.1.issued": "3,000,000",
      "C.1.treasury": "-1,000,000",
    });
    expect(finding.expected).toBe("5,000,000");
    expect(finding.actual).toBe("3,000,000 + 1,000,000");
    expect(finding.cells).toEqual(["C.1.issued", "C.1.converted", "C.1.price", "C.1.treasury"]);
  });
});

describe("sign by the treasury direction of an E line", () => {
  const rule: SignRule = {
    id: "sign.lines",
    kind: "sign",
    severity: "W",
    title: "A treasury figure's sign follows its line, for this test",
    lines: "eLine",
    cell: "E.{i}.treasury",
    by: "treasury",
  };

  test.each<[Values, string[]]>([
    [
      { "E.repurchaseTreasury.treasury": "4,000,000", "E.treasuryTransfer.treasury": "-8,000,000" },
      [],
    ],
    [{ "E.repurchaseTreasury.treasury": "-4,000,000" }, ["warning sign.treasury.increase"]],
    [{ "E.treasuryTransfer.treasury": "8,000,000" }, ["warning sign.treasury.decrease"]],
    [{ "E.cancelTreasury.treasury": "1,000,000" }, ["warning sign.treasury.decrease"]],
    [{ "E.other1.treasury": "-5", "E.other2.treasury": "5" }, []],
  ])("%j", (values, expected) => {
    expect(brief(run([rule], values))).toEqual(expected);
  });
});

describe("auth.capital on a preference class block (T2: a note, not an error)", () => {
  const values = (className: string): Values => ({
    "auth.c1.className": className,
    "auth.c1.close.shares": "1,000,000",
    "auth.c1.close.par": "HKD 0.10",
    "auth.c1.close.capital": "HKD 99,000",
  });
  const capital = (className: string): string[] =>
    reconcile({ layout, values: values(className) })
      .filter((f) => f.ruleId === "auth.capital")
      .map((f) => f.severity);

  test.each([
    ["Ordinary shares", "error"],
    ["H shares", "error"],
    ["Preference shares", "warning"],
    ["Convertible Preference Shares", "warning"],
  ])("a block named %s gives an %s", (className, severity) => {
    expect(capital(className)).toEqual([severity]);
  });
});
