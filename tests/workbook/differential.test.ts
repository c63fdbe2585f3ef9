import type { HyperFormula } from "hyperformula";
import { FORM_VERSIONS, layoutOf, type Shape } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { applyPlanToHyperFormula } from "../../src/preview/hf-workbook";
import { checkTextOf } from "../../src/rules/check-cell";
import { causeOf, likelyText } from "../../src/rules/cause";
import { reconcile, type Finding, type MonthInput } from "../../src/rules/reconcile";
import { suggestionsOf } from "../../src/rules/suggest";
import { STATUS_MARKS } from "../../src/rules/row-verdict";
import { foldUnder, stateOf, verdictOfFindings, type CheckState } from "../../src/rules/verdict";
import { fixtureNames, loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { applyFixture, verdictKind, type MonthSheet } from "./workbook";

let hf: HyperFormula;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
});

/**
 * The engine's findings on a month as the sheet should show them, those the likely cause clears
 * told from its side, and the summary: the headline, then the likely cause at its address.
 */
function engineOf(
  plan: MonthSheet["plan"],
  month: MonthInput,
  previous?: MonthInput
): { findings: Finding[]; summary: string; likely: string[] } {
  const findings = reconcile(month, previous);
  const suggestions = suggestionsOf(month, previous, findings);
  const addresses = new Map(plan.names.filter((n) => n.field).map((n) => [n.field, n.address]));
  const cause = causeOf(month.layout, findings, suggestions, (id) => addresses.get(id) ?? "");
  const folded = foldUnder(month.layout, findings, suggestions);
  const likely = likelyText(cause);
  const headline = verdictOfFindings(folded).headline;
  return {
    findings: folded,
    summary: likely ? `${headline} · ${likely}` : headline,
    likely: cause.suspects.map((s) => s.field).sort(),
  };
}

/**
 * The sheet and the engine agree check by check: each check cell's state and text, the summary
 * cell's headline, and the cells each state's conditional formats mark.
 */
function expectAgreement(
  month: MonthSheet,
  {
    findings: engine,
    summary,
    likely,
  }: { findings: readonly Finding[]; summary: string; likely: readonly string[] }
): void {
  const of = (key: string) => engine.filter((f) => f.instance === key);
  const cells = month.plan.checks.map((c) => ({
    key: c.key,
    reads: verdictKind(month.sheet.checkValue(c.key)),
  }));
  expect(cells).toEqual(month.plan.checks.map((c) => ({ key: c.key, reads: stateOf(of(c.key)) })));
  expect(month.sheet.summary()).toBe(summary);
  expect(rowVerdictsOnSheet(month)).toEqual(rowVerdictsOfEngine(month, engine));
  // each check's conditional formats mark its cells while it is not OK, by its state (a cell
  // that one check marks as an error may be marked as a warning by another)
  const marked = {
    error: new Set<string>(),
    warning: new Set<string>(),
    "to-fill": new Set<string>(),
  };
  for (const check of month.plan.checks) {
    const state = stateOf(of(check.key));
    if (state !== "ok") for (const id of check.fields) marked[state].add(id);
  }
  expect(month.sheet.marks()).toEqual({
    error: [...marked.error].sort(),
    warning: [...marked.warning].sort(),
    "to-fill": [...marked["to-fill"]].sort(),
    // and the likely wrong figures the engine names have the cause's own mark on top
    likely,
  });
}

const RANK: Readonly<Record<CheckState, number>> = { error: 3, "to-fill": 2, warning: 1, ok: 0 };

/** The row of an A1 address. */
const rowOf = (address: string): number => Number(/\d+$/.exec(address)![0]);

/** What each row's status and reason cells show, as HyperFormula evaluates them. */
function rowVerdictsOnSheet(month: MonthSheet): Record<number, [unknown, unknown]> {
  const sheetId = hf.getSheetId(month.sheet.sheetName)!;
  const value = (row: number, col: number) => hf.getCellValue({ sheet: sheetId, row, col });
  const out: Record<number, [unknown, unknown]> = {};
  for (const cell of month.plan.cells.filter((c) => c.style === "status"))
    out[cell.row] = [value(cell.row - 1, cell.col - 1), value(cell.row - 1, cell.col)];
  return out;
}

/**
 * What each row's status and reason should show from the engine's findings, for the checks its
 * formula names (the row's check cells left to right, then single check cells): the worst state
 * among them, and the text of the first check in that state.
 */
function rowVerdictsOfEngine(
  month: MonthSheet,
  engine: readonly Finding[]
): Record<number, [unknown, unknown]> {
  const byAddress = new Map(month.plan.checks.map((c) => [c.address, c.key]));
  const colOf = (address: string): number =>
    [.../^[A-Z]+/.exec(address)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const out: Record<number, [unknown, unknown]> = {};
  for (const cell of month.plan.cells.filter((c) => c.style === "status")) {
    const refs = /HKMR\.STATUS\(([^)]*)\)/.exec(cell.content)![1].split(",");
    const keys = refs.flatMap((ref) => {
      const [from, to] = ref.split(":");
      if (!to) return [byAddress.get(from)!];
      return month.plan.checks
        .filter(
          (c) =>
            rowOf(c.address) === rowOf(from) &&
            colOf(c.address) >= colOf(from) &&
            colOf(c.address) <= colOf(to)
        )
        .sort((p, q) => colOf(p.address) - colOf(q.address))
        .map((c) => c.key);
    });
    let worst: { state: CheckState; text: string } = { state: "ok", text: "" };
    for (const key of keys) {
      const findings = engine.filter((f) => f.instance === key);
      const state = stateOf(findings);
      if (RANK[state] > RANK[worst.state]) worst = { state, text: checkTextOf(findings) };
    }
    out[cell.row] = [STATUS_MARKS[worst.state], worst.text];
  }
  return out;
}

describe.each(fixtureNames())("fixture %s", (name) => {
  const fixture = loadFixture(name);

  test("every check cell agrees with the engine: OK, to fill, Error: or Warning: as its findings", () => {
    const { month, previous } = applyFixture(hf, fixture);
    expectAgreement(month, engineOf(month.plan, fixture.month, fixture.previous));

    // the task pane's Check runs the engine on what the sheet holds: the same text, word for word
    const held = engineOf(
      month.plan,
      { layout: fixture.month.layout, values: month.sheet.readValues() },
      previous && fixture.previous
        ? { layout: fixture.previous.layout, values: previous.sheet.readValues() }
        : undefined
    ).findings;
    const texts = month.plan.checks.map((c) => ({
      key: c.key,
      text: month.sheet.checkValue(c.key),
    }));
    expect(texts).toEqual(
      month.plan.checks.map((c) => ({
        key: c.key,
        text: checkTextOf(held.filter((f) => f.instance === c.key)),
      }))
    );
  });
});

const SHAPE: Shape = {
  classes: 2,
  options: 2,
  fundsLines: 1,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 1,
};

describe.each(Object.keys(FORM_VERSIONS))("a blank %s template", (formId) => {
  test("reads to fill on the sheet as in the engine, never ready", () => {
    const plan = planTemplate(formId, SHAPE, { monthEnded: "2026-06-30" });
    const sheet = applyPlanToHyperFormula(hf, plan);
    const values = sheet.readValues();
    const engine = engineOf(plan, { layout: layoutOf(FORM_VERSIONS[formId], SHAPE), values });
    expectAgreement({ plan, sheet }, engine);
    expect(sheet.summary()).toMatch(/^\d+ cells to fill$/);
    expect(sheet.marks()["to-fill"]).toEqual(expect.arrayContaining(["sig.submittedBy"]));
  });
});
