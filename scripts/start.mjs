// `npm start`: builds the add-in and the preview in development mode and serves them on localhost:
//   http://localhost:3001/preview.html   the preview: the real task pane beside an embedded workbook,
//                                        in any browser, no Excel and no certificate needed
//   https://localhost:3000/              the add-in's pages for sideloading manifest.xml into Excel
// Both servers rebuild and reload on changes. Opens the preview in the desktop's browser where there
// is one (`--no-open`, or CI=1, skips it). Stop with Ctrl+C.
import { spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
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
const previewPort = devServer.port + 1;
const previewUrl = `http://localhost:${previewPort}/preview.html`;

/** Tells whether the port can be listened on (webpack-dev-server would throw from a callback). */
function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

for (const port of [devServer.port, previewPort]) {
  if (!(await portIsFree(port, devServer.host))) {
    console.error(`Port ${port} is already in use: stop the server that holds it first.`);
    process.exit(1);
  }
}

/** Opens a URL in the desktop's browser where there is one; never fails the start when there is none. */
function openInBrowser(url) {
  if (process.argv.includes("--no-open") || process.env.CI) return;
  const hasDesktop =
    process.platform === "darwin" ||
    process.platform === "win32" ||
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDesktop) return;
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", '""', url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.once("error", () => console.log(`Open ${url} in a browser.`)); // no such opener
    child.unref();
  } catch {
    console.log(`Open ${url} in a browser.`);
  }
}

const compiler = webpack({
  ...webpackConfig,
  stats: "errors-warnings", // the summary below replaces webpack's asset table
  infrastructureLogging: { level: "warn" },
});

// the browser opens once the first build is done and the preview's server listens
let pending = 2;
const readyToOpen = () => {
  if (--pending === 0) openInBrowser(previewUrl);
};

let told = false;
compiler.hooks.done.tap("hkmr-start", (stats) => {
  if (stats.hasErrors()) return; // webpack prints the errors itself
  console.log(`Built in ${(stats.endTime - stats.startTime) / 1000} s.`);
  if (told) return;
  told = true;
  console.log(`
Preview (the task pane beside an embedded workbook, in any browser):
  ${previewUrl}

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
  readyToOpen();
});

const server = new WebpackDevServer(devServer, compiler);
await server.start();

// The preview needs no certificate: the same build, served over plain http on localhost only. Pages
// come from the dev server's in-memory output; its live-reload socket is answered here too.
const previewServer = createHttpServer((request, response) => {
  if (request.url === "/" || request.url === "") {
    response.writeHead(302, { Location: "/preview.html" }).end();
    return;
  }
  server.middleware(request, response, () => response.writeHead(404).end("Not found"));
});
previewServer.on("upgrade", (request, socket, head) => {
  const sockets = server.webSocketServer?.implementation;
  if (!sockets?.shouldHandle?.(request)) {
    socket.destroy();
    return;
  }
  sockets.handleUpgrade(request, socket, head, (connection) =>
    sockets.emit("connection", connection, request)
  );
});
await new Promise((resolve, reject) =>
  previewServer.once("error", reject).listen(previewPort, devServer.host, resolve)
);
readyToOpen();

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    previewServer.close();
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  });
}
