/**
 * Data types of the identification engine: what it reads (already parsed and validated by
 * `src/schema`) and what it returns (the JSON result of DESIGN.md).
 *
 * Conventions:
 * - a missing value is `null`, never `undefined` and never 0;
 * - percent-point inputs (`Дв, %`, shares of pupils, …) are in percent points 0–100;
 * - every share in the output is a fraction in [0, 1].
 */

/** `Местность` of a school. */
export type Locality = "город" | "село";

/** One row of the `Школы` sheet. Every optional column is `null` when absent or empty. */
export interface School {
  /** `Код ОО`, kept as text ("07013" keeps its zero). */
  readonly id: string;
  /** Optional `Год` of `Школы` (seed 001 §1.2.5 year on year); absent on the latest year's rows the identification reads. */
  readonly year?: number | null;
  readonly name: string;
  readonly municipality: string;
  readonly locality: Locality | null;
  /** `Численность обучающихся`. */
  readonly enrollment: number | null;
  /** `Дв, %` — pupils from families where both parents have higher education, percent points. */
  readonly parentsHigherEd: number | null;
  /** `Дн, %` — pupils from single-parent families, percent points. */
  readonly singleParent: number | null;
  /** `Ду, %` — pupils on the in-school register, percent points. */
  readonly registered: number | null;
  /** `Труднодоступная местность`. */
  readonly hardToReach: boolean | null;
  /** `Расстояние до ближайшей ОО, км`. */
  readonly nearestSchoolKm: number | null;
  /** `Доля с неродным русским языком, %`. */
  readonly nonNativeShare: number | null;
  /** `Доля обучающихся с ОВЗ, %`. */
  readonly disabledShare: number | null;
  /** `Вакансии педагогов`. */
  readonly teacherVacancies: number | null;
  /** `Доля педагогов высшей и первой категории, %`. */
  readonly qualifiedTeachersShare: number | null;
  readonly hasPsychologist: boolean | null;
  readonly hasSocialPedagogue: boolean | null;
  readonly hasDefectologist: boolean | null;
  /** `Устойчивый интернет`. */
  readonly stableInternet: boolean | null;
  /** `Компьютеров на 100 обучающихся`. */
  readonly computersPer100: number | null;
  /** `Продолжили обучение в 10 классе, %`. */
  readonly continuedTo10Share: number | null;
  /** `Участники олимпиад за 3 года, %`. */
  readonly olympiadShare: number | null;
  /** `Логин ФИС ОКО` (optional): the school's login in ФИС ОКО ("edu203389"), to join ВПР exports. */
  readonly fisLogin?: string | null;
}

/** One row of `Результаты`: aggregated results of a school × year × procedure × grade × subject. */
export interface AggregatedResult {
  readonly schoolId: string;
  /** Calendar year in which the school year ends (2024 for 2023/24). */
  readonly year: number;
  /** `Процедура`: "ВПР", "ОГЭ", "ЕГЭ", "РДР" or any other name the region uses. */
  readonly procedure: string;
  readonly grade: number;
  readonly subject: string;
  readonly participants: number;
  /** `Ниже Bmin` (count). */
  readonly belowMin: number | null;
  /** `Не ниже Bmid` (count). */
  readonly atLeastMid: number | null;
  /** `Не ниже Btop` (count). */
  readonly atLeastTop: number | null;
  readonly meanScore: number | null;
  /** `Отметка «2»` (count). */
  readonly mark2: number | null;
  /** `Отметки «4» и «5»` (count). */
  readonly marks45: number | null;
  /** `Численность параллели` (pupils in the grade, for participation). */
  readonly gradeSize: number | null;
  /** `Ниже минимального балла` (count below the scale's minimum itself; Брянск ЕГЭ, §4 `b`). */
  readonly belowScaleMin?: number | null;
  /** `61–100 баллов` (count; Брянск ЕГЭ). */
  readonly highBand?: number | null;
  /**
   * Procedure-level counts (SPEC.md §2), on a row whose `Предмет` is empty or «все»
   * ({@link ALL_SUBJECTS}): participants of the grade with a low result in at least one mass
   * subject, with a high result in at least one subject, below the minimum in a mass subject.
   */
  readonly procedureLow?: number | null;
  readonly procedureHigh?: number | null;
  readonly procedureBelowScaleMin?: number | null;
  /**
   * ФИС ОКО «Сравнение отметок с отметками по журналу» (SPEC §4 sign `raisedVsJournal`, §7
   * factor 4 where `Баллы` has no participants of the row): participants whose procedure mark is
   * lower than («понизили»), equal to («подтвердили») and higher than («повысили») their journal mark.
   */
  readonly journalLowered?: number | null;
  readonly journalConfirmed?: number | null;
  readonly journalRaised?: number | null;
}

