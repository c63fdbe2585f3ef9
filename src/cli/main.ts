import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { LIMITS, type Layout } from "../form";
import { previousNotices, type Notice } from "../rules/previous-month";
import { checksOf, type MonthInput } from "../rules/reconcile";
import { readReturn } from "../rules/return-doc";
import { verdictOf, type Verdict } from "../rules/verdict";
import { keyProblems } from "./json-keys";

/**
 * Exit codes: 0 ready to file (warnings allowed), 1 errors found, 2 unreadable or invalid input,
 * 3 no error but cells to fill (a script filing returns must not take it as ready).
 */
export const EXIT = { ok: 0, findings: 1, input: 2, incomplete: 3 } as const;

/** Where the command writes and reads; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  read(path: string): Promise<string>;
}

/**
 * Reads a regular file of at most LIMITS.fileBytes as UTF-8. The file is opened without waiting
 * (a named pipe would wait for a writer forever) and checked through its own handle, so what is
 * checked is what is read: a directory, pipe or device is refused at once.
 */
export async function readRegularFile(path: string): Promise<string> {
  const file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw new Error("not a regular file (a directory, pipe or device)");
    if (stats.size > LIMITS.fileBytes)
      throw new Error(
        `${stats.size.toLocaleString("en-US")} bytes: a return file has at most ${LIMITS.fileBytes.toLocaleString("en-US")}`
      );
    return await file.readFile("utf8");
  } finally {
    await file.close();
  }
}

const nodeIo: Io = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  read: readRegularFile,
};

/** How many problems of one file are listed; the rest are counted ("and 199,990 more"). */
export const MAX_LISTED = 10;

/** The lines that list a file's problems, at most MAX_LISTED of them and a count of the rest. */
function problemLines(
  path: string,
  problems: readonly { path: string; message: string }[],
  total = problems.length
): string {
  const lines = problems.slice(0, MAX_LISTED).map((p) => `${path}: ${p.path}: ${p.message}`);
  const more = total - lines.length;
  if (more > 0) lines.push(`${path}: and ${more.toLocaleString("en-US")} more`);
  return lines.join("\n");
}

const USAGE = `Usage: hkmr check FILE.json [--previous PREV.json] [--format text|json]

Checks a monthly return saved as JSON (docs/return-format.md) against every rule of its form.
Exit status: 0 ready to file (warnings allowed), 1 errors found, 2 unreadable or invalid
input, 3 no error but cells to fill.`;

/** A file that could not be used, with the reason in the user's terms. */
class InputError extends Error {
  override readonly name = "InputError";
}

