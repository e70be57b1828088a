/**
 * Methodology presets of SPEC.md §8 as data. Every threshold the rules use is a named parameter
 * here, with a Russian label and the seed it comes from, so that the user can edit it and the
 * result records it. The rules read nothing else.
 */
import type { RiskFactorId } from "./types";

export type PresetId = "kbr" | "stavropol" | "bryansk" | "novolaksky";

/** How the ШНОР-by-results test is made (SPEC.md §3 and §8). */
export interface ShnorRules {
  /** §3: regional 90th percentile of the low index per procedure and year, with R1 / R2. */
  readonly percentile: boolean;
  /** §8 Брянск: ЕГЭ / ОГЭ / ВПР criteria in each of the latest years. */
  readonly bryansk: boolean;
  /** §8 Новолакский район: mean score far below the municipality's. */
  readonly meanGap: boolean;
  /**
   * Risk factors that by themselves make a school ШНОР. Seed 003 lists continuation below 60 %
   * and olympiad participation below 0.5 % among the criteria identifying low-results schools.
   */
  readonly factors: readonly RiskFactorId[];
}

/** How ШНСУ is decided: the low-ИСБ group (§5), or a count of risk factors (§8). */
export type ShnsuRule =
  | { readonly kind: "lowSwi" }
  /** ШНСУ when every group has at least one factor that holds (Брянск, SPEC §8 version 2). */
  | { readonly kind: "allGroups"; readonly groups: readonly (readonly RiskFactorId[])[] }
  | { readonly kind: "factors"; readonly factors: readonly RiskFactorId[]; readonly minCount: number };

/**
 * Regional reference values entered by the user (SPEC §8 "Regional reference values"): a
 * municipal analyst who loads one municipality enters the region's values, which replace the
 * computed ones. `units` is keyed by "<unit>|<year>" ("ВПР 5 кл.|2025").
 */
export interface RegionalReferences {
  readonly swiQ1?: number;
  readonly deviantD9?: number;
  readonly nonNativeMean?: number;
  readonly units?: Readonly<Record<string, RegionalUnitReferences>>;
}

/** Per procedure unit and year: the low-index P90 (§3) and the pooled regional shares of §4. */
export interface RegionalUnitReferences {
  readonly lowP90?: number;
  readonly b?: number;
  readonly l?: number;
  readonly m?: number;
  readonly h?: number;
  readonly u?: number;
  readonly raised?: number;
}

export const REGIONAL_UNIT_KEYS: readonly (keyof RegionalUnitReferences)[] = ["lowP90", "b", "l", "m", "h", "u", "raised"];

export interface MethodologyParameters {
  // §2 indices
  /** m in B_min = min + m × max (seed 002: 5 %). */
  readonly margin: number;
  /** Attainment level cut points as shares of the maximum: пониженный, базовый, повышенный, высокий. */
  readonly levelCuts: readonly [number, number, number, number];
  /** "procedure" pools a procedure's grades (ВПР); "procedureGrade" treats ВПР-4, ВПР-5 … apart. */
  readonly procedureUnit: "procedure" | "procedureGrade";

  // §3 low results
  readonly minParticipants: number;
  readonly lowResultsPercentile: number;
  /** R1: at least this many procedures with low results in the latest year. */
  readonly r1MinProcedures: number;
  /** R2: at least one procedure with low results in each of this many latest years. */
  readonly r2Years: number;
  /** Leave out a school's procedure that carries signs of non-objectivity (seed 000). */
  readonly excludeNonObjective: boolean;

  // §4 non-objectivity, version 2: each sign switchable, with its thresholds
  /** Confidence level of the Wilson score intervals (0.95). */
  readonly nonObjConfidence: number;
  /** Sign 1 (seed 000): better than the region beyond the interval on every known quantity. */
  readonly nonObjCiBetterThanRegion: boolean;
  /** Sign 1: and the high index at least this far above the region's (0.15 = 15 p.p.). */
  readonly nonObjMinGap: number;
  /** Sign 2: participation below `nonObjMinParticipation` of the grade. */
  readonly nonObjLowParticipation: boolean;
  /** Sign 3 (ФИОКО): procedure mark above the journal mark more often than in the region. */
  readonly nonObjRaisedVsJournal: boolean;
  /** Sign 3: and the share of raised marks at least this (0.25). */
  readonly nonObjRaisedMinShare: number;
  /** Sign 4 (ФИОКО): a peak at the score for «3» in a mass subject. */
  readonly nonObjBoundaryPeak: boolean;
  /** Sign 4: only subjects with at least this many participants (20). */
  readonly nonObjPeakMinParticipants: number;
  /** Sign 4: c0 ≥ this × max(c1, 1) (2). */
  readonly nonObjPeakRatio: number;
  /** Sign 4: one-sided binomial P(X ≥ c0 | c0 + c1, ½) below this (0.01). */
  readonly nonObjPeakAlpha: number;
  /** Sign 5, version 1 (off by default): percentile signs with the three percentiles below. */
  readonly nonObjPercentileSigns: boolean;
  readonly nonObjHighPercentile: number;
  readonly nonObjLowPercentile: number;
  readonly nonObjMassPercentile: number;
  /** Participation below this fraction of the grade is a sign (0.8). */
  readonly nonObjMinParticipation: number;

