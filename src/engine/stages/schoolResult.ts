/**
 * One school's verdict and its reasons (SPEC.md §3, §4 stage 3, §7, §8, §9): which ШНОР rules
 * fired, ШНСУ, the risk zone, the final category, and the per-procedure table.
 */
import { int, num, pct, plural } from "../format";
import { lowResultsRules } from "../lowResults";
import type { MethodologyParameters } from "../methodology";
import type { NonObjectivitySign } from "../nonObjectivity";
import type { Category, ProcedureResult, RiskFactorValue, RuleFinding, School, SchoolResult } from "../types";
import { groupReason, type Groups } from "./groups";
import type { PresetRules } from "./presetRules";
import type { ProcedureVerdict } from "./procedureVerdicts";
import type { RiskProfile } from "./riskProfile";
import { schoolSocial, type SocialProfile } from "./socialProfile";

/** Russian names of the ШНОР rules that can fire. */
export const SHNOR_RULE_NAMES: Readonly<Record<string, string>> = {
  R1: "R1: низкие результаты не менее чем по двум процедурам в последнем году",
  R2: "R2: низкие результаты хотя бы по одной процедуре в каждом из двух последних лет",
  BRYANSK: "Брянск: критерии ЕГЭ / ОГЭ / ВПР в каждом из последних лет",
  MEANGAP: "Новолакский район: средний балл ниже среднего по муниципалитету",
};

/** Russian names of the signs of non-objectivity (SPEC §4 version 2). */
export const SIGN_NAMES: Readonly<Record<NonObjectivitySign, string>> = {
  ciBetterThanRegion: "результаты лучше региона за пределами доверительного интервала",
  lowParticipation: "низкая доля участников",
  raisedVsJournal: "отметка выше журнальной чаще, чем в регионе",
  boundaryPeak: "пик на границе отметки «3»",
  highAndLow: "высокие выше P95 при низких ниже P10",
  massAndZeroLow: "массовые выше P95 при нулевых низких",
};

/** Everything the region-wide stages decided, as one school's verdict needs it. */
export interface RegionStages {
  readonly latestYear: number | null;
  readonly verdicts: ReadonlyMap<string, readonly ProcedureVerdict[]>;
  readonly social: SocialProfile;
  readonly presetRules: PresetRules;
  readonly groups: Groups;
  readonly risk: RiskProfile;
}

/**
 * @example
 * schoolResult(school, 0, stages, PRESETS.kbr.parameters).category // "ШНОР"
 */
export function schoolResult(school: School, index: number, stages: RegionStages, p: MethodologyParameters): SchoolResult {
  const { latestYear, risk } = stages;
  const sw = stages.social.swis[index] ?? null;
  const { typed, reasons } = schoolSocial(school, sw, stages.social.refs, p);
  const vs = stages.verdicts.get(school.id) ?? [];

  const { shnor, shnorRules, shnorFindings } = shnorVerdict(school, vs, stages, p, reasons);
  const { listed, nonObjectivityCount, nonObjectivityHistory } = nonObjectivityOf(vs, latestYear, p, reasons);

  // §7 risk factors
  const allFactors = risk.all(school);
  const riskFactors: RiskFactorValue[] = allFactors.factors;
  const riskCount = riskFactors.filter((f) => f.value === true).length;

  const shnsu = shnsuVerdict(school, typed, risk, p, reasons);

  const riskZone = !shnor && riskCount >= p.riskZoneMinFactors;
  const trueFactors = riskFactors.filter((f) => f.value === true);
  if (trueFactors.length > 0)
    reasons.push(`факторы риска (${trueFactors.length}${riskZone ? ` ≥ ${p.riskZoneMinFactors}` : ""}): ` + trueFactors.map((f) => `${f.name} — ${f.detail}`).join("; "));
  reasons.push(...allFactors.reasons);

  // §6 group
  const g = stages.groups.bySchool.get(school.id);
  const gReason = groupReason(stages.groups, school.id, p);
  if (gReason !== null) reasons.push(gReason);
  else if (stages.groups.fit.ok && vs.some((v) => v.evaluated && v.stat.year === latestYear) && vs.every((v) => v.stat.year !== latestYear || !v.evaluated || v.excluded))
    reasons.push("группа не определена: все результаты последнего года с признаками необъективности исключены");

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
    groupResult: stages.groups.y(school.id),
    groupResidual: g?.residual ?? null,
    riskFactors,
    riskFactorsKnown: allFactors.known,
    riskZone,
    category: categoryOf(shnor, shnsu, riskZone),
    reasons,
    nonObjectivityHistory,
    nonObjectivity: listed.map((v) => ({ procedure: v.stat.procedure, year: v.stat.year, signs: v.findings })),
    procedures: vs.map(procedureResult),
    staffIndex: risk.staff.get(school.id) ?? null,
    equipmentCoefficient: risk.equipment.get(school.id) ?? null,
    shnorFindings,
  };
}

