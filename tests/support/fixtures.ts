import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MonthInput } from "../../src/rules/reconcile";
import { readReturn, type ReturnDoc } from "../../src/rules/return-doc";

/** The folder of return fixtures: each file is a return with its expected findings in meta. */
export const FIXTURES = join(__dirname, "..", "fixtures", "returns");

/** Every fixture file name, sorted. */
export const fixtureNames = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort();

/** A fixture read and validated, with last month's return where its meta names one. */
export interface Fixture {
  readonly name: string;
  readonly doc: ReturnDoc;
  readonly month: MonthInput;
  readonly previous?: MonthInput;
}

/** Reads a fixture by file name; throws with the problems when the file is not a valid return. */
export function loadFixture(name: string): Fixture {
  const result = readReturn(JSON.parse(readFileSync(join(FIXTURES, name), "utf8")));
  if (!result.ok) {
    throw new Error(`${name}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  }
  const month = { layout: result.layout, values: result.doc.values };
  const prevName = result.doc.meta?.previous;
  return {
    name,
    doc: result.doc,
    month,
    previous: prevName ? loadFixture(prevName).month : undefined,
  };
}
