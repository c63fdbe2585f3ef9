// One preview in a real headless Chromium for a suite: the add-in built into a temp folder under
// test-artifacts/, served on 127.0.0.1, every other request refused, console errors collected.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, launchChromium } from "./browser";
import { buildInto } from "./build";
import { PreviewPage } from "./preview-page";
import { serveFolder } from "./static-server";

export interface PreviewSession {
  readonly page: Page;
  readonly preview: PreviewPage;
  /** Console errors and uncaught page errors, in order. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Builds, serves and opens the preview at a viewport; `name` prefixes the build folder. */
export async function openPreviewSession(
  name: string,
  viewport: { width: number; height: number }
): Promise<PreviewSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const outDir = mkdtempSync(join(ARTIFACTS, `${name}-build-`));
  await buildInto(outDir);
  const server = await serveFolder(outDir);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport });
  await context.route("**/*", (route) =>
    route.request().url().startsWith(`${server.origin}/`)
      ? route.continue()
      : route.abort("blockedbyclient")
  );
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  const preview = new PreviewPage(page);
  await preview.open(`${server.origin}/preview.html`);
  return {
    page,
    preview,
    consoleErrors,
    async close() {
      await context.close();
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
