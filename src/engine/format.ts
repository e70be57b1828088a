/**
 * Russian number formatting for the reason texts ("ИСБ 61,2 ≤ Q1 64,0"). Deterministic: it
 * does not depend on the machine's locale.
 */

/** @example num(61.234) // "61,2"; num(64) // "64,0"; num(87, 0) // "87" */
export function num(value: number, digits = 1): string {
  const fixed = value.toFixed(digits);
  return fixed.replace("-", "−").replace(".", ",");
}

/** A fraction as percent: @example pct(0.3214) // "32,1 %" */
export function pct(fraction: number, digits = 1): string {
  return `${num(fraction * 100, digits)} %`;
}

/** An integer: @example int(87) // "87" */
export function int(value: number): string {
  return String(Math.round(value));
}

/** Russian plural: @example plural(2, "процедура", "процедуры", "процедур") // "процедуры" */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
