/**
 * The optional monitoring part of the workbook contract (seeds 001 and 002): extra columns of
 * `Школы` answered by each school for the latest year, and the sheet `Мониторинг МО` with the
 * municipalities' yes/no answers. Everything here is optional: without it the identification
 * runs as before and the monitoring indicators say "нет данных" with the columns they need.
 */
import type { MunicipalIndicatorRow, SchoolMonitoring } from "../engine/types";
import { MONITORING_COLUMN_HEADERS } from "../engine/monitoring/definitions";
import type { ColumnDef, ColumnsOf, SheetDef } from "./columns";

const COUNT = { type: "int", min: 0, required: false, nullable: true } as const;
const YES_NO = { type: "bool", required: false, nullable: true, note: "да или нет" } as const;

type Field = keyof SchoolMonitoring;

function count(field: Field, synonyms: readonly string[], note: string): ColumnDef<number | null | undefined> {
  return { ...COUNT, header: MONITORING_COLUMN_HEADERS[field], synonyms, note };
}

function yesNo(field: Field, synonyms: readonly string[]): ColumnDef<boolean | null | undefined> {
  return { ...YES_NO, header: MONITORING_COLUMN_HEADERS[field], synonyms };
}

/** Optional monitoring columns of `Школы`, in template order (after the SPEC's columns). */
export const SCHOOL_MONITORING_COLUMNS: ColumnsOf<SchoolMonitoring> = {
  teachers: count(
    "teachers",
    ["Количество педагогических работников", "Число педагогов", "Педагогов всего", "Teachers", "Number of teachers"],
    "всего педагогов школы; знаменатель долей педагогов ШНОР и ШНСУ",
  ),
  teachersDiagnosed: count(
    "teachersDiagnosed",
    ["Педагогов, включённых в диагностику профессиональных дефицитов", "Прошли диагностику профессиональных дефицитов", "Teachers diagnosed", "Teachers in deficit diagnostics"],
    "включены в диагностику предметных, методических, психолого-педагогических дефицитов",
  ),
  teachersDiagnosedSubject: count(
    "teachersDiagnosedSubject",
    ["Педагогов, включённых в диагностику предметных дефицитов", "Диагностика предметных дефицитов", "Teachers in subject diagnostics"],
    "из них в диагностике предметных дефицитов (001 §1.2.3)",
  ),
  teachersDiagnosedMethodical: count(
    "teachersDiagnosedMethodical",
    ["Педагогов, включённых в диагностику методических дефицитов", "Диагностика методических дефицитов", "Teachers in methodical diagnostics"],
    "из них в диагностике методических дефицитов (001 §1.2.3)",
  ),
  teachersDiagnosedPsychological: count(
    "teachersDiagnosedPsychological",
    ["Педагогов, включённых в диагностику психолого-педагогических дефицитов", "Диагностика психолого-педагогических дефицитов", "Teachers in psychological diagnostics"],
    "из них в диагностике психолого-педагогических дефицитов (001 §1.2.3)",
  ),
  teachersSupported: count(
    "teachersSupported",
    ["Педагогов, которым оказана поддержка", "Педагогов, получивших методическую поддержку", "Teachers supported"],
    "консультативная, методическая и другие виды поддержки по повышению качества образования",
  ),
  teachersInNetworks: count(
    "teachersInNetworks",
    ["Педагогов в региональных сетевых методических объединениях", "Педагогов в сетевых методических объединениях", "Teachers in regional networks"],
    "в региональных сетевых методических объединениях учителей-предметников",
  ),
  teachersInMethodicalActive: count(
    "teachersInMethodicalActive",
    ["Педагогов в методическом активе", "Региональный методический актив", "Teachers in methodical active"],
    "включены в работу регионального методического актива",
  ),
  teachersWithIom: count(
    "teachersWithIom",
    ["Педагогов, имеющих ИОМ", "Педагогов с индивидуальным образовательным маршрутом", "Teachers with IOM", "Teachers with individual routes"],
    "педагогов с индивидуальным образовательным маршрутом",
  ),
  inQualityEvents: yesNo("inQualityEvents", [
    "Участие в мероприятиях по повышению качества образования",
    "Вовлечена в мероприятия по повышению качества образования",
    "Quality events",
  ]),
  hasCurator: yesNo("hasCurator", ["Определена школа-куратор", "Директор-куратор", "Куратор", "Curator", "Has curator"]),
  hasQualityProgramme: yesNo("hasQualityProgramme", [
    "Школьная программа повышения качества образования",
    "Программа повышения качества образования",
    "Quality programme",
    "Quality improvement programme",
  ]),
  hasFailurePrevention: yesNo("hasFailurePrevention", [
    "Программа профилактики учебной неуспешности",
    "Профилактика учебной неуспешности",
    "Failure prevention",
  ]),
  hasIndividualCurricula: yesNo("hasIndividualCurricula", [
    "ИУП",
    "Индивидуальные учебные планы для слабоуспевающих",
    "Адресные образовательные программы",
    "Individual curricula",
  ]),
  hasTutoring: yesNo("hasTutoring", ["Тьюторская поддержка обучающихся", "Тьюторство", "Tutoring"]),
  risksRemoved: yesNo("risksRemoved", [
    "Ликвидированы риски снижения образовательных результатов",
    "Риски зоны риска ликвидированы",
    "Risks removed",
  ]),
  teacherDeficitResolved: yesNo("teacherDeficitResolved", [
    "Устранён дефицит педагогических кадров",
    "Дефицит педагогических кадров устранён",
    "Teacher deficit resolved",
  ]),
  equipmentDeficitResolved: yesNo("equipmentDeficitResolved", [
    "Устранён дефицит материальной базы",
    "Дефицит материальной базы и инфраструктуры устранён",
    "Equipment deficit resolved",
  ]),
  weakPupils: count(
    "weakPupils",
    ["Слабоуспевающих и неуспевающих обучающихся", "Число слабоуспевающих", "Weak pupils", "Low-achieving pupils"],
    "обучающихся; знаменатель долей с ИОМ и на дополнительных занятиях",
  ),
  weakPupilsWithIom: count(
    "weakPupilsWithIom",
    ["Слабоуспевающих с индивидуальным образовательным маршрутом", "Weak pupils with IOM"],
    "слабоуспевающих и неуспевающих с индивидуальным образовательным маршрутом",
  ),
  weakPupilsInExtraClasses: count(
    "weakPupilsInExtraClasses",
    ["Посещают дополнительные занятия", "Weak pupils in extra classes"],
    "посещают дополнительные занятия для ликвидации отставания",
  ),
  // Seed 002 №4, 5, 7: the ШНОР's participation in the region's support (SPEC.md §9a).
  seminarParticipation: yesNo("seminarParticipation", ["Участие в семинаре-совещании по вопросам качества образования", "Семинар-совещание", "Seminar participation"]),
  dpoTraining: yesNo("dpoTraining", ["Обучение по адресным программам дополнительного профессионального образования", "Адресные программы ДПО", "DPO training", "Targeted training"]),
  webinarParticipation: yesNo("webinarParticipation", ["Участие педагогов в вебинарах", "Вебинары", "Webinar participation", "Webinars"]),
};

