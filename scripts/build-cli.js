/**
 * Compiles the command line to one CommonJS file, dist-cli/shnor.js (with its dependencies
 * bundled), so that `shnor` starts from JavaScript instead of compiling TypeScript with tsx on
 * every run. `npm ci` runs it through the `prepare` script; bin/shnor.js falls back to the
 * sources when the bundle is missing or older than them.
 *
 *   node scripts/build-cli.js
 */
"use strict";

const path = require("path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const started = Date.now();
esbuild.buildSync({
  entryPoints: [path.join(root, "src/cli/run.ts")],
  outfile: path.join(root, "dist-cli/shnor.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
});
// One run makes V8's code cache of the new bundle (bin/shnor.js), so the first real command starts fast too.
require("child_process").spawnSync(process.execPath, [path.join(root, "bin/shnor.js"), "--version"], { stdio: "ignore" });
process.stdout.write(`dist-cli/shnor.js собран за ${((Date.now() - started) / 1000).toFixed(1)} с\n`);
