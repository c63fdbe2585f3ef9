import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";

const ROOT = join(__dirname, "..", "..", "..");

/** The git-ignored folder for screenshots, downloads and the unpacked browser. */
export const ARTIFACTS = join(ROOT, "test-artifacts");

// these flags suit a serverless function; a test of the page's own security keeps them off
const UNSAFE = new Set(["--disable-web-security", "--allow-running-insecure-content"]);

/**
 * Launches the headless Chromium that @sparticuz/chromium carries. It unpacks into the OS temp
 * folder, so TMPDIR points at a folder of the tests' own, one per browser version (binaries of
 * two versions unpacked into one folder clash).
 */
export async function launchChromium(): Promise<Browser> {
  const { version } = JSON.parse(
    readFileSync(join(ROOT, "node_modules", "@sparticuz", "chromium", "package.json"), "utf8")
  ) as { version: string };
  const tmp = join(ARTIFACTS, `chromium-${version}`);
  mkdirSync(tmp, { recursive: true });
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const executablePath = await chromium.executablePath();
    return await playwright.launch({
      executablePath,
      args: chromium.args.filter((arg) => !UNSAFE.has(arg)),
      headless: true,
    });
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}
