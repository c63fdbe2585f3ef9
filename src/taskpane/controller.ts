/**
 * The task pane's behaviour without a DOM: insert a template, check the active return, roll it
 * forward. It talks to the workbook only through a WorkbookHost and tells its view through state.
 */
import { formVersion } from "../form";
import { isLimitError } from "../form";
import { isHostError, type SheetReturn, type WorkbookHost } from "../plan/host";
import { rollForward } from "../plan/roll-forward";
import { planTemplate } from "../plan/template";
import { checkReturn, previousForInsert } from "./check";
import { readStored, recallInsert, storeInsert, type PaneStorage } from "./insert-memory";
import { SheetFollower } from "./follow";
import { makeFix, stillAsked, undoFix, whereOf } from "./fix";
import {
  defaultInsert,
  planRequestOf,
  updatedInsert,
  validateInsert,
  type InsertErrors,
  type InsertInput,
} from "./insert-form";
import {
  localToday,
  NO_RETURN,
  UNEXPECTED,
  unknownForm,
  type Action,
  type Cause,
  type ControllerOptions,
  type PaneState,
  type Status,
} from "./pane-state";

export type { CheckResult, CheckView } from "./check";
export type { FixState } from "./fix";
export type { Action, ControllerOptions, PaneState, Status } from "./pane-state";

/**
 * The pane's controller: holds the state, runs the actions, and keeps the verdict on the sheet
 * in view (re-checked after a tab switch, an insert, a roll forward and an edit).
 */
export class PaneController {
  private current: PaneState;
  private readonly listeners = new Set<(state: PaneState) => void>();
  private readonly log: (error: unknown) => void;
  private readonly causes = new WeakMap<Status, Cause>();
  private validated = false;
  private readonly follower: SheetFollower;
  private disposed = false;
  private running: Promise<void> | null = null;
  private readonly storage: PaneStorage | undefined;

  constructor(
    private readonly host: WorkbookHost,
    options: ControllerOptions = {}
  ) {
    this.log = options.log ?? ((error) => console.error(error));
    this.storage = options.storage;
    this.follower = new SheetFollower(host, () => void this.recheck(), this.log, {
      debounceMs: options.debounceMs ?? 500,
      activationMs: options.activationMs ?? 0,
    });
    const missing = host.missingRequirements();
    this.current = {
      missing,
      busy: null,
      status: null,
      input: recallInsert(defaultInsert((options.today ?? localToday)()), readStored(this.storage)),
      errors: {},
      check: { kind: "idle" },
      fix: null,
    };
  }

  /**
   * Follows the workbook: checks the sheet in view now and again whenever another sheet
   * becomes the active one (a tab switch, an insert), so the verdict always speaks of it.
   */
  async start(): Promise<void> {
    if (this.current.missing.length > 0 || this.disposed) return;
    await this.follower.followActivation();
    await this.recheck();
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
    storeInsert(this.storage, input);
    // messages appear on submit, then follow the user's corrections
    const errors = this.validated ? validateInsert(input) : {};
    // the form's message follows its fields: fewer problems, fewer words; none, no message
    if (this.causeOfStatus() === "form")
      this.set({ input, errors, status: this.formStatus(errors) });
    else this.set({ input, errors });
  }

  /** "2 fields need attention: ...", or null when the form has no problem. */
  private formStatus(errors: InsertErrors): Status | null {
    const count = Object.keys(errors).length;
    if (count === 0) return null;
    const first = Object.values(errors)[0];
    const fields = count === 1 ? "1 field needs" : `${count} fields need`;
    return this.about({ kind: "error", text: `${fields} attention: ${first}.` }, "form");
  }

  /** Inserts a new return sheet from the form, naming last month's sheet when there is one. */
  async insert(): Promise<void> {
    if (!(await this.readyAfterRunning())) return;
    this.validated = true;
    const errors = validateInsert(this.current.input);
    const status = this.formStatus(errors);
    if (status) {
      this.set({ errors, status });
      return;
    }
    await this.run("insert", "Inserting the template...", async () => {
      const request = planRequestOf(this.current.input);
      const alone = planTemplate(request.formId, request.shape, request.header);
      // last month's sheet of another issuer or form family is not linked: its checks would mislead
      const { sheetName: previous, notices } = await previousForInsert(this.host, alone);
      const plan = previous
        ? planTemplate(request.formId, request.shape, {
            ...request.header,
            previousSheet: previous,
          })
        : alone;
      const { sheetName } = await this.host.insertTemplate(plan);
      await this.showCheck(await this.host.readActiveReturn(), false);
      const compared = previous
        ? ` (its cross-month checks read ${previous})`
        : notices.length
          ? ` without checks against last month's sheet: ${notices.join(" ")}`
          : "";
      return { kind: "success", text: `Inserted ${sheetName}${compared}.` };
    });
  }

