import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";

const root = join(__dirname, "..", "..");
const scriptFile = join(root, "src", "taskpane", "unsupported-webview.js");
const script = readFileSync(scriptFile, "utf8");
const template = readFileSync(join(root, "src", "taskpane", "taskpane.html"), "utf8");

// user agents as these webviews send them
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

interface Engine {
  userAgent: string;
  documentMode?: number;
  /** Globals and built-ins this engine lacks, as paths from window ("Promise.any"). */
  lacks?: string[];
}

/** Loads the task pane page (its template, placeholders filled) in jsdom as this engine and runs the script. */
function runIn(engine: Engine): JSDOM {
  const html = template.replace(/<%=\s*\w+\s*%>/g, "x");
  const dom = new JSDOM(html, { runScripts: "outside-only" });
  const window = dom.window as unknown as Record<string, unknown> & { eval(code: string): unknown };
  Object.defineProperty(window.navigator, "userAgent", { value: engine.userAgent });
  if (engine.documentMode !== undefined) {
    Object.defineProperty(window.document, "documentMode", { value: engine.documentMode });
  }
  for (const path of engine.lacks ?? []) {
    const parts = path.split(".");
    const name = parts.pop() as string;
    const owner = parts.length === 0 ? "window" : parts.join(".");
    window.eval(
      `Object.defineProperty(${owner}, "${name}", { value: undefined, configurable: true })`
    );
  }
  window.eval(script);
  return dom;
}

/** The text of the message page, or null when the script left the page alone. */
function message(dom: JSDOM): string | null {
  return dom.window.document.getElementById("unsupported-webview")?.textContent ?? null;
}

describe("unsupported-webview.js is ES5", () => {
  test("parses as ECMAScript 5", () => {
    expect(() => parse(script, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  test("the ES5 parse would catch later syntax (arrow functions, let, ??=)", () => {
    for (const later of ["var f = () => 1;", "let x = 1;", "var a; a ??= 1;", "var s = `t`;"]) {
      expect(() => parse(later, { ecmaVersion: 5, sourceType: "script" })).toThrow();
    }
  });
});

describe("in a webview that cannot run the bundles", () => {
  test.each([
    [
      "Internet Explorer 11 (Trident)",
      {
        userAgent: IE11,
        documentMode: 11,
        lacks: ["Promise", "Symbol", "customElements", "Object.fromEntries"],
      },
      /Internet Explorer 11/,
    ],
    [
      "the old Edge (EdgeHTML)",
      { userAgent: EDGE_HTML, lacks: ["customElements", "Promise.any"] },
      /old Microsoft Edge/,
    ],
    [
      "an engine without Promise.any (ES2021)",
      { userAgent: WEBVIEW2, lacks: ["Promise.any"] },
      /too old/,
    ],
    [
      "an engine without custom elements",
      { userAgent: WEBVIEW2, lacks: ["customElements"] },
      /too old/,
    ],
    [
      "an engine without String.prototype.matchAll",
      { userAgent: WEBVIEW2, lacks: ["String.prototype.matchAll"] },
      /too old/,
    ],
  ])("%s shows the page naming the Excel versions that work", (_name, engine, reason) => {
    const dom = runIn(engine);
    const text = message(dom);
    expect(text).toMatch(reason);
    expect(text).toContain("Excel for Microsoft 365 on Windows, Version 2002 or later");
    expect(text).toContain("Excel 2021 or later on Windows");
    expect(text).toContain("Microsoft Edge WebView2 Runtime");
    expect(text).toContain("Excel on the web");
    expect(text).toContain("Excel on Mac, Version 16.35 or later");
    expect(text).toContain("ExcelApi 1.9");
    expect(text).toContain("SharedRuntime 1.1");
    // the pane's own elements are gone: nothing half-drawn behind the message
    expect(dom.window.document.getElementById("app")).toBeNull();
    expect(dom.window.document.title).toMatch(/cannot run HK Monthly Return Reconciler/);
  });

  test("the page is styled, announced, and lists each version as an item", () => {
    const dom = runIn({ userAgent: IE11, documentMode: 11 });
    const page = dom.window.document.getElementById("unsupported-webview") as HTMLElement;
    expect(page.getAttribute("role")).toBe("alert");
    expect(page.querySelectorAll("li")).toHaveLength(4);
    expect(page.querySelector("h1")?.style.fontSize).toBe("18px");
    expect(dom.window.document.body.style.fontFamily).toMatch(/Segoe UI/);
  });
});

describe("in a webview that runs the bundles", () => {
  test.each([
    ["WebView2 (Chromium Edge)", WEBVIEW2],
    [
      "Safari on Mac (WKWebView)",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    ],
  ])("%s: does nothing", (_name, userAgent) => {
    const dom = runIn({ userAgent });
    expect(message(dom)).toBeNull();
    expect(dom.window.document.getElementById("app")).not.toBeNull();
    expect(dom.window.document.title).toBe("HK Monthly Return Reconciler");
  });
});

describe("the task pane page loads it", () => {
  test("as a separate, non-deferred file at the end of the body (no inline script)", () => {
    const dom = new JSDOM(template.replace(/<%=\s*\w+\s*%>/g, "x"));
    const scripts = [...dom.window.document.querySelectorAll("script")];
    const check = scripts.find((s) => s.getAttribute("src") === "unsupported-webview.js");
    expect(check).toBeDefined();
    expect(check?.parentElement?.tagName).toBe("BODY");
    expect(check?.hasAttribute("defer") || check?.hasAttribute("async")).toBe(false);
    expect(check?.getAttribute("type")).toBeNull();
    for (const s of scripts) expect(s.getAttribute("src")).toBeTruthy();
  });

  test("asks Internet Explorer for its current document mode", () => {
    expect(template).toMatch(/<meta http-equiv="X-UA-Compatible" content="IE=Edge" \/>/);
  });

  test("the build copies it unchanged beside taskpane.html", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack config is CommonJS
    const makeConfig = require("../../webpack.config.js") as (
      env: object,
      argv: { mode: string }
    ) => Promise<{ plugins: { patterns?: { from: string; to: string }[] }[] }>;
    const config = await makeConfig({}, { mode: "development" });
    const patterns = config.plugins.flatMap((p) => p.patterns ?? []);
    expect(patterns).toContainEqual(
      expect.objectContaining({
        from: "src/taskpane/unsupported-webview.js",
        to: "unsupported-webview.js",
      })
    );
  });
});
