import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { registerHkmrFunctions, type FunctionsMetadata } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";

/** The functions module the metadata is generated from, as the build does. */
export const FUNCTIONS_FILE = join(__dirname, "..", "..", "src", "functions", "functions.ts");

let cached: Promise<FunctionsMetadata> | undefined;

/** Generates functions.json from the JSDoc of src/functions/functions.ts; throws on its errors. */
async function generate(): Promise<FunctionsMetadata> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
  if (result.errors.length > 0) throw new Error(result.errors.join("\n"));
  return JSON.parse(result.metadataJson) as FunctionsMetadata;
}

/**
 * The generated metadata, once per test run: jest gives each test file its own modules, so the
 * result is also kept in the temp folder under the hash of the source it was generated from.
 */
export function hkmrMetadata(): Promise<FunctionsMetadata> {
  cached ??= (async () => {
    const source = readFileSync(FUNCTIONS_FILE);
    const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
    const file = join(tmpdir(), `hkmr-functions-metadata-${hash}.json`);
    try {
      return JSON.parse(readFileSync(file, "utf8")) as FunctionsMetadata;
    } catch {
      const metadata = await generate();
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, JSON.stringify(metadata));
      renameSync(partial, file); // atomic: parallel workers never read half a file
      return metadata;
    }
  })();
  return cached;
}

/** An empty HyperFormula workbook with the HKMR functions registered from the generated metadata. */
export async function hkmrHyperFormula(): Promise<HyperFormula> {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  return HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS]);
}
