import type { Layout } from "../form";
import type { Instance } from "./compile";
import { renderMessage } from "./messages.en";
import { checksOf } from "./reconcile";
import type { Finding } from "./types";
import type { Suggestion } from "./verdict";

// The likely wrong figure, as the sheet carries it: one cell (HKMR.CAUSE) works it out over the
// whole return and writes it as data; each check cell reads that cell and tells a finding the
// suspect clears from the suspect's side, as the engine does (foldFindings serves both), and the
// summary names it beside the verdict. A check cell alone sees only its own rule's cells: told
// per rule, a mistyped B36 would send the reader of D36's check to change a correct D36.

/** One likely wrong figure: its cell, the value that clears, and the checks that value clears. */
export interface Suspect {
  /** Field id of the cell to change. */
  readonly field: string;
  /** The value that clears, as the form writes it. */
  readonly value: string;
  /** What the cell holds now, as typed ("blank" where it is). */
  readonly current: string;
  /** The cell's A1 address on the sheet, or "" where the caller has none. */
  readonly address: string;
  /** The cell's label, as messages name it. */
  readonly label: string;
  /** Keys of the failing checks (rule instances) that value clears. */
  readonly checks: readonly string[];
  readonly errors: number;
  readonly warnings: number;
  /** Fields equally likely: either could be the slip, so no finding is folded under this one. */
  readonly tiedWith: readonly string[];
}

/** The likely wrong figures of a return, most likely first; none when nothing fails. */
export interface Cause {
  readonly suspects: readonly Suspect[];
}

/** What starts the text of a cause cell: a cell holding anything else is not one. */
export const CAUSE_TAG = "HKMR cause 1:";

/** Suspects a cause cell carries at most: the top ones, each folding its own findings. */
const SUSPECTS_MAX = 40;

/** The cause of a return's suggestions, each with the checks it clears and its cell's address. */
export function causeOf(
  layout: Layout,
  findings: readonly Finding[],
  suggestions: readonly Suggestion[],
  addressOf: (field: string) => string = () => ""
): Cause {
  return {
    suspects: suggestions.slice(0, SUSPECTS_MAX).map((s) => {
      const cleared = s.clears.map((k) => findings[k]);
      return {
        field: s.field,
        value: s.value,
        current: s.current,
        address: addressOf(s.field),
        label: layout.byId.get(s.field)?.label ?? s.field,
        checks: [...new Set(cleared.map((f) => f.instance))],
        errors: cleared.filter((f) => f.severity === "error").length,
        warnings: cleared.filter((f) => f.severity === "warning").length,
        tiedWith: s.tiedWith ?? [],
      };
    }),
  };
}

/** A cause as a cell's text: the tag, then the data; "" when there is no suspect. */
export const encodeCause = (cause: Cause): string =>
  cause.suspects.length === 0 ? "" : `${CAUSE_TAG}${JSON.stringify(cause.suspects)}`;

const isText = (x: unknown): x is string => typeof x === "string";
const isTexts = (x: unknown): x is string[] => Array.isArray(x) && x.every(isText);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** Whether a parsed item has every field of a suspect, of the right type. */
function isSuspect(x: unknown): x is Suspect {
  if (typeof x !== "object" || x === null) return false;
  const s = x as Record<string, unknown>;
  return (
    [s.field, s.value, s.current, s.address, s.label].every(isText) &&
    isTexts(s.checks) &&
    isTexts(s.tiedWith) &&
    isCount(s.errors) &&
    isCount(s.warnings)
  );
}

/** The text decoded last and its cause. */
let last: { text: string; cause: Cause | null } = { text: "", cause: null };

/**
 * The cause a cell's text carries; null for a blank cell, an error value, a cut or edited text,
 * or anything that is not a cause, so a check never folds on what it cannot read.
 */
export function decodeCause(text: unknown): Cause | null {
  if (typeof text !== "string" || !text.startsWith(CAUSE_TAG)) return null;
  // every check that reads the cause decodes the same text after an edit: once is enough
  if (text === last.text) return last.cause;
  let cause: Cause | null = null;
  try {
    const parsed: unknown = JSON.parse(text.slice(CAUSE_TAG.length));
    cause = Array.isArray(parsed) && parsed.every(isSuspect) ? { suspects: parsed } : null;
  } catch {
    cause = null;
  }
  last = { text, cause };
  return cause;
}

/**
 * Whether a check's findings can be told from a suspect's side: a check of figures that reads two
 * or more of this month's cells (a suspect is one of them, and never the lead of a check of one);
 * only those read the cause, so an edit recalculates no more checks than it must.
 */
export function canFold(instance: Instance): boolean {
  if (instance.rule.severity === "F") return false; // a cell to fill is never a suspect
  const ids = new Set<string>();
  for (const c of instance.cells) if (!c.prev) ids.add(c.id);
  for (const g of instance.inputs) for (const c of g.cells) if (!c.prev) ids.add(c.id);
  return ids.size >= 2;
}

/**
 * The findings with those a suspect clears told from the suspect's side: a finding whose lead
 * cell agrees with every other check never asks for that cell to change (issue 14: a mistyped
 * B36 must not send the user to D36). Tied suspects are left as they are: either may be the slip.
 */
export function foldFindings(
  layout: Layout,
  findings: readonly Finding[],
  suspects: readonly Suspect[]
): Finding[] {
  const folding = suspects.filter((s) => s.tiedWith.length === 0);
  if (folding.length === 0) return [...findings];
  const titles = new Map(checksOf(layout).map((i) => [i.key, i.rule.title]));
  return findings.map((f) => {
    if (f.severity === "to-fill") return f;
    const s = folding.find((x) => x.checks.includes(f.instance));
    if (!s || f.cells[0] === s.field) return f;
    return {
      ...f,
      code: "suggest.folded",
      cells: [s.field, ...f.cells.filter((id) => id !== s.field)],
      expected: s.value,
      actual: s.current,
      message: renderMessage("suggest.folded", {
        cell: s.label,
        expected: s.value,
        actual: s.current,
        title: titles.get(f.instance) ?? f.ruleId,
      }),
    };
  });
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 errors", "1 error and 1 warning": what a suspect's change clears. */
export function clearsText(counts: { errors: number; warnings: number }): string {
  const parts = [
    ...(counts.errors > 0 ? [plural(counts.errors, "error")] : []),
    ...(counts.warnings > 0 ? [plural(counts.warnings, "warning")] : []),
  ];
  return parts.length > 0 ? parts.join(" and ") : "the failing checks";
}

/** "B36, Balance at close of the month", or the label alone where there is no address. */
export const cellNameOf = (cell: { address: string; label: string }): string =>
  cell.address ? `${cell.address}, ${cell.label}` : cell.label;

/**
 * The likely cause in words, as the pane and the summary cell say it: "Likely cause: B36, ...
 * 1,000,250,000 would clear 2 errors.", naming the cells equally likely; "" with no suspect.
 */
export function likelyText(cause: Cause): string {
  const [top] = cause.suspects;
  if (!top) return "";
  const said = `Likely cause: ${cellNameOf(top)}. ${top.value} would clear ${clearsText(top)}.`;
  const tied = top.tiedWith.map((id) => {
    const other = cause.suspects.find((s) => s.field === id);
    return other ? other.address || other.label : id;
  });
  return tied.length > 0 ? `${said} Equally likely: ${tied.join(", ")}.` : said;
}
