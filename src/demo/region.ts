/**
 * A deterministic demo region: schools in municipalities with Russian-looking names, their
 * social indicators, and three years of ВПР (4–8), ОГЭ (9) and ЕГЭ (11) participant scores.
 *
 * Pure: no files, no clock, no Math.random, so the browser can build the same demo as the CLI.
 * Each school × year draws from its own seeded generator, so the score rows can be streamed
 * (generated twice, written once) without holding them in memory.
 *
 * The data is made to exercise every rule: school results follow ИСБ plus noise (so the
 * regression has something to find), a few schools are persistently weak (ШНОР), a few inflate
 * their ВПР results or under-report participation (signs of non-objectivity), rural schools
 * are smaller, further away and less equipped.
 *
 * It also answers the optional monitoring inputs of seeds 001 and 002: the monitoring columns of
 * `Школы` (teachers, their diagnostics and support, the schools' programmes, weak pupils) and
 * the sheet `Мониторинг МО` (each municipality's yes/no answers, every year). Those draw from
 * generators of their own, so adding them left the schools and the scores as they were.
 */
import type { SchoolMonitoring } from "../engine/types";
import { NETWORK_COMMUNITIES, PEDAGOGICAL_LANDING, YES_NO_INDICATORS } from "../engine/monitoring/definitions";
import { MUNICIPAL_INDICATORS_SHEET, SCHOOL_MONITORING_COLUMNS, SCHOOL_MONITORING_FIELDS } from "../schema/monitoringSheets";
import { RISK_PROFILE_SHEET } from "../schema/riskProfileSheet";
import { SCHOOLS_SHEET } from "../schema/sheets";
import type { CellValue } from "../schema/raw";
import { CITY_NAMES, DISTRICTS, VILLAGE_KINDS, villageName } from "./names";
import { clamp, logistic, Random, round1 } from "./prng";
import { cutsOf, DEMO_SCALES, findScale, type DemoScale } from "./scales";

export interface DemoOptions {
  readonly seed?: number;
  readonly schools?: number;
  readonly municipalities?: number;
  readonly years?: readonly number[];
  /** Multiplies every grade's size (1 = realistic sizes of a rural-heavy region). */
  readonly pupilScale?: number;
}

export const DEFAULT_DEMO_OPTIONS = {
  seed: 20250630,
  schools: 600,
  municipalities: 30,
  years: [2023, 2024, 2025],
  pupilScale: 1,
} as const;

export type SchoolKind = "СОШ" | "ООШ" | "Гимназия" | "Лицей";

export interface DemoSchool {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  readonly locality: "город" | "село";
  readonly kind: SchoolKind;
  readonly enrollment: number;
  readonly parentsHigherEd: number;
  readonly singleParent: number;
  readonly registered: number;
  readonly hardToReach: boolean;
  readonly nearestSchoolKm: number;
  readonly nonNativeShare: number;
  readonly disabledShare: number;
  readonly teacherVacancies: number;
  readonly qualifiedTeachersShare: number;
  readonly hasPsychologist: boolean;
  readonly hasSocialPedagogue: boolean;
  readonly hasDefectologist: boolean;
  readonly stableInternet: boolean;
  readonly computersPer100: number;
  readonly continuedTo10Share: number;
  readonly olympiadShare: number;
  /** Latent school effect on pupils' ability (logit units). */
  readonly effect: number;
  /** Inflates its ВПР results (a sign of non-objectivity to find). */
  readonly inflates: boolean;
  /** Under-reports ВПР participation (another sign). */
  readonly lowParticipation: boolean;
  /** Pupils per grade, index = grade (0 unused); 0 where the school has no such grade. */
  readonly gradeSizes: readonly number[];
  /** The optional monitoring columns of `Школы` (latest year); `null` is an empty cell. */
  readonly monitoring: DemoMonitoring;
  /**
   * The three resources of seed 001 §1.2.5 in the year before the latest (a second row of
   * `Школы`); `null` for the few schools without that row.
   */
  readonly previousYear: DemoPreviousYear | null;
}

/** A school's internet, computers and vacancies a year earlier; every other cell as in the latest year. */
export interface DemoPreviousYear {
  readonly stableInternet: boolean;
  readonly computersPer100: number;
  readonly teacherVacancies: number;
}

/** Every monitoring field of a school, `null` where the school left the cell empty. */
export type DemoMonitoring = { readonly [K in keyof SchoolMonitoring]-?: Exclude<SchoolMonitoring[K], undefined> };

/** A sheet of the input workbook: header, which columns are text, rows on demand. */
export interface DemoSheet {
  readonly name: string;
  readonly header: readonly string[];
  /** 0-based columns written as text ("@"), e.g. codes with leading zeros. */
  readonly textColumns: readonly number[];
  rows(): Iterable<CellValue[]>;
}

