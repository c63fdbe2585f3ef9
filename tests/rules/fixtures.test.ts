import { checkMonths } from "../../src/rules/previous-month";
import type { Finding } from "../../src/rules/reconcile";
import { fixtureNames, loadFixture } from "../support/fixtures";

const describeFinding = (f: Finding): string =>
  `${f.severity} ${f.ruleId} [${f.cells.join(", ")}] ${f.message}`;

describe.each(fixtureNames())("fixture %s", (name) => {
  const fixture = loadFixture(name);
  const expected = fixture.doc.meta?.expectedFindings ?? [];
  // as the hkmr command checks it: last month's return used only where it is last month's
  const { findings, notices } = checkMonths(fixture.month, fixture.previous);

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

  test("gives exactly its expected notices about last month's return", () => {
    const expectedNotices = (fixture.doc.meta?.expectedNotices as string[] | undefined) ?? [];
    expect(notices.map((n) => n.code)).toEqual(expectedNotices);
  });

  if (name.startsWith("bad-")) {
    test("is a bad fixture: it expects at least one finding", () => {
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});
