/**
 * The whole identification (SPEC.md §2–§9): procedure indices, non-objectivity, low results,
 * ИСБ and school types, groups, risk factors, the preset's ШНОР / ШНСУ rules, categories with
 * Russian reasons, and municipal counts. Pure and deterministic: the same input and
 * methodology give the same result, whatever the order of the input rows.
 */
import { bryanskRule } from "./bryansk";
import { int, num, pct, plural } from "./format";
import { meanGapRule } from "./meanGap";
import type { Methodology, MethodologyParameters } from "./methodology";
import { groupByProcedureYear, nonObjectivitySigns, procedureReference, type NonObjectivitySign } from "./nonObjectivity";
import { percentileInc } from "./percentile";
import { cmp, procedureStats, type ProcedureStat } from "./procedureStats";
import { fitLine, GROUP_NAMES, groupOf } from "./regression";
import { riskFactor, type RiskReferences } from "./riskFactors";
import { lowResultsRules, recordsLowResults } from "./lowResults";
import { SCHOOL_TYPE_NAMES, schoolTypes, swiReferences } from "./schoolTypes";
import { equipmentCoefficient, staffIndex } from "./staffIndex";
import { swi } from "./swi";
import type {
  Category,
  Group,
  IdentificationInput,
  IdentificationResult,
  Issue,
  MunicipalityResult,
  ProcedureResult,
  RiskFactorValue,
  School,
  SchoolResult,
} from "./types";

/** Version of the engine, recorded in every result. */
export const ENGINE_VERSION = "0.1.0";

/** Russian names of the ШНОР rules that can fire. */
export const SHNOR_RULE_NAMES: Readonly<Record<string, string>> = {
  R1: "R1: низкие результаты не менее чем по двум процедурам в последнем году",
  R2: "R2: низкие результаты хотя бы по одной процедуре в каждом из двух последних лет",
  BRYANSK: "Брянск: критерии ЕГЭ / ОГЭ / ВПР в каждом из последних лет",
  MEANGAP: "Новолакский район: средний балл ниже среднего по муниципалитету",
};

const SIGN_TEXT: Readonly<Record<NonObjectivitySign, string>> = {
  highAndLow: "индекс высоких результатов выше P95 при индексе низких ниже P10",
  massAndZeroLow: "индекс массовых результатов выше P95 при нулевом индексе низких",
  lowParticipation: "участников меньше установленной доли параллели",
};

interface ProcedureVerdict {
  readonly stat: ProcedureStat;
  readonly evaluated: boolean;
  readonly signs: readonly NonObjectivitySign[];
  readonly lowResults: boolean | null;
  readonly lowP90: number | null;
}

/**
 * Identify ШНОР, ШНСУ and the risk zone in a region.
 *
 * @example
 * const result = identify({ schools, results, scores, scales }, PRESETS.kbr);
 * result.schools[0].category // "ШНОР и ШНСУ" | "ШНОР" | "ШНСУ" | "Зона риска" | "Без рисков"
 */
export function identify(input: IdentificationInput, methodology: Methodology): IdentificationResult {
  return identifyWithStats(input, methodology, procedureStats(input.results, input.scores, input.scales, methodology.parameters));
}

/**
 * {@link identify} over procedure statistics already computed from the same input (or from a
 * later year's input and filtered to the years ≤ the input's latest: the statistics of a school,
 * year and procedure do not depend on other years). The monitoring identifies every year, and
 * this spares it recounting a million score rows each time.
 */
