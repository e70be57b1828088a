/**
 * CLI benchmark: `shnor identify` as a child process on a generated (not committed) workbook of
 * 2,000 schools and ≈1,000,000 participant score rows. Prints the file's size, wall time and
 * peak RSS of the whole run (read → parse → identify → write .xlsx and .json).
 *
 * Goal: under 20 s and under 2 GB.
 *
 *   npx tsx bench/cli.bench.ts               # defaults
 *   npx tsx bench/cli.bench.ts 2000 1000000  # schools, score rows (approximate)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateDemoRegion, schoolYearScores } from "../src/demo/region";
import { demoInputSheets } from "../src/demo/workbook";
import { writeInputWorkbookFile } from "../src/workbook/inputWriterNode";

const GOAL_S = 20;
const GOAL_RSS_MB = 2048;

const schools = Number(process.argv[2] ?? 2000);
const targetRows = Number(process.argv[3] ?? 1_000_000);
const ROOT = resolve(__dirname, "..");

function scoreRows(pupilScale: number): number {
  const region = generateDemoRegion({ schools, municipalities: Math.max(30, Math.round(schools / 33)), pupilScale });
  let n = 0;
  for (const year of region.options.years) for (const s of region.schools) n += schoolYearScores(s, year, region.options.years, region.options.seed).length;
  return n;
}

async function main(): Promise<void> {
  const dir = join(tmpdir(), `shnor-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const input = join(dir, "region.xlsx");
    let t = Date.now();
    const scale = targetRows / scoreRows(1);
    const region = generateDemoRegion({ schools, municipalities: Math.max(30, Math.round(schools / 33)), pupilScale: scale });
    const { rows } = await writeInputWorkbookFile(input, demoInputSheets(region));
    console.log(
      `Книга: ${schools} школ, ${rows["Баллы"] ?? 0} строк баллов, ${rows["Результаты"] ?? 0} строк результатов; ` +
        `${(statSync(input).size / 1e6).toFixed(1)} МБ, записана за ${((Date.now() - t) / 1000).toFixed(1)} с`,
    );

    const args = [join(ROOT, "bin/shnor.js"), "identify", input, "-o", join(dir, "out.xlsx"), "--json", join(dir, "out.json")];
    const useTime = existsSync("/usr/bin/time");
    t = Date.now();
    const r = useTime
      ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
      : spawnSync(process.execPath, ["-e", RSS_WRAPPER, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const wall = (Date.now() - t) / 1000;
    if (r.status !== 0) {
      console.error(r.stdout, r.stderr);
      throw new Error(`shnor identify exited with ${String(r.status)}`);
    }
    const rssKb = useTime
      ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN)
      : Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    const rssMb = rssKb / 1024;
    console.log(
      `shnor identify: ${wall.toFixed(1)} с (цель < ${GOAL_S} с), пиковая память ${rssMb.toFixed(0)} МБ (цель < ${GOAL_RSS_MB} МБ); ` +
        `результат ${(statSync(join(dir, "out.xlsx")).size / 1e6).toFixed(1)} МБ .xlsx, ${(statSync(join(dir, "out.json")).size / 1e6).toFixed(1)} МБ .json`,
    );
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

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
