/**
 * What the pane follows in the workbook: sheet activations (a tab switch, an insert) and the
 * edits of the sheet it shows, each asking for one re-check after its own delay.
 */
import type { WorkbookHost } from "../plan/host";

/** The delays of a re-check: after an edit (quiet time) and after a sheet is activated. */
export interface FollowDelays {
  readonly debounceMs: number;
  readonly activationMs: number;
}

/** Subscriptions to the host's events and the one timer of the next re-check. */
export class SheetFollower {
  private watched: string | null = null;
  private unwatch: (() => Promise<void>) | null = null;
  private unfollow: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly host: WorkbookHost,
    private readonly recheck: () => void,
    private readonly log: (error: unknown) => void,
    private readonly delays: FollowDelays
  ) {}

  /** Asks for a re-check whenever another sheet becomes the active one. */
  async followActivation(): Promise<void> {
    if (this.unfollow || this.disposed) return;
    try {
      const stop = await this.host.onActiveSheetChanged(() => this.schedule(true));
      if (this.disposed) await stop();
      else this.unfollow = stop;
    } catch (error) {
      this.log(error); // without activation events the pane still checks on demand
    }
  }

  /** Follows edits on one sheet (or none), dropping the previous subscription. */
  async watch(sheet: string | null): Promise<void> {
    if (this.watched === sheet) return;
    const stop = this.unwatch;
    this.watched = sheet;
    this.unwatch = null;
    if (stop) await stop().catch((error: unknown) => this.log(error));
    if (!sheet || this.disposed) return;
    try {
      const unsubscribe = await this.host.onSheetChanged(sheet, () => this.schedule());
      if (this.watched === sheet && !this.disposed) this.unwatch = unsubscribe;
      else await unsubscribe();
    } catch (error) {
      // without change events the pane still checks on demand
      if (this.watched === sheet) this.watched = null;
      this.log(error);
    }
  }

  /** Re-checks after the quiet time (an edit, a busy pane) or soon (a sheet activated). */
  schedule(activated = false): void {
    if (this.disposed) return;
    this.clear();
    const delay = activated ? this.delays.activationMs : this.delays.debounceMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.recheck();
    }, delay);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops every subscription and the timer. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.clear();
    const stops = [this.unwatch, this.unfollow];
    this.unwatch = null;
    this.unfollow = null;
    this.watched = null;
    for (const stop of stops) if (stop) await stop();
  }
}