export function identifyWithStats(
  input: IdentificationInput,
  methodology: Methodology,
  built: { readonly stats: readonly ProcedureStat[]; readonly issues: readonly Issue[] },
): IdentificationResult {
  const p = methodology.parameters;
  const issues: Issue[] = [];
  const notes: string[] = [];
  const references: Record<string, number | null> = {};

  const schools = [...input.schools].sort((a, b) => cmp(a.id, b.id));
  const known = new Set(schools.map((s) => s.id));
  const municipalityOf = new Map(schools.map((s) => [s.id, s.municipality]));

  // §2 indices
  issues.push(...built.issues);
  const stats = built.stats.filter((s) => known.has(s.schoolId));
  const years = [...new Set(stats.map((s) => s.year))].sort((a, b) => a - b);
  const latestYear = years.length > 0 ? (years[years.length - 1] as number) : null;
  if (latestYear === null) notes.push("Нет результатов оценочных процедур: ШНОР по результатам не определяется");

  // §3–§4 per procedure and year
  const verdicts = new Map<string, ProcedureVerdict[]>();
  const nonObjectiveKeys = new Set<string>();
  for (const [key, group] of groupByProcedureYear(stats)) {
    const evaluated = group.filter((s) => s.participants >= p.minParticipants);
    const ref = procedureReference(evaluated, p);
    references[`lowP90:${key}`] = ref.lowP90;
    for (const s of group) {
      const isEvaluated = s.participants >= p.minParticipants;
      const signs = isEvaluated ? nonObjectivitySigns(s, ref, p) : [];
      if (signs.length > 0) nonObjectiveKeys.add(`${s.schoolId}|${s.year}|${s.procedure}`);
      const excluded = p.excludeNonObjective && signs.length > 0;
      const lowResults = !isEvaluated || excluded ? null : recordsLowResults(s.low, ref.lowP90);
      const v: ProcedureVerdict = { stat: s, evaluated: isEvaluated, signs, lowResults, lowP90: ref.lowP90 };
      const list = verdicts.get(s.schoolId);
      if (list === undefined) verdicts.set(s.schoolId, [v]);
      else list.push(v);
    }
  }

  const bryansk = p.shnorRules.bryansk ? bryanskRule(stats, nonObjectiveKeys, years, p) : new Map();
  if (p.shnorRules.bryansk && years.length < p.bryanskYears)
    notes.push(`Брянск: в данных ${years.length} ${plural(years.length, "год", "года", "лет")} из ${p.bryanskYears}; критерии проверены за имеющиеся годы`);
  const meanGap = p.shnorRules.meanGap && latestYear !== null ? meanGapRule(stats, municipalityOf, latestYear, p) : new Map<string, string[]>();
  if (p.shnorRules.percentile && latestYear !== null && p.r2Years > 1 && !years.includes(latestYear - p.r2Years + 1))
    notes.push(`R2 не может сработать: нет данных за ${latestYear - p.r2Years + 1} год`);

  // §5 ИСБ and references
  const swis = schools.map((s) => swi(s.parentsHigherEd, s.singleParent, s.registered, p.swiBase));
  const swiRefs = swiReferences(
    swis,
    schools.map((s) => s.registered),
    schools.map((s) => s.nonNativeShare),
    p.swiQuantile,
    p.deviantPercentile,
  );

  // Latest year's pooled indices (§6 result, §7 failure risk)
  const latest = new Map<string, { low: number | null; mass: number | null; high: number | null }>();
  for (const s of schools) {
    const vs = (verdicts.get(s.id) ?? []).filter((v) => v.evaluated && v.stat.year === latestYear);
    latest.set(s.id, {
      low: pooled(vs.map((v) => [v.stat.low, v.stat.participants])),
      mass: pooled(vs.map((v) => [v.stat.mass, v.stat.participants])),
      high: pooled(vs.map((v) => [v.stat.high, v.stat.participants])),
    });
  }

  // §6 groups
  const yOf = (id: string): number | null => {
    const l = latest.get(id);
    if (l === undefined) return null;
    if (p.groupResult === "massIndex") return l.mass;
    if (p.groupResult === "highIndex") return l.high;
    return l.low === null ? null : 1 - l.low;
  };
  const points = schools.map((s, i) => ({ id: s.id, x: swis[i] ?? null, y: yOf(s.id) })).filter((q) => q.x !== null && q.y !== null);
  const fit = fitLine(
    points.map((q) => q.x as number),
    points.map((q) => q.y as number),
  );
  const groups = new Map<string, { group: Group; residual: number }>();
  if (fit.ok) points.forEach((q, i) => groups.set(q.id, { group: groupOf(fit.value.residuals[i] as number, fit.value.sigma, p.groupK), residual: fit.value.residuals[i] as number }));
  else notes.push(`Группы (эффективная / обычная / не справляющаяся) не определены: ${fit.reason}`);

  // §7 references
  const staff = new Map(schools.map((s) => [s.id, staffIndex(s)]));
  const equipment = new Map(schools.map((s) => [s.id, equipmentCoefficient(s, p.minComputersPer100)]));
  const riskRefs: RiskReferences = {
    qualifiedP25: percentileInc(present(schools.map((s) => s.qualifiedTeachersShare)), p.qualifiedTeachersPercentile),
    failureP75: percentileInc(present(schools.map((s) => latest.get(s.id)?.low ?? null)), p.failureRiskPercentile),
    disabledP75: percentileInc(present(schools.map((s) => s.disabledShare)), p.disabledPercentile),
    nonNativeMean: swiRefs.nonNativeMean,
    staffIndexP25: percentileInc(present(schools.map((s) => staff.get(s.id) ?? null)), p.staffIndexPercentile),
    equipmentP25: percentileInc(present(schools.map((s) => equipment.get(s.id) ?? null)), p.equipmentPercentile),
  };
  Object.assign(references, {
    qualifiedTeachersP25: riskRefs.qualifiedP25,
    failureRiskP75: riskRefs.failureP75,
    disabledP75: riskRefs.disabledP75,
    staffIndexP25: riskRefs.staffIndexP25,
    equipmentP25: riskRefs.equipmentP25,
  });

  const results: SchoolResult[] = schools.map((school, i) => {
    const sw = swis[i] ?? null;
    const typed = schoolTypes({ ...school, swi: sw }, swiRefs, p);
    const vs = verdicts.get(school.id) ?? [];
    const reasons: string[] = [];

    // ИСБ and types
    if (sw === null) reasons.push(`ИСБ не рассчитан: нет данных (${missingSwiParts(school).join(", ")})`);
    else if (swiRefs.swiQ1 !== null) reasons.push(`ИСБ ${num(sw)} ${typed.lowSwi ? "≤" : ">"} Q1 ${num(swiRefs.swiQ1)}`);
    if (typed.lowSwi === true) {
      for (const code of typed.types) reasons.push(typeReason(code, school, swiRefs, p));
      for (const code of typed.notEvaluable) reasons.push(`${code} не оценён: нет данных`);
    }

    // §3 low results and presets' ШНОР rules
    const shnorRules: string[] = [];
    const procedureReasons: string[] = [];
    if (p.shnorRules.percentile && latestYear !== null) {
      const flagged = vs.filter((v) => v.lowResults === true).map((v) => ({ procedure: v.stat.procedure, year: v.stat.year }));
      shnorRules.push(...lowResultsRules(flagged, latestYear, p.r1MinProcedures, p.r2Years));
      // Only the years the rules look at: the latest, and the R2 window before it.
      const firstYear = latestYear - Math.max(1, p.r2Years) + 1;
      for (const v of vs) {
        if (v.stat.year < firstYear) continue;
        const label = `${v.stat.procedure} ${v.stat.year}`;
        if (!v.evaluated) procedureReasons.push(`${label}: мало участников (${int(v.stat.participants)})`);
        else if (v.signs.length > 0 && p.excludeNonObjective)
          procedureReasons.push(`${label}: признаки необъективности — требуется проверка; результаты не учтены`);
        else if (v.lowResults === true && v.stat.low !== null && v.lowP90 !== null)
          procedureReasons.push(`${label}: индекс низких результатов ${pct(v.stat.low)} ≥ P${num(p.lowResultsPercentile * 100, 0)} ${pct(v.lowP90)}`);
      }
    }
    const br = bryansk.get(school.id);
    if (br?.fires) shnorRules.push("BRYANSK");
    const gaps = meanGap.get(school.id);
    if (gaps !== undefined && gaps.length > 0) shnorRules.push("MEANGAP");
    const riskInputs = { school, latestLowIndex: latest.get(school.id)?.low ?? null, staffIndex: staff.get(school.id) ?? null, equipmentCoefficient: equipment.get(school.id) ?? null };
    const factorRules = p.shnorRules.factors.map((id) => riskFactor(id, riskInputs, riskRefs, p)).filter((f) => f.value === true);
    for (const f of factorRules) shnorRules.push(f.id);
    const shnor = shnorRules.length > 0;
    for (const rule of shnorRules) {
      const f = factorRules.find((x) => x.id === rule);
      reasons.push(f !== undefined ? `ШНОР по критерию «${f.name}»: ${f.detail}` : (SHNOR_RULE_NAMES[rule] ?? rule));
    }
    if (br?.fires) for (const y of br.years) reasons.push(...(br.perYear.get(y) ?? []));
    if (gaps !== undefined) reasons.push(...gaps);
    reasons.push(...procedureReasons.filter((r) => shnor || !r.includes("индекс низких")));
    if (!shnor && procedureReasons.some((r) => r.includes("индекс низких")))
      reasons.push(...procedureReasons.filter((r) => r.includes("индекс низких")).map((r) => `${r} (одной процедуры недостаточно)`));

    // §4 count
    const nonObjectivityCount = vs.filter((v) => v.signs.length > 0).length;
    if (nonObjectivityCount > 0)
      reasons.push(
        `признаки необъективности — требуется проверка: ${nonObjectivityCount} ${plural(nonObjectivityCount, "список", "списка", "списков")} (` +
          vs
            .filter((v) => v.signs.length > 0)
            .map((v) => `${v.stat.procedure} ${v.stat.year}: ${v.signs.map((s) => SIGN_TEXT[s]).join(", ")}`)
            .join("; ") +
          ")",
      );

    // §7 risk factors
    const riskFactors: RiskFactorValue[] = p.riskFactors.map((id) => riskFactor(id, riskInputs, riskRefs, p));
    const riskCount = riskFactors.filter((f) => f.value === true).length;

    // ШНСУ
    let shnsu: boolean;
    if (p.shnsuRule.kind === "lowSwi") shnsu = typed.lowSwi === true;
    else {
      const rule = p.shnsuRule;
      const factors = rule.factors.map((id) => riskFactor(id, riskInputs, riskRefs, p));
      const met = factors.filter((f) => f.value === true);
      shnsu = met.length >= rule.minCount;
      if (shnsu) reasons.push(`ШНСУ: ${met.length} из ${factors.length} условий (нужно ${rule.minCount}): ` + met.map((f) => `${f.name} — ${f.detail}`).join("; "));
      const unknown = factors.filter((f) => f.value === null);
      if (!shnsu && unknown.length > 0) reasons.push(`ШНСУ не определена полностью: нет данных (${unknown.map((f) => f.name).join(", ")})`);
    }

    const riskZone = !shnor && riskCount >= p.riskZoneMinFactors;
    const trueFactors = riskFactors.filter((f) => f.value === true);
    if (trueFactors.length > 0)
      reasons.push(
        `факторы риска (${trueFactors.length}${riskZone ? ` ≥ ${p.riskZoneMinFactors}` : ""}): ` + trueFactors.map((f) => `${f.name} — ${f.detail}`).join("; "),
      );

    // §6 group
    const g = groups.get(school.id);
    if (g !== undefined && fit.ok)
      reasons.push(
        `${GROUP_NAMES[g.group]}: остаток ${num(g.residual, 3)} ${g.group === "effective" ? ">" : g.group === "notCoping" ? "<" : "в пределах ±"} ${g.group === "notCoping" ? "−" : ""}${num(p.groupK, 1)}σ = ${num(p.groupK * fit.value.sigma, 3)}`,
      );

    const category = categoryOf(shnor, shnsu, riskZone);
    const procedures: ProcedureResult[] = vs.map((v) => ({
      year: v.stat.year,
      procedure: v.stat.procedure,
      participants: v.stat.participants,
      lowIndex: v.stat.low,
      massIndex: v.stat.mass,
      highIndex: v.stat.high,
      participation: v.stat.participation,
      evaluated: v.evaluated,
      lowResults: v.lowResults,
      nonObjective: v.signs.length > 0,
      fromParticipants: v.stat.fromParticipants,
      meanScore: v.stat.meanScore,
    }));

    return {
      id: school.id,
      name: school.name,
      municipality: school.municipality,
      swi: sw,
      lowSwi: typed.lowSwi,
      types: typed.types,
      typesNotEvaluable: typed.notEvaluable,
      shnor,
      shnorRules,
      shnsu,
      nonObjectivityCount,
      group: g?.group ?? null,
      groupResult: yOf(school.id),
      groupResidual: g?.residual ?? null,
      riskFactors,
      riskZone,
      category,
      reasons,
      procedures,
      staffIndex: staff.get(school.id) ?? null,
      equipmentCoefficient: equipment.get(school.id) ?? null,
    };
  });

  return {
    version: ENGINE_VERSION,
    methodology: { preset: methodology.preset, name: methodology.name, parameters: plainParameters(p) },
    region: {
      schools: schools.length,
      latestYear,
      years,
      swiQ1: swiRefs.swiQ1,
      deviantD9: swiRefs.deviantD9,
      nonNativeMean: swiRefs.nonNativeMean,
      regression: fit.ok
        ? { slope: fit.value.slope, intercept: fit.value.intercept, r2: fit.value.r2, n: fit.value.n, sigma: fit.value.sigma, note: null }
        : { slope: null, intercept: null, r2: null, n: points.length, sigma: null, note: fit.reason },
      references,
      notes,
    },
    schools: results,
    municipalities: municipalities(results),
    issues,
  };
}

