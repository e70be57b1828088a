/**
 * End-to-end benchmark: `shnor identify` as a child process on a generated (not committed)
 * workbook of 2,000 schools and ≈1,000,000 participant score rows, then the plain openpyxl +
 * numpy script (bench/openpyxl_numpy.py) on the same file in the same run. Prints the wall and
 * CPU time of each, the CLI's split (read, parse, analyse, write), the peak memory of each, and
 * the ratio. Python is skipped with a message where it or its modules are missing.
 *
 * Goal: under 10 s end to end, under 1.5 GB, at least 5 × faster than the Python script.
 *
 *   npx tsx bench/cli.bench.ts                    # defaults (the workbook is cached in .bench-tmp/)
 *   npx tsx bench/cli.bench.ts 2000 1000000       # schools, score rows (approximate)
 *   npx tsx bench/cli.bench.ts --file region.xlsx # an existing workbook
 *   npx tsx bench/cli.bench.ts --no-python        # without the Python comparison
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateDemoRegion, schoolYearScores } from "../src/demo/region";
import { demoInputSheets } from "../src/demo/workbook";
import { writeInputWorkbookFile } from "../src/workbook/inputWriterNode";

const GOAL_S = 10;
const GOAL_RSS_MB = 1536;
const GOAL_RATIO = 5;
const ROOT = resolve(__dirname, "..");

interface Measured {
  ok: boolean;
  wall: number;
  cpu: number;
  rssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs a command, measuring wall time, CPU time and peak RSS (GNU time, else a Node wrapper). */
function measure(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Measured {
  const useTime = existsSync("/usr/bin/time");
  const t = process.hrtime.bigint();
  const r = useTime
    ? spawnSync("/usr/bin/time", ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, ...env } })
    : spawnSync(process.execPath, ["-e", WRAPPER, cmd, ...args], { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  const grab = (re: RegExp): number => Number(re.exec(r.stderr)?.[1] ?? NaN);
  const rssKb = useTime ? grab(/Maximum resident set size \(kbytes\): (\d+)/) : grab(/maxRSS=(\d+)/);
  const cpu = useTime ? grab(/User time \(seconds\): ([\d.]+)/) + grab(/System time \(seconds\): ([\d.]+)/) : grab(/cpu=([\d.]+)/);
  return { ok: r.status === 0, wall, cpu, rssMb: rssKb / 1024, stdout: r.stdout, stderr: r.stderr };
}

/** Without /usr/bin/time: the children's peak RSS and CPU from this wrapper's own resource usage. */
const WRAPPER = `
const { spawnSync } = require("node:child_process");
const r = spawnSync(process.argv[1], process.argv.slice(2), { stdio: "inherit" });
const u = process.resourceUsage();
process.stderr.write("maxRSS=" + u.maxRSS + " cpu=" + ((u.userCPUTime + u.systemCPUTime) / 1e6) + "\\n");
process.exitCode = r.status;
`;

function scoreRows(schools: number, pupilScale: number): number {
  const region = generateDemoRegion({ schools, municipalities: Math.max(30, Math.round(schools / 33)), pupilScale });
  let n = 0;
  for (const year of region.options.years) for (const s of region.schools) n += schoolYearScores(s, year, region.options.years, region.options.seed).length;
  return n;
}

async function workbook(schools: number, targetRows: number): Promise<string> {
  const cacheDir = join(ROOT, ".bench-tmp");
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `region-${schools}-${targetRows}.xlsx`);
  if (existsSync(file)) return file;
  const t = Date.now();
  const scale = targetRows / scoreRows(schools, 1);
  const region = generateDemoRegion({ schools, municipalities: Math.max(30, Math.round(schools / 33)), pupilScale: scale });
  const { rows } = await writeInputWorkbookFile(file, demoInputSheets(region));
  console.log(`Книга создана: ${schools} школ, ${rows["Баллы"] ?? 0} строк баллов, ${rows["Результаты"] ?? 0} строк результатов (${((Date.now() - t) / 1000).toFixed(0)} с)`);
  return file;
}

/** A Python with openpyxl and numpy: Debian's /usr/bin/python3 first, then python3 on PATH. */
function python(): string | null {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(candidate, ["-c", "import openpyxl, numpy"], { encoding: "utf8" });
    if (r.status === 0) return candidate;
  }
  return null;
}

const f1 = (x: number): string => x.toFixed(1);

