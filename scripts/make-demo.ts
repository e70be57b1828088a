/**
 * Regenerates the committed demo workbook assets/demo/demo-region.xlsx from the seeded
 * generator (src/demo). Usage: npx tsx scripts/make-demo.ts [out.xlsx]
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { generateDemoRegion } from "../src/demo/region";
import { DEMO_WORKBOOK_PATH, demoInputSheets } from "../src/demo/workbook";
import { writeInputWorkbookFile } from "../src/workbook/inputWriterNode";

export async function makeDemo(path: string, log: (s: string) => void = (s) => process.stderr.write(s + "\n")): Promise<void> {
  const started = Date.now();
  const region = generateDemoRegion();
  const { rows } = await writeInputWorkbookFile(path, demoInputSheets(region));
  const mb = statSync(path).size / 1e6;
  log(
    `Демо-регион записан: ${path} — ${Object.entries(rows)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; ${mb.toFixed(1)} МБ, ${((Date.now() - started) / 1000).toFixed(1)} с`,
  );
}

if (require.main === module) {
  makeDemo(resolve(process.argv[2] ?? DEMO_WORKBOOK_PATH)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