export interface DemoRegion {
  readonly options: Required<DemoOptions>;
  readonly schools: readonly DemoSchool[];
  readonly sheets: readonly DemoSheet[];
}

export const SCHOOLS_HEADER: readonly string[] = [
  "Код ОО",
  "Наименование",
  "Муниципалитет",
  "Местность",
  "Численность обучающихся",
  "Дв, %",
  "Дн, %",
  "Ду, %",
  "Труднодоступная местность",
  "Расстояние до ближайшей ОО, км",
  "Доля с неродным русским языком, %",
  "Доля обучающихся с ОВЗ, %",
  "Вакансии педагогов",
  "Доля педагогов высшей и первой категории, %",
  "Педагог-психолог",
  "Социальный педагог",
  "Дефектолог",
  "Устойчивый интернет",
  "Компьютеров на 100 обучающихся",
  "Продолжили обучение в 10 классе, %",
  "Участники олимпиад за 3 года, %",
  // The optional monitoring columns, in the template's order and with its headers.
  ...SCHOOL_MONITORING_FIELDS.map((f) => SCHOOL_MONITORING_COLUMNS[f].header),
  // The optional year of a row: the latest year's rows, then the year before's (seed 001 §1.2.5).
  SCHOOLS_SHEET.columns.year.header,
];

/** Number of the SPEC's columns of `Школы` before the monitoring ones. */
export const SCHOOLS_SPEC_COLUMNS = SCHOOLS_HEADER.length - SCHOOL_MONITORING_FIELDS.length - 1;

/** The 0-based column of `Год` on `Школы` (the last one). */
export const SCHOOLS_YEAR_COLUMN = SCHOOLS_HEADER.length - 1;

/** `Мониторинг МО`: municipality × indicator × year → да/нет. */
export const MUNICIPAL_MONITORING_HEADER: readonly string[] = [
  MUNICIPAL_INDICATORS_SHEET.columns.municipality.header,
  MUNICIPAL_INDICATORS_SHEET.columns.indicator.header,
  MUNICIPAL_INDICATORS_SHEET.columns.year.header,
  MUNICIPAL_INDICATORS_SHEET.columns.value.header,
  MUNICIPAL_INDICATORS_SHEET.columns.count.header,
];

/** Only what the scores cannot tell: the grade size, for participation (counts come from Баллы). */
export const RESULTS_HEADER: readonly string[] = ["Код ОО", "Год", "Процедура", "Класс", "Предмет", "Участников", "Численность параллели"];

export const SCORES_HEADER: readonly string[] = ["Код ОО", "Год", "Процедура", "Класс", "Код участника", "Предмет", "Балл", "Отметка", "Отметка по журналу"];

export const SCALES_HEADER: readonly string[] = [
  "Процедура",
  "Класс",
  "Предмет",
  "Минимальный балл",
  "Максимальный балл",
  "Высокий балл",
  "Массовый",
  "Балл для «3»",
  "Балл для «4»",
  "Балл для «5»",
];

const yes = (b: boolean): string => (b ? "да" : "нет");

interface Municipality {
  readonly name: string;
  readonly city: boolean;
  /** Town of a city district or a district's centre. */
  readonly town: string;
  /** Share of pupils with non-native Russian (a national district has many). */
  readonly nonNativeBase: number;
}

function municipalities(count: number, rng: Random): Municipality[] {
  const cities = Math.max(1, Math.round(count * 0.27));
  const out: Municipality[] = [];
  for (let i = 0; i < count; i++) {
    const round = i < cities ? Math.floor(i / CITY_NAMES.length) : Math.floor((i - cities) / DISTRICTS.length);
    const suffix = round === 0 ? "" : `-${round + 1}`;
    if (i < cities) {
      const town = (CITY_NAMES[i % CITY_NAMES.length] as string) + suffix;
      out.push({ name: `городской округ ${town}`, city: true, town, nonNativeBase: rng.chance(0.2) ? 12 : 3 });
    } else {
      const d = DISTRICTS[(i - cities) % DISTRICTS.length] as (typeof DISTRICTS)[number];
      const national = rng.chance(0.25);
      out.push({ name: `${d.district}${suffix} муниципальный район`, city: false, town: d.town + suffix, nonNativeBase: national ? 45 : 4 });
    }
  }
  return out;
}

