import type { FormVersion } from "../form";
import { legacy2011Rules, PARTS } from "./legacy-2011-rules";
import type { Acceptance, ReadingsRule, Rule, SumRule } from "./types";

// The rules of form-spec-ff301.md for the FF301 versions, as data. A rule id means what it means
// for the 2011 form; the rules that read the 2011 form's cells unchanged are taken from its list.

/**
 * How the X1 column ("Number of new shares issued") is read: H, the change in the total number of
 * issued shares (its heading), or L, the change in issued shares excluding treasury shares (its
 * subtotal and total labels). No filed return settles it, so both are accepted; a return that
 * settles it turns the other into "warning" here, and nothing else changes.
 */
export type X1Readings = Readonly<Record<"H" | "L", Acceptance>>;

export const X1_READINGS: X1Readings = { H: "accepted", L: "accepted" };

const READING_NAMES = {
  H: "H (new shares = the change in the total number of issued shares)",
  L: "L (new shares = the change in issued shares excluding treasury shares)",
} as const;

/** The 2011 rules that read the same cells with the same meaning on FF301. */
const SAME_AS_2011 = new Set([
  "auth.rollforward",
  "auth.par.noroll",
  "auth.na",
  "auth.ge.issued",
  "na.sections",
  "issued.rollforward",
  "options.funds",
  "warrants.rollforward",
  "warrants.mayissue",
  "convertibles.mayissue",
  "sign.lines",
  "class.conversion",
  "value.readable",
  "value.whole",
  "hdr.monthend",
  "hdr.submitted.after",
  "hdr.deadline",
  "dates.events",
  "month.continuity",
  "complete",
]);

const excused = { when: "excused" } as const;

/** One check under both readings of X1, each reading a rule of its own. */
function underReadings(
  base: Omit<ReadingsRule, "kind" | "readings">,
  table: X1Readings,
  rules: Readonly<Record<"H" | "L", ReadingsRule["readings"][number]["rule"]>>
): ReadingsRule {
  return {
    ...base,
    kind: "readings",
    // the accepted reading leads: its findings stand where neither holds
    readings: (["H", "L"] as const)
      .map((which) => ({ reading: READING_NAMES[which], accept: table[which], rule: rules[which] }))
      .sort((a, b) => (a.accept === b.accept ? 0 : a.accept === "accepted" ? -1 : 1)),
  };
}

/** Section I's rules that read the currency from the figure ("HKD 0.02"), not a heading. */
const AUTHORISED: readonly Rule[] = [
  {
    id: "auth.capital",
    kind: "product",
    severity: "EW",
    title: "Number of shares x par value = authorised/registered share capital",
    each: ["class", "balanceRow"],
    result: "auth.{c}.{row}.capital",
    factors: ["auth.{c}.{row}.shares", "auth.{c}.{row}.par"],
    // a preference class is named so in its block (the blocks are alike in the form's data, T2)
    downgrade: [
      excused,
      { when: "classNamed", field: "auth.{c}.className", words: ["preference"] },
      { when: "currenciesDiffer" },
    ],
  },
  {
    id: "auth.total",
    kind: "currencyTotal",
    severity: "EW",
    title:
      "Total authorised/registered share capital = the sum of the blocks' closing capital, per currency",
    total: "auth.total",
    blocks: "class",
    amount: "auth.{c}.close.capital",
    // a capital written with no currency is in the currency of its row's par value ("HKD 0.10")
    rowCurrency: ["auth.{c}.close.par"],
    downgrade: [excused, { when: "currenciesDiffer" }],
  },
];

/** Options: outstanding rolled forward, and what may still be issued. */
const OPTIONS: readonly Rule[] = [
  {
    id: "options.outstanding",
    kind: "sum",
    severity: "E",
    title:
      "Options outstanding at close = at close of preceding month + granted - exercised - cancelled - lapsed",
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
    verified: false,
  },
  {
    id: "options.mayissue.outstanding",
    kind: "equal",
    severity: "W",
    title: "Shares which may be issued or transferred at close = options outstanding at close",
    each: ["option"],
    a: "A.{i}.mayIssue",
    b: "A.{i}.close",
    tolerance: "exact",
    verified: false,
  },
];

/** Convertibles roll forward by each typed movement: issued adds, converted and redeemed reduce. */
const CONVERTIBLES_ROLLFORWARD: Rule = {
  id: "convertibles.rollforward",
  kind: "sum",
  severity: "E",
  title: "Amount at close = amount at close of preceding month + issued - converted - redeemed",
  each: ["convertible"],
  total: "C.{i}.close",
  parts: [
    ["C.{i}.preceding", 1],
    ["C.{i}.newIssue", 1],
    ["C.{i}.converted", -1],
    ["C.{i}.redeemed", -1],
  ],
  tolerance: "cent",
};

