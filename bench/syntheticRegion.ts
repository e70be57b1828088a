/**
 * A synthetic region for the engine benchmark: deterministic (seeded PRNG, no clock), shaped like a
 * real one — many small rural schools and fewer large urban ones, ВПР in grades 4–8, ОГЭ in 9 and
 * ЕГЭ in 11 over three years, subjects and scales with mark cut-offs close to the 2024 ФИПИ / ФИОКО
 * specifications, pupils' scores driven by the school's social well-being.
 *
 * Grade sizes are scaled so that the `Баллы` sheet has exactly `scoreRows` participant-subject rows
 * (the last pupil may lose a subject or two to hit the number).
 *
 * @example
 * const { input, summary } = syntheticRegion({ schools: 2000, scoreRows: 1_000_000 });
 * identify(input, PRESETS.kbr);
 */
import type { AggregatedResult, IdentificationInput, ParticipantScore, Scale, School } from "../src/engine/types";

export interface SyntheticOptions {
  readonly schools?: number;
  readonly scoreRows?: number;
  readonly years?: readonly number[];
  readonly seed?: number;
}

export interface SyntheticSummary {
  readonly schools: number;
  readonly scoreRows: number;
  readonly resultRows: number;
  readonly scaleRows: number;
  readonly participants: number;
  readonly meanGradeSize: number;
  readonly years: readonly number[];
}

