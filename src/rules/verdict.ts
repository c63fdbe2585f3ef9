import { previousNotices } from "./previous-month";
import type { Layout } from "../form";
import { stateOfText } from "./check-cell";
import { causeOf, foldFindings } from "./cause";
import { reconcile, type MonthInput } from "./reconcile";
import { suggestionsOf } from "./suggest";
import type { Finding, Severity } from "./types";

// One verdict for every surface (the CLI, the task pane, the preview and the sheet's summary
// cell): each check is OK, to fill, a warning or an error, and "Ready to file" means nothing to
// fill and no error. Counts are of checks (one check cell each), so the sheet, which sees one
// text per check cell, and the engine give the same figures; cells to fill are counted one by one.

/** The state of one check (one check cell), or of one finding. */
export type CheckState = "ok" | Severity;

/** The likely wrong figure and the value that clears the failing checks, most likely first. */
export interface Suggestion {
  /** Field id of the cell to change. */
  readonly field: string;
  /** The value that clears, as the form writes it ("1,000,250,000"). */
  readonly value: string;
  /** What the cell holds now, as typed ("blank" where it is). */
  readonly current: string;
  /** Indices into the verdict's findings that this change clears. */
  readonly clears: readonly number[];
  /** Other fields equally likely (a figure read by one rule only: either could be the slip). */
  readonly tiedWith?: readonly string[];
}

/** What the return is as a whole: ready, to fill, or in error. */
export type Status = "ready" | "incomplete" | "errors";

/** The verdict on one return: its status, cells to fill, findings, suggestions and headline. */
export interface Verdict {
  readonly status: Status;
  /** Field ids a filed return cannot leave blank, in form order of the findings. */
  readonly toFill: readonly string[];
  /** Every finding, each with its state (its severity: error, warning or to-fill). */
  readonly findings: readonly Finding[];
  readonly suggestions: readonly Suggestion[];
  /** Checks in error (an error value on the sheet counts as one). */
  readonly errors: number;
  /** Checks whose worst finding is a warning. */
  readonly warnings: number;
  /** "Ready to file", or e.g. "12 cells to fill · 1 error · 2 warnings". */
  readonly headline: string;
}

/** The counts a headline is made of. */
export interface Tally {
  readonly toFill: number;
  readonly errors: number;
  readonly warnings: number;
}

const RANK: Readonly<Record<CheckState, number>> = { error: 3, "to-fill": 2, warning: 1, ok: 0 };

/** The state of one check from its findings: the worst of them, OK when there is none. */
export function stateOf(findings: readonly Finding[]): CheckState {
  let state: CheckState = "ok";
  for (const f of findings) if (RANK[f.severity] > RANK[state]) state = f.severity;
  return state;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The status of a tally: errors first, then cells to fill; warnings never hold a return back. */
export const statusOf = (t: Tally): Status =>
  t.errors > 0 ? "errors" : t.toFill > 0 ? "incomplete" : "ready";

/** The headline of a tally: "Ready to file" (with its warnings), or what is left to do. */
export function headlineOf(t: Tally): string {
  const warnings = t.warnings > 0 ? [count(t.warnings, "warning", "warnings")] : [];
  if (statusOf(t) === "ready") return ["Ready to file", ...warnings].join(" · ");
  return [
    ...(t.toFill > 0 ? [count(t.toFill, "cell to fill", "cells to fill")] : []),
    ...(t.errors > 0 ? [count(t.errors, "error", "errors")] : []),
    ...warnings,
  ].join(" · ");
}

/** The tally of a return's findings: checks by state, and the distinct cells to fill. */
export function tallyOf(findings: readonly Finding[]): Tally & { toFillIds: string[] } {
  const byCheck = new Map<string, CheckState>();
  const toFillIds: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const was = byCheck.get(f.instance) ?? "ok";
    if (RANK[f.severity] > RANK[was]) byCheck.set(f.instance, f.severity);
    if (f.severity !== "to-fill") continue;
    for (const id of f.cells) {
      if (!seen.has(id)) {
        seen.add(id);
        toFillIds.push(id);
      }
    }
  }
  let errors = 0;
  let warnings = 0;
  for (const state of byCheck.values()) {
    if (state === "error") errors++;
    else if (state === "warning") warnings++;
  }
  return { toFill: toFillIds.length, errors, warnings, toFillIds };
}

/** The verdict on a return's findings (suggestions solved on the month's values). */
export function verdictOfFindings(
  findings: readonly Finding[],
  suggestions: readonly Suggestion[] = []
): Verdict {
  const tally = tallyOf(findings);
  return {
    status: statusOf(tally),
    toFill: tally.toFillIds,
    findings,
    suggestions,
    errors: tally.errors,
    warnings: tally.warnings,
    headline: headlineOf(tally),
  };
}

/**
 * The verdict on one return, with last month's where given (the same inputs as reconcile): its
 * findings, the cells to fill, and the likely wrong figures with the values that clear them.
 */
export function verdictOf(month: MonthInput, previous?: MonthInput): Verdict {
  // last month's return counts only when it is the same issuer's for the month before
  // (previousNotices says why not: callers show that, and it is never a finding)
  const usable = previous && previousNotices(month, previous).length === 0 ? previous : undefined;
  const findings = reconcile(month, usable);
  const suggestions = suggestionsOf(month, usable, findings);
  return verdictOfFindings(foldUnder(month.layout, findings, suggestions), suggestions);
}

/**
 * The findings with those a suspect clears told from the suspect's side (cause.ts: the check
 * cells fold the same way from the sheet's cause cell).
 */
export const foldUnder = (
  layout: Layout,
  findings: readonly Finding[],
  suggestions: readonly Suggestion[]
): Finding[] => foldFindings(layout, findings, causeOf(layout, findings, suggestions).suspects);

/**
 * The tally of a sheet's check cells from their texts, failing closed: a text that is not one of
 * the four states, and any check cell missing from `checks` expected, counts as an error.
 */
export function tallyOfTexts(texts: readonly unknown[], checks: number): Tally {
  let seen = 0;
  let toFill = 0;
  let errors = 0;
  let warnings = 0;
  for (const text of texts) {
    if (text === "" || text === null || text === undefined) continue; // no check cell there
    seen++;
    const read = stateOfText(text);
    toFill += read.toFill;
    if (read.state === "error") errors++;
    else if (read.state === "warning") warnings++;
  }
  return { toFill, errors: errors + Math.max(0, checks - seen), warnings };
}
