/** The pane's state as its view reads it, the controller's options and its standing words. */
import type { SheetReturn } from "../plan/host";
import type { YMD } from "../values/dates";
import type { CheckView } from "./check";
import type { FixState } from "./fix";
import type { InsertErrors, InsertInput } from "./insert-form";
import type { PaneStorage } from "./insert-memory";

/** What the pane is doing; one action at a time. */
export type Action = "insert" | "check" | "rollForward" | "fix";

/** A line for the status area; `kind` also picks its icon and leading word. */
export interface Status {
  readonly kind: "info" | "success" | "error";
  readonly text: string;
}

/** Everything the view shows. */
export interface PaneState {
  /** API sets the host lacks; while any, every action is disabled. */
  readonly missing: readonly string[];
  readonly busy: Action | null;
  readonly status: Status | null;
  readonly input: InsertInput;
  readonly errors: InsertErrors;
  /** The verdict on the active sheet (it names the sheet), or why there is none. */
  readonly check: CheckView;
  /** The change "Use" is about to make (waiting for a yes), or the last one made (undoable). */
  readonly fix: FixState | null;
}

/** Options for tests and hosts: the clock and the re-check delay. */
export interface ControllerOptions {
  /** Today's date, for the default month ended (default: the machine's local date). */
  readonly today?: () => YMD;
  /** Quiet time after the last edit before a re-check, in ms (default 500). */
  readonly debounceMs?: number;
  /** Delay after a sheet becomes active before the pane checks it, in ms (default 0). */
  readonly activationMs?: number;
  /** Where unexpected errors go (default console.error); the pane shows a plain message. */
  readonly log?: (error: unknown) => void;
  /** Where the insert form's last entries are kept for this workbook (none: not remembered). */
  readonly storage?: PaneStorage;
}

/** What the pane says of a failure it did not foresee (the error itself goes to the log). */
export const UNEXPECTED =
  "Something went wrong. Try again; if it keeps happening, reload the add-in.";
/** What the pane says when the sheet in view holds no return. */
export const NO_RETURN =
  "The active sheet holds no monthly return. Select a return sheet made by this add-in, or insert a new one.";

/** Today in the machine's time zone. */
export const localToday = (): YMD => {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
};

/**
 * Why the status line says what it says, so that it is cleared once its cause is gone: "form"
 * for the insert form's problems, "sheet" for words about the sheet that was in view.
 */
export type Cause = "form" | "sheet";

/** Says that a sheet's form version is newer than this add-in. */
export const unknownForm = (found: SheetReturn): Status => ({
  kind: "error",
  text: `${found.sheetName} uses form version "${found.formId}", which this add-in does not know. Update the add-in.`,
});
