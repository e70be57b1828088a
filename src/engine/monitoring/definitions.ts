/**
 * The monitoring indicators as data: seed 001's municipal indicators (Ivanovo) and seed 002's
 * regional ones (Stavropol), each with the data that gives it.
 */
import type { SchoolMonitoring } from "../types";

/**
 * Russian headers of the optional monitoring columns of `Школы`. The schema's column
 * definitions take their headers from here, so that "нет данных" names the very column.
 */
export const MONITORING_COLUMN_HEADERS: Readonly<Record<keyof SchoolMonitoring, string>> = {
  teachers: "Педагогических работников",
  teachersDiagnosed: "Педагогов в диагностике профессиональных дефицитов",
  teachersDiagnosedSubject: "Педагогов в диагностике предметных дефицитов",
  teachersDiagnosedMethodical: "Педагогов в диагностике методических дефицитов",
  teachersDiagnosedPsychological: "Педагогов в диагностике психолого-педагогических дефицитов",
  teachersSupported: "Педагогов, получивших поддержку",
  teachersInNetworks: "Педагогов в региональных сетевых объединениях",
  teachersInMethodicalActive: "Педагогов в региональном методическом активе",
  teachersWithIom: "Педагогов с ИОМ",
  inQualityEvents: "Участие в мероприятиях по качеству образования",
  hasCurator: "Школа-куратор",
  hasQualityProgramme: "ШППКО",
  hasFailurePrevention: "Система профилактики учебной неуспешности",
  hasIndividualCurricula: "ИУП для слабоуспевающих",
  hasTutoring: "Тьюторская поддержка",
  risksRemoved: "Риски ликвидированы",
  teacherDeficitResolved: "Дефицит кадров устранён",
  equipmentDeficitResolved: "Дефицит материальной базы устранён",
  weakPupils: "Слабоуспевающих и неуспевающих",
  weakPupilsWithIom: "Слабоуспевающих с ИОМ",
  weakPupilsInExtraClasses: "Слабоуспевающих на дополнительных занятиях",
  seminarParticipation: "Участие в семинаре-совещании",
  dpoTraining: "Обучение по адресным программам ДПО",
  webinarParticipation: "Участие в вебинарах",
};

/** Name of the optional sheet of municipal yes/no answers. */
export const MUNICIPAL_INDICATORS_SHEET_NAME = "Мониторинг МО";

/** `Школы: «Педагогов с ИОМ»` — how a missing column is named in `missing`. */
export function schoolColumn(field: keyof SchoolMonitoring): string {
  return `Школы: «${MONITORING_COLUMN_HEADERS[field]}»`;
}

/** Which schools of a municipality a share indicator is taken over (seed 001's denominators). */
export type SchoolGroup = "shnorOrShnsu" | "all" | "riskZone";

export type MunicipalIndicatorDef =
  /** §1.2.1: the share of ШНОР and ШНСУ, from the identification. */
  | { readonly kind: "identification" }
  /** A municipal-level yes/no answer from `Мониторинг МО`, scored 1 / 0. */
  | { readonly kind: "yesNo"; readonly synonyms: readonly string[] }
  /** Σ count ÷ Σ `Педагогических работников` over the group's schools. */
  | { readonly kind: "teacherShare"; readonly column: keyof SchoolMonitoring; readonly group: SchoolGroup }
  /** Schools answering «да» ÷ schools of the group with an answer. */
  | { readonly kind: "schoolShare"; readonly column: keyof SchoolMonitoring; readonly group: SchoolGroup };

export interface MunicipalIndicator {
  readonly id: string;
  readonly source: string;
  readonly name: string;
  readonly def: MunicipalIndicatorDef;
}

/**
 * Seed 001's municipal indicators in its order. Teacher shares of §1.2.3–1.2.4 are over the
 * teachers of the municipality's ШНОР and ШНСУ (the section is about them; §1.2.3's formula lost
 * its denominator in the seed, we read it like §1.2.4's). §1.2.5's school shares are over all
 * the municipality's schools («общее количество школ муниципалитета»), the last one over its
 * risk-zone schools.
 */
