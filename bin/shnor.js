#!/usr/bin/env node
// `shnor` command. Runs the compiled command line (dist-cli/shnor.js, built by `npm run build:cli`,
// which `npm ci` runs through `prepare`) when it is newer than every source file; otherwise (a
// source edited since, or no build) the TypeScript sources through tsx, so it never runs stale code.
//
// A whole region's workbook is millions of short-lived cell objects. A 32 MB young generation
// spends less time collecting them than V8's default and, measured on 1,000,000 score rows,
// also gave the lowest peak, so the command re-runs itself once with it (the flag must be set
// before V8 starts). A child that dies by a signal is reported as a crash, in Russian.
"use strict";
const fs = require("fs");
const path = require("path");

const SEMI_SPACE = "--max-semi-space-size=32";
// `identify` collects the raw cells as soon as they are parsed (src/cli/commands.ts), which keeps
// its peak memory to the parse's.
const EXPOSE_GC = "--expose-gc";
const EXIT_INTERNAL = 3;

if (!process.execArgv.includes(SEMI_SPACE) && process.env.SHNOR_NO_RESPAWN !== "1") {
  const { spawnSync } = require("child_process");
  const r = spawnSync(process.execPath, [...process.execArgv, SEMI_SPACE, EXPOSE_GC, __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  if (r.error) {
    process.stderr.write(`Не удалось запустить shnor: ${r.error.code === "ENOMEM" ? "не хватило памяти" : "ошибка запуска процесса"}\n`);
    process.exit(EXIT_INTERNAL);
  }
  if (r.status !== null) process.exit(r.status);
  if (r.signal === "SIGINT" || r.signal === "SIGTERM") {
    process.stderr.write("\nПрервано: ничего не записано (результаты пишутся только целиком).\n");
    process.exit(130);
  }
  const why = r.signal === "SIGABRT" || r.signal === "SIGKILL" ? " — скорее всего, не хватило памяти" : "";
  process.stderr.write(`\nshnor аварийно завершился (сигнал ${r.signal}${why}); ничего не записано.\n`);
  process.exit(EXIT_INTERNAL);
}

const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist-cli", "shnor.js");

/** The newest modification time under `dir` (the sources the bundle was built from). */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function bundleIsFresh() {
  if (process.env.SHNOR_FROM_SOURCE === "1") return false;
  try {
    return newest(path.join(root, "src")) <= fs.statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  require(bundle).runCli();
} else {
  require("tsx/cjs");
  require("../src/cli/run.ts").runCli();
}