/** Generate the demo region. Same options, same region. */
export function generateDemoRegion(options: DemoOptions = {}): DemoRegion {
  const opts: Required<DemoOptions> = { ...DEFAULT_DEMO_OPTIONS, ...options };
  const rng = Random.derive(opts.seed, 1);
  const munis = municipalities(opts.municipalities, rng);
  const schools = makeSchools(opts, munis, rng);
  const sheets: DemoSheet[] = [
    { name: "Школы", header: SCHOOLS_HEADER, textColumns: [0, 1, 2, 3], rows: () => schoolRows(schools, opts.years) },
    { name: "Результаты", header: RESULTS_HEADER, textColumns: [0, 2, 4], rows: () => resultRows(schools, opts) },
    { name: "Баллы", header: SCORES_HEADER, textColumns: [0, 2, 4, 5], rows: () => scoreRows(schools, opts) },
    { name: "Шкалы", header: SCALES_HEADER, textColumns: [0, 2], rows: () => scaleRows() },
    {
      name: MUNICIPAL_INDICATORS_SHEET.name,
      header: MUNICIPAL_MONITORING_HEADER,
      textColumns: [0, 1, 3],
      rows: () => municipalMonitoringRows(munis, opts),
    },
    { name: RISK_PROFILE_SHEET.name, header: RISK_PROFILE_HEADER, textColumns: [0, 1, 2, 3, 4, 5], rows: () => riskProfileRows(schools, opts.seed) },
  ];
  return { options: opts, schools, sheets };
}

function makeSchools(opts: Required<DemoOptions>, munis: readonly Municipality[], rng: Random): DemoSchool[] {
  // Cities hold about a third of the schools; districts the rest, mostly rural.
  const weights = munis.map((m) => (m.city ? 1.6 : 1) * (0.6 + rng.next() * 0.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(3, Math.floor((w / total) * opts.schools)));
  let sum = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; sum < opts.schools; i = (i + 1) % counts.length, sum++) counts[i] = (counts[i] as number) + 1;
  while (sum > opts.schools) {
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest] = (counts[largest] as number) - 1;
    sum--;
  }

  const schools: DemoSchool[] = [];
  let village = 0;
  munis.forEach((m, mi) => {
    const n = counts[mi] as number;
    const townSchools = m.city ? n : Math.min(n - 1, rng.int(2, 5));
    let townNumber = 1;
    for (let k = 0; k < n; k++) {
      const index = schools.length;
      const r = Random.derive(opts.seed, 2, index);
      const id = `${String(mi + 1).padStart(2, "0")}${String(k + 1).padStart(3, "0")}`;
      const urban = k < townSchools;
      let kind: SchoolKind;
      let name: string;
      let enrollment: number;
      let small = false;
      if (urban) {
        const roll = r.next();
        kind = roll < 0.1 ? "Гимназия" : roll < 0.17 ? "Лицей" : "СОШ";
        const num = townNumber++;
        const ownership = r.chance(0.25) ? "МАОУ" : "МБОУ";
        name = kind === "СОШ" ? `${ownership} СОШ № ${num} г. ${m.town}` : `${ownership} «${kind} № ${num}» г. ${m.town}`;
        enrollment = Math.round(clamp(Math.exp(r.normal(Math.log(m.city ? 180 : 160), 0.4)), 100, 650));
      } else {
        small = r.chance(0.55);
        kind = small ? (r.chance(0.6) ? "ООШ" : "СОШ") : r.chance(0.85) ? "СОШ" : "ООШ";
        const place = `${r.pick(VILLAGE_KINDS)} ${villageName(village++)}`;
        name = `${r.chance(0.7) ? "МКОУ" : "МБОУ"} ${kind} ${place}`;
        enrollment = small ? r.int(14, 99) : Math.round(clamp(Math.exp(r.normal(Math.log(125), 0.2)), 100, 260));
      }
      const rural = !urban;
      const hardToReach = rural && r.chance(small ? 0.22 : 0.08);
      const nearestSchoolKm = urban
        ? round1(0.4 + r.next() * 3)
        : round1(hardToReach ? 30 + r.next() * 45 : clamp(Math.exp(r.normal(Math.log(small ? 14 : 9), 0.6)), 2, 60));
      const parentsHigherEd = round1(clamp(rural ? r.normal(9, 5) : r.normal(kind === "СОШ" ? 21 : 33, 8), 0, 75));
      const singleParent = round1(clamp(rural ? r.normal(28, 7) : r.normal(24, 6), 3, 70));
      const registered = round1(clamp(Math.exp(r.normal(Math.log(rural ? 4 : 3), 0.6)), 0, 30));
      const swi = clamp(85 + parentsHigherEd - singleParent - registered, 0, 100);
      const weak = r.chance(0.03);
      const effect = 0.035 * (swi - 70) + r.normal(0, 0.9) - (weak ? 0.9 : 0) + (kind === "Гимназия" || kind === "Лицей" ? 0.35 : 0);
      const nonNativeShare = round1(clamp(r.normal(m.nonNativeBase, m.nonNativeBase * 0.5 + 1), 0, 98));
      const topGrade = kind === "ООШ" ? 9 : 11;
      const base = enrollment / (topGrade === 11 ? 10.1 : 9);
      const gradeSizes = [0];
      for (let g = 1; g <= 11; g++) {
        if (g > topGrade) gradeSizes.push(0);
        else {
          const senior = g >= 10 ? 0.55 : 1;
          gradeSizes.push(Math.max(1, Math.round(base * senior * opts.pupilScale * (0.85 + r.next() * 0.3))));
        }
      }
      const specialistOdds = urban ? 0.9 : small ? 0.35 : 0.6;
      const school: Omit<DemoSchool, "monitoring" | "previousYear"> = {
        index,
        id,
        name,
        municipality: m.name,
        locality: urban ? "город" : "село",
        kind,
        enrollment,
        parentsHigherEd,
        singleParent,
        registered,
        hardToReach,
        nearestSchoolKm,
        nonNativeShare,
        disabledShare: round1(clamp(r.normal(rural ? 5 : 3.5, 2), 0, 25)),
        teacherVacancies: r.chance(rural ? 0.25 : 0.2) ? r.int(1, urban ? 4 : 3) : 0,
        qualifiedTeachersShare: round1(clamp(r.normal(rural ? 42 : 62, 12), 5, 100)),
        hasPsychologist: r.chance(specialistOdds),
        hasSocialPedagogue: r.chance(specialistOdds - 0.1),
        hasDefectologist: r.chance(specialistOdds - 0.35),
        stableInternet: r.chance(urban ? 0.98 : hardToReach ? 0.6 : 0.92),
        computersPer100: round1(clamp(r.normal(urban ? 18 : small ? 17 : 13, 4), 1, 60)),
        continuedTo10Share: round1(clamp(r.normal(rural ? 74 : 77, 6) + 4 * effect, 5, 100)),
        olympiadShare: round1(clamp(Math.exp(r.normal(Math.log(urban ? 6 : 2.5), 0.8)), 0, 60)),
        effect,
        inflates: r.chance(0.035),
        lowParticipation: r.chance(0.03),
        gradeSizes,
      };
      schools.push({
        ...school,
        monitoring: { ...schoolMonitoring(school, urban, Random.derive(opts.seed, 5, index)), ...supportAnswers(school, Random.derive(opts.seed, 7, index)) },
        previousYear: previousYear(school, urban, Random.derive(opts.seed, 11, index)),
      });
    }
  });
  return schools;
}

