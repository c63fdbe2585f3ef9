// Schema validation of the add-in manifest with xmllint-wasm, offline. Two schema sets:
// - the project's own (schemas/manifest/), written from the current [MS-OWEMXML] with <Runtimes>: what
//   `npm run validate` and the tests use, so a clone needs nothing beside it;
// - Microsoft's published XSDs (2019 and earlier, without <Runtimes>), for whoever has them: CI does, in
//   ../shared/schemas/office-addin-manifest, or any folder named by an argument or HKMR_SCHEMA_DIR.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/** The project's own schema set: root file first, then the files it imports. */
const OWN_SCHEMAS = {
  dir: path.join(__dirname, "..", "schemas", "manifest"),
  root: "office-app.xsd",
  imports: ["basic-types.xsd", "taskpane-overrides.xsd"],
};

/** File names of Microsoft's published manifest XSDs (root first). */
const MICROSOFT_SCHEMA_FILES = {
  root: "OfficeAppManifestV1_1.xsd",
  imports: [
    "OfficeAppBasicTypesV1_0.xsd",
    "TaskPaneAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_1.xsd",
  ],
};

/** Returns the manifest text with the <Runtimes> block blanked out, keeping line numbers. */
function stripRuntimes(xml) {
  return xml.replace(/[ \t]*<Runtimes>[\s\S]*?<\/Runtimes>[ \t]*/g, (block) =>
    block.replace(/[^\n]/g, "")
  );
}

/**
 * Finds the folder of Microsoft's XSDs: the folder given, else HKMR_SCHEMA_DIR, else
 * ../shared/schemas/office-addin-manifest beside the repository. Throws, naming what is missing.
 */
function resolveMicrosoftSchemaDir(repoRoot, { dir, env = process.env } = {}) {
  const chosen = dir || env.HKMR_SCHEMA_DIR;
  const resolved = chosen
    ? path.resolve(chosen)
    : path.resolve(repoRoot, "..", "shared", "schemas", "office-addin-manifest");
  const files = [MICROSOFT_SCHEMA_FILES.root, ...MICROSOFT_SCHEMA_FILES.imports];
  const missing = files.filter((file) => !fs.existsSync(path.join(resolved, file)));
  if (missing.length > 0) {
    throw new Error(
      `Microsoft's manifest schemas are missing from ${resolved} (${missing.join(", ")}). ` +
        "Pass the folder holding them (npm run validate:microsoft -- DIR) or set HKMR_SCHEMA_DIR. " +
        "npm run validate needs none of them: it uses the project's schemas/manifest/."
    );
  }
  return resolved;
}

/** Validates XML against a schema set { dir, root, imports }; resolves to "file:line: message" errors. */
async function validateAgainst(xml, schemas, fileName) {
  const { validateXML } = require("xmllint-wasm");
  const read = (file) => ({
    fileName: file,
    contents: fs.readFileSync(path.join(schemas.dir, file), "utf8"),
  });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(schemas.root)],
    // the imports must be preloaded: xmllint-wasm reads no file by itself
    preload: schemas.imports.map(read),
  });
  return result.errors.map((e) =>
    e.loc ? `${e.loc.fileName}:${e.loc.lineNumber}: ${e.message}` : e.message
  );
}

/** Validates a manifest against the project's own schema, <Runtimes> included. */
function validateOwnSchema(xml, { fileName = "manifest.xml" } = {}) {
  return validateAgainst(xml, OWN_SCHEMAS, fileName);
}

/**
 * Validates a manifest against Microsoft's XSDs in a folder; the <Runtimes> block is set aside first
 * (unless keepRuntimes) because those schemas predate it, and checkRuntimes covers it.
 */
function validateMicrosoftSchema(
  xml,
  schemaDir,
  { fileName = "manifest.xml", keepRuntimes = false } = {}
) {
  const schemas = { dir: schemaDir, ...MICROSOFT_SCHEMA_FILES };
  return validateAgainst(keepRuntimes ? xml : stripRuntimes(xml), schemas, fileName);
}

module.exports = {
  OWN_SCHEMAS,
  MICROSOFT_SCHEMA_FILES,
  stripRuntimes,
  resolveMicrosoftSchemaDir,
  validateOwnSchema,
  validateMicrosoftSchema,
};
