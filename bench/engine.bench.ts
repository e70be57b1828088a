/**
 * Engine benchmark: `identify` on a synthetic region of 2,000 schools and 1,000,000 participant-
 * subject score rows (bench/syntheticRegion.ts). Prints wall time (median of 3 runs of КБР, then
 * every other preset once; then `analyse`, the CLI's «анализ» step, twice), the time of the §2
 * index stage alone, and memory: RSS sampled every
 * few milliseconds from a worker thread (the engine runs synchronously, so the main thread cannot
 * sample itself), `process.resourceUsage().maxRSS`, and the heap before and after.
 *
 * Goal: under 1 s and under 1 GB per run (bar: 2 s).
 *
 * Score rows come school by school (as a region's export usually does); one more КБР run takes
 * them in random order, the worst case for the engine's per-key maps.
 *
 *   npx tsx bench/engine.bench.ts                 # defaults
 *   npx tsx bench/engine.bench.ts 2000 1000000    # schools, score rows
 *   node --expose-gc --import tsx bench/engine.bench.ts   # with GC between runs
 */
import { performance } from "perf_hooks";
import { Worker } from "worker_threads";
import { analyse } from "../src/engine/analyse";
import { identify } from "../src/engine/identify";
import { PRESET_IDS, PRESETS } from "../src/engine/methodology";
import { procedureStats } from "../src/engine/procedureStats";
import type { IdentificationResult } from "../src/engine/types";
import { seededShuffle, syntheticRegion } from "./syntheticRegion";

const GOAL_MS = 1000;
const BAR_MS = 2000;
const GOAL_RSS_MB = 1024;

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

