import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The shape of scripts/manifest-checks.cjs (plain CommonJS, shared with the CLI and the build). */
interface ManifestChecks {
  DEV_URL: string;
  resolveSchemaDir(repoRoot: string, env?: Record<string, string | undefined>): string;
  validateSchema(
    xml: string,
    schemaDir: string,
    options?: { fileName?: string; keepRuntimes?: boolean }
  ): Promise<string[]>;
  stripRuntimes(xml: string): string;
  checkResids(xml: string): string[];
  checkRuntimes(xml: string): string[];
  checkImages(xml: string, manifestDir: string): string[];
  readPngSize(bytes: Buffer): { width: number; height: number };
  manifestUrls(xml: string): { url: string; line: number }[];
  checkUrls(xml: string, base?: string): string[];
  normaliseAddinUrl(value: string | undefined): string;
  rewriteForProduction(xml: string, addinUrl: string): string;
  checkProductionRewrite(xml: string, addinUrl: string): string[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a .cjs script has no typings; the interface above types it
const checks = require("../../scripts/manifest-checks.cjs") as ManifestChecks;

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const schemaDir = checks.resolveSchemaDir(root);

/** Returns the manifest with the first occurrence of `from` replaced, failing if it is absent. */
function edit(from: string | RegExp, to: string, xml = manifest): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`test setup: ${String(from)} is not in the manifest`);
  return changed;
}

describe("manifest.xml against Microsoft's XSDs", () => {
  test("validates once the <Runtimes> block is set aside", async () => {
    expect(await checks.validateSchema(manifest, schemaDir)).toEqual([]);
  });

  test("fails on <Runtimes> alone when the block is kept (the XSDs predate it)", async () => {
    const errors = await checks.validateSchema(manifest, schemaDir, { keepRuntimes: true });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Runtimes/);
  });

  test("setting <Runtimes> aside keeps line numbers", () => {
    const stripped = checks.stripRuntimes(manifest);
    expect(stripped).not.toMatch(/<\/?Runtimes?\b/);
    expect(stripped.split("\n")).toHaveLength(manifest.split("\n").length);
  });

  test.each([
    ["<Id>", /\s*<Id>[^<]*<\/Id>/, "Id"],
    ["<DefaultLocale>", /\s*<DefaultLocale>[^<]*<\/DefaultLocale>/, "DefaultLocale"],
    ["<Permissions>", /\s*<Permissions>[^<]*<\/Permissions>/, "Permissions"],
    ["<DefaultSettings>", /\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, "DefaultSettings"],
  ])("fails when the required %s is removed", async (_name, element, expected) => {
    const errors = await checks.validateSchema(edit(element, ""), schemaDir);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(new RegExp(`Expected is .*${expected}`));
  });

  test("fails on a permission the schema does not know", async () => {
    const xml = edit(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>Everything</Permissions>"
    );
    expect(await checks.validateSchema(xml, schemaDir)).not.toEqual([]);
  });

  test("fails on a description longer than the schema allows", async () => {
    const xml = edit(/(<Description DefaultValue=")[^"]*"/, `$1${"x".repeat(251)}"`);
    expect(await checks.validateSchema(xml, schemaDir)).not.toEqual([]);
  });

  test("says where the schemas should be when they are missing", () => {
    expect(() =>
      checks.resolveSchemaDir(root, { HKMR_SCHEMA_DIR: join(root, "no-such-dir") })
    ).toThrow(/schemas are missing from .*no-such-dir.*HKMR_SCHEMA_DIR/);
  });
});

describe("resource ids", () => {
  test("every resid names a resource of the right kind", () => {
    expect(checks.checkResids(manifest)).toEqual([]);
  });

  test("reports a resid whose resource is missing", () => {
    const xml = edit(/\s*<bt:String id="Group.Label"[^>]*\/>/, "");
    expect(checks.checkResids(xml)).toEqual([
      expect.stringMatching(/<Label resid="Group.Label"> names no resource/),
    ]);
  });

  test("reports a resid that names a resource of the wrong kind", () => {
    const xml = edit(
      '<Namespace resid="Functions.Namespace"/>',
      '<Namespace resid="Taskpane.Url"/>'
    );
    expect(checks.checkResids(xml)).toEqual([
      expect.stringMatching(/needs a ShortStrings entry, found Urls/),
    ]);
  });

  test("reports a resource id defined twice", () => {
    const xml = edit(
      /(<bt:Url id="Help.Url"[^>]*\/>)/,
      '$1<bt:Url id="Help.Url" DefaultValue="https://localhost:3000/other.html"/>'
    );
    expect(checks.checkResids(xml)).toEqual([expect.stringMatching(/"Help.Url" is defined twice/)]);
  });
});

describe("shared runtime (<Runtimes>)", () => {
  test("is the first child of the Workbook host, long-lived, on the task pane page", () => {
    expect(checks.checkRuntimes(manifest)).toEqual([]);
  });

  test("reports a <Runtimes> block that is not the first child", () => {
    const block = /(\s*<!--[^>]*-->)?\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(manifest)?.[0] ?? "";
    const xml = edit("</AllFormFactors>", `</AllFormFactors>${block}`, edit(block, ""));
    expect(checks.checkRuntimes(xml)).toEqual([expect.stringMatching(/must be the first child/)]);
  });

  test("reports a runtime that is not long-lived", () => {
    const xml = edit('lifetime="long"', 'lifetime="short"');
    expect(checks.checkRuntimes(xml)).toEqual([expect.stringMatching(/lifetime="long"/)]);
  });

  test("reports a runtime whose resid is not a bt:Url", () => {
    const xml = edit('<Runtime resid="Taskpane.Url"', '<Runtime resid="Group.Label"');
    expect(checks.checkRuntimes(xml)).toEqual([expect.stringMatching(/must name a bt:Url/)]);
  });

  test("reports a missing <Runtimes> block", () => {
    const xml = edit(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "");
    expect(checks.checkRuntimes(xml)).toEqual([expect.stringMatching(/expected one <Runtimes>/)]);
  });

  test("reports a custom-functions page other than the runtime's page", () => {
    const xml = edit(/(<Page>\s*<SourceLocation resid=")Taskpane.Url/, "$1Help.Url");
    expect(checks.checkRuntimes(xml)).toEqual([expect.stringMatching(/not the runtime page/)]);
  });
});

describe("icons", () => {
  test.each([16, 32, 64, 80])("assets/icon-%i.png is a %i px square RGBA PNG", (size) => {
    const bytes = readFileSync(join(root, "assets", `icon-${size}.png`));
    expect(checks.readPngSize(bytes)).toEqual({ width: size, height: size });
    expect(bytes[24]).toBe(8); // bit depth
    expect(bytes[25]).toBe(6); // colour type: RGBA
  });

  test("every image the manifest names exists at the size it is used", () => {
    expect(checks.checkImages(manifest, root)).toEqual([]);
  });

  test("reports an image used at a size it does not have", () => {
    const xml = edit(/(<bt:Image id="Icon.80x80" DefaultValue="[^"]*)icon-80.png/, "$1icon-32.png");
    expect(checks.checkImages(xml, root)).toContainEqual(
      expect.stringMatching(/is 32x32, used as 80x80/)
    );
  });

  test("reports an image file that does not exist", () => {
    const xml = edit("assets/icon-16.png", "assets/icon-17.png");
    expect(checks.checkImages(xml, root)).toContainEqual(expect.stringMatching(/has no file/));
  });

  test("rejects a file that is not a PNG", () => {
    expect(() => checks.readPngSize(Buffer.from("GIF89a, not a PNG at all"))).toThrow(/not a PNG/);
  });
});

describe("what the manifest declares", () => {
  test("has a GUID id, the HKMR namespace, ReadWriteDocument and no AppDomains", () => {
    expect(manifest).toMatch(
      /<Id>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/Id>/
    );
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="HKMR"\s*\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).not.toMatch(/AppDomain/);
  });

  test("loads functions.js, functions.json and taskpane.html for the custom functions", () => {
    const url = (id: string) =>
      new RegExp(`<bt:Url id="${id}" DefaultValue="([^"]*)"`).exec(manifest)?.[1];
    expect(url("Functions.Script.Url")).toBe(`${checks.DEV_URL}functions.js`);
    expect(url("Functions.Metadata.Url")).toBe(`${checks.DEV_URL}functions.json`);
    expect(url("Taskpane.Url")).toBe(`${checks.DEV_URL}taskpane.html`);
  });

  test("has a Home-tab button that shows the task pane", () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  test("points its support URL at help.html, which exists", () => {
    expect(manifest).toContain(`<SupportUrl DefaultValue="${checks.DEV_URL}help.html"/>`);
    expect(existsSync(join(root, "help.html"))).toBe(true);
  });
});

