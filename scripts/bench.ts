// `npm run bench`: measures what users wait for and prints a table (JSON with --json FILE).
// Medians over repeated runs; ratios where two things are compared in one run. Count targets
// (one check per rule instance, linear plan growth) fail the run with a non-zero exit; time
// targets are reported. A figure that cannot be measured here (no Chromium, say) is a row that
// says why, with no value.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { formVersion, layoutOf, type Shape } from "../src/form";
import { widthPx } from "../src/plan/layout";
import { planTemplate } from "../src/plan/template";
import type { TemplatePlan } from "../src/plan/types";
import { checksOf, reconcile, type MonthInput } from "../src/rules/reconcile";
import { verdictOf } from "../src/rules/verdict";
import { loadFixture } from "../tests/support/fixtures";
import type { BatchFigures } from "./bench-engine";
import {
  bundleSizes,
  everyLineShape,
  recalculation,
  requestFigures,
  syncCounts,
  type Measure,
} from "./bench-host";
import { limitFigures } from "./bench-limits";
import { longCellFigures } from "./bench-parse";
import { previewFigures } from "./bench-preview";
import { printFigures } from "./bench-print";

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

const withValue = (month: MonthInput, id: string, text: string): MonthInput => ({
  layout: month.layout,
  values: { ...month.values, [id]: text },
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

  const ff301 = loadFixture("ff301-options-treasury-example-2026-06.json");
  reconcile(ff301.month);
  const oneFf301 = timeMedian(2001, () => reconcile(ff301.month));
  record({
    measure: "reconcile an FF301 return (Example Holdings, June 2026)",
    value: +(oneFf301 * 1e6).toFixed(1),
    unit: "us",
    target: "< 1000 us",
    ok: oneFf301 < 1e-3,
  });

  // the verdict: states, cells to fill and suggestions; a slip makes the suggestions solve
  const typo = withValue(ff301.month, "issued.c1.close.excl", "1,949,000,001");
  for (const [what, month] of [
    ["the seed", seed.month],
    ["the FF301 return", ff301.month],
    ["the FF301 return with B36 mistyped (suggestions solved)", typo],
  ] as const) {
    verdictOf(month);
    const t = timeMedian(2001, () => verdictOf(month));
    record({
      measure: `verdict of ${what}`,
      value: +(t * 1e6).toFixed(1),
      unit: "us",
      target: "< 1000 us",
      ok: t < 1e-3,
    });
  }

  for (const [how, figures] of [
    ["under tsx, as the hkmr command runs", batchUnderTsx()],
    ["bundled, as functions.js ships the engine", batchBundled()],
  ] as const) {
    record({
      measure: `batch of 10,000 generated returns, ${how}`,
      value: Math.round(figures.perSecond),
      unit: "returns/s",
      target: "> 50,000 (reported)",
    });
    record({
      measure: `heap growth during the batch, ${how}`,
      value: +figures.heapGrowthMiB.toFixed(1),
      unit: "MiB",
    });
  }
}

/** The batch in a process of its own under tsx (this bench's other work leaves no garbage in it). */
function batchUnderTsx(): BatchFigures {
  const script = join(__dirname, "bench-engine.ts");
  const tsx = join(__dirname, "..", "node_modules", ".bin", "tsx");
  return JSON.parse(execFileSync(tsx, [script, "--batch"], { encoding: "utf8" })) as BatchFigures;
}

/** The batch bundled into one script by esbuild (tsx's own), run by node. */
function batchBundled(): BatchFigures {
  const fromTsx = createRequire(createRequire(__filename).resolve("tsx"));
  const { buildSync } = fromTsx("esbuild") as typeof import("esbuild");
  const dir = mkdtempSync(join(tmpdir(), "hkmr-bench-"));
  try {
    const out = join(dir, "engine.js");
    buildSync({
      entryPoints: [join(__dirname, "bench-engine.ts")],
      bundle: true,
      platform: "node",
      outfile: out,
      logLevel: "error",
    });
    return JSON.parse(
      execFileSync(process.execPath, [out, "--batch"], { encoding: "utf8" })
    ) as BatchFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MEASURES = ["cells", "formulas", "names", "conditional formats"] as const;

/** The largest shape the pane allows: ten classes, 200 lines of every kind. */
const LARGEST: Shape = {
  classes: 10,
  options: 200,
  fundsLines: 200,
  warrants: 200,
  convertibles: 200,
  arrangements: 200,
  otherMovements: 200,
};

/**
 * A proxy for the request bytes that names, conditional formats and validation cost: the JSON
 * of what a host sends of each (the real serializer's bytes are measured by the host's harness).
 */
function listBytes(plan: TemplatePlan): { names: number; formats: number; validations: number } {
  const json = (x: unknown) => JSON.stringify(x).length;
  return {
    names: json(plan.names.map(({ name, address }) => ({ name, address }))),
    formats: json(
      plan.conditionalFormats.map(({ address, formula, fill, fontColor }) => ({
        address,
        formula,
        fill,
        fontColor,
      }))
    ),
    validations: json(
      plan.validations.map((v) => [
        v.address,
        v.formula ?? v.list,
        v.inputTitle,
        v.inputMessage,
        v.errorTitle,
        v.errorMessage,
      ])
    ),
  };
}

/** Plan size and time for 1, 20 and 200 option lines of one form version, and its largest shape. */
function benchPlan(formId: string): void {
  const sizes: number[][] = [];
  for (const [options, shape] of [
    ...[1, 20, 200].map((n) => [String(n), everyLineShape(n)] as const),
    ["largest (10 classes, 200 of every line)", LARGEST] as const,
  ]) {
    const time = timeMedian(options.startsWith("largest") ? 1 : 7, () =>
      planTemplate(formId, shape)
    );
    const plan = planTemplate(formId, shape);
    const formulas = plan.cells.filter((c) => c.content.startsWith("="));
    // one check cell per rule instance; the other calls are per row (status, reason), per
    // computed total, and one each for the summary and the cause
    const calls = new Map<string, number>();
    for (const c of formulas)
      for (const m of c.content.matchAll(/HKMR\.(\w+)\(/g))
        calls.set(m[1], (calls.get(m[1]) ?? 0) + 1);
    const checkCalls = calls.get("CHECK") ?? 0;
    const others = [...calls]
      .filter(([fn]) => fn !== "CHECK")
      .map(([fn, n]) => `${fn} ${n}`)
      .join(", ");
    const instances = checksOf(layoutOf(formVersion(formId)!, shape)).length;
    if (!options.startsWith("largest"))
      sizes.push([
        plan.cells.length,
        formulas.length,
        plan.names.length,
        plan.conditionalFormats.length,
      ]);
    record({
      measure: `${formId} plan, ${options} option lines: cells / formulas / names / CFs`,
      value: plan.cells.length,
      unit: `cells; ${formulas.length} formulas; ${plan.names.length} names; ${plan.conditionalFormats.length} CFs`,
    });
    // px as Excel draws columns: 7 per character of the default font, plus 5 of padding
    const [sheetPx, formPx] = [
      widthPx(plan.columnWidths),
      widthPx(plan.columnWidths.slice(0, plan.formColumns)),
    ];
    record({
      measure: `${formId} sheet width, ${options} option lines (form columns in the unit)`,
      value: sheetPx,
      unit: `px; form ${formPx} px, ${(sheetPx / formPx).toFixed(2)}x; ${plan.columnCount} columns`,
      target: "at most 2x the form's columns",
      ok: sheetPx <= 2 * formPx,
    });
    const bytes = listBytes(plan);
    record({
      measure: `${formId} plan, ${options} option lines: JSON of names / CFs / validation`,
      value: bytes.names + bytes.formats + bytes.validations,
      unit: `chars; names ${bytes.names}, CFs ${bytes.formats}, validation ${bytes.validations}`,
    });
    record({
      measure: `${formId} plan, ${options} option lines: planning time`,
      value: +(time * 1e3).toFixed(2),
      unit: "ms",
    });
    record({
      measure: `${formId} HKMR.CHECK calls per template, ${options} option lines`,
      value: checkCalls,
      unit: `calls for ${instances} rule instances; besides: ${others}`,
      target: "= rule instances",
      ok: checkCalls === instances,
    });
  }
  // linear growth: the step from 20 to 200 lines is 180/19 times the step from 1 to 20; merged
  // conditional formats grow in steps as their addresses fill, so they need only not grow faster
  const [s1, s20, s200] = sizes;
  s1.forEach((base, k) => {
    const perLineSmall = (s20[k] - base) / 19;
    const perLineLarge = (s200[k] - s20[k]) / 180;
    const merged = MEASURES[k] === "conditional formats";
    record({
      measure: `${formId} plan growth per option line, ${MEASURES[k]} (1-20 vs 20-200)`,
      value: +perLineLarge.toFixed(2),
      unit: `per line (${perLineSmall.toFixed(2)} for 1-20)`,
      target: merged ? "at most the 1-20 step" : "equal (linear)",
      ok: merged
        ? perLineLarge <= perLineSmall + 1e-9
        : Math.abs(perLineLarge - perLineSmall) < 1e-9,
    });
  });
}

async function main(): Promise<void> {
  const jsonAt = process.argv.indexOf("--json");
  benchEngine();
  for (const row of longCellFigures()) record(row);
  benchPlan("legacy-2011");
  benchPlan("ff301-1.2");
  for (const row of printFigures()) record(row);
  for (const row of await requestFigures()) record(row);
  for (const row of await syncCounts()) record(row);
  for (const row of await recalculation()) record(row);
  for (const row of bundleSizes()) record(row);
  for (const row of await previewFigures()) record(row);
  for (const row of await limitFigures()) record(row);
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