  // §5 ИСБ and school types
  /** Ш in ИСБ = Ш + Дв − Дн − Ду. */
  readonly swiBase: number;
  /** Low-ИСБ group: ИСБ ≤ PERCENTILE.INC(ИСБ, this). */
  readonly swiQuantile: number;
  /** T5: Ду > PERCENTILE.INC(Ду, this). */
  readonly deviantPercentile: number;
  /** T3: enrollment below this. */
  readonly smallSchoolEnrollment: number;
  /** T4 and remoteness: nearest school at least this far, km. */
  readonly remoteKm: number;

  // §6 groups
  /** The result regressed on ИСБ. */
  readonly groupResult: "massIndex" | "highIndex" | "lowIndexInverted";
  readonly groupK: number;

  // §7 risk factors
  readonly riskFactors: readonly RiskFactorId[];
  readonly riskZoneMinFactors: number;
  readonly vacanciesAbove: number;
  readonly minComputersPer100: number;
  readonly qualifiedTeachersPercentile: number;
  readonly failureRiskPercentile: number;
  readonly disabledPercentile: number;
  /** Continuation to grade 10 below this, percent (seed 003: 60 %). */
  readonly minContinuation: number;
  /** Olympiad participation below this, percent (seed 003: 0.5 %). */
  readonly minOlympiad: number;
  /** Stavropol: staff index / equipment coefficient below PERCENTILE.INC(…, this). */
  readonly staffIndexPercentile: number;
  readonly equipmentPercentile: number;
  /**
   * Seed 004 factor 4: the share of a school's results of these procedures in the latest year
   * whose procedure mark is lower than the journal mark (`Отметка по журналу`, "понизили") at or
   * above which the school's own assessment is taken as not objective.
   */
  readonly objectivityLoweredShare: number;
  readonly objectivityJournalProcedures: readonly string[];
  /** `Профиль рисков`: the 500+ profile levels that count as "yes" («да» always does). */
  readonly riskProfileYesLevels: readonly string[];

  // §8 preset rules
  readonly shnorRules: ShnorRules;
  readonly shnsuRule: ShnsuRule;
  /** Брянск: the number of latest years in which a criterion must hold. */
  readonly bryanskYears: number;
  readonly bryanskEgeBelowMinPercentile: number;
  /** Брянск: ЕГЭ high band starts at this test score (61–100). */
  readonly bryanskEgeHighFrom: number;
  readonly bryanskEgeHighPercentile: number;
  readonly bryanskOgeMark2Percentile: number;
  readonly bryanskOgeMarks45Percentile: number;
  /** Брянск: ВПР subject with at least this share of "2". */
  readonly bryanskVprMark2Share: number;
  readonly bryanskVprMinSubjects: number;
  /** Новолакский: mean score more than this many points below the municipality's mean. */
  readonly meanGapPoints: number;
  readonly meanGapProcedures: readonly string[];

  // Monitoring (seeds 001, 002): dynamics and indicators, see src/engine/monitoring
  /**
   * Target change of the low and mass indices year on year (seed 002 indicators 2, 3, 13, 14:
   * «Не менее 3%»). Read as percentage points of the index with `dynamicsMode = "points"`
   * (3 → the low index falls by at least 0.03), or as a relative change of the index with
   * `"relative"` (3 → by at least 3 % of its previous value).
   */
  readonly dynamicsTargetPoints: number;
  readonly dynamicsMode: "points" | "relative";
  /**
   * Which schools the group dynamics of seed 002 (indicators 2–3: ШНОР and ШНСУ; 13–14: the risk
   * zone) follow from year Y−1 to Y: those identified in Y−1 (`previousYear`, the schools that
   * were being supported) or in Y (`latestYear`).
   */
  readonly dynamicsCohort: "previousYear" | "latestYear";
  /** "Stable ШНОР": ШНОР in each of this many latest identification years. */
  readonly stableShnorYears: number;
  /**
   * Targets of seed 002's share indicators (9–12, 15–17) by indicator number, as fractions: each
   * step applies from its `fromYear` on, the earliest step also to the years before it. Seed 002
   * gives a value for 2021 and one for every year 2021–2024; we read the second from 2022 on.
   */
  readonly monitoringTargets: Readonly<Record<string, readonly MonitoringTarget[]>>;
  /** Seed 002 №8: the number of network communities of teachers in the region (`null`: not given). */
  readonly networkCommunities: number | null;
  /**
   * Seed 001 scoring: a municipal share indicator scores 1 when its share is at or above this
   * level, 0 otherwise («значение равное/выше определенного уровня — 1 балл»).
   */
  readonly municipalShareLevel: number;
  /**
   * Seed 001 §1.2.1 scoring: the share of ШНОР and ШНСУ among a municipality's schools scores 1
   * at or above this level (SPEC.md §9a: every municipal indicator, "at/above its level").
   */
  readonly municipalIdentificationLevel: number;

