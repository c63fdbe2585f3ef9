import {
  checkArguments,
  checkSpec,
  evaluateCheck,
  checkTextOf,
  OK,
} from "../../src/rules/check-cell";
import { checksOf, reconcile } from "../../src/rules/reconcile";
import { fixtureNames, loadFixture } from "../support/fixtures";

/** The arguments a check cell would pass, read from a fixture's values instead of a sheet. */
function argumentsFrom(
  values: Readonly<Record<string, unknown>>,
  prev: Readonly<Record<string, unknown>> | undefined,
  args: ReturnType<typeof checkArguments>
): unknown[] {
  const read = (cell: { id: string; prev: boolean }): unknown =>
    (cell.prev ? prev : values)?.[cell.id] ?? "";
  return args.map((arg) =>
    arg.kind === "range" ? arg.cells.map((c) => [read(c)]) : read(arg.cell)
  );
}

describe.each(fixtureNames())("check cells of fixture %s", (name) => {
  const fixture = loadFixture(name);
  const withPrev = fixture.previous !== undefined;
  const engine = reconcile(fixture.month, fixture.previous);

  test("each check cell gives the engine's findings for its instance", () => {
    for (const instance of checksOf(fixture.month.layout)) {
      const args = argumentsFrom(
        fixture.month.values,
        fixture.previous?.values,
        checkArguments(instance, withPrev)
      );
      const findings = evaluateCheck(checkSpec(fixture.month.layout, instance, withPrev), args);
      expect({ key: instance.key, findings }).toEqual({
        key: instance.key,
        findings: engine.filter((f) => f.instance === instance.key),
      });
    }
  });
});

test("a row inserted among the option lines is read as one more (blank) line", () => {
  const seed = loadFixture("seed-kingsoft-2011-11.json");
  const funds = checksOf(seed.month.layout).find((i) => i.key === "options.funds[lines=option]")!;
  const args = argumentsFrom(seed.month.values, undefined, checkArguments(funds, false));
  // a blank row inserted between option lines 2 and 3: every line range grows by one
  const inserted: unknown[] = args.map((arg) =>
    Array.isArray(arg) && arg.length === 5
      ? [...(arg as unknown[][]).slice(0, 2), [""], ...(arg as unknown[][]).slice(2)]
      : arg
  );
  expect(checkTextOf(evaluateCheck(checkSpec(seed.month.layout, funds, false), inserted))).toBe(OK);
  const changed = inserted.map((arg, k) =>
    k === 2 ? [[10000], [5000], [""], [37000], ["Nil"], ["Nil"]] : arg
  );
  expect(checkTextOf(evaluateCheck(checkSpec(seed.month.layout, funds, false), changed))).toBe(OK);
});

test("a check verdict reads OK, Error: or Warning: with the count of further findings", () => {
  const bad = loadFixture("bad-issued-close-off-by-one.json");
  const findings = reconcile(bad.month);
  expect(checkTextOf([])).toBe("OK");
  expect(checkTextOf(findings)).toMatch(/^Error: II \(1\): Balance at close of the month/);
  const late = reconcile(loadFixture("bad-submitted-late.json").month);
  expect(checkTextOf(late)).toMatch(/^Warning: /);
  expect(checkTextOf([...findings, ...late])).toMatch(/\(and 1 more\)$/);
});

test("a spec that is not a check of this add-in is refused with a reason", () => {
  expect(() => evaluateCheck("nonsense", [])).toThrow(/Not a check of this add-in/);
  expect(() => evaluateCheck("legacy-2011|o1.f1.w0.c0.a0.e1|no.such[rule]", [])).toThrow(
    /No check "no.such\[rule\]"/
  );
});
