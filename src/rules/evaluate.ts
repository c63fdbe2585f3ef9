import type { Layout } from "../form";
import type { Parsed } from "../values/types";
import {
  expandRules,
  type Compiled,
  type Instance,
  type Outcome,
  type RunContext,
  type Scope,
} from "./compile";
import { holidayDays, isCovered } from "./hk-holidays";
import { after, deadline, eventDates, monthEnd } from "./kinds/dates";
import { bound, equal, product, quotient, sum } from "./kinds/arithmetic";
import { classSum, funds, netZero, signs } from "./kinds/grouped";
import { currencyTotal } from "./kinds/currency-total";
import { allOrNone, cells, empty, naAcross, notApplicable } from "./kinds/presence";
import { complete } from "./kinds/complete";
import { required, signed, ticks } from "./kinds/choices";
import { readings } from "./kinds/readings";
import { classResolver } from "./class-of-line";
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
    case "naAcross":
      return naAcross(rule, scope);
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
    case "signed":
      return signed(rule, scope);
    case "ticks":
      return ticks(rule, scope);
    case "required":
      return required(rule, scope);
    case "readings":
      return readings(rule, scope, compileRule);
    case "readable":
    case "whole":
      return cells(rule, scope);
    case "complete":
      return complete(rule, scope);
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

const isMarked = (p: Parsed): boolean =>
  (p.tag === "number" || p.tag === "nil" || p.tag === "moneyList") && p.marked === true;

/** Whether an E/W instance is downgraded to a warning for this outcome. */
function downgraded(instance: Instance, outcome: Outcome, ctx: RunContext): boolean {
  for (const d of instance.rule.downgrade ?? []) {
    switch (d.when) {
      case "excused":
        if (instance.remarks.some((slot) => ctx.cur.atSlot(slot).tag === "text")) return true;
        if (instance.cells.some((c) => !c.prev && isMarked(ctx.cur.atSlot(c.slot)))) return true;
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
      case "classNamed": {
        const name = ctx.cur.byId(d.field.replace("{c}", instance.classDef?.id ?? ""));
        const text = name.tag === "text" ? name.text.toLowerCase() : "";
        if (d.words.some((word) => text.includes(word))) return true;
        break;
      }
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
    case "F":
      return "to-fill";
  }
}

const labelOf = (layout: Layout, cell: CellRef): string =>
  layout.byId.get(cell.id)?.label ?? cell.id;

/** Turns an instance's outcome into a finding with its message. */
function findingOf(instance: Instance, outcome: Outcome, ctx: RunContext): Finding {
  const lead = outcome.cells ?? instance.cells;
  const severity = severityOf(instance, outcome, ctx);
  // cells to fill are the blank ones only: the group's filled cells are not to change
  const named = severity === "to-fill" ? lead : [...lead, ...instance.cells];
  const ids = [...new Set(named.filter((c) => !c.prev).map((c) => c.id))];
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
    severity,
    cells: ids,
    expected: outcome.expected ?? null,
    actual: outcome.actual ?? null,
    message: renderMessage(outcome.code, params),
    instance: instance.key,
  };
}

/** What instances read while they run on this month (and last month, where given). */
export const contextOf = (cur: MonthReader, prev: MonthReader | null): RunContext => ({
  cur,
  prev,
  holidays: holidayDays(),
  coveredYear: isCovered,
  classOfLine: classResolver(cur),
});

/** Runs every instance against this month (and last month, where given); all findings, none thrown. */
export function runInstances(
  instances: readonly Instance[],
  cur: MonthReader,
  prev: MonthReader | null
): Finding[] {
  const ctx = contextOf(cur, prev);
  const findings: Finding[] = [];
  const lists = runListsOf(instances);
  const { runs, of } = cur.flagged.length > 0 ? lists.all : lists.unflagged;
  for (let k = 0; k < runs.length; k++) {
    const outcomes = runs[k](ctx);
    // the instance itself is read only for a finding
    for (const outcome of outcomes) findings.push(findingOf(instances[of[k]], outcome, ctx));
  }
  return findings;
}

/** Evaluators side by side, with the position of each one's instance. */
interface RunList {
  readonly runs: readonly Instance["run"][];
  readonly of: readonly number[];
}

const runLists = new WeakMap<readonly Instance[], { all: RunList; unflagged: RunList }>();

/**
 * The evaluators of a list of instances: all of them, and those a month that flags no cell runs
 * (the value checks, a third of a return's instances, report flagged cells only). A run reads one
 * array of functions rather than an object per instance, objects which a batch of many shapes
 * keeps evicting from the processor's cache (measured: most of the loop's time).
 */
function runListsOf(instances: readonly Instance[]): { all: RunList; unflagged: RunList } {
  let lists = runLists.get(instances);
  if (!lists) {
    const listOf = (keep: (instance: Instance) => boolean): RunList => {
      const of = instances.flatMap((instance, k) => (keep(instance) ? [k] : []));
      return { runs: of.map((k) => instances[k].run), of };
    };
    lists = { all: listOf(() => true), unflagged: listOf((instance) => !instance.onlyFlagged) };
    runLists.set(instances, lists);
  }
  return lists;
}
