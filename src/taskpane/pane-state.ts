/** The pane's state as its view reads it, and the controller's options. */
import type { YMD } from "../values/dates";
import type { CheckView } from "./check";
import type { FixState } from "./fix";
import type { InsertErrors, InsertInput } from "./insert-form";

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
}
