/**
 * The methodology's parameters as an analyst reads them: in groups, with Russian labels, units
 * and a line of help, shares shown as percent, and only those that the chosen methodology uses.
 * The English code stays available (tooltip) for the command line's `--params`.
 *
 * Parameters the engine gains later and this table does not know yet are not an error: they go
 * to the group «Прочие» with the engine's own Russian label ({@link PARAMETER_LABELS}).
 */
import { PARAMETER_LABELS, PRESETS, type MethodologyParameters, type PresetId } from "../engine/methodology";

export type ParameterGroup = "low" | "nonObjectivity" | "swi" | "groups" | "risk" | "monitoring" | "other";

export const GROUP_ORDER: readonly ParameterGroup[] = ["low", "nonObjectivity", "swi", "groups", "risk", "monitoring", "other"];

export const GROUP_NAMES: Readonly<Record<ParameterGroup, string>> = {
  low: "Низкие результаты",
  nonObjectivity: "Необъективность",
  swi: "ИСБ и типы",
  groups: "Группы",
  risk: "Зона риска",
  monitoring: "Мониторинг",
  other: "Прочие",
};

/**
 * How a value is edited:
 * - `percent`: a share in [0, 1] shown and typed as percent (0,9 → 90);
 * - `number` / `integer`: as is, with a unit;
 * - `boolean`, `choice` (Russian option names);
 * - `factors`, `levelCuts`, `procedures`, `targets`, `shnorRules`, `shnsuRule`: small tables;
 * - `json`: an unknown structured parameter (text as a last resort).
 */
export type EditorKind = "percent" | "number" | "integer" | "boolean" | "choice" | "factors" | "levelCuts" | "procedures" | "targets" | "shnorRules" | "shnsuRule" | "json";

export interface ParameterMeta {
  readonly key: string;
  readonly group: ParameterGroup;
  readonly label: string;
  readonly unit?: string;
  readonly help?: string;
  readonly editor: EditorKind;
  /** Russian names of a choice's values. */
  readonly options?: Readonly<Record<string, string>>;
  /** Whether the methodology uses the parameter at all (other regions' rules are hidden). */
  readonly applies?: (p: MethodologyParameters) => boolean;
}

type Known = Omit<ParameterMeta, "key">;

const percentile = (what: string): string => `Перцентиль региона (ПРОЦЕНТИЛЬ.ВКЛ), ${what}`;
const bryansk = (p: MethodologyParameters): boolean => p.shnorRules.bryansk;
const meanGap = (p: MethodologyParameters): boolean => p.shnorRules.meanGap;
const usesFactor = (p: MethodologyParameters, ...ids: string[]): boolean =>
  ids.some((id) => p.riskFactors.includes(id as never) || p.shnorRules.factors.includes(id as never) || (p.shnsuRule.kind === "factors" && p.shnsuRule.factors.includes(id as never)));

