import { a1, runsOf } from "./a1";
import { CAUSE_NAME } from "./cause";
import { MAX_ADDRESS_LENGTH } from "./marks";
import type { Address, PlanConditionalFormat } from "./types";

// One slip reads in every check that holds its cell, and each check marks all its cells: five
// red cells for one mistyped figure. The cell the cause names (the likely wrong figure) gets a
// mark of its own on top, darker, so the eye goes there first. The format reads the cause cell
// natively: whether the cause's data names this cell's own address.

/** The look of the likely wrong figure, above its checks' marks. */
export const LIKELY = { severity: "likely", fill: "#C00000", fontColor: "#FFFFFF" } as const;

/**
 * Whether the cause names the cell at `cell` (a relative reference that moves with each cell of
 * the format): its data holds `"address":"B27"` for each likely cell. CHAR(34) is the quote,
 * which HyperFormula cannot read doubled inside a text.
 */
export const likelyFormula = (cell: Address): string =>
  `=ISNUMBER(SEARCH(CHAR(34)&"address"&CHAR(34)&":"&CHAR(34)&ADDRESS(ROW(${cell}),COLUMN(${cell}),4)&CHAR(34),${CAUSE_NAME}))`;

/**
 * The formats that mark the likely wrong figure among `cells` (the figure inputs): one column
 * each, so that the formula's references move from the top cell of its ranges by rows only and
 * by columns not at all, whatever cell Excel anchors a range of several areas at.
 */
export function likelyFormatsOf(
  cells: readonly { row: number; col: number }[]
): PlanConditionalFormat[] {
  const byColumn = new Map<number, { row: number; col: number }[]>();
  for (const cell of cells) byColumn.set(cell.col, [...(byColumn.get(cell.col) ?? []), cell]);
  const out: PlanConditionalFormat[] = [];
  for (const [col, column] of [...byColumn].sort(([p], [q]) => p - q)) {
    const runs = runsOf(column); // top to bottom: the first run holds the top cell
    let address = "";
    let top = 0;
    const flush = () => {
      if (!address) return;
      out.push({ ...LIKELY, address, formula: likelyFormula(a1(top, col)), checks: [] });
      address = "";
    };
    for (const run of runs) {
      if (address && address.length + 1 + run.length > MAX_ADDRESS_LENGTH) flush();
      if (!address) top = Number(/\d+/.exec(run)![0]);
      address = address ? `${address},${run}` : run;
    }
    flush();
  }
  return out;
}
