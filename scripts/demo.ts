/**
 * `npm run demo`: the whole job without Excel. Reads the bundled demo region (generating it
 * first if it is missing), identifies ШНОР and ШНСУ and runs the monitoring over its years
 * (`analyse`, preset kbr unless --preset is given),
 * writes demo-output/identification.xlsx and .json, and prints a short summary.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { PRESET_IDS, PRESETS, type PresetId } from "../src/engine";
import { analyseParsed } from "../src/workbook/pipeline";
import { parseWorkbook } from "../src/schema";
import { dynamicsLine } from "../src/cli/dynamicsLine";
import { resultJsonText } from "../src/cli/json";
import { writeFileAtomic } from "../src/cli/files";
import { DEMO_WORKBOOK_PATH } from "../src/demo/workbook";
import { resultWorkbookBytes } from "../src/workbook/resultWriterNode";
import { CATEGORY_ORDER, resultSheets } from "../src/workbook/resultSheets";
import { readXlsxFile } from "../src/workbook/xlsxFile";
import { makeDemo } from "./make-demo";
import { reportBytes } from "../src/report/report";

function presetArg(argv: readonly string[]): PresetId {
  const i = argv.findIndex((a) => a === "--preset" || a.startsWith("--preset="));
  if (i < 0) return "kbr";
  const value = argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1];
  if (!(PRESET_IDS as readonly string[]).includes(value ?? "")) {
    process.stderr.write(`Неизвестная методика «${value ?? ""}»: ожидалась одна из ${PRESET_IDS.join(", ")}\n`);
    process.exit(2);
  }
  return value as PresetId;
}

const pct = (x: number): string => `${(x * 100).toFixed(1).replace(".", ",")} %`;

async function run(): Promise<void> {
  const started = Date.now();
  const preset = presetArg(process.argv.slice(2));
  const input = resolve(DEMO_WORKBOOK_PATH);
  if (!existsSync(input)) await makeDemo(input);

  const raw = await readXlsxFile(input);
  const parsed = parseWorkbook(raw);
  if (!parsed.ok || parsed.issues.some((i) => i.severity === "error")) {
    process.stderr.write(`Демо-книга не прошла проверку (${parsed.issues.length} замечаний) — пересоздайте её: npx tsx scripts/make-demo.ts\n`);
    for (const i of parsed.issues.slice(0, 10)) process.stderr.write(`  ${i.message}\n`);
    process.exit(1);
  }
  const methodology = PRESETS[preset];
  const { result, inputRows } = analyseParsed(parsed.input, parsed.issues, methodology);

  const { bytes } = await resultWorkbookBytes(resultSheets(result, { inputRows, date: new Date().toISOString().slice(0, 10), source: "demo-region.xlsx" }));
  writeFileAtomic("demo-output/identification.xlsx", bytes);
  writeFileAtomic("demo-output/identification.json", resultJsonText(result));
  writeFileAtomic("demo-output/справка.docx", await reportBytes(result, { date: new Date().toISOString().slice(0, 10), source: "demo-region.xlsx" }));

  const counts = new Map<string, number>();
  for (const s of result.schools) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  const n = result.schools.length;
  const out: string[] = [];
  out.push(`Демо-регион: ${n} школ, ${result.municipalities.length} муниципалитетов, ${parsed.input.scores.length} строк баллов`);
  out.push(`Методика: ${methodology.name}`);
  out.push("Категории:");
  for (const c of CATEGORY_ORDER) out.push(`  ${c.padEnd(12)} ${String(counts.get(c) ?? 0).padStart(4)}  (${pct((counts.get(c) ?? 0) / n)})`);
  out.push(`ШНОР всего: ${result.schools.filter((s) => s.shnor).length}, ШНСУ всего: ${result.schools.filter((s) => s.shnsu).length}`);
  out.push(dynamicsLine(result.dynamics));
  out.push("Муниципалитеты с наибольшей долей ШНОР ∪ ШНСУ:");
  const top = [...result.municipalities].sort((a, b) => b.share - a.share || a.name.localeCompare(b.name, "ru")).slice(0, 5);
  for (const m of top) out.push(`  ${m.name}: ${m.shnorOrShnsu} из ${m.schools} (${pct(m.share)})`);
  out.push(`Записано: demo-output/identification.xlsx, demo-output/identification.json, demo-output/справка.docx (${((Date.now() - started) / 1000).toFixed(1)} с)`);
  process.stdout.write(out.join("\n") + "\n");
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