/**
 * The school a year before the latest, from a generator of its own (so nothing else moves): a
 * few schools, rural ones more often, were short of resources and have since caught up — no
 * stable internet then, far fewer computers, more vacancies; the others had about what they have
 * now. About one school in 30 has no earlier row.
 */
function previousYear(s: Omit<DemoSchool, "monitoring" | "previousYear">, urban: boolean, r: Random): DemoPreviousYear | null {
  if (r.chance(0.03)) return null;
  const caughtUp = r.chance(urban ? 0.1 : 0.3);
  return {
    stableInternet: s.stableInternet && !r.chance(caughtUp ? 0.7 : 0.02),
    computersPer100: round1(clamp(caughtUp ? s.computersPer100 * (0.35 + 0.3 * r.next()) : s.computersPer100 - Math.abs(r.normal(0.8, 0.8)), 1, 60)),
    teacherVacancies: s.teacherVacancies + (r.chance(caughtUp ? 0.7 : 0.08) ? r.int(1, 2) : 0),
  };
}

/** `p` of «да», or `null` (an empty cell) now and then. */
function answer(r: Random, p: number, blank = 0.015): boolean | null {
  const empty = r.chance(blank);
  const yes = r.chance(clamp(p, 0, 1));
  return empty ? null : yes;
}

/** Part of a count: about `share` of `whole`, never more than `whole`. */
function partOf(r: Random, whole: number, share: number): number {
  return Math.min(whole, Math.max(0, Math.round(whole * clamp(share + r.normal(0, 0.08), 0, 1))));
}

const NO_MONITORING: DemoMonitoring = Object.fromEntries(SCHOOL_MONITORING_FIELDS.map((f) => [f, null])) as unknown as DemoMonitoring;

/**
 * A school's monitoring answers. Support follows need: the weaker the school's results
 * (`effect`), the likelier a curator, a ШППКО, diagnostics and ИОМ of its teachers and more weak
 * pupils; a deficit is likelier resolved where it is small. About 1 school in 100 did not answer.
 */
type SupportFields = "seminarParticipation" | "dpoTraining" | "webinarParticipation";