/** Reads and validates one return file; throws InputError naming the file and the bad field. */
async function load(io: Io, path: string): Promise<MonthInput> {
  let text: string;
  try {
    text = await io.read(path);
  } catch (error) {
    throw new InputError(`${path}: cannot read the file (${(error as Error).message})`);
  }
  if (text.length > LIMITS.fileBytes)
    throw new InputError(`${path}: too large: a return file has at most ${LIMITS.fileBytes} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const keys = keyProblems(text, MAX_LISTED);
  if (keys.total > 0) throw new InputError(problemLines(path, keys.problems, keys.total));
  const result = readReturn(json);
  if (!result.ok) throw new InputError(problemLines(path, result.problems, result.total));
  return { layout: result.layout, values: result.doc.values };
}

interface Options {
  file: string;
  previous?: string;
  format: "text" | "json";
}

function parseArgs(args: readonly string[]): Options | string {
  if (args[0] !== "check")
    return args.length === 0 || args[0] === "--help" ? "" : `unknown command "${args[0]}"`;
  const options: Partial<Options> = { format: "text" };
  for (let k = 1; k < args.length; k++) {
    const arg = args[k];
    if (arg === "--previous") options.previous = args[++k];
    else if (arg === "--format") {
      const format = args[++k];
      if (format !== "text" && format !== "json")
        return `--format takes text or json, not "${format ?? ""}"`;
      options.format = format;
    } else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else if (options.file === undefined) options.file = arg;
    else return `one return file at a time ("${arg}" is extra)`;
  }
  if (options.file === undefined) return "which file? hkmr check FILE.json";
  if ("previous" in options && options.previous === undefined) return "--previous needs a file";
  return options as Options;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

const WORDS = { error: "error  ", "to-fill": "to fill", warning: "warning" } as const;

/**
 * The report for people: counts, the headline, findings worst first, the likely causes, then why
 * last month's return was not used.
 */
function textReport(
  file: string,
  checks: number,
  layout: Layout,
  verdict: Verdict,
  notices: readonly Notice[]
): string {
  const { findings } = verdict;
  const count = (severity: keyof typeof WORDS) =>
    findings.filter((f) => f.severity === severity).length;
  const lines = [
    `${file}: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")} (${plural(checks, "check")})`,
    verdict.headline,
  ];
  const numbered = findings.map((f, k) => ({ f, n: k + 1 }));
  for (const severity of ["error", "to-fill", "warning"] as const) {
    for (const { f, n } of numbered.filter(({ f }) => f.severity === severity)) {
      lines.push(`  ${n}. ${WORDS[severity]} ${f.ruleId}  ${f.message}`);
    }
  }
  if (verdict.suggestions.length > 0) lines.push("Likely wrong figures, most likely first:");
  for (const s of verdict.suggestions) {
    // a label that ends in the form's own colon ("... (State currency) :") takes no second one
    const label = (layout.byId.get(s.field)?.label ?? s.field).replace(/\s*:\s*$/, "");
    const tied = s.tiedWith ? ` (as likely: ${s.tiedWith.join(", ")})` : "";
    const cleared = s.clears.map((k) => k + 1).join(", ");
    lines.push(
      `  ${s.field}  ${label}: ${s.current} -> ${s.value} clears finding${s.clears.length === 1 ? "" : "s"} ${cleared}${tied}`
    );
  }
  // why last month's return was not used: said plainly, never counted as a finding
  for (const n of notices) lines.push(`  notice  ${n.code}  ${n.message}`);
  return lines.join("\n");
}

const EXIT_OF: Readonly<Record<Verdict["status"], number>> = {
  ready: EXIT.ok,
  errors: EXIT.findings,
  incomplete: EXIT.incomplete,
};

/**
 * Runs the command with `args` (without node and script); resolves to the exit code. Never
 * rejects: a failure of its own is reported in one line (no stack trace) with exit 2.
 */
export async function main(args: readonly string[], io: Io = nodeIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`hkmr: could not check the return: ${message.slice(0, 500)}`);
    return EXIT.input;
  }
}

async function run(args: readonly string[], io: Io): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === "string") {
    if (options) io.err(`hkmr: ${options}`);
    io.err(USAGE);
    return options ? EXIT.input : EXIT.ok;
  }
  let month: MonthInput;
  let previous: MonthInput | undefined;
  try {
    month = await load(io, options.file);
    previous = options.previous === undefined ? undefined : await load(io, options.previous);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(error.message);
      return EXIT.input;
    }
    throw error;
  }
  // last month's return is used only when it is the same issuer's return for the month before
  const notices = previous ? previousNotices(month, previous) : [];
  const verdict = verdictOf(month, notices.length === 0 ? previous : undefined);
  const checks = checksOf(month.layout).length;
  if (options.format === "json") {
    const { status, headline, toFill, findings } = verdict;
    const suggestions = verdict.suggestions.map(({ field, value, clears, tiedWith }) => ({
      field,
      value,
      clears,
      ...(tiedWith ? { tiedWith } : {}),
    }));
    io.out(
      JSON.stringify(
        { file: options.file, checks, status, headline, toFill, findings, suggestions, notices },
        null,
        2
      )
    );
  } else {
    io.out(textReport(options.file, checks, month.layout, verdict, notices));
  }
  return EXIT_OF[verdict.status];
}
