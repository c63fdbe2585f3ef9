// Builds the add-in into dist/: taskpane.html (task pane + custom functions in one page: shared runtime),
// functions.js, functions.json (generated from the JSDoc of src/functions/functions.ts), the manifest,
// help.html, icons and a local copy of office.js. Development builds add the preview (preview.html +
// preview.js): the task pane beside an embedded HyperFormula workbook, for browsers without Excel.
// HyperFormula is GPL-3.0: it lives in the preview's chunks only, never in taskpane.js or functions.js,
// and production builds leave the preview out altogether.
//   npm run build:dev    development: URLs stay https://localhost:3000/, office.js served locally
//   npm run build        production: ADDIN_URL (https) replaces https://localhost:3000/ in the manifest,
//                        and the page loads office.js from Microsoft's CDN
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const manifestChecks = require("./scripts/manifest-checks.cjs");
const pkg = require("./package.json");

const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN_SCRIPT = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
const port = Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port);

/** Builds the page's Content-Security-Policy: own origin only, plus the Office CDN in production. */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    `script-src 'self'${dev ? "" : ` ${OFFICE_CDN_ORIGIN}`}`,
    // UI libraries (Fluent UI, a later issue) inject <style> elements at run time
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // the dev server's live-reload socket; CSP 'self' does not cover wss: in every WebView
    `connect-src 'self'${dev ? ` wss://localhost:${port}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The preview page's policy: this origin only (no eval, no CDN; the preview never loads office.js). */
function previewContentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI and the pane inject <style> elements at run time
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // the dev server's live-reload socket, over https (this port) or http (the next one)
    `connect-src 'self'${dev ? ` wss://localhost:${port} ws://localhost:${port + 1}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Lists the manifests to ship: manifest.xml and any manifest*.xml variant beside it. */
function manifestFiles() {
  return fs.readdirSync(__dirname).filter((name) => /^manifest.*\.xml$/.test(name));
}

/** Reads the production URL, or stops the build with a message that says what to set. */
function productionUrl() {
  try {
    return manifestChecks.normaliseAddinUrl(process.env.ADDIN_URL);
  } catch (error) {
    const message = `Production build stopped: ${error.message}`;
    const stop = new Error(message);
    stop.stack = message; // the reason is the message; a stack trace would only hide it
    throw stop;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const addinUrl = dev ? null : productionUrl();

  const devServer = env.WEBPACK_SERVE
    ? {
        host: "localhost",
        port,
        server: {
          type: "https",
          options: await (await import("./scripts/dev-certs.mjs")).getDevCertificates(),
        },
        // Excel on the web fetches functions.json and the icons from its own origin; these are
        // the add-in's public static files, so any origin may read them (as Microsoft's templates do)
        headers: { "Access-Control-Allow-Origin": "*" },
        static: false, // everything is served from the compilation, copied files included
        hot: false,
        liveReload: true,
        client: {
          overlay: { warnings: false, errors: true },
          // the live-reload socket follows the page: wss://localhost:3000 for the add-in, and
          // ws://localhost:3001 for the preview served over http by scripts/start.mjs
          webSocketURL: "auto://0.0.0.0:0/ws",
        },
      }
    : undefined;

  return {
    mode: dev ? "development" : "production",
    context: __dirname,
    // never "eval" source maps: the page's CSP forbids eval
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
      ...(dev ? { preview: "./src/preview/preview.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // types are checked by `npm run typecheck`; the build only strips them
            options: { transpileOnly: true, configFile: "tsconfig.json" },
          },
        },
      ],
      // ExcelJS's browser build is one prebuilt file: nothing in it for webpack to resolve
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
    },
    plugins: [
      // also appends CustomFunctions.associate("<ID>", fn) for each function to functions.ts
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // shared runtime: the custom functions load in the task pane's page
        chunks: ["taskpane", "functions"],
        templateParameters: {
          officeJsUrl: dev ? "office-js/office.js" : OFFICE_CDN_SCRIPT,
          contentSecurityPolicy: contentSecurityPolicy(dev),
        },
      }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./src/preview/preview.html",
              chunks: ["preview"],
              templateParameters: { contentSecurityPolicy: previewContentSecurityPolicy(dev) },
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "help.html", to: "help.html" },
          // plain ES5 served as written: it must parse in Internet Explorer 11 (no bundling, no terser)
          {
            from: "src/taskpane/unsupported-webview.js",
            to: "unsupported-webview.js",
            info: { minimized: true },
          },
          // manifest*.xml, listed file by file: a glob would make webpack watch the whole project
          // folder and rebuild whenever any file appears in it
          ...manifestFiles().map((file) => ({
            from: file,
            to: file,
            transform: {
              cache: false,
              transformer(content, absoluteFrom) {
                if (dev) return content;
                const xml = content.toString("utf8");
                const errors = manifestChecks.checkProductionRewrite(xml, addinUrl);
                if (errors.length > 0) {
                  throw new Error(
                    `${path.basename(absoluteFrom)}: ${errors.join("; ")}; ` +
                      `every URL in it must start with ${manifestChecks.DEV_URL}`
                  );
                }
                return Buffer.from(manifestChecks.rewriteForProduction(xml, addinUrl), "utf8");
              },
            },
          })),
          {
            // the dev page loads this copy; production pages use the CDN, but the copy ships too
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            info: { minimized: true }, // already minified; terser would spend ~30 s on it
          },
        ],
      }),
    ],
    performance: {
      assetFilter: (name) => !name.startsWith("office-js/") && !name.endsWith(".map"),
    },
    devServer,
  };
};
