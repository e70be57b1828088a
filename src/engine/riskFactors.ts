/**
 * Risk factors and the risk zone (SPEC.md §7; seeds 001, 002, 004). Each factor is yes / no /
 * "нет данных" (null) per school.
 */
import { int, num, pct } from "./format";
import { RISK_FACTOR_NAMES, type MethodologyParameters } from "./methodology";
import { anyTrue, isRemote } from "./schoolTypes";
import type { RiskFactorId, RiskFactorValue, School } from "./types";

/** Regional reference values the factors compare with. */
export interface RiskReferences {
  readonly qualifiedP25: number | null;
  readonly failureP75: number | null;
  readonly disabledP75: number | null;
  readonly nonNativeMean: number | null;
  readonly staffIndexP25: number | null;
  readonly equipmentP25: number | null;
}

/** What the factors need of one school besides its registry row. */
export interface RiskInputs {
  readonly school: School;
  /** The latest year's low index, all evaluated procedures pooled. */
  readonly latestLowIndex: number | null;
  readonly staffIndex: number | null;
  readonly equipmentCoefficient: number | null;
  /**
   * Factor 4: the school's procedure units on a non-objectivity list in the latest year ("ВПР 5
   * кл. 2025"); `null` when no unit was evaluated that year (the lists say nothing).
   */
  readonly latestNonObjective?: readonly string[] | null;
  /** Factor 4: procedure marks against journal marks in the latest year; `null` without journal marks. */
  readonly journal?: { readonly compared: number; readonly lowered: number } | null;
}

const NO_DATA = "нет данных";

function yesNo(value: boolean | null, yes: string, no: string, missing: string): { value: boolean | null; detail: string } {
  return { value, detail: value === null ? missing : value ? yes : no };
}

type Verdict = { value: boolean | null; detail: string };

/** `value` strictly above (or below) a reference, with both numbers in the detail. */
function compare(
  direction: "above" | "below",
  value: number | null,
  ref: number | null,
  show: (v: number) => string,
  what: string,
  refName: string,
  missing: string,
): Verdict {
  if (value === null) return { value: null, detail: `${NO_DATA} (${missing})` };
  if (ref === null) return { value: null, detail: `${NO_DATA} (${refName} региона не рассчитан)` };
  const v = direction === "above" ? value > ref : value < ref;
  const sign = direction === "above" ? (v ? ">" : "≤") : v ? "<" : "≥";
  return { value: v, detail: `${what} ${show(value)} ${sign} ${refName} ${show(ref)}` };
}

const above = (...args: Parameters<typeof compare> extends [unknown, ...infer R] ? R : never): Verdict => compare("above", ...args);
const below = (...args: Parameters<typeof compare> extends [unknown, ...infer R] ? R : never): Verdict => compare("below", ...args);

const p1 = (v: number) => `${num(v)} %`;
const idx = (v: number) => num(v, 3);

/**
 * One factor's verdict for one school.
 *
 * @example
 * riskFactor("teacherShortage", { school: { …, teacherVacancies: 2 }, … }, refs, KBR_PARAMETERS)
 * // { id: "teacherShortage", name: "Дефицит педагогических кадров", value: true, detail: "вакансий 2 > 0" }
 */
export function riskFactor(id: RiskFactorId, input: RiskInputs, refs: RiskReferences, p: MethodologyParameters): RiskFactorValue {
  const s = input.school;
  let r: { value: boolean | null; detail: string };
  switch (id) {
    case "teacherShortage":
      r =
        s.teacherVacancies === null
          ? { value: null, detail: `${NO_DATA} (вакансии педагогов)` }
          : {
              value: s.teacherVacancies > p.vacanciesAbove,
              detail: `вакансий ${num(s.teacherVacancies, 0)} ${s.teacherVacancies > p.vacanciesAbove ? ">" : "≤"} ${num(p.vacanciesAbove, 0)}`,
            };
      break;
    case "lowEquipment":
      r = lowEquipment(s, p);
      break;
    case "teacherCompetence":
      r = below(s.qualifiedTeachersShare, refs.qualifiedP25, p1, "доля педагогов высшей и первой категории", "P25", "доля педагогов высшей и первой категории");
      break;
    case "noSpecialists":
      r = noSpecialists(s);
      break;
    case "highFailureRisk":
      r = above(input.latestLowIndex, refs.failureP75, (v) => pct(v), "индекс низких результатов", "P75", "нет оцененных процедур в последнем году");
      break;
    case "highDisabledShare":
      r = above(s.disabledShare, refs.disabledP75, p1, "доля обучающихся с ОВЗ", "P75", "доля обучающихся с ОВЗ");
      break;
    case "languageBarriers":
      r = above(s.nonNativeShare, refs.nonNativeMean, p1, "доля с неродным русским языком", "среднее", "доля с неродным русским языком");
      break;
    case "lowContinuation":
      r = below(s.continuedTo10Share, p.minContinuation, p1, "продолжили обучение в 10 классе", "порог", "продолжили обучение в 10 классе");
      break;
    case "lowOlympiad":
      r = below(s.olympiadShare, p.minOlympiad, (v) => `${num(v, 2)} %`, "участники олимпиад", "порог", "участники олимпиад");
      break;
    case "remoteness":
      r = remoteness(s, p);
      break;
    case "lowStaffIndex":
      r = below(input.staffIndex, refs.staffIndexP25, idx, "индекс кадрового состава", "P25", "кадровые показатели");
      break;
    case "lowEquipmentCoefficient":
      r = below(input.equipmentCoefficient, refs.equipmentP25, idx, "коэффициент оснащения", "P25", "интернет, компьютеры");
      break;
    case "objectiveAssessment":
      r = objectiveAssessment(input, p);
      break;
    case "careerGuidance":
    case "wellbeing":
    case "teacherEngagement":
    case "motivation":
    case "parents":
      // Seed 004 factors 8–12 come only from the 500+ questionnaires (sheet «Профиль рисков»).
      r = { value: null, detail: `${NO_DATA} (лист «Профиль рисков»)` };
      break;
  }
  return { id, name: RISK_FACTOR_NAMES[id], value: r.value, detail: r.detail };
}

