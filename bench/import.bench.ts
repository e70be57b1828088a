/**
 * Import benchmark: `shnor import` as a child process on 200 generated export files holding
 * 1,000,000 participant rows (160 ФИС ОКО «Индивидуальные результаты» workbooks and 40 ОГЭ/ЕГЭ
 * protocols with full names, which are hashed). Prints wall time and peak RSS of the whole run:
 * read every file → recognise → join → infer scales → write the input workbook (.xlsx, «Баллы»
 * and «Баллы 2»).
 *
 * Goal: under 20 s and under 2 GB.
 *
 *   npx tsx bench/import.bench.ts               # defaults
 *   npx tsx bench/import.bench.ts 200 1000000   # files, participant rows
 *
 * The exports are generated once into a cache folder of the system's temporary directory
 * (`shnor-import-bench-<files>-<rows>`, reused while complete; SHNOR_BENCH_FRESH=1 regenerates),
 * since writing them takes longer than importing them. CPU time (user+sys of the child) is the
 * fair figure on a shared machine; the load average is printed with it.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fisIndividualSheet, protocolSheet, type Cell, type ProtocolPerson, type SheetData } from "../tests/import/helpers/exportWriters";
import { prng } from "./syntheticRegion";

const GOAL_S = 20;
const GOAL_RSS_MB = 2048;
const ROOT = resolve(__dirname, "..");

const FILES = Number(process.argv[2] ?? 200);
const ROWS = Number(process.argv[3] ?? 1_000_000);

async function writeStreaming(path: string, sheets: readonly SheetData[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
}

const SUBJECTS = ["Русский язык", "Математика", "Окружающий мир", "История", "Биология", "География"];
const SURNAMES = ["Абаев", "Бисаев", "Гайтиев", "Дадаев", "Ельмурзаев", "Жабраилов", "Закриев", "Ибаев", "Кадыров", "Лорсанов"];
const GIVEN = ["Адам", "Билал", "Вахид", "Гарун", "Дени", "Заур", "Ильяс", "Идрис", "Мансур", "Рамзан"];

/** Writes `files` export files with `totalRows` participant rows into `dir`. */
export async function generate(dir: string, files: number, totalRows: number): Promise<void> {
  const rnd = prng(20251203);
  const perFile = Math.floor(totalRows / files);
  const fisFiles = Math.round(files * 0.8);
  for (let f = 0; f < files; f++) {
    const rows = f === files - 1 ? totalRows - perFile * (files - 1) : perFile;
    if (f < fisFiles) {
      const grade = 4 + (f % 5);
      const subject = SUBJECTS[Math.floor(f / 5) % SUBJECTS.length] as string;
      const max = 20 + (f % 5) * 2;
      const schools = Array.from({ length: Math.ceil(rows / 50) }, (_, s) => ({
        login: `edu${String(300000 + ((f * 37 + s) % 2000))}`,
        name: `МБОУ «СОШ №${s + 1}»`,
        municipality: `Район ${1 + (s % 30)}`,
        participants: Array.from({ length: Math.min(50, rows - s * 50) }, (_, p) => {
          const score = Math.floor(rnd() * (max + 1));
          const mark = score >= max * 0.8 ? 5 : score >= max * 0.6 ? 4 : score >= max * 0.3 ? 3 : 2;
          return { code: 10000 + p + f * 100, score: rnd() < 0.02 ? "X" : score, mark, journal: rnd() < 0.1 ? "нет отметки" : mark } as { code: Cell; score: Cell; mark: Cell; journal: Cell };
        }),
      }));
      await writeStreaming(join(dir, `ВПР_${f}.xlsx`), [
        fisIndividualSheet({ sheetName: `${subject.slice(0, 2)} ${grade} Индивидуальные результаты`, year: 2025, subject: `${subject} ${f}`, grade, max, tasks: ["1 (1б)", "2 (2б)", "3 (2б)", "4 (1б)", "5 (2б)"], schools }),
      ]);
    } else {
      const ege = f % 2 === 0;
      const people: ProtocolPerson[] = Array.from({ length: rows }, (_, i) => {
        const primary = Math.floor(rnd() * 32);
        return {
          msu: 1 + (i % 30),
          school: 7000 + ((i * 13 + f) % 2000),
          cls: ege ? "11А" : "9А",
          surname: SURNAMES[i % 10] as string,
          name: GIVEN[Math.floor(i / 10) % 10] as string,
          patronymic: `${GIVEN[Math.floor(i / 100) % 10] as string}ович`,
          document: `96${String(f).padStart(2, "0")} ${String(i).padStart(6, "0")}`,
          primary,
          ...(ege ? { test: Math.min(100, primary * 3) } : { mark: primary >= 25 ? 5 : primary >= 18 ? 4 : primary >= 10 ? 3 : 2 }),
        };
      });
      await writeStreaming(join(dir, `${ege ? "ЕГЭ" : "ОГЭ"}_${f}.xlsx`), [
        protocolSheet({ sheetName: "Page 1", procedure: ege ? "ЕГЭ" : "ОГЭ", documents: true, blocks: [{ code: 12, subject: `Обществознание ${f}`, date: "2025.06.03", people }] }),
      ]);
    }
  }
}

