/**
 * Addressed recommendations (SPEC.md §12): each risk factor, each ШНОР / ШНСУ basis and a
 * non-objectivity listing maps to concrete measures, worded after what seeds 001–004 describe
 * (curators and mentoring, targeted further training, network communities, methodological
 * visits, individual routes and extra classes, psychological and social support, independent
 * observers, career guidance, work with parents). The table is data; the user may replace the
 * measures of any basis with a sheet «Рекомендации» in the input.
 */
import { SCHOOL_TYPE_NAMES } from "../schoolTypes";
import type { SchoolResult, SchoolTypeCode } from "../types";

/** One measure addressed to a school, with the basis that called for it. */
export interface Recommendation {
  /** The basis in Russian, e.g. «Фактор риска: Дефицит педагогических кадров». */
  readonly basis: string;
  readonly text: string;
}

/** One basis of the table and its measures. */
export interface MeasureEntry {
  /** Stable code: a risk factor id, `shnor`, `shnor:R1`, `shnsu`, `type:T1`, `nonObjectivity`, `group:notCoping`. */
  readonly key: string;
  /** The basis as the user reads and writes it (the factor's seed-004 name, «ШНОР», …). */
  readonly basis: string;
  /** Other spellings accepted for the basis (older factor names, ids of other versions). */
  readonly aliases: readonly string[];
  readonly measures: readonly string[];
}

/** A row of the user's sheet «Рекомендации»: a basis (as written) and one measure. */
export interface RecommendationRow {
  readonly basis: string;
  readonly text: string;
}

/** Measures for the six school types of seed 000 (Table 1). */
const TYPE_MEASURES: Readonly<Record<SchoolTypeCode, readonly string[]>> = {
  T1: ["Организовать сетевое взаимодействие с городскими школами и ресурсными центрами для расширения образовательных возможностей сельских обучающихся."],
  T2: ["Усилить социально-педагогическую работу с семьями и профилактику безнадзорности, привлечь ресурсы городских организаций дополнительного образования."],
  T3: ["Использовать сетевую форму реализации программ и дистанционные уроки для малокомплектных классов; обучить педагогов методике работы в разновозрастных классах."],
  T4: ["Обеспечить доступ к дистанционному обучению и выездные методические мероприятия; организовать подвоз обучающихся к опорной школе для занятий."],
  T5: ["Организовать профилактику девиантного поведения: социальный педагог и педагог-психолог, взаимодействие с КДН, вовлечение обучающихся во внеурочную деятельность."],
  T6: ["Организовать дополнительные занятия по русскому языку для обучающихся с неродным русским языком и методическую поддержку педагогов в поликультурных классах."],
};

const factor = (key: string, basis: string, aliases: readonly string[], measures: readonly string[]): MeasureEntry => ({ key, basis, aliases, measures });

/**
 * The built-in table. Risk factors in seed 004's order and names (its twelve factors), then the
 * factors of SPEC §7 that seed 004 does not list, the Ставрополь indices of §8, then the bases
 * of ШНОР, ШНСУ (and the six types of seed 000's Table 1), non-objectivity and the group.
 */
