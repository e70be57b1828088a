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
import type { IdentificationInput, School } from "../types";
import { changeTarget, indexChange, meets, targetFor } from "./change";
import { REGIONAL_INDICATORS, type RegionalIndicator } from "./definitions";
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
  for (const ind of REGIONAL_INDICATORS) {
    if (ind.def.kind === "dynamics") out.push(...dynamicsIndicator(ind, ind.def, yearly, p));
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
    case "dynamics":
      throw new Error("cannot happen: dynamics indicators are computed per pair of years");
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
    if (value === null) {
      const why = from === null || to === null ? `нет оценённых результатов ${groupName} за ${from === null ? before.year : after.year}` : "индекс прошлого года равен нулю: относительное изменение не определено";
      out.push({ ...noData(base, unit, from === null || to === null ? ["Результаты или Баллы"] : [], `${why}; ${schoolsText}`), fromYear: before.year, fromValue: from, toValue: to, target, comparison: ind.comparison });
      continue;
    }
    const change = p.dynamicsMode === "points" ? `${num(value * 100)} п.п.` : pct(value);
    out.push(
      computed(base, unit, value, `${pct(from as number)} → ${pct(to as number)}: ${change}; ${schoolsText}`, {
        fromYear: before.year,
        fromValue: from,
        toValue: to,
        target,
        comparison: ind.comparison,
        met: meets(value, target, ind.comparison),
      }),
    );
  }
  return out;
}
