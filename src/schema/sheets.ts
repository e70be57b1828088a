/**
 * The four input sheets of SPEC.md §1 as data. Headers follow the SPEC; synonyms add English
 * names and the variants analysts actually type. Matching is tolerant (see `text.ts`), so
 * case, ё/е, quotes and trailing units need no synonyms of their own.
 */
import { ALL_SUBJECTS, type AggregatedResult, type ParticipantScore, type Scale, type School } from "../engine/types";
import type { SheetDef } from "./columns";
import { MUNICIPAL_INDICATORS_SHEET, SCHOOL_MONITORING_COLUMNS } from "./monitoringSheets";
import { RISK_PROFILE_SHEET } from "./riskProfileSheet";

const SCHOOL_ID = {
  header: "Код ОО",
  synonyms: ["Код", "Код школы", "Код ОУ", "Код организации", "Код образовательной организации", "Логин ОО", "School ID", "School code", "School", "ID"],
  type: "code",
  required: true,
  nullable: false,
  note: "текст; ведущие нули сохраняются",
} as const;

const YEAR = {
  header: "Год",
  synonyms: ["Учебный год", "Год проведения", "Year", "School year"],
  type: "year",
  required: true,
  nullable: false,
  note: "год окончания учебного года: 2024 для 2023/2024",
} as const;

const PROCEDURE = {
  header: "Процедура",
  synonyms: ["ОП", "Оценочная процедура", "Вид процедуры", "Экзамен", "Procedure", "Assessment"],
  type: "procedure",
  required: true,
  nullable: false,
  note: "ВПР, ОГЭ, ЕГЭ или РДР",
} as const;

const GRADE = {
  header: "Класс",
  synonyms: ["Параллель", "Grade", "Class"],
  type: "int",
  min: 1,
  max: 11,
  required: true,
  nullable: false,
  note: "целое число от 1 до 11",
} as const;

const SUBJECT = {
  header: "Предмет",
  synonyms: ["Учебный предмет", "Subject"],
  type: "subject",
  required: true,
  nullable: false,
  note: "как на листе «Шкалы»",
} as const;

