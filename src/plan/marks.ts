import { OK, TO_FILL_PREFIX, WARNING_PREFIX } from "../rules/check-cell";
import { a1, absolute, columnLetters, runsOf } from "./a1";
import { shiftFormula } from "./formula-tokens";
import type { Address, PlanConditionalFormat } from "./types";

// One conditional format per rule instance made the insert request mostly conditional formats
// (3,066 of them for 200 option lines). A format's formula may instead read its check cell by a
// reference with an absolute column and a relative row: every cell that lies the same number of
// rows below its own check, in the same check column, then shares one format and one formula,
// whatever the rule and the line. The count no longer grows with the lines.

/** Where a cell sits: 1-based row and column. */
interface At {
  readonly row: number;
  readonly col: number;
}

/** A cell with the key of the check that marks it. */
interface Keyed extends At {
  readonly key: string;
}

/** Cells that share a format: same check column and row offset, or (with `row`) one check. */
interface Group {
  /** Whether its checks are completeness checks, which give "To fill" and no warning. */
  readonly fills: boolean;
  readonly col: number;
  readonly offset?: number;
  readonly row?: number;
  readonly cells: Keyed[];
}

/** A check cell and the input cells its rule marks. */
export interface MarkedCheck {
  readonly key: string;
  /** A completeness check: its cells are marked "to fill" (not red) or an error, never a warning. */
  readonly fills: boolean;
  readonly at: At;
  readonly cells: readonly At[];
}

/** How one severity of mark reads a check cell (a reference), looks, and fails closed. */
interface Mark {
  readonly severity: PlanConditionalFormat["severity"];
  readonly fill: string;
  readonly fontColor: string;
  /**
   * Whether the check at the reference calls for this mark, as an expression; null where checks
   * of that kind (completeness or not) never give it.
   */
  readonly term: (check: string, fills: boolean) => string | null;
}

const starts = (check: string, prefix: string): string =>
  `LEFT(${check},${prefix.length})="${prefix}"`;

/**
 * The marks, the milder first: each add goes on top, so errors end up above the rest. Cells to
 * fill have a look of their own, not red; only a completeness check gives them.
 */
export const MARKS: readonly Mark[] = [
  {
    severity: "to-fill",
    fill: "#DDEBF7",
    fontColor: "#1F4E78",
    term: (check, fills) => (fills ? `IFERROR(${starts(check, TO_FILL_PREFIX)},FALSE())` : null),
  },
  {
    // any rule can give a warning (an E rule may fix its own severity, e.g. registered capital)
    severity: "warning",
    fill: "#FFE699",
    fontColor: "#7F6000",
    term: (check, fills) => (fills ? null : `IFERROR(${starts(check, WARNING_PREFIX)},FALSE())`),
  },
  {
    // fail closed: an error value in the check cell marks the cells as an error
    severity: "error",
    fill: "#F8CBAD",
    fontColor: "#9C0006",
    term: (check, fills) =>
      `NOT(IFERROR(OR(${check}="${OK}",${starts(check, fills ? TO_FILL_PREFIX : WARNING_PREFIX)}),FALSE()))`,
  },
];

/** How far up a format goes: milder marks first, errors above them, the likely cause on top. */
const RANK: Readonly<Record<PlanConditionalFormat["severity"], number>> = {
  "to-fill": 0,
  warning: 0,
  error: 1,
  likely: 2,
};

/** Formats from the bottom up: each one added after goes above it (a stable sort). */
export const bottomUp = (formats: readonly PlanConditionalFormat[]): PlanConditionalFormat[] =>
  [...formats].sort((p, q) => RANK[p.severity] - RANK[q.severity]);

/** Formats from the top down, for a file's priorities (1 the top; a stable sort). */
export const topDown = (formats: readonly PlanConditionalFormat[]): PlanConditionalFormat[] =>
  [...formats].sort((p, q) => RANK[q.severity] - RANK[p.severity]);

