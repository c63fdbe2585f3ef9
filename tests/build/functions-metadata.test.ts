import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata, type IGenerateResult } from "custom-functions-metadata";
import ts from "typescript";

const functionsFile = join(__dirname, "..", "..", "src", "functions", "functions.ts");

interface ExportedFunction {
  name: string;
  parameters: string[];
}

/** Tells whether a parameter is the optional invocation context Excel passes last (not in the metadata). */
function isInvocation(parameter: ts.ParameterDeclaration): boolean {
  return parameter.type !== undefined && /\bInvocation\b/.test(parameter.type.getText());
}

/** Lists the functions a TypeScript module exports (declarations and const arrow/function expressions). */
function exportedFunctions(file: string): ExportedFunction[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.ES2022,
    true
  );
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const describe = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>) => ({
    name,
    parameters: params.filter((p) => !isInvocation(p)).map((p) => p.name.getText()),
  });
  const found: ExportedFunction[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      found.push(describe(statement.name.text, statement.parameters));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (
          ts.isIdentifier(declaration.name) &&
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        ) {
          found.push(describe(declaration.name.text, init.parameters));
        }
      }
    }
  }
  return found;
}

interface Metadata {
  functions: { id: string; name: string; parameters: { name: string }[] }[];
}

describe("functions.json generated from src/functions/functions.ts", () => {
  let result: IGenerateResult;
  let metadata: Metadata;
  const exported = exportedFunctions(functionsFile);

  beforeAll(async () => {
    result = await generateCustomFunctionsMetadata(functionsFile);
    metadata = JSON.parse(result.metadataJson || '{"functions":[]}') as Metadata;
  });

  test("the module exports at least one function", () => {
    expect(exported.length).toBeGreaterThan(0);
  });

  test("is generated without errors", () => {
    expect(result.errors).toEqual([]);
  });

  test.each(exported.map((f) => [f.name.toUpperCase(), f] as const))(
    "lists %s with the parameters of its TypeScript signature",
    (id, fn) => {
      const entry = metadata.functions.find((f) => f.id === id);
      expect(entry).toBeDefined();
      expect(entry?.name).toBe(id);
      expect(entry?.parameters.map((p) => p.name)).toEqual(fn.parameters);
    }
  );

  test("lists no function the module does not export", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(
      exported.map((f) => f.name.toUpperCase()).sort()
    );
  });

  test("associates every id with its implementation (shared runtime)", () => {
    // custom-functions-metadata-plugin turns these into CustomFunctions.associate(id, fn) calls
    expect(result.associate.map(({ id, functionName }) => [id, functionName]).sort()).toEqual(
      exported.map((f) => [f.name.toUpperCase(), f.name]).sort()
    );
  });
});
