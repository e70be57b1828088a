/**
 * Regional indicators of seed 002 (Stavropol) that the data can give: the dynamics of the
 * low and mass indices of ШНОР and ШНСУ (№2–3) and of the risk-zone schools (№13–14), the
 * shares of schools with staff and material deficits (№9–10) and with them removed (№11–12),
 * with a failure-prevention system (№15), and of weak pupils with ИОМ and extra classes
 * (№16–17). Each with its target for the year and met / not met.
 */
import { int, num, pct, plural } from "../format";
import type { MethodologyParameters } from "../methodology";
import { riskFactor, type RiskReferences } from "../riskFactors";
import type { IdentificationInput, IdentificationResult, School, SchoolMonitoring, SchoolResult } from "../types";
import { changeTarget, indexChange, meets, targetFor } from "./change";
import { NETWORK_COMMUNITIES, PEDAGOGICAL_LANDING, REGIONAL_INDICATORS, schoolColumn, type RegionalIndicator } from "./definitions";
import { isNetworkCommunities, isPedagogicalLanding } from "./municipal";
import type { YearlyIdentifications } from "./dynamics";
import { computed, noData, notApplicable, PUPILS_NOUN, share, SCHOOLS_NOUN } from "./indicatorValue";
import { countShare, schoolShare } from "./shares";
import type { IndicatorValue } from "./types";
import { pooledIndices } from "./yearly";

/** The §7 factors used here read no regional reference. */
const NO_REFERENCES: RiskReferences = {
  qualifiedP25: null,
  failureP75: null,
  disabledP75: null,
  nonNativeMean: null,
  staffIndexP25: null,
  equipmentP25: null,
};

const FACTOR_COLUMNS: Readonly<Record<"teacherShortage" | "lowEquipment", readonly string[]>> = {
  teacherShortage: ["Школы: «Вакансии педагогов»"],
  lowEquipment: ["Школы: «Устойчивый интернет»", "Школы: «Компьютеров на 100 обучающихся»"],
};

/**
 * Seed 002's indicators: the dynamics ones for every pair of consecutive years, the others for
 * the latest year (the columns of `Школы` describe one year).
 *
 * @example
 * regionalIndicators(yearly, input, PRESETS.stavropol.parameters).find((i) => i.id === "teacherDeficitShare")
 * // { value: 0.25, target: 0.1, comparison: "atMost", met: false, … } for 1 school of 4 with vacancies in 2024
 */
export function regionalIndicators(yearly: YearlyIdentifications, input: IdentificationInput, p: MethodologyParameters): IndicatorValue[] {
  const latestYear = yearly[yearly.length - 1]?.year ?? null;
  const out: IndicatorValue[] = [];
  const latest = yearly[yearly.length - 1]?.result ?? null;
  for (const ind of REGIONAL_INDICATORS) {
    if (ind.def.kind === "dynamics") out.push(...dynamicsIndicator(ind, ind.def, yearly, p));
    else if (ind.def.kind === "methodology") out.push(withTarget(ind, methodologyIndicator(baseOf(ind, latestYear), p), p));
    else if (ind.def.kind === "shnorShare") out.push(withTarget(ind, shnorShare(baseOf(ind, latestYear), input.schools, latest, ind.def.column), p));
    else if (ind.def.kind === "municipalYesNo") out.push(withTarget(ind, municipalYesNo(baseOf(ind, latestYear), input), p));
    else if (ind.def.kind === "regionalCount") out.push(withTarget(ind, regionalCount(baseOf(ind, latestYear), p, input), p));
    else out.push(withTarget(ind, staticIndicator(ind, input.schools, latestYear, p), p));
  }
  return out;
}

function baseOf(ind: RegionalIndicator, year: number | null): Pick<IndicatorValue, "id" | "source" | "name" | "year"> {
  return { id: ind.id, source: `002 №${ind.number}`, name: ind.name, year };
}

function withTarget(ind: RegionalIndicator, v: IndicatorValue, p: MethodologyParameters): IndicatorValue {
  const target = targetFor(p.monitoringTargets[String(ind.number)], v.year);
  return { ...v, target, comparison: ind.comparison, met: meets(v.value, target, ind.comparison) };
}

