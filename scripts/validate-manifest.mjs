// Validates the add-in manifest offline: the project's own XSDs (schemas/manifest/, <Runtimes> included),
// then the shared-runtime block, resource ids, icon files and URLs. Reads nothing outside the repository.
// Usage: node scripts/validate-manifest.mjs [manifest.xml] [--production] [--microsoft [DIR]]
//   --production  check a built manifest (dist/manifest.xml): every URL under ADDIN_URL instead of
//                 https://localhost:3000/, and no development rewrite check.
//   --microsoft   also validate against Microsoft's published XSDs (without <Runtimes>, which they
//                 predate) from DIR, else HKMR_SCHEMA_DIR, else ../shared/schemas/office-addin-manifest.
//                 `npm run validate:microsoft -- DIR` runs this on manifest.xml.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const checks = require("./manifest-checks.cjs");

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const production = args.includes("--production");
const microsoft = args.includes("--microsoft");
const [manifestArg, microsoftDirArg] = args.filter((a) => !a.startsWith("--"));
const manifestPath = resolve(manifestArg ?? join(repoRoot, "manifest.xml"));
// any https address will do to prove the rewrite; a real one comes from ADDIN_URL when set
const sampleAddinUrl = process.env.ADDIN_URL || "https://example.org/hkmr/";

/** Names a path relative to the working folder when that is shorter. */
function shown(path) {
  return relative(process.cwd(), path) || path;
}

async function main() {
  const name = shown(manifestPath);
  const xml = readFileSync(manifestPath, "utf8");
  const base = production ? checks.normaliseAddinUrl(process.env.ADDIN_URL) : checks.DEV_URL;

  const sections = [
    [
      `XSD: ${shown(checks.OWN_SCHEMAS.dir)} (with <Runtimes>)`,
      await checks.validateOwnSchema(xml, { fileName: name }),
    ],
  ];
  if (microsoft) {
    const dir = checks.resolveMicrosoftSchemaDir(repoRoot, { dir: microsoftDirArg });
    sections.push([
      `XSD: Microsoft's, ${shown(dir)} (without <Runtimes>)`,
      await checks.validateMicrosoftSchema(xml, dir, { fileName: name }),
    ]);
  }
  sections.push(
    ["<Runtimes>", checks.checkRuntimes(xml)],
    ["resource ids", checks.checkResids(xml)],
    ["images", checks.checkImages(xml, dirname(manifestPath))],
    [`URLs under ${base}`, checks.checkUrls(xml, base)]
  );
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
    console.log(`\n${name} is valid.`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