/** Samples the process's RSS every `everyMs` from a worker; `peak()` is the largest since `reset()`. */
function rssSampler(everyMs = 5): { reset(): void; peak(): number; stop(): Promise<number> } {
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require("worker_threads");
     const peak = workerData;
     setInterval(() => {
       const kb = Math.round(process.memoryUsage.rss() / 1024);
       if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb);
     }, ${everyMs});`,
    { eval: true, workerData: shared },
  );
  worker.unref();
  const now = () => Math.round(process.memoryUsage.rss() / 1024);
  return {
    reset: () => Atomics.store(shared, 0, now()),
    peak: () => Math.max(Atomics.load(shared, 0), now()) * 1024,
    stop: () => worker.terminate(),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Wall time, and CPU time of the process (user + system; a fairer figure on a busy machine). */
function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms: wall, cpuMs: (c.user + c.system) / 1000 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function countCategories(r: IdentificationResult): string {
  const counts = new Map<string, number>();
  for (const s of r.schools) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return [...counts.entries()].map(([k, v]) => `${k} ${v}`).join(", ");
}

async function main(): Promise<void> {
  const schools = Number(process.argv[2] ?? 2000);
  const scoreRows = Number(process.argv[3] ?? 1_000_000);
  const sampler = rssSampler();
  const rssAtStart = process.memoryUsage.rss();

  sampler.reset();
  const gen = timed(() => syntheticRegion({ schools, scoreRows }));
  const { input, summary } = gen.value;
  gc?.();
  const afterGen = process.memoryUsage();
  console.log(`Synthetic region (seeded): ${summary.schools} schools, ${summary.scoreRows} score rows, ${summary.participants} participants,`);
  console.log(`  ${summary.resultRows} result rows, ${summary.scaleRows} scales, years ${summary.years.join(", ")}, mean participants per grade ${summary.meanGradeSize.toFixed(1)}`);
  console.log(`  built in ${ms(gen.ms)}; RSS ${mb(afterGen.rss)} (at start ${mb(rssAtStart)}), heap used ${mb(afterGen.heapUsed)}, peak RSS while building ${mb(sampler.peak())}`);
  const { availableParallelism, loadavg } = await import("os");
  console.log(`Node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(1)}${gc ? ", GC between runs" : ""}`);
  console.log("");

  // КБР: 3 runs, median.
  const runs: { ms: number; cpuMs: number; peakRss: number; heapAfter: number }[] = [];
  let last: IdentificationResult | null = null;
  for (let i = 0; i < 3; i++) {
    last = null;
    gc?.();
    sampler.reset();
    const r = timed(() => identify(input, PRESETS.kbr));
    last = r.value;
    runs.push({ ms: r.ms, cpuMs: r.cpuMs, peakRss: sampler.peak(), heapAfter: process.memoryUsage().heapUsed });
  }
  const kbrMedian = median(runs.map((r) => r.ms));
  const kbrPeak = Math.max(...runs.map((r) => r.peakRss));
  console.log(`identify(input, PRESETS.kbr): runs ${runs.map((r) => ms(r.ms)).join(", ")} → median ${ms(kbrMedian)} (CPU ${runs.map((r) => ms(r.cpuMs)).join(", ")})`);
  console.log(`  peak RSS during the runs ${mb(kbrPeak)} (${mb(kbrPeak - afterGen.rss)} above the loaded input); heap used after a run ${mb(runs[runs.length - 1]?.heapAfter ?? 0)}`);
  if (last !== null) console.log(`  ${last.schools.length} schools: ${countCategories(last)}`);

  // Every other preset once.
  for (const id of PRESET_IDS) {
    if (id === "kbr") continue;
    last = null;
    gc?.();
    sampler.reset();
    const r = timed(() => identify(input, PRESETS[id]));
    console.log(`identify(input, PRESETS.${id}): ${ms(r.ms)} (CPU ${ms(r.cpuMs)}), peak RSS ${mb(sampler.peak())}; ${countCategories(r.value)}`);
  }

  // The CLI's «анализ» step (`shnor identify`): the identification with the monitoring of every
  // year, the attainment levels and the handover, all from the one count of the score rows.
  const analysed: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < 2; i++) {
    gc?.();
    const a = timed(() => analyse(input, PRESETS.kbr));
    analysed.push({ ms: a.ms, cpuMs: a.cpuMs });
  }
  console.log(`analyse(input, PRESETS.kbr) (identification + monitoring + levels + handover, the CLI's «анализ»): runs ${analysed.map((r) => ms(r.ms)).join(", ")} (CPU ${analysed.map((r) => ms(r.cpuMs)).join(", ")})`);

  // Worst case of row order: the same score rows shuffled (a sheet sorted by subject or merged
  // from several exports is somewhere between this and the school-by-school order above).
  last = null;
  const shuffledInput = { ...input, scores: seededShuffle(input.scores, 7) };
  gc?.();
  sampler.reset();
  const sh = timed(() => identify(shuffledInput, PRESETS.kbr));
  console.log(`identify(input with score rows in random order, PRESETS.kbr): ${ms(sh.ms)} (CPU ${ms(sh.cpuMs)}), peak RSS ${mb(sampler.peak())}`);

  // Where the time goes: the §2 index stage on its own (identify runs it first).
  gc?.();
  const stage = timed(() => procedureStats(input.results, input.scores, input.scales, PRESETS.kbr.parameters));
  console.log("");
  console.log(`procedureStats alone (§2 indices, ${stage.value.stats.length} procedure stats): ${ms(stage.ms)} — ${((100 * stage.ms) / kbrMedian).toFixed(0)} % of the КБР median`);

  const usage = process.resourceUsage();
  const maxRss = usage.maxRSS * 1024;
  console.log(`process.resourceUsage().maxRSS (whole process, generation included): ${mb(maxRss)}`);
  console.log("");
  const verdict = kbrMedian <= GOAL_MS ? "meets the 1 s goal" : kbrMedian <= BAR_MS ? "misses the 1 s goal, within the 2 s bar" : "FAILS the 2 s bar";
  console.log(`Verdict: КБР median ${ms(kbrMedian)} ${verdict}; peak RSS ${mb(Math.max(kbrPeak, maxRss))} ${Math.max(kbrPeak, maxRss) <= GOAL_RSS_MB * MB ? "under" : "OVER"} 1 GB.`);
  await sampler.stop();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