  // §12 what the analyst hands over
  /** Mentor schools: ИСБ within this many points of the ШНОР's. */
  readonly mentorSwiWindow: number;
  /** Mentor schools: at most this many candidates per ШНОР. */
  readonly mentorMaxCount: number;

  /** Values of the region entered by the user; they replace the computed ones (empty: none). */
  readonly regionalReferences: RegionalReferences;
}

/** A target value of a monitoring indicator from `fromYear` on (a fraction for shares). */
export interface MonitoringTarget {
  readonly fromYear: number;
  readonly value: number;
}

/** Seed 002, «Планируемые значения инвариантных показателей»: 2021, then yearly 2021–2024. */
export const SEED_002_TARGETS: Readonly<Record<string, readonly MonitoringTarget[]>> = {
  // №1 and №8 are counts: six named indicators present (1 each), six network communities.
  "1": [{ fromYear: 2021, value: 6 }],
  "4": [{ fromYear: 2021, value: 1 }],
  "5": [{ fromYear: 2021, value: 0.3 }],
  "6": [{ fromYear: 2021, value: 0.1 }],
  "7": [{ fromYear: 2021, value: 1 }],
  "8": [{ fromYear: 2021, value: 6 }],
  "9": [{ fromYear: 2021, value: 0.15 }, { fromYear: 2022, value: 0.1 }],
  "10": [{ fromYear: 2021, value: 0.2 }, { fromYear: 2022, value: 0.15 }],
  "11": [{ fromYear: 2021, value: 0.05 }],
  "12": [{ fromYear: 2021, value: 0.05 }],
  "15": [{ fromYear: 2021, value: 0.9 }, { fromYear: 2022, value: 1 }],
  "16": [{ fromYear: 2021, value: 0.7 }, { fromYear: 2022, value: 0.95 }],
  "17": [{ fromYear: 2021, value: 0.7 }, { fromYear: 2022, value: 0.95 }],
};

export interface Methodology {
  readonly preset: PresetId;
  /** Russian name of the methodology, as in the Параметры sheet. */
  readonly name: string;
  readonly parameters: MethodologyParameters;
}

/**
 * Seed 004's twelve risk factors in its order (SPEC.md §7: "All twelve factors of seed 004 are
 * reported for every school, in the seed's order and names"), then the table's factors that
 * seed 004 does not list.
 */
const ALL_TABLE_FACTORS: readonly RiskFactorId[] = [
  "lowEquipment",
  "teacherShortage",
  "teacherCompetence",
  "objectiveAssessment",
  "highFailureRisk",
  "highDisabledShare",
  "languageBarriers",
  "careerGuidance",
  "wellbeing",
  "teacherEngagement",
  "motivation",
  "parents",
  "noSpecialists",
  "lowContinuation",
  "lowOlympiad",
  "remoteness",
];

/**
 * Seed 004's number (1–12) of a factor; Stavropol's indices stand in for factors 1 and 2–3
 * (SPEC.md §8: the equipment coefficient replaces «Низкий уровень оснащения школы», the staff
 * index «Дефицит педагогических кадров» and «Недостаточная предметная и методическая
 * компетентность»; see {@link SEED_004_FACTOR_LABEL}). Factors seed 004 does not list have none.
 */
export const SEED_004_FACTOR_NUMBER: Readonly<Partial<Record<RiskFactorId, number>>> = {
  lowEquipment: 1,
  lowEquipmentCoefficient: 1,
  teacherShortage: 2,
  lowStaffIndex: 2,
  teacherCompetence: 3,
  objectiveAssessment: 4,
  highFailureRisk: 5,
  highDisabledShare: 6,
  languageBarriers: 7,
  careerGuidance: 8,
  wellbeing: 9,
  teacherEngagement: 10,
  motivation: 11,
  parents: 12,
};

/** How a factor's seed 004 number reads in the reasons: the staff index stands for №2 and №3. */
export const SEED_004_FACTOR_LABEL: Readonly<Partial<Record<RiskFactorId, string>>> = { lowStaffIndex: "2–3" };

