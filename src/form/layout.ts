import type {
  ClassDef,
  ELineType,
  Field,
  FieldTemplate,
  FormVersion,
  Shape,
  UnitDef,
  UnitId,
} from "./types";
import { assertShapeWithinLimits } from "./limits";
import { LruMap } from "./lru";

/** The names a rule can iterate over; each is a list of keys fixed by the form and the shape. */
export type Domain =
  | "class"
  | "row"
  | "balanceRow"
  | "authCol"
  | "authAmountCol"
  | "issuedCol"
  | "option"
  | "fundsLine"
  | "warrant"
  | "convertible"
  | "arrangement"
  | "eLine"
  | "otherLine"
  | "group";

/** Every field of one return of a given form version and shape, in form order. */
export interface Layout {
  readonly form: FormVersion;
  readonly shape: Shape;
  readonly classes: readonly ClassDef[];
  readonly fields: readonly Field[];
  readonly byId: ReadonlyMap<string, Field>;
  /** The fields of each group (a block or line), in form order. */
  readonly byGroup: ReadonlyMap<string, readonly Field[]>;
  readonly domains: Readonly<Record<Domain, readonly string[]>>;
  /** The part (E) line type of an E line key ("placing", "other2"). */
  readonly eLineType: (key: string) => ELineType;
}

/** Units whose instances carry a remark cell, which excuses their E/W rules. */
const REMARKED: ReadonlySet<UnitId> = new Set([
  "authClass",
  "issuedClass",
  "option",
  "warrant",
  "convertible",
  "arrangement",
  "eLine",
]);

const ROWS = ["preceding", "movement", "close"] as const;

const range = (n: number): string[] => Array.from({ length: n }, (_, k) => String(k + 1));

/** The classes of a return: the version's fixed slots, or one numbered block per class. */
function classesOf(form: FormVersion, shape: Shape): ClassDef[] {
  if (form.classMode === "slots") return [...form.classes];
  const template = form.classes[0];
  return range(shape.classes ?? 1).map((n) => ({ ...template, id: `c${n}`, label: `(${n})` }));
}

/** Instance keys of each unit: one, one per class, or one per line of the shape. */
function instancesOf(unit: UnitId, domains: Record<Domain, readonly string[]>): readonly string[] {
  switch (unit) {
    case "header":
    case "authTotal":
    case "hdrInfo":
    case "confirmations":
    case "signature":
      return [""];
    case "authClass":
    case "issuedClass":
    case "optionTotals":
    case "warrantTotals":
    case "convertibleTotals":
    case "arrangementTotals":
    case "eTotals":
    case "totals":
      return domains.class;
    case "option":
      return domains.option;
    case "funds":
      return domains.fundsLine;
    case "warrant":
      return domains.warrant;
    case "convertible":
      return domains.convertible;
    case "arrangement":
      return domains.arrangement;
    case "eLine":
      return domains.eLine;
  }
}

/** The group of a unit's fields: a line or block adds its key ("A.3", "auth.ord1"). */
const GROUP: Record<UnitId, string> = {
  header: "hdr",
  authClass: "auth.",
  authTotal: "auth.total",
  issuedClass: "issued.",
  option: "A.",
  optionTotals: "A.total",
  funds: "A.funds.",
  warrant: "B.",
  warrantTotals: "B.total",
  convertible: "C.",
  convertibleTotals: "C.total",
  arrangement: "D.",
  arrangementTotals: "D.total",
  eLine: "E.",
  eTotals: "E.total",
  totals: "AtoE",
  hdrInfo: "IV",
  confirmations: "V",
  signature: "sig",
};

/** The unit whose instances are the lines of each line domain. */
const LINE_UNITS = {
  option: "option",
  fundsLine: "funds",
  warrant: "warrant",
  convertible: "convertible",
  arrangement: "arrangement",
  eLine: "eLine",
} as const satisfies Partial<Record<Domain, UnitId>>;

/** The domains whose keys are lines of a table, one row each on the sheet. */
export type LineDomain = keyof typeof LINE_UNITS;

/** The line domains, in form order. */
export const LINE_DOMAINS = Object.keys(LINE_UNITS) as LineDomain[];

/** The group of one line of a line domain, as the layout names it ("A.3", "E.other2"). */
export const lineGroupOf = (domain: LineDomain, key: string): string =>
  GROUP[LINE_UNITS[domain]] + key;