export const MUNICIPAL_INDICATORS: readonly MunicipalIndicator[] = [
  {
    id: "shnorShnsuShare",
    source: "001 §1.2.1",
    name: "Доля ШНОР и ШНСУ от общего количества школ муниципалитета",
    def: { kind: "identification" },
  },
  {
    id: "analyticalReport",
    source: "001 §1.2.2",
    name: "Наличие аналитической справки по мониторингу образовательных результатов обучающихся в ШНОР и ШНСУ",
    def: { kind: "yesNo", synonyms: ["Аналитическая справка", "Наличие аналитической справки"] },
  },
  {
    id: "teachersDiagnosed",
    source: "001 §1.2.3",
    name: "Доля педагогических работников ШНОР и ШНСУ, включённых в процедуры диагностики профессиональных дефицитов",
    def: { kind: "teacherShare", column: "teachersDiagnosed", group: "shnorOrShnsu" },
  },
  {
    id: "teachersDiagnosedSubject",
    source: "001 §1.2.3",
    name: "Доля педагогических работников ШНОР и ШНСУ, включённых в процедуры диагностики предметных дефицитов",
    def: { kind: "teacherShare", column: "teachersDiagnosedSubject", group: "shnorOrShnsu" },
  },
  {
    id: "teachersDiagnosedMethodical",
    source: "001 §1.2.3",
    name: "Доля педагогических работников ШНОР и ШНСУ, включённых в процедуры диагностики методических дефицитов",
    def: { kind: "teacherShare", column: "teachersDiagnosedMethodical", group: "shnorOrShnsu" },
  },
  {
    id: "teachersDiagnosedPsychological",
    source: "001 §1.2.3",
    name: "Доля педагогических работников ШНОР и ШНСУ, включённых в процедуры диагностики психолого-педагогических дефицитов",
    def: { kind: "teacherShare", column: "teachersDiagnosedPsychological", group: "shnorOrShnsu" },
  },
  {
    id: "teachersSupported",
    source: "001 §1.2.4",
    name: "Доля педагогов ШНОР и ШНСУ, которым оказана консультативная, методическая и другие виды поддержки",
    def: { kind: "teacherShare", column: "teachersSupported", group: "shnorOrShnsu" },
  },
  {
    id: "teachersInNetworks",
    source: "001 §1.2.4",
    name: "Доля педагогов ШНОР и ШНСУ, включённых в региональные сетевые методические объединения учителей-предметников",
    def: { kind: "teacherShare", column: "teachersInNetworks", group: "shnorOrShnsu" },
  },
  {
    id: "teachersInMethodicalActive",
    source: "001 §1.2.4",
    name: "Доля педагогов ШНОР и ШНСУ, включённых в работу регионального методического актива",
    def: { kind: "teacherShare", column: "teachersInMethodicalActive", group: "shnorOrShnsu" },
  },
  {
    id: "teachersWithIom",
    source: "001 §1.2.4",
    name: "Доля педагогов ШНОР и ШНСУ, имеющих ИОМ",
    def: { kind: "teacherShare", column: "teachersWithIom", group: "shnorOrShnsu" },
  },
  {
    id: "schoolsInQualityEvents",
    source: "001 §1.2.4",
    name: "Доля ШНОР и ШНСУ, вовлечённых в мероприятия по развитию профессионального мастерства по повышению качества образования",
    def: { kind: "schoolShare", column: "inQualityEvents", group: "shnorOrShnsu" },
  },
  {
    id: "schoolsWithCurator",
    source: "001 §1.2.4",
    name: "Доля ШНОР и ШНСУ, для которых определены школы-кураторы (директора-кураторы)",
    def: { kind: "schoolShare", column: "hasCurator", group: "shnorOrShnsu" },
  },
  {
    id: "schoolsWithQualityProgramme",
    source: "001 §1.2.4",
    name: "Доля ШНОР и ШНСУ, в которых разработана школьная программа повышения качества образования (ШППКО)",
    def: { kind: "schoolShare", column: "hasQualityProgramme", group: "shnorOrShnsu" },
  },
  {
    id: "schoolsWithFailurePrevention",
    source: "001 §1.2.5",
    name: "Доля ОУ муниципалитета, в которых сформирована программа (система) профилактики и ликвидации школьной неуспешности",
    def: { kind: "schoolShare", column: "hasFailurePrevention", group: "all" },
  },
  {
    id: "schoolsWithIndividualCurricula",
    source: "001 §1.2.5",
    name: "Доля ОО муниципалитета, в которых разработаны ИУП для слабоуспевающих и неуспевающих обучающихся",
    def: { kind: "schoolShare", column: "hasIndividualCurricula", group: "all" },
  },
  {
    id: "schoolsWithTutoring",
    source: "001 §1.2.5",
    name: "Доля ОО муниципалитета, в которых организована тьюторская поддержка обучающихся",
    def: { kind: "schoolShare", column: "hasTutoring", group: "all" },
  },
  {
    id: "practicesDissemination",
    source: "001 §1.2.5",
    name: "Наличие в муниципалитете системы распространения успешных педагогических практик по профилактике учебной неуспешности",
    def: { kind: "yesNo", synonyms: ["Распространение успешных практик", "Система распространения успешных практик"] },
  },
  {
    id: "riskZoneResourceMonitoring",
    source: "001 §1.2.5",
    name: "Наличие в муниципалитете мониторинга ресурсов в школах, функционирующих в зоне риска снижения образовательных результатов",
    def: { kind: "yesNo", synonyms: ["Мониторинг ресурсов", "Мониторинг ресурсов в школах зоны риска"] },
  },
  {
    id: "riskZoneRisksRemoved",
    source: "001 §1.2.5",
    name: "Доля ОУ зоны риска, в которых ликвидированы не менее двух из трёх рисков (интернет, компьютерная техника, дефицит кадров)",
    def: { kind: "schoolShare", column: "risksRemoved", group: "riskZone" },
  },
];