function schoolMonitoring(s: Omit<DemoSchool, "monitoring" | "previousYear">, urban: boolean, r: Random): Omit<DemoMonitoring, SupportFields> {
  if (r.chance(0.01)) return NO_MONITORING;
  // 0 for a strong school, towards 1 for a weak one.
  const need = logistic(-2 * (s.effect + 0.6));
  const teachers = Math.max(s.kind === "ООШ" ? 5 : 7, Math.round((s.enrollment / 12) * (0.85 + r.next() * 0.3)));
  const weakPupils = Math.round(s.enrollment * clamp(0.04 + 0.14 * logistic(-1.5 * s.effect) + r.normal(0, 0.02), 0.01, 0.4));
  const hasIndividualCurricula = answer(r, 0.55 + 0.3 * need);
  const risks = (s.stableInternet ? 0 : 1) + (s.computersPer100 < 10 ? 1 : 0) + (s.teacherVacancies > 0 ? 1 : 0);
  const maybe = (n: number): number | null => (r.chance(0.01) ? null : n);
  const teachersDiagnosed = maybe(partOf(r, teachers, 0.35 + 0.35 * need));
  // §1.2.3 by kind, derived without drawing, so that the rest of the demo stays as it was.
  const ofDiagnosed = (f: number): number | null => (teachersDiagnosed === null ? null : Math.round(teachersDiagnosed * f));
  return {
    teachers,
    teachersDiagnosed,
    teachersDiagnosedSubject: ofDiagnosed(1),
    teachersDiagnosedMethodical: ofDiagnosed(0.6),
    teachersDiagnosedPsychological: ofDiagnosed(0.4),
    teachersSupported: maybe(partOf(r, teachers, 0.25 + 0.4 * need)),
    teachersInNetworks: maybe(partOf(r, teachers, 0.15 + 0.15 * need)),
    teachersInMethodicalActive: maybe(partOf(r, teachers, 0.04 + 0.04 * (urban ? 1 : 0))),
    teachersWithIom: maybe(partOf(r, teachers, 0.2 + 0.4 * need)),
    inQualityEvents: answer(r, 0.55 + 0.4 * need),
    hasCurator: answer(r, 0.1 + 0.8 * need),
    hasQualityProgramme: answer(r, 0.2 + 0.75 * need),
    hasFailurePrevention: answer(r, 0.75 + 0.2 * need),
    hasIndividualCurricula,
    hasTutoring: answer(r, (urban ? 0.45 : 0.3) + 0.2 * need),
    risksRemoved: answer(r, risks <= 1 ? 0.85 : 0.2),
    teacherDeficitResolved: answer(r, s.teacherVacancies === 0 ? 0.85 : 0.35),
    equipmentDeficitResolved: answer(r, s.stableInternet && s.computersPer100 >= 10 ? 0.85 : 0.35),
    weakPupils: maybe(weakPupils),
    weakPupilsWithIom: maybe(partOf(r, weakPupils, hasIndividualCurricula === true ? 0.7 : 0.25)),
    weakPupilsInExtraClasses: maybe(partOf(r, weakPupils, 0.75)),
  };
}

/** `Профиль рисков`: seed 004's factors 8–12, which only the 500+ questionnaires give. */
export const RISK_PROFILE_FACTORS = ["careerGuidance", "wellbeing", "teacherEngagement", "motivation", "parents"] as const;
export const RISK_PROFILE_HEADER: readonly string[] = [RISK_PROFILE_SHEET.columns.schoolId.header, ...RISK_PROFILE_FACTORS.map((id) => RISK_PROFILE_SHEET.columns[id].header)];

/**
 * A 500+ profile per school, from a generator of its own: each factor's level is likelier high
 * the weaker the school; about one school in 50 has no profile (no row).
 */
function* riskProfileRows(schools: readonly DemoSchool[], seed: number): Iterable<CellValue[]> {
  for (const s of schools) {
    const r = Random.derive(seed, 9, s.index);
    if (r.chance(0.02)) continue;
    const need = logistic(-2 * (s.effect + 0.6));
    yield [
      s.id,
      ...RISK_PROFILE_FACTORS.map(() => {
        const x = r.next() - 0.35 * need;
        return x < 0.03 ? "высокий" : x < 0.3 ? "средний" : x < 0.7 ? "низкий" : "нет риска";
      }),
    ];
  }
}

/**
 * Seed 002 №4, 5, 7: the school's part in the region's support of ШНОР (seminar, targeted ДПО,
 * webinars), likelier the weaker the school; from a generator of its own, so nothing else moves.
 */
function supportAnswers(s: Omit<DemoSchool, "monitoring" | "previousYear">, r: Random): Pick<DemoMonitoring, SupportFields> {
  const need = logistic(-2 * (s.effect + 0.6));
  return {
    seminarParticipation: answer(r, 0.3 + 0.65 * need),
    dpoTraining: answer(r, 0.15 + 0.5 * need),
    webinarParticipation: answer(r, 0.35 + 0.6 * need),
  };
}

