#!/usr/bin/env node
// `shnor` command: runs the TypeScript CLI through tsx's CommonJS loader (no build step needed).
//
// A whole region's workbook is millions of short-lived cell objects; with V8's default 16 MB
// young generation half of the run goes to garbage collection. A larger one halves parse time,
// so the command re-runs itself once with it (the flag must be set before V8 starts).
"use strict";
const SEMI_SPACE = "--max-semi-space-size=64";
if (!process.execArgv.includes(SEMI_SPACE) && process.env.SHNOR_NO_RESPAWN !== "1") {
  const { spawnSync } = require("child_process");
  const r = spawnSync(process.execPath, [...process.execArgv, SEMI_SPACE, __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  if (r.error) throw r.error;
  process.exit(r.status === null ? 1 : r.status);
}
require("tsx/cjs");
require("../src/cli/run.ts");
