import { formVersion, layoutOf } from "../../src/form";
import {
  CAUSE_TAG,
  causeOf,
  decodeCause,
  encodeCause,
  foldFindings,
  likelyText,
  type Cause,
  type Suspect,
} from "../../src/rules/cause";
import { reconcile, type MonthInput } from "../../src/rules/reconcile";
import { suggestionsOf } from "../../src/rules/suggest";
import { verdictOf } from "../../src/rules/verdict";
import { loadFixture } from "../support/fixtures";
import { EXCL, juneReturn, TOTAL } from "../support/june-return";

const june = juneReturn("MR 2026-06");
const JUNE_SLIP = { field: EXCL, typed: "1,000,250,001", right: "1,000,250,000", total: TOTAL };
const layout = layoutOf(formVersion(june.formId)!, june.shape);
const slipped: MonthInput = { layout, values: { ...june.values, [EXCL]: JUNE_SLIP.typed } };

/** The cause of a month as the engine works it out, with made-up addresses. */
function causeOfMonth(month: MonthInput): Cause {
  const findings = reconcile(month);
  return causeOf(month.layout, findings, suggestionsOf(month, undefined, findings), (id) =>
    id === JUNE_SLIP.field ? "B27" : "Z9"
  );
}

describe("the cause a sheet carries", () => {
  test("names the mistyped closing balance, its value, and the checks it clears", () => {
    const [top] = causeOfMonth(slipped).suspects;
    expect(top).toMatchObject({
      field: JUNE_SLIP.field,
      value: JUNE_SLIP.right,
      current: JUNE_SLIP.typed,
      address: "B27",
      errors: 2,
      warnings: 0,
      tiedWith: [],
    });
    expect(top.checks).toHaveLength(2);
  });

  test("reads back as it was written", () => {
    const cause = causeOfMonth(slipped);
    expect(decodeCause(encodeCause(cause))).toEqual(cause);
  });

  test("is blank when nothing fails", () => {
    expect(encodeCause(causeOfMonth({ layout, values: june.values }))).toBe("");
  });

  const written = encodeCause(causeOfMonth(slipped));
  test.each([
    ["a blank cell", ""],
    ["an error value", { code: "#VALUE!" }],
    ["a number", 42],
    ["text cut short", written.slice(0, written.length - 5)],
    ["another tag", written.replace(CAUSE_TAG, "HKMR cause 2:")],
    ["a suspect without its checks", `${CAUSE_TAG}[{"field":"x"}]`],
    ["a count that is not whole", written.replace('"errors":2', '"errors":1.5')],
    ["an object, not a list", `${CAUSE_TAG}{"suspects":[]}`],
    ["markup", `${CAUSE_TAG}<script>alert(1)</script>`],
  ])("reads as no cause from %s", (_what, text) => {
    expect(decodeCause(text)).toBeNull();
  });
});

describe("folding a finding under its suspect", () => {
  test("tells the total's check from the mistyped cell's side, as the engine's verdict does", () => {
    const findings = reconcile(slipped);
    const folded = foldFindings(slipped.layout, findings, causeOfMonth(slipped).suspects);
    expect(folded).toEqual(verdictOf(slipped).findings);
    for (const f of folded) {
      expect(f.cells[0]).toBe(JUNE_SLIP.field);
      expect(f.message).not.toContain(`found ${june.values[JUNE_SLIP.total] as string}`);
    }
  });

  test("leaves findings alone where the suspect is tied: either cell may be the slip", () => {
    const findings = reconcile(slipped);
    const tied: Suspect[] = causeOfMonth(slipped).suspects.map((s) => ({
      ...s,
      tiedWith: ["issued.c1.close.shares"],
    }));
    expect(foldFindings(slipped.layout, findings, tied)).toEqual(findings);
  });

  test("a finding two suspects clear is told from the more likely one's side", () => {
    const findings = reconcile(slipped);
    const [top] = causeOfMonth(slipped).suspects;
    const other: Suspect = { ...top, field: "issued.c1.close.treasury", label: "Other cell" };
    const folded = foldFindings(slipped.layout, findings, [top, other]);
    expect(folded.every((f) => f.cells[0] === top.field)).toBe(true);
  });

  test("never folds a cell to fill", () => {
    const seed = loadFixture("seed-kingsoft-2011-11.json").month;
    const blank = { layout: seed.layout, values: { ...seed.values, "sig.submittedBy": "" } };
    const findings = reconcile(blank);
    const fake: Suspect = {
      field: "hdr.issuer",
      value: "1",
      current: "x",
      address: "B3",
      label: "Name of issuer",
      checks: findings.map((f) => f.instance),
      errors: 1,
      warnings: 0,
      tiedWith: [],
    };
    const folded = foldFindings(seed.layout, findings, [fake]);
    expect(folded.filter((f) => f.severity === "to-fill")).toEqual(
      findings.filter((f) => f.severity === "to-fill")
    );
  });
});

describe("the likely cause in words", () => {
  test("names the cell, its label, the value and what it clears", () => {
    expect(likelyText(causeOfMonth(slipped))).toBe(
      `Likely cause: B27, ${slipped.layout.byId.get(JUNE_SLIP.field)!.label}. ` +
        `${JUNE_SLIP.right} would clear 2 errors.`
    );
  });

  test("names the cells equally likely", () => {
    // a closing balance off by one, with no last month to pin the opening one
    const month = loadFixture("bad-months-apart-close-off.json").month;
    const findings = reconcile(month);
    const cause = causeOf(month.layout, findings, suggestionsOf(month, undefined, findings), (id) =>
      id.toUpperCase()
    );
    const [top] = cause.suspects;
    expect(top.tiedWith.length).toBeGreaterThan(0);
    expect(likelyText(cause)).toMatch(/ Equally likely: .+\.$/);
  });

  test("says nothing without a suspect", () => {
    expect(likelyText({ suspects: [] })).toBe("");
  });
});