/** §3 low results and the preset's ШНОР rules; their reasons go to `reasons`. */
function shnorVerdict(
  school: School,
  vs: readonly ProcedureVerdict[],
  stages: RegionStages,
  p: MethodologyParameters,
  reasons: string[],
): { shnor: boolean; shnorRules: string[]; shnorFindings: RuleFinding[] } {
  const { latestYear, risk } = stages;
  const shnorRules: string[] = [];
  const procedureReasons: string[] = [];
  if (p.shnorRules.percentile && latestYear !== null) {
    const flagged = vs.filter((v) => v.lowResults === true).map((v) => ({ procedure: v.stat.procedure, year: v.stat.year }));
    shnorRules.push(...lowResultsRules(flagged, latestYear, p.r1MinProcedures, p.r2Years));
    procedureReasons.push(...lowResultsReasons(vs, latestYear, p));
  }
  const br = stages.presetRules.bryansk.get(school.id);
  if (br?.fires) shnorRules.push("BRYANSK");
  const gaps = stages.presetRules.meanGap.get(school.id);
  if (gaps !== undefined && gaps.length > 0) shnorRules.push("MEANGAP");
  const factorRules = p.shnorRules.factors.map((id) => risk.factor(id, school)).filter((f) => f.value === true);
  for (const f of factorRules) shnorRules.push(f.id);
  const shnor = shnorRules.length > 0;
  const shnorFindings: RuleFinding[] = [
    ...(br === undefined ? [] : br.years.flatMap((y) => (br.perYear.get(y) ?? []).map((text) => ({ rule: "BRYANSK", year: y, text })))),
    ...(gaps ?? []).map((text) => ({ rule: "MEANGAP", year: latestYear, text })),
    ...factorRules.map((f) => ({ rule: f.id, year: null, text: `${f.name} — ${f.detail}` })),
  ];
  for (const rule of shnorRules) {
    const f = factorRules.find((x) => x.id === rule);
    reasons.push(f !== undefined ? `ШНОР по критерию «${f.name}»: ${f.detail}` : (SHNOR_RULE_NAMES[rule] ?? rule));
  }
  if (br?.fires) for (const y of br.years) reasons.push(...(br.perYear.get(y) ?? []));
  if (br?.candidate) {
    reasons.push(`Брянск: кандидат (данных меньше ${p.bryanskYears} лет) — критерии выполнены в каждом из имеющихся лет подряд (${[...br.years].reverse().join(", ")})`);
    for (const y of br.years) reasons.push(...(br.perYear.get(y) ?? []));
  }
  if (br !== undefined) for (const y of br.years) reasons.push(...(br.notEvaluated.get(y) ?? []));
  if (gaps !== undefined) reasons.push(...gaps);
  reasons.push(...procedureReasons.filter((r) => shnor || !r.includes("индекс низких")));
  if (!shnor && procedureReasons.some((r) => r.includes("индекс низких")))
    reasons.push(...procedureReasons.filter((r) => r.includes("индекс низких")).map((r) => `${r} (одной процедуры недостаточно)`));

  return { shnor, shnorRules, shnorFindings };
}

/** §4 stage 3: distinct units of the latest year, the history per year beside it; the reason goes to `reasons`. */
function nonObjectivityOf(
  vs: readonly ProcedureVerdict[],
  latestYear: number | null,
  p: MethodologyParameters,
  reasons: string[],
): { listed: ProcedureVerdict[]; nonObjectivityCount: number; nonObjectivityHistory: Record<string, number> } {
  const listed = vs.filter((v) => v.findings.length > 0);
  const nonObjectivityCount = new Set(listed.filter((v) => v.stat.year === latestYear).map((v) => v.stat.procedure)).size;
  const nonObjectivityHistory: Record<string, number> = {};
  for (const v of listed) nonObjectivityHistory[String(v.stat.year)] = (nonObjectivityHistory[String(v.stat.year)] ?? 0) + 1;
  if (listed.length > 0) {
    const history = Object.entries(nonObjectivityHistory)
      .map(([y, n]) => `${y} — ${n}`)
      .join(", ");
    reasons.push(
      `признаки необъективности — требуется проверка: ${nonObjectivityCount} ${plural(nonObjectivityCount, "процедура", "процедуры", "процедур")} в ${latestYear ?? ""} году (по годам: ${history}): ` +
        listed.map((v) => `${v.stat.procedure} ${v.stat.year}: ${v.findings.map((f) => `${SIGN_NAMES[f.id]} — ${f.text}`).join("; ")}`).join(" | ") +
        (p.excludeNonObjective ? "; эти результаты исключены из анализа (низкие результаты, правила методики, регрессия и группы, риск неуспешности, динамика)" : ""),
    );
  }

  return { listed, nonObjectivityCount, nonObjectivityHistory };
}