async function main(): Promise<void> {
  const dir = join(tmpdir(), `shnor-import-bench-${process.pid}`);
  const exportsDir = join(tmpdir(), `shnor-import-bench-${FILES}-${ROWS}`);
  const complete = join(exportsDir, ".complete");
  mkdirSync(dir, { recursive: true });
  try {
    let t = Date.now();
    if (process.env["SHNOR_BENCH_FRESH"] === "1" || !existsSync(complete)) {
      rmSync(exportsDir, { recursive: true, force: true });
      mkdirSync(exportsDir, { recursive: true });
      await generate(exportsDir, FILES, ROWS);
      writeFileSync(complete, "");
      console.log(`Выгрузки: ${FILES} файлов, ${ROWS} строк участников, записаны за ${((Date.now() - t) / 1000).toFixed(1)} с в ${exportsDir}`);
    } else console.log(`Выгрузки: ${FILES} файлов, ${ROWS} строк участников — из ${exportsDir}`);
    const out = join(dir, "регион.xlsx");
    const args = [join(ROOT, "bin/shnor.js"), "import", exportsDir, "-o", out];
    const useTime = existsSync("/usr/bin/time");
    t = Date.now();
    const r = useTime
      ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })
      : spawnSync(process.execPath, ["-e", RSS_WRAPPER, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const wall = (Date.now() - t) / 1000;
    if (r.status !== 0) {
      console.error(r.stdout.slice(-4000), r.stderr.slice(-4000));
      throw new Error(`shnor import exited with ${String(r.status)}`);
    }
    const rssKb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) : Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const rssMb = rssKb / 1024;
    const written = /Записано: .*$/m.exec(r.stdout)?.[0] ?? "";
    console.log(written);
    const cpu = useTime ? Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) : NaN;
    console.log(`shnor import: ${wall.toFixed(1)} с (ЦП ${cpu.toFixed(1)} с; цель < ${GOAL_S} с), пиковая память ${rssMb.toFixed(0)} МБ (цель < ${GOAL_RSS_MB} МБ); книга ${(statSync(out).size / 1e6).toFixed(1)} МБ; средняя нагрузка ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    console.log(wall < GOAL_S && rssMb < GOAL_RSS_MB ? "Цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Without /usr/bin/time: run the CLI in a child and report its peak RSS from resourceUsage(). */
const RSS_WRAPPER = `
const { spawnSync } = require("node:child_process");
const r = spawnSync(process.execPath, process.argv.slice(1), { stdio: "inherit" });
process.on("exit", () => process.stderr.write("maxRSS=" + process.resourceUsage().maxRSS + "\\n"));
process.exitCode = r.status;
`;

if (process.env["SHNOR_BENCH_GENERATE_ONLY"] !== undefined) {
  const target = process.env["SHNOR_BENCH_GENERATE_ONLY"];
  mkdirSync(target, { recursive: true });
  void generate(target, FILES, ROWS).then(() => console.log(`Выгрузки записаны в ${target}`));
} else main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
