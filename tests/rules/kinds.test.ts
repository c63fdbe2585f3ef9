import { layoutOf } from "../../src/form";
import { legacy2011 } from "../../src/form/legacy-2011";
import { reconcile, type Finding } from "../../src/rules/reconcile";

const layout = layoutOf(legacy2011, {
  options: 2,
  fundsLines: 2,
  warrants: 1,
  convertibles: 1,
  arrangements: 0,
  otherMovements: 2,
});

type Values = Record<string, string>;

// these cases state a few figures each: what they leave blank to fill is completeness's own test
const check = (values: Values, previous?: Values): Finding[] =>
  reconcile({ layout, values }, previous ? { layout, values: previous } : undefined).filter(
    (f) => f.severity !== "to-fill"
  );

const brief = (findings: Finding[]): string[] => findings.map((f) => `${f.severity} ${f.ruleId}`);

/** Section II for class (1): 1,000,000 + 50,000 = 1,050,000, tied by Total E (a placing). */
const issued: Values = {
  "issued.ord1.preceding.shares": "1,000,000",
  "issued.ord1.movement.shares": "50,000",
  "issued.ord1.close.shares": "1,050,000",
  "E.placing.issued": "50,000",
  "E.placing.class": "Ordinary shares",
  "E.total.ord1": "50,000",
  "AtoE.ord1": "50,000",
};

/** Section I for class (1): 4,000,000,000 x HK$0.02 = HK$80,000,000 on both balance rows. */
const authorised: Values = {
  "auth.ord1.parCurrency": "HK$",
  "auth.ord1.capitalCurrency": "HK$",
  "auth.ord1.preceding.shares": "4,000,000,000",
  "auth.ord1.preceding.par": "0.02",
  "auth.ord1.preceding.capital": "80,000,000",
  "auth.ord1.movement.shares": "Nil",
  "auth.ord1.movement.capital": "Nil",
  "auth.ord1.close.shares": "4,000,000,000",
  "auth.ord1.close.par": "0.02",
  "auth.ord1.close.capital": "80,000,000",
  "auth.total": "HK$80,000,000",
};

const base: Values = { ...issued, ...authorised };

/** Last month's return whose closing figures open the base return. */
const lastMonth: Values = {
  "issued.ord1.close.shares": "1,000,000",
  "auth.ord1.close.shares": "4,000,000,000",
  "auth.ord1.close.par": "0.02",
  "auth.ord1.close.capital": "80,000,000",
};

const grouped = (n: number): string => n.toLocaleString("en-US");

/** The base return with `shares` more new shares of class (1) from `part`, every total tied. */
const plusShares = (part: "B" | "C", shares: number): Values => ({
  [`${part}.total.ord1`]: grouped(shares),
  "AtoE.ord1": grouped(50_000 + shares),
  "issued.ord1.movement.shares": grouped(50_000 + shares),
  "issued.ord1.close.shares": grouped(1_050_000 + shares),
});

test("an empty return holds every rule: every cell is blank", () => {
  expect(check({})).toEqual([]);
});

test("the base return of these cases is consistent", () => {
  expect(check(base)).toEqual([]);
});