/** ШНСУ by the preset's rule; its reasons go to `reasons`. */
function shnsuVerdict(school: School, typed: ReturnType<typeof schoolSocial>["typed"], risk: RiskProfile, p: MethodologyParameters, reasons: string[]): boolean {
  if (p.shnsuRule.kind === "lowSwi") return typed.lowSwi === true;
  if (p.shnsuRule.kind === "allGroups") {
    // Every group needs a factor that holds (Брянск: remote AND resource insufficiency).
    const groups = p.shnsuRule.groups.map((g) => g.map((id) => risk.factor(id, school)));
    const met = groups.map((g) => g.filter((f) => f.value === true));
    const shnsu = groups.length > 0 && met.every((m) => m.length > 0);
    if (shnsu) reasons.push(`ШНСУ: выполнены все условия — ` + met.map((m) => m.map((f) => `${f.name} — ${f.detail}`).join(" или ")).join("; и "));
    const unknown = groups.filter((g, i) => (met[i]?.length ?? 0) === 0 && g.some((f) => f.value === null)).flat().filter((f) => f.value === null);
    if (!shnsu && unknown.length > 0) reasons.push(`ШНСУ не определена полностью: нет данных (${unknown.map((f) => f.name).join(", ")})`);
    return shnsu;
  }
  const rule = p.shnsuRule;
  const factors = rule.factors.map((id) => risk.factor(id, school));
  const met = factors.filter((f) => f.value === true);
  const shnsu = met.length >= rule.minCount;
  if (shnsu) reasons.push(`ШНСУ: ${met.length} из ${factors.length} условий (нужно ${rule.minCount}): ` + met.map((f) => `${f.name} — ${f.detail}`).join("; "));
  const unknown = factors.filter((f) => f.value === null);
  if (!shnsu && unknown.length > 0) reasons.push(`ШНСУ не определена полностью: нет данных (${unknown.map((f) => f.name).join(", ")})`);
  return shnsu;
}

/** Per unit of the years the rules look at (the latest, and the R2 window before it). */
function lowResultsReasons(vs: readonly ProcedureVerdict[], latestYear: number, p: MethodologyParameters): string[] {
  const out: string[] = [];
  const firstYear = latestYear - Math.max(1, p.r2Years) + 1;
  for (const v of vs) {
    if (v.stat.year < firstYear) continue;
    const label = `${v.stat.procedure} ${v.stat.year}`;
    if (!v.evaluated) out.push(`${label}: мало участников (${int(v.stat.participants)})`);
    else if (v.excluded) out.push(`${label}: признаки необъективности — требуется проверка; результаты не учтены`);
    else if (v.lowResults === true && v.stat.low !== null && v.lowP90 !== null)
      out.push(`${label}: индекс низких результатов ${pct(v.stat.low)} ≥ P${num(p.lowResultsPercentile * 100, 0)} ${pct(v.lowP90)}`);
  }
  return out;
}

function procedureResult(v: ProcedureVerdict): ProcedureResult {
  return {
    year: v.stat.year,
    procedure: v.stat.procedure,
    participants: v.stat.participants,
    lowIndex: v.stat.low,
    massIndex: v.stat.mass,
    highIndex: v.stat.high,
    participation: v.stat.participation,
    evaluated: v.evaluated,
    lowResults: v.lowResults,
    nonObjective: v.findings.length > 0,
    fromParticipants: v.stat.fromParticipants,
    meanScore: v.stat.meanScore,
    excluded: v.excluded,
    approximate: v.stat.approximate,
  };
}

function categoryOf(shnor: boolean, shnsu: boolean, riskZone: boolean): Category {
  if (shnor && shnsu) return "ШНОР и ШНСУ";
  if (shnor) return "ШНОР";
  if (shnsu) return "ШНСУ";
  if (riskZone) return "Зона риска";
  return "Без рисков";
}
