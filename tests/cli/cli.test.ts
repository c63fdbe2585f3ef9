import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { main, type Io } from "../../src/cli/main";
import { returnJsonSchema } from "../../scripts/return-schema";
import { FIXTURES } from "../support/fixtures";

/** Runs the command in-process with files from a map (else the fixtures folder). */
async function run(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: (path) =>
      path in files
        ? Promise.resolve(files[path])
        : Promise.resolve(readFileSync(join(FIXTURES, path), "utf8")),
  };
  const code = await main(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const seedText = readFileSync(join(FIXTURES, "seed-kingsoft-2011-11.json"), "utf8");

test("exits 0 for the seed and says it found no error", async () => {
  const r = await run(["check", "seed-kingsoft-2011-11.json"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^seed-kingsoft-2011-11\.json: 0 errors, 0 warnings \(\d+ checks\)$/);
});

test("exits 1 with errors and prints each finding with its rule", async () => {
  const r = await run(["check", "bad-issued-close-off-by-one.json"]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/error\s+issued\.rollforward\s+II \(1\): Balance at close of the month/);
});

test("exits 0 when there are warnings only", async () => {
  const r = await run(["check", "bad-submitted-late.json"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/1 warning/);
});

test("uses last month's return with --previous", async () => {
  const alone = await run(["check", "pair-example-2021-02.json"]);
  const paired = await run([
    "check",
    "pair-example-2021-02.json",
    "--previous",
    "pair-example-2021-01.json",
  ]);
  expect(alone.code).toBe(0);
  expect(paired.code).toBe(0);
  const wrong = await run([
    "check",
    "bad-opening-not-last-close.json",
    "--previous",
    "pair-example-2021-01.json",
  ]);
  expect(wrong.code).toBe(1);
  expect(wrong.out).toMatch(/month\.continuity/);
});

test("prints JSON findings with --format json", async () => {
  const r = await run(["check", "bad-issued-close-off-by-one.json", "--format", "json"]);
  const report = JSON.parse(r.out) as {
    findings: { ruleId: string; cells: string[] }[];
    checks: number;
  };
  expect(report.checks).toBeGreaterThan(50);
  expect(report.findings.map((f) => f.ruleId)).toContain("issued.rollforward");
});

test.each<[string, Record<string, string>, RegExp]>([
  ["a file that is not JSON", { "x.json": "{ not json" }, /^x\.json: not valid JSON/],
  ["a missing file", {}, /^nope\.json: cannot read the file/],
  [
    "a field that is not a string",
    { "x.json": seedText.replace('"10,000"', "10000") },
    /^x\.json: values\["A\.1\.exercised"\]: /m,
  ],
  [
    "an unknown field",
    { "x.json": seedText.replace('"hdr.issuer"', '"hdr.isuer"') },
    /^x\.json: values\["hdr\.isuer"\]: no such field/m,
  ],
  [
    "an unknown form version",
    { "x.json": seedText.replace('"legacy-2011"', '"legacy-1999"') },
    /^x\.json: form: unknown form version "legacy-1999"/,
  ],
  [
    "a shape count out of range",
    { "x.json": seedText.replace('"options": 5', '"options": 500') },
    /^x\.json: shape\.options: /m,
  ],
])("exits 2 and names the file and field for %s", async (_name, files, message) => {
  const file = Object.keys(files)[0] ?? "nope.json";
  const r = await run(["check", file], { ...files, ...(file === "nope.json" ? {} : {}) });
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
});

test.each([
  [["check"]],
  [["check", "a.json", "--format", "xml"]],
  [["verify", "a.json"]],
  [["check", "a.json", "--previous"]],
])("exits 2 with the usage for bad arguments %j", async (args) => {
  const r = await run(args);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/Usage: hkmr check FILE\.json/);
});

test("runs as `npx hkmr check` from the repository", () => {
  const root = join(__dirname, "..", "..");
  const out = execFileSync(
    "npx",
    ["--no-install", "hkmr", "check", join(FIXTURES, "seed-kingsoft-2011-11.json")],
    {
      cwd: root,
      encoding: "utf8",
    }
  );
  expect(out).toMatch(/0 errors, 0 warnings/);
});

test("docs/return.schema.json is the schema the validator generates", () => {
  const committed = JSON.parse(
    readFileSync(join(__dirname, "..", "..", "docs", "return.schema.json"), "utf8")
  ) as unknown;
  expect(committed).toEqual(returnJsonSchema());
});
