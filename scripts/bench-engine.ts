// The engine's batch: 10,000 generated returns reconciled five times over, as returns per second
// (median) and heap growth. `npm run bench` runs it in its own process under tsx, as the hkmr
// command runs, and as one bundled script, as the add-in ships the engine in functions.js. Run as
// a script it prints its figures as JSON.
import { formVersion, layoutOf } from "../src/form";
import { checksOf, reconcile, type MonthInput } from "../src/rules/reconcile";
import { generateReturn, randomSource } from "../tests/support/generate-return";

/** What one batch run measures. */
export interface BatchFigures {
  readonly perSecond: number;
  readonly heapGrowthMiB: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Reconciles a seeded batch of `size` generated returns `runs` times. */
export function runBatch(size = 10_000, runs = 5): BatchFigures {
  const rand = randomSource(20111130);
  const batch: MonthInput[] = Array.from({ length: size }, () => {
    const g = generateReturn(rand);
    return { layout: layoutOf(formVersion(g.form)!, g.shape), values: g.values };
  });
  for (const month of batch) checksOf(month.layout); // compiled once per shape, as in a session
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const rates = Array.from({ length: runs }, () => {
    const t0 = process.hrtime.bigint();
    for (const month of batch) reconcile(month);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return batch.length / (Number(process.hrtime.bigint() - t0) / 1e9);
  });
  return { perSecond: median(rates), heapGrowthMiB: (peak - heapBefore) / 2 ** 20 };
}

if (process.argv.includes("--batch")) process.stdout.write(JSON.stringify(runBatch()));