/** Seed 004 lists twelve factors ("5 из 12"). */
export const SEED_004_FACTOR_COUNT = 12;

/** The factors whose rows Stavropol's staff index replaces (SPEC.md §8, "Ставрополь indices"). */
const STAFF_INDEX_REPLACES: ReadonlySet<RiskFactorId> = new Set(["teacherShortage", "teacherCompetence", "noSpecialists"]);

/**
 * Stavropol's factor list (SPEC.md §8, version 2): the staff index replaces the three rows
 * «Дефицит педагогических кадров», «Недостаточная предметная и методическая компетентность» and
 * «Нет узких специалистов» with one «Низкий индекс кадрового состава» (in the first one's place),
 * the equipment coefficient replaces «Низкий уровень оснащения школы».
 */
const STAVROPOL_FACTORS: readonly RiskFactorId[] = ALL_TABLE_FACTORS.flatMap((f): RiskFactorId[] =>
  f === "teacherShortage" ? ["lowStaffIndex"] : f === "lowEquipment" ? ["lowEquipmentCoefficient"] : STAFF_INDEX_REPLACES.has(f) ? [] : [f],
);

/** КБР (seed 000): SPEC.md §2–§7 with their defaults. */
export const KBR_PARAMETERS: MethodologyParameters = {
  margin: 0.05,
  levelCuts: [0.25, 0.5, 0.65, 0.85],
  // Seed 002: the low index of a procedure is «доля участников ОП в параллели» and B_min is set
  // «в этой оценочной процедуре по этому предмету в этой параллели»: a procedure is counted per grade.
  procedureUnit: "procedureGrade",
  minParticipants: 10,
  lowResultsPercentile: 0.9,
  r1MinProcedures: 2,
  r2Years: 2,
  excludeNonObjective: true,
  nonObjConfidence: 0.95,
  nonObjCiBetterThanRegion: true,
  nonObjMinGap: 0.15,
  nonObjLowParticipation: true,
  nonObjRaisedVsJournal: true,
  nonObjRaisedMinShare: 0.25,
  nonObjBoundaryPeak: true,
  nonObjPeakMinParticipants: 20,
  nonObjPeakRatio: 2,
  nonObjPeakAlpha: 0.01,
  nonObjPercentileSigns: false,
  nonObjHighPercentile: 0.95,
  nonObjLowPercentile: 0.1,
  nonObjMassPercentile: 0.95,
  nonObjMinParticipation: 0.8,
  swiBase: 85,
  swiQuantile: 0.25,
  deviantPercentile: 0.9,
  smallSchoolEnrollment: 100,
  remoteKm: 30,
  groupResult: "massIndex",
  groupK: 1,
  riskFactors: ALL_TABLE_FACTORS,
  riskZoneMinFactors: 2,
  vacanciesAbove: 0,
  minComputersPer100: 10,
  qualifiedTeachersPercentile: 0.25,
  failureRiskPercentile: 0.75,
  disabledPercentile: 0.75,
  minContinuation: 60,
  minOlympiad: 0.5,
  staffIndexPercentile: 0.25,
  equipmentPercentile: 0.25,
  objectivityLoweredShare: 0.5,
  objectivityJournalProcedures: ["ВПР"],
  riskProfileYesLevels: ["высокий"],
  shnorRules: { percentile: true, bryansk: false, meanGap: false, factors: [] },
  shnsuRule: { kind: "lowSwi" },
  bryanskYears: 3,
  bryanskEgeBelowMinPercentile: 0.9,
  bryanskEgeHighFrom: 61,
  bryanskEgeHighPercentile: 0.1,
  bryanskOgeMark2Percentile: 0.9,
  bryanskOgeMarks45Percentile: 0.1,
  bryanskVprMark2Share: 0.3,
  bryanskVprMinSubjects: 2,
  meanGapPoints: 20,
  meanGapProcedures: ["ЕГЭ", "ОГЭ"],
  dynamicsTargetPoints: 3,
  dynamicsMode: "points",
  dynamicsCohort: "previousYear",
  stableShnorYears: 2,
  monitoringTargets: SEED_002_TARGETS,
  networkCommunities: null,
  municipalShareLevel: 0.5,
  municipalIdentificationLevel: 0.5,
  mentorSwiWindow: 10,
  mentorMaxCount: 3,
  regionalReferences: {},
};