export const RECOMMENDATION_TABLE: readonly MeasureEntry[] = [
  factor("lowEquipment", "Низкий уровень оснащения школы", ["Низкий уровень оснащения"], [
    "Обеспечить устойчивый доступ к сети Интернет и довести число компьютеров до нормы на 100 обучающихся (региональные и федеральные программы оснащения).",
    "Использовать ресурсы центров «Точка роста», кванториумов и школ-партнёров в сетевой форме реализации образовательных программ.",
  ]),
  factor("teacherShortage", "Дефицит педагогических кадров", ["Дефицит кадров"], [
    "Организовать адресный подбор педагогов на вакансии (целевое обучение, программы «Земский учитель», привлечение выпускников педагогических вузов).",
    "Заключить договор сетевого взаимодействия для преодоления кадрового дефицита: сетевые педагоги, дистанционные уроки учителей школ-партнёров.",
  ]),
  factor("teacherCompetence", "Недостаточная предметная и методическая компетентность педагогов", ["Недостаточная предметная и методическая компетентность", "Недостаточная компетентность педагогов"], [
    "Провести диагностику профессиональных дефицитов педагогов и составить индивидуальные образовательные маршруты (ИОМ) педагогов.",
    "Направить педагогов на адресное повышение квалификации и стажировки на базе эффективных школ и стажировочных площадок.",
    "Включить педагогов в региональные сетевые методические объединения учителей-предметников и сообщества «горизонтального обучения».",
  ]),
  factor("objectiveAssessment", "Отсутствие или недостаточная эффективность системы объективной оценки результатов обучения", ["Недостаточная эффективность системы объективной оценки", "Система объективной оценки"], [
    "Выстроить внутришкольную систему оценки качества образования: единые критерии оценивания, сопоставление текущих отметок с результатами внешних процедур.",
    // Worded as the non-objectivity measure, so a school with both bases gets it once.
    "Провести ВПР с независимыми наблюдателями и перекрёстной проверкой работ муниципальной (региональной) комиссией.",
  ]),
  factor("highFailureRisk", "Высокая доля обучающихся с рисками учебной неуспешности", ["Риски учебной неуспешности"], [
    "Разработать программу профилактики учебной неуспешности: индивидуальные образовательные маршруты и дополнительные занятия для слабоуспевающих обучающихся.",
    "Организовать тьюторскую и психолого-педагогическую поддержку обучающихся с трудностями в обучении.",
  ]),
  factor("highDisabledShare", "Высокая доля обучающихся с инклюзией", ["Высокая доля обучающихся с ОВЗ", "Доля обучающихся с ОВЗ"], [
    "Обучить педагогов работе с обучающимися с ОВЗ (курсы повышения квалификации по инклюзивному образованию).",
    "Обеспечить психолого-педагогическое сопровождение обучающихся с ОВЗ: адаптированные программы, консультации специалистов ППМС-центра.",
  ]),
  factor("languageBarriers", "Низкое качество адаптации мигрантов, преодоления языковых и культурных барьеров", ["Низкое качество преодоления языковых и культурных барьеров", "Языковые и культурные барьеры"], [
    "Организовать дополнительные занятия по русскому языку как неродному и языковую адаптацию обучающихся.",
    "Повысить квалификацию педагогов по преподаванию в поликультурной среде; привлечь родителей к мероприятиям социокультурной адаптации.",
  ]),
  factor("careerGuidance", "Низкое качество профориентационной работы", ["Профориентационная работа"], [
    "Оказать методическую помощь в организации профориентационной работы как меры повышения мотивации обучающихся (проекты «Билет в будущее», «ПроеКТОриЯ», встречи с работодателями).",
  ]),
  factor("wellbeing", "Пониженный уровень школьного благополучия", ["schoolWellbeing", "Школьное благополучие"], [
    "Провести консультирование по повышению школьного благополучия и профессионального сотрудничества педагогического коллектива; организовать психологическую службу школы.",
  ]),
  factor("teacherEngagement", "Низкая вовлеченность учителей в образовательный процесс", ["Низкая вовлечённость учителей в образовательный процесс", "Вовлеченность учителей"], [
    "Развивать внутришкольные профессиональные сообщества и наставничество, взаимопосещение уроков; проводить профилактику профессионального выгорания.",
  ]),
  factor("motivation", "Низкая учебная мотивация школьников", ["pupilMotivation", "Учебная мотивация"], [
    "Развивать учебную мотивацию: проектная и исследовательская деятельность, внеурочная деятельность и дополнительное образование, вовлечение в олимпиады и конкурсы.",
  ]),
  factor("parents", "Проблемы с вовлеченностью родителей", ["parentEngagement", "Проблемы с вовлечённостью родителей", "Вовлеченность родителей"], [
    "Организовать работу с родителями: родительские собрания и всеобучи, консультирование по выстраиванию взаимоотношений школы с семьёй, информационная кампания по вовлечению родителей.",
  ]),
  factor("noSpecialists", "Нет узких специалистов", ["Отсутствие узких специалистов"], [
    "Обеспечить психолого-педагогическое сопровождение: педагог-психолог, социальный педагог, дефектолог — в штате или по договору сетевого взаимодействия с ППМС-центром.",
  ]),
  factor("lowContinuation", "Низкая доля продолжающих обучение", ["Низкая доля продолжающих обучение в 10 классе"], [
    "Организовать профориентацию и психолого-педагогическое сопровождение выпускников 9 классов, индивидуальные учебные планы и профильное обучение, в том числе в сетевой форме.",
  ]),
  factor("lowOlympiad", "Низкое участие в олимпиадах", ["Низкая доля участников олимпиад"], [
    "Вовлечь обучающихся в олимпиадное движение и конкурсы: кружки и факультативы, дистанционные олимпиадные школы, подготовка на базе школ-партнёров.",
  ]),
  factor("remoteness", "Удалённость / труднодоступность", ["Удалённость", "Труднодоступность"], [
    "Использовать дистанционные образовательные технологии и сетевую форму обучения с опорными школами; организовать выездные методические мероприятия («Педагогический десант»).",
  ]),
  factor("lowStaffIndex", "Низкий индекс кадрового состава", ["Индекс кадрового состава"], [
    "Разработать план устранения кадрового дефицита и повышения квалификационной категории педагогов; направить педагогов на аттестацию и курсы повышения квалификации.",
  ]),
  factor("lowEquipmentCoefficient", "Низкий коэффициент материально-технического оснащения", ["Коэффициент материально-технического оснащения", "Коэффициент оснащения"], [
    "Устранить дефицит материальной базы: оснащение компьютерами и учебным оборудованием, устойчивый Интернет, использование ресурсов «Точки роста» и школ-партнёров.",
  ]),
  {
    key: "shnor",
    basis: "ШНОР",
    aliases: ["Школа с низкими образовательными результатами", "Низкие образовательные результаты"],
    measures: [
      "Закрепить школу-куратора (наставника) из числа эффективных школ и заключить договор о сотрудничестве.",
      "Разработать и реализовать школьную программу повышения качества образования (ШППКО) на основе анализа рисков.",
      "Провести методический выезд специалистов регионального института развития образования для анализа причин низких результатов.",
    ],
  },
  {
    key: "shnor:R1",
    basis: "ШНОР (R1)",
    aliases: ["R1", "ШНОР R1"],
    measures: ["Провести предметный анализ результатов процедур с низкими результатами и скорректировать рабочие программы по выявленным дефицитам."],
  },
  {
    key: "shnor:R2",
    basis: "ШНОР (R2)",
    aliases: ["R2", "ШНОР R2"],
    measures: ["Организовать долгосрочное сопровождение: наставничество куратора на весь учебный год и ежеквартальный мониторинг динамики результатов."],
  },
  {
    key: "shnor:BRYANSK",
    basis: "ШНОР (Брянск)",
    aliases: ["BRYANSK", "Брянск"],
    measures: ["Организовать подготовку к ГИА и ВПР по предметам с наибольшей долей «2»: дополнительные занятия, индивидуальные консультации, пробные работы."],
  },
  {
    key: "shnor:MEANGAP",
    basis: "ШНОР (средний балл ниже муниципального)",
    aliases: ["MEANGAP", "Новолакский район"],
    measures: ["Организовать кураторство педагогов базовой школы муниципалитета: индивидуальное консультирование и взаимопосещение уроков по предметам ЕГЭ и ОГЭ."],
  },
  {
    key: "shnsu",
    basis: "ШНСУ",
    aliases: ["Школа в неблагоприятных социальных условиях", "Неблагоприятные социальные условия"],
    measures: [
      "Обеспечить социально-психологическую поддержку обучающихся и семей: социальный педагог, педагог-психолог, взаимодействие с органами социальной защиты.",
      "Организовать адресную поддержку через сетевую форму реализации образовательных программ с организациями дополнительного образования и школами-партнёрами.",
    ],
  },
  ...(Object.keys(SCHOOL_TYPE_NAMES) as SchoolTypeCode[]).map((code): MeasureEntry => ({
    key: `type:${code}`,
    basis: `Тип ${code}: ${SCHOOL_TYPE_NAMES[code]}`,
    aliases: [code, SCHOOL_TYPE_NAMES[code]],
    measures: TYPE_MEASURES[code],
  })),
  {
    key: "nonObjectivity",
    basis: "Признаки необъективности",
    aliases: ["Необъективность", "Признаки необъективности результатов"],
    measures: [
      "Провести ВПР с независимыми наблюдателями и перекрёстной проверкой работ муниципальной (региональной) комиссией.",
      "Сопоставить отметки по журналу с результатами оценочных процедур и обсудить расхождения с педагогами.",
    ],
  },
  {
    key: "group:notCoping",
    basis: "Группа «не справляющаяся»",
    aliases: ["не справляющаяся", "notCoping"],
    measures: ["Организовать стажировку управленческой команды школы на базе эффективной школы со сходным социальным контекстом."],
  },
];


