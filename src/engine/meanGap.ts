/**
 * Новолакский район preset's extra ШНОР rule (seed 003; SPEC.md §8): in the latest year, the
 * school's mean score in a mass subject of ЕГЭ or ОГЭ is more than 20 points below the
 * participant-weighted mean of its municipality.
 */
import { num } from "./format";
import type { MethodologyParameters } from "./methodology";
import type { ProcedureStat } from "./procedureStats";

/**
 * @returns per school id, the Russian texts of the subjects that fire (absent: none)
 * @example
 * // municipality mean 60 in ЕГЭ Русский язык, school mean 35 → "ЕГЭ 2025, Русский язык: средний балл 35,0 ниже среднего по муниципалитету 60,0 на 25,0"
 */
export function meanGapRule(
  stats: readonly ProcedureStat[],
  municipalityOf: ReadonlyMap<string, string>,
  latestYear: number,
  p: MethodologyParameters,
  excluded: ReadonlySet<string> = new Set(),
): Map<string, string[]> {
  const procedures = new Set(p.meanGapProcedures);
  interface Item {
    schoolId: string;
    key: string;
    label: string;
    mean: number;
    n: number;
    /** Left out as non-objective (§4): in the municipality's mean, but cannot fire. */
    excluded: boolean;
  }
  const items: Item[] = [];
  for (const s of stats) {
    if (s.year !== latestYear || !procedures.has(s.baseProcedure) || s.participants < p.minParticipants) continue;
    for (const sub of s.subjects) {
      if (!sub.mass || sub.meanScore === null || sub.participants <= 0) continue;
      items.push({
        schoolId: s.schoolId,
        key: `${s.baseProcedure}|${sub.grade}|${sub.subject}`,
        label: `${s.baseProcedure} ${latestYear}, ${sub.subject}`,
        mean: sub.meanScore,
        n: sub.participants,
        excluded: excluded.has(`${s.schoolId}|${s.year}|${s.procedure}`),
      });
    }
  }
  const sums = new Map<string, { s: number; n: number }>();
  for (const it of items) {
    const k = `${municipalityOf.get(it.schoolId) ?? ""}|${it.key}`;
    const acc = sums.get(k) ?? { s: 0, n: 0 };
    acc.s += it.mean * it.n;
    acc.n += it.n;
    sums.set(k, acc);
  }
  const out = new Map<string, string[]>();
  for (const it of items) {
    if (it.excluded) continue;
    const acc = sums.get(`${municipalityOf.get(it.schoolId) ?? ""}|${it.key}`);
    if (acc === undefined || acc.n <= 0) continue;
    const muniMean = acc.s / acc.n;
    const gap = muniMean - it.mean;
    if (gap > p.meanGapPoints) {
      const list = out.get(it.schoolId) ?? [];
      list.push(`${it.label}: средний балл ${num(it.mean)} ниже среднего по муниципалитету ${num(muniMean)} на ${num(gap)} (> ${num(p.meanGapPoints, 0)})`);
      out.set(it.schoolId, list);
    }
  }
  return out;
}