export const PRESETS: Readonly<Record<PresetId, Methodology>> = {
  kbr: { preset: "kbr", name: "КБР (концепция сопровождения ШНОР и ШНСУ)", parameters: KBR_PARAMETERS },
  stavropol: {
    preset: "stavropol",
    name: "Ставропольский край (комплексный проект 2020–2024)",
    parameters: {
      ...KBR_PARAMETERS,
      riskFactors: STAVROPOL_FACTORS,
    },
  },
  bryansk: {
    preset: "bryansk",
    name: "Брянская область (программа методической поддержки 2020–2022)",
    parameters: {
      ...KBR_PARAMETERS,
      shnorRules: { percentile: false, bryansk: true, meanGap: false, factors: [] },
      // Seed 004: «ресурсная недостаточность, удалённость, труднодоступность», and the region found
      // no ШНСУ, so one vacancy must not make one (SPEC §8 version 2): remote or hard to reach AND
      // resource insufficiency (low equipment or a teacher shortage; seed 004 factors 1–2).
      shnsuRule: { kind: "allGroups", groups: [["remoteness"], ["lowEquipment", "teacherShortage"]] },
    },
  },
  novolaksky: {
    preset: "novolaksky",
    name: "Новолакский район (муниципальная программа 2020–2022)",
    parameters: {
      ...KBR_PARAMETERS,
      shnorRules: { percentile: true, bryansk: false, meanGap: true, factors: ["lowContinuation", "lowOlympiad"] },
      shnsuRule: { kind: "factors", factors: ["remoteness", "teacherShortage", "lowEquipment"], minCount: 2 },
    },
  },
};

export const PRESET_IDS: readonly PresetId[] = ["kbr", "stavropol", "bryansk", "novolaksky"];