/** `Школы`: one row per school. */
export const SCHOOLS_SHEET: SheetDef<School> = {
  id: "schools",
  name: "Школы",
  synonyms: ["Школа", "ОО", "Реестр ОО", "Реестр школ", "Организации", "Schools", "School list"],
  columns: {
    id: SCHOOL_ID,
    name: {
      header: "Наименование",
      synonyms: ["Наименование ОО", "Название", "Название ОО", "Название школы", "Наименование организации", "Краткое наименование", "Name", "School name"],
      type: "text", required: true, nullable: false, note: "краткое наименование школы",
    },
    municipality: {
      header: "Муниципалитет",
      synonyms: ["Муниципальное образование", "Муниципальный район", "Муниципальный район (городской округ)", "Район", "МО", "МОУО", "Municipality", "District"],
      type: "text", required: true, nullable: false, note: "район или городской округ",
    },
    locality: {
      header: "Местность",
      synonyms: ["Тип местности", "Территория", "Город/село", "Тип поселения", "Locality", "Area", "Urban/rural"],
      type: "locality", required: true, nullable: true, note: "город или село",
    },
    enrollment: {
      header: "Численность обучающихся",
      synonyms: ["Число обучающихся", "Количество обучающихся", "Кол-во обучающихся", "Контингент", "Численность учащихся", "Enrollment", "Enrolment", "Pupils", "Students"],
      type: "int", min: 0, required: true, nullable: true, note: "целое число",
    },
    parentsHigherEd: {
      header: "Дв, %",
      synonyms: ["Дв", "Доля обучающихся из семей, где оба родителя имеют высшее образование", "Оба родителя с высшим образованием", "Both parents higher education"],
      type: "percent", required: true, nullable: true, note: "доля из семей, где оба родителя с высшим образованием, 0–100",
    },
    singleParent: {
      header: "Дн, %",
      synonyms: ["Дн", "Доля обучающихся из неполных семей", "Неполные семьи", "Single parent"],
      type: "percent", required: true, nullable: true, note: "доля из неполных семей, 0–100",
    },
    registered: {
      header: "Ду, %",
      synonyms: ["Ду", "Доля обучающихся, состоящих на внутришкольном учёте", "Доля обучающихся на внутришкольном учете", "Внутришкольный учёт", "Registered", "On register"],
      type: "percent", required: true, nullable: true, note: "доля на внутришкольном учёте, 0–100",
    },
    hardToReach: {
      header: "Труднодоступная местность",
      synonyms: ["Труднодоступность", "Труднодоступная", "Hard to reach", "Remote"],
      type: "bool", required: false, nullable: true, note: "да или нет",
    },
    nearestSchoolKm: {
      header: "Расстояние до ближайшей ОО, км",
      synonyms: ["Расстояние до ближайшей школы", "Удалённость", "Удаленность от ближайшей ОО", "Nearest school km", "Distance to nearest school"],
      type: "number", min: 0, required: false, nullable: true, note: "километры",
    },
    nonNativeShare: {
      header: "Доля с неродным русским языком, %",
      synonyms: ["Доля обучающихся с неродным русским языком", "Неродной русский язык", "Non-native Russian"],
      type: "percent", required: false, nullable: true, note: "0–100",
    },
    disabledShare: {
      header: "Доля обучающихся с ОВЗ, %",
      synonyms: ["Доля с ОВЗ", "Доля детей с ОВЗ", "Обучающиеся с ОВЗ", "SEN share", "Disabled share"],
      type: "percent", required: false, nullable: true, note: "0–100",
    },
    teacherVacancies: {
      header: "Вакансии педагогов",
      synonyms: ["Вакансии", "Количество вакансий", "Число вакансий педагогов", "Teacher vacancies", "Vacancies"],
      type: "int", min: 0, required: false, nullable: true, note: "целое число",
    },
    qualifiedTeachersShare: {
      header: "Доля педагогов высшей и первой категории, %",
      synonyms: ["Доля педагогов с высшей и первой категорией", "Педагоги высшей и первой категории", "Qualified teachers share"],
      type: "percent", required: false, nullable: true, note: "0–100",
    },
    hasPsychologist: {
      header: "Педагог-психолог",
      synonyms: ["Психолог", "Наличие педагога-психолога", "Psychologist"],
      type: "bool", required: false, nullable: true, note: "да или нет",
    },
    hasSocialPedagogue: {
      header: "Социальный педагог",
      synonyms: ["Соцпедагог", "Наличие социального педагога", "Social pedagogue", "Social worker"],
      type: "bool", required: false, nullable: true, note: "да или нет",
    },
    hasDefectologist: {
      header: "Дефектолог",
      synonyms: ["Учитель-дефектолог", "Наличие дефектолога", "Defectologist", "Special needs teacher"],
      type: "bool", required: false, nullable: true, note: "да или нет",
    },
    stableInternet: {
      header: "Устойчивый интернет",
      synonyms: ["Интернет", "Стабильный интернет", "Наличие устойчивого интернета", "Stable internet", "Internet"],
      type: "bool", required: false, nullable: true, note: "да или нет",
    },
    computersPer100: {
      header: "Компьютеров на 100 обучающихся",
      synonyms: ["Количество компьютеров на 100 обучающихся", "Компьютеры на 100 обучающихся", "Computers per 100 pupils", "Computers per 100"],
      type: "number", min: 0, required: false, nullable: true, note: "число",
    },
    continuedTo10Share: {
      header: "Продолжили обучение в 10 классе, %",
      synonyms: ["Доля продолживших обучение в 10 классе", "Продолжили обучение в 10 классе", "Continued to grade 10"],
      type: "percent", required: false, nullable: true, note: "0–100",
    },
    olympiadShare: {
      header: "Участники олимпиад за 3 года, %",
      synonyms: ["Доля участников олимпиад за 3 года", "Участники олимпиад", "Olympiad participants"],
      type: "percent", required: false, nullable: true, note: "0–100",
    },
    fisLogin: {
      header: "Логин ФИС ОКО",
      synonyms: ["Логин в ФИС ОКО", "Логин ОО в ФИС ОКО", "Логин ФИСОКО", "Логин ОО ФИС ОКО", "FIS OKO login"],
      type: "code", required: false, nullable: true, note: "логин школы в ФИС ОКО (edu…): по нему импорт выгрузок ВПР находит школу",
    },
    // Optional monitoring columns of seeds 001 and 002 (see monitoringSheets.ts).
    ...SCHOOL_MONITORING_COLUMNS,
    year: {
      ...YEAR,
      required: false,
      nullable: true,
      note: "год строки; с двумя годами выявление читает последний, а «Риски ликвидированы» (001 §1.2.5) считаются по двум годам",
    },
  },
};

const COUNT = { type: "int", min: 0, required: false, nullable: true } as const;

