/**
 * Reader benchmark: reads a generated (not committed) workbook of 2,000 schools and ≈1,000,000
 * score rows — the one bench/cli.bench.ts uses — with the old reader (exceljs's streaming
 * WorkbookReader, kept below for comparison) and with `readXlsxFile`, each in its own child
 * process, printing wall time, CPU time (user + system) and peak RSS, and checks both give the same
 * cell values.
 *
 *   npx tsx bench/read.bench.ts                      # defaults
 *   npx tsx bench/read.bench.ts 2000 1000000         # schools, score rows (approximate)
 *   npx tsx bench/read.bench.ts --file some.xlsx     # an existing file instead
 *   npx tsx bench/read.bench.ts --new-only           # skip the (slow) old reader
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { stream } from "exceljs";
import type { CellValue, RawSheet, RawWorkbook } from "../src/schema/raw";
import { generateDemoRegion, schoolYearScores } from "../src/demo/region";
import { demoInputSheets } from "../src/demo/workbook";
import { writeInputWorkbookFile } from "../src/workbook/inputWriterNode";
import { readXlsxFile } from "../src/workbook/xlsxFile";
import { toCellValue, trimTrailingEmptyRows } from "../src/workbook/xlsxReader";

/** The reader as it was before the dedicated scanner (exceljs streaming, styles ignored). */
async function readXlsxFileExceljs(path: string): Promise<RawWorkbook> {
  const reader = new stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const sheets: RawSheet[] = [];
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    const rows: CellValue[][] = [];
    for await (const row of ws) {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = toCellValue(cell.value);
        if (v === null) return;
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = v;
      });
      while (rows.length < row.number - 1) rows.push([]);
      rows[row.number - 1] = cells;
    }
    trimTrailingEmptyRows(rows);
    sheets.push({ name, rows });
  }
  return { sheets };
}

/** A digest of the cell values, row by row (the whole workbook as one JSON string would not fit). */
function digest(wb: RawWorkbook): string {
  const h = createHash("sha256");
  for (const s of wb.sheets) {
    h.update(`\u0001${s.name}\u0001${s.rows.length}\n`);
    for (const r of s.rows) h.update(JSON.stringify(r) + "\n");
  }
  return h.digest("hex").slice(0, 16);
}

/** Child: `--run old|new file` reads the file and prints one JSON line. */
async function child(which: string, file: string): Promise<void> {
  const t = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const wb = which === "old" ? await readXlsxFileExceljs(file) : await readXlsxFile(file);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const rows = Object.fromEntries(wb.sheets.map((s) => [s.name, s.rows.length]));
  console.log(JSON.stringify({ ms, cpuMs, rssMb, rows, digest: digest(wb) }));
}

interface Run {
  ms: number;
  /** CPU time (user + system) of the read, the fairer figure on a shared machine. */
  cpuMs: number;
  rssMb: number;
  rows: Record<string, number>;
  digest: string;
}

function run(which: "old" | "new", file: string): Run {
  // As bin/shnor.js runs the CLI: a larger young generation.
  const r = spawnSync(process.execPath, [...process.execArgv, "--max-semi-space-size=64", __filename, "--run", which, file], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${which} reader failed:\n${r.stdout}\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as Run;
}

async function generate(dir: string, schools: number, targetRows: number): Promise<string> {
  const municipalities = Math.max(30, Math.round(schools / 33));
  let n = 0;
  const probe = generateDemoRegion({ schools, municipalities, pupilScale: 1 });
  for (const year of probe.options.years) for (const s of probe.schools) n += schoolYearScores(s, year, probe.options.years, probe.options.seed).length;
  const region = generateDemoRegion({ schools, municipalities, pupilScale: targetRows / n });
  const file = join(dir, "region.xlsx");
  const t = Date.now();
  const { rows } = await writeInputWorkbookFile(file, demoInputSheets(region));
  console.log(
    `Книга: ${schools} школ, ${rows["Баллы"] ?? 0} строк баллов; ${(statSync(file).size / 1e6).toFixed(1)} МБ, записана за ${((Date.now() - t) / 1000).toFixed(1)} с`,
  );
  return file;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--run") return child(args[1] ?? "new", args[2] ?? "");
  const newOnly = args.includes("--new-only");
  const fileAt = args.indexOf("--file");
  const positional = args.filter((a, i) => !a.startsWith("--") && (fileAt < 0 || i !== fileAt + 1));
  const dir = join(tmpdir(), `shnor-read-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const file = fileAt >= 0 ? args[fileAt + 1]! : await generate(dir, Number(positional[0] ?? 2000), Number(positional[1] ?? 1_000_000));
    const fresh = run("new", file);
    console.log(`нагрузка машины (1 мин): ${loadavg()[0]!.toFixed(1)} на ${cpus().length} ядра`);
    console.log(
      `новый (xlsxStream):        ${(fresh.ms / 1000).toFixed(2)} с по часам, ${(fresh.cpuMs / 1000).toFixed(2)} с ЦП, пиковая память ${fresh.rssMb.toFixed(0)} МБ; строки ${JSON.stringify(fresh.rows)}`,
    );
    if (!newOnly) {
      const old = run("old", file);
      console.log(`старый (exceljs streaming): ${(old.ms / 1000).toFixed(2)} с по часам, ${(old.cpuMs / 1000).toFixed(2)} с ЦП, пиковая память ${old.rssMb.toFixed(0)} МБ`);
      // They may differ: exceljs's streaming reader garbles a character cut by its chunk boundary
      // (tests/workbook/xlsxStream.test.ts checks the new reader against exceljs in memory).
      console.log(
        `ускорение ×${(old.ms / fresh.ms).toFixed(1)}; значения ${old.digest === fresh.digest ? "совпадают" : "различаются (старый читатель портит символы на границах своих кусков)"}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