/** The stages `shnor identify` times (SHNOR_TIMINGS, src/cli/commands.ts). */
const STAGES = ["read", "parse", "analyse", "write"] as const;
const STAGE_NAMES: Record<(typeof STAGES)[number], string> = { read: "чтение", parse: "разбор", analyse: "анализ", write: "запись" };

async function main(): Promise<void> {
  const fileArg = process.argv.indexOf("--file");
  const numbers = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
  const input = fileArg >= 0 ? resolve(process.argv[fileArg + 1] ?? "") : await workbook(Number(numbers[0] ?? 2000), Number(numbers[1] ?? 1_000_000));
  console.log(`Входная книга: ${input}, ${f1(statSync(input).size / 1e6)} МБ`);
  const dir = mkdtempSync(join(tmpdir(), "shnor-bench-"));
  try {
    // The CLI as users run it: bin/shnor.js (compiled bundle if built, its own respawn with a larger young generation).
    const timings = join(dir, "timings.json");
    const cli = measure(process.execPath, [join(ROOT, "bin/shnor.js"), "identify", input, "-o", join(dir, "out.xlsx"), "--json", join(dir, "out.json")], { SHNOR_TIMINGS: timings });
    if (!cli.ok) throw new Error(`shnor identify failed:\n${cli.stdout}\n${cli.stderr}`);
    const split = JSON.parse(readFileSync(timings, "utf8")) as Partial<Record<(typeof STAGES)[number] | "boot" | "bootCpu", number>> & {
      peakMb?: Partial<Record<string, number>>;
      cpu?: Partial<Record<string, number>>;
    };
    // Start-up and exit: what the stages do not account for (the respawn, Node, loading the bundle, exiting).
    const start = cli.wall - STAGES.reduce((a, s) => a + (split[s] ?? 0), 0);
    const peaks = STAGES.map((s) => `${STAGE_NAMES[s]} ${split.peakMb?.[s] ?? "?"}`).join(", ");
    console.log(
      `shnor identify: ${f1(cli.wall)} с (ЦП ${f1(cli.cpu)} с; цель < ${GOAL_S} с), пиковая память ${cli.rssMb.toFixed(0)} МБ (цель < ${GOAL_RSS_MB} МБ); нагрузка ${loadavg().map((l) => l.toFixed(1)).join(" ")}\n` +
        `  запуск и выход ${f1(start)} с (из них до начала команды ${f1(split.boot ?? NaN)} с), ` +
        STAGES.map((s) => `${STAGE_NAMES[s]} ${f1(split[s] ?? NaN)} с`).join(", ") +
        `\n  ЦП по этапам (все потоки процесса): до начала команды ${f1(split.bootCpu ?? NaN)} с, ` +
        STAGES.map((s) => `${STAGE_NAMES[s]} ${f1(split.cpu?.[s] ?? NaN)} с`).join(", ") +
        `\n  пик памяти к концу этапа, МБ: ${peaks}`,
    );

    const py = process.argv.includes("--no-python") ? null : python();
    let ratio: number | null = null;
    if (py === null) {
      console.log("Сравнение с Python пропущено: нет python3 с модулями openpyxl и numpy (Debian: apt-get install python3-openpyxl python3-numpy).");
    } else {
      const p = measure(py, ["-W", "ignore", join(ROOT, "bench/openpyxl_numpy.py"), input, join(dir, "py.xlsx")]);
      if (!p.ok) throw new Error(`openpyxl_numpy.py failed:\n${p.stdout}\n${p.stderr}`);
      const pySplit = JSON.parse(p.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
      ratio = p.wall / cli.wall;
      console.log(
        `openpyxl + numpy (${py}): ${f1(p.wall)} с (ЦП ${f1(p.cpu)} с), пиковая память ${p.rssMb.toFixed(0)} МБ; ` +
          `чтение ${f1(pySplit["read"] ?? NaN)} с, анализ ${f1(pySplit["analyse"] ?? NaN)} с, запись ${f1(pySplit["write"] ?? NaN)} с`,
      );
      console.log(`shnor быстрее в ${f1(ratio)} раза по времени и в ${f1(p.cpu / cli.cpu)} раза по ЦП (цель ≥ ${GOAL_RATIO})`);
    }
    const met = cli.wall < GOAL_S && cli.rssMb < GOAL_RSS_MB && (ratio === null || ratio >= GOAL_RATIO);
    console.log(met ? "Цель достигнута" : "ЦЕЛЬ НЕ ДОСТИГНУТА");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