test.each<[string, Values, string[]]>([
  [
    "flags the closing balance when opening + movement differs",
    { "issued.ord1.close.shares": "1,050,001" },
    ["error issued.rollforward"],
  ],
  [
    "flags a blank closing balance under a stated opening balance (T5)",
    { "issued.ord1.close.shares": "" },
    ["error issued.rollforward"],
  ],
  [
    "holds N/A + Nil = N/A for a class not used",
    {
      "issued.ord2.preceding.shares": "N/A",
      "issued.ord2.movement.shares": "Nil",
      "issued.ord2.close.shares": "N/A",
    },
    [],
  ],
  [
    "flags issued shares above the authorised shares",
    {
      "auth.ord1.close.shares": "1,000,000",
      "auth.ord1.movement.shares": "(3,999,000,000)",
      "auth.ord1.close.capital": "20,000",
      "auth.ord1.movement.capital": "(79,980,000)",
      "auth.total": "HK$20,000",
    },
    ["error auth.ge.issued"],
  ],
  [
    "wants registered shares = issued shares for a PRC issuer on both balance rows, as warnings",
    { "hdr.registered": "Yes" },
    ["warning auth.ge.issued", "warning auth.ge.issued"],
  ],
  [
    "flags shares x par != capital on an ordinary class",
    {
      "auth.ord1.close.capital": "80,000,001",
      "auth.ord1.movement.capital": "1",
      "auth.total": "HK$80,000,001",
    },
    ["error auth.capital"],
  ],
  [
    "only notes shares x par != capital when the block has a remark",
    {
      "auth.ord1.close.capital": "80,000,001",
      "auth.ord1.movement.capital": "1",
      "auth.total": "HK$80,000,001",
      "auth.ord1.remark": "capital restated",
    },
    ["warning auth.capital"],
  ],
  [
    "only notes shares x par != capital when a figure is marked *",
    {
      "auth.ord1.close.capital": "80,000,001*",
      "auth.ord1.movement.capital": "1",
      "auth.total": "HK$80,000,001",
    },
    ["warning auth.capital"],
  ],
  [
    "notes a par value in the increase row",
    { "auth.ord1.movement.par": "0.01" },
    ["warning auth.par.noroll"],
  ],
  [
    "notes a partly stated block",
    { "auth.ord1.close.par": "" },
    ["warning auth.na", "error auth.capital"],
  ],
  [
    "flags a Total A figure for a class N/A in II",
    {
      "issued.pref.preceding.shares": "N/A",
      "issued.pref.close.shares": "N/A",
      "A.total.pref": "1,000",
    },
    ["error na.consistent", "error total.A", "error total.AtoE"],
  ],
  [
    "counts a repurchase written positive as a decrease, with a note (T7)",
    {
      "E.repurchase.issued": "10,000",
      "E.repurchase.class": "Ordinary shares",
      "E.total.ord1": "40,000",
      "AtoE.ord1": "40,000",
      "issued.ord1.movement.shares": "40,000",
      "issued.ord1.close.shares": "1,040,000",
    },
    ["warning sign.lines"],
  ],
  [
    "flags Total E when it is not the sum of its lines",
    { "E.total.ord1": "50,001" },
    ["error total.E", "error total.AtoE"],
  ],
  [
    "flags a Total of A to E that differs from II",
    { "issued.ord1.movement.shares": "50,001", "issued.ord1.close.shares": "1,050,001" },
    ["error total.ties.II"],
  ],
  [
    "flags a line whose class names no class",
    { "E.placing.class": "Z shares" },
    ["error total.E", "error total.E"],
  ],
  [
    "flags an unreadable figure and keeps its text",
    { "E.placing.mayIssue": "TBC" },
    ["error value.readable"],
  ],
  ["flags fractional shares", { "E.placing.mayIssue": "1,000.5" }, ["error value.whole"]],
  ["flags a negative balance", { "A.1.mayIssue": "(1,000)" }, ["error value.whole"]],
  [
    "notes lines marked as one conversion that do not net to zero",
    {
      "E.other1.issued": "(50,000,000)",
      "E.other1.conversion": "1",
      "E.other2.issued": "49,000,000",
      "E.other2.conversion": "1",
      "E.other2.class": "(2)",
      "E.total.ord1": "(49,950,000)",
      "AtoE.ord1": "(49,950,000)",
      "issued.ord1.movement.shares": "(49,950,000)",
      "issued.ord1.close.shares": "(48,950,000)",
    },
    ["warning class.conversion", "error value.whole", "error total.E"],
  ],
])("%s", (_name, change, expected) => {
  expect(brief(check({ ...base, ...change })).sort()).toEqual([...expected].sort());
});