const fill = (text: string, vars: Readonly<Record<string, string>>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

// the shapes in use stay; a stream of distinct shapes cannot grow the heap (bench: heap flat)
const memo = new LruMap<string, Layout>(256);

/**
 * Lays out every field of a return of `form` with `shape`; one layout per version and shape.
 * Throws a LimitError for a shape over the limits (src/form/limits.ts).
 */
export function layoutOf(form: FormVersion, shape: Shape): Layout {
  const key = [
    form.id,
    shape.classes ?? 0,
    shape.options,
    shape.fundsLines,
    shape.warrants,
    shape.convertibles,
    shape.arrangements,
    shape.otherMovements,
    repeatsKey(shape),
  ].join("|");
  let layout = memo.get(key);
  if (layout?.form !== form) {
    assertShapeWithinLimits(shape); // before the work that grows with the counts
    layout = buildLayout(form, shape);
    memo.set(key, layout);
  }
  return layout;
}

/** The typed (E) line counts of a shape in a fixed order, for the layout's memo key. */
const repeatsKey = (shape: Shape): string =>
  shape.eLines === undefined
    ? "" // most shapes: no object to walk on the hot path
    : Object.entries(shape.eLines)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([type, n]) => `${type}=${n}`)
        .join(",");

/** The keys of `shape.eLines` that name no typed (E) line of the form ("other" repeats apart). */
export function unknownELines(form: FormVersion, shape: Shape): string[] {
  const typed = new Set(form.eLines.filter((e) => !e.repeatable).map((e) => e.key));
  return Object.keys(shape.eLines ?? {}).filter((key) => !typed.has(key));
}

/** The keys of a typed (E) line's `n` lines: the first keeps the type's key, as files have it. */
const typedKeys = (type: ELineType, n: number): string[] =>
  range(n).map((k) => (k === "1" ? type.key : `${type.key}${k}`));

function buildLayout(form: FormVersion, shape: Shape): Layout {
  const unknown = unknownELines(form, shape);
  if (unknown.length) throw new RangeError(`No part (E) line type "${unknown[0]}" in ${form.id}`);
  const classes = classesOf(form, shape);
  const fixedE = form.eLines.filter((e) => !e.repeatable);
  const otherE = form.eLines.find((e) => e.repeatable);
  const otherKeys = otherE ? range(shape.otherMovements).map((n) => `${otherE.key}${n}`) : [];
  const typeOf = new Map<string, ELineType>();
  for (const e of fixedE)
    for (const key of typedKeys(e, shape.eLines?.[e.key] ?? 1)) typeOf.set(key, e);
  const domains: Record<Domain, readonly string[]> = {
    class: classes.map((c) => c.id),
    row: ROWS,
    balanceRow: ["preceding", "close"],
    authCol: form.authColumns.map((c) => c.key),
    authAmountCol: form.authColumns.filter((c) => c.kind !== "par").map((c) => c.key),
    issuedCol: form.issuedColumns.map((c) => c.key),
    option: range(shape.options),
    fundsLine: range(shape.fundsLines),
    warrant: range(shape.warrants),
    convertible: range(shape.convertibles),
    arrangement: range(shape.arrangements),
    eLine: [...typeOf.keys(), ...otherKeys],
    otherLine: otherKeys,
    group: [],
  };
  const eLineType = (key: string): ELineType => {
    const found = typeOf.get(key) ?? (otherKeys.includes(key) ? otherE : undefined);
    if (!found) throw new RangeError(`No part (E) line "${key}" in form ${form.id}`);
    return found;
  };

  const fields: Field[] = [];
  const push = (f: Omit<Field, "index">): void => {
    fields.push({ ...f, index: fields.length });
  };
  for (const unit of form.units) {
    for (const key of instancesOf(unit.id, domains)) {
      const cls = classes.find((c) => c.id === key);
      const group =
        REMARKED.has(unit.id) || unit.id === "funds" ? GROUP[unit.id] + key : GROUP[unit.id];
      const vars = varsOf(unit, key, cls, unit.id === "eLine" ? eLineType(key) : undefined);
      for (const t of unit.fields) {
        if (unit.id === "eLine" && !applies(t, eLineType(key))) continue;
        for (const [id, label, tmpl] of expand(t, form, vars, unit.id === "issuedClass")) {
          push({
            id,
            unit: unit.id,
            group,
            label: joinLabel(headingOf(unit, vars), label),
            caption: label,
            kind: tmpl.kind,
            balance: tmpl.balance === true,
            magnitude: tmpl.magnitude === true,
            ...(tmpl.choices ? { choices: tmpl.choices } : {}),
            ...(tmpl.monthly ? { monthly: true } : {}),
            ...(tmpl.required ? { required: tmpl.required } : {}),
            ...(t.grid ? { column: tmpl.key } : {}),
            classId: cls?.id,
          });
        }
      }
      if (REMARKED.has(unit.id)) {
        push({
          id: `${group}.remark`,
          unit: unit.id,
          group,
          label: joinLabel(headingOf(unit, vars), "Remarks"),
          caption: "Remarks",
          kind: "remark",
          balance: false,
          magnitude: false,
          classId: cls?.id,
        });
      }
    }
  }
  const byGroup = new Map<string, Field[]>();
  for (const f of fields) {
    const list = byGroup.get(f.group);
    if (list) list.push(f);
    else byGroup.set(f.group, [f]);
  }
  domains.group = [...byGroup.keys()];
  return {
    form,
    shape,
    classes,
    fields,
    byId: new Map(fields.map((f) => [f.id, f])),
    byGroup,
    domains,
    eLineType,
  };
}

