// `npm run fuzz`: the fuzz suite of tests/fuzz run long. FUZZ_RUNS (default 20,000) inputs per
// target; FUZZ_SEED to replay a failure (fast-check prints the seed and path it failed on).
import { fuzzEngine, fuzzFunctions, fuzzParser, fuzzPlan } from "../tests/fuzz/harness";

const numRuns = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const targets: readonly [string, (run: { seed: number; numRuns: number }) => void, number][] = [
  ["values parser", fuzzParser, numRuns],
  ["engine", fuzzEngine, Math.ceil(numRuns / 10)],
  ["HKMR functions", fuzzFunctions, numRuns],
  ["plan", fuzzPlan, numRuns],
];

let failed = false;
process.stdout.write(`fuzz: seed ${seed}, ${numRuns} runs a target\n`);
for (const [name, target, runs] of targets) {
  const started = process.hrtime.bigint();
  try {
    target({ seed, numRuns: runs });
    const s = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(`  ${name}: ${runs} inputs held (${s.toFixed(1)} s)\n`);
  } catch (error) {
    failed = true;
    process.stdout.write(`  ${name}: FAILED\n${(error as Error).message}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
