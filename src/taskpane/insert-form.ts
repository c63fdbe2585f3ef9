/** The "new return" form of the task pane as data: its defaults, its checks and its plan request. */
import {
  cellLengthProblem,
  DEFAULT_FORM,
  FORM_VERSIONS,
  formVersion,
  LIMITS,
  layoutOf,
  type ClassDef,
  type Shape,
} from "../form";
import type { PlanHeader } from "../plan/types";
import {
  blockHeader,
  classCountOf,
  DEFAULT_BLOCK,
  validateBlocks,
  withBlocks,
  type BlockField,
  type BlockInput,
} from "./class-blocks";
import { eLineClassValues, eLinesOf, validateELines, type ELineField } from "./e-lines-form";
import {
  daysInMonth,
  fromIso,
  isLastDayOfMonth,
  compareDates,
  formatDateWords,
  toIso,
  type YMD,
} from "../values/dates";
import { readDate } from "../values/parse-date";

/** The most lines of one kind a template may have (the add-in's one set of limits). */
export const MAX_LINES = LIMITS.linesPerPart;

/** The line counts the user chooses, in form order, with their words and defaults. */
export const COUNT_FIELDS = [
  { key: "options", label: "Share option lines (A)", noun: "option lines", initial: 1 },
  { key: "fundsLines", label: "Funds raised lines (A)", noun: "funds lines", initial: 1 },
  { key: "warrants", label: "Warrant lines (B)", noun: "warrant lines", initial: 0 },
  { key: "convertibles", label: "Convertible lines (C)", noun: "convertible lines", initial: 0 },
  {
    key: "arrangements",
    label: "Other arrangement lines (D)",
    noun: "other arrangement lines",
    initial: 0,
  },
  {
    key: "otherMovements",
    label: '"Other" movement lines (E)',
    noun: '"Other" movement lines',
    initial: 1,
  },
] as const;

/** A line count of the shape the form asks for. */
export type CountKey = (typeof COUNT_FIELDS)[number]["key"];

/** What the user typed for one class of shares of the 2011 form (a fixed slot). */
export interface ClassInput {
  readonly inUse: boolean;
  readonly stockCode: string;
  readonly description: string;
}

/**
 * The form's contents as typed: dates ISO (the view reads them day first), counts as text. A slots
 * version (2011) reads `classes`; a blocks version (FF301) reads `classCount` and `blocks`. Both
 * are kept whichever version is chosen, so switching back and forth loses nothing typed.
 */
export interface InsertInput {
  readonly formId: string;
  readonly monthEnded: string;
  readonly issuer: string;
  readonly submitted: string;
  readonly classes: Readonly<Record<string, ClassInput>>;
  /** How many class blocks (FF301), as typed. */
  readonly classCount: string;
  /** The class blocks' headers (FF301); may hold more than `classCount`, the first ones count. */
  readonly blocks: readonly BlockInput[];
  readonly counts: Readonly<Record<CountKey, string>>;
  /** Lines of each typed (E) line as typed, by type key; a type not in it has the form's one line. */
  readonly eLines?: Readonly<Record<string, string>>;
}

/** A control of the form that can carry a message. */
export type InsertField =
  | "formId"
  | "monthEnded"
  | "issuer"
  | "submitted"
  | "classes"
  | "classCount"
  | BlockField
  | CountKey
  | ELineField;

/** Messages by control; a control with none is fine. */
export type InsertErrors = Partial<Record<InsertField, string>>;

/** A form version as the version list shows it. */
export interface FormChoice {
  readonly id: string;
  readonly label: string;
}

/** A class of shares as the class checkboxes show it. */
export interface ClassChoice {
  readonly id: string;
  readonly label: string;
}

const BASE_SHAPE: Shape = {
  options: 1,
  fundsLines: 1,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
};

/** The form versions the add-in knows by name: the default, the other FF301 ones, then 2011. */
export function formChoices(): FormChoice[] {
  const rank = (id: string, mode: string) => (id === DEFAULT_FORM ? 0 : mode === "blocks" ? 1 : 2);
  return Object.values(FORM_VERSIONS)
    .map((form, order) => ({ form, order, rank: rank(form.id, form.classMode) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ form }) => ({ id: form.id, label: form.name }));
}

/** The id of the form version a new return starts from: the one issuers file today. */
export const defaultFormId = (): string => DEFAULT_FORM;