function varsOf(
  unit: UnitDef,
  key: string,
  cls: ClassDef | undefined,
  eLine: ELineType | undefined
): Record<string, string> {
  const vars: Record<string, string> = { i: key, c: key };
  if (cls) Object.assign(vars, { c: cls.id, class: cls.label, noun: cls.noun, label: cls.label });
  if (eLine) {
    Object.assign(vars, {
      classLabel: eLine.classLabel,
      dateLabel: eLine.dateLabel,
      line: `${eLine.number}. ${eLine.label}`,
    });
  }
  if (unit.id === "option") vars.line = `line ${key}`;
  return vars;
}

function headingOf(unit: UnitDef, vars: Readonly<Record<string, string>>): string {
  switch (unit.id) {
    case "authClass":
    case "issuedClass":
      return `${unit.section} ${vars.label}`;
    case "option":
    case "warrant":
    case "convertible":
    case "arrangement":
      return `${unit.heading.slice(0, 3)} line ${vars.i}`; // "(A) line 2"
    case "eLine":
      return `(E) ${vars.line}${/\d$/.test(vars.i) ? ` #${vars.i.replace(/\D/g, "")}` : ""}`;
    case "funds":
      return `(A) funds raised, line ${vars.i}`;
    case "optionTotals":
    case "warrantTotals":
    case "convertibleTotals":
    case "arrangementTotals":
    case "eTotals":
      return /^\([A-E]\)/.exec(unit.heading)?.[0] ?? "";
    default:
      return ""; // the field's own label says it all (header, totals, signature)
  }
}

const joinLabel = (heading: string, label: string): string =>
  heading ? `${heading}: ${label}` : label;

const applies = (t: FieldTemplate, e: ELineType): boolean =>
  t.when === undefined || (t.when === "hasPrice" ? e.hasPrice : e.repeatable === true);

/** A template's concrete fields: one, or one per row and column of a grid. */
function expand(
  t: FieldTemplate,
  form: FormVersion,
  vars: Readonly<Record<string, string>>,
  issued: boolean
): [string, string, FieldTemplate][] {
  if (!t.grid) return [[fill(t.key, vars), fill(t.label, vars), t]];
  const columns = t.grid === "auth" ? form.authColumns : form.issuedColumns;
  const out: [string, string, FieldTemplate][] = [];
  for (const row of ROWS) {
    const rowLabel =
      row === "movement" && issued
        ? (form.headings["II.movement"] ?? form.rows[row])
        : form.rows[row];
    for (const col of columns) {
      const id = fill(t.key, { ...vars, row, col: col.key });
      // a movement may be negative; only the balances may not (value.whole)
      const balance = col.balance === true && row !== "movement";
      // a movement left blank reads as zero; the balances are what a filed return states
      const required = row === "movement" ? undefined : col.required;
      out.push([
        id,
        `${rowLabel}, ${fill(col.label, vars)}`,
        { ...col, grid: undefined, balance, required },
      ]);
    }
  }
  return out;
}