/**
 * `Мониторинг МО`: every municipality answers every yes/no indicator in every year. An answer
 * once «да» mostly stays so and a «нет» often turns «да», so the latest year is mostly «да».
 */
function* municipalMonitoringRows(munis: readonly Municipality[], opts: Required<DemoOptions>): Iterable<CellValue[]> {
  const years = [...opts.years].sort((a, b) => a - b);
  for (const [mi, m] of munis.entries()) {
    const r = Random.derive(opts.seed, 6, mi);
    for (const ind of YES_NO_INDICATORS) {
      let value = r.chance(0.65);
      for (const [yi, year] of years.entries()) {
        if (yi > 0) value = value ? r.chance(0.96) : r.chance(0.6);
        yield [m.name, ind.name, year, yes(value), null];
      }
    }
  }
  yield* regionalIndicatorRows(munis, years, opts.seed);
}

/**
 * Seed 002 №6 and №8 on `Мониторинг МО`, from a generator of their own: «Педагогический десант»
 * (about a fifth of the municipalities a year) and the municipality's network communities
 * (0–1, a few more each year).
 */
function* regionalIndicatorRows(munis: readonly Municipality[], years: readonly number[], seed: number): Iterable<CellValue[]> {
  for (const [mi, m] of munis.entries()) {
    const r = Random.derive(seed, 8, mi);
    for (const [yi, year] of years.entries()) {
      yield [m.name, PEDAGOGICAL_LANDING.name, year, yes(r.chance(0.2)), null];
      yield [m.name, NETWORK_COMMUNITIES.name, year, null, r.chance(0.15 + 0.1 * yi) ? 1 : 0];
    }
  }
}

/**
 * `Школы`: every school in the latest year (with its monitoring answers), then the year before's
 * rows of the schools that have one (the three resources of that year, no monitoring answers).
 */
function* schoolRows(schools: readonly DemoSchool[], years: readonly number[]): Iterable<CellValue[]> {
  const [before, latest] = [...years].sort((a, b) => a - b).slice(-2);
  if (latest === undefined) {
    // One year: every row is of that year.
    for (const s of schools) yield [...schoolCells(s), ...SCHOOL_MONITORING_FIELDS.map((f) => cell(s.monitoring[f])), before ?? null];
    return;
  }
  for (const s of schools) yield [...schoolCells(s), ...SCHOOL_MONITORING_FIELDS.map((f) => cell(s.monitoring[f])), latest];
  for (const s of schools) {
    if (s.previousYear === null) continue;
    yield [...schoolCells({ ...s, ...s.previousYear }), ...SCHOOL_MONITORING_FIELDS.map(() => null), before ?? null];
  }
}

function cell(v: boolean | number | null): CellValue {
  return typeof v === "boolean" ? yes(v) : v;
}

/** The SPEC's columns of a school's row of `Школы`. */
function schoolCells(s: Omit<DemoSchool, "monitoring" | "previousYear">): CellValue[] {
  return [
    s.id,
    s.name,
    s.municipality,
    s.locality,
    s.enrollment,
    s.parentsHigherEd,
    s.singleParent,
    s.registered,
    yes(s.hardToReach),
    s.nearestSchoolKm,
    s.nonNativeShare,
    s.disabledShare,
    s.teacherVacancies,
    s.qualifiedTeachersShare,
    yes(s.hasPsychologist),
    yes(s.hasSocialPedagogue),
    yes(s.hasDefectologist),
    yes(s.stableInternet),
    s.computersPer100,
    s.continuedTo10Share,
    s.olympiadShare,
  ];
}

function* scaleRows(): Iterable<CellValue[]> {
  for (const s of DEMO_SCALES) {
    yield [s.procedure, s.grade, s.subject, s.minScore, s.maxScore, s.highScore, yes(s.mass), s.cut3, s.cut4, s.cut5];
  }
}

/** One participant's score in one subject. */
export interface DemoScore {
  readonly procedure: "ВПР" | "ОГЭ" | "ЕГЭ";
  readonly grade: number;
  readonly participant: string;
  readonly subject: string;
  readonly score: number;
  readonly mark: number | null;
  /** ВПР only: the journal mark the procedure mark is compared with (SPEC §4 `raisedVsJournal`). */
  readonly journalMark: number | null;
}

/** Mean ЕГЭ test score of a subject at an average school. */
const EGE_MEAN: Readonly<Record<string, number>> = {
  "Русский язык": 68,
  "Математика профильная": 55,
  Обществознание: 56,
  Физика: 54,
  Биология: 51,
  Химия: 54,
  История: 55,
  Информатика: 57,
  "Английский язык": 69,
  Литература: 63,
  География: 59,
};

const VPR_SUBJECTS: readonly string[] = ["Русский язык", "Математика"];