/** Russian label of every parameter, for the Параметры sheet and the task pane. */
export const PARAMETER_LABELS: Readonly<Record<keyof MethodologyParameters, string>> = {
  margin: "Доля m максимального балла в B_min = min + m × max",
  levelCuts: "Границы уровней достижений (доли максимума): пониженный, базовый, повышенный, высокий",
  procedureUnit: "Единица оценочной процедуры (procedure — процедура целиком, procedureGrade — процедура в параллели)",
  minParticipants: "Минимальное число участников, чтобы процедура оценивалась",
  lowResultsPercentile: "Перцентиль индекса низких результатов для «низких результатов»",
  r1MinProcedures: "R1: число процедур с низкими результатами в последнем году",
  r2Years: "R2: число последних лет подряд хотя бы с одной процедурой с низкими результатами",
  excludeNonObjective: "Исключать результаты с признаками необъективности",
  nonObjConfidence: "Необъективность: уровень доверия интервалов Уилсона",
  nonObjCiBetterThanRegion: "Необъективность, признак 1: результаты лучше региона за пределами доверительного интервала",
  nonObjMinGap: "Необъективность, признак 1: индекс высоких результатов выше регионального не меньше чем на (доля)",
  nonObjLowParticipation: "Необъективность, признак 2: низкая доля участников от параллели",
  nonObjRaisedVsJournal: "Необъективность, признак 3: отметка за процедуру выше отметки по журналу чаще, чем в регионе",
  nonObjRaisedMinShare: "Необъективность, признак 3: доля повысивших отметку не меньше",
  nonObjBoundaryPeak: "Необъективность, признак 4: пик на границе отметки «3» в массовом предмете",
  nonObjPeakMinParticipants: "Необъективность, признак 4: участников по предмету не меньше",
  nonObjPeakRatio: "Необъективность, признак 4: на границе «3» не меньше чем в k раз больше, чем баллом ниже",
  nonObjPeakAlpha: "Необъективность, признак 4: уровень значимости одностороннего биномиального критерия",
  nonObjPercentileSigns: "Необъективность, признак 5 (версия 1): перцентильные признаки",
  nonObjHighPercentile: "Необъективность: перцентиль индекса высоких результатов (выше)",
  nonObjLowPercentile: "Необъективность: перцентиль индекса низких результатов (ниже)",
  nonObjMassPercentile: "Необъективность: перцентиль индекса массовых результатов (выше)",
  nonObjMinParticipation: "Необъективность: минимальная доля участников от параллели",
  swiBase: "Ш в ИСБ = Ш + Дв − Дн − Ду",
  swiQuantile: "Группа низкого ИСБ: ИСБ ≤ перцентиль",
  deviantPercentile: "Т5: Ду выше перцентиля",
  smallSchoolEnrollment: "Т3: численность обучающихся меньше",
  remoteKm: "Удалённость: расстояние до ближайшей ОО не меньше, км",
  groupResult: "Результат для регрессии на ИСБ (massIndex, highIndex, lowIndexInverted)",
  groupK: "k в правиле |остаток| > k·σ",
  riskFactors: "Учитываемые факторы риска",
  riskZoneMinFactors: "Зона риска: минимальное число факторов риска",
  vacanciesAbove: "Дефицит кадров: вакансий больше",
  minComputersPer100: "Оснащение: компьютеров на 100 обучающихся не меньше",
  qualifiedTeachersPercentile: "Компетентность педагогов: доля высшей и первой категории ниже перцентиля",
  failureRiskPercentile: "Риск учебной неуспешности: индекс низких результатов выше перцентиля",
  disabledPercentile: "Доля обучающихся с ОВЗ выше перцентиля",
  minContinuation: "Продолжили обучение в 10 классе не меньше, %",
  minOlympiad: "Участники олимпиад за 3 года не меньше, %",
  staffIndexPercentile: "Ставрополь: индекс кадрового состава ниже перцентиля",
  equipmentPercentile: "Ставрополь: коэффициент оснащения ниже перцентиля",
  objectivityLoweredShare: "Фактор 4 (объективность оценки): доля результатов с отметкой ниже отметки по журналу не меньше",
  objectivityJournalProcedures: "Фактор 4 (объективность оценки): процедуры для сравнения с отметками по журналу",
  riskProfileYesLevels: "Профиль рисков: уровни, считающиеся фактором риска («да» — всегда)",
  shnorRules: "Правила ШНОР (percentile — §3, bryansk — Брянск, meanGap — Новолакский район, factors — факторы, делающие школу ШНОР)",
  shnsuRule: "Правило ШНСУ",
  bryanskYears: "Брянск: число последних лет",
  bryanskEgeBelowMinPercentile: "Брянск, ЕГЭ: доля ниже минимального балла не ниже перцентиля",
  bryanskEgeHighFrom: "Брянск, ЕГЭ: высокий диапазон баллов начинается с",
  bryanskEgeHighPercentile: "Брянск, ЕГЭ: доля высокого диапазона не выше перцентиля",
  bryanskOgeMark2Percentile: "Брянск, ОГЭ: доля «2» не ниже перцентиля",
  bryanskOgeMarks45Percentile: "Брянск, ОГЭ: доля «4» и «5» не выше перцентиля",
  bryanskVprMark2Share: "Брянск, ВПР: доля «2» по предмету не меньше",
  bryanskVprMinSubjects: "Брянск, ВПР: число таких предметов не меньше",
  meanGapPoints: "Новолакский: средний балл ниже среднего по муниципалитету более чем на",
  meanGapProcedures: "Новолакский: процедуры для сравнения средних баллов",
  dynamicsTargetPoints: "Мониторинг: целевое изменение индексов низких и массовых результатов за год (п.п. или %)",
  dynamicsMode: "Мониторинг: изменение индексов в процентных пунктах (points) или в процентах от прошлогоднего значения (relative)",
  dynamicsCohort: "Мониторинг: динамика групп школ по составу прошлого года (previousYear) или текущего (latestYear)",
  stableShnorYears: "Мониторинг: «устойчиво ШНОР» — ШНОР в каждом из последних лет, число лет",
  monitoringTargets: "Мониторинг: целевые значения показателей Ставрополя (№ показателя → с какого года, значение: доля, для №1 и №8 — количество)",
  networkCommunities: "Мониторинг: количество сетевых сообществ педагогов в регионе (показатель №8 Ставрополя)",
  municipalShareLevel: "Мониторинг: уровень доли, с которого показатель муниципалитета (Иваново) получает 1 балл",
  municipalIdentificationLevel: "Мониторинг: уровень доли ШНОР и ШНСУ среди школ муниципалитета (Иваново, 1.2.1), с которого показатель получает 1 балл",
  mentorSwiWindow: "Школы-наставники: ИСБ отличается от ИСБ ШНОР не больше чем на, пунктов",
  mentorMaxCount: "Школы-наставники: не больше кандидатов на одну ШНОР",
  regionalReferences: "Региональные значения, введённые пользователем (swiQ1, deviantD9, nonNativeMean; units: «процедура|год» → lowP90, b, l, m, h, u, raised)",
};

/**
 * A preset with the user's overrides applied. Unknown keys and values of the wrong type are
 * reported, never silently dropped.
 *
 * @example
 * resolveMethodology("kbr", { minParticipants: 5 }).value.parameters.minParticipants // 5
 */
export function resolveMethodology(
  preset: PresetId,
  overrides: Readonly<Record<string, unknown>> = {},
): { ok: true; value: Methodology } | { ok: false; errors: string[] } {
  const base = PRESETS[preset];
  const errors: string[] = [];
  const merged: Record<string, unknown> = { ...base.parameters };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in base.parameters)) {
      errors.push(`Неизвестный параметр «${key}»`);
      continue;
    }
    const current = (base.parameters as unknown as Record<string, unknown>)[key];
    const problem = checkParameter(key, current, value);
    if (problem) errors.push(problem);
    else merged[key] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...base, parameters: merged as unknown as MethodologyParameters } };
}