const shareSum = (
  id: string,
  title: string,
  total: string,
  parts: readonly string[],
  each: SumRule["each"] = ["class"]
): SumRule => ({
  id,
  kind: "sum",
  severity: "E",
  title,
  each,
  total,
  parts: parts.map((p) => [p, 1] as const),
  tolerance: "exact",
});

/**
 * FF301 before treasury shares: one column in II, one (X) column and a total per part, read as
 * the 2011 form reads them.
 */
const PLAIN_AS_2011 = new Set([
  "total.A",
  "total.B",
  "total.C",
  "total.D",
  "total.E",
  "options.issued",
  "warrants.shares",
  "convertibles.shares",
  "total.AtoE",
  "total.ties.II",
]);

const part = (lines: "warrant" | "convertible"): "B" | "C" => (lines === "warrant" ? "B" : "C");

/** FF301 with treasury shares: three columns in II, (X1) and (X2) per line, their subtotals. */
function treasuryRules(readings: X1Readings): Rule[] {
  return [
    shareSum(
      "treasury.sum",
      "Issued shares excluding treasury shares + treasury shares = total number of issued shares",
      "issued.{c}.{row}.shares",
      ["issued.{c}.{row}.excl", "issued.{c}.{row}.treasury"],
      ["class", "row"]
    ),
    {
      id: "pending.cancel",
      kind: "signed",
      severity: "W",
      title: "Shares pending cancellation (Note 3) are stated as a negative number or nil",
      each: ["class"],
      cell: "issued.{c}.pending",
      sign: -1,
      verified: false,
    },
    ...PARTS.flatMap(([p, lines]): Rule[] => [
      {
        id: "part.subtotals",
        kind: "classSum",
        severity: "E",
        title: `${p}${p}1 = the sum of the part's (${p}1) figures for the class`,
        each: ["class"],
        total: `${p}.total.{c}`,
        lines,
        value: `${p}.{i}.issued`,
        lineClass: `${p}.{i}.class`,
        direction: p === "E" ? "line" : "asWritten",
      },
      {
        id: "part.subtotals",
        kind: "classSum",
        severity: "E",
        title:
          p === "E"
            ? "EE2 = the sum of the part's (E2) figures for the class, each signed by its line's type"
            : `${p}${p}2 = the sum of the part's (${p}2) figures for the class (decreases, whatever the sign)`,
        each: ["class"],
        total: `${p}.treasury.{c}`,
        lines,
        value: `${p}.{i}.treasury`,
        lineClass: `${p}.{i}.class`,
        // (A2) to (D2) and their subtotals are read as magnitudes; (E) lines by their type
        direction: p === "E" ? "treasury" : "asWritten",
      },
    ]),
    {
      id: "sign.lines",
      kind: "sign",
      severity: "W",
      title: "A treasury figure's sign follows its line: repurchases into treasury increase it",
      lines: "eLine",
      cell: "E.{i}.treasury",
      by: "treasury",
    },
    underReadings(
      {
        id: "options.issued",
        severity: "W",
        title: "Options exercised = shares delivered (new shares and treasury shares)",
        each: ["option"],
      },
      readings,
      {
        H: {
          id: "options.issued",
          kind: "sum",
          severity: "W",
          title: "Options exercised = (A1) + (A2)",
          total: "A.{i}.exercised",
          parts: [
            ["A.{i}.issued", 1],
            ["A.{i}.treasury", 1],
          ],
          tolerance: "exact",
        },
        L: {
          id: "options.issued",
          kind: "equal",
          severity: "W",
          title: "Options exercised = (A1)",
          a: "A.{i}.issued",
          b: "A.{i}.exercised",
          tolerance: "exact",
        },
      }
    ),
    ...(["warrant", "convertible"] as const).map((lines) => {
      const p = part(lines);
      const base = {
        id: lines === "warrant" ? "warrants.shares" : "convertibles.shares",
        kind: "quotient" as const,
        severity: "W" as const,
        title: `Shares delivered = ${lines === "warrant" ? "value exercised" : "amount converted"} / price, within 1 share`,
        shares: `${p}.{i}.issued`,
        amount: lines === "warrant" ? "B.{i}.exercised" : "C.{i}.converted",
        price: `${p}.{i}.price`,
        currency: `${p}.{i}.currency`,
      };
      return underReadings(
        { id: base.id, severity: "W", title: base.title, each: [lines] },
        readings,
        {
          H: { ...base, plus: `${p}.{i}.treasury` },
          L: base,
        }
      );
    }),
    shareSum(
      "total.AtoE",
      "Total of AA1 to EE1 = AA1 + BB1 + CC1 + DD1 + EE1",
      "AtoE.{c}",
      PARTS.map(([p]) => `${p}.total.{c}`)
    ),
    {
      ...shareSum(
        "total.AtoE",
        "Total of AA2 to EE2 = EE2 - AA2 - BB2 - CC2 - DD2 (AA2 to DD2 are decreases in treasury shares)",
        "AtoE.treasury.{c}",
        []
      ),
      parts: PARTS.map(([p]) => [`${p}.treasury.{c}`, p === "E" ? 1 : -1] as const),
    },
    {
      id: "total.ties.II",
      kind: "equal",
      severity: "E",
      title: "Total of AA2 to EE2 = the increase / decrease (-) in the number of treasury shares",
      each: ["class"],
      a: "AtoE.treasury.{c}",
      b: "issued.{c}.movement.treasury",
      tolerance: "exact",
    },
    underReadings(
      {
        id: "total.ties.II",
        severity: "E",
        title: "Total of AA1 to EE1 = the increase / decrease (-) in II, under either reading",
        each: ["class"],
      },
      readings,
      {
        H: {
          id: "total.ties.II",
          kind: "equal",
          severity: "E",
          title:
            "Total of AA1 to EE1 = increase / decrease (-) in the total number of issued shares",
          a: "AtoE.{c}",
          b: "issued.{c}.movement.shares",
          tolerance: "exact",
        },
        L: {
          id: "total.ties.II",
          kind: "equal",
          severity: "E",
          title:
            "Total of AA1 to EE1 = increase / decrease (-) in issued shares excluding treasury shares",
          a: "AtoE.{c}",
          b: "issued.{c}.movement.excl",
          tolerance: "exact",
        },
      }
    ),
  ];
}

