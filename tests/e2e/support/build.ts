import { createRequire } from "node:module";
import { join } from "node:path";
import type { Configuration, Stats } from "webpack";

const ROOT = join(__dirname, "..", "..", "..");
const load = createRequire(join(ROOT, "package.json"));

type MakeConfig = (env: object, argv: { mode: string }) => Promise<Configuration>;

/**
 * Builds the add-in and the preview in development mode into `outDir` with webpack's Node API
 * (the project's own webpack.config.js, output redirected); rejects with webpack's errors.
 */
export async function buildInto(outDir: string): Promise<Stats> {
  const webpack = load("webpack") as typeof import("webpack");
  const makeConfig = load("./webpack.config.js") as MakeConfig;
  const config = await makeConfig({}, { mode: "development" });
  const compiler = webpack({
    ...config,
    context: ROOT,
    output: { ...config.output, path: outDir },
    infrastructureLogging: { level: "error" },
  });
  return new Promise<Stats>((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats || stats.hasErrors())
        return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "no stats"));
      resolve(stats);
    });
  });
}
