/**
 * Renders the first page of the demo region's analytical report to docs/report-page1.png for the
 * README: the report (.docx) is built as `npm run demo` builds it, LibreOffice Writer converts it
 * to PDF, and poppler's pdftoppm draws page 1 at 80 dpi. Needs `soffice` (libreoffice-writer)
 * and `pdftoppm` (poppler-utils).
 *
 *   npx tsx scripts/render-report-preview.ts
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PRESETS } from "../src/engine";
import { DEMO_WORKBOOK_PATH } from "../src/demo/workbook";
import { reportBytes } from "../src/report/report";
import { parseWorkbook } from "../src/schema";
import { analyseParsed } from "../src/workbook/pipeline";
import { readXlsxFile } from "../src/workbook/xlsxFile";
import { makeDemo } from "./make-demo";

const OUT = resolve("docs/report-page1.png");

async function main(): Promise<void> {
  const input = resolve(DEMO_WORKBOOK_PATH);
  if (!existsSync(input)) await makeDemo(input);
  const parsed = parseWorkbook(await readXlsxFile(input));
  if (!parsed.ok) throw new Error("демо-книга не прошла проверку");
  const { result } = analyseParsed(parsed.input, parsed.issues, PRESETS.kbr);
  const dir = mkdtempSync(join(tmpdir(), "shnor-preview-"));
  try {
    // A fixed date: the picture does not change from run to run.
    writeFileSync(join(dir, "report.docx"), await reportBytes(result, { date: "2025-06-30", source: "demo-region.xlsx" }));
    const profile = pathToFileURL(join(dir, "profile")).href;
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "report.docx")], { stdio: "ignore", timeout: 300_000 });
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", join(dir, "report.pdf"), join(dir, "page1")]);
    copyFileSync(join(dir, "page1.png"), OUT);
    process.stdout.write(`Записано: ${OUT}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
