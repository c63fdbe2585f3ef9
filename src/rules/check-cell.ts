import { LruMap } from "../form/lru";
import {
  formVersion,
  layoutOf,
  type FormVersion,
  unknownELines,
  type Domain,
  type Layout,
  type Shape,
} from "../form";
import { decodeCause, foldFindings, type Cause } from "./cause";
import type { Instance } from "./compile";
import { runInstances } from "./evaluate";
import { monthReader, type CellRef } from "./read";
import { checksOf } from "./reconcile";
import type { Finding } from "./types";
import type { CheckState } from "./verdict";

// A check cell on the sheet calls one HKMR function with a spec naming its rule instance and the
// instance's inputs in order: a line group as one range (a column of the sheet), other cells one
// by one. The function rebuilds the instance from the spec and runs the same evaluator.

/** How a check cell reads when its rule holds. */
export const OK = "OK";
/** How a check cell's text starts for an error, a warning, and cells to fill ("To fill (3): "). */
export const ERROR_PREFIX = "Error: ";
export const WARNING_PREFIX = "Warning: ";
export const TO_FILL_PREFIX = "To fill";

const SHAPE_KEYS = [
  ["k", "classes"],
  ["o", "options"],
  ["f", "fundsLines"],
  ["w", "warrants"],
  ["c", "convertibles"],
  ["a", "arrangements"],
  ["e", "otherMovements"],
] as const;

/** A typed (E) line's count in a shape code: "t" then the type key then the count. */
const TYPED = /^t([a-z][A-Za-z]*)(\d+)$/;

/**
 * The shape as a short code for a check spec, e.g. "o5.f2.w0.c0.a0.e1", with a part per typed
 * (E) line the shape repeats ("trepurchase2"); a shape that repeats none keeps the code it had.
 */
export function shapeCode(shape: Shape): string {
  const typed = Object.entries(shape.eLines ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, n]) => `t${type}${n}`);
  return [
    ...SHAPE_KEYS.filter(([, key]) => shape[key] !== undefined).map(
      ([letter, key]) => `${letter}${shape[key]}`
    ),
    ...typed,
  ].join(".");
}

/** The shape a code stands for, or null for a code that is not one. */
export function shapeOfCode(code: string): Shape | null {
  const out: Record<string, number> = {};
  const eLines: Record<string, number> = {};
  for (const part of code.split(".")) {
    const typed = TYPED.exec(part);
    if (typed) {
      eLines[typed[1]] = Number(typed[2]);
      continue;
    }
    const entry = SHAPE_KEYS.find(([letter]) => letter === part[0]);
    const n = Number(part.slice(1));
    if (!entry || !Number.isInteger(n) || n < 0) return null;
    out[entry[1]] = n;
  }
  if (!SHAPE_KEYS.slice(1).every(([, key]) => key in out)) return null;
  return (Object.keys(eLines).length ? { ...out, eLines } : out) as unknown as Shape;
}

/**
 * The spec a check cell passes to HKMR.CHECK: form version, shape and instance key, then "prev"
 * where it reads last month's cells and "cause" where its first argument is the sheet's cause.
 */
export function checkSpec(
  layout: Layout,
  instance: Instance,
  withPrevious: boolean,
  withCause = false
): string {
  const flags = [...(withPrevious ? ["prev"] : []), ...(withCause ? ["cause"] : [])];
  return [layout.form.id, shapeCode(layout.shape), instance.key, ...flags].join("|");
}

/** One argument of a check function: a range over a line group, or one cell. */
export type CheckArgument =
  | { readonly kind: "range"; readonly cells: readonly CellRef[] }
  | { readonly kind: "cell"; readonly cell: CellRef };

/** The arguments a check cell passes after its spec, in the order evaluateCheck reads them. */
export function checkArguments(instance: Instance, withPrevious: boolean): CheckArgument[] {
  const out: CheckArgument[] = [];
  for (const group of instance.inputs) {
    if (group.domain !== null) out.push({ kind: "range", cells: group.cells });
    else
      for (const cell of group.cells)
        if (withPrevious || !cell.prev) out.push({ kind: "cell", cell });
  }
  return out;
}

/** The shape key a line domain counts, and the fixed lines it has besides. */
function countOf(layout: Layout, domain: Domain): [keyof Shape, number] | null {
  switch (domain) {
    case "option":
      return ["options", 0];
    case "fundsLine":
      return ["fundsLines", 0];
    case "warrant":
      return ["warrants", 0];
    case "convertible":
      return ["convertibles", 0];
    case "arrangement":
      return ["arrangements", 0];
    case "otherLine":
      return ["otherMovements", 0];
    case "eLine":
      return ["otherMovements", layout.domains.eLine.length - layout.domains.otherLine.length];
    default:
      return null;
  }
}

/** Whether an argument is a range (a 2-D array) rather than one value. */
const isRange = (arg: unknown): arg is unknown[][] =>
  Array.isArray(arg) && arg.every(Array.isArray);

const flat = (arg: unknown): unknown[] => (isRange(arg) ? arg.flat() : [arg]);

/** A check spec could not be read: the template's formula was edited or comes from elsewhere. */
export class CheckSpecError extends Error {
  override readonly name = "CheckSpecError";
}

/** The shape implied by the ranges passed: a row inserted among the lines adds a line. */
function actualShape(layout: Layout, instance: Instance, args: readonly unknown[]): Shape {
  const shape: Record<string, unknown> = { ...layout.shape };
  let at = 0;
  for (const group of instance.inputs) {
    if (group.domain !== null && countOf(layout, group.domain)) {
      const [key, fixed] = countOf(layout, group.domain)!;
      shape[key] = Math.max(0, flat(args[at]).length - fixed);
      at += 1;
    } else at += group.cells.length;
  }
  return shape as unknown as Shape;
}

