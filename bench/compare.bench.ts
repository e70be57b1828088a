/**
 * Methodology comparison benchmark (issue 15): `compareMethodologies` with the four presets
 * against `identify` with one, on the engine benchmark's synthetic region (2,000 schools,
 * 1,000,000 score rows; bench/syntheticRegion.ts). The procedure statistics (§2, most of the
 * time of one identification) are counted once and shared, so four methodologies should take
 * under twice the time of one. Median of 5 runs each, with a full garbage collection before each; CPU time beside wall time (a fairer
 * figure on a busy machine).
 *
 *   npx tsx bench/compare.bench.ts                # defaults
 *   npx tsx bench/compare.bench.ts 2000 1000000   # schools, score rows
 */
import { performance } from "perf_hooks";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { compareMethodologies } from "../src/engine/compare";
import { identify } from "../src/engine/identify";
import { PRESET_IDS, PRESETS } from "../src/engine/methodology";
import { procedureStats } from "../src/engine/procedureStats";
import { syntheticRegion } from "./syntheticRegion";

const RUNS = 5;

// A full collection before each timed run, so that one run does not pay for the garbage of the
// one before (the runner starts node without --expose-gc).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

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

const ms = (t: number): string => `${t.toFixed(0)} ms`;

function main(): void {
  const schools = Number(process.argv[2] ?? 2000);
  const scoreRows = Number(process.argv[3] ?? 1_000_000);
  const { input, summary } = syntheticRegion({ schools, scoreRows });
  console.log(`Synthetic region (seeded): ${summary.schools} schools, ${summary.scoreRows} score rows, years ${summary.years.join(", ")}`);

  const one: { ms: number; cpuMs: number }[] = [];
  const four: { ms: number; cpuMs: number }[] = [];
  const methodologies = PRESET_IDS.map((id) => PRESETS[id]);
  let statsCalls = 0;
  const counted: typeof procedureStats = (...args) => {
    statsCalls++;
    return procedureStats(...args);
  };
  // One untimed run of each first (the JIT compiles the engine), then interleaved, so that a
  // burst of load from elsewhere hits both alike.
  identify(input, PRESETS.kbr).schools.length;
  compareMethodologies(input, methodologies).schools.length;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const r = timed(() => identify(input, PRESETS.kbr).schools.length);
    one.push({ ms: r.ms, cpuMs: r.cpuMs });
    statsCalls = 0;
    gc();
    // Only the numbers are kept: results held across runs would slow the collector of the next.
    const c = timed(() => compareMethodologies(input, methodologies, { stats: counted }).presets.map((p) => `${p.label} ШНОР ${p.counts.shnor} / ШНСУ ${p.counts.shnsu}`));
    four.push({ ms: c.ms, cpuMs: c.cpuMs });
    if (i === 0) console.log(`  ${c.value.join("; ")}; procedure statistics computed ${statsCalls} time(s) for ${methodologies.length} methodologies`);
  }
  const oneMs = median(one.map((r) => r.ms));
  const fourMs = median(four.map((r) => r.ms));
  const oneCpu = median(one.map((r) => r.cpuMs));
  const fourCpu = median(four.map((r) => r.cpuMs));
  console.log(`identify(input, PRESETS.kbr): ${one.map((r) => ms(r.ms)).join(", ")} → median ${ms(oneMs)} (CPU ${ms(oneCpu)})`);
  console.log(`compareMethodologies(input, 4 presets): ${four.map((r) => ms(r.ms)).join(", ")} → median ${ms(fourMs)} (CPU ${ms(fourCpu)})`);
  const ratio = fourMs / oneMs;
  const cpuRatio = fourCpu / oneCpu;
  console.log(`Verdict: four methodologies take ${ratio.toFixed(2)}× the time of one (CPU ${cpuRatio.toFixed(2)}×): ${ratio < 2 ? "under" : "NOT under"} the 2× goal.`);
  // Where the rest goes: the statistics are shared, each methodology's own rules are not (Брянск's
  // are the dearest), so the ratio cannot fall below (S + ΣI) / (S + I_КБР).
  const stats = timed(() => procedureStats(input.results, input.scores, input.scales, PRESETS.kbr.parameters).stats.length);
  console.log(`procedureStats alone: ${ms(stats.ms)} (CPU ${ms(stats.cpuMs)})`);
}

main();