const OGE_ELECTIVES: readonly (readonly [string, number])[] = [
  ["Обществознание", 0.5],
  ["Информатика", 0.35],
  ["География", 0.35],
  ["Биология", 0.3],
  ["Химия", 0.1],
  ["Физика", 0.1],
  ["Английский язык", 0.1],
  ["История", 0.05],
];

const EGE_ELECTIVES: readonly (readonly [string, number])[] = [
  ["Обществознание", 0.45],
  ["Биология", 0.2],
  ["Физика", 0.15],
  ["История", 0.15],
  ["Информатика", 0.15],
  ["Химия", 0.12],
  ["Английский язык", 0.1],
  ["Литература", 0.05],
  ["География", 0.03],
];

function weightedPick(r: Random, items: readonly (readonly [string, number])[], k: number): string[] {
  const pool = [...items];
  const out: string[] = [];
  while (out.length < k && pool.length > 0) {
    const total = pool.reduce((a, [, w]) => a + w, 0);
    let x = r.next() * total;
    let i = 0;
    for (; i < pool.length - 1; i++) {
      x -= (pool[i] as readonly [string, number])[1];
      if (x < 0) break;
    }
    out.push((pool[i] as readonly [string, number])[0]);
    pool.splice(i, 1);
  }
  return out;
}

function markOf(scale: DemoScale, score: number): number | null {
  const cuts = cutsOf(scale);
  if (cuts === null) return null;
  const [c3, c4, c5] = cuts;
  return score >= c5 ? 5 : score >= c4 ? 4 : score >= c3 ? 3 : 2;
}

/** Logit offset of a subject so that an average pupil lands between the «3» and «4» cut-offs. */
function subjectOffset(scale: DemoScale): number {
  const [c3, c4] = cutsOf(scale) ?? [scale.minScore, scale.highScore];
  const target = clamp((c3 + c4) / 2 / scale.maxScore + 0.2, 0.05, 0.95);
  return Math.log(target / (1 - target));
}

function primaryScore(r: Random, scale: DemoScale, ability: number): number {
  const p = logistic(subjectOffset(scale) + 0.8 * ability);
  let score = 0;
  for (let i = 0; i < scale.maxScore; i++) if (r.next() < p) score++;
  return score;
}

/** Which pupils (1…size) miss the procedure, so that participation is close to `rate`, not a coin toss. */
function absentees(r: Random, size: number, rate: number): Set<number> {
  const count = Math.round(size * (1 - rate));
  const all = Array.from({ length: size }, (_, i) => i + 1);
  return new Set(r.sample(all, count));
}

/**
 * A pupil's journal mark: mostly the procedure mark, a step lower or higher now and then; at a
 * school that marks ВПР above the journal, a step lower four times in ten.
 */
function journalOf(r: Random, mark: number | null, raises: boolean): number | null {
  if (mark === null) return null;
  const x = r.next();
  const lower = raises ? 0.4 : 0.12;
  if (x < lower) return Math.max(2, mark - 1);
  if (x < lower + 0.1) return Math.min(5, mark + 1);
  return mark;
}

function bMin(scale: DemoScale): number {
  return scale.minScore + 0.05 * scale.maxScore;
}

/** Grade sizes of one year (cohorts differ a little from year to year). */
export function gradeSizesIn(school: DemoSchool, year: number, seed: number): number[] {
  const r = Random.derive(seed, 3, school.index, year);
  return school.gradeSizes.map((g) => (g === 0 ? 0 : Math.max(1, Math.round(g * (0.92 + r.next() * 0.16)))));
}

/**
 * Every score of one school in one year, in a fixed order (procedure, grade, participant,
 * subject). Depends only on the seed, the school and the year.
 */
