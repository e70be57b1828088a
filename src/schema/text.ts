/**
 * Tolerant text keys for matching headers, sheet names and values typed by people: case,
 * extra spaces, ё/е, quote styles, Latin letters that look Cyrillic, trailing units.
 */

/** Latin letters that look like Cyrillic ones, mapped to Cyrillic so "Ниже Вmin" matches "Ниже Bmin". */
const LOOKALIKES: Readonly<Record<string, string>> = {
  A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У",
  a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м",
};

/** Collapses whitespace (NBSP included) and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f]+/gu, " ").trim();
}

/** Lower case, ё→е, lookalikes folded, quotes removed, spaces collapsed. */
export function looseKey(s: string): string {
  let out = "";
  for (const ch of s) out += LOOKALIKES[ch] ?? ch;
  out = out
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/["'«»„“”‘’‚`]/gu, "")
    .replace(/[‐‑‒–—−]/gu, "-");
  return collapseSpaces(out);
}

const UNIT_SUFFIX = /(?:\s*,\s*(?:в\s*)?(?:%|процентов|процент|км|километров|чел\.?|человек|шт\.?|ед\.?|баллов|балла|балл)|\s*%)\s*$/u;
const BRACKET_SUFFIX = /\s*[([][^)\]]*[)\]]\s*$/u;

/**
 * Key of a column header: {@link looseKey} without trailing units in brackets or after a comma,
 * so "Расстояние до ближайшей ОО (км)", "…, км" and "…" meet.
 */
export function headerKey(s: string): string {
  let k = looseKey(s).replace(/[.:;]+$/u, "");
  for (;;) {
    const next = k.replace(BRACKET_SUFFIX, "").replace(UNIT_SUFFIX, "").replace(/[\s,.:;]+$/u, "");
    if (next === k || next === "") break;
    k = next;
  }
  return k;
}