describe("URLs and the production rewrite", () => {
  const addinUrl = "https://example.org/hkmr";

  test("every URL of the development manifest starts with https://localhost:3000/", () => {
    expect(checks.manifestUrls(manifest).length).toBeGreaterThan(5);
    expect(checks.checkUrls(manifest)).toEqual([]);
  });

  test("the rewrite with ADDIN_URL replaces every localhost URL", () => {
    const rewritten = checks.rewriteForProduction(manifest, addinUrl);
    expect(rewritten).not.toMatch(/localhost|127\.0\.0\.1/i);
    const urls = checks.manifestUrls(rewritten).map(({ url }) => url);
    expect(urls).toHaveLength(checks.manifestUrls(manifest).length);
    for (const url of urls) expect(url.startsWith(`${addinUrl}/`)).toBe(true);
    expect(checks.checkProductionRewrite(manifest, addinUrl)).toEqual([]);
  });

  test("the rewritten manifest still validates", async () => {
    const rewritten = checks.rewriteForProduction(manifest, addinUrl);
    expect(await checks.validateSchema(rewritten, schemaDir)).toEqual([]);
    expect(checks.checkRuntimes(rewritten)).toEqual([]);
  });

  test("reports a URL the rewrite cannot move", () => {
    const xml = edit(`${checks.DEV_URL}help.html"/>`, 'http://localhost:8080/help.html"/>');
    expect(checks.checkProductionRewrite(xml, addinUrl)).not.toEqual([]);
  });

  test.each([
    ["https://example.org/hkmr", "https://example.org/hkmr/"],
    ["https://example.org/hkmr/", "https://example.org/hkmr/"],
    [" https://example.org ", "https://example.org/"],
  ])("normalises ADDIN_URL %j to %j", (value, expected) => {
    expect(checks.normaliseAddinUrl(value)).toBe(expected);
  });

  test.each([
    [undefined, /ADDIN_URL is not set/],
    ["", /ADDIN_URL is not set/],
    ["http://example.org/", /must use https/],
    ["example.org/hkmr", /not an absolute URL/],
    ["https://example.org/?a=1", /query or fragment/],
  ])("refuses ADDIN_URL %j", (value, message) => {
    expect(() => checks.normaliseAddinUrl(value)).toThrow(message);
  });
});
