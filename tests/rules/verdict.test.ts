import { valueOfCell } from "../support/plan-values";
import { FORM_VERSIONS, layoutOf, type Shape } from "../../src/form";
import type { MonthInput } from "../../src/rules/reconcile";
import {
  headlineOf,
  statusOf,
  tallyOfTexts,
  verdictOf,
  type Verdict,
} from "../../src/rules/verdict";
import { planTemplate } from "../../src/plan/template";
import { fixtureNames, loadFixture } from "../support/fixtures";
import { withValue } from "../support/figures-read";

const SHAPE: Shape = {
  classes: 2,
  options: 3,
  fundsLines: 1,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 1,
};

/** A template as inserted: its input cells with the values the plan writes (N/A, Nil, dates). */
function blankTemplate(formId: string): MonthInput {
  const plan = planTemplate(formId, SHAPE, { monthEnded: "2026-06-30", submitted: "2026-07-03" });
  const values: Record<string, string | number> = {};
  for (const cell of plan.cells)
    if (cell.field && cell.content) values[cell.field] = valueOfCell(cell);
  return { layout: layoutOf(FORM_VERSIONS[formId], SHAPE), values };
}

describe("completeness", () => {
  test.each(Object.keys(FORM_VERSIONS))(
    "a blank %s template is to fill, with a count, never ready",
    (formId) => {
      const month = blankTemplate(formId);
      const verdict = verdictOf(month);
      const c1 = month.layout.classes[0].id;
      expect(verdict.status).toBe("incomplete");
      expect(verdict.errors).toBe(0);
      expect(verdict.toFill.length).toBeGreaterThan(0);
      expect(verdict.headline).toBe(`${verdict.toFill.length} cells to fill`);
      // the header, the signature and the first class's balances, never an unused line
      expect(verdict.toFill).toEqual(
        expect.arrayContaining(["hdr.issuer", "sig.submittedBy", `issued.${c1}.close.shares`])
      );
      expect(verdict.toFill.some((id) => /^[A-E]\./.test(id))).toBe(false);
    }
  );

  const complete = fixtureNames().filter((name) => !name.startsWith("bad-"));
  test.each(complete)("the complete consistent fixture %s reads Ready to file", (name) => {
    const fixture = loadFixture(name);
    const verdict = verdictOf(fixture.month, fixture.previous);
    expect([verdict.status, verdict.headline, verdict.toFill]).toEqual([
      "ready",
      "Ready to file",
      [],
    ]);
  });

  const seed = loadFixture("seed-kingsoft-2011-11.json");

  test("a line typed in part asks for its particulars; its blank neighbours raise nothing", () => {
    const values = { ...seed.month.values };
    for (const key of Object.keys(values)) if (key.startsWith("A.2.")) delete values[key];
    for (const key of Object.keys(values)) if (key.startsWith("A.3.")) values[key] = "";
    values["A.2.exercised"] = "1,000";
    const verdict = verdictOf({ layout: seed.month.layout, values });
    expect(verdict.toFill).toEqual(
      expect.arrayContaining(["A.2.particulars", "A.2.price", "A.2.class", "A.2.mayIssue"])
    );
    expect(verdict.toFill.filter((id) => id.startsWith("A.3."))).toEqual([]);
    expect(verdict.findings.filter((f) => f.cells[0].startsWith("A.3."))).toEqual([]);
  });

  test("a blank movement reads as zero and is never to fill", () => {
    const verdict = verdictOf(withValue(seed.month, "auth.ord1.movement.shares", ""));
    expect(verdict.status).toBe("ready");
  });

  test("N/A fills a balance: a class not used in II asks for nothing", () => {
    expect(seed.month.values["issued.ord2.close.shares"]).toBe("N/A");
    expect(verdictOf(seed.month).toFill).toEqual([]);
  });

  test("a blank signature block is to fill, not an error", () => {
    const values = { ...seed.month.values, "sig.submittedBy": "", "sig.title": "" };
    const verdict = verdictOf({ layout: seed.month.layout, values });
    expect([verdict.status, verdict.toFill, verdict.headline]).toEqual([
      "incomplete",
      ["sig.submittedBy", "sig.title"],
      "2 cells to fill",
    ]);
  });
});

