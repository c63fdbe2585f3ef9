// Invalid input of every kind exits 2 with a message and no stack trace; problem lists are
// capped; a file that is not a regular file is refused at once; hidden keys are reported.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main, MAX_LISTED, readRegularFile, type Io } from "../../src/cli/main";
import { keyProblems } from "../../src/cli/json-keys";
import { LIMITS } from "../../src/form";
import { FIXTURES } from "../support/fixtures";

const seedText = readFileSync(join(FIXTURES, "seed-kingsoft-2011-11.json"), "utf8");
const seed = JSON.parse(seedText) as { values: Record<string, string>; shape: object };

/** Runs the command in-process on one file's text. */
async function runOn(text: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: () => Promise.resolve(text),
  };
  const code = await main(["check", "r.json"], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const withValues = (values: Record<string, string>): string =>
  JSON.stringify({ ...seed, values: { ...seed.values, ...values } });

test("caps a list of 200,000 unknown keys with a long path: exit 2, 'and 199,990 more'", async () => {
  const long = "x".repeat(100);
  const values: Record<string, string> = {};
  for (let k = 0; k < 200_000; k++) values[`${long}.${k}`] = "1";
  const r = await runOn(withValues(values));
  expect(r.code).toBe(EXIT.input);
  expect(r.err.split("\n")).toHaveLength(MAX_LISTED + 1);
  expect(r.err).toMatch(/r\.json: and 199,990 more$/);
  expect(r.err).not.toMatch(/\n\s+at /);
});

test.each([
  [
    "__proto__ in values",
    `{"values": {"__proto__": "1"}}`,
    /values\["__proto__"\]|values\.__proto__/,
  ],
  ["a duplicate value", `{"values": {"hdr.issuer": "A", "hdr.issuer": "B"}}`, /appears twice/],
  ["a duplicate top-level key", `{"form": "legacy-2011", "form": "ff301-1.2"}`, /form: this key/],
])("reports %s as invalid input", async (_, fragment, message) => {
  const text = seedText.replace(/^\{/, `{"extra": ${fragment},`);
  const r = await runOn(text.replace(`{"extra": ${fragment},`, `${fragment.slice(0, -1)},`));
  expect(r.code).toBe(EXIT.input);
  expect(r.err).toMatch(message);
});

test("finds duplicate and __proto__ keys at any depth, in linear time, without recursion", () => {
  const deep = "[".repeat(100_000) + "]".repeat(100_000);
  expect(keyProblems(deep).total).toBe(0);
  const text = `{"a": [{"b": 1, "b": 2}], "c": {"__proto__": {"d\\u0041": 1, "dA": 2}}}`;
  expect(keyProblems(text).problems).toEqual([
    { path: "a[0].b", message: "this key appears twice" },
    { path: "c.__proto__", message: 'the key "__proto__" is not allowed' },
    { path: "c.__proto__.dA", message: "this key appears twice" },
  ]);
});

test.each([
  ["a value over a cell's length", withValues({ "hdr.issuer": "x".repeat(LIMITS.cellLength + 1) })],
  ["201 option lines", JSON.stringify({ ...seed, shape: { ...seed.shape, options: 201 } })],
  ["a string for the shape", JSON.stringify({ ...seed, shape: "big" })],
  ["an array", "[1,2,3]"],
  ["null", "null"],
  ["deep nesting", "[".repeat(200_000) + "]".repeat(200_000)],
  ["broken JSON", "{"],
])("exits 2 with a message and no stack trace for %s", async (_, text) => {
  const r = await runOn(text);
  expect(r.code).toBe(EXIT.input);
  expect(r.err).toMatch(/^r\.json: /);
  expect(r.err).not.toMatch(/\n\s+at /);
});

test("exits 2 with one line, not a stack trace, when reading fails unexpectedly", async () => {
  const io: Io = {
    out: () => undefined,
    err: (t) => lines.push(t),
    read: () => Promise.reject(new RangeError("Invalid string length")),
  };
  const lines: string[] = [];
  expect(await main(["check", "r.json"], io)).toBe(EXIT.input);
  expect(lines.join("\n")).toMatch(/^r\.json: cannot read the file \(Invalid string length\)$/);
});

describe("files that are not regular files", () => {
  const dir = mkdtempSync(join(tmpdir(), "hkmr-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a directory is refused", async () => {
    await expect(readRegularFile(dir)).rejects.toThrow(/not a regular file/);
  });

  test("a device is refused", async () => {
    await expect(readRegularFile("/dev/zero")).rejects.toThrow(/not a regular file/);
  });

  test("a named pipe is refused at once, not waited on", () => {
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    const r = spawnSync(process.execPath, [join(__dirname, "../../bin/hkmr.js"), "check", fifo], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(EXIT.input);
    expect(r.stderr).toMatch(/not a regular file/);
  });

  test("a file over the size limit is refused before it is read", async () => {
    const big = join(dir, "big.json");
    writeFileSync(big, "");
    const handle = await import("node:fs/promises").then((fs) => fs.open(big, "r+"));
    await handle.truncate(LIMITS.fileBytes + 1);
    await handle.close();
    await expect(readRegularFile(big)).rejects.toThrow(/at most/);
  });
});
