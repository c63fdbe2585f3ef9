import { formVersion, layoutOf, type FormVersion, type Shape } from "../../src/form";
import { instancesOf, runInstances } from "../../src/rules/evaluate";
import { ff301RulesOf, X1_READINGS, type X1Readings } from "../../src/rules/ff301-rules";
import { monthReader } from "../../src/rules/read";
import { checksOf, reconcile, type Finding, type MonthInput } from "../../src/rules/reconcile";
import { readReturn } from "../../src/rules/return-doc";
import { isZero, sign } from "../../src/values/decimal";
import { fixtureNames, loadFixture, type Fixture } from "../support/fixtures";
import { cellsRead, figuresOf, withValue } from "../support/figures-read";
import { perturb } from "../support/perturb";

// The FF301 fixtures as tests of the engine: every figure a rule of the month reads is caught when
// changed alone (as seed.test.ts does for the 2011 form), both readings of X1 are accepted, and
// which one is authoritative is a change of data (X1_READINGS), not of code.

const isFF301 = (f: Fixture): boolean => formVersion(f.doc.form)?.classMode === "blocks";

/** The consistent FF301 fixtures: every FF301 fixture whose name does not start with "bad-". */
const consistent = fixtureNames()
  .filter((name) => !name.startsWith("bad-"))
  .map(loadFixture)
  .filter(isFF301);

const byName = (name: string): Fixture =>
  consistent.find((f) => f.name === name) ?? loadFixture(name);

/**
 * Figures no rule that can fail reads when they change alone, each with its reason:
 * - an exercise price on an option line with nothing exercised: options.funds multiplies it by 0
 *   (form-spec.md, "The seed as a fixture");
 * - a negative Note 3 figure (shares pending cancellation): it enters no roll-forward and no total
 *   (form-spec-ff301.md, II), and pending.cancel reads only its sign, which one more share keeps.
 */
function unreadByAnyFailingRule(month: MonthInput): Map<string, string> {
  const reader = monthReader(month.layout, month.values);
  const out = new Map<string, string>();
  for (const key of month.layout.domains.option) {
    const exercised = reader.byId(`A.${key}.exercised`);
    if (exercised.tag !== "number" || isZero(exercised.value))
      out.set(`A.${key}.price`, "an exercise price on a line with nothing exercised");
  }
  for (const c of month.layout.domains.class) {
    const pending = reader.byId(`issued.${c}.pending`);
    if (pending.tag === "number" && sign(pending.value) < 0)
      out.set(`issued.${c}.pending`, "a negative Note 3 figure: only its sign is checked");
  }
  return out;
}

describe("the FF301 fixtures", () => {
  test("cover every FF301 version, one class and two, and a pair of months", () => {
    expect(new Set(consistent.map((f) => f.doc.form))).toEqual(
      new Set(["ff301-1.0", "ff301-treasury", "ff301-1.2"])
    );
    expect(consistent.some((f) => (f.doc.shape.classes ?? 1) === 2)).toBe(true);
    expect(consistent.some((f) => f.previous !== undefined)).toBe(true);
  });

  test.each(consistent.map((f) => f.name))(
    "%s reconciles with zero findings, warnings included",
    (name) => {
      const f = byName(name);
      expect(reconcile(f.month, f.previous)).toEqual([]);
      expect(f.doc.meta?.expectedFindings).toEqual([]);
    }
  );
});

const monthCases: [string, string][] = consistent.flatMap((f) => {
  const excepted = unreadByAnyFailingRule(f.month);
  return figuresOf(f.month, cellsRead(f.month, false))
    .filter((id) => !excepted.has(id))
    .map((id): [string, string] => [f.name, id]);
});

const exceptedCases: [string, string, string][] = consistent.flatMap((f) =>
  [...unreadByAnyFailingRule(f.month)]
    .filter(([id]) => figuresOf(f.month, new Set([id])).length > 0)
    .map(([id, why]): [string, string, string] => [f.name, id, why])
);

