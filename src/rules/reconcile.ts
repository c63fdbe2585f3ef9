import type { Layout } from "../form";
import { LruMap } from "../form/lru";
import { RULES_BY_FORM } from "./catalog";
import type { Instance } from "./compile";
import type { CellRef } from "./read";
import { instancesOf, runInstances } from "./evaluate";
import { monthReader } from "./read";
import type { Finding, Rule } from "./types";

export type { Finding, Severity } from "./types";

const compiled = new WeakMap<Layout, Instance[]>();

// An instance is data and an evaluator over its cells, which it reads by slot (slots.ts): two
// instances of one rule, key and class that name the same cells, present or absent alike, behave
// alike in every shape of a form. One object each serves a batch of many shapes (a few hundred
// instances for the 2011 form's 90 shapes, not 16,000), which keeps them in the processor's cache.
// Least recently used past a bound: enough for every shape of a batch, not for a crafted stream.
const shared = new LruMap<string, Instance>(8192);

function signatureOf(layout: Layout, rules: readonly Rule[], instance: Instance): string {
  const cells = (list: readonly CellRef[]): string =>
    list.map((c) => `${c.prev ? "prev:" : ""}${c.id}${c.index < 0 ? "(absent)" : ""}`).join(",");
  return [
    layout.form.id,
    layout.classes.map((c) => c.id).join(","),
    rules.indexOf(instance.rule),
    instance.key,
    instance.classDef?.id ?? "",
    cells(instance.cells),
    instance.inputs.map((g) => `${g.domain ?? ""}:${cells(g.cells)}`).join(";"),
    instance.remarks.join(","),
  ].join("|");
}

/** The rule instances of a layout, compiled once and reused for every return of that layout. */
export function checksOf(layout: Layout): readonly Instance[] {
  let instances = compiled.get(layout);
  if (!instances) {
    const rules = RULES_BY_FORM[layout.form.id] ?? [];
    instances = instancesOf(layout, rules).map((instance) => {
      const signature = signatureOf(layout, rules, instance);
      const same = shared.get(signature);
      if (same) return same;
      shared.set(signature, instance);
      return instance;
    });
    compiled.set(layout, instances);
  }
  return instances;
}

/** One month's values with the layout of its form and shape. */
export interface MonthInput {
  readonly layout: Layout;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Reconciles one return: every finding of every rule, errors and warnings, none thrown.
 * Cross-month rules run only when last month's return is given.
 */
export function reconcile(month: MonthInput, previous?: MonthInput): Finding[] {
  const cur = monthReader(month.layout, month.values);
  const prev = previous ? monthReader(previous.layout, previous.values) : null;
  return runInstances(checksOf(month.layout), cur, prev);
}

/** Whether findings include an error (warnings never count as failures). */
export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === "error");