/** Whether a form version has numbered class blocks (FF301) rather than fixed slots. */
export const hasBlocks = (formId: string): boolean => formVersion(formId)?.classMode === "blocks";

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "Ordinary shares (1)" for a numbered slot, "Preference shares" for a named one. */
function classLabel(cls: ClassDef): string {
  if (/^\(\d+\)$/.test(cls.label)) return `${capitalise(cls.noun)} ${cls.label}`;
  return capitalise(cls.label.replace(/^\((.*)\)$/, "$1"));
}

/** The classes of shares a form version offers, with their labels. */
export function classChoices(formId: string): ClassChoice[] {
  const form = formVersion(formId);
  if (!form) return [];
  return layoutOf(form, BASE_SHAPE).classes.map((cls) => ({ id: cls.id, label: classLabel(cls) }));
}

/**
 * The slots of a form as typed: what `keep` holds for them, else the first ordinary class in use
 * and the others not. A blocks version has no slots.
 */
export function defaultClasses(
  formId: string,
  keep: Readonly<Record<string, ClassInput>> = {}
): Record<string, ClassInput> {
  const form = formVersion(formId);
  const classes = form?.classMode === "slots" ? layoutOf(form, BASE_SHAPE).classes : [];
  const first = classes.find((c) => c.kind === "ordinary") ?? classes[0];
  return Object.fromEntries(
    classes.map((c) => [
      c.id,
      keep[c.id] ?? { inUse: c.id === first?.id, stockCode: "", description: "" },
    ])
  );
}

/** The last day of the month before the one `today` falls in. */
export function lastMonthEnd(today: YMD): YMD {
  const year = today.month === 1 ? today.year - 1 : today.year;
  const month = today.month === 1 ? 12 : today.month - 1;
  return { year, month, day: daysInMonth(year, month) };
}

/** The month end before an ISO month end, ISO; "" when the date does not read. */
export function previousMonthEnd(iso: string): string {
  const date = fromIso(iso);
  return date ? toIso(lastMonthEnd(date)) : "";
}

/** A fresh form: the default version, last month's end, one ordinary class, the default counts. */
export function defaultInsert(today: YMD, formId: string = defaultFormId()): InsertInput {
  return {
    formId,
    monthEnded: toIso(lastMonthEnd(today)),
    issuer: "",
    submitted: "",
    classes: defaultClasses(formId),
    classCount: "1",
    blocks: [DEFAULT_BLOCK],
    counts: Object.fromEntries(COUNT_FIELDS.map((f) => [f.key, String(f.initial)])) as Record<
      CountKey,
      string
    >,
  };
}

/**
 * The form after an edit. A new version keeps what it can (issuer, dates, counts, the class
 * blocks between FF301 versions, the slots typed before); a larger class count adds blocks.
 */
export function updatedInsert(current: InsertInput, patch: Partial<InsertInput>): InsertInput {
  let input = { ...current, ...patch };
  if (patch.formId !== undefined && patch.formId !== current.formId && !hasBlocks(patch.formId))
    input = { ...input, classes: defaultClasses(patch.formId, input.classes) };
  const count = classCountOf(input.classCount);
  return count === null ? input : { ...input, blocks: withBlocks(input.blocks, count) };
}

/** A count as typed, or null unless a whole number from 0 to MAX_LINES. */
function countOf(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_LINES ? n : null;
}