/** {@link basisKey} of the texts met so far: the same few dozen names are looked up for every school. */
const basisKeys = new Map<string, string>();
const BASIS_KEYS_KEPT = 4096;

/** A basis as compared: lower case, «ё» as «е», punctuation and repeated spaces dropped. */
export function basisKey(text: string): string {
  const known = basisKeys.get(text);
  if (known !== undefined) return known;
  const key = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"'.,;:()\/–—-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (basisKeys.size < BASIS_KEYS_KEPT) basisKeys.set(text, key);
  return key;
}

/** The entries of a table by every spelling of their basis (code, name, aliases). */
function index(table: readonly MeasureEntry[]): Map<string, MeasureEntry> {
  const byKey = new Map<string, MeasureEntry>();
  for (const e of table) for (const name of [e.key, e.basis, ...e.aliases]) if (!byKey.has(basisKey(name))) byKey.set(basisKey(name), e);
  return byKey;
}

const BUILT_IN_INDEX = index(RECOMMENDATION_TABLE);

/**
 * The entry a basis written by the user (or a factor's name) refers to, or `null`.
 *
 * @example findBasis("дефицит педагогических кадров")?.key // "teacherShortage"
 */
export function findBasis(text: string, table: readonly MeasureEntry[] = RECOMMENDATION_TABLE): MeasureEntry | null {
  const byKey = table === RECOMMENDATION_TABLE ? BUILT_IN_INDEX : index(table);
  const key = basisKey(text);
  return byKey.get(key) ?? byKey.get(key.replace(/^фактор риска /, "")) ?? null;
}

