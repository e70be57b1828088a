/**
 * Social well-being index (seed 000): ИСБ = Ш + Дв − Дн − Ду, clipped to [0, 100] (SPEC.md §5).
 * Shares are in percent points. `null` when any share is missing.
 *
 * @example
 * swi(40, 10, 5) // 100 (85 + 40 − 10 − 5 = 110, clipped)
 * swi(10, 30, 10) // 55
 */
export function swi(
  parentsHigherEd: number | null,
  singleParent: number | null,
  registered: number | null,
  base = 85,
): number | null {
  if (parentsHigherEd === null || singleParent === null || registered === null) return null;
  const raw = base + parentsHigherEd - singleParent - registered;
  return Math.min(100, Math.max(0, raw));
}