describe("options", () => {
  const options: Values = {
    ...base,
    "A.1.price": "US$0.0353",
    "A.1.exercised": "10,000",
    "A.1.issued": "10,000",
    "A.1.class": "Ordinary shares",
    "A.2.price": "HK$3.60",
    "A.2.exercised": "Nil",
    "A.2.issued": "Nil",
    "A.total.ord1": "10,000",
    "A.funds.1.currency": "US$",
    "A.funds.1.amount": "USD$ 353.00",
    "A.funds.2.currency": "(HK$)",
    "A.funds.2.amount": "HK$0.00",
    "E.placing.issued": "40,000",
    "E.total.ord1": "40,000",
  };

  test("reconcile: funds per currency, Total A and the tie to II", () => {
    expect(check(options)).toEqual([]);
  });

  test.each<[string, Values, string[]]>([
    [
      "flags funds off by a cent beyond the tolerance",
      { "A.funds.1.amount": "USD$ 353.01" },
      ["error options.funds"],
    ],
    [
      "flags funds exercised in a currency no funds line states",
      {
        "A.2.exercised": "1,000",
        "A.2.issued": "1,000",
        "A.funds.2.amount": "",
        "A.funds.2.currency": "",
        "A.total.ord1": "11,000",
        "E.placing.issued": "39,000",
        "E.total.ord1": "39,000",
      },
      ["error options.funds"],
    ],
    [
      "notes new shares issued that differ from options exercised",
      {
        "A.1.issued": "9,000",
        "A.total.ord1": "9,000",
        "E.placing.issued": "41,000",
        "E.total.ord1": "41,000",
      },
      ["warning options.issued"],
    ],
  ])("%s", (_name, change, expected) => {
    expect(brief(check({ ...options, ...change })).sort()).toEqual(expected.sort());
  });

  test("checks may-be-issued against last month only when last month is given", () => {
    const now = { ...options, "A.1.mayIssue": "1,517,500" };
    expect(check(now)).toEqual([]);
    expect(check(now, { ...lastMonth, "A.1.mayIssue": "1,527,500" })).toEqual([]);
    const wrong = check(now, { ...lastMonth, "A.1.mayIssue": "1,527,000" });
    expect(brief(wrong)).toEqual(["error options.mayissue"]);
    expect(wrong[0].message).toBe(
      "(A) line 1: No. of new shares of issuer which may be issued pursuant thereto as at close of the month: " +
        "expected 1,517,000 = 1,527,000 (last month) + blank - 10,000 - blank - blank; found 1,517,500."
    );
  });

  test("only notes a may-be-issued change in a month with a capital reorganisation (T10)", () => {
    const now = {
      ...options,
      "A.1.mayIssue": "303,500",
      "E.reorganisation.issued": "(800,000)",
      "E.total.ord1": "(760,000)",
      "AtoE.ord1": "(750,000)",
      "issued.ord1.movement.shares": "(750,000)",
      "issued.ord1.close.shares": "250,000",
    };
    expect(brief(check(now, { ...lastMonth, "A.1.mayIssue": "1,527,500" }))).toEqual([
      "warning options.mayissue",
    ]);
  });
});

