/**
 * The distribution of results over seed 000's five attainment levels (SPEC.md §2 and §9a:
 * "per procedure unit, per school and region"), and a school's share at or above «базовый»
 * (seed 000, expected result 8). A result is one participant's score in one subject (`Баллы`);
 * its level is `attainmentLevel(score, max)` with the methodology's `levelCuts`. Aggregated rows
 * carry no scores, so a region without `Баллы` has no levels (and the sheet says so).
 */
import type { AttainmentLevel } from "./levels";
import type { MethodologyParameters } from "./methodology";
import { cmp } from "./stats/order";
import { buildScaleIndex } from "./stats/scaleIndex";
import { countScores, F, STRIDE, type ScoreCounts } from "./stats/scoreCounts";
import type { ParticipantScore, Scale } from "./types";

export const ATTAINMENT_LEVELS: readonly AttainmentLevel[] = ["низкий", "пониженный", "базовый", "повышенный", "высокий"];

/** Counts of results per level, in {@link ATTAINMENT_LEVELS} order. */
export type LevelCounts = readonly [number, number, number, number, number];

/** One row of the distribution: a school's (or, with `schoolId` null, the region's) unit in a year. */
export interface LevelRow {
  /** `null` for the region. */
  readonly schoolId: string | null;
  readonly year: number;
  /** The procedure unit as the rules see it ("ВПР 5 кл." or "ВПР"). */
  readonly procedure: string;
  /** Results (participant × subject) with a level. */
  readonly results: number;
  readonly counts: LevelCounts;
  /** Results at «базовый» or above ÷ results; `null` without results. */
  readonly basicOrAbove: number | null;
}

export interface AttainmentResult {
  readonly cuts: readonly [number, number, number, number];
  /** The region per year × unit, years ascending, then units. */
  readonly region: readonly LevelRow[];
  /** Per school × year × unit, by school code, then year, then unit. */
  readonly schools: readonly LevelRow[];
  /** Per school, the latest year of the data, all its units pooled: share at or above «базовый». */
  readonly basicOrAboveLatest: ReadonlyMap<string, number | null>;
  readonly latestYear: number | null;
}

const BASIC = 2;
// Imported bindings are getters once compiled to CommonJS: read once, not per count.
const LEVEL0 = F.level0;
const WIDTH = STRIDE;

function row(schoolId: string | null, year: number, procedure: string, counts: number[]): LevelRow {
  const results = counts.reduce((a, b) => a + b, 0);
  const atLeast = counts.slice(BASIC).reduce((a, b) => a + b, 0);
  return { schoolId, year, procedure, results, counts: counts as unknown as LevelCounts, basicOrAbove: results > 0 ? atLeast / results : null };
}

/**
 * The levels from the counts of the one pass over the score rows (stats/scoreCounts): a result's
 * level is read with the scale of its year, the scale its indices are counted with (SPEC §1
 * `Год`); rows without a scale are left out, as the warning `engine.noScale` says.
 */
