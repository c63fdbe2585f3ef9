import type { Compiled, KindCompiler, Outcome, Scope } from "../compile";
import type { CellRef } from "../read";
import type { ReadingsRule, Rule } from "../types";

const NONE: readonly Outcome[] = [];

/**
 * One check under several readings of the form: each reading is a rule of its own kind, compiled
 * in the same scope. The instance reads every reading's cells; it holds where an accepted reading
 * holds, is a note where only a "warning" reading holds, and else reports the first accepted
 * reading's findings.
 */
export function readings(
  rule: ReadingsRule,
  scope: Scope,
  compile: (rule: Rule, scope: Scope) => Compiled | null
): Compiled | null {
  const compiled = rule.readings.map((r) => ({ ...r, compiled: compile(r.rule, scope) }));
  const live = compiled.filter((r) => r.compiled !== null);
  const first = live.find((r) => r.accept === "accepted");
  if (!first) return null;
  const cells: CellRef[] = [];
  const seen = new Set<string>();
  for (const r of live) {
    for (const c of r.compiled!.cells) {
      const key = `${c.prev ? "prev:" : ""}${c.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        cells.push(c);
      }
    }
  }
  const extra = live.flatMap((r) => r.compiled!.extra ?? []);
  const runs = live.map((r) => ({ reading: r.reading, accept: r.accept, run: r.compiled!.run }));
  const solvers = live.filter((r) => r.accept === "accepted").map((r) => r.compiled!.solve);
  return {
    cells,
    extra,
    // a value that makes any accepted reading hold makes the check hold
    solve: (ctx, id) => solvers.flatMap((solve) => (solve ? solve(ctx, id) : [])),
    run(ctx) {
      let firstOutcomes: readonly Outcome[] | null = null;
      let noted: string | null = null;
      for (const r of runs) {
        const outcomes = r.run(ctx);
        if (outcomes.length === 0) {
          if (r.accept === "accepted") return NONE;
          noted ??= r.reading;
        } else if (r.accept === "accepted") firstOutcomes ??= outcomes;
      }
      if (noted !== null) {
        return [{ code: "readings.noted", severity: "warning", params: { reading: noted } }];
      }
      return firstOutcomes ?? NONE;
    },
  };
}

export type ReadingsCompiler = KindCompiler<ReadingsRule>;
