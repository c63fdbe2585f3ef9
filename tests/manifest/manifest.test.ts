import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The shape of scripts/manifest-checks.cjs (plain CommonJS, shared with the CLI and the build). */
interface ManifestChecks {
  DEV_URL: string;
  OWN_SCHEMAS: { dir: string; root: string; imports: string[] };
  resolveMicrosoftSchemaDir(
    repoRoot: string,
    options?: { dir?: string; env?: Record<string, string | undefined> }
  ): string;
  validateOwnSchema(xml: string, options?: { fileName?: string }): Promise<string[]>;
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

/** Returns the manifest with the first occurrence of `from` replaced, failing if it is absent. */
function edit(from: string | RegExp, to: string, xml = manifest): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`test setup: ${String(from)} is not in the manifest`);
  return changed;
}

/** The <Runtimes> block of the manifest, with its comment, as written there. */
const runtimesBlock =
  /(\s*<!--[^>]*-->)?\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(manifest)?.[0] ?? "";

describe("manifest.xml against the project's own schema (schemas/manifest/)", () => {
  test("validates with the <Runtimes> block in place", async () => {
    expect(runtimesBlock).toContain("<Runtime ");
    expect(await checks.validateOwnSchema(manifest)).toEqual([]);
  });

  test("the schema files are in the repository", () => {
    const files = [checks.OWN_SCHEMAS.root, ...checks.OWN_SCHEMAS.imports];
    for (const file of files) {
      expect(existsSync(join(root, "schemas", "manifest", file))).toBe(true);
    }
    expect(checks.OWN_SCHEMAS.dir).toBe(join(root, "scripts", "..", "schemas", "manifest"));
  });

  test.each([
    ["<Id>", /\s*<Id>[^<]*<\/Id>/, "Id"],
    ["<Version>", /\s*<Version>[^<]*<\/Version>/, "Version"],
    ["<DefaultLocale>", /\s*<DefaultLocale>[^<]*<\/DefaultLocale>/, "DefaultLocale"],
    ["<Permissions>", /\s*<Permissions>[^<]*<\/Permissions>/, "Permissions"],
    ["<DefaultSettings>", /\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, "DefaultSettings"],
    ["<Resources>", /\s*<Resources>[\s\S]*?<\/Resources>/, "Resources"],
    [
      "the task pane action's <SourceLocation>",
      /(?<=<\/TaskpaneId>)\s*<SourceLocation[^>]*\/>/,
      "SourceLocation",
    ],
    ["the custom functions' <Page>", /\s*<Page>[\s\S]*?<\/Page>/, "Page"],
  ])("fails when the required %s is removed", async (_name, element, expected) => {
    const errors = await checks.validateOwnSchema(edit(element, ""));
    expect(errors.join("\n")).toMatch(new RegExp(`Expected is .*${expected}`));
  });

  test.each([
    [
      "a permission the schema does not know",
      "<Permissions>ReadWriteDocument<",
      "<Permissions>Everything<",
    ],
    ["an id that is not a GUID", /<Id>[^<]*</, "<Id>hkmr-reconciler<"],
    ["a version with five parts", "<Version>0.1.0.0<", "<Version>0.1.0.0.1<"],
    ["a runtime lifetime other than short or long", 'lifetime="long"', 'lifetime="forever"'],
    ["a runtime without a resid", '<Runtime resid="Taskpane.Url"', "<Runtime"],
    [
      "a resid longer than 32 characters",
      '<Runtime resid="Taskpane.Url"',
      `<Runtime resid="${"R".repeat(33)}"`,
    ],
    ["an icon size Office does not draw", '<bt:Image size="80"', '<bt:Image size="90"'],
    ["a host other than Excel", '<Host xsi:type="Workbook">', '<Host xsi:type="Presentation">'],
    ["a button without its action", /\s*<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, ""],
    [
      "an element the schema does not know",
      "<Permissions>",
      "<AppDomains><AppDomain>https://example.org</AppDomain></AppDomains><Permissions>",
    ],
    [
      "a second <Runtimes> block",
      "</Runtimes>",
      '</Runtimes><Runtimes><Runtime resid="Help.Url"/></Runtimes>',
    ],
  ])("fails on %s", async (_name, from, to) => {
    expect(await checks.validateOwnSchema(edit(from, to))).not.toEqual([]);
  });

  test("fails on a description longer than 250 characters, and passes at 250", async () => {
    const at = (n: number) => edit(/(<Description DefaultValue=")[^"]*"/, `$1${"x".repeat(n)}"`);
    expect(await checks.validateOwnSchema(at(250))).toEqual([]);
    expect((await checks.validateOwnSchema(at(251))).join("\n")).toMatch(/Description/);
  });

  test("fails on <Runtimes> after <AllFormFactors>, where [MS-OWEMXML] 5.7 does not allow it", async () => {
    const xml = edit(
      "</AllFormFactors>",
      `</AllFormFactors>${runtimesBlock}`,
      edit(runtimesBlock, "")
    );
    expect((await checks.validateOwnSchema(xml)).join("\n")).toMatch(/Runtimes/);
  });

  test("names the file and line of each error", async () => {
    const xml = edit('lifetime="long"', 'lifetime="forever"');
    const line = xml.split("\n").findIndex((text) => text.includes("forever")) + 1;
    const errors = await checks.validateOwnSchema(xml, { fileName: "broken.xml" });
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^broken.xml:${line}: .*lifetime`))]);
  });
});

describe("Microsoft's published XSDs (used by .ci/run and npm run validate:microsoft)", () => {
  const scratch = join(root, ".tmp", "manifest-test");
  const files = [
    "OfficeAppManifestV1_1.xsd",
    "OfficeAppBasicTypesV1_0.xsd",
    "TaskPaneAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_1.xsd",
  ];
  /** Makes a folder under the repository's .tmp/ holding empty files of these names. */
  function folderWith(name: string, names: string[]): string {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    for (const file of names) writeFileSync(join(dir, file), "");
    return dir;
  }
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test("the folder given wins over HKMR_SCHEMA_DIR", () => {
    const given = folderWith("given", files);
    const env = { HKMR_SCHEMA_DIR: folderWith("env", files) };
    expect(checks.resolveMicrosoftSchemaDir(root, { dir: given, env })).toBe(given);
    expect(checks.resolveMicrosoftSchemaDir(root, { env })).toBe(env.HKMR_SCHEMA_DIR);
  });

  test("says which files are missing and how to name the folder", () => {
    const partial = folderWith("partial", files.slice(0, 2));
    expect(() => checks.resolveMicrosoftSchemaDir(root, { dir: partial, env: {} })).toThrow(
      /missing from .*partial \(TaskPaneAppVersionOverridesV1_0.xsd, .*validate:microsoft -- DIR.*HKMR_SCHEMA_DIR/
    );
  });

  test("setting <Runtimes> aside (as those XSDs predate it) keeps line numbers", () => {
    const stripped = checks.stripRuntimes(manifest);
    expect(stripped).not.toMatch(/<\/?Runtimes?\b/);
    expect(stripped.split("\n")).toHaveLength(manifest.split("\n").length);
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

  test("reports a ribbon icon without one of the 16, 32 and 80 px images Office requires", () => {
    const xml = edit(/\s*<bt:Image size="80" resid="Icon.80x80"\/>/, "");
    expect(checks.checkImages(xml, root)).toEqual([
      expect.stringMatching(/<Icon> lacks the 80 px image/),
    ]);
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
    expect(await checks.validateOwnSchema(rewritten)).toEqual([]);
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
