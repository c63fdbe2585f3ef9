import type { HyperFormula } from "hyperformula";
import { checkTextOf } from "../../src/rules/check-cell";
import { reconcile, type Finding } from "../../src/rules/reconcile";
import { fixtureNames, loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { applyFixture, verdictKind } from "./workbook";

let hf: HyperFormula;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
});

/** How the engine's findings for one instance read: ok, error, or warning (only warnings). */
const expectedKind = (findings: readonly Finding[]): string =>
  findings.length === 0 ? "ok" : findings.some((f) => f.severity === "error") ? "error" : "warning";

describe.each(fixtureNames())("fixture %s", (name) => {
  const fixture = loadFixture(name);

  test("every check cell agrees with the engine: OK, Error: or Warning: as its findings", () => {
    const { month, previous } = applyFixture(hf, fixture);
    const engine = reconcile(fixture.month, fixture.previous);
    const cells = month.plan.checks.map((c) => ({
      key: c.key,
      reads: verdictKind(month.sheet.checkValue(c.key)),
    }));
    const expected = month.plan.checks.map((c) => ({
      key: c.key,
      reads: expectedKind(engine.filter((f) => f.instance === c.key)),
    }));
    expect(cells).toEqual(expected);

    // the task pane's Check runs the engine on what the sheet holds: the same text, word for word
    const held = reconcile(
      { layout: fixture.month.layout, values: month.sheet.readValues() },
      previous && fixture.previous
        ? { layout: fixture.previous.layout, values: previous.sheet.readValues() }
        : undefined
    );
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
    const failing = engine.filter((f) => f.severity === "error").map((f) => f.instance);
    expect(month.sheet.summary()).toBe(new Set(failing).size);

    // each check's conditional formats mark its cells while it is not OK, by its severity (a cell
    // that one check marks as an error may be marked as a warning by another)
    const marked = { error: new Set<string>(), warning: new Set<string>() };
    for (const check of month.plan.checks) {
      const kind = expectedKind(engine.filter((f) => f.instance === check.key));
      if (kind === "error" || kind === "warning")
        for (const id of check.fields) marked[kind].add(id);
    }
    expect(month.sheet.marks()).toEqual({
      error: [...marked.error].sort(),
      warning: [...marked.warning].sort(),
    });
  });
});