/** The known yes/no indicators of `Мониторинг МО`, for the schema's "unknown indicator" note. */
export const YES_NO_INDICATORS: readonly MunicipalIndicator[] = MUNICIPAL_INDICATORS.filter((i) => i.def.kind === "yesNo");

/** Seed 002 №6: the municipality's yes/no answer on `Мониторинг МО` (not one of seed 001's indicators). */
export const PEDAGOGICAL_LANDING = {
  id: "pedagogicalLanding",
  name: "Педагогический десант",
  synonyms: ["Участие в выездном мероприятии «Педагогический десант»", "Выездное мероприятие «Педагогический десант»", "Pedagogical landing"],
} as const;

/** Seed 002 №8: a count row of `Мониторинг МО` (column `Количество`), summed over the municipalities. */
export const NETWORK_COMMUNITIES = {
  id: "networkCommunities",
  name: "Сетевых сообществ",
  synonyms: ["Количество сетевых сообществ", "Сетевые сообщества", "Network communities"],
} as const;

export type RegionalIndicatorDef =
  /** Seed 002 №1: the named indicators present in the methodology in use. */
  | { readonly kind: "methodology" }
  /** Seed 002 №4, 5, 7: ШНОР of the year answering «да» ÷ all ШНОР of the year (no answer counts as «нет»). */
  | { readonly kind: "shnorShare"; readonly column: keyof SchoolMonitoring }
  /** Seed 002 №6: municipalities answering «да» on `Мониторинг МО` ÷ all municipalities. */
  | { readonly kind: "municipalYesNo" }
  /** Seed 002 №8: a regional count given as a parameter. */
  | { readonly kind: "regionalCount"; readonly parameter: "networkCommunities" }
  /** Seed 002 №2, 3, 13, 14: change of a group's pooled index year on year. */
  | { readonly kind: "dynamics"; readonly index: "low" | "mass"; readonly group: "shnorOrShnsu" | "riskZone" }
  /** A share of the region's schools on which a §7 risk factor holds (the same rule and parameters as §7). */
  | { readonly kind: "factorShare"; readonly factor: "teacherShortage" | "lowEquipment" }
  /** Schools answering «да» ÷ schools with an answer. */
  | { readonly kind: "schoolShare"; readonly column: keyof SchoolMonitoring }
  /** Σ part ÷ Σ whole over the region's schools. */
  | { readonly kind: "countShare"; readonly column: keyof SchoolMonitoring; readonly whole: keyof SchoolMonitoring };

export interface RegionalIndicator {
  /** Seed 002's number: also the key of `monitoringTargets`. */
  readonly number: number;
  readonly id: string;
  readonly name: string;
  /** Direction of the target: «Не менее» → atLeast, «Не более» → atMost. */
  readonly comparison: "atLeast" | "atMost";
  readonly def: RegionalIndicatorDef;
}

