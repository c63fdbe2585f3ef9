import { layoutOf } from "../../src/form";
import { legacy2011 } from "../../src/form/legacy-2011";
import { reconcile, type Finding } from "../../src/rules/reconcile";
import { loadFixture } from "../support/fixtures";

// The rule kinds on what filed returns do: blank movements, currencies stated once, two
// currencies, classes N/A in one section only, registered capital on every balance row.

const layout = layoutOf(legacy2011, {
  options: 0,
  fundsLines: 0,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
});

type Values = Record<string, string>;

// these cases leave the header and signature blank: what is to fill is another rule's concern
const check = (values: Values): Finding[] =>
  reconcile({ layout, values }).filter((f) => f.severity !== "to-fill");
const brief = (findings: Finding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.ruleId}`).sort();

/** Class (1): 3,000,000,000 x HKD 0.10 = 300,000,000.00 authorised; 1,200,000,000 issued, no movement. */
const base: Values = {
  "auth.ord1.preceding.shares": "3,000,000,000",
  "auth.ord1.preceding.par": "HKD 0.10",
  "auth.ord1.preceding.capital": "300,000,000.00",
  "auth.ord1.close.shares": "3,000,000,000",
  "auth.ord1.close.par": "HKD 0.10",
  "auth.ord1.close.capital": "300,000,000.00",
  "auth.total": "HKD 300,000,000.00",
  "issued.ord1.preceding.shares": "1,200,000,000",
  "issued.ord1.movement.shares": "Nil",
  "issued.ord1.close.shares": "1,200,000,000",
};

test("the base of these cases, with blank increase/(decrease) cells in Section I, holds", () => {
  expect(check(base)).toEqual([]);
});

describe("auth.na: only the balance rows and the par value make a block stated (T5)", () => {
  test("a balance cell left blank in a stated block is a note naming it", () => {
    const findings = check({ ...base, "auth.ord1.preceding.par": "" });
    expect(brief(findings)).toEqual(["error auth.capital", "warning auth.na"]);
    const na = findings.find((f) => f.ruleId === "auth.na");
    expect(na?.cells[0]).toBe("auth.ord1.preceding.par"); // the blank cell leads
  });

  test("a block with only a movement is not stated, and its roll-forward catches it", () => {
    const findings = check({ ...base, "auth.ord2.movement.shares": "1,000" });
    expect(brief(findings)).toEqual(["error auth.rollforward"]);
  });
});

describe("auth.rollforward: shares compare exactly and print whole", () => {
  test("a share count that does not roll forward reads in whole shares", () => {
    const findings = check({
      ...base,
      "auth.ord2.close.shares": "5",
      "auth.ord2.close.par": "HKD 0.10",
      "auth.ord2.close.capital": "0.50",
      "auth.total": "HKD 300,000,000.50",
    });
    const shares = findings.find((f) => f.cells[0] === "auth.ord2.close.shares");
    expect(shares?.message).toContain("expected 0 = blank + blank; found 5");
    const capital = findings.find((f) => f.cells[0] === "auth.ord2.close.capital");
    expect(capital?.message).toContain("expected 0.00 = blank + blank; found 0.5.");
  });

  test("half a share is not within any tolerance", () => {
    const findings = check({ ...base, "auth.ord1.close.shares": "3,000,000,000.004" });
    expect(brief(findings)).toContain("error auth.rollforward");
  });
});

describe("auth.total: a currency stated once for the block", () => {
  test.each<[string, Values]>([
    ["the par value's currency", {}],
    ["the capital column's heading", { "auth.ord1.capitalCurrency": "HK$" }],
    [
      "the par value column's heading",
      {
        "auth.ord1.parCurrency": "HK$",
        "auth.ord1.preceding.par": "0.10",
        "auth.ord1.close.par": "0.10",
      },
    ],
    [
      "the total's one currency, where the block states none",
      { "auth.ord1.preceding.par": "0.10", "auth.ord1.close.par": "0.10" },
    ],
  ])("a capital with no currency takes %s", (_name, change) => {
    expect(check({ ...base, ...change })).toEqual([]);
    const wrong = check({ ...base, ...change, "auth.total": "HKD 300,000,001.00" });
    expect(brief(wrong)).toEqual(["error auth.total"]);
    expect(wrong[0].message).toContain("expected HKD 300,000,000.00");
  });
});

test('a note beside the total excuses auth.total as a "*" does: a warning', () => {
  const findings = check({ ...base, "auth.total": "HKD 300,000,100.00 (Remarks)" });
  expect(brief(findings)).toEqual(["warning auth.total"]);
  expect(brief(check({ ...base, "auth.total": "HKD 300,000,100.00*" }))).toEqual([
    "warning auth.total",
  ]);
});

describe("auth.total with two currencies: only a total that mixes them is excused (T3)", () => {
  const two: Values = {
    ...base,
    "auth.ord1.preceding.par": "RMB 1.00",
    "auth.ord1.close.par": "RMB 1.00",
    "auth.ord1.preceding.capital": "3,000,000,000",
    "auth.ord1.close.capital": "3,000,000,000",
    "auth.pref.preceding.shares": "10,000,000",
    "auth.pref.preceding.par": "US$1",
    "auth.pref.preceding.capital": "10,000,000",
    "auth.pref.close.shares": "10,000,000",
    "auth.pref.close.par": "US$1",
    "auth.pref.close.capital": "10,000,000",
    "issued.pref.preceding.shares": "10,000,000",
    "issued.pref.movement.shares": "Nil",
    "issued.pref.close.shares": "10,000,000",
    "auth.total": "RMB3,000,000,000 and US$10,000,000",
  };

  test.each<[string, string, string[]]>([
    ["one figure per currency", "RMB3,000,000,000 and US$10,000,000", []],
    [
      "a per-currency sum off by one is an error",
      "RMB3,000,000,001 and US$10,000,000",
      ["error auth.total"],
    ],
    ["a total that adds both currencies is a note", "RMB3,010,000,000", ["warning auth.total"]],
  ])("%s", (_name, total, expected) => {
    expect(brief(check({ ...two, "auth.total": total }))).toEqual(expected);
  });
});

describe("na.sections: a class N/A in one section only", () => {
  test("shares issued of a class Section I leaves N/A, while it states another, are an error", () => {
    const findings = check({
      ...base,
      "auth.ord2.preceding.shares": "N/A",
      "auth.ord2.close.shares": "N/A",
      "issued.ord2.preceding.shares": "500,000",
      "issued.ord2.movement.shares": "Nil",
      "issued.ord2.close.shares": "500,000",
    });
    expect(brief(findings)).toEqual(["error na.sections"]);
    expect(findings[0].cells).toContain("issued.ord2.close.shares");
  });

  test("a class authorised in Section I and N/A in Section II is a note", () => {
    const findings = check({
      ...base,
      "auth.pref.preceding.shares": "10,000,000",
      "auth.pref.preceding.par": "HKD 1.00",
      "auth.pref.preceding.capital": "10,000,000",
      "auth.pref.close.shares": "10,000,000",
      "auth.pref.close.par": "HKD 1.00",
      "auth.pref.close.capital": "10,000,000",
      "auth.total": "HKD 310,000,000.00",
      "issued.pref.preceding.shares": "N/A",
      "issued.pref.close.shares": "N/A",
    });
    expect(brief(findings)).toEqual(["warning na.sections"]);
  });

  test("a no-par issuer, Section I all N/A (T4), gives nothing", () => {
    const noPar: Values = { ...base, "auth.total": "N/A" };
    for (const key of Object.keys(noPar)) if (key.startsWith("auth.")) noPar[key] = "N/A";
    expect(check(noPar)).toEqual([]);
  });
});

describe("auth.ge.issued: registered capital on every balance row", () => {
  const registered: Values = {
    ...base,
    "hdr.registered": "Yes",
    "auth.ord1.preceding.shares": "1,200,000,000",
    "auth.ord1.preceding.capital": "120,000,000.00",
    "auth.ord1.close.shares": "1,200,000,000",
    "auth.ord1.close.capital": "120,000,000.00",
    "auth.total": "HKD 120,000,000.00",
  };

  test("registered shares equal to issued shares on both rows hold", () => {
    expect(check(registered)).toEqual([]);
  });

  test("the preceding row is checked too", () => {
    const findings = check({
      ...registered,
      "issued.ord1.preceding.shares": "1,100,000,000",
      "issued.ord1.movement.shares": "100,000,000",
      "E.other1.issued": "100,000,000",
      "E.other1.class": "Ordinary shares",
      "E.total.ord1": "100,000,000",
      "AtoE.ord1": "100,000,000",
    });
    expect(brief(findings)).toEqual(["warning auth.ge.issued"]);
    expect(findings[0].cells).toEqual(
      expect.arrayContaining(["issued.ord1.preceding.shares", "auth.ord1.preceding.shares"])
    );
    expect(findings[0].message).toContain("at close of the preceding month");
  });
});

describe("auth.total on FF301: a capital with no currency takes its row's par value's", () => {
  const ff301 = loadFixture("ff301-single-class-no-movement-2026-04.json").month;
  const values = {
    ...ff301.values,
    "auth.c1.preceding.capital": "200,000,000",
    "auth.c1.close.capital": "200,000,000",
  };

  test("HKD 0.10 par, 200,000,000 capital, HKD 200,000,000 total: no finding", () => {
    expect(reconcile({ ...ff301, values })).toEqual([]);
    // with two currencies stated, the block's HKD comes from its par value alone
    const both = { ...values, "auth.total": "HKD 200,000,000 and USD 0" };
    expect(reconcile({ ...ff301, values: both })).toEqual([]);
  });

  test("a total off by one HKD is an error", () => {
    const wrong = reconcile({ ...ff301, values: { ...values, "auth.total": "HKD 200,000,001" } });
    expect(brief(wrong)).toEqual(["error auth.total"]);
  });
});
