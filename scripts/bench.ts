// `npm run bench`: measures what users wait for and prints a table (JSON with --json FILE).
// Medians over repeated runs; ratios where two things are compared in one run. Count targets
// (one check per rule instance, linear plan growth) fail the run with a non-zero exit; time
// targets are reported. A figure that cannot be measured here (no Chromium, say) is a row that
// says why, with no value.
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { formVersion, layoutOf, type Shape } from "../src/form";
import { planTemplate } from "../src/plan/template";
import { checksOf, reconcile, type MonthInput } from "../src/rules/reconcile";
import { generateReturn, randomSource } from "../tests/support/generate-return";
import { loadFixture } from "../tests/support/fixtures";
import { bundleSizes, recalculation, syncCounts, type Measure } from "./bench-host";
import { previewFigures } from "./bench-preview";

const rows: Measure[] = [];
const failures: string[] = [];

function record(row: Measure): void {
  rows.push(row);
  if (row.ok === false)
    failures.push(`${row.measure}: ${row.value} ${row.unit} (target ${row.target})`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** Times `fn` `runs` times and returns the median in seconds. */
function timeMedian(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(seconds(t0));
  }
  return median(times);
}

const shapeWith = (options: number): Shape => ({
  options,
  fundsLines: 2,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 1,
});

function benchEngine(): void {
  const seed = loadFixture("seed-kingsoft-2011-11.json");
  reconcile(seed.month); // compile the seed's layout once, as a session would
  const one = timeMedian(2001, () => reconcile(seed.month));
  record({
    measure: "reconcile the seed (one return)",
    value: +(one * 1e6).toFixed(1),
    unit: "us",
    target: "< 1000 us",
    ok: one < 1e-3,
  });

  const rand = randomSource(20111130);
  const batch: MonthInput[] = Array.from({ length: 10_000 }, () => {
    const g = generateReturn(rand);
    return { layout: layoutOf(formVersion(g.form)!, g.shape), values: g.values };
  });
  for (const month of batch) checksOf(month.layout);
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const perSecond = median(
    Array.from({ length: 5 }, () => {
      const t0 = process.hrtime.bigint();
      for (const month of batch) reconcile(month);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      return batch.length / seconds(t0);
    })
  );
  record({
    measure: "batch of 10,000 generated returns",
    value: Math.round(perSecond),
    unit: "returns/s",
    target: "> 50,000 (reported)",
  });
  record({
    measure: "heap growth during the batch",
    value: +((peak - heapBefore) / 2 ** 20).toFixed(1),
    unit: "MiB",
  });
}

function benchPlan(): void {
  const sizes: number[][] = [];
  for (const options of [1, 20, 200]) {
    const shape = shapeWith(options);
    const time = timeMedian(7, () => planTemplate("legacy-2011", shape));
    const plan = planTemplate("legacy-2011", shape);
    const formulas = plan.cells.filter((c) => c.content.startsWith("="));
    const calls = formulas.reduce((n, c) => n + (c.content.match(/HKMR\./g)?.length ?? 0), 0);
    const instances = checksOf(layoutOf(formVersion("legacy-2011")!, shape)).length;
    sizes.push([
      plan.cells.length,
      formulas.length,
      plan.names.length,
      plan.conditionalFormats.length,
    ]);
    record({
      measure: `plan, ${options} option lines: cells / formulas / names / conditional formats`,
      value: plan.cells.length,
      unit: `cells; ${formulas.length} formulas; ${plan.names.length} names; ${plan.conditionalFormats.length} CFs`,
    });
    record({
      measure: `plan, ${options} option lines: planning time`,
      value: +(time * 1e3).toFixed(2),
      unit: "ms",
    });
    record({
      measure: `HKMR calls per template, ${options} option lines`,
      value: calls,
      unit: `calls for ${instances} rule instances`,
      target: "= rule instances",
      ok: calls === instances,
    });
  }
  // linear growth: the step from 20 to 200 lines is 180/19 times the step from 1 to 20
  const [s1, s20, s200] = sizes;
  s1.forEach((base, k) => {
    const perLineSmall = (s20[k] - base) / 19;
    const perLineLarge = (s200[k] - s20[k]) / 180;
    record({
      measure: `plan growth per option line, measure ${k + 1} (1-20 vs 20-200)`,
      value: +perLineLarge.toFixed(2),
      unit: `per line (${perLineSmall.toFixed(2)} for 1-20)`,
      target: "equal (linear)",
      ok: Math.abs(perLineLarge - perLineSmall) < 1e-9,
    });
  });
}

async function main(): Promise<void> {
  const jsonAt = process.argv.indexOf("--json");
  benchEngine();
  benchPlan();
  for (const row of await syncCounts()) record(row);
  for (const row of await recalculation()) record(row);
  for (const row of bundleSizes()) record(row);
  for (const row of await previewFigures()) record(row);
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const width = Math.max(...rows.map((r) => r.measure.length));
  console.log(`Benchmarks on ${machine}\n`);
  for (const r of rows) {
    const verdict = r.ok === undefined ? "" : r.ok ? "  ok" : "  MISSED";
    console.log(
      `${r.measure.padEnd(width)}  ${String(r.value ?? "-").padStart(10)} ${r.unit}${r.target ? `  [${r.target}]` : ""}${verdict}`
    );
  }
  if (jsonAt > 0)
    writeFileSync(
      process.argv[jsonAt + 1] ?? "bench.json",
      JSON.stringify({ machine, rows }, null, 2)
    );
  if (failures.length > 0) {
    console.error(`\nCount targets missed:\n- ${failures.join("\n- ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
