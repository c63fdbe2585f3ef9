// Bench sections that need a host: request bytes and syncs from Office.js's own serializer,
// context.sync() counts on the recording fake of Excel, and
// HyperFormula recalculation with the HKMR functions against native formulas.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { HyperFormula } from "hyperformula";
import type { Shape } from "../src/form";
import { CAUSE_NAME } from "../src/plan/cause";
import { planTemplate } from "../src/plan/template";
import { rollForward } from "../src/plan/roll-forward";
import type { TemplatePlan } from "../src/plan/types";
import { applyPlanToHyperFormula } from "../src/preview/hf-workbook";
import { FakeExcel } from "../tests/excel/fake-excel";
import { hostOn, planWith } from "../tests/excel/helpers";
import {
  largestShape,
  measureInsert,
  measureRollForward,
  optionShape,
  REQUEST_LIMIT,
} from "../tests/support/office-measure";
import { loadFixture } from "../tests/support/fixtures";
import type { OfficeHarness } from "../tests/support/office-runtime";
import { hkmrHyperFormula } from "../tests/support/hkmr-hyperformula";

/** A measured figure (null when it could not be measured); `ok` is set for a count target. */
export interface Measure {
  readonly measure: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
}

const MiB = (bytes: number): number => +(bytes / 2 ** 20).toFixed(2);

/**
 * The requests of an insert as Office.js's own serializer builds them (tests/support/office-
 * runtime.ts): count, largest and total, for 1, 20 and 200 option lines and the largest shape.
 */
export async function requestFigures(): Promise<Measure[]> {
  const out: Measure[] = [];
  const cases: [string, TemplatePlan][] = [
    ...[1, 20, 200].map((n): [string, TemplatePlan] => [
      `${n} option line${n > 1 ? "s" : ""}`,
      planTemplate("ff301-1.2", optionShape(n), { monthEnded: "2026-06-30" }),
    ]),
    [
      "largest shape (10 classes, 200 lines of every kind and typed (E) line)",
      planTemplate("ff301-1.2", largestShape("ff301-1.2"), { monthEnded: "2026-06-30" }),
    ],
  ];
  for (const [label, plan] of cases) {
    const m = await measureInsert(plan);
    if (label.startsWith("200 ")) out.push(...(await checkAndRollForward(m.harness)));
    const largest = Math.max(...m.requests.map((r) => r.bytes));
    const total = m.requests.reduce((sum, r) => sum + r.bytes, 0);
    out.push({
      measure: `FF301 v1.2 insert, ${label}: requests (syncs)`,
      value: m.requests.length,
      unit: "requests",
      target: "read + add + one per 3.5 MB",
      ok: m.requests.length === 2 + m.batches.length,
    });
    out.push({
      measure: `FF301 v1.2 insert, ${label}: largest request`,
      value: MiB(largest),
      unit: `MiB (${largest} bytes)`,
      target: "< 4 MB",
      ok: largest < REQUEST_LIMIT,
    });
    out.push({
      measure: `FF301 v1.2 insert, ${label}: all requests`,
      value: MiB(total),
      unit: "MiB",
      target: label.startsWith("20 ") ? "< 1 MB (reported)" : undefined,
    });
  }
  return out;
}

/** The check (a read) and the roll forward of the sheet the harness holds, through the serializer. */
async function checkAndRollForward(harness: OfficeHarness): Promise<Measure[]> {
  const { check, insert } = await measureRollForward(harness);
  const largest = Math.max(...insert.requests.map((r) => r.bytes));
  return [
    {
      measure: "check of 200 option lines: requests, bytes",
      value: check.length,
      unit: `request, ${check[0]?.bytes ?? 0} bytes`,
      target: "1 read",
      ok: check.length === 1,
    },
    {
      measure: "roll forward of 200 option lines: insert requests, largest",
      value: insert.requests.length,
      unit: `requests, largest ${MiB(largest)} MiB`,
      target: "< 4 MB each",
      ok: largest < REQUEST_LIMIT,
    },
  ];
}

/** context.sync() calls per action, counted on the fake: check and roll forward. */
export async function syncCounts(): Promise<Measure[]> {
  const out: Measure[] = [];
  const fake = new FakeExcel();
  const host = hostOn(fake);
  await host.insertTemplate(planWith(5));
  fake.syncs = 0;
  const writesBefore = fake.writes().length;
  const found = await host.readActiveReturn();
  const checkWrites = fake.writes().length - writesBefore;
  out.push({
    measure: "syncs to check (read the active return)",
    value: fake.syncs,
    unit: `syncs, ${checkWrites} writes`,
    target: "1 read, no write",
    ok: fake.syncs === 1 && checkWrites === 0 && found !== null,
  });
  fake.syncs = 0;
  const source = await host.readActiveReturn();
  const next = rollForward(source!);
  await host.insertTemplate(planTemplate(source!.formId, source!.shape, next));
  out.push({
    measure: "syncs to roll forward, 5 option lines (read + insert)",
    value: fake.syncs,
    unit: "syncs",
    target: "read + read + add + one write",
    ok: fake.syncs <= 4,
  });
  return out;
}