function staticIndicator(ind: RegionalIndicator, schools: readonly School[], year: number | null, p: MethodologyParameters): IndicatorValue {
  const base = baseOf(ind, year);
  const region = "региона";
  switch (ind.def.kind) {
    case "factorShare": {
      const factor = ind.def.factor;
      if (schools.length === 0) return notApplicable(base, "share", "нет школ");
      const values = schools.map((school) => riskFactor(factor, { school, latestLowIndex: null, staffIndex: null, equipmentCoefficient: null }, NO_REFERENCES, p).value);
      const known = values.filter((v): v is boolean => v !== null);
      if (known.length === 0) return noData(base, "share", FACTOR_COLUMNS[factor], `нет данных ни у одной школы (${FACTOR_COLUMNS[factor].join(", ")})`);
      return share(base, known.filter((v) => v).length, known.length, SCHOOLS_NOUN, schools.length - known.length);
    }
    case "schoolShare":
      return schoolShare(base, schools, schools, ind.def.column, region);
    case "countShare":
      return countShare(base, schools, schools, ind.def.column, ind.def.whole, PUPILS_NOUN, region);
    default:
      throw new Error(`cannot happen: indicator ${ind.id} is computed by its own function`);
  }
}

/**
 * №2–3 and №13–14 for each pair of consecutive years: the pooled index of the cohort (ШНОР ∪
 * ШНСУ, or the risk zone, of the identification `dynamicsCohort` names) in both years.
 */
function dynamicsIndicator(
  ind: RegionalIndicator,
  def: { readonly index: "low" | "mass"; readonly group: "shnorOrShnsu" | "riskZone" },
  yearly: YearlyIdentifications,
  p: MethodologyParameters,
): IndicatorValue[] {
  const unit = p.dynamicsMode === "points" ? "indexPoints" : "relativeChange";
  const groupName = def.group === "riskZone" ? "школ зоны риска" : "ШНОР и ШНСУ";
  if (yearly.length < 2) {
    const base = baseOf(ind, yearly[0]?.year ?? null);
    return [noData(base, unit, ["Результаты или Баллы: результаты не менее чем за два года"], "нужны результаты не менее чем за два года")];
  }
  const latest = yearly[yearly.length - 1]?.result;
  const out: IndicatorValue[] = [];
  for (let i = 1; i < yearly.length; i++) {
    const before = yearly[i - 1] as YearlyIdentifications[number];
    const after = yearly[i] as YearlyIdentifications[number];
    const base = { ...baseOf(ind, after.year), fromYear: before.year };
    const cohortFrom = p.dynamicsCohort === "previousYear" ? before : after;
    const inGroup = new Set(cohortFrom.result.schools.filter((s) => (def.group === "riskZone" ? s.riskZone : s.shnor || s.shnsu)).map((s) => s.id));
    const cohortNote = `${groupName} по выявлению ${cohortFrom.year} года`;
    if (inGroup.size === 0) {
      out.push({ ...notApplicable(base, unit, `нет ${cohortNote}`), fromYear: before.year });
      continue;
    }
    const schools = (latest?.schools ?? []).filter((s) => inGroup.has(s.id));
    const a = pooledIndices(schools, before.year);
    const b = pooledIndices(schools, after.year);
    const from = def.index === "low" ? a.low : a.mass;
    const to = def.index === "low" ? b.low : b.mass;
    const value = indexChange(from, to, p.dynamicsMode);
    // «Не менее 3%»: −0.03 / +0.03 of the index in points, or of its previous value in relative mode.
    const target = changeTarget(def.index, p);
    const schoolsText = `${int(inGroup.size)} ${plural(inGroup.size, "школа", "школы", "школ")} (${cohortNote})`;
    // The pooled line (all procedures together) is kept and marked as such (SPEC.md §9a).
    const pooledBase = { ...base, name: `${ind.name} — ${POOLED_LABEL}` };
    if (value === null) {
      const why = from === null || to === null ? `нет оценённых результатов ${groupName} за ${from === null ? before.year : after.year}` : "индекс прошлого года равен нулю: относительное изменение не определено";
      out.push({ ...noData(pooledBase, unit, from === null || to === null ? ["Результаты или Баллы"] : [], `${why}; ${schoolsText}`), fromYear: before.year, fromValue: from, toValue: to, target, comparison: ind.comparison });
    } else {
      const change = p.dynamicsMode === "points" ? `${num(value * 100)} п.п.` : pct(value);
      out.push(
        computed(pooledBase, unit, value, `${POOLED_LABEL}: ${pct(from as number)} → ${pct(to as number)}: ${change}; ${schoolsText}`, {
          fromYear: before.year,
          fromValue: from,
          toValue: to,
          target,
          comparison: ind.comparison,
          met: meets(value, target, ind.comparison),
        }),
      );
    }
    out.push(...unitLines(ind, def.index, base, schools, before.year, after.year, target, schoolsText, p));
  }
  return out;
}

const POOLED_LABEL = "все процедуры вместе (сводно)";

/**
 * №2, 3, 13, 14 per procedure unit («ВПР 5 кл.»): the cohort's pooled index of that unit in
 * both years, non-objective results left out (SPEC.md §4, `excludeNonObjective`). A unit held in
 * only one of the years has no change: «не применимо», never read as progress.
 */