/**
 * The built-in table with the user's rows applied: the rows of a basis replace all of its
 * built-in measures (in the rows' order); bases without rows keep theirs. Rows whose basis is
 * unknown are left out here (the schema reports them with their cell).
 */
export function recommendationTable(rows: readonly RecommendationRow[] = []): readonly MeasureEntry[] {
  if (rows.length === 0) return RECOMMENDATION_TABLE;
  const replaced = new Map<string, string[]>();
  for (const r of rows) {
    const entry = findBasis(r.basis);
    const text = r.text.trim();
    if (entry === null || text === "") continue;
    const list = replaced.get(entry.key) ?? [];
    list.push(text);
    replaced.set(entry.key, list);
  }
  return RECOMMENDATION_TABLE.map((e) => {
    const own = replaced.get(e.key);
    return own === undefined ? e : { ...e, measures: own };
  });
}

/** The table entry of a school's risk factor: by its id, else by its Russian name. */
function factorEntry(byKey: Map<string, MeasureEntry>, id: string, name: string): MeasureEntry | undefined {
  return byKey.get(basisKey(id)) ?? byKey.get(basisKey(name));
}

/**
 * The measures for one school: those of its ШНОР basis and rules, its ШНСУ basis and types, a
 * non-objectivity listing, the group «не справляющаяся» and each of its risk factors that is
 * «да», in that order; a measure already given (under another basis) is not repeated.
 *
 * @example
 * recommendationsFor(school)[0] // { basis: "ШНОР", text: "Закрепить школу-куратора …" }
 */
export function recommendationsFor(school: SchoolResult, table: readonly MeasureEntry[] = RECOMMENDATION_TABLE): Recommendation[] {
  const byKey = table === RECOMMENDATION_TABLE ? BUILT_IN_INDEX : index(table);
  const bases: { entry: MeasureEntry; basis: string }[] = [];
  const add = (entry: MeasureEntry | undefined, basis?: string): void => {
    if (entry !== undefined) bases.push({ entry, basis: basis ?? entry.basis });
  };
  if (school.shnor) {
    add(byKey.get(basisKey("shnor")));
    for (const rule of school.shnorRules) add(byKey.get(basisKey(`shnor:${rule}`)) ?? byKey.get(basisKey(rule)));
  }
  if (school.shnsu) {
    add(byKey.get(basisKey("shnsu")));
    for (const t of school.types) add(byKey.get(basisKey(`type:${t}`)));
  }
  if (school.nonObjectivityCount > 0) add(byKey.get(basisKey("nonObjectivity")));
  if (school.group === "notCoping") add(byKey.get(basisKey("group:notCoping")));
  for (const f of school.riskFactors) {
    if (f.value !== true) continue;
    const entry = factorEntry(byKey, f.id, f.name);
    add(entry, `Фактор риска: ${f.name}`);
  }
  const seen = new Set<string>();
  const out: Recommendation[] = [];
  for (const { entry, basis } of bases) {
    for (const text of entry.measures) {
      const k = basisKey(text);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ basis, text });
    }
  }
  return out;
}
