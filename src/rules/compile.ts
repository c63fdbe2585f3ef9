import type { ClassDef, Domain, Layout } from "../form";
import type { CellRef, MonthReader } from "./read";
import { indexOfSlot, slotOf, slotsOf } from "./slots";
import type { Rule, Severity } from "./types";
import type { Dec } from "../values/decimal";

/** What a kind reports for one instance: a code for the message catalogue and its figures. */
export interface Outcome {
  readonly code: string;
  /** The offending cells, where fewer than the instance's; they lead the finding's cells. */
  readonly cells?: readonly CellRef[];
  readonly expected?: string;
  readonly actual?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** The figures are in different currencies: an E/W rule with that downgrade gives a warning. */
  readonly currenciesDiffer?: boolean;
  /** The kind fixes the severity itself (e.g. registered capital reads as a warning). */
  readonly severity?: Severity;
}

/** Everything an instance may read while it runs. */
export interface RunContext {
  readonly cur: MonthReader;
  readonly prev: MonthReader | null;
  /** Hong Kong's general holidays as day numbers (toDayNumber). */
  readonly holidays: ReadonlySet<number>;
  readonly coveredYear: (year: number) => boolean;
  /** The class a line's "Class of shares issuable" (by its slot) names, or null when none does. */
  readonly classOfLine: (lineClass: number) => string | null;
}

/**
 * Cells an instance reads, in order: a line group (a domain's lines, one column of the sheet)
 * is passed to a check function as one range; other cells one by one.
 */
export interface InputGroup {
  readonly domain: Domain | null;
  readonly cells: readonly CellRef[];
}

/** One check: a rule applied to one class, line or block; one check cell on the sheet. */
export interface Instance {
  readonly rule: Rule;
  readonly key: string;
  /** The cells a finding names. */
  readonly cells: readonly CellRef[];
  /** Every cell the check reads (its cells, currencies, flags, class names, remarks), grouped. */
  readonly inputs: readonly InputGroup[];
  readonly classDef?: ClassDef;
  /** Slots of the remark cells of the blocks and lines it reads; any text excuses E/W rules. */
  readonly remarks: readonly number[];
  readonly run: (ctx: RunContext) => readonly Outcome[];
  /** It reports flagged cells only (MonthReader.flagged): a month that flags none skips it. */
  readonly onlyFlagged: boolean;
  /** The values of one of its cells that would make it hold (Solver), where the kind can say. */
  readonly solve?: Solver;
}

/**
 * The values of cell `id` (this month's) that would make an instance hold, the others as they
 * are: solved from the rule's own data (a sum's parts and weights, a product's factors). Empty
 * where the cell is not one it can solve for.
 */
export type Solver = (ctx: RunContext, id: string) => readonly Dec[];

/** The bindings of one instance and the means to resolve its templates. */
export interface Scope {
  readonly layout: Layout;
  readonly bindings: Readonly<Record<string, string>>;
  readonly classDef?: ClassDef;
  /** Resolves a template under the bindings (plus `extra`) to a cell. */
  ref(template: string, extra?: Readonly<Record<string, string>>): CellRef;
  /** The keys of a domain in this layout. */
  keys(domain: Domain): readonly string[];
}

/** What a kind prepares for one instance: the cells it names, what else it reads, its evaluator. */
export interface Compiled {
  readonly cells: readonly CellRef[];
  /** The reads grouped by line domain, where the kind iterates lines; else its cells one by one. */
  readonly groups?: readonly InputGroup[];
  /** Cells read but never named in a finding (currency headings, flags, class names). */
  readonly extra?: readonly CellRef[];
  readonly run: Instance["run"];
  readonly onlyFlagged?: boolean;
  readonly solve?: Solver;
}

/** A kind's compiler: prepares cells and an evaluator for one instance. */
export type KindCompiler<R extends Rule> = (rule: R, scope: Scope) => Compiled | null;

const PLACEHOLDER: Record<Domain, string> = {
  class: "c",
  row: "row",
  balanceRow: "row",
  authCol: "col",
  authAmountCol: "col",
  issuedCol: "col",
  option: "i",
  fundsLine: "i",
  warrant: "i",
  convertible: "i",
  arrangement: "i",
  eLine: "i",
  otherLine: "i",
  group: "g",
};