/** Monitoring fields of `Школы`, for stripping the ones whose column is absent. */
export const SCHOOL_MONITORING_FIELDS: readonly (keyof SchoolMonitoring)[] = Object.keys(SCHOOL_MONITORING_COLUMNS) as (keyof SchoolMonitoring)[];

/** Count columns that cannot exceed another count of the same school (`Школы` cross-row rule). */
export const SCHOOL_MONITORING_PARTS: readonly (readonly [part: keyof SchoolMonitoring, whole: keyof SchoolMonitoring])[] = [
  ["teachersDiagnosed", "teachers"],
  ["teachersDiagnosedSubject", "teachersDiagnosed"],
  ["teachersDiagnosedMethodical", "teachersDiagnosed"],
  ["teachersDiagnosedPsychological", "teachersDiagnosed"],
  ["teachersSupported", "teachers"],
  ["teachersInNetworks", "teachers"],
  ["teachersInMethodicalActive", "teachers"],
  ["teachersWithIom", "teachers"],
  ["weakPupilsWithIom", "weakPupils"],
  ["weakPupilsInExtraClasses", "weakPupils"],
];

/** `Мониторинг МО` (optional): one row per municipality × indicator (× year). */
export const MUNICIPAL_INDICATORS_SHEET: SheetDef<MunicipalIndicatorRow> = {
  id: "municipalIndicators",
  name: "Мониторинг МО",
  synonyms: ["Мониторинг муниципалитетов", "Показатели МО", "Показатели муниципалитетов", "Municipal monitoring", "Municipal indicators"],
  columns: {
    municipality: {
      header: "Муниципалитет",
      synonyms: ["Муниципальное образование", "Муниципальный район", "Район", "МО", "Municipality", "District"],
      type: "text", required: true, nullable: false, note: "как на листе «Школы»",
    },
    indicator: {
      header: "Показатель",
      synonyms: ["Индикатор", "Код показателя", "Наименование показателя", "Indicator"],
      type: "text", required: true, nullable: false, note: "название или код показателя да/нет (например, «Наличие аналитической справки»)",
    },
    year: {
      header: "Год",
      synonyms: ["Учебный год", "Year"],
      type: "year", required: false, nullable: true, note: "необязательно; год окончания учебного года",
    },
    value: {
      header: "Значение",
      synonyms: ["Ответ", "Да/нет", "Наличие", "Value", "Answer"],
      type: "bool", required: true, nullable: true, note: "да — 1 балл, нет — 0 баллов; пусто — нет данных",
    },
    count: {
      header: "Количество",
      synonyms: ["Число", "Count", "Number"],
      type: "int", min: 0, required: false, nullable: true, note: "для «Сетевых сообществ»: число сообществ муниципалитета",
    },
  },
};
