/**
 * "Use 1,000,250,000": the one-cell change the pane offers for the likely wrong figure, first
 * to confirm (old -> new), then made and undoable, because Excel empties its own undo stack
 * when an add-in writes to the workbook.
 */
import type { CellContent, WorkbookHost } from "../plan/host";
import type { CheckView } from "./check";

/** One cell to change: where it is, what it holds as typed and what it would hold. */
export interface FixTarget {
  readonly sheetName: string;
  readonly field: string;
  /** The cell's address ("B36"), or "" when the host could not say. */
  readonly address: string;
  /** The form's words for the cell. */
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** A change waiting for the user's yes, or one made that the pane can put back. */
export type FixState =
  | ({ readonly kind: "confirm" } & FixTarget)
  | ({
      readonly kind: "done";
      /** What the cell held before, as the host read it in the write's own sync. */
      readonly previous: CellContent;
      /** What the pane wrote. */
      readonly written: CellContent;
    } & FixTarget);

// a figure as the form writes it: digits with thousands commas, a sign, decimals
const FIGURE = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/**
 * What to write for a value as the form writes it: a figure as a number (so that Excel stores
 * a number whatever the user's locale reads "1,000" as), anything else ("Nil") as text.
 */
export function contentOfValue(value: string): CellContent {
  const text = value.trim();
  if (text === "") return null;
  const m = FIGURE.exec(text);
  if (!m) return text;
  const n = Number(`${m[2].replace(/,/g, "")}${m[3] ?? ""}`);
  return m[1] ? -n : n;
}

/**
 * A cell's raw value as the form writes it, for old -> new: a number with thousands commas
 * ("1,000,250,001"), text as it is, a blank cell as "blank".
 */
export function shownValue(raw: unknown): string {
  if (raw === null || raw === undefined || raw === "") return "blank";
  if (typeof raw === "number") return raw.toLocaleString("en-US", { maximumFractionDigits: 10 });
  return typeof raw === "string" ? raw : JSON.stringify(raw);
}

/** Whether a cell's raw value (as read back) is still what the pane wrote there. */
export function holds(raw: unknown, written: CellContent): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(raw) || blank(written)) return blank(raw) && blank(written);
  if (typeof written === "number" && typeof raw === "string")
    return contentOfValue(raw) === written;
  return raw === written;
}

/** "B36 on MR 2026-06", or the form's words for the cell when the host gave no address. */
export const whereOf = (fix: FixTarget): string =>
  `${fix.address || fix.label} on ${fix.sheetName}`;

/** Writes a confirmed change into its one cell: the change made, with what the cell held. */
export async function makeFix(
  host: WorkbookHost,
  fix: FixTarget
): Promise<Extract<FixState, { kind: "done" }>> {
  const written = contentOfValue(fix.to);
  const { previous } = await host.writeField(fix.sheetName, fix.field, written);
  return { ...fix, kind: "done", previous, written };
}

/**
 * Puts back what a cell held before a change the pane made, unless the cell has changed since
 * (then it is left as the user made it); the words for the status line.
 */
export async function undoFix(
  host: WorkbookHost,
  fix: Extract<FixState, { kind: "done" }>
): Promise<{ readonly kind: "success" | "error"; readonly text: string }> {
  const now = await host.readReturn(fix.sheetName);
  if (!now || !holds(now.values[fix.field], fix.written))
    return {
      kind: "error",
      text: `${whereOf(fix)} has changed since ${fix.to} was written there, so Undo left it as it is.`,
    };
  await host.writeField(fix.sheetName, fix.field, fix.previous);
  return { kind: "success", text: `Put ${fix.from} back into ${whereOf(fix)}.` };
}

/** The fix still in play once `check` is shown: a question whose suggestion is gone is dropped. */
export function stillAsked(fix: FixState | null, check: CheckView | null): FixState | null {
  if (fix?.kind !== "confirm") return fix;
  const offered =
    check?.kind === "result" &&
    check.sheetName === fix.sheetName &&
    check.suggestions.some((s) => s.field === fix.field && s.value === fix.to);
  return offered ? fix : null;
}
