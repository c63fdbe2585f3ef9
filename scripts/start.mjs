// `npm start`: builds the add-in in development mode and serves it over HTTPS on localhost, then says how
// to sideload manifest.xml into Excel. Stop with Ctrl+C.
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config.js");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root); // the metadata plugin resolves its input against the working directory

const { devServer, ...webpackConfig } = await makeConfig(
  { WEBPACK_SERVE: true },
  { mode: "development" }
);
const base = `https://localhost:${devServer.port}/`;

/** Tells whether the port can be listened on (webpack-dev-server would throw from a callback). */
function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

if (!(await portIsFree(devServer.port, devServer.host))) {
  console.error(`Port ${devServer.port} is already in use: stop the server that holds it first.`);
  process.exit(1);
}

const compiler = webpack({
  ...webpackConfig,
  stats: "errors-warnings", // the summary below replaces webpack's asset table
  infrastructureLogging: { level: "warn" },
});

let told = false;
compiler.hooks.done.tap("hkmr-start", (stats) => {
  if (stats.hasErrors()) return; // webpack prints the errors itself
  console.log(`Built in ${(stats.endTime - stats.startTime) / 1000} s.`);
  if (told) return;
  told = true;
  console.log(`
The add-in is served at ${base}taskpane.html (manifest: ${join(root, "manifest.xml")})

Sideload it into Excel (the server must keep running):
  Windows  Share a folder holding manifest.xml, add it under File > Options > Trust Center >
           Trust Center Settings > Trusted Add-in Catalogs, restart Excel, then
           Home > Add-ins > More Add-ins > Shared Folder.
  macOS    Copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
           (create it if needed) and restart Excel; the add-in is under Home > Add-ins.
  Web      In Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in > manifest.xml.
Where Excel is installed, \`npm run start:desktop\` (or \`npm run start:web\`) sideloads it for you.
Excel must trust the development certificate: trust the CA printed above by hand (see the README).

Press Ctrl+C to stop.`);
});

const server = new WebpackDevServer(devServer, compiler);
await server.start();

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  });
}