/** `Результаты`: aggregated results, one row per school × year × procedure × grade × subject. */
export const RESULTS_SHEET: SheetDef<AggregatedResult> = {
  id: "results",
  name: "Результаты",
  synonyms: ["Результаты ОП", "Агрегированные результаты", "Итоги ОП", "Results", "Aggregated results"],
  columns: {
    schoolId: SCHOOL_ID,
    year: YEAR,
    procedure: PROCEDURE,
    grade: GRADE,
    subject: { ...SUBJECT, blankAs: ALL_SUBJECTS, note: "как на листе «Шкалы»; «все» или пусто — строка показателей по процедуре в целом" },
    participants: {
      header: "Участников",
      synonyms: ["Число участников", "Количество участников", "Кол-во участников", "Участники", "Participants"],
      type: "int", min: 0, required: true, nullable: false, note: "целое число",
    },
    belowMin: { ...COUNT, header: "Ниже Bmin", synonyms: ["Ниже B min", "Below Bmin", "Below min"], note: "число участников с баллом ниже Bmin" },
    atLeastMid: { ...COUNT, header: "Не ниже Bmid", synonyms: ["Не ниже B mid", "At least Bmid", "At least mid"], note: "число участников с баллом не ниже Bmid" },
    atLeastTop: { ...COUNT, header: "Не ниже Btop", synonyms: ["Не ниже B top", "At least Btop", "At least top"], note: "число участников с баллом не ниже Btop" },
    meanScore: {
      header: "Средний балл",
      synonyms: ["Средний первичный балл", "Средний тестовый балл", "Mean score", "Average score"],
      type: "number", min: 0, required: false, nullable: true, note: "число",
    },
    mark2: { ...COUNT, header: "Отметка «2»", synonyms: ["Отметка 2", "Отметки 2", "Получили 2", "Количество 2", "Mark 2"], note: "число участников с отметкой «2»" },
    marks45: { ...COUNT, header: "Отметки «4» и «5»", synonyms: ["Отметки 4 и 5", "Отметка 4 и 5", "Получили 4 и 5", "Marks 4 and 5", "Marks 4-5"], note: "число участников с отметками «4» и «5»" },
    gradeSize: { ...COUNT, header: "Численность параллели", synonyms: ["Обучающихся в параллели", "Численность обучающихся в параллели", "Grade size"], note: "обучающихся в параллели, для доли участия" },
    belowScaleMin: {
      ...COUNT,
      header: "Ниже минимального балла",
      synonyms: ["Не преодолели минимальный порог", "Не набрали минимальный балл", "Below minimum score", "Below scale minimum"],
      note: "число участников с баллом ниже минимального по спецификации (ЕГЭ — Брянск)",
    },
    highBand: { ...COUNT, header: "61–100 баллов", synonyms: ["61-100 баллов", "От 61 до 100 баллов", "61–100", "61-100", "Scored 61-100"], note: "ЕГЭ: число участников с 61–100 баллами" },
    procedureLow: {
      ...COUNT,
      header: "Участников с низким результатом по процедуре",
      synonyms: ["Низкий результат по процедуре", "Procedure low count"],
      note: "в строке с Предметом «все»: участников параллели с баллом ниже Bmin хотя бы по одному массовому предмету",
    },
    procedureHigh: {
      ...COUNT,
      header: "Участников с высоким результатом по процедуре",
      synonyms: ["Высокий результат по процедуре", "Procedure high count"],
      note: "в строке с Предметом «все»: участников параллели с баллом не ниже Btop хотя бы по одному предмету",
    },
    procedureBelowScaleMin: {
      ...COUNT,
      header: "Участников ниже минимального балла по процедуре",
      synonyms: ["Ниже минимального балла по процедуре", "Procedure below minimum count"],
      note: "в строке с Предметом «все»: участников параллели ниже минимального балла хотя бы по одному массовому предмету",
    },
    // ФИС ОКО «Сравнение отметок с отметками по журналу» (SPEC §4 sign raisedVsJournal, §7 factor 4).
    journalLowered: {
      ...COUNT,
      header: "Понизили (Отметка < Отметка по журналу)",
      synonyms: ["Понизили отметку", "Отметка ниже журнальной", "Ниже отметки по журналу", "Lowered vs journal", "Mark below journal"],
      note: "ФИС ОКО, сравнение с журналом: число участников с отметкой за работу ниже отметки по журналу",
    },
    journalConfirmed: {
      ...COUNT,
      header: "Подтвердили (Отметка = Отметке по журналу)",
      synonyms: ["Подтвердили отметку", "Отметка равна журнальной", "Равна отметке по журналу", "Confirmed vs journal", "Mark equals journal"],
      note: "ФИС ОКО, сравнение с журналом: число участников с отметкой за работу, равной отметке по журналу",
    },
    journalRaised: {
      ...COUNT,
      header: "Повысили (Отметка > Отметка по журналу)",
      synonyms: ["Повысили отметку", "Отметка выше журнальной", "Выше отметки по журналу", "Raised vs journal", "Mark above journal"],
      note: "ФИС ОКО, сравнение с журналом: число участников с отметкой за работу выше отметки по журналу (признак необъективности 3)",
    },
  },
};

