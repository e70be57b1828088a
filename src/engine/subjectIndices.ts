import type { Thresholds } from "./thresholds";

/** Counts of one subject's participants against the thresholds of SPEC.md §2. */
export interface SubjectCounts {
  readonly participants: number;
  /** score < B_min */
  readonly belowMin: number;
  /** score ≥ B_mid */
  readonly atLeastMid: number;
  /** score ≥ B_top */
  readonly atLeastTop: number;
}

/**
 * Counts of scores below B_min, at or above B_mid and at or above B_top.
 *
 * @example
 * countScores([7, 8, 11, 12, 15, 20], { bMin: 8, bMid: 11.5, bTop: 15 })
 * // { participants: 6, belowMin: 1, atLeastMid: 3, atLeastTop: 2 }
 */
export function countScores(scores: readonly number[], t: Thresholds): SubjectCounts {
  let belowMin = 0;
  let atLeastMid = 0;
  let atLeastTop = 0;
  for (const s of scores) {
    if (s < t.bMin) belowMin++;
    if (s >= t.bMid) atLeastMid++;
    if (s >= t.bTop) atLeastTop++;
  }
  return { participants: scores.length, belowMin, atLeastMid, atLeastTop };
}

/** A share, undefined (null) when there are no participants — never 0 % (SPEC.md §2). */
export function share(count: number | null, participants: number): number | null {
  if (count === null || participants <= 0) return null;
  return count / participants;
}

/**
 * Low, mass and high index of one subject (seed 000 "индексы"; seed 002 indicators 2–3).
 *
 * @example
 * subjectIndices([7, 8, 11, 12, 15, 20], { bMin: 8, bMid: 11.5, bTop: 15 })
 * // { participants: 6, low: 1/6, mass: 3/6, high: 2/6 }
 */
export function subjectIndices(
  scores: readonly number[],
  t: Thresholds,
): { participants: number; low: number | null; mass: number | null; high: number | null } {
  const c = countScores(scores, t);
  return {
    participants: c.participants,
    low: share(c.belowMin, c.participants),
    mass: share(c.atLeastMid, c.participants),
    high: share(c.atLeastTop, c.participants),
  };
}

/**
 * Participant-weighted mean of shares (SPEC.md §2: aggregation over grades and subjects weighs by
 * participants). Items with a null share or no participants are left out; null if none remain.
 *
 * @example
 * weightedShare([{ share: 0.5, weight: 10 }, { share: 0, weight: 30 }]) // 0.125
 */
export function weightedShare(items: readonly { share: number | null; weight: number }[]): number | null {
  let num = 0;
  let den = 0;
  for (const it of items) {
    if (it.share === null || !(it.weight > 0)) continue;
    num += it.share * it.weight;
    den += it.weight;
  }
  return den > 0 ? num / den : null;
}

/**
 * A participant's mark from the cut-offs of `Шкалы` when `Отметка` is not given:
 * 5 at or above the cut for «5», 4 at or above «4», 3 at or above «3», else 2; null without cuts.
 *
 * @example
 * markFromScore(14, { cut3: 8, cut4: 13, cut5: 17 }) // 4
 */
export function markFromScore(
  score: number,
  cuts: { readonly cut3: number | null; readonly cut4: number | null; readonly cut5: number | null },
): number | null {
  if (cuts.cut3 === null || cuts.cut4 === null || cuts.cut5 === null) return null;
  if (score >= cuts.cut5) return 5;
  if (score >= cuts.cut4) return 4;
  if (score >= cuts.cut3) return 3;
  return 2;
}
