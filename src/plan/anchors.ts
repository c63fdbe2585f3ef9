import type { Layout } from "../form";
import type { Instance } from "../rules/compile";
import type { SheetBuilder } from "./sheet";

// A check cell sits on the row of the first of its cells, beside what it checks. A class block of
// FF301 has many checks on few rows (roll-forwards, treasury sums, month continuity, readable
// figures): there a row takes a few, and the next go to the block's other rows, nearest first.

/** How many check cells a row of a block takes before the next go to another row of the block. */
export const CHECKS_PER_ROW = 3;

/** The rows of each group's input cells (a block or a line) but its remark's, in order. */
function rowsByGroup(layout: Layout, sheet: SheetBuilder): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [id, at] of sheet.fieldAt) {
    const field = layout.byId.get(id);
    if (!field || field.kind === "remark") continue;
    const group = field.group;
    const rows = out.get(group) ?? [];
    if (!rows.includes(at.row)) rows.push(at.row);
    out.set(group, rows);
  }
  for (const rows of out.values()) rows.sort((p, q) => p - q);
  return out;
}

/**
 * How the check cells of a plan find their rows: beside the first of their cells on this sheet;
 * with `spread`, a full row passes a check to the next row of its own cells in the same block,
 * else to the block's nearest row with room, else back to the first cell's row.
 */
export function anchorsOf(
  layout: Layout,
  sheet: SheetBuilder,
  spread: boolean
): (instance: Instance) => number {
  const groups = spread ? rowsByGroup(layout, sheet) : new Map<string, number[]>();
  return (instance) => {
    const own: number[] = [];
    let group: string | undefined;
    for (const cell of instance.cells) {
      const at = !cell.prev && sheet.fieldAt.get(cell.id);
      if (!at) continue;
      const g = layout.byId.get(cell.id)?.group;
      group ??= g;
      if (g === group && !own.includes(at.row)) own.push(at.row);
    }
    if (own.length === 0) return 2;
    if (!spread) return own[0];
    const first = own[0];
    const block = [...(groups.get(group ?? "") ?? [])].sort(
      (p, q) => Math.abs(p - first) - Math.abs(q - first) || p - q
    );
    const room = (row: number): boolean => sheet.checksOn(row) < CHECKS_PER_ROW;
    return own.find(room) ?? block.find(room) ?? first;
  };
}