/** Everything known about the parameters of methodology.ts today. */
export const KNOWN_PARAMETERS: Readonly<Partial<Record<keyof MethodologyParameters, Known>>> = {
  // Низкие результаты
  margin: { group: "low", label: "Граница низких результатов: доля максимального балла", unit: "%", help: "B_min = минимальный балл + эта доля максимального (обычно 5 %)", editor: "percent" },
  procedureUnit: {
    group: "low",
    label: "Процедура считается",
    editor: "choice",
    options: { procedureGrade: "отдельно по каждой параллели (ВПР-4, ВПР-5 …)", procedure: "целиком по всем параллелям" },
  },
  minParticipants: { group: "low", label: "Минимум участников, чтобы процедура оценивалась", unit: "чел.", editor: "integer" },
  lowResultsPercentile: { group: "low", label: "Низкие результаты: индекс низких выше перцентиля", unit: "%", help: percentile("90 % — 10 % худших школ"), editor: "percent", applies: (p) => p.shnorRules.percentile },
  r1MinProcedures: { group: "low", label: "R1: процедур с низкими результатами в последнем году не меньше", unit: "шт.", editor: "integer", applies: (p) => p.shnorRules.percentile },
  r2Years: { group: "low", label: "R2: лет подряд хотя бы с одной такой процедурой", unit: "лет", editor: "integer", applies: (p) => p.shnorRules.percentile },
  levelCuts: { group: "low", label: "Границы уровней достижений", unit: "% максимума", help: "пониженный, базовый, повышенный, высокий — от какой доли максимального балла", editor: "levelCuts" },
  shnorRules: { group: "low", label: "Правила признания ШНОР", help: "какие правила методики делают школу ШНОР", editor: "shnorRules" },
  bryanskYears: { group: "low", label: "Брянск: число последних лет", unit: "лет", editor: "integer", applies: bryansk },
  bryanskEgeBelowMinPercentile: { group: "low", label: "Брянск, ЕГЭ: доля ниже минимального балла — не ниже перцентиля", unit: "%", editor: "percent", applies: bryansk },
  bryanskEgeHighFrom: { group: "low", label: "Брянск, ЕГЭ: высокий диапазон начинается с", unit: "баллы", editor: "number", applies: bryansk },
  bryanskEgeHighPercentile: { group: "low", label: "Брянск, ЕГЭ: доля высокого диапазона — не выше перцентиля", unit: "%", editor: "percent", applies: bryansk },
  bryanskOgeMark2Percentile: { group: "low", label: "Брянск, ОГЭ: доля «2» — не ниже перцентиля", unit: "%", editor: "percent", applies: bryansk },
  bryanskOgeMarks45Percentile: { group: "low", label: "Брянск, ОГЭ: доля «4» и «5» — не выше перцентиля", unit: "%", editor: "percent", applies: bryansk },
  bryanskVprMark2Share: { group: "low", label: "Брянск, ВПР: доля «2» по предмету не меньше", unit: "%", editor: "percent", applies: bryansk },
  bryanskVprMinSubjects: { group: "low", label: "Брянск, ВПР: таких предметов не меньше", unit: "шт.", editor: "integer", applies: bryansk },
  meanGapPoints: { group: "low", label: "Новолакский: средний балл ниже среднего муниципалитета более чем на", unit: "баллы", editor: "number", applies: meanGap },
  meanGapProcedures: { group: "low", label: "Новолакский: процедуры для сравнения средних баллов", editor: "procedures", applies: meanGap },
  // Необъективность
  excludeNonObjective: { group: "nonObjectivity", label: "Не учитывать результаты с признаками необъективности", editor: "boolean" },
  nonObjHighPercentile: { group: "nonObjectivity", label: "Индекс высоких результатов выше перцентиля", unit: "%", editor: "percent" },
  nonObjLowPercentile: { group: "nonObjectivity", label: "Индекс низких результатов ниже перцентиля", unit: "%", editor: "percent" },
  nonObjMassPercentile: { group: "nonObjectivity", label: "Индекс массовых результатов выше перцентиля", unit: "%", editor: "percent" },
  nonObjMinParticipation: { group: "nonObjectivity", label: "Участвовало меньше этой доли параллели", unit: "%", editor: "percent" },
  // ИСБ и типы
  swiBase: { group: "swi", label: "Ш в ИСБ = Ш + Дв − Дн − Ду", unit: "баллы", editor: "number" },
  swiQuantile: { group: "swi", label: "Группа низкого ИСБ: ИСБ не выше перцентиля", unit: "%", help: percentile("25 % — первая квартиль"), editor: "percent" },
  deviantPercentile: { group: "swi", label: "Т5: доля с девиантным поведением выше перцентиля", unit: "%", editor: "percent" },
  smallSchoolEnrollment: { group: "swi", label: "Т3: малокомплектная — обучающихся меньше", unit: "чел.", editor: "integer" },
  remoteKm: { group: "swi", label: "Т4, удалённость: до ближайшей школы не меньше", unit: "км", editor: "number" },
  shnsuRule: { group: "swi", label: "Правило признания ШНСУ", editor: "shnsuRule" },
  // Группы
  groupResult: {
    group: "groups",
    label: "Результат для регрессии на ИСБ",
    editor: "choice",
    options: { massIndex: "индекс массовых результатов", highIndex: "индекс высоких результатов", lowIndexInverted: "1 − индекс низких результатов" },
  },
  groupK: { group: "groups", label: "Остаток больше k·σ: коэффициент k", help: "эффективная — выше линии регрессии на k·σ, не справляющаяся — ниже", editor: "number" },
  // Зона риска
  riskFactors: { group: "risk", label: "Учитываемые факторы риска", editor: "factors" },
  riskZoneMinFactors: { group: "risk", label: "Зона риска: факторов не меньше", unit: "шт.", editor: "integer" },
  vacanciesAbove: { group: "risk", label: "Дефицит кадров: вакансий больше", unit: "шт.", editor: "number", applies: (p) => usesFactor(p, "teacherShortage") },
  minComputersPer100: { group: "risk", label: "Оснащение: компьютеров на 100 обучающихся не меньше", unit: "шт.", editor: "number", applies: (p) => usesFactor(p, "lowEquipment") },
  qualifiedTeachersPercentile: { group: "risk", label: "Компетентность: доля педагогов высшей и первой категории ниже перцентиля", unit: "%", editor: "percent", applies: (p) => usesFactor(p, "teacherCompetence") },
  failureRiskPercentile: { group: "risk", label: "Риск неуспешности: индекс низких результатов выше перцентиля", unit: "%", editor: "percent", applies: (p) => usesFactor(p, "highFailureRisk") },
  disabledPercentile: { group: "risk", label: "Доля обучающихся с ОВЗ выше перцентиля", unit: "%", editor: "percent", applies: (p) => usesFactor(p, "highDisabledShare") },
  minContinuation: { group: "risk", label: "Продолжили обучение в 10 классе не меньше", unit: "%", editor: "number", applies: (p) => usesFactor(p, "lowContinuation") },
  minOlympiad: { group: "risk", label: "Участники олимпиад за 3 года не меньше", unit: "%", editor: "number", applies: (p) => usesFactor(p, "lowOlympiad") },
  staffIndexPercentile: { group: "risk", label: "Ставрополь: индекс кадрового состава ниже перцентиля", unit: "%", editor: "percent", applies: (p) => usesFactor(p, "lowStaffIndex") },
  equipmentPercentile: { group: "risk", label: "Ставрополь: коэффициент оснащения ниже перцентиля", unit: "%", editor: "percent", applies: (p) => usesFactor(p, "lowEquipmentCoefficient") },
  // Мониторинг
  dynamicsTargetPoints: { group: "monitoring", label: "Цель: изменение индексов низких и массовых за год", unit: "п.п. или %", help: "в процентных пунктах или в процентах от прошлого года — см. следующий параметр", editor: "number" },
  dynamicsMode: { group: "monitoring", label: "Изменение индексов считается", editor: "choice", options: { points: "в процентных пунктах", relative: "в процентах от прошлогоднего значения" } },
  dynamicsCohort: { group: "monitoring", label: "Динамика групп школ — по составу", editor: "choice", options: { previousYear: "прошлого года (школы, которым помогали)", latestYear: "текущего года" } },
  stableShnorYears: { group: "monitoring", label: "«Устойчиво ШНОР»: ШНОР в каждом из последних", unit: "лет", editor: "integer" },
  mentorSwiWindow: { group: "groups", label: "Школы-наставники: ИСБ отличается от ИСБ ШНОР не больше чем на", unit: "баллы", editor: "number" },
  mentorMaxCount: { group: "groups", label: "Школы-наставники: кандидатов на одну ШНОР не больше", unit: "шт.", editor: "integer" },
  objectivityLoweredShare: { group: "nonObjectivity", label: "Фактор 4: доля отметок ниже журнальных не меньше", unit: "%", editor: "percent" },
  objectivityJournalProcedures: { group: "nonObjectivity", label: "Фактор 4: процедуры для сравнения с отметками по журналу", editor: "procedures" },
  monitoringTargets: { group: "monitoring", label: "Целевые значения показателей (Ставрополь)", unit: "%", help: "номер показателя, с какого года, целевое значение", editor: "targets" },
};