function unitLines(
  ind: RegionalIndicator,
  index: "low" | "mass",
  base: Pick<IndicatorValue, "id" | "source" | "name" | "year"> & { readonly fromYear: number },
  schools: readonly SchoolResult[],
  fromYear: number,
  toYear: number,
  target: number,
  schoolsText: string,
  p: MethodologyParameters,
): IndicatorValue[] {
  const unit = p.dynamicsMode === "points" ? "indexPoints" : "relativeChange";
  const units = [...new Set(schools.flatMap((s) => s.procedures.filter((q) => q.year === fromYear || q.year === toYear).map((q) => q.procedure)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Σ index × participants and Σ participants per unit of the two years, in one pass over the
  // schools' procedures (in their order, so each sum adds up as a pass per unit would).
  const sums = new Map<string, { from: { sum: number; weight: number }; to: { sum: number; weight: number } }>();
  for (const s of schools)
    for (const q of s.procedures) {
      if ((q.year !== fromYear && q.year !== toYear) || !q.evaluated || (p.excludeNonObjective && q.nonObjective)) continue;
      const v = index === "low" ? q.lowIndex : q.massIndex;
      if (v === null) continue;
      let acc = sums.get(q.procedure);
      if (acc === undefined) sums.set(q.procedure, (acc = { from: { sum: 0, weight: 0 }, to: { sum: 0, weight: 0 } }));
      const y = q.year === fromYear ? acc.from : acc.to;
      y.sum += v * q.participants;
      y.weight += q.participants;
    }
  const pool = (procedure: string, year: number): number | null => {
    const acc = sums.get(procedure);
    const y = acc === undefined ? undefined : year === fromYear ? acc.from : acc.to;
    return y !== undefined && y.weight > 0 ? y.sum / y.weight : null;
  };
  return units.map((procedure) => {
    const b = { ...base, name: `${ind.name} — ${procedure}` };
    const from = pool(procedure, fromYear);
    const to = pool(procedure, toYear);
    if (from === null || to === null) {
      const missingYear = from === null ? fromYear : toYear;
      return { ...notApplicable(b, unit, `${procedure}: нет оценённых (объективных) результатов в ${missingYear} году — изменение не считается; ${schoolsText}`), fromYear, fromValue: from, toValue: to, target, comparison: ind.comparison };
    }
    const value = indexChange(from, to, p.dynamicsMode);
    if (value === null) return { ...noData(b, unit, [], `${procedure}: индекс прошлого года равен нулю: относительное изменение не определено`), fromYear, fromValue: from, toValue: to, target, comparison: ind.comparison };
    const change = p.dynamicsMode === "points" ? `${num(value * 100)} п.п.` : pct(value);
    return computed(b, unit, value, `${procedure}: ${pct(from)} → ${pct(to)}: ${change}; ${schoolsText}`, { fromYear, fromValue: from, toValue: to, target, comparison: ind.comparison, met: meets(value, target, ind.comparison) });
  });
}

type Base = Pick<IndicatorValue, "id" | "source" | "name" | "year">;

/**
 * Seed 002 №1: the six things the seed wants the regional methodology to have, as the
 * methodology in use has them; the value is their count (target 6).
 *
 * @example
 * methodologyIndicator(base, PRESETS.kbr.parameters).value // 4: cluster approach, R1, R2, ИСБ
 */
export function methodologyIndicator(base: Base, p: MethodologyParameters): IndicatorValue {
  const items: [string, boolean][] = [
    ["кластерный подход (типы школ по территории и комплектности, профили рисков)", p.riskFactors.length > 0],
    ["показатель R1 (низкие результаты не менее чем по двум процедурам)", p.shnorRules.percentile && p.r1MinProcedures > 0],
    ["показатель R2 (низкие результаты в каждом из двух лет)", p.shnorRules.percentile && p.r2Years > 1],
    ["индекс кадрового состава", p.riskFactors.includes("lowStaffIndex")],
    ["коэффициент материально-технического оснащения", p.riskFactors.includes("lowEquipmentCoefficient")],
    ["индекс социального благополучия", p.shnsuRule.kind === "lowSwi"],
  ];
  const present = items.filter(([, on]) => on).map(([name]) => name);
  const absent = items.filter(([, on]) => !on).map(([name]) => name);
  const note = `есть: ${present.length > 0 ? present.join("; ") : "ничего"}` + (absent.length > 0 ? `; нет: ${absent.join("; ")}` : "");
  return computed(base, "count", present.length, note, { numerator: present.length, denominator: items.length });
}

/**
 * Seed 002 №4, 5, 7: ШНОР of the year answering «да» ÷ all ШНОР of the year (n ÷ m × 100 %,
 * m — «общее число ШНОР»); a ШНОР without an answer counts as «нет», and the note says how many.
 *
 * @example
 * // 4 ШНОР: «да», «да», «нет», empty → 2 of 4, 50 %; без ответа 1 (считается «нет»)
 */
export function shnorShare(base: Base, schools: readonly School[], latest: IdentificationResult | null, column: keyof SchoolMonitoring): IndicatorValue {
  const shnorIds = new Set((latest?.schools ?? []).filter((s) => s.shnor).map((s) => s.id));
  const group = schools.filter((s) => shnorIds.has(s.id));
  if (group.length === 0) return notApplicable(base, "share", `нет ШНОР${base.year === null ? "" : ` в ${base.year} году`}`);
  if (schools.every((s) => s[column] === undefined)) return noData(base, "share", [schoolColumn(column)], `нет столбца «${schoolColumn(column).replace("Школы: ", "").replace(/[«»]/g, "")}» на листе «Школы»`);
  const unanswered = group.filter((s) => typeof s[column] !== "boolean").length;
  if (unanswered === group.length) return noData(base, "share", [schoolColumn(column)], `пустые ячейки у всех ${int(group.length)} ШНОР`);
  const yes = group.filter((s) => s[column] === true).length;
  const v = share(base, yes, group.length, ["ШНОР", "ШНОР", "ШНОР"], 0);
  return unanswered > 0 ? { ...v, note: `${v.note}; без ответа ${int(unanswered)} — считаются «нет»` } : v;
}

/**
 * Seed 002 №6: municipalities answering «да» to «Педагогический десант» on `Мониторинг МО` for
 * the year (or without a year) ÷ all municipalities of `Школы`; no answer counts as «нет».
 */
export function municipalYesNo(base: Base, input: IdentificationInput): IndicatorValue {
  const municipalities = [...new Set(input.schools.map((s) => s.municipality))];
  const missing = [`Мониторинг МО: «${PEDAGOGICAL_LANDING.name}»`];
  if (municipalities.length === 0) return notApplicable(base, "share", "нет муниципалитетов");
  const rows = (input.municipalIndicators ?? []).filter((r) => isPedagogicalLanding(r.indicator));
  if (rows.length === 0) return noData(base, "share", missing, "нет строк «Педагогический десант» на листе «Мониторинг МО»");
  const answerOf = (m: string): boolean | null => {
    const own = rows.filter((r) => r.municipality === m);
    const r = own.find((x) => x.year === base.year) ?? own.find((x) => x.year === null);
    return r?.value ?? null;
  };
  const answers = municipalities.map(answerOf);
  const unanswered = answers.filter((a) => a === null).length;
  if (unanswered === municipalities.length) return noData(base, "share", missing, `нет ответов за ${String(base.year)} год`);
  const yes = answers.filter((a) => a === true).length;
  const v = share(base, yes, municipalities.length, ["муниципалитета", "муниципалитетов", "муниципалитетов"], 0);
  return unanswered > 0 ? { ...v, note: `${v.note}; без ответа ${int(unanswered)} — считаются «нет»` } : v;
}

/**
 * Seed 002 №8: the number of network communities of the region — the parameter
 * `networkCommunities` where given, else the sum of the municipalities' `Количество` on the
 * `Мониторинг МО` rows «Сетевых сообществ» of the year (a row without a year where the year has none).
 */
export function regionalCount(base: Base, p: MethodologyParameters, input: Pick<IdentificationInput, "municipalIndicators">): IndicatorValue {
  if (p.networkCommunities !== null) return computed(base, "count", p.networkCommunities, `${int(p.networkCommunities)} (задано параметром networkCommunities)`);
  const rows = (input.municipalIndicators ?? []).filter((r) => isNetworkCommunities(r.indicator) && typeof r.count === "number");
  const ofYear = rows.filter((r) => r.year === base.year);
  const used = ofYear.length > 0 ? ofYear : rows.filter((r) => r.year === null);
  if (used.length === 0)
    return noData(
      base,
      "count",
      [`Мониторинг МО: «${NETWORK_COMMUNITIES.name}» (столбец «Количество»)`, "Параметры: networkCommunities"],
      "нет строк «Сетевых сообществ» с количеством на листе «Мониторинг МО» и не задан параметр networkCommunities",
    );
  const total = used.reduce((acc, r) => acc + (r.count as number), 0);
  const munis = new Set(used.map((r) => r.municipality)).size;
  return computed(base, "count", total, `${int(total)}: сумма по ${int(munis)} ${plural(munis, "муниципалитету", "муниципалитетам", "муниципалитетам")} (лист «Мониторинг МО»)`);
}