const byKey = new WeakMap<Layout, Map<string, Instance>>();

/** A layout's check instance by key: every check and computed cell looks its own up on each call. */
function instanceByKey(layout: Layout, key: string): Instance | undefined {
  let keys = byKey.get(layout);
  if (!keys) {
    keys = new Map();
    for (const instance of checksOf(layout))
      if (!keys.has(instance.key)) keys.set(instance.key, instance);
    byKey.set(layout, keys);
  }
  return keys.get(key);
}

/** A spec read: its form, the planned layout and instance, and the arguments it passes. */
interface Spec {
  readonly form: FormVersion;
  readonly key: string;
  readonly planned: Layout;
  readonly first: Instance;
  readonly withPrev: boolean;
  readonly withCause: boolean;
}

// every check cell of a sheet recalculates with the cause: its spec is read once, not each time
const specs = new LruMap<string, Spec>(8192);

/** A layout's instance of a key, or a CheckSpecError naming it. */
function findInstance(layout: Layout, key: string): Instance {
  const instance = instanceByKey(layout, key);
  if (!instance) throw new CheckSpecError(`No check "${key}" in form ${layout.form.id}`);
  return instance;
}

/** What a spec names, read once; a CheckSpecError for a spec that is not one of ours. */
function specOf(spec: string): Spec {
  const known = specs.get(spec);
  if (known) return known;
  const [formId, code, key, ...flags] = spec.split("|");
  const form = formVersion(formId ?? "");
  const shape = shapeOfCode(code ?? "");
  if (
    !form ||
    !shape ||
    !key ||
    unknownELines(form, shape).length ||
    flags.some((flag) => flag !== "prev" && flag !== "cause")
  )
    throw new CheckSpecError(`Not a check of this add-in: "${spec}"`);
  const planned = layoutOf(form, shape);
  const read: Spec = {
    form,
    key,
    planned,
    first: findInstance(planned, key),
    withPrev: flags.includes("prev"),
    withCause: flags.includes("cause"),
  };
  specs.set(spec, read);
  return read;
}

/** A check cell's instance as its spec names it, with the values passed, by field id. */
export interface ReadCheck {
  readonly layout: Layout;
  readonly instance: Instance;
  /** This month's values (and last month's, where the spec asks for them), by field id. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly previous: Readonly<Record<string, unknown>> | null;
  /** The sheet's cause (cause.ts) where the spec passes it first, else null. */
  readonly cause: Cause | null;
}

/** Rebuilds the instance a spec names, for the shape the ranges passed imply, and its values. */
export function readCheck(spec: string, passed: readonly unknown[]): ReadCheck {
  const { form, key, planned, first, withPrev, withCause } = specOf(spec);
  const args = withCause ? passed.slice(1) : passed;
  const layout = layoutOf(form, actualShape(planned, first, args));
  const instance = layout === planned ? first : findInstance(layout, key);
  const values: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  let at = 0;
  for (const group of instance.inputs) {
    const cells = group.cells.filter((c) => withPrev || !c.prev);
    const taken = group.domain !== null ? flat(args[at++]) : cells.map(() => flat(args[at++])[0]);
    cells.forEach((cell, k) => {
      (cell.prev ? previous : values)[cell.id] = taken[k];
    });
  }
  if (at > args.length)
    throw new CheckSpecError(`The check "${key}" needs ${at} arguments, not ${args.length}`);
  return {
    layout,
    instance,
    values,
    previous: withPrev ? previous : null,
    cause: withCause ? decodeCause(flat(passed[0])[0]) : null,
  };
}

/**
 * The findings of one check cell: the instance the spec names, run on the values passed, those
 * the sheet's cause clears told from the suspect's side, as the engine tells them.
 */
export function evaluateCheck(spec: string, args: readonly unknown[]): Finding[] {
  const { layout, instance, values, previous, cause } = readCheck(spec, args);
  const findings = runInstances(
    [instance],
    monthReader(layout, values),
    previous ? monthReader(layout, previous) : null
  );
  return cause ? foldFindings(layout, findings, cause.suspects) : findings;
}

const RANK: Readonly<Record<Finding["severity"], number>> = { error: 0, "to-fill": 1, warning: 2 };

/**
 * The text of a check cell, one of four states: "OK"; "To fill (n): ..." naming the n blank cells;
 * or the first error (else warning) with how many more.
 */
export function checkTextOf(findings: readonly Finding[]): string {
  let lead: Finding | undefined;
  for (const f of findings) if (!lead || RANK[f.severity] < RANK[lead.severity]) lead = f;
  if (!lead) return OK;
  const rest = findings.length - 1;
  const more = rest > 0 ? ` (and ${rest} more)` : "";
  switch (lead.severity) {
    case "error":
      return `${ERROR_PREFIX}${lead.message}${more}`;
    case "to-fill":
      return `${TO_FILL_PREFIX} (${lead.cells.length}): ${lead.message}${more}`;
    case "warning":
      return `${WARNING_PREFIX}${lead.message}${more}`;
  }
}

/** The state a check cell's text reads as; anything else (an error value, an edit) is an error. */
export function stateOfText(text: unknown): { state: CheckState; toFill: number } {
  if (text === OK) return { state: "ok", toFill: 0 };
  if (typeof text !== "string") return { state: "error", toFill: 0 };
  if (text.startsWith(WARNING_PREFIX)) return { state: "warning", toFill: 0 };
  const toFill = /^To fill \((\d+)\): /.exec(text);
  if (toFill) return { state: "to-fill", toFill: Number(toFill[1]) };
  return { state: "error", toFill: 0 };
}
