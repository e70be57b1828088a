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

/**
 * Loads the bundle with V8's code cache: compiling its ~5 MB of JavaScript is most of the start.
 * Node 22 has this built in (module.enableCompileCache); on Node 20 the bundle is compiled with
 * vm.Script and the cache kept beside it (dist-cli/shnor.js.cache, made at the end of the first
 * run, or by `npm run build:cli`). The cache is named after the bundle's size and time and
 * Node's version, and V8 itself rejects a cache made with other flags; an unwritable folder
 * only means no cache.
 */
function loadBundle() {
  const Module = require("module");
  if (typeof Module.enableCompileCache === "function") {
    Module.enableCompileCache();
    return require(bundle);
  }
  const vm = require("vm");
  const stat = fs.statSync(bundle);
  const cacheFile = `${bundle}.cache`;
  const stamp = Buffer.from(`${stat.size}:${Math.floor(stat.mtimeMs)}:${process.version}\n`);
  let cached;
  try {
    const bytes = fs.readFileSync(cacheFile);
    if (bytes.subarray(0, stamp.length).equals(stamp)) cached = bytes.subarray(stamp.length);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, "utf8")), { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
  if (cached === undefined || script.cachedDataRejected) {
    // Made at exit, so the functions the command compiled are in the cache too.
    process.once("exit", () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, Buffer.concat([stamp, script.createCachedData()]));
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a read-only installation: every start compiles, as without a cache
      }
    });
  }
  const m = new Module(bundle, module);
  m.filename = bundle;
  m.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(m.exports, m.exports, (id) => m.require(id), m, bundle, path.dirname(bundle));
  return m.exports;
}

if (bundleIsFresh()) {
  loadBundle().runCli();
} else {
  require("tsx/cjs");
  require("../src/cli/run.ts").runCli();
}
