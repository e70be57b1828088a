/**
 * Municipal indicators of seed 001 (Ivanovo): per municipality, the share of ШНОР and ШНСУ,
 * the yes/no answers of `Мониторинг МО` scored 1 / 0 («максимальный балл … при ответе «да»,
 * 0 баллов — при ответе «нет»»), and the shares n ÷ m × 100 % from the columns of `Школы`.
 */
import { plural } from "../format";
import type { IdentificationResult, MunicipalIndicatorRow, School } from "../types";
import { MUNICIPAL_INDICATORS, MUNICIPAL_INDICATORS_SHEET_NAME, NETWORK_COMMUNITIES, PEDAGOGICAL_LANDING, type MunicipalIndicator, type SchoolGroup } from "./definitions";
import { computed, noData, notApplicable, share, SCHOOLS_NOUN, TEACHERS_NOUN } from "./indicatorValue";
import { countShareOfAll, schoolShareOfAll } from "./shares";
import type { IndicatorValue, MunicipalMonitoring } from "./types";

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower case, ё → е, spaces collapsed, quotes dropped: how indicator names on the sheet are matched. */
export function indicatorKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/["'«»„“”]/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
}

const LANDING_KEYS = new Set([PEDAGOGICAL_LANDING.id, PEDAGOGICAL_LANDING.name, ...PEDAGOGICAL_LANDING.synonyms].map(indicatorKey));
const COMMUNITIES_KEYS = new Set([NETWORK_COMMUNITIES.id, NETWORK_COMMUNITIES.name, ...NETWORK_COMMUNITIES.synonyms].map(indicatorKey));

/** Whether an indicator cell of `Мониторинг МО` names seed 002 №8 «Сетевых сообществ». */
export function isNetworkCommunities(text: string): boolean {
  return COMMUNITIES_KEYS.has(indicatorKey(text));
}

/** A row of seed 002's regional indicators (№6, №8) rather than one of seed 001's municipal ones. */
export function isRegionalIndicatorRow(text: string): boolean {
  return isPedagogicalLanding(text) || isNetworkCommunities(text);
}

/** Whether an indicator cell of `Мониторинг МО` names seed 002 №6 «Педагогический десант» (a regional indicator, not one of seed 001's). */
export function isPedagogicalLanding(text: string): boolean {
  return LANDING_KEYS.has(indicatorKey(text));
}

const KNOWN_BY_KEY = new Map<string, MunicipalIndicator>();
for (const i of MUNICIPAL_INDICATORS) {
  if (i.def.kind !== "yesNo") continue;
  for (const name of [i.id, i.name, ...i.def.synonyms]) KNOWN_BY_KEY.set(indicatorKey(name), i);
}

/**
 * The seed 001 yes/no indicator an indicator cell of `Мониторинг МО` names (by code, name or
 * synonym), or `null` for one of the region's own.
 *
 * @example
 * knownYesNoIndicator("Аналитическая справка")?.id // "analyticalReport"
 */
export function knownYesNoIndicator(text: string): MunicipalIndicator | null {
  return KNOWN_BY_KEY.get(indicatorKey(text)) ?? null;
}

const GROUP_NOTE: Readonly<Record<SchoolGroup, string>> = {
  shnorOrShnsu: "среди ШНОР и ШНСУ муниципалитета",
  all: "муниципалитета",
  riskZone: "зоны риска в муниципалитете",
};

interface Answers {
  /** indicator key → year (or null) → answer */
  readonly byIndicator: Map<string, Map<number | null, boolean | null>>;
}

/**
 * Per municipality, in the latest year: counts of the identification (§1.2.1) and every seed
 * 001 indicator, then the sheet's custom yes/no indicators by name.
 *
 * @example
 * const [m] = municipalMonitoring(latest, input.schools, input.municipalIndicators ?? [], 2025);
 * m.indicators.find((i) => i.id === "teachersWithIom")?.value // 0.25
 */
