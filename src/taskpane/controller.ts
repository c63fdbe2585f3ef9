/**
 * The task pane's behaviour without a DOM: insert a template, check the active return, roll it
 * forward. It talks to the workbook only through a WorkbookHost and tells its view through state.
 */
import { formVersion } from "../form";
import { isLimitError } from "../form";
import { isHostError, type SheetReturn, type WorkbookHost } from "../plan/host";
import { rollForward } from "../plan/roll-forward";
import { planTemplate } from "../plan/template";
import type { YMD } from "../values/dates";
import { checkReturn, findPrevious, type CheckView } from "./check";
import { countsText } from "./findings";
import {
  defaultInsert,
  planRequestOf,
  updatedInsert,
  validateInsert,
  type InsertErrors,
  type InsertInput,
} from "./insert-form";

export type { CheckResult, CheckView } from "./check";

/** What the pane is doing; one action at a time. */
export type Action = "insert" | "check" | "rollForward";

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
  readonly check: CheckView;
}

/** Options for tests and hosts: the clock and the re-check delay. */
export interface ControllerOptions {
  /** Today's date, for the default month ended (default: the machine's local date). */
  readonly today?: () => YMD;
  /** Quiet time after the last edit before a re-check, in ms (default 500). */
  readonly debounceMs?: number;
  /** Where unexpected errors go (default console.error); the pane shows a plain message. */
  readonly log?: (error: unknown) => void;
}

const UNEXPECTED = "Something went wrong. Try again; if it keeps happening, reload the add-in.";
const NO_RETURN =
  "The active sheet holds no monthly return. Select a return sheet made by this add-in, or insert a new one.";

const localToday = (): YMD => {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
};

/** Says that a sheet's form version is newer than this add-in. */
const unknownForm = (found: SheetReturn): Status => ({
  kind: "error",
  text: `${found.sheetName} uses form version "${found.formId}", which this add-in does not know. Update the add-in.`,
});