test("the generated lists cover the figures of every section and version", () => {
  const ids = new Set(monthCases.map(([, id]) => id));
  for (const id of [
    "auth.c1.close.par",
    "auth.total",
    "issued.c1.movement.excl",
    "issued.c1.close.treasury",
    "issued.c2.movement.shares",
    "A.1.exercised",
    "A.1.treasury",
    "A.treasury.c1",
    "A.funds.1.amount",
    "C.1.redeemed",
    "C.1.price",
    "E.repurchaseTreasury.treasury",
    "E.other2.issued",
    "E.placing.issued",
    "AtoE.treasury.c1",
  ])
    expect(ids).toContain(id);
  expect(monthCases.length).toBeGreaterThan(300);
});

test.each(monthCases)("changing %s's %s alone gives a finding naming it", (name, id) => {
  const f = byName(name);
  const changed = perturb(String(f.month.values[id]));
  const findings = reconcile(withValue(f.month, id, changed), f.previous);
  expect(findings.filter((x) => x.cells.includes(id)).map((x) => x.ruleId)).not.toEqual([]);
});

test.each(exceptedCases)(
  "%s's %s is excepted (%s): changing it alone gives no finding",
  (name, id) => {
    const f = byName(name);
    const changed = perturb(String(f.month.values[id]));
    expect(reconcile(withValue(f.month, id, changed), f.previous)).toEqual([]);
  }
);

/** The instances of a month that read last month's return, and the cells they read from it. */
function crossChecks(month: MonthInput): Map<string, { cur: string[]; prev: string[] }> {
  const out = new Map<string, { cur: string[]; prev: string[] }>();
  for (const check of checksOf(month.layout)) {
    if (!check.cells.some((c) => c.prev)) continue;
    out.set(check.key, {
      cur: check.cells.filter((c) => !c.prev).map((c) => c.id),
      prev: check.cells.filter((c) => c.prev).map((c) => c.id),
    });
  }
  return out;
}

const pairs = consistent.filter((f) => f.previous !== undefined);

const crossCases: [string, string][] = pairs.flatMap((f) =>
  figuresOf(f.month, cellsRead(f.month, true)).map((id): [string, string] => [f.name, id])
);

const lastMonthCases: [string, string][] = pairs.flatMap((f) => {
  const prev = f.previous!;
  const ids = new Set([...crossChecks(f.month).values()].flatMap((c) => c.prev));
  return figuresOf(prev, ids).map((id): [string, string] => [f.name, id]);
});

test("the cross-month lists cover every II column and the options outstanding", () => {
  const ids = crossCases.map(([, id]) => id);
  expect(ids).toEqual(
    expect.arrayContaining([
      "issued.c1.preceding.excl",
      "issued.c1.preceding.treasury",
      "issued.c1.preceding.shares",
      "auth.c1.preceding.capital",
      "A.1.preceding",
    ])
  );
  expect(lastMonthCases.map(([, id]) => id)).toEqual(
    expect.arrayContaining(["issued.c1.close.treasury", "A.1.close"])
  );
});

const crossFindings = (month: MonthInput, findings: readonly Finding[]): Finding[] => {
  const keys = crossChecks(month);
  return findings.filter((x) => keys.has(x.instance));
};

test.each(crossCases)(
  "changing %s's opening figure %s alone is caught by a cross-month rule with last month supplied",
  (name, id) => {
    const f = byName(name);
    const changed = withValue(f.month, id, perturb(String(f.month.values[id])));
    expect(crossFindings(changed, reconcile(changed))).toEqual([]);
    const findings = crossFindings(changed, reconcile(changed, f.previous));
    expect(findings.filter((x) => x.cells.includes(id)).map((x) => x.ruleId)).toEqual([
      "month.continuity",
    ]);
  }
);

test.each(lastMonthCases)(
  "%s: changing last month's closing figure %s alone is caught by a cross-month rule",
  (name, id) => {
    const f = byName(name);
    const prev = f.previous!;
    const changedPrev = withValue(prev, id, perturb(String(prev.values[id])));
    const findings = crossFindings(f.month, reconcile(f.month, changedPrev));
    const opening = [...crossChecks(f.month).values()]
      .filter((c) => c.prev.includes(id))
      .flatMap((c) => c.cur);
    expect(findings.map((x) => x.ruleId)).toEqual(["month.continuity"]);
    expect(findings[0].cells).toEqual(opening);
  }
);