describe("warrants and convertibles (T9)", () => {
  const convertible: Values = {
    ...base,
    "C.1.currency": "HK$",
    "C.1.preceding": "120,000,000",
    "C.1.converted": "10,000,000",
    "C.1.close": "110,000,000",
    "C.1.price": "HK$0.72",
    "C.1.issued": "13,888,888",
    "C.1.mayIssue": "152,777,777",
    "C.1.class": "Ordinary shares",
    ...plusShares("C", 13_888_888),
  };

  test.each([
    ["13,888,888", "152,777,777", []],
    ["13,888,889", "152,777,778", []],
    ["13,850,000", "152,777,778", ["warning convertibles.shares"]],
  ])("new shares %s and may issue %s at HK$0.72", (shares, mayIssue, expected) => {
    const n = Number(shares.replace(/,/g, ""));
    const values = {
      ...convertible,
      ...plusShares("C", n),
      "C.1.issued": shares,
      "C.1.mayIssue": mayIssue,
    };
    expect(brief(check(values))).toEqual(expected);
  });

  test("no share check when the price is in another currency", () => {
    expect(check({ ...convertible, "C.1.price": "US$0.10" })).toEqual([]);
  });

  test("flags an amount at close that is not preceding - converted", () => {
    expect(brief(check({ ...convertible, "C.1.close": "110,000,001" }))).toEqual([
      "error convertibles.rollforward",
      "warning convertibles.mayissue",
    ]);
  });

  test("warrants: nominal value roll-forward and shares per price", () => {
    const warrant = {
      ...base,
      ...plusShares("B", 1_000_000),
      "B.1.currency": "HK$",
      "B.1.preceding": "30,000,000",
      "B.1.exercised": "1,500,000",
      "B.1.close": "28,500,000",
      "B.1.price": "HK$1.50",
      "B.1.issued": "1,000,000",
      "B.1.mayIssue": "19,000,000",
    };
    expect(check(warrant)).toEqual([]);
    expect(brief(check({ ...warrant, "B.1.mayIssue": "19,000,002" }))).toEqual([
      "warning warrants.mayissue",
    ]);
  });
});

describe("authorised capital totals per currency (T3)", () => {
  const two: Values = {
    ...base,
    "auth.pref.parCurrency": "US$",
    "auth.pref.capitalCurrency": "US$",
    "auth.pref.preceding.shares": "1,000,000",
    "auth.pref.preceding.par": "1",
    "auth.pref.preceding.capital": "1,000,000",
    "auth.pref.movement.shares": "Nil",
    "auth.pref.movement.capital": "Nil",
    "auth.pref.close.shares": "1,000,000",
    "auth.pref.close.par": "1",
    "auth.pref.close.capital": "1,000,000",
    // authorised, none issued: Nil in II (N/A there would say the class is not used)
    "issued.pref.preceding.shares": "Nil",
    "issued.pref.close.shares": "Nil",
  };
  test.each<[string, string, string[]]>([
    ["one figure per currency", "HK$80,000,000 and US$1,000,000", []],
    ["a total that leaves out the US$ block", "HK$80,000,000", []],
    ["a total that adds two currencies is a note", "HK$81,000,000", ["warning auth.total"]],
    ["a blank total with capital stated is a note", "", ["warning auth.total"]],
  ])("%s", (_name, total, expected) => {
    expect(brief(check({ ...two, "auth.total": total }))).toEqual(expected);
  });

  test("a wrong total in the only currency is an error", () => {
    expect(brief(check({ ...base, "auth.total": "HK$80,000,100" }))).toEqual(["error auth.total"]);
  });

  test("preference capital in another currency is only a note (T2)", () => {
    const t2 = {
      ...two,
      "auth.pref.parCurrency": "RMB",
      "auth.pref.preceding.par": "1",
      "auth.pref.close.par": "1",
      "auth.pref.preceding.capital": "1,000,000,000",
      "auth.pref.close.capital": "1,000,000,000",
      "auth.total": "HK$80,000,000",
    };
    expect(brief(check(t2))).toEqual(["warning auth.capital", "warning auth.capital"]);
  });
});