export function attainmentFromCounts(counts: ScoreCounts, p: Pick<MethodologyParameters, "levelCuts" | "procedureUnit">): AttainmentResult {
  // school → year → unit and year → unit: nested maps, no key string per key of the counts.
  const bySchool = new Map<string, Map<number, Map<string, { id: string; year: number; unit: string; c: number[] }>>>();
  const byRegion = new Map<number, Map<string, { year: number; unit: string; c: number[] }>>();
  const unitOf = unitNames(p);
  let latestYear: number | null = null;
  const c = counts.counters;
  const levels = [0, 0, 0, 0, 0];
  for (let k = 0; k < counts.keys; k++) {
    const gs = counts.gradeOf[k] as (typeof counts.gradeOf)[number];
    const base = counts.subjectBase[k] as number;
    levels.fill(0);
    let any = false;
    for (let local = 0; local < gs.ordered.length; local++) {
      const at = (base + local) * WIDTH + LEVEL0;
      for (let i = 0; i < 5; i++) {
        const n = c[at + i] as number;
        if (n > 0) any = true;
        levels[i] = (levels[i] as number) + n;
      }
    }
    if (!any) continue;
    const id = counts.schoolOf[k] as string;
    const year = counts.yearOf[k] as number;
    const unit = unitOf(gs.procedure, gs.grade);
    add(within(within(bySchool, id), year), unit, () => ({ id, year, unit, c: [0, 0, 0, 0, 0] }), levels);
    add(within(byRegion, year), unit, () => ({ year, unit, c: [0, 0, 0, 0, 0] }), levels);
    if (latestYear === null || year > latestYear) latestYear = year;
  }
  const region = [...byRegion.values()].flatMap((m) => [...m.values()]).map((g) => row(null, g.year, g.unit, g.c)).sort((a, b) => a.year - b.year || cmp(a.procedure, b.procedure));
  const schools = [...bySchool.values()]
    .flatMap((years) => [...years.values()].flatMap((m) => [...m.values()]))
    .map((g) => row(g.id, g.year, g.unit, g.c))
    .sort((a, b) => cmp(a.schoolId as string, b.schoolId as string) || a.year - b.year || cmp(a.procedure, b.procedure));
  const pooled = new Map<string, number[]>();
  for (const r of schools) {
    if (r.year !== latestYear) continue;
    const c = pooled.get(r.schoolId as string) ?? [0, 0, 0, 0, 0];
    r.counts.forEach((n, i) => (c[i] = (c[i] as number) + n));
    pooled.set(r.schoolId as string, c);
  }
  const basicOrAboveLatest = new Map([...pooled.entries()].map(([id, c]) => [id, row(id, latestYear as number, "", c).basicOrAbove]));
  return { cuts: p.levelCuts, region, schools, basicOrAboveLatest, latestYear };
}

/** The map under `key`, made when first asked for. */
function within<K, V>(m: Map<K, Map<string, V>>, key: K): Map<string, V>;
function within<K, K2, V>(m: Map<K, Map<K2, V>>, key: K): Map<K2, V>;
function within<K, K2, V>(m: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = m.get(key);
  if (inner === undefined) m.set(key, (inner = new Map()));
  return inner;
}

/** The unit of a procedure and grade as the rules see it ("ВПР" or "ВПР 5 кл."), each name made once. */
function unitNames(p: Pick<MethodologyParameters, "procedureUnit">): (procedure: string, grade: number) => string {
  if (p.procedureUnit !== "procedureGrade") return (procedure) => procedure;
  const names = new Map<string, Map<number, string>>();
  return (procedure, grade) => {
    const byGrade = within(names, procedure);
    let name = byGrade.get(grade);
    if (name === undefined) byGrade.set(grade, (name = `${procedure} ${grade} кл.`));
    return name;
  };
}

function add<T extends { c: number[] }>(groups: Map<string, T>, key: string, make: () => T, levels: readonly number[]): void {
  let g = groups.get(key);
  if (g === undefined) groups.set(key, (g = make()));
  for (let i = 0; i < 5; i++) g.c[i] = (g.c[i] as number) + (levels[i] as number);
}

/**
 * The levels of some score rows on their own (analyse reads them from the counts it has anyway).
 *
 * @example
 * // ВПР 5 «Математика», max 20: scores 4, 9, 11, 14, 18 → низкий 1, пониженный 1, базовый 1, повышенный 1, высокий 1; basicOrAbove 3/5
 * attainment(scores, scales, PRESETS.kbr.parameters).region[0].counts // [1, 1, 1, 1, 1]
 */
export function attainment(
  scores: readonly ParticipantScore[],
  scales: readonly Scale[],
  p: Pick<MethodologyParameters, "levelCuts" | "procedureUnit">,
): AttainmentResult {
  // Thresholds and the Брянск band play no part in the levels.
  return attainmentFromCounts(countScores(scores, buildScaleIndex(scales, 0), { bryanskEgeHighFrom: Infinity }, p.levelCuts), p);
}
