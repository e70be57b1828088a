/**
 * Score thresholds of an assessment procedure (seed 002, indicators 2–3; SPEC.md §2).
 */

/**
 * B_min = min + m × max: "минимальный балл по спецификации плюс 5 % от максимальной суммы баллов".
 *
 * @example
 * bMin(7, 20) // 8
 */
export function bMin(minScore: number, maxScore: number, margin = 0.05): number {
  return minScore + margin * maxScore;
}

/**
 * B_mid = (B_min + B_top) / 2.
 *
 * @example
 * bMid(7, 20, 15) // 11.5
 */
export function bMid(minScore: number, maxScore: number, highScore: number, margin = 0.05): number {
  return (bMin(minScore, maxScore, margin) + highScore) / 2;
}

/** The three thresholds of one procedure × grade × subject. */
export interface Thresholds {
  readonly bMin: number;
  readonly bMid: number;
  readonly bTop: number;
}

/** @example thresholds({ minScore: 7, maxScore: 20, highScore: 15 }, 0.05) // { bMin: 8, bMid: 11.5, bTop: 15 } */
export function thresholds(
  scale: { readonly minScore: number; readonly maxScore: number; readonly highScore: number },
  margin: number,
): Thresholds {
  const low = bMin(scale.minScore, scale.maxScore, margin);
  return { bMin: low, bMid: (low + scale.highScore) / 2, bTop: scale.highScore };
}
