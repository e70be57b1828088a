/**
 * Tolerant text keys for matching headers, sheet names and values typed by people: case,
 * extra spaces, ё/е, quote styles, Latin letters that look Cyrillic, trailing units.
 */

/**
 * Latin letters that look like Cyrillic ones (in either case), mapped to lower-case Cyrillic
 * after lower-casing, so "Ниже Вmin" (Cyrillic В) and "ниже bmin" both match "Ниже Bmin".
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: "а", b: "в", c: "с", e: "е", h: "н", k: "к", m: "м", o: "о", p: "р", t: "т", x: "х", y: "у",
};

/** Collapses whitespace (NBSP included) and trims. */
export function collapseSpaces(s: string): string {
  const t = s.trim();
  // Fast path for the common case: nothing to collapse (a million cells pass through here).
  return /\s\s|[^\S ]/u.test(t) ? t.replace(/\s+/gu, " ") : t;
}

const KEY_CACHE_LIMIT = 50_000;
const keyCache = new Map<string, string>();

/** Lower case, ё→е, lookalikes folded, quotes removed, spaces collapsed. */
export function looseKey(s: string): string {
  const cached = keyCache.get(s);
  if (cached !== undefined) return cached;
  const key = computeLooseKey(s);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(s, key);
  return key;
}

function computeLooseKey(s: string): string {
  let out = "";
  for (const ch of s.toLowerCase()) out += LOOKALIKES[ch] ?? ch;
  out = out
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
