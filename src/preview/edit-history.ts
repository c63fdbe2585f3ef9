/**
 * The preview's undo and redo: each edit as the raw contents of its cells before and after, as
 * Ctrl+Z and Ctrl+Y take them back and make them again. No engine here: the workbook replays.
 */
import type { RawCellContent } from "hyperformula";
import type { Cell } from "./workbook";

/** How many edits Ctrl+Z can take back (Excel keeps 100). */
const UNDO_DEPTH = 100;

/** A cell's raw content before and after one edit. */
export interface CellContents extends Cell {
  readonly before: RawCellContent;
  readonly after: RawCellContent;
}

/** One edit of a sheet, as undo takes it back. */
export interface EditRecord {
  readonly sheet: string;
  readonly contents: readonly CellContents[];
}

/** The edits that can be undone, and those undone that can be made again. */
export class EditHistory {
  private readonly done: EditRecord[] = [];
  private readonly undone: EditRecord[] = [];

  /** Records a new edit; what was undone can no longer be redone. */
  push(record: EditRecord): void {
    this.done.push(record);
    if (this.done.length > UNDO_DEPTH) this.done.shift();
    this.undone.length = 0;
  }

  /** The last edit of a sheet that still exists, moved to the redo list; null when none. */
  undo(exists: (sheet: string) => boolean): EditRecord | null {
    return move(this.done, this.undone, exists);
  }

  /** The last edit undone, moved back to the undo list; null when none. */
  redo(exists: (sheet: string) => boolean): EditRecord | null {
    return move(this.undone, this.done, exists);
  }
}

function move(
  from: EditRecord[],
  to: EditRecord[],
  exists: (sheet: string) => boolean
): EditRecord | null {
  let record = from.pop();
  // an edit of a sheet removed since cannot be replayed
  while (record && !exists(record.sheet)) record = from.pop();
  if (!record) return null;
  to.push(record);
  return record;
}
