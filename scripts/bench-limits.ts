// `npm run bench:limits` (and a section of `npm run bench`): what the largest return the limits
// allow costs on each path, the time to parse a cell of Excel's maximum length, and the heap
// over 10,000 distinct shapes (flat: the caches are bounded). Run with NODE_OPTIONS=--expose-gc
// for the heap figures after a full collection.
import "../src/preview/hf-custom-functions-shim";
import { main, type Io } from "../src/cli/main";
import * as hkmr from "../src/functions/functions";
import { formVersion, layoutOf, LIMITS, type Layout, type Shape } from "../src/form";
import { rollForward } from "../src/plan/roll-forward";
import { planTemplate } from "../src/plan/template";
import { checkArguments, checkSpec } from "../src/rules/check-cell";
import { checksOf, reconcile } from "../src/rules/reconcile";
import { parseCell } from "../src/values/parse";
import { FakeExcel } from "../tests/excel/fake-excel";
import { hostOn } from "../tests/excel/helpers";
import type { Measure } from "./bench-host";

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const ms = (start: bigint): number => Math.round(seconds(start) * 1000);

/** The largest shape the limits allow, for a form with class blocks or without. */
const largest = (blocks: boolean): Shape => ({
  ...(blocks ? { classes: LIMITS.classes } : {}),
  options: LIMITS.linesPerPart,
  fundsLines: LIMITS.linesPerPart,
  warrants: LIMITS.linesPerPart,
  convertibles: LIMITS.linesPerPart,
  arrangements: LIMITS.linesPerPart,
  otherMovements: LIMITS.linesPerPart,
});

/** A plausible value for every field: figures in figure cells, words in the others. */
function filled(layout: Layout): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of layout.fields) {
    values[f.id] =
      f.kind === "date"
        ? "30/11/2026"
        : f.kind === "currency"
          ? "HK$"
          : f.kind === "shares" || f.kind === "money" || f.kind === "par" || f.kind === "price"
            ? "1,000"
            : "Ordinary shares";
  }
  return values;
}

/** The CLI on the largest allowed return, read from memory: the whole command. */
async function cliTime(formId: string, shape: Shape, values: Record<string, string>) {
  const text = JSON.stringify({ format: "hkmr-return/1", form: formId, shape, values });
  const io: Io = { out: () => undefined, err: () => undefined, read: () => Promise.resolve(text) };
  const started = process.hrtime.bigint();
  const code = await main(["check", "largest.json"], io);
  return { ms: ms(started), code, bytes: text.length };
}

/** Every check cell of the largest return evaluated through HKMR.CHECK, as a recalculation does. */
function checkTime(layout: Layout, values: Record<string, string>) {
  const started = process.hrtime.bigint();
  let slowest = 0;
  const instances = checksOf(layout);
  for (const instance of instances) {
    const args = checkArguments(instance, false).map((arg) =>
      arg.kind === "cell" ? (values[arg.cell.id] ?? "") : arg.cells.map((c) => [values[c.id] ?? ""])
    );
    const one = process.hrtime.bigint();
    try {
      hkmr.check(checkSpec(layout, instance, false), args as unknown as unknown[][][]);
    } catch {
      // a cell error is a value here
    }
    slowest = Math.max(slowest, seconds(one) * 1000);
  }
  return { ms: ms(started), calls: instances.length, slowest: Math.round(slowest) };
}

/** Read, check and roll forward through the Excel host on the fake, the largest return typed in. */
async function hostTime(formId: string, shape: Shape, values: Record<string, string>) {
  const fake = new FakeExcel(["Sheet1"]);
  const host = hostOn(fake);
  const plan = planTemplate(formId, shape, { monthEnded: "2026-11-30" });
  const { sheetName } = await host.insertTemplate(plan);
  for (const n of plan.names) if (n.field) fake.type(sheetName, n.address, values[n.field] ?? "");
  const started = process.hrtime.bigint();
  const read = await host.readActiveReturn();
  const layout = layoutOf(formVersion(formId)!, read!.shape);
  reconcile({ layout, values: read!.values });
  const next = planTemplate(formId, read!.shape, rollForward(read!));
  await host.insertTemplate(next);
  return ms(started);
}

/** The median time to parse a cell of Excel's maximum length, for a few kinds of content. */
function parseTimes(): Measure[] {
  const n = LIMITS.cellLength;
  const cells: [string, string][] = [
    ["digits", "1".repeat(n)],
    ["grouped figure", `1${",000".repeat(Math.floor((n - 1) / 4))}`],
    ["text", "Ordinary shares ".repeat(n / 16).slice(0, n)],
    ["commas", ",".repeat(n)],
  ];
  return cells.map(([name, text]) => {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const started = process.hrtime.bigint();
      parseCell(text, "number");
      times.push(seconds(started) * 1000);
    }
    times.sort((a, b) => a - b);
    return {
      measure: `parse a ${n}-character cell (${name})`,
      value: Math.round(times[2] * 100) / 100,
      unit: "ms",
      target: "under 10 ms",
      ok: times[2] < 10,
    };
  });
}

const heapMiB = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};

/** The heap after each thousands of distinct shapes: layouts, instances and a check of each. */
function heapOverShapes(): Measure[] {
  const form = formVersion("legacy-2011")!;
  const out: Measure[] = [];
  const before = heapMiB();
  for (let k = 0; k < 10_000; k++) {
    // 10,000 distinct shapes of at most 20 lines a part
    const layout = layoutOf(form, {
      options: k % 20,
      fundsLines: Math.floor(k / 20) % 20,
      warrants: Math.floor(k / 400) % 20,
      convertibles: Math.floor(k / 8000),
      arrangements: 0,
      otherMovements: 1,
    });
    reconcile({ layout, values: {} });
    if ((k + 1) % 2500 === 0)
      out.push({ measure: `heap after ${k + 1} distinct shapes`, value: heapMiB(), unit: "MiB" });
  }
  out.unshift({ measure: "heap before the distinct shapes", value: before, unit: "MiB" });
  return out;
}

/** Every figure of this section, as bench rows. */
export async function limitFigures(): Promise<Measure[]> {
  const out: Measure[] = [...parseTimes()];
  for (const [formId, blocks] of [
    ["ff301-1.2", true],
    ["legacy-2011", false],
  ] as const) {
    const shape = largest(blocks);
    const layout = layoutOf(formVersion(formId)!, shape);
    const values = filled(layout);
    const what = `${formId}, largest allowed (${layout.fields.length} fields)`;
    const cli = await cliTime(formId, shape, values);
    out.push({ measure: `CLI check, ${what}`, value: cli.ms, unit: `ms (exit ${cli.code})` });
    const check = checkTime(layout, values);
    out.push({
      measure: `HKMR.CHECK, every check cell, ${what}`,
      value: check.ms,
      unit: `ms for ${check.calls} calls, slowest ${check.slowest} ms`,
    });
    out.push({
      measure: `read + check + roll forward on the host fake, ${what}`,
      value: await hostTime(formId, shape, values),
      unit: "ms",
    });
  }
  out.push(...heapOverShapes());
  return out;
}

if (require.main === module) {
  void limitFigures().then((rows) => {
    for (const row of rows)
      process.stdout.write(
        `${row.measure.padEnd(78)} ${String(row.value).padStart(8)} ${row.unit}${row.target ? ` (target ${row.target}${row.ok === false ? ", MISSED" : ""})` : ""}\n`
      );
  });
}