/** Seed 002's seventeen indicators in its order (SPEC.md §9a). */
export const REGIONAL_INDICATORS: readonly RegionalIndicator[] = [
  {
    number: 1,
    id: "methodologyIndicators",
    name: "Наличие в региональной методике кластерного подхода и показателей R1, R2, индекса кадрового состава, коэффициента материально-технического оснащения, индекса социального благополучия",
    comparison: "atLeast",
    def: { kind: "methodology" },
  },
  { number: 2, id: "lowIndexDynamics", name: "Динамика индекса низких результатов по процедурам оценки качества образования (ШНОР и ШНСУ)", comparison: "atMost", def: { kind: "dynamics", index: "low", group: "shnorOrShnsu" } },
  { number: 3, id: "massIndexDynamics", name: "Динамика индекса массовых результатов оценочной процедуры (ШНОР и ШНСУ)", comparison: "atLeast", def: { kind: "dynamics", index: "mass", group: "shnorOrShnsu" } },
  {
    number: 4,
    id: "shnorSeminarShare",
    name: "Доля ШНОР, принявших участие в работе семинара-совещания по вопросам повышения качества образования",
    comparison: "atLeast",
    def: { kind: "shnorShare", column: "seminarParticipation" },
  },
  {
    number: 5,
    id: "shnorDpoShare",
    name: "Доля ШНОР, педагогические и управленческие работники которых прошли обучение по адресным программам ДПО",
    comparison: "atLeast",
    def: { kind: "shnorShare", column: "dpoTraining" },
  },
  {
    number: 6,
    id: "pedagogicalLandingShare",
    name: "Доля муниципальных и городских округов, работники которых приняли участие в выездном мероприятии «Педагогический десант»",
    comparison: "atLeast",
    def: { kind: "municipalYesNo" },
  },
  {
    number: 7,
    id: "shnorWebinarShare",
    name: "Доля ШНОР, педагогические и управленческие работники которых приняли участие в вебинарах",
    comparison: "atLeast",
    def: { kind: "shnorShare", column: "webinarParticipation" },
  },
  {
    number: 8,
    id: "networkCommunities",
    name: "Количество сетевых сообществ для организации «горизонтального обучения» педагогов",
    comparison: "atLeast",
    def: { kind: "regionalCount", parameter: "networkCommunities" },
  },
  {
    number: 9,
    id: "teacherDeficitShare",
    name: "Доля ОО региона, в которых выявлен дефицит педагогических кадров",
    comparison: "atMost",
    def: { kind: "factorShare", factor: "teacherShortage" },
  },
  {
    number: 10,
    id: "equipmentDeficitShare",
    name: "Доля ОО региона, в которых выявлен дефицит материальной базы и инфраструктуры (интернет, компьютерная техника)",
    comparison: "atMost",
    def: { kind: "factorShare", factor: "lowEquipment" },
  },
  { number: 11, id: "teacherDeficitResolvedShare", name: "Доля ОО региона, в которых устранён/частично устранён дефицит педагогических кадров", comparison: "atLeast", def: { kind: "schoolShare", column: "teacherDeficitResolved" } },
  {
    number: 12,
    id: "equipmentDeficitResolvedShare",
    name: "Доля ОО региона, в которых устранён/частично устранён дефицит материальной базы и инфраструктуры",
    comparison: "atLeast",
    def: { kind: "schoolShare", column: "equipmentDeficitResolved" },
  },
  { number: 13, id: "riskZoneLowIndexDynamics", name: "Динамика индекса низких результатов в школах зоны риска", comparison: "atMost", def: { kind: "dynamics", index: "low", group: "riskZone" } },
  { number: 14, id: "riskZoneMassIndexDynamics", name: "Динамика индекса массовых результатов в школах зоны риска", comparison: "atLeast", def: { kind: "dynamics", index: "mass", group: "riskZone" } },
  { number: 15, id: "failurePreventionShare", name: "Доля ОО, в которых сформирована внутришкольная система профилактики учебной неуспешности", comparison: "atLeast", def: { kind: "schoolShare", column: "hasFailurePrevention" } },
  {
    number: 16,
    id: "weakPupilsWithIomShare",
    name: "Доля слабоуспевающих и неуспевающих обучающихся, для которых разработан индивидуальный образовательный маршрут",
    comparison: "atLeast",
    def: { kind: "countShare", column: "weakPupilsWithIom", whole: "weakPupils" },
  },
  {
    number: 17,
    id: "weakPupilsInExtraClassesShare",
    name: "Доля обучающихся (от числа неуспевающих), посещающих дополнительные занятия",
    comparison: "atLeast",
    def: { kind: "countShare", column: "weakPupilsInExtraClasses", whole: "weakPupils" },
  },
];