describe("the readings of X1 (form-spec-ff301.md, treasury columns)", () => {
  const H_ONLY: X1Readings = { H: "accepted", L: "warning" };
  const L_ONLY: X1Readings = { H: "warning", L: "accepted" };

  /** Runs a fixture's month against its version's rules under a table of readings. */
  function runWith(f: Fixture, readings: X1Readings): Finding[] {
    const { layout, values } = f.month;
    const instances = instancesOf(layout, ff301RulesOf(layout.form, readings));
    const prev = f.previous ? monthReader(f.previous.layout, f.previous.values) : null;
    return runInstances(instances, monthReader(layout, values), prev);
  }

  const brief = (findings: readonly Finding[]): string[] =>
    findings.map((x) => `${x.severity} ${x.ruleId} ${x.code}`).sort();

  /**
   * How each consistent fixture writes X1 where a line moves treasury shares (H: the change in
   * total issued shares; L: in issued shares excluding treasury), and the checks that then hold
   * under that reading only; a fixture no line of which moves treasury shares holds under both.
   */
  const WRITTEN_AS: Record<string, { reading: "H" | "L"; only: string[] }> = {
    "ff301-options-treasury-example-2026-06.json": {
      reading: "H",
      only: ["options.issued", "total.ties.II"],
    },
    "ff301-pair-repurchase-pending-2026-06.json": {
      reading: "H",
      only: ["options.issued", "total.ties.II"],
    },
    "ff301-options-treasury-reading-l-2026-06.json": {
      reading: "L",
      only: ["options.issued", "total.ties.II"],
    },
    "ff301-treasury-sale-of-treasury-shares-2024-10.json": {
      reading: "L",
      only: ["total.ties.II"],
    },
  };

  test("both readings are accepted today", () => {
    expect(X1_READINGS).toEqual({ H: "accepted", L: "accepted" });
    for (const name of [
      "ff301-options-treasury-example-2026-06.json",
      "ff301-options-treasury-reading-l-2026-06.json",
    ])
      expect(runWith(byName(name), X1_READINGS)).toEqual([]);
  });

  test("the two fixtures b and c write the same month, differing only in X1", () => {
    const h = byName("ff301-options-treasury-example-2026-06.json").month.values;
    const l = byName("ff301-options-treasury-reading-l-2026-06.json").month.values;
    const differ = Object.keys({ ...h, ...l })
      .filter((id) => h[id] !== l[id])
      .sort();
    expect(differ).toEqual([
      "A.1.issued",
      "A.total.c1",
      "AtoE.c1",
      "E.repurchaseTreasury.issued",
      "E.total.c1",
    ]);
  });

  test.each(Object.entries(WRITTEN_AS))(
    "%s: a note on the checks that hold only under its reading, when that reading becomes a note",
    (name, { reading, only }) => {
      const f = byName(name);
      const [accepting, noting] = reading === "H" ? [H_ONLY, L_ONLY] : [L_ONLY, H_ONLY];
      expect(runWith(f, accepting)).toEqual([]);
      const findings = runWith(f, noting);
      expect(brief(findings)).toEqual(only.map((id) => `warning ${id} readings.noted`).sort());
      const which = reading === "H" ? /reading H \(/ : /reading L \(/;
      for (const x of findings) expect(x.message).toMatch(which);
    }
  );

  test.each(consistent.filter((f) => !(f.name in WRITTEN_AS)).map((f) => f.name))(
    "%s moves no treasury shares on a line, so it holds under every table of readings",
    (name) => {
      const f = byName(name);
      for (const table of [X1_READINGS, H_ONLY, L_ONLY]) expect(runWith(f, table)).toEqual([]);
    }
  );

  // its (A) line is written under reading H, so with H a note that line is noted as well
  test.each<[string, X1Readings, string[]]>([
    ["both accepted", X1_READINGS, []],
    ["H accepted, L a note", H_ONLY, []],
    ["L accepted, H a note", L_ONLY, ["warning options.issued readings.noted"]],
  ])("a return matching neither reading gives an error (%s)", (_name, table, more) => {
    const f = loadFixture("bad-ff301-x1-neither-reading.json");
    const findings = runWith(f, table);
    expect(brief(findings)).toEqual(["error total.ties.II equal.mismatch", ...more].sort());
    const error = findings.find((x) => x.severity === "error");
    expect(error?.cells).toEqual(
      expect.arrayContaining(["AtoE.c1", "issued.c1.movement.shares", "issued.c1.movement.excl"])
    );
  });
});

describe("the FF301 versions as data", () => {
  const SHAPE: Shape = {
    classes: 1,
    options: 1,
    fundsLines: 1,
    warrants: 1,
    convertibles: 1,
    arrangements: 1,
    otherMovements: 1,
  };
  const idsOf = (form: FormVersion): Set<string> =>
    new Set(layoutOf(form, SHAPE).fields.map((f) => f.id));
  const ruleIdsOf = (form: FormVersion): Set<string> =>
    new Set(checksOf(layoutOf(form, SHAPE)).map((c) => c.rule.id));

  const TREASURY = [
    "issued.c1.preceding.excl",
    "issued.c1.movement.treasury",
    "issued.c1.pending",
    "A.1.treasury",
    "A.treasury.c1",
    "C.1.treasury",
    "E.other1.treasury",
    "E.repurchaseTreasury.issued",
    "E.cancelTreasury.treasury",
    "AtoE.treasury.c1",
  ];
  const FLOAT = [
    "issued.c1.float.complied",
    "issued.c1.float.notComplied",
    "issued.c1.float.threshold",
    "issued.c1.float.info",
  ];
  const COMMON = [
    "hdr.status",
    "auth.c1.className",
    "auth.c1.type",
    "auth.c1.listed",
    "auth.c1.close.par",
    "issued.c1.close.shares",
    "A.1.preceding",
    "A.1.close",
    "A.1.issued",
    "C.1.redeemed",
    "E.repurchase.issued",
    "AtoE.c1",
  ];

  test.each<[string, boolean, boolean]>([
    ["ff301-1.0", false, false],
    ["ff301-treasury", true, false],
    ["ff301-1.2", true, true],
  ])("%s has the treasury cells: %s; the float confirmation: %s", (id, treasury, float) => {
    const form = formVersion(id)!;
    const ids = idsOf(form);
    for (const field of COMMON) expect(ids).toContain(field);
    for (const field of TREASURY) expect(ids.has(field)).toBe(treasury);
    for (const field of FLOAT) expect(ids.has(field)).toBe(float);
    expect(form.issuedColumns.map((c) => c.key)).toEqual(
      treasury ? ["excl", "treasury", "shares"] : ["shares"]
    );
    const rules = ruleIdsOf(form);
    for (const rule of ["treasury.sum", "pending.cancel", "part.subtotals"])
      expect(rules.has(rule)).toBe(treasury);
    for (const rule of ["total.A", "total.E"]) expect(rules.has(rule)).toBe(!treasury);
    expect(rules.has("float.confirm")).toBe(float);
    expect(rules.has("options.outstanding")).toBe(true);
    expect(rules.has("options.mayissue")).toBe(false);
  });

  test.each<[string, string, string]>([
    ["ff301-v1-0-options-placing-2024-01.json", "issued.c1.preceding.excl", "ff301-1.0"],
    ["ff301-v1-0-options-placing-2024-01.json", "A.1.treasury", "ff301-1.0"],
    [
      "ff301-treasury-sale-of-treasury-shares-2024-10.json",
      "issued.c1.float.complied",
      "ff301-treasury",
    ],
  ])("a return of %s with %s is not a valid file (no such field)", (name, id, form) => {
    const f = byName(name);
    const result = readReturn({ ...f.doc, values: { ...f.doc.values, [id]: "0" } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          path: `values["${id}"]`,
          message: `no such field in form ${form} with this shape (see docs/return-format.md)`,
        },
      ]);
  });
});