/** The plan with every check cell replaced by a native formula over the same cells. */
function nativePlan(plan: TemplatePlan): TemplatePlan {
  const native = (formula: string): string => {
    const args = formula
      .replace(/^=HKMR\.CHECK\("[^"]*",?/, "")
      .replace(/\)$/, "")
      .split(",")
      .filter((a) => a && a !== '""' && a !== CAUSE_NAME);
    if (args.length < 2) return `=IF(ISBLANK(${args[0] ?? "A1"}),"OK","OK")`;
    return `=IF(ABS(SUM(${args[0]})-SUM(${args.slice(1).join(",")}))<0.005,"OK","Error: mismatch")`;
  };
  // the cause cell has no native counterpart: it is left blank
  const cells = plan.cells.map((c) =>
    c.role === "check"
      ? { ...c, content: native(c.content) }
      : c.style === "cause"
        ? { ...c, content: "" }
        : c
  );
  const grid = plan.grid.map((row) => [...row]);
  for (const c of cells) grid[c.row - 1][c.col - 1] = c.content;
  return { ...plan, cells, grid };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median time of one edit and its recalculation in a workbook holding the seed. */
function editTime(
  hf: HyperFormula,
  plan: TemplatePlan,
  values: Readonly<Record<string, unknown>>
): number {
  const sheet = applyPlanToHyperFormula(hf, plan);
  hf.batch(() => {
    for (const [field, value] of Object.entries(values)) {
      if (plan.cells.some((c) => c.field === field))
        sheet.setInput(field, typeof value === "string" ? value : "");
    }
  });
  const times: number[] = [];
  for (let k = 0; k < 41; k++) {
    const t0 = process.hrtime.bigint();
    sheet.setInput("issued.ord1.close.shares", k % 2 ? "1,167,673,933" : "1,167,673,932");
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/** n option lines with every other kind of line: the shape the plan and print figures use. */
export const everyLineShape = (options: number): Shape => ({
  options,
  fundsLines: 2,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 1,
});

/** Recalculation after one edit: HKMR check cells against the same checks as native formulas. */
export async function recalculation(): Promise<Measure[]> {
  const seed = loadFixture("seed-kingsoft-2011-11.json");
  const plan = planTemplate("legacy-2011", seed.month.layout.shape, { monthEnded: "30/11/2011" });
  const withHkmr = editTime(await hkmrHyperFormula(), plan, seed.month.values);
  const native = editTime(
    HyperFormula.buildEmpty({ licenseKey: "gpl-v3" }),
    nativePlan(plan),
    seed.month.values
  );
  return [
    {
      measure: "recalculation after one edit, HKMR checks",
      value: +withHkmr.toFixed(3),
      unit: "ms",
    },
    {
      measure: "recalculation after one edit, native formulas",
      value: +native.toFixed(3),
      unit: "ms",
    },
    {
      measure: "recalculation ratio, HKMR / native",
      value: +(withHkmr / native).toFixed(2),
      unit: "x",
      target: "within 2x (reported)",
    },
  ];
}

/** Raw and gzip sizes of the built bundles (a production build into dist/). */
export function bundleSizes(): Measure[] {
  const built = spawnSync("npx", ["webpack", "--mode", "production"], {
    env: { ...process.env, ADDIN_URL: "https://example.org/hkmr/" },
    encoding: "utf8",
  });
  if (built.status !== 0)
    throw new Error(`The production build failed:\n${built.stdout}${built.stderr}`);
  const size = (file: string): [number, number] => {
    const bytes = readFileSync(join("dist", file));
    return [bytes.length, gzipSync(bytes, { level: 9 }).length];
  };
  const out: Measure[] = [];
  let addIn = 0;
  for (const file of ["taskpane.js", "functions.js", "preview.js"]) {
    if (!existsSync(join("dist", file))) continue;
    const [raw, gzip] = size(file);
    if (file !== "preview.js") addIn += gzip;
    out.push({
      measure: `bundle ${file}`,
      value: +(raw / 1024).toFixed(1),
      unit: `KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`,
    });
  }
  out.push({
    measure: "add-in bundles (task pane + functions), gzip",
    value: +(addIn / 1024).toFixed(1),
    unit: "KiB",
    target: "< 150 KB (reported)",
  });
  return out;
}