function editorOf(value: unknown): EditorKind {
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") return "choice";
  return "json";
}

/** What the pane knows about a parameter, the unknown ones included (group «Прочие»). */
export function parameterMeta(key: string, preset: PresetId = "kbr"): ParameterMeta {
  const known = (KNOWN_PARAMETERS as Readonly<Record<string, Known | undefined>>)[key];
  if (known) return { key, ...known };
  const label = (PARAMETER_LABELS as Readonly<Record<string, string | undefined>>)[key] ?? key;
  return { key, group: "other", label, editor: editorOf((PRESETS[preset].parameters as unknown as Record<string, unknown>)[key]) };
}

/** Every parameter of a preset, grouped in {@link GROUP_ORDER}; those the methodology does not use are left out. */
export function parameterGroups(preset: PresetId, parameters: MethodologyParameters): { group: ParameterGroup; name: string; parameters: ParameterMeta[] }[] {
  const keys = Object.keys(PRESETS[preset].parameters);
  const metas = keys.map((k) => parameterMeta(k, preset)).filter((m) => m.applies === undefined || m.applies(parameters));
  return GROUP_ORDER.map((group) => ({ group, name: GROUP_NAMES[group], parameters: metas.filter((m) => m.group === group) })).filter((g) => g.parameters.length > 0);
}

/** A number as Russian text: 0.5 → "0,5"; shares in percent are rounded to 10 decimals (0.07 × 100). */
export function numberText(n: number): string {
  return String(Number(n.toFixed(10))).replace(".", ",");
}

/** A parameter value as a short Russian text (the summary's list of changes). */
export function valueSummary(meta: ParameterMeta, value: unknown): string {
  if (typeof value === "number") return meta.editor === "percent" ? `${numberText(value * 100)} %` : `${numberText(value)}${meta.unit ? ` ${meta.unit}` : ""}`;
  if (typeof value === "boolean") return value ? "да" : "нет";
  if (typeof value === "string") return meta.options?.[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "number" ? (meta.editor === "levelCuts" ? `${numberText(v * 100)} %` : numberText(v)) : String(v))).join("; ");
  return JSON.stringify(value);
}
