import type { Layout } from "../form";
import type { Parsed } from "../values/types";
import {
  expandRules,
  resolveRef,
  type Compiled,
  type Instance,
  type Outcome,
  type RunContext,
  type Scope,
} from "./compile";
import { holidaySet, isCovered } from "./hk-holidays";
import { after, deadline, eventDates, monthEnd } from "./kinds/dates";
import { bound, equal, product, quotient, sum } from "./kinds/arithmetic";
import { classSum, currencyTotal, funds, netZero, signs } from "./kinds/grouped";
import { allOrNone, cells, empty, notApplicable } from "./kinds/presence";
import { classKey } from "./class-names";
import { renderMessage } from "./messages.en";
import { isNonZero, type CellRef, type MonthReader } from "./read";
import type { Finding, Rule, Severity } from "./types";

/** Compiles one rule instance by its kind; the switch is exhaustive over the rule kinds. */
export function compileRule(rule: Rule, scope: Scope): Compiled | null {
  switch (rule.kind) {
    case "sum":
      return sum(rule, scope);
    case "equal":
      return equal(rule, scope);
    case "product":
      return product(rule, scope);
    case "quotient":
      return quotient(rule, scope);
    case "bound":
      return bound(rule, scope);
    case "empty":
      return empty(rule, scope);
    case "allOrNone":
      return allOrNone(rule, scope);
    case "notApplicable":
      return notApplicable(rule, scope);
    case "classSum":
      return classSum(rule, scope);
    case "funds":
      return funds(rule, scope);
    case "currencyTotal":
      return currencyTotal(rule, scope);
    case "sign":
      return signs(rule, scope);
    case "netZero":
      return netZero(rule, scope);
    case "readable":
    case "whole":
      return cells(rule, scope);
    case "monthEnd":
      return monthEnd(rule, scope);
    case "after":
      return after(rule, scope);
    case "deadline":
      return deadline(rule, scope);
    case "eventDates":
      return eventDates(rule, scope);
  }
}

/** Expands a version's rules over a layout into instances (one check cell each). */
export const instancesOf = (layout: Layout, rules: readonly Rule[]): Instance[] =>
  expandRules(layout, rules, compileRule);

const wordKeys = new WeakMap<Layout, Map<string, string>>();

/** The keys of every class's own words ("ordinary", "(1)"), computed once per layout. */
function wordsOf(layout: Layout): Map<string, string> {
  let keys = wordKeys.get(layout);
  if (!keys) {
    keys = new Map();
    for (const cls of layout.classes) {
      for (const word of cls.words) if (!keys.has(classKey(word))) keys.set(classKey(word), cls.id);
    }
    wordKeys.set(layout, keys);
  }
  return keys;
}

/** Resolves a line's class cell to a class id: by the classes' names on the form, then their words. */
function classResolver(cur: MonthReader): (cell: CellRef) => string | null {
  const { layout } = cur;
  let names: Map<string, string> | undefined;
  const resolved = new Map<number, string | null>();
  const first = layout.classes[0]?.id ?? null;
  const lookup = (text: string): string | null => {
    if (!names) {
      names = new Map();
      for (const cls of layout.classes) {
        for (const template of layout.form.classNames) {
          const v = cur.byId(resolveRef(layout, template, { c: cls.id }).id);
          if (v.tag === "text" && !names.has(classKey(v.text))) names.set(classKey(v.text), cls.id);
        }
      }
    }
    const key = classKey(text);
    return names.get(key) ?? wordsOf(layout).get(key) ?? null;
  };
  return (cell) => {
    const v = cur.at(cell.index);
    if (v.tag !== "text") return first; // blank: the form's lines are of the first class unless stated
    let cls = resolved.get(cell.index);
    if (cls === undefined) {
      cls = lookup(v.text);
      resolved.set(cell.index, cls);
    }
    return cls;
  };
}

const isMarked = (p: Parsed): boolean => (p.tag === "number" || p.tag === "nil") && p.marked;

/** Whether an E/W instance is downgraded to a warning for this outcome. */
function downgraded(instance: Instance, outcome: Outcome, ctx: RunContext): boolean {
  for (const d of instance.rule.downgrade ?? []) {
    switch (d.when) {
      case "excused":
        if (instance.remarks.some((i) => ctx.cur.at(i).tag === "text")) return true;
        if (instance.cells.some((c) => !c.prev && isMarked(ctx.cur.at(c.index)))) return true;
        break;
      case "classKind":
        if (instance.classDef && instance.classDef.kind !== d.not) return true;
        break;
      case "currenciesDiffer":
        if (outcome.currenciesDiffer) return true;
        break;
      case "filled":
        if (isNonZero(ctx.cur.byId(d.field))) return true;
        break;
    }
  }
  return false;
}

function severityOf(instance: Instance, outcome: Outcome, ctx: RunContext): Severity {
  if (outcome.severity) return outcome.severity;
  switch (instance.rule.severity) {
    case "E":
      return "error";
    case "W":
      return "warning";
    case "EW":
      return downgraded(instance, outcome, ctx) ? "warning" : "error";
  }
}

const labelOf = (layout: Layout, cell: CellRef): string =>
  layout.byId.get(cell.id)?.label ?? cell.id;

/** Turns an instance's outcome into a finding with its message. */
function findingOf(instance: Instance, outcome: Outcome, ctx: RunContext): Finding {
  const lead = outcome.cells ?? instance.cells;
  const ids = [...new Set([...lead, ...instance.cells].filter((c) => !c.prev).map((c) => c.id))];
  const layout = ctx.cur.layout;
  const other = instance.cells[1];
  const params: Record<string, string> = {
    cell: labelOf(layout, lead[0] ?? instance.cells[0]),
    other: other ? labelOf(layout, other) : "",
    expected: outcome.expected ?? "",
    actual: outcome.actual ?? "",
    ...outcome.params,
  };
  return {
    ruleId: instance.rule.id,
    code: outcome.code,
    severity: severityOf(instance, outcome, ctx),
    cells: ids,
    expected: outcome.expected ?? null,
    actual: outcome.actual ?? null,
    message: renderMessage(outcome.code, params),
    instance: instance.key,
  };
}

/** Runs every instance against this month (and last month, where given); all findings, none thrown. */
export function runInstances(
  instances: readonly Instance[],
  cur: MonthReader,
  prev: MonthReader | null
): Finding[] {
  const ctx: RunContext = {
    cur,
    prev,
    holidays: holidaySet(),
    coveredYear: isCovered,
    classOfLine: classResolver(cur),
  };
  const findings: Finding[] = [];
  for (const instance of instances) {
    for (const outcome of instance.run(ctx)) findings.push(findingOf(instance, outcome, ctx));
  }
  return findings;
}