export function schoolYearScores(school: DemoSchool, year: number, years: readonly number[], seed: number): DemoScore[] {
  const r = Random.derive(seed, 4, school.index, year);
  const sizes = gradeSizesIn(school, year, seed);
  const yearEffect = school.effect + r.normal(0, 0.12) + 0.04 * (years.indexOf(year) - 1);
  const out: DemoScore[] = [];
  // ФИС ОКО style: a code within the school, class number then the pupil's number ("20017").
  const pid = (_grade: number, n: number): string => `${1 + Math.floor((n - 1) / 25)}${String(n).padStart(4, "0")}`;

  // ВПР, grades 4–8: the mass subjects (Russian, maths), which define the procedure's low index.
  // The other ВПР subjects are in Шкалы but left out of the scores to keep the demo small.
  const vprRate = school.lowParticipation ? 0.62 + r.next() * 0.1 : 0.88 + r.next() * 0.1;
  // Signs 3 and 4 of SPEC §4, from streams of their own so that every other score stays as it was:
  // a few schools mark ВПР above the journal, a few pull scores just below «3» up to the cut.
  const habits = Random.derive(seed, 8, school.index);
  const raises = habits.chance(0.04);
  // A weaker school that pulls its failing pupils up to exactly the score for «3».
  const peaks = habits.chance(Math.max(...school.gradeSizes) >= 22 ? 0.25 : 0.01);
  const rv = Random.derive(seed, 9, school.index, year);
  for (let grade = 4; grade <= 8; grade++) {
    const size = sizes[grade] ?? 0;
    const subjects = VPR_SUBJECTS;
    const absent = absentees(r, size, vprRate);
    for (let n = 1; n <= size; n++) {
      const ability = yearEffect + r.normal(0, 1);
      if (absent.has(n)) continue;
      for (const subject of subjects) {
        const scale = findScale("ВПР", grade, subject);
        let score = primaryScore(r, scale, school.inflates ? ability + 1.1 : peaks ? ability - 0.8 : ability);
        if (school.inflates) score = Math.max(score, Math.min(scale.maxScore, Math.ceil(bMin(scale)) + r.int(0, 2)));
        const cut3 = cutsOf(scale)?.[0];
        if (peaks && cut3 !== undefined && score < cut3 && rv.chance(0.9)) score = cut3;
        const mark = markOf(scale, score);
        out.push({ procedure: "ВПР", grade, participant: pid(grade, n), subject, score, mark, journalMark: journalOf(rv, mark, raises) });
      }
    }
  }

  // ОГЭ, grade 9: Russian, maths and two electives.
  const absent9 = absentees(r, sizes[9] ?? 0, 0.985);
  for (let n = 1; n <= (sizes[9] ?? 0); n++) {
    const ability = yearEffect + r.normal(0, 1);
    if (absent9.has(n)) continue;
    for (const subject of ["Русский язык", "Математика", ...weightedPick(r, OGE_ELECTIVES, 2)]) {
      const scale = findScale("ОГЭ", 9, subject);
      const score = primaryScore(r, scale, ability);
      out.push({ procedure: "ОГЭ", grade: 9, participant: pid(9, n), subject, score, mark: markOf(scale, score), journalMark: null });
    }
  }

  // ЕГЭ, grade 11: Russian, maths at the profile or basic level, one or two electives.
  const absent11 = absentees(r, sizes[11] ?? 0, 0.98);
  for (let n = 1; n <= (sizes[11] ?? 0); n++) {
    const ability = yearEffect + r.normal(0.2, 1);
    if (absent11.has(n)) continue;
    const profile = r.chance(clamp(0.25 + 0.3 * logistic(ability), 0, 0.9));
    const subjects = ["Русский язык", profile ? "Математика профильная" : "Математика базовая", ...weightedPick(r, EGE_ELECTIVES, r.chance(0.6) ? 2 : 1)];
    for (const subject of subjects) {
      const scale = findScale("ЕГЭ", 11, subject);
      const score =
        scale.maxScore === 100
          ? Math.round(clamp(r.normal((EGE_MEAN[subject] ?? 55) + 13 * (ability - 0.2), 9), 0, 100))
          : primaryScore(r, scale, ability);
      out.push({ procedure: "ЕГЭ", grade: 11, participant: pid(11, n), subject, score, mark: markOf(scale, score), journalMark: null });
    }
  }
  return out;
}

function* scoreRows(schools: readonly DemoSchool[], opts: Required<DemoOptions>): Iterable<CellValue[]> {
  for (const year of opts.years) {
    for (const s of schools) {
      for (const x of schoolYearScores(s, year, opts.years, opts.seed)) {
        yield [s.id, year, x.procedure, x.grade, x.participant, x.subject, x.score, x.mark, x.journalMark];
      }
    }
  }
}

/**
 * One aggregated row per school × year × procedure × grade × subject with the participants and
 * the grade size: participation needs the grade size, which only this sheet carries; every
 * other count comes from the scores.
 */
function* resultRows(schools: readonly DemoSchool[], opts: Required<DemoOptions>): Iterable<CellValue[]> {
  for (const year of opts.years) {
    for (const s of schools) {
      const sizes = gradeSizesIn(s, year, opts.seed);
      const groups = new Map<string, { procedure: string; grade: number; subject: string; n: number }>();
      for (const x of schoolYearScores(s, year, opts.years, opts.seed)) {
        const k = `${x.procedure}\u0000${x.grade}\u0000${x.subject}`;
        const g = groups.get(k);
        if (g) g.n++;
        else groups.set(k, { procedure: x.procedure, grade: x.grade, subject: x.subject, n: 1 });
      }
      for (const g of groups.values()) yield [s.id, year, g.procedure, g.grade, g.subject, g.n, sizes[g.grade] ?? null];
    }
  }
}