export function municipalMonitoring(
  latest: IdentificationResult,
  schools: readonly School[],
  rows: readonly MunicipalIndicatorRow[],
  year: number | null,
  shareLevel = 0.5,
  risksYearOnYear: ReadonlySet<string> = new Set(),
  identificationLevel = 0.5,
): MunicipalMonitoring[] {
  const resultById = new Map(latest.schools.map((s) => [s.id, s]));
  const byMunicipality = new Map<string, School[]>();
  for (const s of [...schools].sort((a, b) => cmp(a.id, b.id))) {
    const list = byMunicipality.get(s.municipality);
    if (list === undefined) byMunicipality.set(s.municipality, [s]);
    else list.push(s);
  }

  const { answers, customs } = sheetAnswers(rows);

  return [...byMunicipality.entries()]
    .sort((x, y) => cmp(x[0], y[0]))
    .map(([name, list]) => {
      const results = list.map((s) => resultById.get(s.id));
      const isShnorOrShnsu = (i: number): boolean => results[i]?.shnor === true || results[i]?.shnsu === true;
      const groups: Readonly<Record<SchoolGroup, School[]>> = {
        all: list,
        shnorOrShnsu: list.filter((_, i) => isShnorOrShnsu(i)),
        riskZone: list.filter((_, i) => results[i]?.riskZone === true),
      };
      const counts = {
        schools: list.length,
        shnor: results.filter((r) => r?.shnor === true).length,
        shnsu: results.filter((r) => r?.shnsu === true).length,
        shnorOrShnsu: groups.shnorOrShnsu.length,
        riskZone: groups.riskZone.length,
      };
      const municipalAnswers = answers.get(name);
      const indicators: IndicatorValue[] = MUNICIPAL_INDICATORS.map((ind) => {
        const base = { id: ind.id, source: ind.source, name: ind.name, year };
        switch (ind.def.kind) {
          case "identification":
            // §1.2.1 is scored like every other indicator (seed 001 §1.2.6, SPEC §9a), at its own level.
            return counts.schools === 0 ? notApplicable(base, "share", "нет школ") : scored(share(base, counts.shnorOrShnsu, counts.schools, SCHOOLS_NOUN, 0), identificationLevel);
          case "yesNo":
            return yesNoValue(base, municipalAnswers?.byIndicator.get(ind.id), ind.name);
          case "teacherShare":
            return scored(countShareOfAll(base, groups[ind.def.group], schools, ind.def.column, "teachers", TEACHERS_NOUN, GROUP_NOTE[ind.def.group]), shareLevel);
          case "schoolShare": {
            const v = schoolShareOfAll(base, groups[ind.def.group], schools, ind.def.column, GROUP_NOTE[ind.def.group]);
            const fromYears = ind.def.column === "risksRemoved" ? groups[ind.def.group].filter((s) => risksYearOnYear.has(s.id)).length : 0;
            // §1.2.5 is also computed from two years of «Школы» (SPEC §9a): name that way too.
            const missing = ind.def.column === "risksRemoved" && v.status === "noData" ? { ...v, missing: [...v.missing, TWO_YEARS_OF_SCHOOLS] } : v;
            return scored(fromYears > 0 && v.status === "ok" ? { ...v, note: `${v.note}; по двум годам «Школы» у ${fromYears} ${plural(fromYears, "школы", "школ", "школ")}` } : missing, shareLevel);
          }
        }
      });
      for (const [id, text] of customs) {
        indicators.push(yesNoValue({ id, source: "", name: text, year }, municipalAnswers?.byIndicator.get(id), text));
      }
      // Seed 001 scoring: every indicator, §1.2.1's share of the identification included, 1 or 0 points.
      const scoredOnes = indicators.filter((i) => i.status !== "notApplicable");
      return {
        name,
        ...counts,
        share: counts.schools > 0 ? counts.shnorOrShnsu / counts.schools : null,
        indicators,
        score: scoredOnes.reduce((acc, i) => acc + (i.score ?? 0), 0),
        scoreMax: scoredOnes.length,
      };
    });
}

/**
 * The «Мониторинг МО» answers by municipality, and the custom yes/no indicators (id, name) in
 * order; a custom indicator is named by its smallest spelling, whatever the row order.
 */
function sheetAnswers(rows: readonly MunicipalIndicatorRow[]): { answers: Map<string, Answers>; customs: [string, string][] } {
  const answers = new Map<string, Answers>();
  const customNames = new Map<string, string>();
  for (const r of rows) {
    if (isRegionalIndicatorRow(r.indicator)) continue; // seed 002 №6 and №8, regional indicators
    const known = knownYesNoIndicator(r.indicator);
    const key = known?.id ?? `custom:${indicatorKey(r.indicator)}`;
    const seen = customNames.get(key);
    if (known === null && (seen === undefined || r.indicator < seen)) customNames.set(key, r.indicator);
    const a = answers.get(r.municipality) ?? { byIndicator: new Map() };
    answers.set(r.municipality, a);
    const byYear = a.byIndicator.get(key) ?? new Map<number | null, boolean | null>();
    a.byIndicator.set(key, byYear);
    if (!byYear.has(r.year)) byYear.set(r.year, r.value);
  }
  return { answers, customs: [...customNames.entries()].sort((x, y) => cmp(x[0], y[0])) };
}

/** What else would give seed 001 §1.2.5's "risks removed": the rows of the year before on «Школы». */
export const TWO_YEARS_OF_SCHOOLS = "Школы: «Год» (строки двух лет: интернет, компьютеры, вакансии)";

/** The answer for the year (or, failing that, the one without a year), scored 1 / 0. */
function yesNoValue(base: Pick<IndicatorValue, "id" | "source" | "name" | "year">, byYear: Map<number | null, boolean | null> | undefined, name: string): IndicatorValue {
  const missing = [`${MUNICIPAL_INDICATORS_SHEET_NAME}: «${name}»`];
  const year = base.year;
  const answer = byYear === undefined ? undefined : year !== null && byYear.has(year) ? byYear.get(year) : byYear.get(null);
  if (answer === undefined || answer === null) {
    const others = byYear === undefined ? [] : [...byYear.keys()].filter((y): y is number => y !== null && y !== year).sort((a, b) => a - b);
    const note =
      answer === null
        ? "пустой ответ на листе «Мониторинг МО»"
        : others.length > 0
          ? `есть ответ только за ${others.join(", ")}`
          : "нет строки на листе «Мониторинг МО»";
    return noData(base, "score", missing, note);
  }
  return computed(base, "score", answer ? 1 : 0, answer ? "да — 1 балл" : "нет — 0 баллов", { score: answer ? 1 : 0 });
}

/** A share against its level (`municipalShareLevel`): at or above → 1 point, below → 0; no value → no score. */
function scored(v: IndicatorValue, level: number): IndicatorValue {
  if (v.status !== "ok" || v.value === null) return { ...v, target: level, comparison: "atLeast" };
  const met = v.value >= level;
  return { ...v, target: level, comparison: "atLeast", met, score: met ? 1 : 0, note: `${v.note}; ${met ? "1 балл" : "0 баллов"}` };
}