/** The two boxes of a class's public float confirmation, and the flag that asks for one. */
const FLOAT_BOXES = ["issued.{c}.float.complied", "issued.{c}.float.notComplied"];
const LISTED = { field: "auth.{c}.listed", is: "yes" } as const;

/** The public float sufficiency confirmation, per class (ff301-1.2). */
const FLOAT: readonly Rule[] = [
  {
    id: "float.confirm",
    kind: "ticks",
    severity: "E",
    title: "A listed class ticks one box of the public float confirmation, not both",
    each: ["class"],
    boxes: FLOAT_BOXES,
    when: LISTED,
    max: 1,
  },
  {
    id: "float.confirm",
    kind: "ticks",
    severity: "W",
    title: "A listed class ticks one box of the public float confirmation",
    each: ["class"],
    boxes: FLOAT_BOXES,
    when: LISTED,
    min: 1,
  },
  {
    id: "float.confirm",
    kind: "ticks",
    severity: "W",
    title: "A class not listed on the Exchange ticks no box of the public float confirmation",
    each: ["class"],
    boxes: FLOAT_BOXES,
    when: { field: "auth.{c}.listed", is: "notYes" },
    max: 0,
  },
  {
    id: "float.threshold",
    kind: "required",
    severity: "W",
    title: "A listed class names its applicable public float threshold",
    each: ["class"],
    cell: "issued.{c}.float.threshold",
    when: LISTED,
  },
  {
    id: "float.shortfall",
    kind: "required",
    severity: "W",
    title: '"Has not been complied with" is explained under "Additional information"',
    each: ["class"],
    cell: "issued.{c}.float.info",
    when: { field: "issued.{c}.float.notComplied", is: "ticked" },
  },
];

/** Whether a version's data has the cell a group of rules reads. */
const hasField = (form: FormVersion, key: string): boolean =>
  form.units.some((u) => u.fields.some((f) => f.key === key));

/**
 * The rules of an FF301 version, chosen by what its data has (treasury columns, the float
 * confirmation), never by its id; `readings` says which readings of X1 are accepted.
 */
export function ff301RulesOf(form: FormVersion, readings: X1Readings = X1_READINGS): Rule[] {
  const treasury = form.issuedColumns.some((c) => c.key === "treasury");
  const common = legacy2011Rules.filter((r) => SAME_AS_2011.has(r.id));
  const naConsistent: Rule = {
    id: "na.consistent",
    kind: "notApplicable",
    severity: "E",
    title: "A class N/A in II is N/A, Nil or blank in every subtotal and total for it",
    each: ["class"],
    when: ["issued.{c}.preceding.shares", "issued.{c}.close.shares"],
    then: [
      ...PARTS.flatMap(([p]) => [`${p}.total.{c}`, ...(treasury ? [`${p}.treasury.{c}`] : [])]),
      "AtoE.{c}",
      ...(treasury ? ["AtoE.treasury.{c}"] : []),
    ],
  };
  return [
    ...AUTHORISED,
    ...common,
    naConsistent,
    ...OPTIONS,
    CONVERTIBLES_ROLLFORWARD,
    ...(treasury
      ? treasuryRules(readings)
      : legacy2011Rules.filter((r) => PLAIN_AS_2011.has(r.id))),
    ...(hasField(form, "issued.{c}.float.complied") ? FLOAT : []),
    {
      id: "month.continuity",
      kind: "equal",
      severity: "E",
      title: "This month's opening figure = last month's closing figure",
      each: ["option"],
      a: "A.{i}.preceding",
      b: "prev:A.{i}.close",
      tolerance: "exact",
    },
  ];
}
