/**
 * The picture of «Сводка сравнения» in the README (docs/compare-summary.png): compares the
 * methodologies on the demo region, writes the summary sheet alone into a workbook, has
 * LibreOffice print it to PDF and pdftoppm turn the first page into a PNG.
 *
 *   npx tsx scripts/render-compare-summary.ts      # needs soffice and pdftoppm (poppler-utils)
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { compareMethodologies, PRESET_IDS, PRESETS } from "../src/engine";
import { parseWorkbook } from "../src/schema";
import { comparisonSummarySheet } from "../src/workbook/compareSheets";
import { FileWorkbook } from "../src/workbook/fileAdapter";
import { readXlsxFile } from "../src/workbook/xlsxFile";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "docs/compare-summary.png");

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")}: код ${String(r.status)}`);
}

async function main(): Promise<void> {
  const parsed = parseWorkbook(await readXlsxFile(join(ROOT, "assets/demo/demo-region.xlsx")));
  if (!parsed.ok) throw new Error("демо-регион не читается");
  const comparison = compareMethodologies(parsed.input, PRESET_IDS.map((id) => PRESETS[id]));
  const dir = mkdtempSync(join(tmpdir(), "shnor-compare-"));
  try {
    const book = FileWorkbook.create();
    await book.writeResultSheets([comparisonSummarySheet(comparison)]);
    const xlsx = join(dir, "summary.xlsx");
    writeFileSync(xlsx, await book.toBuffer());
    run("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, xlsx]);
    run("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", join(dir, "summary.pdf"), join(dir, "page")]);
    copyFileSync(join(dir, "page.png"), OUT);
    console.log(`Записано: ${OUT}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
