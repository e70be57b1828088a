/**
 * The distribution of results over seed 000's five attainment levels (SPEC.md §2 and §9a:
 * "per procedure unit, per school and region"), and a school's share at or above «базовый»
 * (seed 000, expected result 8). A result is one participant's score in one subject (`Баллы`);
 * its level is `attainmentLevel(score, max)` with the methodology's `levelCuts`. Aggregated rows
 * carry no scores, so a region without `Баллы` has no levels (and the sheet says so).
 */
import { attainmentLevel, type AttainmentLevel } from "../../../src/engine/levels";
import type { MethodologyParameters } from "../../../src/engine/methodology";
import { cmp, scaleKey } from "../../../src/engine/procedureStats";
import type { ParticipantScore, Scale } from "../../../src/engine/types";

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

function unitOf(r: ParticipantScore, p: Pick<MethodologyParameters, "procedureUnit">): string {
  return p.procedureUnit === "procedureGrade" ? `${r.procedure} ${r.grade} кл.` : r.procedure;
}

function row(schoolId: string | null, year: number, procedure: string, counts: number[]): LevelRow {
  const results = counts.reduce((a, b) => a + b, 0);
  const atLeast = counts.slice(BASIC).reduce((a, b) => a + b, 0);
  return { schoolId, year, procedure, results, counts: counts as unknown as LevelCounts, basicOrAbove: results > 0 ? atLeast / results : null };
}

/**
 * @example
 * // ВПР 5 «Математика», max 20: scores 4, 9, 11, 14, 18 → низкий 1, пониженный 1, базовый 1, повышенный 1, высокий 1; basicOrAbove 3/5
 * attainment(scores, scales, PRESETS.kbr.parameters).region[0].counts // [1, 1, 1, 1, 1]
 */
export function attainment(
  scores: readonly ParticipantScore[],
  scales: readonly Scale[],
  p: Pick<MethodologyParameters, "levelCuts" | "procedureUnit">,
): AttainmentResult {
  const maxOf = new Map(scales.map((s) => [scaleKey(s.procedure, s.grade, s.subject), s.maxScore]));
  const bySchool = new Map<string, number[]>();
  const byRegion = new Map<string, number[]>();
  let latestYear: number | null = null;
  for (const r of scores) {
    const max = maxOf.get(scaleKey(r.procedure, r.grade, r.subject));
    if (max === undefined) continue;
    const level = attainmentLevel(r.score, max, p.levelCuts);
    if (level === null) continue;
    const i = ATTAINMENT_LEVELS.indexOf(level);
    const unit = unitOf(r, p);
    const sk = `${r.schoolId}\u0000${r.year}\u0000${unit}`;
    const rk = `${r.year}\u0000${unit}`;
    const s = bySchool.get(sk) ?? [0, 0, 0, 0, 0];
    const g = byRegion.get(rk) ?? [0, 0, 0, 0, 0];
    s[i] = (s[i] as number) + 1;
    g[i] = (g[i] as number) + 1;
    bySchool.set(sk, s);
    byRegion.set(rk, g);
    if (latestYear === null || r.year > latestYear) latestYear = r.year;
  }
  const region = [...byRegion.entries()]
    .map(([k, c]) => {
      const [year, unit] = k.split("\u0000") as [string, string];
      return row(null, Number(year), unit, c);
    })
    .sort((a, b) => a.year - b.year || cmp(a.procedure, b.procedure));
  const schools = [...bySchool.entries()]
    .map(([k, c]) => {
      const [id, year, unit] = k.split("\u0000") as [string, string, string];
      return row(id, Number(year), unit, c);
    })
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