/** A factor's answer and the reason shown for it. */
type FactorOutcome = { value: boolean | null; detail: string };

function lowEquipment(s: School, p: MethodologyParameters): FactorOutcome {
  const noInternet = s.stableInternet === null ? null : !s.stableInternet;
  const fewComputers = s.computersPer100 === null ? null : s.computersPer100 < p.minComputersPer100;
  const value = anyTrue(noInternet, fewComputers);
  const parts: string[] = [];
  if (noInternet === true) parts.push("нет устойчивого интернета");
  if (fewComputers === true) parts.push(`компьютеров на 100 обучающихся ${num(s.computersPer100 as number)} < ${num(p.minComputersPer100)}`);
  return { value, detail: value === null ? `${NO_DATA} (интернет, компьютеры)` : value ? parts.join(", ") : "интернет есть, компьютеров достаточно" };
}

function noSpecialists(s: School): FactorOutcome {
  const missing = [
    s.hasPsychologist === false ? "педагога-психолога" : null,
    s.hasSocialPedagogue === false ? "социального педагога" : null,
    s.hasDefectologist === false ? "дефектолога" : null,
  ].filter((x): x is string => x !== null);
  const value = anyTrue(
    s.hasPsychologist === null ? null : !s.hasPsychologist,
    s.hasSocialPedagogue === null ? null : !s.hasSocialPedagogue,
    s.hasDefectologist === null ? null : !s.hasDefectologist,
  );
  return yesNo(value, `нет ${missing.join(", ")}`, "все узкие специалисты есть", `${NO_DATA} (узкие специалисты)`);
}

function remoteness(s: School, p: MethodologyParameters): FactorOutcome {
  const value = isRemote(s.hardToReach, s.nearestSchoolKm, p.remoteKm);
  const parts: string[] = [];
  if (s.hardToReach === true) parts.push("труднодоступная местность");
  if (s.nearestSchoolKm !== null && s.nearestSchoolKm >= p.remoteKm) parts.push(`до ближайшей ОО ${num(s.nearestSchoolKm)} км ≥ ${num(p.remoteKm, 0)}`);
  return yesNo(value, parts.join(", "), "не удалена", `${NO_DATA} (труднодоступность, расстояние)`);
}

/**
 * Seed 004 factor 4 (SPEC.md §7): on a non-objectivity list in the latest year, or the
 * procedure mark lower than the journal mark in at least `objectivityLoweredShare` of the
 * compared results. "No" needs at least one of the two checks to have data.
 */
function objectiveAssessment(input: RiskInputs, p: MethodologyParameters): Verdict {
  const listed = input.latestNonObjective ?? null;
  const journal = input.journal ?? null;
  const procedures = p.objectivityJournalProcedures.join(", ");
  if (listed !== null && listed.length > 0) return { value: true, detail: `в списке необъективности последнего года: ${listed.join(", ")}` };
  const comparedText =
    journal === null || journal.compared === 0
      ? null
      : `отметка ${procedures} ниже отметки по журналу у ${int(journal.lowered)} из ${int(journal.compared)} результатов (${pct(journal.lowered / journal.compared)}`;
  if (journal !== null && journal.compared > 0 && journal.lowered / journal.compared >= p.objectivityLoweredShare)
    return { value: true, detail: `${comparedText} ≥ ${pct(p.objectivityLoweredShare, 0)})` };
  if (listed === null && comparedText === null) return { value: null, detail: `${NO_DATA} (нет оценённых процедур последнего года и «Отметки по журналу»)` };
  const parts: string[] = [];
  if (listed !== null) parts.push("нет в списках необъективности последнего года");
  if (comparedText !== null) parts.push(`${comparedText} < ${pct(p.objectivityLoweredShare, 0)})`);
  else parts.push("отметок по журналу нет");
  return { value: false, detail: parts.join("; ") };
}
