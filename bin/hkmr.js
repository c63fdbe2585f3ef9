#!/usr/bin/env node
// Runs the TypeScript command-line entry through tsx, so `npx hkmr` works from a fresh clone.
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
