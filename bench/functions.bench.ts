/**
 * How long a sheet of 2,000 schools takes to recalculate =SHNOR.SCHOOLTYPE(…) and
 * =SHNOR.SWIGROUP(…) in every row, each call taking the region's 2,000-row columns — with the
 * regional references cached by range content (as in Excel) and with the cache cleared before
 * every call (what it would cost without the cache).
 * Run: npx tsx bench/functions.bench.ts
 */
import { schoolTypeFunction, swiFunction, swiGroupFunction } from "../src/functions/functions";
import { clearRegionalCaches, regionalCacheStats } from "../src/functions/regional";

const ROWS = 2000;

/** Deterministic pseudo-random numbers, so every run measures the same region. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const rnd = lcg(20240901);
const schools = Array.from({ length: ROWS }, (_, i) => ({
  dv: Math.round(rnd() * 600) / 10,
  dn: Math.round(rnd() * 400) / 10,
  du: Math.round(rnd() * 150) / 10,
  locality: rnd() < 0.45 ? "село" : "город",
  enrollment: Math.round(20 + rnd() * 1200),
  remote: rnd() < 0.1 ? "да" : "нет",
  nonNative: i % 17 === 0 ? null : Math.round(rnd() * 300) / 10,
  result: i % 23 === 0 ? null : Math.round(rnd() * 1000) / 1000,
}));
const swis = schools.map((s) => swiFunction(s.dv, s.dn, s.du));
// Excel hands every call its own copy of a range: rebuild the arrays per call, as it would.
const column = (values: readonly (number | null)[]) => values.map((v) => [v]);
const swiCol = () => column(swis);
const duCol = () => column(schools.map((s) => s.du));
const nnCol = () => column(schools.map((s) => s.nonNative));
const resultCol = () => column(schools.map((s) => s.result));

function schoolTypeRow(i: number): string {
  const s = schools[i] as (typeof schools)[number];
  return schoolTypeFunction(swis[i], swiCol(), s.locality, s.enrollment, s.remote, s.du, duCol(), s.nonNative ?? undefined, nnCol(), true);
}

function swiGroupRow(i: number): string | null {
  const s = schools[i] as (typeof schools)[number];
  if (s.result === null) return null;
  return swiGroupFunction(s.result, swis[i], resultCol(), swiCol());
}

function time(label: string, uncached: boolean, row: (i: number) => unknown): number {
  clearRegionalCaches();
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROWS; i++) {
    if (uncached) clearRegionalCaches();
    row(i);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stats = regionalCacheStats();
  const cache = uncached ? "cache cleared before every call" : `cache hits ${stats.hits}, misses ${stats.misses}`;
  console.log(`${label.padEnd(30)} ${ms.toFixed(1).padStart(8)} ms  (${((ms * 1000) / ROWS).toFixed(1)} µs/call; ${cache})`);
  return ms;
}

console.log(`${ROWS} calls, each with ${ROWS}-row ranges`);
// Warm up the JIT so that the first measurement is not penalised.
time("warm-up", false, schoolTypeRow);
// What Excel's copying of the ranges alone costs here (the arrays each call receives).
time("building the ranges only", false, () => [swiCol(), duCol(), nnCol()]);
const typesCached = time("SCHOOLTYPE cached", false, schoolTypeRow);
const typesUncached = time("SCHOOLTYPE uncached", true, schoolTypeRow);
const groupCached = time("SWIGROUP cached", false, swiGroupRow);
const groupUncached = time("SWIGROUP uncached", true, swiGroupRow);
console.log(`speed-up: SCHOOLTYPE ×${(typesUncached / typesCached).toFixed(1)}, SWIGROUP ×${(groupUncached / groupCached).toFixed(1)}`);
