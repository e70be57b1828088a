/**
 * Cell normalisers: one raw cell in, a typed value or the reason it is not one out. They know
 * nothing of sheets or addresses; the caller adds the location (STYLE.md, "prefixIssues").
 */
import type { Locality } from "../engine/types";
import type { Expectation, IssueCode } from "./issues";
import type { CellValue } from "./raw";
import { collapseSpaces, looseKey } from "./text";

export type Normalised<T> =
  | { readonly ok: true; readonly value: T; readonly note?: { readonly code: IssueCode; readonly details: Readonly<Record<string, string | number>> } }
  | { readonly ok: false; readonly code: IssueCode; readonly expected: Expectation };

/** A cell that holds nothing: null, or text of spaces only. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** Text of a cell: numbers as written by `String`, booleans in Russian. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "да" : "нет";
  return collapseSpaces(String(v));
}

/** Identifier kept as text: 7013 → "7013", "07013" → "07013". */
export function normaliseCode(v: CellValue): string {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return cellText(v);
}

export function normaliseText(v: CellValue): string {
  return cellText(v);
}

/** Subject: trimmed, spaces collapsed, first letter capitalised, the rest as given. */
export function normaliseSubject(v: CellValue): string {
  const t = cellText(v);
  return t.charAt(0).toLocaleUpperCase("ru-RU") + t.slice(1);
}

export const CANONICAL_PROCEDURES = ["ВПР", "ОГЭ", "ЕГЭ", "РДР"] as const;

const PROCEDURE_ALIASES: Readonly<Record<string, string>> = {
  впр: "ВПР", vpr: "ВПР",
  огэ: "ОГЭ", oge: "ОГЭ", "гиа-9": "ОГЭ",
  егэ: "ЕГЭ", ege: "ЕГЭ", "гиа-11": "ЕГЭ",
  рдр: "РДР", rdr: "РДР",
};

/** ВПР/ОГЭ/ЕГЭ/РДР in canonical spelling (Latin lookalikes and case folded); other names kept as typed. */
export function normaliseProcedure(v: CellValue): { value: string; known: boolean } {
  const text = cellText(v);
  const key = looseKey(text).replace(/\s+/g, "").replace(/\.$/, "");
  // looseKey folds lookalikes to Cyrillic; the transliterations need the original Latin.
  const latin = text.toLowerCase().replace(/\s+/g, "");
  const canonical = PROCEDURE_ALIASES[key] ?? PROCEDURE_ALIASES[latin];
  return canonical === undefined ? { value: text, known: false } : { value: canonical, known: true };
}

/**
 * Number of a cell: numbers as they are; text with a decimal comma or point, spaces as
 * thousands separators, a Unicode minus, and (when `allowPercentSign`) a trailing "%".
 * Returns `hadPercentSign` so a column of "45%" is not mistaken for fractions.
 */
export function parseNumber(v: CellValue, allowPercentSign: boolean): { value: number; hadPercentSign: boolean } | null {
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, hadPercentSign: false } : null;
  if (typeof v !== "string") return null;
  let t = v.replace(/[\s\u00a0\u2007\u202f]/gu, "").replace(/[−–]/gu, "-");
  let hadPercentSign = false;
  if (allowPercentSign && t.endsWith("%")) {
    hadPercentSign = true;
    t = t.slice(0, -1);
  }
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? { value: n, hadPercentSign } : null;
}

const TRUE_WORDS = new Set(["да", "д", "есть", "имеется", "+", "1", "yes", "y", "true", "истина", "v", "✓", "✔"]);
const FALSE_WORDS = new Set(["нет", "н", "отсутствует", "-", "0", "no", "n", "false", "ложь"]);

const NO_DATA = new Set(["-", "н/д", "нд", "нет данных", "n/a", "na", "х"]);

/** "-", "—", "н/д", "нет данных": how tables say "no value" outside да/нет columns. */
export function isNoDataMarker(v: CellValue): boolean {
  return typeof v === "string" && v.length <= 16 && (NO_DATA.has(looseKey(v)) || NO_DATA.has(v.trim().toLowerCase()));
}

/** да/нет, yes/no, 1/0, +/-, ИСТИНА/ЛОЖЬ. */
export function normaliseBool(v: CellValue): Normalised<boolean> {
  if (typeof v === "boolean") return { ok: true, value: v };
  if (typeof v === "number") {
    if (v === 1) return { ok: true, value: true };
    if (v === 0) return { ok: true, value: false };
  }
  if (typeof v === "string") {
    const k = looseKey(v).replace(/\.$/, "");
    const latin = v.trim().toLowerCase();
    if (TRUE_WORDS.has(k) || TRUE_WORDS.has(latin)) return { ok: true, value: true };
    if (FALSE_WORDS.has(k) || FALSE_WORDS.has(latin)) return { ok: true, value: false };
  }
  return { ok: false, code: "not-a-boolean", expected: { kind: "bool" } };
}

const LOCALITY_WORDS: Readonly<Record<string, Locality>> = {
  город: "город", городская: "город", городской: "город", "городская местность": "город", "городское поселение": "город",
  г: "город", пгт: "город", "поселок городского типа": "город", urban: "город", city: "город", town: "город",
  село: "село", сельская: "село", сельский: "село", "сельская местность": "село", "сельское поселение": "село",
  с: "село", деревня: "село", rural: "село", village: "село",
};

/** город/село and the variants "городская", "сельская местность", "г.", "с.", urban/rural. */
export function normaliseLocality(v: CellValue): Normalised<Locality> {
  if (typeof v === "string") {
    const k = looseKey(v).replace(/\.$/, "");
    const latin = v.trim().toLowerCase();
    const hit = LOCALITY_WORDS[k] ?? LOCALITY_WORDS[latin];
    if (hit !== undefined) return { ok: true, value: hit };
  }
  return { ok: false, code: "not-a-locality", expected: { kind: "locality" } };
}

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
const YEAR_EXPECTED: Expectation = { kind: "year", min: YEAR_MIN, max: YEAR_MAX };

/** A year 2000–2100; a school year "2023/2024", "2023-24", "2023/24 уч. г." is read as its end year. */
export function normaliseYear(v: CellValue): Normalised<number> {
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return { ok: false, code: "not-a-year", expected: YEAR_EXPECTED };
    return v < YEAR_MIN || v > YEAR_MAX ? { ok: false, code: "year-out-of-range", expected: YEAR_EXPECTED } : { ok: true, value: v };
  }
  if (typeof v !== "string") return { ok: false, code: "not-a-year", expected: YEAR_EXPECTED };
  const t = looseKey(v).replace(/\s*(уч\.?\s*)?(г\.?|год|года|гг\.?|учебный год)$/u, "").trim();
  const single = /^(\d{4})$/.exec(t);
  if (single) {
    const y = Number(single[1]);
    return y < YEAR_MIN || y > YEAR_MAX ? { ok: false, code: "year-out-of-range", expected: YEAR_EXPECTED } : { ok: true, value: y };
  }
  const span = /^(\d{4})\s*[/\\-]\s*(\d{2}|\d{4})$/.exec(t);
  if (span) {
    const start = Number(span[1]);
    const endText = span[2] ?? "";
    const end = endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
    if (end !== start + 1) return { ok: false, code: "not-a-year", expected: YEAR_EXPECTED };
    if (end < YEAR_MIN || end > YEAR_MAX) return { ok: false, code: "year-out-of-range", expected: YEAR_EXPECTED };
    return { ok: true, value: end, note: { code: "academic-year", details: { year: end } } };
  }
  return { ok: false, code: "not-a-year", expected: YEAR_EXPECTED };
}
