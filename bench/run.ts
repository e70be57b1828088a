/** `npm run bench`: every bench/*.bench.ts in turn, each in its own tsx process. */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = __dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, f)], { stdio: "inherit" });
  console.log(`=== ${f}: ${r.status === 0 ? "готово" : `ошибка (код ${String(r.status)})`} за ${((Date.now() - started) / 1000).toFixed(1)} с ===`);
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
