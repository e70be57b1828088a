/**
 * Report benchmark: the analytical report (.docx, SPEC §12) of the 2,000-school synthetic region
 * (bench/syntheticRegion.ts, 1,000,000 score rows): `analyse` once (not timed, it has its own
 * benchmark), then the report built and packed — median of 3 runs, with the Word charts and
 * without — and the size of the file. Also the handover step (recommendations and mentors) alone.
 *
 * Goal: writing the report under 5 s.
 *
 *   npx tsx bench/report.bench.ts               # defaults
 *   npx tsx bench/report.bench.ts 2000 1000000  # schools, score rows
 */
import { performance } from "perf_hooks";
import { analyse } from "../src/engine/analyse";
import { handOver } from "../src/engine/handover";
import { PRESETS } from "../src/engine/methodology";
import { reportBytes } from "../src/report/report";
import { syntheticRegion } from "./syntheticRegion";

const GOAL_MS = 5000;
const schools = Number(process.argv[2] ?? 2000);
const scoreRows = Number(process.argv[3] ?? 1_000_000);

async function median(runs: number, f: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { ms: mid(wall), cpuMs: mid(cpu) };
}

async function main(): Promise<void> {
  const { input, summary } = syntheticRegion({ schools, scoreRows });
  const result = analyse(input, PRESETS.kbr);
  const shnor = result.schools.filter((s) => s.shnor).length;
  const recs = result.schools.reduce((n, s) => n + (s.recommendations?.length ?? 0), 0);
  console.log(`Регион: ${result.schools.length} школ, ${summary.scoreRows} строк баллов; ШНОР ${shnor}, рекомендаций ${recs}`);

  const hand = await median(3, async () => handOver(result, input, PRESETS.kbr));
  console.log(`Рекомендации и наставники (handOver): ${hand.ms.toFixed(0)} мс (ЦП ${hand.cpuMs.toFixed(0)} мс)`);

  let size = 0;
  const withCharts = await median(3, async () => (size = (await reportBytes(result, { date: "2025-06-30", source: "region.xlsx" })).byteLength));
  console.log(`Справка с диаграммами: ${withCharts.ms.toFixed(0)} мс (ЦП ${withCharts.cpuMs.toFixed(0)} мс), ${(size / 1024).toFixed(0)} КБ`);
  const bare = await median(3, async () => reportBytes(result, { date: "2025-06-30", charts: false }));
  console.log(`Справка без диаграмм: ${bare.ms.toFixed(0)} мс (ЦП ${bare.cpuMs.toFixed(0)} мс)`);
  const ok = withCharts.ms < GOAL_MS;
  console.log(`Цель: меньше ${GOAL_MS / 1000} с — ${ok ? "выполнена" : "НЕ выполнена"}`);
  if (!ok) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