/** Fisher–Yates with `prng(seed)`: the same permutation on every machine. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const rnd = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** mulberry32: small, fast, good enough for synthetic data, and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviate (Box–Muller) from a uniform source. */
function normal(rnd: () => number): number {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

interface SubjectDef {
  readonly subject: string;
  readonly max: number;
  /** Minimum score of the specification; for ВПР and ОГЭ the score for «3», for ЕГЭ the minimum test score. */
  readonly min: number;
  readonly top: number;
  readonly cuts: readonly [number, number, number] | null;
  readonly mass: boolean;
  /** Difficulty: higher is harder. */
  readonly hard: number;
}

interface UnitDef {
  readonly procedure: "ВПР" | "ОГЭ" | "ЕГЭ";
  readonly grade: number;
  /** Taken by every participant. */
  readonly core: readonly SubjectDef[];
  /** Each participant takes `choose` of these. */
  readonly electives: readonly SubjectDef[];
  readonly choose: number;
}

const s = (subject: string, max: number, cuts: readonly [number, number, number] | null, mass: boolean, hard = 0, min?: number, top?: number): SubjectDef => ({
  subject,
  max,
  min: min ?? cuts?.[0] ?? 0,
  top: top ?? cuts?.[2] ?? Math.round(max * 0.85),
  cuts,
  mass,
  hard,
});

export const UNITS: readonly UnitDef[] = [
  { procedure: "ВПР", grade: 4, core: [s("Русский язык", 38, [14, 24, 33], true), s("Математика", 20, [6, 10, 14], true), s("Окружающий мир", 32, [8, 18, 27], true)], electives: [], choose: 0 },
  {
    procedure: "ВПР",
    grade: 5,
    core: [s("Русский язык", 45, [18, 29, 38], true), s("Математика", 20, [7, 11, 15], true)],
    electives: [s("История", 15, [4, 8, 12], false), s("Биология", 29, [12, 18, 24], false)],
    choose: 2,
  },
  {
    procedure: "ВПР",
    grade: 6,
    core: [s("Русский язык", 51, [25, 34, 45], true, 0.1), s("Математика", 20, [6, 10, 14], true, 0.1)],
    electives: [s("История", 20, [6, 11, 16], false), s("Обществознание", 23, [8, 14, 20], false), s("Биология", 28, [11, 17, 23], false), s("География", 37, [10, 20, 30], false)],
    choose: 2,
  },
  {
    procedure: "ВПР",
    grade: 7,
    core: [s("Русский язык", 47, [20, 29, 39], true, 0.2), s("Математика", 19, [7, 12, 16], true, 0.2)],
    electives: [s("История", 25, [7, 14, 20], false), s("Физика", 18, [5, 8, 12], false, 0.2), s("Биология", 28, [10, 17, 23], false), s("Английский язык", 30, [13, 20, 26], false, 0.3)],
    choose: 2,
  },
  {
    procedure: "ВПР",
    grade: 8,
    core: [s("Русский язык", 51, [22, 34, 45], true, 0.2), s("Математика", 25, [8, 13, 19], true, 0.3)],
    electives: [s("Химия", 33, [9, 18, 27], false, 0.2), s("Физика", 18, [5, 9, 13], false, 0.2), s("История", 25, [7, 14, 20], false), s("Обществознание", 25, [9, 15, 21], false)],
    choose: 2,
  },
  {
    procedure: "ОГЭ",
    grade: 9,
    core: [s("Русский язык", 33, [15, 23, 29], true), s("Математика", 31, [8, 15, 22], true, 0.2)],
    electives: [
      s("Обществознание", 37, [14, 24, 32], false),
      s("Биология", 48, [13, 24, 37], false),
      s("География", 31, [12, 19, 25], false),
      s("Информатика", 19, [5, 11, 17], false, 0.2),
      s("Химия", 40, [10, 20, 31], false, 0.3),
      s("Физика", 45, [11, 22, 34], false, 0.3),
      s("История", 37, [11, 19, 28], false),
      s("Английский язык", 68, [29, 46, 58], false, 0.3),
    ],
    choose: 2,
  },
  {
    procedure: "ЕГЭ",
    grade: 11,
    // Test scores 0–100: minimum test score of the year, high level from 81.
    core: [s("Русский язык", 100, null, true, -0.3, 24, 81)],
    electives: [
      s("Математика профильная", 100, null, false, 0.3, 27, 81),
      s("Обществознание", 100, null, false, 0.2, 42, 81),
      s("Биология", 100, null, false, 0.3, 36, 81),
      s("Химия", 100, null, false, 0.4, 36, 81),
      s("Физика", 100, null, false, 0.3, 36, 81),
      s("История", 100, null, false, 0.2, 32, 81),
      s("Информатика", 100, null, false, 0.3, 40, 81),
      s("Английский язык", 100, null, false, 0.1, 22, 81),
    ],
    choose: 2,
  },
];

const MUNICIPALITIES = [
  "г.о. Нальчик",
  "г.о. Баксан",
  "г.о. Прохладный",
  "Баксанский район",
  "Зольский район",
  "Лескенский район",
  "Майский район",
  "Прохладненский район",
  "Терский район",
  "Урванский район",
  "Чегемский район",
  "Черекский район",
  "Эльбрусский район",
  "Дербентский район",
  "Новолакский район",
  "Кизлярский район",
  "Хасавюртовский район",
  "Буйнакский район",
  "Каякентский район",
  "Ботлихский район",
];

function scalesOf(units: readonly UnitDef[]): Scale[] {
  const out: Scale[] = [];
  for (const u of units)
    for (const d of [...u.core, ...u.electives])
      out.push({
        procedure: u.procedure,
        grade: u.grade,
        subject: d.subject,
        minScore: d.min,
        maxScore: d.max,
        highScore: d.top,
        mass: d.mass,
        cut3: d.cuts?.[0] ?? null,
        cut4: d.cuts?.[1] ?? null,
        cut5: d.cuts?.[2] ?? null,
      });
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const maybe = <T>(rnd: () => number, value: T, missing = 0.05): T | null => (rnd() < missing ? null : value);

/** Schools, each with a latent quality that its pupils' scores follow. */
function makeSchools(n: number, rnd: () => number): { schools: School[]; quality: number[]; secondary: boolean[]; baseGrade: number[] } {
  const schools: School[] = [];
  const quality: number[] = [];
  const secondary: boolean[] = [];
  const baseGrade: number[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rnd();
    // 35 % small rural, 35 % rural, 30 % urban: the mix of a North Caucasus region.
    const rural = kind < 0.7;
    const enrollment = kind < 0.35 ? 20 + Math.floor(rnd() * 100) : rural ? 120 + Math.floor(rnd() * 300) : 400 + Math.floor(rnd() * 900);
    const wellBeing = normal(rnd) + (rural ? -0.4 : 0.4);
    const dv = clamp(round1(18 + 9 * wellBeing + 4 * normal(rnd)), 0, 80);
    const dn = clamp(round1(18 - 4 * wellBeing + 5 * normal(rnd)), 0, 70);
    const du = clamp(round1(3 - 1.2 * wellBeing + 2 * Math.abs(normal(rnd))), 0, 30);
    const id = `07${String(i + 1).padStart(4, "0")}`;
    schools.push({
      id,
      name: `МКОУ СОШ № ${i + 1}`,
      municipality: MUNICIPALITIES[Math.floor(rnd() * (rural ? MUNICIPALITIES.length : 3)) % MUNICIPALITIES.length] as string,
      locality: rural ? "село" : "город",
      enrollment,
      parentsHigherEd: maybe(rnd, dv, 0.02),
      singleParent: maybe(rnd, dn, 0.02),
      registered: maybe(rnd, du, 0.02),
      hardToReach: maybe(rnd, rural && rnd() < 0.12),
      nearestSchoolKm: maybe(rnd, round1(rural ? 2 + 40 * rnd() ** 2 : 0.5 + 3 * rnd())),
      nonNativeShare: maybe(rnd, round1(clamp(rural ? 60 * rnd() ** 2 : 10 * rnd(), 0, 100))),
      disabledShare: maybe(rnd, round1(8 * rnd())),
      teacherVacancies: maybe(rnd, rnd() < 0.3 ? 1 + Math.floor(rnd() * 4) : 0),
      qualifiedTeachersShare: maybe(rnd, round1(clamp(55 + 20 * normal(rnd), 0, 100))),
      hasPsychologist: maybe(rnd, rnd() < (rural ? 0.6 : 0.95)),
      hasSocialPedagogue: maybe(rnd, rnd() < (rural ? 0.5 : 0.9)),
      hasDefectologist: maybe(rnd, rnd() < (rural ? 0.2 : 0.6)),
      stableInternet: maybe(rnd, rnd() < (rural ? 0.8 : 0.99)),
      computersPer100: maybe(rnd, round1(clamp(12 + 6 * normal(rnd), 0, 60))),
      continuedTo10Share: maybe(rnd, round1(clamp(72 + 12 * normal(rnd), 0, 100))),
      olympiadShare: maybe(rnd, round1(clamp(3 + 2 * normal(rnd), 0, 30))),
    });
    quality.push(0.5 * wellBeing + 0.6 * normal(rnd));
    secondary.push(enrollment >= 60 && rnd() < 0.85);
    baseGrade.push(enrollment / 11);
  }
  return { schools, quality, secondary, baseGrade };
}

/** One score of a pupil of ability `a` on a subject: a logistic share of the maximum, in whole points. */
function scoreOf(d: SubjectDef, a: number, rnd: () => number): number {
  const p = 1 / (1 + Math.exp(-(1.1 * a - d.hard + 0.35 + 0.35 * normal(rnd))));
  return clamp(Math.round(p * d.max), 0, d.max);
}

/** Subjects per participant of a unit. */
const perPupil = (u: UnitDef) => u.core.length + Math.min(u.choose, u.electives.length);

/**
 * Builds the region. Deterministic for given options: the same seed gives the same rows on every
 * machine, so figures of two runs compare.
 */
export function syntheticRegion(options: SyntheticOptions = {}): { input: IdentificationInput; summary: SyntheticSummary } {
  const nSchools = options.schools ?? 2000;
  const target = options.scoreRows ?? 1_000_000;
  const years = options.years ?? [2023, 2024, 2025];
  const rnd = prng(options.seed ?? 20250601);

  const { schools, quality, secondary, baseGrade } = makeSchools(nSchools, rnd);
  const scales = scalesOf(UNITS);

  // Grade sizes: the school's size with ±20 % noise per year and grade, scaled to hit the target.
  const raw: number[] = [];
  let expected = 0;
  for (let i = 0; i < nSchools; i++)
    for (const _y of years)
      for (const u of UNITS) {
        const size = u.grade === 11 && !secondary[i] ? 0 : (baseGrade[i] as number) * (0.8 + 0.4 * rnd()) * (u.grade === 11 ? 0.55 : 1);
        raw.push(size);
        expected += size * perPupil(u);
      }
  const factor = target / expected;

  const scores: ParticipantScore[] = [];
  const results: AggregatedResult[] = [];
  let participants = 0;
  let gradeSum = 0;
  let grades = 0;
  let slot = 0;
  outer: for (let i = 0; i < nSchools; i++) {
    const school = schools[i] as School;
    for (const year of years) {
      const yearShift = 0.15 * normal(rnd);
      for (const u of UNITS) {
        const size = Math.round((raw[slot++] as number) * factor);
        if (size === 0) continue;
        // Most of the grade writes; a few schools write with a thin turnout (a non-objectivity sign).
        const turnout = rnd() < 0.03 ? 0.6 + 0.15 * rnd() : 0.85 + 0.15 * rnd();
        const writers = Math.max(1, Math.round(size * turnout));
        results.push({
          schoolId: school.id,
          year,
          procedure: u.procedure,
          grade: u.grade,
          subject: (u.core[0] as SubjectDef).subject,
          participants: writers,
          belowMin: null,
          atLeastMid: null,
          atLeastTop: null,
          meanScore: null,
          mark2: null,
          marks45: null,
          gradeSize: Math.max(size, writers),
        });
        gradeSum += writers;
        grades++;
        for (let k = 1; k <= writers; k++) {
          const participantId = `${school.id}-${year}-${u.grade}-${k}`;
          const ability = (quality[i] as number) + yearShift + normal(rnd);
          const chosen = [...u.core];
          const pool = [...u.electives];
          for (let c = 0; c < u.choose && pool.length > 0; c++) chosen.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0] as SubjectDef);
          participants++;
          for (const d of chosen) {
            scores.push({ schoolId: school.id, year, procedure: u.procedure, grade: u.grade, participantId, subject: d.subject, score: scoreOf(d, ability, rnd), mark: null, journalMark: null });
            if (scores.length >= target) break outer;
          }
        }
      }
    }
  }
  // Rounding may leave the rows a little short of the target: top up with more pupils of the last school.
  let extra = 0;
  const last = schools[nSchools - 1] as School;
  const topUp = UNITS[0] as UnitDef;
  while (scores.length < target) {
    const participantId = `${last.id}-extra-${++extra}`;
    participants++;
    for (const d of topUp.core) {
      if (scores.length >= target) break;
      scores.push({ schoolId: last.id, year: years[years.length - 1] as number, procedure: topUp.procedure, grade: topUp.grade, participantId, subject: d.subject, score: scoreOf(d, quality[nSchools - 1] as number, rnd), mark: null, journalMark: null });
    }
  }

  return {
    input: { schools, results, scores, scales },
    summary: {
      schools: schools.length,
      scoreRows: scores.length,
      resultRows: results.length,
      scaleRows: scales.length,
      participants,
      meanGradeSize: grades > 0 ? gradeSum / grades : 0,
      years,
    },
  };
}