function categoryOf(shnor: boolean, shnsu: boolean, riskZone: boolean): Category {
  if (shnor && shnsu) return "ШНОР и ШНСУ";
  if (shnor) return "ШНОР";
  if (shnsu) return "ШНСУ";
  if (riskZone) return "Зона риска";
  return "Без рисков";
}

/** Municipal counts and the share of ШНОР ∪ ШНСУ (seed 001: n / m × 100 %). */
export function municipalities(results: readonly SchoolResult[]): MunicipalityResult[] {
  const byName = new Map<string, { schools: number; shnor: number; shnsu: number; either: number }>();
  for (const r of results) {
    const m = byName.get(r.municipality) ?? { schools: 0, shnor: 0, shnsu: 0, either: 0 };
    m.schools++;
    if (r.shnor) m.shnor++;
    if (r.shnsu) m.shnsu++;
    if (r.shnor || r.shnsu) m.either++;
    byName.set(r.municipality, m);
  }
  return [...byName.entries()]
    .sort((a, b) => cmp(a[0], b[0]))
    .map(([name, m]) => ({ name, schools: m.schools, shnor: m.shnor, shnsu: m.shnsu, shnorOrShnsu: m.either, share: m.schools > 0 ? m.either / m.schools : 0 }));
}

function pooled(items: readonly (readonly [number | null, number])[]): number | null {
  let n = 0;
  let d = 0;
  for (const [v, w] of items) {
    if (v === null || w <= 0) continue;
    n += v * w;
    d += w;
  }
  return d > 0 ? n / d : null;
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

function missingSwiParts(s: School): string[] {
  const out: string[] = [];
  if (s.parentsHigherEd === null) out.push("Дв");
  if (s.singleParent === null) out.push("Дн");
  if (s.registered === null) out.push("Ду");
  return out;
}

function typeReason(
  code: keyof typeof SCHOOL_TYPE_NAMES,
  s: School,
  refs: { swiQ1: number | null; deviantD9: number | null; nonNativeMean: number | null },
  p: MethodologyParameters,
): string {
  const name = SCHOOL_TYPE_NAMES[code];
  switch (code) {
    case "T1":
      return `${name}: село`;
    case "T2":
      return `${name}: город`;
    case "T3":
      return `${name}: село, ${int(s.enrollment ?? 0)} обучающихся < ${int(p.smallSchoolEnrollment)}`;
    case "T4": {
      const parts: string[] = [];
      if (s.hardToReach === true) parts.push("труднодоступная местность");
      if (s.nearestSchoolKm !== null && s.nearestSchoolKm >= p.remoteKm) parts.push(`до ближайшей ОО ${num(s.nearestSchoolKm)} км ≥ ${int(p.remoteKm)}`);
      return `${name}: ${parts.join(", ")}`;
    }
    case "T5":
      return `${name}: Ду ${num(s.registered ?? 0)} % > D9 ${num(refs.deviantD9 ?? 0)} %`;
    case "T6":
      return `${name}: неродной русский ${num(s.nonNativeShare ?? 0)} % > среднего ${num(refs.nonNativeMean ?? 0)} %`;
  }
}

function plainParameters(p: MethodologyParameters): Record<string, unknown> {
  return JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
}


