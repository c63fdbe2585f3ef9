// The values parser on long cells: every shape below (a prefix, one unit repeated, a suffix) is
// parsed at Excel's longest cell, 32,767 characters, and at a quarter of it. Linear work takes
// about 4 times as long for 4 times the text; a regex that backtracks takes 16 times. Run alone
// with `npx tsx scripts/bench-parse.ts`, or as rows of `npm run bench`.
import { parseCell } from "../src/values/parse";
import type { Expect } from "../src/values/types";
import type { Measure } from "./bench-host";

/** Excel's longest cell text. */
const LONGEST = 32_767;

const PREFIXES = ["", "1", "*", "(", "-", "HK$", "n", "(n", "1 a", "a", "1,", "US$1 and"];
const UNITS = [" ", "1", "1 ", "- ", "*", ")", "(", ",", "a", "/", "1,", " and", "n ", "]", "\n"];
const MORE_UNITS = [".", "HK$", "per share ", "(Note) ", "1/", "Nil ", "\u00a0", " &"];
const SUFFIXES = ["", "x", "*", ")", "1x", "a", " (Remarks)", " per share"];
const EXPECTS: readonly Expect[] = ["number", "moneyList", "date"];

/** A cell of about `length` characters: prefix, then the unit repeated, then the suffix. */
function cellOf(prefix: string, unit: string, suffix: string, length: number): string {
  const room = Math.max(0, length - prefix.length - suffix.length);
  return prefix + unit.repeat(Math.floor(room / unit.length)) + suffix;
}

/** The median time of `runs` parses of one text, in milliseconds, after one untimed parse. */
function parseTime(text: string, expect: Expect, runs: number): number {
  parseCell(text, expect); // a session's parser is compiled already: time it warm
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    parseCell(text, expect);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

interface Shape {
  readonly what: string;
  readonly expect: Expect;
  readonly cell: (length: number) => string;
}

function shapes(): Shape[] {
  const out: Shape[] = [];
  for (const expect of EXPECTS) {
    for (const prefix of PREFIXES) {
      for (const unit of [...UNITS, ...MORE_UNITS]) {
        for (const suffix of SUFFIXES) {
          out.push({
            what: `${expect} ${JSON.stringify(prefix)} + ${JSON.stringify(unit)}... + ${JSON.stringify(suffix)}`,
            expect,
            cell: (length) => cellOf(prefix, unit, suffix, length),
          });
        }
      }
    }
  }
  return out;
}

/** A shape's time at the longest cell and its growth from a quarter of it, `runs` runs each. */
function timed(shape: Shape, runs: number): { ms: number; ratio: number } {
  const whole = parseTime(shape.cell(LONGEST), shape.expect, runs);
  const quarter = parseTime(shape.cell(Math.floor(LONGEST / 4)), shape.expect, runs);
  // growth is read only above the timer's noise
  return { ms: whole, ratio: whole > 0.5 ? whole / Math.max(quarter, 0.05) : 0 };
}

/**
 * The slowest long cell and the steepest growth from a quarter of the length to the whole. On a
 * shared machine a single run can stall: every shape is timed briefly, then the 20 slowest and
 * steepest again with more runs, and those figures are reported.
 */
export function longCellFigures(): Measure[] {
  const all = shapes();
  const first = all.map((shape) => ({ shape, ...timed(shape, 3) }));
  const top = (key: "ms" | "ratio") =>
    [...first]
      .sort((a, b) => b[key] - a[key])
      .slice(0, 20)
      .map((r) => r.shape);
  const again = [...new Set([...top("ms"), ...top("ratio")])].map((shape) => ({
    shape,
    ...timed(shape, 15),
  }));
  const worst = again.reduce((a, b) => (b.ms > a.ms ? b : a));
  const steepest = again.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return [
    {
      measure: `parse a 32,767-character cell, slowest of ${all.length} shapes (${worst.shape.what})`,
      value: +worst.ms.toFixed(2),
      unit: "ms",
      target: "< 10 ms",
      ok: worst.ms < 10,
    },
    {
      measure: `parse time, 32,767 vs 8,191 characters, steepest shape (${steepest.shape.what})`,
      value: +steepest.ratio.toFixed(1),
      unit: "x (4 = linear)",
      target: "about 4 (reported)",
    },
  ];
}

if (require.main === module) {
  for (const row of longCellFigures()) {
    console.log(`${row.measure}: ${row.value} ${row.unit} [${row.target ?? ""}]`);
  }
}
