/**
 * `npm run bench`: every bench/*.bench.ts in turn, then the task pane's benchmark in Chromium
 * (tests/e2e/pane.bench.ts), each in its own tsx process. `npm run bench -- pane` runs only the
 * benchmarks whose file name contains "pane" (any word works as such a filter).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";

const dir = __dirname;
const filters = process.argv.slice(2);
const files = [
  ...readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort()
    .map((f) => join(dir, f)),
  join(dir, "..", "tests", "e2e", "pane.bench.ts"),
].filter((f) => filters.length === 0 || filters.some((w) => basename(f).includes(w)));
let failed = 0;
for (const file of files) {
  const f = basename(file);
  console.log(`\n=== ${f} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", file], { stdio: "inherit" });
  console.log(`=== ${f}: ${r.status === 0 ? "готово" : `ошибка (код ${String(r.status)})`} за ${((Date.now() - started) / 1000).toFixed(1)} с ===`);
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
