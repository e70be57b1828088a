/**
 * Write benchmark: the `write` stage of `shnor identify` on its own — the result sheets
 * (resultSheets), the .xlsx (resultWorkbookBytes, the streaming writer) and the JSON
 * (resultJsonText) of a generated 2,000-school region with three years of data, analysed in
 * memory (no input file). Prints the rows and cells written, time and CPU of each step, and the
 * heap the step added. `--exceljs` also times the exceljs file adapter the CLI used before
 * (≈ 20–60 s on this size, hence off by default).
 *
 * Goal: the whole write stage ≤ 1.5 s.
 *
 *   npx tsx bench/write.bench.ts             # 2,000 schools
 *   npx tsx bench/write.bench.ts 600         # schools
 *   npx tsx bench/write.bench.ts --exceljs   # and the exceljs adapter, for comparison
 */
import { generateDemoRegion } from "../src/demo/region";
import { PRESETS } from "../src/engine";
import { parseWorkbook } from "../src/schema";
import type { CellValue } from "../src/schema/raw";
import { resultJsonText } from "../src/cli/json";
import { FileWorkbook } from "../src/workbook/fileAdapter";
import { analyseParsed } from "../src/workbook/pipeline";
import { resultSheets } from "../src/workbook/resultSheets";
import { resultWorkbookBytes } from "../src/workbook/resultWriterNode";

const GOAL_S = 1.5;

async function timed<T>(label: string, f: () => Promise<T> | T, note: (x: T) => string = () => ""): Promise<{ value: T; seconds: number }> {
  const heap = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const seconds = (performance.now() - t) / 1000;
  const c = process.cpuUsage(cpu);
  const mb = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
  console.log(`  ${label.padEnd(22)} ${seconds.toFixed(2)} с (ЦП ${((c.user + c.system) / 1e6).toFixed(2)} с), куча +${mb.toFixed(0)} МБ${note(value)}`);
  return { value, seconds };
}

async function main(): Promise<void> {
  const schools = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);
  const region = generateDemoRegion({ schools, municipalities: Math.max(30, Math.round(schools / 33)) });
  const parsed = parseWorkbook({ sheets: region.sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] })) });
  if (!parsed.ok) throw new Error("the generated region does not parse");
  const { result, inputRows } = analyseParsed(parsed.input, parsed.issues, PRESETS.kbr);
  console.log(`Регион: ${schools} школ, ${parsed.input.scores.length} строк баллов; запись результата:`);

  const specs = await timed("листы (SheetSpec)", () => resultSheets(result, { inputRows, date: "2025-06-30", source: "region.xlsx" }), (s) => {
    const rows = s.reduce((n, x) => n + x.rows.length, 0);
    const cells = s.reduce((n, x) => n + x.rows.length * x.columns.length, 0);
    return `; ${s.length} листов, ${rows} строк, ${cells} ячеек`;
  });
  const xlsx = await timed(".xlsx (поток)", () => resultWorkbookBytes(specs.value), (x) => `; ${(x.bytes.length / 1e6).toFixed(1)} МБ`);
  const json = await timed("JSON", () => resultJsonText(result), (j) => `; ${(Buffer.byteLength(j) / 1e6).toFixed(1)} МБ`);
  const total = specs.seconds + xlsx.seconds + json.seconds;
  console.log(`  всего ${total.toFixed(2)} с (цель ≤ ${GOAL_S} с; без записи файлов на диск)`);

  if (process.argv.includes("--exceljs")) {
    await timed(".xlsx (exceljs)", async () => {
      const book = FileWorkbook.create();
      await book.writeResultSheets(specs.value);
      return book.toBuffer();
    }, (b) => `; ${(b.length / 1e6).toFixed(1)} МБ`);
  }
  console.log(total <= GOAL_S ? "Цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
