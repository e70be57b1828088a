/**
 * Attainment levels of one result (seed 000), as the share p = score / max of the maximum.
 * The seed names the five levels without cut points; SPEC.md §2 fixes editable defaults.
 */
export type AttainmentLevel = "низкий" | "пониженный" | "базовый" | "повышенный" | "высокий";

export const DEFAULT_LEVEL_CUTS: readonly [number, number, number, number] = [0.25, 0.5, 0.65, 0.85];

/**
 * @example
 * attainmentLevel(13, 20) // "повышенный" (p = 0.65)
 * attainmentLevel(4.9, 20) // "низкий"
 */
export function attainmentLevel(
  score: number,
  maxScore: number,
  cuts: readonly [number, number, number, number] = DEFAULT_LEVEL_CUTS,
): AttainmentLevel | null {
  if (!(maxScore > 0) || !Number.isFinite(score)) return null;
  const p = score / maxScore;
  if (p < cuts[0]) return "низкий";
  if (p < cuts[1]) return "пониженный";
  if (p < cuts[2]) return "базовый";
  if (p < cuts[3]) return "повышенный";
  return "высокий";
}
