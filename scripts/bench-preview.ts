// Bench section for the browser preview: a development build into a temp folder, served on
// 127.0.0.1 and opened in the headless Chromium of the end-to-end tests. Measures the page's load to
// interactive, the time from clicking Insert to a drawn template of 20 option lines, and the sizes
// of the preview's chunks. When the build or Chromium fails, its rows say "not measured" and why.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import type { Stats } from "webpack";
import { launchChromium } from "../tests/e2e/support/browser";
import { buildInto } from "../tests/e2e/support/build";
import { PreviewPage, WAIT } from "../tests/e2e/support/preview-page";
import { serveFolder, type StaticServer } from "../tests/e2e/support/static-server";
import type { Measure } from "./bench-host";

const RUNS = 5; // measured runs, each in a fresh browser context, after one warm-up run
const LAUNCH_TIMEOUT_MS = 60_000;
const OPTION_LINES = 20;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 160);

const notMeasured = (measure: string, reason: string, target?: string): Measure => ({
  measure,
  value: null,
  unit: `not measured: ${reason}`,
  target,
});

const LOAD = "preview load to interactive (headless Chromium, localhost)";
const INSERT = `preview insert to drawn template, ${OPTION_LINES} option lines`;
const LOAD_TARGET = "< 1000 ms";