/**
 * Checks one shared format reads at most: OR takes 255 arguments, and 60 terms of about 65
 * characters stay far below the 8,192 characters of a formula.
 */
const TERMS_MAX = 60;
/** Checks that must share a cell before they share one format on it. */
const SHARED_MIN = 3;

/** Row offsets a check's cells may take and still share formats with its like by offset. */
const SPREAD = 2;

/**
 * Characters of a format's address, at most: a conservative bound that keeps each format's address short (Excel's
 * A1 reference strings in other APIs stop at 255 characters) while the count stays flat.
 */
export const MAX_ADDRESS_LENGTH = 255;

/** Keyed cells joined into column runs, sorted so that the first run holds the top row. */
function runsWithCells(
  cells: readonly Keyed[]
): { address: Address; row: number; cells: Keyed[] }[] {
  const sorted = [...cells].sort((p, q) => p.col - q.col || p.row - q.row);
  const runs: { address: Address; row: number; cells: Keyed[] }[] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    const end = run?.cells[run.cells.length - 1];
    if (run && end.col === cell.col && end.row + 1 === cell.row) run.cells.push(cell);
    else runs.push({ address: "", row: cell.row, cells: [cell] });
  }
  for (const run of runs) run.address = runsOf(run.cells)[0];
  // Excel reads a format's relative references from its range's top-left cell
  return runs.sort((p, q) => p.row - q.row || p.cells[0].col - q.cells[0].col);
}

/** Runs packed into addresses of at most MAX_ADDRESS_LENGTH characters, in order. */
function packed(runs: ReturnType<typeof runsWithCells>): ReturnType<typeof runsWithCells> {
  const out: ReturnType<typeof runsWithCells> = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.address.length + 1 + run.address.length <= MAX_ADDRESS_LENGTH) {
      out[out.length - 1] = {
        address: `${last.address},${run.address}`,
        row: last.row,
        cells: [...last.cells, ...run.cells],
      };
    } else out.push(run);
  }
  return out;
}

/**
 * The conditional formats that mark every input cell of a failing check: cells grouped by their
 * check's column and their row offset from it, one format per group and severity, each formula
 * reading the check by a reference relative to its range's top-left cell.
 */
export function conditionalFormatsOf(checks: readonly MarkedCheck[]): PlanConditionalFormat[] {
  const groups = new Map<string, Group>();
  const add = (id: string, group: Omit<Group, "cells">, cell: Keyed): void => {
    const found = groups.get(id) ?? { ...group, cells: [] };
    found.cells.push(cell);
    groups.set(id, found);
  };
  for (const check of checks) {
    const offsets = new Set(check.cells.map((cell) => cell.row - check.at.row));
    for (const cell of check.cells) {
      const keyed = { ...cell, key: check.key };
      const offset = cell.row - check.at.row;
      // a check over many rows (a total of the lines) takes one format of its own, read by an
      // absolute reference: grouped by offset, each of its lines would cost a format
      const { fills } = check;
      if (offsets.size > SPREAD)
        add(`=${check.key}`, { fills, col: check.at.col, row: check.at.row }, keyed);
      else
        add(
          `${fills ? "F" : ""}${check.at.col}:${offset}`,
          { fills, col: check.at.col, offset },
          keyed
        );
    }
  }
  const shared = sharedCells(groups);
  const chunks = [...groups.values()].flatMap((group) =>
    packed(runsWithCells(group.cells)).map((chunk) => ({ group, chunk }))
  );
  return MARKS.flatMap((mark) => [
    ...chunks.flatMap(({ group, chunk }) => {
      // the top cell's check is `offset` rows away; the relative row moves with each cell
      const term = mark.term(
        group.row === undefined
          ? `$${columnLetters(group.col)}${chunk.row - (group.offset ?? 0)}`
          : `$${columnLetters(group.col)}$${group.row}`,
        group.fills
      );
      if (term === null) return [];
      const byKey = new Map<string, Keyed[]>();
      for (const cell of chunk.cells) byKey.set(cell.key, [...(byKey.get(cell.key) ?? []), cell]);
      return [
        {
          address: chunk.address,
          formula: `=${term}`,
          severity: mark.severity,
          fill: mark.fill,
          fontColor: mark.fontColor,
          checks: [...byKey].map(([key, cells]) => ({
            key,
            address: runsOf(cells).join(","),
            ...(group.fills ? { fills: true as const } : {}),
          })),
        },
      ];
    }),
    ...shared.flatMap(({ cell, reads }) => {
      const terms = reads.flatMap((r) => {
        const term = mark.term(absolute(r.at.row, r.at.col), r.fills);
        return term === null ? [] : [{ key: r.key, fills: r.fills, term }];
      });
      if (terms.length === 0) return [];
      return [
        {
          address: a1(cell.row, cell.col),
          formula: `=OR(${terms.map((t) => t.term).join(",")})`,
          severity: mark.severity,
          fill: mark.fill,
          fontColor: mark.fontColor,
          checks: terms.map((t) => ({
            key: t.key,
            address: a1(cell.row, cell.col),
            ...(t.fills ? { fills: true as const } : {}),
          })),
        },
      ];
    }),
  ]);
}

