import type { Layout } from "../../src/form";
import type { Finding } from "../../src/rules/types";
import { verdictOf } from "../../src/rules/verdict";
import { withValue } from "../support/figures-read";
import { fixtureNames, loadFixture, type Fixture } from "../support/fixtures";

/**
 * The full labels ("II (1): Balance at close of the month, ...") a message quotes as this
 * month's: a cell quoted as last month's ("last month's II (1): ...") is another return's.
 */
function quotedLabels(layout: Layout, message: string): string[] {
  const own = message.replace(/last month's [^;)]*/g, "");
  return layout.fields.map((f) => f.label).filter((label) => own.includes(label));
}

/** What is wrong with a finding's message: it leads with, or quotes, a cell not its own. */
function misquotes(layout: Layout, f: Finding): string[] {
  const own = new Set(f.cells.map((id) => layout.byId.get(id)?.label));
  const lead = layout.fields.find((field) => f.message.startsWith(`${field.label}:`));
  const out: string[] = [];
  // a label may start with another ("... has been complied with" vs "... has not been ..."):
  // the longest label the message starts with is the one it leads with
  const leads = layout.fields
    .filter((field) => f.message.startsWith(`${field.label}:`))
    .sort((a, b) => b.label.length - a.label.length)[0];
  if (lead && leads && leads.id !== f.cells[0])
    out.push(`leads with ${leads.id}, not its first cell ${f.cells[0]}`);
  for (const label of quotedLabels(layout, f.message))
    if (!own.has(label) && !layout.fields.some((g) => own.has(g.label) && g.label.includes(label)))
      out.push(`quotes "${label}", a cell the finding does not name`);
  return out;
}

const cases: [string, Fixture][] = fixtureNames().map((name) => [name, loadFixture(name)]);

test.each(cases)("no message of %s quotes another cell's label as its own", (_, fixture) => {
  const { findings } = verdictOf(fixture.month, fixture.previous);
  const wrong = findings.flatMap((f) =>
    misquotes(fixture.month.layout, f).map((w) => `${f.code}: ${w}`)
  );
  expect(wrong).toEqual([]);
});

describe("the public float confirmation speaks of its boxes together, or of the one ticked", () => {
  const unlisted = loadFixture("bad-ff301-float-unlisted-ticked.json");
  const notComplied = withValue(
    withValue(unlisted.month, "issued.c2.float.complied", ""),
    "issued.c2.float.notComplied",
    "✓"
  );

  test('a class not listed with "has not been complied with" ticked names that box, by its own label', () => {
    const [finding] = verdictOf(notComplied).findings;
    expect(finding.cells[0]).toBe("issued.c2.float.notComplied");
    expect(finding.message).toMatch(
      /^II \(2\): the applicable public float requirement \(see below\) has not been complied with: untick this box/
    );
    expect(misquotes(notComplied.layout, finding)).toEqual([]);
  });

  test("the float messages are instructions: tick, untick, state, say", () => {
    const names = fixtureNames().filter((n) => n.startsWith("bad-ff301-float-"));
    const messages = names.flatMap((n) => {
      const f = loadFixture(n);
      return verdictOf(f.month, f.previous).findings.map((x) => x.message);
    });
    expect(messages).toHaveLength(names.length);
    for (const m of messages)
      expect(m).toMatch(/: (tick|untick|state|say|\d+ boxes are ticked; tick)/);
  });
});

describe("an unreadable figure's hint writes a decrease as the chosen form does", () => {
  const cases: [string, string, string, string][] = [
    ["FF301", "-1,234", "ff301-options-treasury-example-2026-06.json", "(1,234)"],
    ["the 2011 form", "(1,234)", "seed-kingsoft-2011-11.json", "-1,234"],
  ];
  test.each(cases)("%s writes %s", (_, wanted, name, other) => {
    const { month } = loadFixture(name);
    const field = month.layout.fields.find((f) => f.kind === "shares")!;
    const { findings } = verdictOf(withValue(month, field.id, "12 apples"));
    const hint = findings.find((f) => f.code === "value.unreadable");
    expect(hint?.message).toContain(`such as 1,234 or ${wanted},`);
    expect(hint?.message).not.toContain(other);
  });
});
