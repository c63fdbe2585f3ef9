import { reconcile, type Finding } from "../../src/rules/reconcile";
import { fixtureNames, loadFixture } from "../support/fixtures";

const describeFinding = (f: Finding): string =>
  `${f.severity} ${f.ruleId} [${f.cells.join(", ")}] ${f.message}`;

describe.each(fixtureNames())("fixture %s", (name) => {
  const fixture = loadFixture(name);
  const expected = fixture.doc.meta?.expectedFindings ?? [];
  const findings = reconcile(fixture.month, fixture.previous);

  test("gives exactly its expected findings (rule, severity and cells)", () => {
    const unmatched = [...findings];
    const missing: string[] = [];
    for (const e of expected) {
      const at = unmatched.findIndex(
        (f) =>
          f.ruleId === e.ruleId &&
          f.severity === e.severity &&
          (e.cells ?? []).every((cell) => f.cells.includes(cell))
      );
      if (at < 0) missing.push(`${e.severity} ${e.ruleId} [${(e.cells ?? []).join(", ")}]`);
      else unmatched.splice(at, 1);
    }
    expect({ missing, unexpected: unmatched.map(describeFinding) }).toEqual({
      missing: [],
      unexpected: [],
    });
  });

  if (name.startsWith("bad-")) {
    test("is a bad fixture: it expects at least one finding", () => {
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});