/** `Баллы`: one row per participant × subject. */
export const SCORES_SHEET: SheetDef<ParticipantScore> = {
  id: "scores",
  name: "Баллы",
  synonyms: ["Баллы участников", "Результаты участников", "Участники", "Scores", "Participant scores"],
  columns: {
    schoolId: SCHOOL_ID,
    year: YEAR,
    procedure: PROCEDURE,
    grade: GRADE,
    participantId: {
      header: "Код участника",
      synonyms: ["Код обучающегося", "ID участника", "Участник", "Participant ID", "Participant", "Student ID"],
      type: "code", required: true, nullable: false, note: "текст",
    },
    subject: SUBJECT,
    score: {
      header: "Балл",
      synonyms: ["Первичный балл", "Тестовый балл", "Сумма баллов", "Score"],
      type: "number", min: 0, required: true, nullable: false, note: "первичный или тестовый балл",
    },
    mark: {
      header: "Отметка",
      synonyms: ["Оценка", "Mark", "Grade mark"],
      type: "int", min: 1, max: 5, required: false, nullable: true, note: "2–5; если пусто, выводится из шкалы",
    },
    journalMark: {
      header: "Отметка по журналу",
      synonyms: ["Журнальная отметка", "Отметка в журнале", "Четвертная отметка", "Journal mark"],
      type: "int", min: 1, max: 5, required: false, nullable: true, note: "2–5: отметка по журналу за предыдущий период (для сравнения с отметкой ВПР)",
    },
  },
};

const CUT = { type: "number", min: 0, required: false, nullable: true } as const;

/** `Шкалы`: thresholds, one row per procedure × grade × subject. */
export const SCALES_SHEET: SheetDef<Scale> = {
  id: "scales",
  name: "Шкалы",
  synonyms: ["Шкала", "Пороги", "Пороговые баллы", "Scales", "Thresholds"],
  columns: {
    procedure: PROCEDURE,
    grade: GRADE,
    subject: SUBJECT,
    minScore: {
      header: "Минимальный балл",
      synonyms: ["Мин. балл", "Минимальный порог", "Min score", "Minimum"],
      type: "number", min: 0, required: true, nullable: false, note: "минимальный балл по спецификации",
    },
    maxScore: {
      header: "Максимальный балл",
      synonyms: ["Макс. балл", "Максимальный первичный балл", "Max score", "Maximum"],
      type: "number", min: 0, required: true, nullable: false, note: "максимальный балл",
    },
    highScore: {
      header: "Высокий балл",
      synonyms: ["Btop", "B top", "Балл высокого уровня", "High score", "Top score"],
      type: "number", min: 0, required: true, nullable: false, note: "балл высокого уровня (Btop)",
    },
    mass: {
      header: "Массовый",
      synonyms: ["Массовый предмет", "Обязательный", "Mass", "Mass subject", "Compulsory"],
      type: "bool", required: true, nullable: false, note: "да или нет: предмет сдают все",
    },
    cut3: { ...CUT, header: "Балл для «3»", synonyms: ["Балл для 3", "Отметка 3 от", "Cut 3", "Mark 3 from"], note: "наименьший балл для отметки «3»" },
    cut4: { ...CUT, header: "Балл для «4»", synonyms: ["Балл для 4", "Отметка 4 от", "Cut 4", "Mark 4 from"], note: "наименьший балл для отметки «4»" },
    cut5: { ...CUT, header: "Балл для «5»", synonyms: ["Балл для 5", "Отметка 5 от", "Cut 5", "Mark 5 from"], note: "наименьший балл для отметки «5»" },
    year: { ...YEAR, required: false, nullable: true, note: "год, к которому относится строка; пусто — все годы без своей строки" },
  },
};

/** Headers that templates add for people and that are ignored without a note. */
export const SILENT_HEADERS: readonly string[] = ["№", "№ п/п", "N", "Примечание", "Комментарий", "Пример", "Note", "Comment"];

/** All input sheets in the order the template writes them. */
export const INPUT_SHEETS: readonly SheetDef<unknown>[] = [SCHOOLS_SHEET, RESULTS_SHEET, SCORES_SHEET, SCALES_SHEET, MUNICIPAL_INDICATORS_SHEET, RISK_PROFILE_SHEET as SheetDef<unknown>];