const FRACTION_KEYS = new Set<string>([
  "margin",
  "lowResultsPercentile",
  "nonObjHighPercentile",
  "nonObjLowPercentile",
  "nonObjMassPercentile",
  "nonObjMinParticipation",
  "nonObjMinGap",
  "nonObjRaisedMinShare",
  "nonObjPeakAlpha",
  "swiQuantile",
  "deviantPercentile",
  "qualifiedTeachersPercentile",
  "failureRiskPercentile",
  "disabledPercentile",
  "staffIndexPercentile",
  "equipmentPercentile",
  "bryanskEgeBelowMinPercentile",
  "bryanskEgeHighPercentile",
  "bryanskOgeMark2Percentile",
  "bryanskOgeMarks45Percentile",
  "bryanskVprMark2Share",
  "objectivityLoweredShare",
  "municipalShareLevel",
  "municipalIdentificationLevel",
]);

function checkParameter(key: string, current: unknown, value: unknown): string | null {
  if (key === "networkCommunities")
    return value === null || (typeof value === "number" && Number.isInteger(value) && value >= 0) ? null : `Параметр «${key}»: ожидалось целое неотрицательное число или null`;
  if (typeof current === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return `Параметр «${key}»: ожидалось число`;
    if (FRACTION_KEYS.has(key) && (value < 0 || value > 1)) return `Параметр «${key}»: ожидалось число от 0 до 1`;
    if ((key === "stableShnorYears" || key === "mentorMaxCount") && (!Number.isInteger(value) || value < 1)) return `Параметр «${key}»: ожидалось целое число не меньше 1`;
    if (key === "nonObjConfidence" && !(value > 0 && value < 1)) return `Параметр «${key}»: ожидалось число больше 0 и меньше 1`;
    if (value < 0) return `Параметр «${key}»: ожидалось неотрицательное число`;
    return null;
  }
  if (typeof current === "boolean") return typeof value === "boolean" ? null : `Параметр «${key}»: ожидалось да/нет (true/false)`;
  if (typeof current === "string") {
    if (key === "procedureUnit" && value !== "procedure" && value !== "procedureGrade")
      return `Параметр «${key}»: ожидалось procedure или procedureGrade`;
    if (key === "groupResult" && value !== "massIndex" && value !== "highIndex" && value !== "lowIndexInverted")
      return `Параметр «${key}»: ожидалось massIndex, highIndex или lowIndexInverted`;
    if (key === "dynamicsMode" && value !== "points" && value !== "relative") return `Параметр «${key}»: ожидалось points или relative`;
    if (key === "dynamicsCohort" && value !== "previousYear" && value !== "latestYear")
      return `Параметр «${key}»: ожидалось previousYear или latestYear`;
    return null;
  }
  if (key === "levelCuts") {
    if (
      !Array.isArray(value) ||
      value.length !== 4 ||
      !value.every((v, i) => typeof v === "number" && v >= 0 && v <= 1 && (i === 0 || v > (value[i - 1] as number)))
    )
      return `Параметр «levelCuts»: ожидались четыре возрастающие доли от 0 до 1`;
    return null;
  }
  if (key === "riskFactors") {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && RISK_FACTOR_IDS.includes(v as RiskFactorId)))
      return `Параметр «riskFactors»: ожидался список из ${RISK_FACTOR_IDS.join(", ")}`;
    return null;
  }
  if (key === "meanGapProcedures" || key === "objectivityJournalProcedures") {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return `Параметр «${key}»: ожидался список процедур`;
    return null;
  }
  if (key === "riskProfileYesLevels") {
    const levels = ["высокий", "средний", "низкий", "нет риска"];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && levels.includes(v)))
      return `Параметр «riskProfileYesLevels»: ожидался список из ${levels.map((l) => `«${l}»`).join(", ")}`;
    return null;
  }
  if (key === "shnorRules") {
    const v = value as Record<string, unknown> | null;
    if (
      typeof v !== "object" ||
      v === null ||
      !["percentile", "bryansk", "meanGap"].every((k) => typeof v[k] === "boolean") ||
      !Array.isArray(v["factors"]) ||
      !v["factors"].every((f) => RISK_FACTOR_IDS.includes(f as RiskFactorId))
    )
      return `Параметр «shnorRules»: ожидался объект { percentile, bryansk, meanGap: true/false, factors: […] }`;
    return null;
  }
  if (key === "monitoringTargets") return checkTargets(value);
  if (key === "regionalReferences") return checkRegionalReferences(value);
  if (key === "shnsuRule") {
    const v = value as Record<string, unknown> | null;
    if (typeof v !== "object" || v === null) return `Параметр «shnsuRule»: ожидался объект`;
    if (v["kind"] === "lowSwi") return null;
    if (
      v["kind"] === "allGroups" &&
      Array.isArray(v["groups"]) &&
      v["groups"].every((g) => Array.isArray(g) && g.length > 0 && g.every((f) => RISK_FACTOR_IDS.includes(f as RiskFactorId)))
    )
      return null;
    if (
      v["kind"] === "factors" &&
      Array.isArray(v["factors"]) &&
      v["factors"].every((f) => RISK_FACTOR_IDS.includes(f as RiskFactorId)) &&
      typeof v["minCount"] === "number"
    )
      return null;
    return `Параметр «shnsuRule»: ожидалось { kind: "lowSwi" }, { kind: "factors", factors: […], minCount: N } или { kind: "allGroups", groups: [[…], […]] }`;
  }
  return `Параметр «${key}»: недопустимое значение`;
}