describe("the likely wrong figure", () => {
  const june = loadFixture("ff301-options-treasury-example-2026-06.json");
  const first = (v: Verdict) => v.suggestions[0];

  test("a mistyped closing balance (B36) is named with its fix; the total (D36) is never to change", () => {
    const typo = withValue(june.month, "issued.c1.close.excl", "1,949,000,001");
    const verdict = verdictOf(typo, june.previous);
    expect(verdict.errors).toBe(2);
    expect(first(verdict)).toEqual({
      field: "issued.c1.close.excl",
      value: "1,949,000,000",
      current: "1,949,000,001",
      clears: [0, 1],
    });
    expect(verdict.suggestions.map((s) => s.field)).not.toContain("issued.c1.close.shares");
    // every finding the slip causes leads with the slip, none with a correct cell
    for (const f of verdict.findings) expect(f.cells[0]).toBe("issued.c1.close.excl");
    expect(verdict.findings.map((f) => f.message).join("\n")).not.toMatch(
      /^II \(1\): Balance at close of the month, Total number of issued shares/m
    );
  });

  test("a slip in an option line's new shares names that cell, not the subtotal or Exercised", () => {
    const typo = withValue(june.month, "A.1.issued", "1,000,100");
    const verdict = verdictOf(typo, june.previous);
    expect(first(verdict)).toMatchObject({ field: "A.1.issued", value: "1,000,000" });
    expect(verdict.suggestions.map((s) => s.field)).not.toEqual(
      expect.arrayContaining(["A.total.c1"])
    );
    for (const f of verdict.findings) expect(f.cells[0]).toBe("A.1.issued");
  });

  test("a figure read by one rule only names both cells, as equally likely", () => {
    const bad = loadFixture("bad-issued-close-off-by-one.json");
    const verdict = verdictOf(bad.month, bad.previous);
    expect(verdict.suggestions.map((s) => [s.field, s.tiedWith])).toEqual([
      ["issued.ord1.close.shares", ["issued.ord1.preceding.shares"]],
      ["issued.ord1.preceding.shares", ["issued.ord1.close.shares"]],
    ]);
    expect(verdict.suggestions[0].value).toBe("1,167,673,933");
  });

  test("a consistent return has no suggestion", () => {
    expect(verdictOf(june.month, june.previous).suggestions).toEqual([]);
  });
});

describe("a suggested value is written as its cell writes figures", () => {
  test.each([
    ["bad-currency-stated-once-total-off.json", "auth.total", "HKD 300,000,000.00"],
    [
      "bad-ff301-annotated-capital-off.json",
      "auth.c1.close.capital",
      "HKD 200,000,000.00 (Remarks)",
    ],
  ])("%s: %s reads %j, its currency as written and its note kept", (name, field, value) => {
    const { month } = loadFixture(name);
    const [first] = verdictOf(month).suggestions;
    expect({ field: first.field, value: first.value }).toEqual({ field, value });
  });
});

describe("headline and status", () => {
  test.each([
    [{ toFill: 0, errors: 0, warnings: 0 }, "ready", "Ready to file"],
    [{ toFill: 0, errors: 0, warnings: 2 }, "ready", "Ready to file · 2 warnings"],
    [{ toFill: 1, errors: 0, warnings: 0 }, "incomplete", "1 cell to fill"],
    [{ toFill: 12, errors: 1, warnings: 2 }, "errors", "12 cells to fill · 1 error · 2 warnings"],
    [{ toFill: 0, errors: 3, warnings: 1 }, "errors", "3 errors · 1 warning"],
  ])("%j reads %s: %s", (tally, status, headline) => {
    expect(statusOf(tally)).toBe(status);
    expect(headlineOf(tally)).toBe(headline);
  });

  test("the sheet's texts tally the same way, failing closed on anything else", () => {
    const texts = [
      "OK",
      "To fill (3): Fill in a; b; c.",
      "Warning: late",
      "Error: x",
      "",
      "#VALUE!",
    ];
    expect(tallyOfTexts(texts, 5)).toEqual({ toFill: 3, errors: 2, warnings: 1 });
    // a check cell missing from the area counts as an error
    expect(tallyOfTexts(["OK"], 2)).toEqual({ toFill: 0, errors: 1, warnings: 0 });
    expect(tallyOfTexts(["OK", "OK"], 2)).toEqual({ toFill: 0, errors: 0, warnings: 0 });
  });
});
