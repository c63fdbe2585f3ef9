// Validates the add-in manifest offline: Microsoft's XSDs (without the <Runtimes> block they predate),
// then the shared-runtime block, resource ids, icon files and URLs.
// Usage: node scripts/validate-manifest.mjs [manifest.xml] [--production]
//   --production  check a built manifest (dist/manifest.xml): every URL under ADDIN_URL instead of
//                 https://localhost:3000/, and no development rewrite check.
// Env: HKMR_SCHEMA_DIR overrides ../shared/schemas/office-addin-manifest.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const checks = require("./manifest-checks.cjs");

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const production = args.includes("--production");
const manifestPath = resolve(
  args.find((a) => !a.startsWith("--")) ?? join(repoRoot, "manifest.xml")
);
// any https address will do to prove the rewrite; a real one comes from ADDIN_URL when set
const sampleAddinUrl = process.env.ADDIN_URL || "https://example.org/hkmr/";

async function main() {
  const name = relative(process.cwd(), manifestPath) || manifestPath;
  const xml = readFileSync(manifestPath, "utf8");
  const schemaDir = checks.resolveSchemaDir(repoRoot);
  const base = production ? checks.normaliseAddinUrl(process.env.ADDIN_URL) : checks.DEV_URL;

  const sections = [
    ["XSD (without <Runtimes>)", await checks.validateSchema(xml, schemaDir, { fileName: name })],
    ["<Runtimes>", checks.checkRuntimes(xml)],
    ["resource ids", checks.checkResids(xml)],
    ["images", checks.checkImages(xml, dirname(manifestPath))],
    [`URLs under ${base}`, checks.checkUrls(xml, base)],
  ];
  if (!production) {
    sections.push(["production rewrite", checks.checkProductionRewrite(xml, sampleAddinUrl)]);
  }

  let failed = 0;
  for (const [title, errors] of sections) {
    console.log(`${errors.length === 0 ? "ok  " : "FAIL"} ${title}`);
    for (const error of errors) console.log(`       ${error}`);
    failed += errors.length;
  }
  if (failed > 0) {
    console.error(`\n${name}: ${failed} problem(s) found.`);
    process.exitCode = 1;
  } else {
    console.log(
      `\n${name} is valid (schemas: ${relative(process.cwd(), schemaDir) || schemaDir}).`
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