/**
 * Takes out of `groups` the cells that many checks mark alone (the month-end date, which every
 * line's date check reads): each would cost a format per check; instead one format on the cell
 * reads them all, TERMS_MAX at a time, with absolute references.
 */
function sharedCells(
  groups: Map<string, Group>
): { cell: At; reads: { key: string; fills: boolean; at: At }[] }[] {
  const byCell = new Map<string, { id: string; key: string; fills: boolean; at: At; cell: At }[]>();
  for (const [id, group] of groups) {
    if (group.cells.length !== 1) continue;
    const [cell] = group.cells;
    const at = { col: group.col, row: group.row ?? cell.row - (group.offset ?? 0) };
    const where = a1(cell.row, cell.col);
    byCell.set(where, [
      ...(byCell.get(where) ?? []),
      { id, key: cell.key, fills: group.fills, at, cell },
    ]);
  }
  const out: { cell: At; reads: { key: string; fills: boolean; at: At }[] }[] = [];
  for (const reads of byCell.values()) {
    if (reads.length < SHARED_MIN) continue;
    for (const { id } of reads) groups.delete(id);
    for (let k = 0; k < reads.length; k += TERMS_MAX)
      out.push({ cell: reads[0].cell, reads: reads.slice(k, k + TERMS_MAX) });
  }
  return out;
}

/** The row and column of an address's first cell ("B7:C9,D2" gives row 7, column 2). */
function firstCell(address: Address): At {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address);
  if (!m) throw new RangeError(`Not an A1 address: "${address}"`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/**
 * The formula a format evaluates at the first cell of `address` (one of its checks' parts): its
 * relative references moved from the range's top-left cell, as Excel moves them.
 */
export function formulaAt(format: PlanConditionalFormat, address: Address): string {
  const [top, at] = [firstCell(format.address), firstCell(address)];
  return shiftFormula(format.formula, at.row - top.row, at.col - top.col);
}

/** Whether a format reads several checks for one cell, so its truth alone names none of them. */
export const readsMany = (format: PlanConditionalFormat): boolean =>
  format.checks.length > 1 && format.checks.every((part) => part.address === format.address);

/**
 * The formula of one severity's mark for one check cell (an A1 reference), for a completeness
 * check or another; null where that kind of check never gives the mark.
 */
export function markFormula(
  severity: PlanConditionalFormat["severity"],
  check: string,
  fills: boolean
): string | null {
  const term = MARKS.find((mark) => mark.severity === severity)!.term(check, fills);
  return term === null ? null : `=${term}`;
}