  /** Checks the return on the active sheet, against last month's when the workbook has it. */
  async check(): Promise<void> {
    if (!(await this.readyAfterRunning())) return;
    await this.run("check", "Checking...", async () => {
      const found = await this.host.readActiveReturn();
      return this.showCheck(found, true);
    });
  }

  /**
   * Checks the active sheet again, quietly (after an edit, a tab switch or at start): it reads,
   * never writes, and the status line keeps its words unless they spoke of the sheet in view.
   */
  private async recheck(): Promise<void> {
    if (this.disposed || this.current.missing.length > 0) return;
    if (!this.ready) {
      if (this.current.busy !== null) this.follower.schedule(); // try again once the action ends
      return;
    }
    await this.run("check", null, async () => {
      let found: SheetReturn | null;
      try {
        found = await this.host.readActiveReturn();
      } catch (error) {
        if (!isHostError(error) || error.code !== "editMode") throw error;
        this.follower.schedule(); // the user is typing in a cell: read once they are done
        return null;
      }
      return this.showCheck(found, false);
    });
  }

  /**
   * Shows the verdict on a return (or that there is none) and follows that sheet's edits; a
   * status line comes back when asked for (`said`), or to replace words about the last sheet.
   */
  private async showCheck(found: SheetReturn | null, said: boolean): Promise<Status | null> {
    const check = found ? await checkReturn(this.host, found) : null;
    const fix = stillAsked(this.current.fix, check);
    if (check?.kind !== "result") {
      await this.follower.watch(null);
      this.set({ check: check ?? { kind: "noReturn" }, fix });
      return this.sheetStatus(found ? unknownForm(found) : { kind: "info", text: NO_RETURN }, said);
    }
    this.set({ check, fix });
    await this.follower.watch(check.sheetName);
    return this.sheetStatus(
      { kind: "info", text: `Checked ${check.sheetName}: ${check.headline}.` },
      said
    );
  }

  /** A status about the sheet in view, when it was asked for; otherwise old words about a sheet go. */
  private sheetStatus(status: Status, said: boolean): Status | null {
    if (said) return this.about(status, "sheet");
    if (this.causeOfStatus() === "sheet") this.set({ status: null });
    return null;
  }

  /** Marks a status with its cause, so that it can be cleared once the cause is gone. */
  private about(status: Status, cause: Cause): Status {
    this.causes.set(status, cause);
    return status;
  }

  private causeOfStatus(): Cause | undefined {
    const status = this.current.status;
    return status ? this.causes.get(status) : undefined;
  }

  /** Creates next month's sheet from the active return; the active sheet is only read. */
  async rollForward(): Promise<void> {
    if (!(await this.readyAfterRunning())) return;
    await this.run("rollForward", "Rolling forward...", async () => {
      const source = await this.host.readActiveReturn();
      if (!source) return this.about({ kind: "info", text: NO_RETURN }, "sheet");
      if (!formVersion(source.formId)) return unknownForm(source);
      const header = rollForward(source);
      const plan = planTemplate(source.formId, source.shape, header);
      const { sheetName } = await this.host.insertTemplate(plan);
      await this.showCheck(await this.host.readActiveReturn(), false);
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

  /** Asks to write a suggestion's value into its cell: the pane shows old -> new for a yes. */
  proposeFix(field: string): void {
    const check = this.current.check;
    const found = check.kind === "result" && check.suggestions.find((s) => s.field === field);
    if (!found || check.kind !== "result" || !this.ready) return;
    const { address, label, current, value } = found;
    const fix = { kind: "confirm", sheetName: check.sheetName, field, address, label } as const;
    this.set({ fix: { ...fix, from: current, to: value } });
  }

  /** Drops the question "Use ...?" without writing anything. */
  cancelFix(): void {
    if (this.current.fix?.kind === "confirm") this.set({ fix: null });
  }

  /** Writes the confirmed value into its one cell, checks the sheet again and offers Undo. */
  async confirmFix(): Promise<void> {
    const fix = this.current.fix;
    if (fix?.kind !== "confirm" || !(await this.readyAfterRunning())) return;
    await this.run("fix", `Writing ${fix.to} into ${whereOf(fix)}...`, async () => {
      this.set({ fix: await makeFix(this.host, fix) });
      await this.showCheck(await this.host.readActiveReturn(), false);
      return { kind: "success", text: `Wrote ${fix.to} into ${whereOf(fix)}. Undo puts it back.` };
    });
  }

  /** Puts back what the cell held before the last "Use", unless it has changed since. */
  async undoFix(): Promise<void> {
    const fix = this.current.fix;
    if (fix?.kind !== "done" || !(await this.readyAfterRunning())) return;
    await this.run("fix", `Putting ${fix.from} back into ${whereOf(fix)}...`, async () => {
      const status = await undoFix(this.host, fix);
      this.set({ fix: null });
      await this.showCheck(await this.host.readActiveReturn(), false);
      return status;
    });
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

  /** Stops following edits and ignores whatever is still running. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.listeners.clear();
    await this.follower.dispose();
  }
}