const dayMonthYear = (d: YMD): string =>
  `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;

/**
 * A date as the user types it, day first as Hong Kong writes it ("30/06/2026", "30/6/2026",
 * "30 June 2026", or ISO), as the ISO date the form keeps; the text itself when it does not read
 * (the form's check then says how to write it).
 */
export function typedDate(text: string): string {
  const t = text.trim();
  if (t === "") return "";
  if (fromIso(t)) return t;
  const read = readDate(t);
  return typeof read === "string" ? t : toIso(read);
}

/** An ISO date as the pane shows it, day first ("30/06/2026"); other text as it is. */
export function shownDate(iso: string): string {
  const date = fromIso(iso);
  return date ? dayMonthYear(date) : iso;
}

/**
 * Every month ended after this was filed on the e-form FF301, which replaced the 2011 paper form
 * during 2021 (form-spec-ff301.md: its exact first month is not known, so the whole year is left be).
 */
const FF301_BY = "2021-12-31";

/** A plain note on the chosen version, or null: the 2011 form for a month filed on FF301. */
export function versionNote(input: InsertInput): string | null {
  const form = formVersion(input.formId);
  const month = fromIso(input.monthEnded);
  if (!form || form.classMode !== "slots" || !month || input.monthEnded <= FF301_BY) return null;
  return `Note: months ended after 2021 are filed on the HKEX e-form FF301, not on the 2011 paper form. For ${formatDateWords(month)} choose an FF301 version, unless you mean the 2011 layout (to compare with an old return, say).`;
}

/** Checks the form; returns a message for each control that needs attention (none when valid). */
export function validateInsert(input: InsertInput): InsertErrors {
  const errors: InsertErrors = {};
  if (!formVersion(input.formId)) errors.formId = "Choose a form version";
  const monthEnded = fromIso(input.monthEnded);
  if (!monthEnded) {
    errors.monthEnded = "Type the month ended as dd/mm/yyyy, for example 30/06/2026";
  } else if (!isLastDayOfMonth(monthEnded)) {
    const end = { ...monthEnded, day: daysInMonth(monthEnded.year, monthEnded.month) };
    errors.monthEnded = `Choose the last day of the month (${dayMonthYear(end)})`;
  }
  if (!input.issuer.trim()) errors.issuer = "Enter the issuer's name";
  else if (cellLengthProblem(input.issuer))
    errors.issuer = `The issuer's name is too long: ${cellLengthProblem(input.issuer)}`;
  if (input.submitted) {
    const submitted = fromIso(input.submitted);
    if (!submitted) errors.submitted = "Type the date as dd/mm/yyyy, or leave it blank";
    else if (monthEnded && compareDates(submitted, monthEnded) <= 0)
      errors.submitted = "The date submitted comes after the month ended";
  }
  if (hasBlocks(input.formId))
    Object.assign(errors, validateBlocks(input.classCount, input.blocks));
  else if (!Object.values(input.classes).some((c) => c.inUse))
    errors.classes = "Choose at least one class of shares";
  else {
    const long = Object.values(input.classes)
      .flatMap((c) => (c.inUse ? [c.stockCode, c.description] : []))
      .map(cellLengthProblem)
      .find((problem) => problem !== null);
    if (long) errors.classes = `A stock code or description is too long: ${long}`;
  }
  for (const field of COUNT_FIELDS) {
    if (countOf(input.counts[field.key]) === null)
      errors[field.key] = `Between 0 and ${MAX_LINES} ${field.noun}`;
  }
  Object.assign(errors, validateELines(input.formId, input.eLines ?? {}, MAX_LINES));
  return errors;
}

/** What planTemplate needs from a valid form: the version, the shape and the header. */
export interface PlanRequest {
  readonly formId: string;
  readonly shape: Shape;
  readonly header: PlanHeader;
}

/**
 * Turns a valid form into a plan request (counts that do not read count as 0). A blocks version
 * sets the number of classes and passes each block's header cells as initial values, and the
 * class of each typed (E) line repeated per class.
 */
export function planRequestOf(input: InsertInput): PlanRequest {
  const count = (key: CountKey): number => countOf(input.counts[key]) ?? 0;
  let shape: Shape = {
    options: count("options"),
    fundsLines: count("fundsLines"),
    warrants: count("warrants"),
    convertibles: count("convertibles"),
    arrangements: count("arrangements"),
    otherMovements: count("otherMovements"),
  };
  const eLines = eLinesOf(input.formId, input.eLines ?? {}, MAX_LINES);
  if (eLines) shape = { ...shape, eLines };
  const base = {
    monthEnded: input.monthEnded,
    issuer: input.issuer.trim(),
    submitted: input.submitted || undefined,
  };
  if (hasBlocks(input.formId)) {
    const classes = classCountOf(input.classCount) ?? 1;
    const blocks = blockHeader(input.blocks, classes);
    // each repeated (E) line starts in its class: the k-th line of a type in the k-th block
    const lineClasses = eLineClassValues(eLines, input.blocks, classes);
    const header: PlanHeader = {
      ...base,
      ...blocks,
      values: { ...blocks.values, ...lineClasses },
    };
    return { formId: input.formId, shape: { classes, ...shape }, header };
  }
  const inUse = Object.entries(input.classes).filter(([, c]) => c.inUse);
  const header: PlanHeader = {
    ...base,
    classesInUse: inUse.map(([id]) => id),
    classInfo: Object.fromEntries(
      inUse.map(([id, c]) => [
        id,
        {
          stockCode: c.stockCode.trim() || undefined,
          description: c.description.trim() || undefined,
        },
      ])
    ),
  };
  return { formId: input.formId, shape, header };
}
