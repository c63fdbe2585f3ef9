import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FORM_VERSIONS, layoutOf, type Shape } from "../../src/form";
import { RULES_BY_FORM } from "../../src/rules/catalog";
import { resolveRef } from "../../src/rules/compile";
import { MESSAGES } from "../../src/rules/messages.en";
import { checksOf } from "../../src/rules/reconcile";
import type { Rule } from "../../src/rules/types";

const FULL: Shape = {
  classes: 3,
  options: 3,
  fundsLines: 2,
  warrants: 2,
  convertibles: 2,
  arrangements: 2,
  otherMovements: 2,
};

/** Every field template a rule names, with the domain placeholders it is bound under. */
function templatesOf(rule: Rule): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string" && /[.{]/.test(value) && !/\s/.test(value)) out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  if (rule.kind === "readings") return rule.readings.flatMap((r) => templatesOf(r.rule));
  for (const [key, value] of Object.entries(rule)) {
    if (
      ![
        "id",
        "title",
        "kind",
        "severity",
        "each",
        "lines",
        "fundsLines",
        "blocks",
        "tolerance",
      ].includes(key)
    )
      walk(value);
  }
  return out;
}

describe.each(Object.keys(FORM_VERSIONS))("form version %s", (id) => {
  const form = FORM_VERSIONS[id];
  const rules = RULES_BY_FORM[id];
  const layout = layoutOf(form, FULL);

  test("has rules", () => {
    expect(rules.length).toBeGreaterThan(10);
  });

  test("every field a rule names exists in the form, for every key of its domains", () => {
    const missing: string[] = [];
    for (const rule of rules) {
      for (const template of templatesOf(rule)) {
        const vars: Record<string, string> = {
          c: layout.domains.class[0],
          i: template.startsWith("E.") ? layout.domains.eLine[0] : "1",
          row: "close",
          col: "shares",
          g: "hdr",
        };
        if (template.startsWith("A.funds")) vars.i = "1";
        if (/\{i\}/.test(template) && "lines" in rule && rule.lines === "otherLine")
          vars.i = layout.domains.otherLine[0];
        const ref = resolveRef(layout, template, vars);
        if (!layout.byId.has(ref.id)) missing.push(`${rule.id}: ${template} -> ${ref.id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("every check instance of a full shape reads fields that exist", () => {
    const dangling = checksOf(layout).flatMap((check) =>
      check.cells.filter((c) => !c.prev && c.index < 0).map((c) => `${check.key}: ${c.id}`)
    );
    expect(dangling).toEqual([]);
  });

  test("check instance keys are unique (one check cell each)", () => {
    const keys = checksOf(layout).map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("field ids are unique and every block or line with E/W rules has a remark cell", () => {
    expect(new Set(layout.fields.map((f) => f.id)).size).toBe(layout.fields.length);
    for (const group of ["auth.ord1", "issued.ord1", "A.1", "B.1", "C.1", "D.1", "E.placing"]) {
      if (layout.domains.class.includes("ord1") || !group.includes("ord1")) {
        expect(layout.byId.has(`${group}.remark`)).toBe(true);
      }
    }
  });
});

test("rule ids are the ids form-spec.md gives, and every rule has a title", () => {
  const ids = new Set(Object.values(RULES_BY_FORM).flatMap((rules) => rules.map((r) => r.id)));
  for (const id of ids) expect(id).toMatch(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)*$/);
  for (const rules of Object.values(RULES_BY_FORM))
    for (const r of rules) expect(r.title.length).toBeGreaterThan(10);
});

test("every finding code the kinds can give has a message", () => {
  const dir = join(__dirname, "../../src/rules/kinds");
  const sources = readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  const codes = [...sources.matchAll(/"([a-z][a-zA-Z]*\.[a-z][a-zA-Z]*)"/g)].map((m) => m[1]);
  if (sources.includes('"sign.treasury." : "sign."'))
    for (const by of ["sign.", "sign.treasury."])
      for (const direction of ["increase", "decrease"]) codes.push(`${by}${direction}`);
  expect(codes.length).toBeGreaterThan(15);
  expect(codes.filter((code) => MESSAGES[code] === undefined)).toEqual([]);
});
