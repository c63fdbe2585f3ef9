// A driver for profiling the engine alone: builds the bench's batch of generated returns and
// reconciles it `--rounds` times, printing returns/s per round. Bundle it and run it under a profiler:
//   npx esbuild scripts/profile-engine.ts --bundle --platform=node --outfile=/tmp/profile-engine.js
//   node --cpu-prof /tmp/profile-engine.js --rounds 20
//   valgrind --tool=callgrind node /tmp/profile-engine.js --count 500 --rounds 2
import { formVersion, layoutOf } from "../src/form";
import { checksOf, reconcile, type MonthInput } from "../src/rules/reconcile";
import { generateReturn, randomSource } from "../tests/support/generate-return";

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

const count = arg("count", 10_000);
const rounds = arg("rounds", 10);
const rand = randomSource(20111130); // the bench's seed, so both measure the same returns
const batch: MonthInput[] = Array.from({ length: count }, () => {
  const g = generateReturn(rand);
  return { layout: layoutOf(formVersion(g.form)!, g.shape), values: g.values };
});
for (const month of batch) checksOf(month.layout);

const rates: number[] = [];
let findings = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  for (const month of batch) findings += reconcile(month).length;
  const rate = count / (Number(process.hrtime.bigint() - t0) / 1e9);
  rates.push(rate);
  console.log(`round ${r + 1}: ${Math.round(rate)} returns/s`);
}
rates.sort((a, b) => a - b);
console.log(`median ${Math.round(rates[rates.length >> 1])} returns/s (${findings} findings)`);