const fill = (template: string, vars: Readonly<Record<string, string>>): string =>
  template.indexOf("{") < 0
    ? template
    : template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

/** Resolves a template to a cell of this month (by index and slot) or of last month (by id). */
export function resolveRef(
  layout: Layout,
  template: string,
  vars: Readonly<Record<string, string>>
): CellRef {
  const prev = template.startsWith("prev:");
  const id = fill(prev ? template.slice(5) : template, vars);
  if (prev) return { id, index: -1, slot: -1, prev };
  slotsOf(layout); // the layout's ids have slots before any of its cells is named
  return { id, index: layout.byId.get(id)?.index ?? -1, slot: slotOf(id), prev };
}

/** Every combination of the keys of `domains`, as bindings with a readable key part. */
function combinations(
  layout: Layout,
  domains: readonly Domain[]
): [Record<string, string>, string][] {
  let out: [Record<string, string>, string][] = [[{}, ""]];
  for (const domain of domains) {
    const next: [Record<string, string>, string][] = [];
    for (const [vars, key] of out) {
      for (const value of layout.domains[domain]) {
        next.push([
          { ...vars, [PLACEHOLDER[domain]]: value },
          `${key}${key ? "," : ""}${domain}=${value}`,
        ]);
      }
    }
    out = next;
  }
  return out;
}

/** A scope over `layout` with `vars` bound. */
export function scopeOf(layout: Layout, vars: Readonly<Record<string, string>>): Scope {
  return {
    layout,
    bindings: vars,
    classDef: vars.c === undefined ? undefined : layout.classes.find((c) => c.id === vars.c),
    ref: (template, extra) => resolveRef(layout, template, extra ? { ...vars, ...extra } : vars),
    keys: (domain) => layout.domains[domain],
  };
}

/** The slots of the remark cells of the groups of `cells`. */
function remarksOf(layout: Layout, cells: readonly CellRef[]): number[] {
  const out = new Set<number>();
  for (const cell of cells) {
    if (cell.prev || cell.index < 0) continue;
    const remark = layout.byId.get(`${layout.fields[cell.index].group}.remark`);
    if (remark) out.add(slotOf(remark.id));
  }
  return [...out];
}

/** Cells that decide an E/W rule's severity: the downgrade fields it names. */
function downgradeCells(rule: Rule, scope: Scope): CellRef[] {
  return (rule.downgrade ?? []).flatMap((d) =>
    d.when === "filled" || d.when === "classNamed" ? [scope.ref(d.field)] : []
  );
}

/** Expands rules over a layout into instances, each compiled by its kind. */
export function expandRules(
  layout: Layout,
  rules: readonly Rule[],
  compile: (rule: Rule, scope: Scope) => Compiled | null
): Instance[] {
  const instances: Instance[] = [];
  const seen = new Map<string, number>();
  for (const rule of rules) {
    for (const [vars, bound] of combinations(layout, rule.each ?? [])) {
      const scope = scopeOf(layout, vars);
      const compiled = compile(rule, scope);
      if (!compiled) continue;
      const tag = bound || ("lines" in rule ? `lines=${rule.lines}` : "");
      const base = tag ? `${rule.id}[${tag}]` : rule.id;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      // remarks matter only to rules that a remark excuses
      const excusable = (rule.downgrade ?? []).some((d) => d.when === "excused");
      const remarks = excusable ? remarksOf(layout, compiled.cells) : [];
      const scalars = [
        // a cell the form does not have (a currency stated in the figure itself) is not read
        ...(compiled.extra ?? []).filter((c) => c.prev || c.index >= 0),
        ...downgradeCells(rule, scope),
        ...remarks.map((slot) => {
          const index = indexOfSlot(slotsOf(layout), slot);
          return { id: layout.fields[index].id, index, slot, prev: false };
        }),
      ];
      instances.push({
        rule,
        key: n === 1 ? base : `${base}#${n}`,
        cells: compiled.cells,
        inputs: [
          ...(compiled.groups ?? [{ domain: null, cells: compiled.cells }]),
          ...(scalars.length ? [{ domain: null, cells: scalars }] : []),
        ],
        classDef: scope.classDef,
        remarks,
        run: compiled.run,
        onlyFlagged: compiled.onlyFlagged === true,
        ...(compiled.solve ? { solve: compiled.solve } : {}),
      });
    }
  }
  return instances;
}