/** `Предмет` of a «Результаты» row that carries the procedure-level counts («все»). */
export const ALL_SUBJECTS = "Все";

/** One row of `Баллы`: one participant's score in one subject. */
export interface ParticipantScore {
  readonly schoolId: string;
  readonly year: number;
  readonly procedure: string;
  readonly grade: number;
  readonly participantId: string;
  readonly subject: string;
  readonly score: number;
  /** `Отметка` when given; otherwise derived from the cut-offs of `Шкалы`. */
  readonly mark: number | null;
  /** `Отметка по журналу`: the participant's journal mark in the subject (SPEC §4 `raisedVsJournal`, §7 factor 4). */
  readonly journalMark: number | null;
}

/** One row of `Шкалы`: thresholds of a procedure × grade × subject. */
export interface Scale {
  readonly procedure: string;
  readonly grade: number;
  readonly subject: string;
  readonly minScore: number;
  readonly maxScore: number;
  /** `Высокий балл` — B_top. */
  readonly highScore: number;
  /** `Массовый` — the subject is taken en masse. */
  readonly mass: boolean;
  readonly cut3: number | null;
  readonly cut4: number | null;
  readonly cut5: number | null;
  /** `Год`: the year this row applies to; absent or null — every year without a row of its own. */
  readonly year?: number | null;
}

/** Everything `identify` needs, as plain data. */
export interface IdentificationInput {
  readonly schools: readonly School[];
  readonly results: readonly AggregatedResult[];
  readonly scores: readonly ParticipantScore[];
  readonly scales: readonly Scale[];
}

export type Severity = "error" | "warning" | "info";

/**
 * An issue found in the input or while computing. `sheet`/`cell` are `null` when the issue is
 * not tied to a cell (e.g. a region-level note of the engine).
 */
