import type { Layout } from "../form";
import { RULES_BY_FORM } from "./catalog";
import type { Instance } from "./compile";
import { instancesOf, runInstances } from "./evaluate";
import { monthReader } from "./read";
import type { Finding } from "./types";

export type { Finding, Severity } from "./types";

const compiled = new WeakMap<Layout, Instance[]>();

/** The rule instances of a layout, compiled once and reused for every return of that layout. */
export function checksOf(layout: Layout): readonly Instance[] {
  let instances = compiled.get(layout);
  if (!instances) {
    instances = instancesOf(layout, RULES_BY_FORM[layout.form.id] ?? []);
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
