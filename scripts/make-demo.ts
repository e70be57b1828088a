/**
 * Regenerates the committed demo workbook assets/demo/demo-region.xlsx from the seeded
 * generator (src/demo). Usage: npx tsx scripts/make-demo.ts [out.xlsx] [--minimal]
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { generateDemoRegion } from "../src/demo/region";
import { DEMO_MINIMAL_OPTIONS, DEMO_MINIMAL_WORKBOOK_PATH, DEMO_WORKBOOK_PATH, demoInputSheets, minimalDemoInputSheets } from "../src/demo/workbook";
import { writeInputWorkbookFile } from "../src/workbook/inputWriterNode";

export async function makeDemo(path: string, log: (s: string) => void = (s) => process.stderr.write(s + "\n"), minimal = false): Promise<void> {
  const started = Date.now();
  const region = generateDemoRegion(minimal ? DEMO_MINIMAL_OPTIONS : {});
  const { rows } = await writeInputWorkbookFile(path, minimal ? minimalDemoInputSheets(region) : demoInputSheets(region));
  const mb = statSync(path).size / 1e6;
  log(
    `Демо-регион записан: ${path} — ${Object.entries(rows)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; ${mb.toFixed(1)} МБ, ${((Date.now() - started) / 1000).toFixed(1)} с`,
  );
}

if (require.main === module) {
  // --minimal: the second demo file without the optional inputs (assets/demo/demo-region-minimal.xlsx).
  const minimal = process.argv.includes("--minimal");
  const out = process.argv.slice(2).find((a) => !a.startsWith("--"));
  makeDemo(resolve(out ?? (minimal ? DEMO_MINIMAL_WORKBOOK_PATH : DEMO_WORKBOOK_PATH)), undefined, minimal).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