describe("dates", () => {
  test.each<[string, Values, string[]]>([
    [
      "accepts the seed's dates",
      { "hdr.monthEnded": "30/11/2011", "hdr.submitted": "05/12/2011" },
      [],
    ],
    [
      "flags a month end that is not the last day",
      { "hdr.monthEnded": "29/11/2011", "hdr.submitted": "05/12/2011" },
      ["error hdr.monthend"],
    ],
    [
      "flags a submission before the month end",
      { "hdr.monthEnded": "30/11/2011", "hdr.submitted": "30/11/2011" },
      ["error hdr.submitted.after"],
    ],
    [
      "accepts the 5th business day after a holiday (8 January 2026)",
      { "hdr.monthEnded": "31/12/2025", "hdr.submitted": "8 January 2026" },
      [],
    ],
    [
      "notes a return submitted after the 5th business day",
      { "hdr.monthEnded": "31/12/2025", "hdr.submitted": "09/01/2026" },
      ["warning hdr.deadline"],
    ],
    [
      "notes an allotment date outside the month",
      { "hdr.monthEnded": "30/11/2011", "E.placing.date": "1/12/2011" },
      ["warning dates.events"],
    ],
    [
      "notes an EGM approval after the month end",
      { "hdr.monthEnded": "30/11/2011", "A.1.egmDate": "1 December 2011" },
      ["warning dates.events"],
    ],
    ["flags an unreadable date", { "hdr.monthEnded": "31/02/2011" }, ["error value.readable"]],
  ])("%s", (_name, change, expected) => {
    expect(brief(check({ ...base, ...change })).sort()).toEqual(expected.sort());
  });
});

test("a finding names every cell of its instance, the offending cell first, and says what was expected", () => {
  const [finding] = check({ ...base, "issued.ord1.close.shares": "1,050,001" });
  expect(finding).toMatchObject({
    ruleId: "issued.rollforward",
    code: "sum.mismatch",
    severity: "error",
    cells: [
      "issued.ord1.close.shares",
      "issued.ord1.preceding.shares",
      "issued.ord1.movement.shares",
    ],
    expected: "1,050,000",
    actual: "1,050,001",
  });
  expect(finding.message).toBe(
    "II (1): Balance at close of the month, No. of ordinary shares (1): expected 1,050,000 = 1,000,000 + 50,000; found 1,050,001."
  );
});

test("month.continuity compares this month's opening figures with last month's closing figures", () => {
  const last: Values = {
    "issued.ord1.close.shares": "1,000,000",
    "auth.ord1.close.shares": "4,000,000,000",
    "auth.ord1.close.par": "0.02",
    "auth.ord1.close.capital": "80,000,000",
  };
  expect(check(base, last)).toEqual([]);
  const wrong = check(base, { ...last, "issued.ord1.close.shares": "999,999" });
  expect(wrong[0]?.message).toBe(
    "II (1): Balance at close of preceding month, No. of ordinary shares (1): expected 999,999, as last month's return states it (last month's II (1): Balance at close of the month, No. of ordinary shares (1)); found 1,000,000."
  );
  expect(brief(wrong)).toEqual(["error month.continuity"]);
  expect(wrong[0].cells).toEqual(["issued.ord1.preceding.shares"]);
});

test("funds exact to the cent allow no rounding; products that need rounding allow half a cent each", () => {
  const exact: Values = {
    ...base,
    "A.1.price": "US$0.0353",
    "A.1.exercised": "10,000",
    "A.1.issued": "10,000",
    "A.total.ord1": "10,000",
    "E.placing.issued": "40,000",
    "E.total.ord1": "40,000",
    "A.funds.1.currency": "US$",
  };
  expect(check({ ...exact, "A.funds.1.amount": "353.00" })).toEqual([]);
  expect(brief(check({ ...exact, "A.funds.1.amount": "353.01" }))).toEqual(["error options.funds"]);
  // two lines of 333 x US$0.0353 = 11.7549: rounded per line 23.50, rounded in total 23.51
  const twoLines: Values = {
    ...exact,
    "A.1.exercised": "333",
    "A.1.issued": "333",
    "A.2.price": "US$0.0353",
    "A.2.exercised": "333",
    "A.2.issued": "333",
    "A.total.ord1": "666",
    "E.placing.issued": "49,334",
    "E.total.ord1": "49,334",
  };
  expect(check({ ...twoLines, "A.funds.1.amount": "23.50" })).toEqual([]);
  expect(check({ ...twoLines, "A.funds.1.amount": "23.51" })).toEqual([]);
  expect(brief(check({ ...twoLines, "A.funds.1.amount": "23.52" }))).toEqual([
    "error options.funds",
  ]);
});