/** `regionalReferences`: finite numbers, shares of units in [0, 1]. */
function checkRegionalReferences(value: unknown): string | null {
  const problem = `Параметр «regionalReferences»: ожидался объект { "swiQ1": 64, "deviantD9": 9, "nonNativeMean": 12, "units": { "ВПР 5 кл.|2025": { "lowP90": 0.3, "h": 0.22 } } }`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return problem;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === "swiQ1" || k === "deviantD9" || k === "nonNativeMean") {
      if (typeof v !== "number" || !Number.isFinite(v)) return problem;
    } else if (k === "units") {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return problem;
      for (const [unit, refs] of Object.entries(v as Record<string, unknown>)) {
        if (!/\|\d{4}$/.test(unit) || typeof refs !== "object" || refs === null || Array.isArray(refs)) return problem;
        for (const [rk, rv] of Object.entries(refs as Record<string, unknown>)) {
          if (!(REGIONAL_UNIT_KEYS as readonly string[]).includes(rk) || typeof rv !== "number" || !(rv >= 0 && rv <= 1)) return problem;
        }
      }
    } else return problem;
  }
  return null;
}

/** Seed 002's indicators whose target is a count, not a share. */
const COUNT_TARGETS = new Set(["1", "8"]);

/** `monitoringTargets`: indicator number → non-empty list of { fromYear, value } with value in [0, 1] (a count ≥ 0 for №1 and №8). */
function checkTargets(value: unknown): string | null {
  const problem = `Параметр «monitoringTargets»: ожидался объект { "9": [{ "fromYear": 2021, "value": 0.15 }, …], … } со значениями от 0 до 1`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return problem;
  for (const [key, steps] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(steps) || steps.length === 0) return problem;
    for (const step of steps as unknown[]) {
      const s = step as Record<string, unknown> | null;
      if (typeof s !== "object" || s === null) return problem;
      const { fromYear, value: v } = s;
      if (typeof fromYear !== "number" || !Number.isInteger(fromYear) || typeof v !== "number" || !Number.isFinite(v) || v < 0 || (v > 1 && !COUNT_TARGETS.has(key))) return problem;
    }
  }
  return null;
}

export const RISK_FACTOR_IDS: readonly RiskFactorId[] = [...ALL_TABLE_FACTORS, "lowStaffIndex", "lowEquipmentCoefficient"];

/** Russian names of the risk factors (seed 004's "500+" profile names where one matches). */
export const RISK_FACTOR_NAMES: Readonly<Record<RiskFactorId, string>> = {
  teacherShortage: "Дефицит педагогических кадров",
  lowEquipment: "Низкий уровень оснащения школы",
  teacherCompetence: "Недостаточная предметная и методическая компетентность",
  noSpecialists: "Нет узких специалистов",
  highFailureRisk: "Высокая доля обучающихся с рисками учебной неуспешности",
  highDisabledShare: "Высокая доля обучающихся с инклюзией",
  languageBarriers: "Низкое качество адаптации мигрантов, преодоления языковых и культурных барьеров",
  lowContinuation: "Низкая доля продолжающих обучение",
  lowOlympiad: "Низкое участие в олимпиадах",
  remoteness: "Удалённость / труднодоступность",
  lowStaffIndex: "Низкий индекс кадрового состава",
  lowEquipmentCoefficient: "Низкий коэффициент материально-технического оснащения",
  objectiveAssessment: "Отсутствие или недостаточная эффективность системы объективной оценки результатов обучения",
  careerGuidance: "Низкое качество профориентационной работы",
  wellbeing: "Пониженный уровень школьного благополучия",
  teacherEngagement: "Низкая вовлеченность учителей в образовательный процесс",
  motivation: "Низкая учебная мотивация школьников",
  parents: "Проблемы с вовлеченностью родителей",
};
