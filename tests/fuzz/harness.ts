/**
 * The fuzz harness: seeded hostile inputs for the values parser, the engine (returns mutated from
 * the fixtures), the HKMR functions and the plan. `npm test` runs it briefly (tests/fuzz); `npm run
 * fuzz` runs it long (scripts/fuzz.ts). Each target states what must hold on every input.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import "../../src/preview/hf-custom-functions-shim";
import * as hkmr from "../../src/functions/functions";
import { LIMITS } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { reconcile } from "../../src/rules/reconcile";
import { readReturn } from "../../src/rules/return-doc";
import { parseCell } from "../../src/values/parse";
import type { Expect } from "../../src/values/parse";
import { HOSTILE_TEXT } from "../support/hostile-text";
import { FIXTURES, fixtureNames } from "../support/fixtures";

/** The seed and number of runs of one fuzz session. */
export interface FuzzRun {
  readonly seed: number;
  readonly numRuns: number;
}

const KINDS: readonly Expect[] = ["number", "date", "text", "moneyList"];

/** Text people (and attackers) type: figures, words, markup, formulas, control and odd Unicode. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    ...HOSTILE_TEXT,
    "1,167,621,933",
    "(500)",
    "US$0.0353",
    "HK$ 1,000.00",
    "Nil",
    "N/A",
    "-",
    "30/6/2004",
    "4 February 2019",
    "<img src=x onerror=alert(1)>",
    "9".repeat(400),
    "1e308",
    "0x10",
    "\u0000\u202e\ufeff",
    "((((((((1))))))))",
    "1,".repeat(500)
  ),
  fc
    .tuple(fc.constantFrom("1", ",", ".", "(", ")", "-", "$", " ", "US", "HK", "0"), fc.nat(3000))
    .map(([unit, n]) => unit.repeat(n))
);

/** The values parser never throws and always gives a tagged result, for every kind. */
export function fuzzParser(run: FuzzRun): void {
  fc.assert(
    fc.property(fc.oneof(hostileText, fc.anything()), fc.constantFrom(...KINDS), (input, kind) => {
      const parsed = parseCell(input, kind);
      if (typeof parsed?.tag !== "string") throw new Error(`no tag for ${String(input)}`);
    }),
    run
  );
}

const fixtures = fixtureNames().map(
  (name) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>
);

/** A fixture with some of its values replaced, removed, or added under odd keys. */
const mutatedReturn = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(fc.tuple(fc.nat(), hostileText, fc.constantFrom("set", "drop", "add")), {
      maxLength: 12,
    }),
    fc.option(fc.record({ options: fc.integer({ min: -2, max: 300 }) }), { nil: undefined })
  )
  .map(([doc, edits, shape]) => {
    const values = { ...(doc.values as Record<string, string>) };
    const keys = Object.keys(values);
    for (const [at, text, op] of edits) {
      const key = keys[at % keys.length];
      if (op === "set") values[key] = text;
      else if (op === "drop") delete values[key];
      else values[text] = text;
    }
    return { ...doc, values, ...(shape ? { shape: { ...(doc.shape as object), ...shape } } : {}) };
  });

/** The engine reads any mutated return without a throw, gives findings or problems, the same twice. */
export function fuzzEngine(run: FuzzRun): void {
  fc.assert(
    fc.property(mutatedReturn, (doc) => {
      const read = readReturn(doc);
      if (!read.ok) {
        if (read.problems.length === 0) throw new Error("refused with no problem");
        return;
      }
      const month = { layout: read.layout, values: read.doc.values };
      const first = reconcile(month);
      if (JSON.stringify(reconcile(month)) !== JSON.stringify(first))
        throw new Error("findings differ between two runs");
    }),
    run
  );
}

const argument = fc.oneof(
  hostileText,
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, new Error("#REF!"), { code: "#N/A" }),
  fc.array(fc.array(fc.oneof(hostileText, fc.double(), fc.constant("")), { maxLength: 8 }), {
    maxLength: 8,
  }),
  fc.anything({ maxDepth: 3 })
);

type AnyFunction = (...args: unknown[]) => unknown;
const FUNCTIONS = [
  hkmr.num,
  hkmr.rollforward,
  hkmr.total,
  hkmr.funds,
  hkmr.tie,
  hkmr.check,
] as AnyFunction[];

/** Every HKMR function gives a finite number, text, or a cell error: never another throw. */
export function fuzzFunctions(run: FuzzRun): void {
  fc.assert(
    fc.property(fc.constantFrom(...FUNCTIONS), fc.array(argument, { maxLength: 4 }), (fn, args) => {
      try {
        const value = fn(...args);
        if (typeof value === "number" ? !Number.isFinite(value) : typeof value !== "string")
          throw new Error(`not a cell value: ${String(value)}`);
      } catch (thrown) {
        const code = (thrown as { code?: unknown } | null)?.code;
        if (typeof code !== "string" || !code.startsWith("#")) throw thrown;
      }
    }),
    run
  );
}

/** User text in the plan's header never becomes a formula: inputs carry the text prefix. */
export function fuzzPlan(run: FuzzRun): void {
  const shape = {
    options: 1,
    fundsLines: 1,
    warrants: 0,
    convertibles: 0,
    arrangements: 0,
    otherMovements: 1,
  };
  fc.assert(
    fc.property(hostileText, hostileText, (issuer, remark) => {
      const plan = planTemplate("legacy-2011", shape, {
        issuer: issuer.slice(0, LIMITS.cellLength),
        classInfo: { ord1: { description: remark } },
        values: { "auth.ord1.remark": remark, "A.1.class": issuer },
      });
      for (const cell of plan.cells)
        if (cell.style === "computed") {
          // a computed total is the template's own formula, never user text
          if (!/^=(IF\(TRIM\([\w.]+\)="","",)?HKMR\.COMPUTE(LIST)?\("/.test(cell.content))
            throw new Error(`${cell.field} is not a computed total: ${cell.content}`);
        } else if (cell.role === "input" && /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell.content))
          if (!/^[+-]?[\d,]+(\.\d+)?$/.test(cell.content))
            throw new Error(`${cell.field} would be a formula: ${cell.content}`);
    }),
    { ...run, numRuns: Math.ceil(run.numRuns / 10) } // a plan is a few ms: a tenth as many
  );
}
