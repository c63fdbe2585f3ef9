import { readFile } from "node:fs/promises";
import type { Layout } from "../form";
import { checksOf, type MonthInput } from "../rules/reconcile";
import { readReturn } from "../rules/return-doc";
import { verdictOf, type Verdict } from "../rules/verdict";

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

const nodeIo: Io = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  read: (path) => readFile(path, "utf8"),
};

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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const result = readReturn(json);
  if (!result.ok) {
    throw new InputError(result.problems.map((p) => `${path}: ${p.path}: ${p.message}`).join("\n"));
  }
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

/** The report for people: counts, the headline, findings worst first, then the likely causes. */
function textReport(file: string, checks: number, layout: Layout, verdict: Verdict): string {
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
    const label = layout.byId.get(s.field)?.label ?? s.field;
    const tied = s.tiedWith ? ` (as likely: ${s.tiedWith.join(", ")})` : "";
    const cleared = s.clears.map((k) => k + 1).join(", ");
    lines.push(
      `  ${s.field}  ${label}: ${s.current} -> ${s.value} clears finding${s.clears.length === 1 ? "" : "s"} ${cleared}${tied}`
    );
  }
  return lines.join("\n");
}

const EXIT_OF: Readonly<Record<Verdict["status"], number>> = {
  ready: EXIT.ok,
  errors: EXIT.findings,
  incomplete: EXIT.incomplete,
};

/** Runs the command with `args` (without node and script); resolves to the exit code. */
export async function main(args: readonly string[], io: Io = nodeIo): Promise<number> {
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
  const verdict = verdictOf(month, previous);
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
        { file: options.file, checks, status, headline, toFill, findings, suggestions },
        null,
        2
      )
    );
  } else {
    io.out(textReport(options.file, checks, month.layout, verdict));
  }
  return EXIT_OF[verdict.status];
}