/** Rejects after `ms`; a browser that arrives later is closed. */
async function launchWithin(ms: number): Promise<Browser> {
  let timer: NodeJS.Timeout | undefined;
  const launching = launchChromium();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      launching.then((late) => late.close()).catch(() => undefined);
      reject(new Error(`Chromium did not start within ${ms / 1000} s`));
    }, ms);
  });
  try {
    return await Promise.race([launching, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Raw and gzip sizes of the preview's chunks: those loaded at start, then those loaded on demand. */
function chunkSizes(outDir: string, stats: Stats): Measure[] {
  const { chunks = [], entrypoints = {} } = stats.toJson({
    all: false,
    ids: true,
    chunks: true,
    chunkRelations: true,
    entrypoints: true,
  });
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const initial = new Set(entrypoints.preview?.chunks ?? []);
  // the chunks the preview can load: its entry's chunks and every chunk they load on demand
  const reach = [...initial];
  for (let k = 0; k < reach.length; k++)
    for (const child of byId.get(reach[k])?.children ?? [])
      if (!reach.includes(child)) reach.push(child);
  const out: Measure[] = [];
  for (const id of reach) {
    const chunk = byId.get(id);
    for (const file of chunk?.files ?? []) {
      if (!file.endsWith(".js")) continue;
      const bytes = readFileSync(join(outDir, file));
      const gzip = gzipSync(bytes, { level: 9 }).length;
      const when = initial.has(id)
        ? "loaded at start"
        : `loaded on demand (${chunk?.names?.join(", ") || "chunk"})`;
      out.push({
        measure: `preview bundle ${file}, development build, ${when}`,
        value: +(bytes.length / 1024).toFixed(1),
        unit: `KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`,
      });
    }
  }
  return out;
}

/**
 * One run in a fresh browser context: opens the page (load to interactive, ms), fills the pane's
 * form as a user would (the default form version and month, an issuer, 20 option lines, a stock
 * code for each listed class the form asks one for) and clicks Insert. The insert time is taken in
 * the page, from the click event to the animation frame in which the pane reports the insert and
 * the new sheet is drawn: its A1 and a check cell with a computed value.
 */
async function oneRun(
  browser: Browser,
  server: StaticServer
): Promise<{ load: number; insert: number; formId: string; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // nothing leaves localhost: any other request is refused
  await context.route("**/*", (route) =>
    route.request().url().startsWith(`${server.origin}/`)
      ? route.continue()
      : route.abort("blockedbyclient")
  );
  // this single-process Chromium shares localStorage between contexts: start each run empty
  await context.addInitScript(() => {
    try {
      localStorage.clear();
    } catch {
      // about:blank has no storage
    }
  });
  const page = await context.newPage();
  const preview = new PreviewPage(page);
  const load = await preview.open(`${server.origin}/preview.html`);

  await preview.fillPane("issuer", "Bench Holdings Limited");
  await preview.fillPane("options", String(OPTION_LINES));
  const codes = preview.pane.locator('fluent-text-input[data-field$=".stockCode"] input');
  for (let k = 0; k < (await codes.count()); k++)
    if ((await codes.nth(k).inputValue()) === "") await codes.nth(k).fill(String(9000 + k));
  const formId = await page.evaluate(() => {
    const value = (document.querySelector('#pane [data-field="formId"]') as { value?: unknown })
      ?.value;
    return typeof value === "string" && value ? value : "(default)";
  });
  await page.evaluate(() => {
    document.addEventListener(
      "click",
      (event) => {
        if ((event.target as Element | null)?.closest?.("#hkmr-insert"))
          (window as unknown as { benchClick?: number }).benchClick ??= performance.now();
      },
      { capture: true }
    );
  });
  await preview.paneButton("#hkmr-insert").click();
  // no named functions in here: tsx would wrap them in a helper the page does not have
  const done = await page.waitForFunction(
    () => {
      const clicked = (window as unknown as { benchClick?: number }).benchClick;
      const status = document.getElementById("pane")?.textContent ?? "";
      if (clicked === undefined) return false;
      if (/needs? attention/.test(status)) return status.replace(/\s+/g, " ").slice(0, 200);
      const sheet = document
        .querySelector(".wb-viewport")
        ?.getAttribute("aria-label")
        ?.replace(/^Worksheet /, "");
      const drawn =
        sheet !== undefined &&
        status.includes(`Inserted ${sheet}`) &&
        [`.wb-cell[data-address="A1"] .wb-value`, `.wb-cell[data-check] .wb-value`].every(
          (selector) => (document.querySelector(selector)?.textContent ?? "") !== ""
        );
      return drawn ? performance.now() - clicked : false;
    },
    undefined,
    { polling: "raf", ...WAIT }
  );
  const insert = await done.jsonValue();
  if (typeof insert !== "number") throw new Error(`the pane did not insert: ${String(insert)}`);
  return { load, insert, formId, page };
}

/** Runs the preview section; never throws (what cannot be measured is reported as such). */
export async function previewFigures(): Promise<Measure[]> {
  const timed = (reason: string): Measure[] => [
    notMeasured(LOAD, reason, LOAD_TARGET),
    notMeasured(INSERT, reason),
  ];
  const outDir = mkdtempSync(join(tmpdir(), "hkmr-bench-preview-"));
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    let stats: Stats;
    try {
      stats = await buildInto(outDir);
    } catch (error) {
      console.error(`Preview bench: the development build failed: ${reasonOf(error)}`);
      return [...timed("the development build failed"), notMeasured("preview bundle", "no build")];
    }
    const sizes = chunkSizes(outDir, stats);
    try {
      server = await serveFolder(outDir);
      browser = await launchWithin(LAUNCH_TIMEOUT_MS);
    } catch (error) {
      const what = server ? "Chromium could not launch" : "the local server did not start";
      console.error(
        `Preview bench: ${what}, so the preview's times are not measured: ${reasonOf(error)}`
      );
      return [...timed(`${what} (${reasonOf(error)})`), ...sizes];
    }
    const loads: number[] = [];
    const inserts: number[] = [];
    let formId = "";
    try {
      let previous: Page | undefined;
      for (let k = 0; k <= RUNS; k++) {
        // the contexts stay open until the browser closes: closing one ends this single-process
        // Chromium; the page before is blanked instead, so that it uses no time meanwhile
        await previous?.goto("about:blank");
        const run = await oneRun(browser, server);
        formId = run.formId;
        previous = run.page;
        if (k === 0) continue; // warm-up
        loads.push(run.load);
        inserts.push(run.insert);
      }
    } catch (error) {
      console.error(`Preview bench: a run in Chromium failed: ${reasonOf(error)}`);
      return [...timed(`a run in Chromium failed (${reasonOf(error)})`), ...sizes];
    }
    const range = (xs: number[]) => `${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))}`;
    return [
      {
        measure: LOAD,
        value: Math.round(median(loads)),
        unit: `ms, median of ${RUNS} fresh contexts (${range(loads)})`,
        target: LOAD_TARGET,
      },
      {
        measure: INSERT,
        value: Math.round(median(inserts)),
        unit: `ms, median of ${RUNS} (${range(inserts)}), form ${formId}`,
      },
      ...sizes,
    ];
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