export interface Issue {
  readonly severity: Severity;
  readonly code: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

/** School type codes of SPEC.md §5 (seed 000, Table 1). */
export type SchoolTypeCode = "T1" | "T2" | "T3" | "T4" | "T5" | "T6";

export type Group = "effective" | "ordinary" | "notCoping";

export type Category = "ШНОР и ШНСУ" | "ШНОР" | "ШНСУ" | "Зона риска" | "Без рисков";

/** Identifiers of the risk factors of SPEC.md §7 (and the preset-specific ones of §8). */
export type RiskFactorId =
  | "teacherShortage"
  | "lowEquipment"
  | "teacherCompetence"
  | "noSpecialists"
  | "highFailureRisk"
  | "highDisabledShare"
  | "languageBarriers"
  | "lowContinuation"
  | "lowOlympiad"
  | "remoteness"
  | "lowStaffIndex"
  | "lowEquipmentCoefficient"
  // Seed 004 factors 4 and 8–12 (SPEC.md §7, the new table)
  | "objectiveAssessment"
  | "careerGuidance"
  | "wellbeing"
  | "teacherEngagement"
  | "motivation"
  | "parents";

/** A risk factor's verdict for one school: `null` means "нет данных". */
export interface RiskFactorValue {
  readonly id: RiskFactorId;
  /** Russian name as in the output (the "500+" risk profile name where one matches). */
  readonly name: string;
  readonly value: boolean | null;
  /** Plain-Russian explanation with the numbers, e.g. "вакансий 2 > 0". */
  readonly detail: string;
}

/** Indices of one procedure at one school in one year (DESIGN.md JSON). */
export interface ProcedureResult {
  readonly year: number;
  readonly procedure: string;
  /** Distinct participants (summed over grades). */
  readonly participants: number;
  readonly lowIndex: number | null;
  readonly massIndex: number | null;
  readonly highIndex: number | null;
  /** participants ÷ grade size, where the grade size is known. */
  readonly participation: number | null;
  /** `true` when the procedure had at least `minParticipants` participants. */
  readonly evaluated: boolean;
  /** `true`/`false` when evaluated; `null` when not evaluated or not tested. */
  readonly lowResults: boolean | null;
  /** On the non-objectivity list of this procedure and year (§4). */
  readonly nonObjective: boolean;
  /** Whether `lowIndex` is the procedure-level index from participant rows (§2). */
  readonly fromParticipants: boolean;
  readonly meanScore: number | null;
  /** Left out of the analysis as non-objective (§4, `excludeNonObjective`). */
  readonly excluded: boolean;
  /** From aggregated rows without the procedure-level counts: "оценка по агрегированным данным" (§2). */
  readonly approximate: boolean;
}

/** One sign of non-objectivity with the numbers that fired it (SPEC §4 version 2). */
export interface NonObjectivitySignResult {
  readonly id: string;
  readonly value: number | null;
  readonly interval: readonly [number, number] | null;
  readonly regional: number | null;
  /** Sign 1: every quantity compared (b, l, m, h). */
  readonly quantities?: readonly { readonly quantity: string; readonly value: number; readonly interval: readonly [number, number] | null; readonly regional: number | null }[];
  /** Sign 4: subject, c0, c1 and the one-sided binomial probability. */
  readonly subject?: string;
  readonly c0?: number;
  readonly c1?: number;
  readonly probability?: number;
  /** Russian explanation with the numbers. */
  readonly text: string;
}

/** A listing: one school's procedure unit in one year on the non-objectivity list. */
export interface NonObjectivityListing {
  readonly procedure: string;
  readonly year: number;
  readonly signs: readonly NonObjectivitySignResult[];
}

export interface SchoolResult {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  readonly swi: number | null;
  readonly lowSwi: boolean | null;
  readonly types: readonly SchoolTypeCode[];
  /** Types whose criterion could not be checked for lack of data (school is in the low-ИСБ group). */
  readonly typesNotEvaluable: readonly SchoolTypeCode[];
  readonly shnor: boolean;
  readonly shnorRules: readonly string[];
  readonly shnsu: boolean;
  /** Stage 3: distinct procedure units of the latest year on whose lists the school is. */
  readonly nonObjectivityCount: number;
  /** Listings per year ({ "2024": 1, "2025": 2 }), never added into the count. */
  readonly nonObjectivityHistory: Readonly<Record<string, number>>;
  /** Every listing with its signs and numbers, all years. */
  readonly nonObjectivity: readonly NonObjectivityListing[];
  readonly group: Group | null;
  /** The result regressed on ИСБ in §6 (by default the latest mass index, procedures pooled). */
  readonly groupResult: number | null;
  /** Regression residual of §6 (null without a group). */
  readonly groupResidual: number | null;
  readonly riskFactors: readonly RiskFactorValue[];
  /** How many of seed 004's twelve factors are known (yes or no) for the school: "5 из 12". */
  readonly riskFactorsKnown: number;
  readonly riskZone: boolean;
  readonly category: Category;
  readonly reasons: readonly string[];
  readonly procedures: readonly ProcedureResult[];
  /** Stavropol preset's indices (null where not computed or no data). */
  readonly staffIndex: number | null;
  readonly equipmentCoefficient: number | null;
  /** SPEC §12, added after identification (engine/handover): measures for this school's own bases. */
  readonly recommendations?: readonly { readonly basis: string; readonly text: string }[];
  /** SPEC §12: candidate mentor schools of a ШНОР (empty for other schools). */
  readonly mentors?: readonly { readonly id: string; readonly name: string; readonly municipality: string; readonly swi: number | null; readonly group: Group | null }[];
  /** SPEC §12: how the mentors were chosen, or why none was found; `null` for a school that is not ШНОР. */
  readonly mentorsNote?: string | null;
  /**
   * Share of the school's results of the latest year at or above «базовый» (seed 000, SPEC.md
   * §9a; from `Баллы`). Filled by `analyse`; `null` without participant rows.
   */
  readonly basicOrAboveShare?: number | null;
  /**
   * What the preset's own ШНОР rules found, with their numbers, whether or not the rule fired:
   * Брянск's criteria that held per year, the mean-score gaps, the factor rules that fired.
   * The methodology comparison explains differing verdicts from these (absent: none recorded).
   */
  readonly shnorFindings?: readonly RuleFinding[];
}

/** One finding of a preset's ШНОР rule (see {@link SchoolResult.shnorFindings}). */
export interface RuleFinding {
  /** The rule as in `shnorRules`: "BRYANSK", "MEANGAP" or a factor id. */
  readonly rule: string;
  readonly year: number | null;
  /** Russian text with the numbers, e.g. "ОГЭ 2025: доля «2» 31 % ≥ P90 27 %, …". */
  readonly text: string;
}

export interface Regression {
  readonly slope: number | null;
  readonly intercept: number | null;
  readonly r2: number | null;
  readonly n: number;
  /** Residual standard error σ. */
  readonly sigma: number | null;
  /** Why there is no regression, when there is none. */
  readonly note: string | null;
}

export interface RegionResult {
  readonly schools: number;
  readonly latestYear: number | null;
  readonly years: readonly number[];
  readonly swiQ1: number | null;
  readonly deviantD9: number | null;
  readonly nonNativeMean: number | null;
  readonly regression: Regression;
  /** Other regional reference values used by the rules (percentiles of §7 and so on), by name. */
  readonly references: Readonly<Record<string, number | null>>;
  readonly notes: readonly string[];
}

export interface MunicipalityResult {
  readonly name: string;
  readonly schools: number;
  readonly shnor: number;
  readonly shnsu: number;
  readonly shnorOrShnsu: number;
  /** shnorOrShnsu ÷ schools, a fraction. */
  readonly share: number;
}

export interface IdentificationResult {
  readonly version: string;
  readonly methodology: {
    readonly preset: string;
    readonly name: string;
    readonly parameters: Readonly<Record<string, unknown>>;
  };
  readonly region: RegionResult;
  readonly schools: readonly SchoolResult[];
  readonly municipalities: readonly MunicipalityResult[];
  readonly issues: readonly Issue[];
}

// ——— Monitoring inputs (seeds 001 and 002). All optional: a workbook without them still runs. ———

/**
 * Optional monitoring columns of `Школы` (seed 001 §1.2.3–1.2.5, seed 002 indicators 11, 12,
 * 15–17), one answer per school for the latest year. A property that is absent (`undefined`)
 * means the column is not on the sheet; `null` means the cell is empty. Counts are integers.
 */
export interface SchoolMonitoring {
  /** `Педагогических работников` — all teachers of the school (denominator of the teacher shares). */
  readonly teachers?: number | null;
  /** `Педагогов, включённых в диагностику профессиональных дефицитов` (seed 001 §1.2.3). */
  readonly teachersDiagnosed?: number | null;
  /** Of them, in the diagnostics of subject deficits (seed 001 §1.2.3 «предметных»). */
  readonly teachersDiagnosedSubject?: number | null;
  /** Of them, in the diagnostics of methodological deficits (seed 001 §1.2.3 «методических»). */
  readonly teachersDiagnosedMethodical?: number | null;
  /** Of them, in the diagnostics of psychological-pedagogical deficits (seed 001 §1.2.3 «психолого-педагогических»). */
  readonly teachersDiagnosedPsychological?: number | null;
  /** `Педагогов, получивших методическую поддержку` (seed 001 §1.2.4). */
  readonly teachersSupported?: number | null;
  /** `Педагогов в региональных сетевых методических объединениях` (seed 001 §1.2.4). */
  readonly teachersInNetworks?: number | null;
  /** `Педагогов в региональном методическом активе` (seed 001 §1.2.4). */
  readonly teachersInMethodicalActive?: number | null;
  /** `Педагогов, имеющих ИОМ` — individual educational routes of teachers (seed 001 §1.2.4). */
  readonly teachersWithIom?: number | null;
  /** `Участие в мероприятиях по повышению качества образования` (seed 001 §1.2.4). */
  readonly inQualityEvents?: boolean | null;
  /** `Школа-куратор определена` (seed 001 §1.2.4, project 500+). */
  readonly hasCurator?: boolean | null;
  /** `ШППКО разработана` — school programme of raising the quality of education (seed 001 §1.2.4). */
  readonly hasQualityProgramme?: boolean | null;
  /** `Система профилактики учебной неуспешности` (seed 001 §1.2.5, seed 002 indicator 15). */
  readonly hasFailurePrevention?: boolean | null;
  /** `ИУП для слабоуспевающих` — individual curricula for weak pupils (seed 001 §1.2.5). */
  readonly hasIndividualCurricula?: boolean | null;
  /** `Тьюторская поддержка обучающихся` (seed 001 §1.2.5). */
  readonly hasTutoring?: boolean | null;
  /** `Риски ликвидированы (2 из 3)` — a risk-zone school removed at least two of: no stable internet, too few computers, teacher shortage (seed 001 §1.2.5). */
  readonly risksRemoved?: boolean | null;
  /** `Дефицит кадров устранён` — fully or partly (seed 002 indicator 11). */
  readonly teacherDeficitResolved?: boolean | null;
  /** `Дефицит материальной базы устранён` — fully or partly (seed 002 indicator 12). */
  readonly equipmentDeficitResolved?: boolean | null;
  /** `Слабоуспевающих и неуспевающих обучающихся` (seed 002 indicators 16–17, denominator). */
  readonly weakPupils?: number | null;
  /** `Слабоуспевающих с ИОМ` (seed 002 indicator 16). */
  readonly weakPupilsWithIom?: number | null;
  /** `Слабоуспевающих на дополнительных занятиях` (seed 002 indicator 17). */
  readonly weakPupilsInExtraClasses?: number | null;
  /** `Участие в семинаре-совещании` — the school took part in the seminar on ШНОР (seed 002 indicator 4). */
  readonly seminarParticipation?: boolean | null;
  /** `Обучение по адресным программам ДПО` — its staff trained by targeted ДПО programmes (seed 002 indicator 5). */
  readonly dpoTraining?: boolean | null;
  /** `Участие в вебинарах` — its staff took part in the webinars (seed 002 indicator 7). */
  readonly webinarParticipation?: boolean | null;
}

/** The optional monitoring columns ride on the school row (declaration merging keeps `School` above as it was). */
export interface School extends SchoolMonitoring {}

/**
 * One row of the optional sheet `Мониторинг МО`: a municipality's yes/no answer to a
 * municipal-level indicator of seed 001 (e.g. «Наличие аналитической справки …»), scored
 * 1 for «да» and 0 for «нет». `year` is `null` when the row is not tied to a year.
 */
export interface MunicipalIndicatorRow {
  readonly municipality: string;
  /** The indicator's code (`analyticalReport`, …) or its Russian name as written on the sheet. */
  readonly indicator: string;
  readonly year: number | null;
  /** «да» → true, «нет» → false, an empty cell → null ("нет данных"). */
  readonly value: boolean | null;
  /** `Количество` — a count the row gives instead of a yes/no (seed 002 №8 «Сетевых сообществ»); absent or `null` when not given. */
  readonly count?: number | null;
}

/** The optional monitoring sheet rides on the input. */
export interface IdentificationInput {
  readonly municipalIndicators?: readonly MunicipalIndicatorRow[];
  /** Optional sheet `Профиль рисков` (SPEC.md §7): the federal 500+ risk profiles, one row per school. */
  readonly riskProfiles?: readonly RiskProfileRow[];
  /**
   * Rows of `Школы` of the years before the latest when the sheet has the optional `Год` column
   * (the latest year's rows are `schools`, which the identification uses). Seed 001 §1.2.5 reads
   * "risks removed" from them year on year.
   */
  readonly earlierSchools?: readonly YearSchool[];
}

/** A row of `Школы` tied to a year by the optional `Год` column. */
export interface YearSchool extends School {
  readonly year: number;
}

/**
 * A cell of `Профиль рисков`: «да»/«нет», or a level of the 500+ profile. Which levels count as
 * "yes" is the parameter `riskProfileYesLevels` (default «высокий»).
 */
export type RiskProfileLevel = "да" | "нет" | "высокий" | "средний" | "низкий" | "нет риска";

/** One row of `Профиль рисков`: the factors the profile names for a school (absent or `null`: not given). */
export interface RiskProfileRow {
  readonly schoolId: string;
  readonly factors: Readonly<Partial<Record<RiskFactorId, RiskProfileLevel | null>>>;
}

/** A row of the optional sheet «Рекомендации»: the user's measure for a basis (SPEC §12). */
export interface RecommendationInputRow {
  readonly basis: string;
  readonly text: string;
}

/** The user's recommendations ride on the input. */
export interface IdentificationInput {
  readonly recommendations?: readonly RecommendationInputRow[];
}
