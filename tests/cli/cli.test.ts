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
  expect(r.out).toMatch(
    /^seed-kingsoft-2011-11\.json: 0 errors, 0 warnings \(\d+ checks\)\nReady to file$/
  );
});

test("exits 3 for a return with cells to fill and no error, and lists them to fill", async () => {
  const values = (JSON.parse(seedText) as { values: Record<string, string> }).values;
  const blank = seedText.replace(`"${values["sig.title"]}"`, '""');
  const r = await run(["check", "x.json"], { "x.json": blank });
  expect(r.code).toBe(3);
  expect(r.out).toMatch(/\n1 cell to fill\n/);
  expect(r.out).toMatch(/to fill complete {2}Fill in Title: \(Director/);
  const json = await run(["check", "x.json", "--format", "json"], { "x.json": blank });
  expect(JSON.parse(json.out)).toMatchObject({
    status: "incomplete",
    toFill: ["sig.title"],
    suggestions: [],
  });
});

test("names the likely wrong figure with its fix, in text and JSON", async () => {
  const r = await run(["check", "bad-issued-close-off-by-one.json"]);
  expect(r.out).toMatch(
    /Likely wrong figures, most likely first:\n {2}issued\.ord1\.close\.shares {2}II \(1\): Balance at close of the month, No\. of ordinary shares \(1\): 1,167,673,932 -> 1,167,673,933 clears finding 1 \(as likely: issued\.ord1\.preceding\.shares\)/
  );
  const json = await run(["check", "bad-issued-close-off-by-one.json", "--format", "json"]);
  expect(JSON.parse(json.out)).toMatchObject({
    status: "errors",
    toFill: [],
    suggestions: [
      {
        field: "issued.ord1.close.shares",
        value: "1,167,673,933",
        clears: [0],
        tiedWith: ["issued.ord1.preceding.shares"],
      },
      { field: "issued.ord1.preceding.shares", value: "1,167,621,932", clears: [0] },
    ],
  });
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
    "seed-kingsoft-2011-10.json",
  ]);
  expect(wrong.code).toBe(1);
  expect(wrong.out).toMatch(/month\.continuity/);
});

describe("a previous return that is not last month's of this issuer", () => {
  test("skips the cross-month checks and says why, in text, never as an error", async () => {
    // November 2011 of one issuer chained to January 2021 of another
    const r = await run([
      "check",
      "bad-opening-not-last-close.json",
      "--previous",
      "pair-example-2021-01.json",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/month\.continuity/);
    expect(r.out).toContain(
      "notice  previous.month  Last month's return is for the month ended 31/01/2021, not 31/10/2011"
    );
    expect(r.out).toContain(
      "notice  previous.issuer  Last month's return is of another issuer (its stock code 6188 is not this return's 3888)"
    );
  });

  test("lists the notices in the JSON output", async () => {
    const r = await run([
      "check",
      "pair-example-2021-02.json",
      "--previous",
      "seed-kingsoft-2011-10.json",
      "--format",
      "json",
    ]);
    const report = JSON.parse(r.out) as { notices: { code: string }[]; findings: unknown[] };
    expect(report.notices.map((n) => n.code)).toEqual(["previous.month", "previous.issuer"]);
    expect(r.code).toBe(0);
  });

  test("gives an empty notices list when last month's return fits", async () => {
    const r = await run([
      "check",
      "pair-example-2021-02.json",
      "--previous",
      "pair-example-2021-01.json",
      "--format",
      "json",
    ]);
    expect((JSON.parse(r.out) as { notices: unknown[] }).notices).toEqual([]);
  });
});

describe("FF301 returns", () => {
  test("exits 0 for a consistent FF301 return (ff301-1.2) and says it found no error", async () => {
    const r = await run(["check", "ff301-options-treasury-example-2026-06.json"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^ff301-options-treasury-example-2026-06\.json: 0 errors, 0 warnings \(\d+ checks\)\nReady to file$/
    );
  });

  test.each([
    ["ff301-v1-0-options-placing-2024-01.json"],
    ["ff301-treasury-sale-of-treasury-shares-2024-10.json"],
    ["ff301-two-classes-wvr-conversion-2026-03.json"],
  ])("exits 0 for %s, of another FF301 version or shape", async (file) => {
    const r = await run(["check", file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: 0 errors, 0 warnings/);
  });

  test("exits 1 for a bad FF301 return and prints each finding with its rule and cell", async () => {
    const r = await run(["check", "bad-ff301-treasury-sum-close-row.json"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/2 errors, 0 warnings/);
    expect(r.out).toMatch(
      /error\s+treasury\.sum\s+II \(1\): Balance at close of the month, Total number of issued shares: expected 2,001,000,000 = 1,949,000,000 \+ 52,000,000; found 2,010,000,000\./
    );
    expect(r.out).toMatch(/error\s+issued\.rollforward\s/);
  });

  test("exits 0 for an FF301 return with warnings only (no float box ticked)", async () => {
    const r = await run(["check", "bad-ff301-float-none-ticked.json"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 errors, 1 warning \(/);
    expect(r.out).toMatch(/warning float\.confirm\s/);
  });

  test("checks an FF301 month against last month with --previous", async () => {
    const july = ["check", "ff301-pair-repurchase-cancelled-2026-07.json"];
    const previous = ["--previous", "ff301-pair-repurchase-pending-2026-06.json"];
    expect((await run([...july, ...previous])).code).toBe(0);
    const broken = ["check", "bad-ff301-continuity-treasury.json"];
    expect((await run(broken)).code).toBe(0);
    const r = await run([...broken, ...previous, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { findings: { ruleId: string; cells: string[] }[] };
    expect(report.findings.map((f) => [f.ruleId, f.cells])).toEqual([
      ["month.continuity", ["issued.c1.preceding.excl"]],
      ["month.continuity", ["issued.c1.preceding.treasury"]],
    ]);
  });

  test("exits 2 for a field of another FF301 version (treasury columns in ff301-1.0)", async () => {
    const text = readFileSync(join(FIXTURES, "ff301-v1-0-options-placing-2024-01.json"), "utf8");
    const r = await run(["check", "x.json"], {
      "x.json": text.replace(
        '"hdr.issuer"',
        '"issued.c1.movement.treasury": "0",\n    "hdr.issuer"'
      ),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^x\.json: values\["issued\.c1\.movement\.treasury"\]: no such field in form ff301-1\.0/
    );
  });
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

test("runs an FF301 return as `npx hkmr check`, exiting 1 on errors", () => {
  const root = join(__dirname, "..", "..");
  const bad = join(FIXTURES, "bad-ff301-x1-neither-reading.json");
  let code = 0;
  let out = "";
  try {
    execFileSync("npx", ["--no-install", "hkmr", "check", bad], { cwd: root, encoding: "utf8" });
  } catch (error) {
    ({ status: code, stdout: out } = error as { status: number; stdout: string });
  }
  expect(code).toBe(1);
  expect(out).toMatch(/1 error, 0 warnings/);
  expect(out).toMatch(/error\s+total\.ties\.II\s/);
});

test("docs/return.schema.json is the schema the validator generates", () => {
  const committed = JSON.parse(
    readFileSync(join(__dirname, "..", "..", "docs", "return.schema.json"), "utf8")
  ) as unknown;
  expect(committed).toEqual(returnJsonSchema());
});