/** The pane's controller: holds the state, runs the actions, re-checks after edits. */
export class PaneController {
  private current: PaneState;
  private readonly listeners = new Set<(state: PaneState) => void>();
  private readonly debounceMs: number;
  private readonly log: (error: unknown) => void;
  private validated = false;
  private watched: string | null = null;
  private unwatch: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly host: WorkbookHost,
    options: ControllerOptions = {}
  ) {
    this.debounceMs = options.debounceMs ?? 500;
    this.log = options.log ?? ((error) => console.error(error));
    const missing = host.missingRequirements();
    this.current = {
      missing,
      busy: null,
      status: null,
      input: defaultInsert((options.today ?? localToday)()),
      errors: {},
      check: { kind: "idle" },
    };
  }

  /** The current state. */
  get state(): PaneState {
    return this.current;
  }

  /** Calls `listener` after every change of state; returns an unsubscribe. */
  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<PaneState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }

  /**
   * Waits for the action under way (a re-check after an edit, say), so that a click made
   * meanwhile runs after it instead of being lost; then whether actions may run.
   */
  private async readyAfterRunning(): Promise<boolean> {
    while (this.running) await this.running;
    return this.ready;
  }

  /** Whether actions may run: the host has what they need and none is running. */
  get ready(): boolean {
    return this.current.missing.length === 0 && this.current.busy === null && !this.disposed;
  }

  /** Changes what the form holds; a new form version keeps what it can of what was typed. */
  updateInsert(patch: Partial<InsertInput>): void {
    const input = updatedInsert(this.current.input, patch);
    // messages appear on submit, then follow the user's corrections
    this.set({ input, errors: this.validated ? validateInsert(input) : {} });
  }

  /** Inserts a new return sheet from the form, naming last month's sheet when there is one. */
  async insert(): Promise<void> {
    if (!(await this.readyAfterRunning())) return;
    this.validated = true;
    const errors = validateInsert(this.current.input);
    const count = Object.keys(errors).length;
    if (count > 0) {
      const first = Object.values(errors)[0];
      const fields = count === 1 ? "1 field needs" : `${count} fields need`;
      this.set({ errors, status: { kind: "error", text: `${fields} attention: ${first}.` } });
      return;
    }
    await this.run("insert", "Inserting the template...", async () => {
      const request = planRequestOf(this.current.input);
      const previous = await findPrevious(this.host, request.header.monthEnded ?? "", null);
      const header = previous ? { ...request.header, previousSheet: previous } : request.header;
      const plan = planTemplate(request.formId, request.shape, header);
      const { sheetName } = await this.host.insertTemplate(plan);
      const compared = previous ? ` (its cross-month checks read ${previous})` : "";
      return { kind: "success", text: `Inserted ${sheetName}${compared}.` };
    });
  }

  /** Checks the return on the active sheet, against last month's when the workbook has it. */
  async check(): Promise<void> {
    if (!(await this.readyAfterRunning())) return;
    await this.run("check", "Checking...", async () => {
      const found = await this.host.readActiveReturn();
      return this.showCheck(found);
    });
  }

  /** Re-checks the sheet being watched after edits (reads that sheet, never writes to it). */
  private async recheck(): Promise<void> {
    const sheet = this.watched;
    if (!sheet || this.disposed) return;
    if (!this.ready) {
      if (this.current.busy !== null) this.scheduleRecheck(); // try again once the action ends
      return;
    }
    // quietly: the status area keeps its last words until the new result is in
    await this.run("check", null, async () => {
      let found: SheetReturn | null;
      try {
        found = await this.host.readReturn(sheet);
      } catch (error) {
        if (!isHostError(error) || error.code !== "editMode") throw error;
        this.scheduleRecheck(); // the user is typing in a cell: read once they are done
        return null;
      }
      if (found) return this.showCheck(found);
      await this.watch(null);
      this.set({ check: { kind: "noReturn" } });
      return { kind: "info", text: `${sheet} no longer holds a monthly return.` };
    });
  }

  private async showCheck(found: SheetReturn | null): Promise<Status> {
    const check = found ? await checkReturn(this.host, found) : null;
    if (check?.kind !== "result") {
      await this.watch(null);
      this.set({ check: check ?? { kind: "noReturn" } });
      return found ? unknownForm(found) : { kind: "info", text: NO_RETURN };
    }
    this.set({ check });
    await this.watch(check.sheetName);
    const empty = check.counts.errors + check.counts.warnings === 0;
    return {
      kind: "info",
      text: `Checked ${check.sheetName}: ${empty ? "all checks pass" : countsText(check.counts)}.`,
    };
  }

  /** Creates next month's sheet from the active return; the active sheet is only read. */
  async rollForward(): Promise<void> {
    if (!(await this.readyAfterRunning())) return;
    await this.run("rollForward", "Rolling forward...", async () => {
      const source = await this.host.readActiveReturn();
      if (!source) return { kind: "info", text: NO_RETURN };
      if (!formVersion(source.formId)) return unknownForm(source);
      const header = rollForward(source);
      const plan = planTemplate(source.formId, source.shape, header);
      const { sheetName } = await this.host.insertTemplate(plan);
      return {
        kind: "success",
        text: `Created ${sheetName} from ${source.sheetName}; ${source.sheetName} is unchanged.`,
      };
    });
  }

  /** Selects the first cell a finding names on the checked sheet. */
  async selectFinding(cells: readonly string[]): Promise<void> {
    const check = this.current.check;
    const field = cells[0];
    if (check.kind !== "result" || !field || this.disposed) return;
    try {
      await this.host.selectField(check.sheetName, field);
    } catch (error) {
      this.set({ status: this.failure(error) });
    }
  }

  /**
   * Runs an action: busy while it runs, its outcome or failure in the status area (a null
   * outcome leaves the status as it was).
   */
  private async run(
    action: Action,
    working: string | null,
    body: () => Promise<Status | null>
  ): Promise<void> {
    this.set(
      working ? { busy: action, status: { kind: "info", text: working } } : { busy: action }
    );
    const done = (async () => {
      let status: Status | null;
      try {
        status = await body();
      } catch (error) {
        status = this.failure(error);
      }
      if (!this.disposed) this.set(status ? { busy: null, status } : { busy: null });
    })();
    this.running = done;
    await done;
    if (this.running === done) this.running = null;
  }

  private failure(error: unknown): Status {
    if (isHostError(error) || isLimitError(error)) return { kind: "error", text: error.message };
    this.log(error);
    return { kind: "error", text: UNEXPECTED };
  }

  /** Follows edits on one sheet (or none), dropping the previous subscription. */
  private async watch(sheet: string | null): Promise<void> {
    if (this.watched === sheet) return;
    const stop = this.unwatch;
    this.watched = sheet;
    this.unwatch = null;
    this.clearTimer();
    if (stop) await stop().catch((error: unknown) => this.log(error));
    if (!sheet || this.disposed) return;
    try {
      const unsubscribe = await this.host.onSheetChanged(sheet, () => this.scheduleRecheck());
      if (this.watched === sheet && !this.disposed) this.unwatch = unsubscribe;
      else await unsubscribe();
    } catch (error) {
      // without change events the pane still checks on demand
      if (this.watched === sheet) this.watched = null;
      this.log(error);
    }
  }

  private scheduleRecheck(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.recheck();
    }, this.debounceMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops following edits and ignores whatever is still running. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.clearTimer();
    this.listeners.clear();
    const stop = this.unwatch;
    this.unwatch = null;
    this.watched = null;
    if (stop) await stop();
  }
}
