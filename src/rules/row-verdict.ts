import { stateOfText } from "./check-cell";
import type { CheckState } from "./verdict";

// The status column beside each table reads the check cells of its row: the worst state among
// them as a short mark, and the worst text as the reason. The states and their order are the
// verdict's own (an error above cells to fill above a warning), read by stateOfText, so the
// status column, the summary, the pane and the engine never disagree on what a text means.

/** The mark the status column shows for each state. */
export const STATUS_MARKS: Readonly<Record<CheckState, string>> = {
  ok: "\u2713",
  error: "\u2715",
  warning: "\u26A0",
  "to-fill": "to fill",
};

/** What the status column shows when a check cell of its row holds an error value: fail closed. */
export const STATUS_UNREADABLE = STATUS_MARKS.error;

/** What the reason column shows when its status reads as an error and HKMR.REASON cannot say. */
export const REASON_UNREADABLE = "Not evaluated: see this row's check cells.";

const RANK: Readonly<Record<CheckState, number>> = { error: 3, "to-fill": 2, warning: 1, ok: 0 };

/**
 * The worst state among a row's check texts and the first text of that state; blank cells are
 * skipped, anything that is not a check's text counts as an error, and no check at all reads OK.
 */
export function worstOfTexts(texts: readonly unknown[]): { state: CheckState; text: string } {
  let worst: { state: CheckState; text: string } = { state: "ok", text: "" };
  for (const text of texts) {
    if (text === "" || text === null || text === undefined) continue; // no check cell there
    const { state } = stateOfText(text);
    if (RANK[state] > RANK[worst.state])
      worst = { state, text: typeof text === "string" ? text : `Error: not a check's text` };
  }
  return worst;
}
