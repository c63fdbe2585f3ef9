#!/usr/bin/env node
// Runs the TypeScript command-line entry through tsx, so `npx hkmr` works from a fresh clone.
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // main never rejects; should it, one line and the invalid-input status, not a stack trace
      process.stderr.write(`hkmr: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  );
