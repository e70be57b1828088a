/**
 * Брянск preset's ШНОР rule (seed 004; SPEC.md §8 with its "Version 2 corrections"): in each of
 * the three latest years — consecutive years present in the data — at least one of
 * - ЕГЭ: share below the minimum score ≥ regional P90 AND share scoring 61–100 ≤ P10;
 * - ОГЭ: share of "2" ≥ P90 AND share of "4" and "5" ≤ P10;
 * - ВПР: at least two distinct subjects in which ≥ 30 % of the participants got "2" (a subject
 *   written in two grades counts once, the worse grade decides).
 * The "highest" sides also require a share above zero. Every criterion looks at evaluated units
 * only; the percentile populations hold every evaluated unit, listed non-objective ones included,
 * but a unit left out as non-objective cannot fire. ЕГЭ needs the counts below the minimum and
 * of 61–100 (participant rows, or the «Результаты» columns): without them it is "не оценивался".
 */
import { num, pct } from "./format";
import type { MethodologyParameters } from "./methodology";
import { percentileInc } from "./percentile";
import type { ProcedureStat, SubjectStat } from "./procedureStats";
import type { Issue } from "./types";

export interface BryanskOutcome {
  /** Years checked, latest first. */
  readonly years: readonly number[];
  readonly fires: boolean;
  /** Fewer consecutive years than `bryanskYears`, and a criterion held in every one of them. */
  readonly candidate: boolean;
  /** Per year: which criteria held, as Russian text (empty: none held). */
  readonly perYear: ReadonlyMap<number, readonly string[]>;
  /** Per year: criteria that could not be checked for this school, as Russian text. */
  readonly notEvaluated: ReadonlyMap<number, readonly string[]>;
}

export interface BryanskResult {
  readonly bySchool: ReadonlyMap<string, BryanskOutcome>;
  /** The consecutive latest years checked, latest first. */
  readonly years: readonly number[];
  /** Fewer consecutive years than required: nothing fires, candidates are listed. */
  readonly short: boolean;
  readonly issues: readonly Issue[];
}

interface Pooled {
  schoolId: string;
  year: number;
  procedure: string;
  /** Every subject result of the evaluated units (the percentile population). */
  subjects: SubjectStat[];
  /** Subject results of the units not left out as non-objective (what may fire). */
  usable: SubjectStat[];
}

function ratio(subjects: readonly SubjectStat[], numPick: (s: SubjectStat) => number | null, denPick: (s: SubjectStat) => number): number | null {
  let n = 0;
  let d = 0;
  for (const s of subjects) {
    const v = numPick(s);
    if (v === null) continue;
    n += v;
    d += denPick(s);
  }
  return d > 0 ? n / d : null;
}

/** The latest years present that follow one another without a gap, latest first, at most `count`. */
export function consecutiveLatestYears(allYears: readonly number[], count: number): number[] {
  const sorted = [...new Set(allYears)].sort((a, b) => b - a);
  const out: number[] = [];
  for (const y of sorted) {
    if (out.length >= Math.max(0, count)) break;
    if (out.length > 0 && y !== (out[out.length - 1] as number) - 1) break;
    out.push(y);
  }
  return out;
}

/**
 * @param stats procedure statistics of every school (any procedure unit)
 * @param excluded keys "schoolId|year|unit" left out as non-objective (they cannot fire)
 */
export function bryanskRule(stats: readonly ProcedureStat[], excluded: ReadonlySet<string>, allYears: readonly number[], p: MethodologyParameters): BryanskResult {
  const years = consecutiveLatestYears(allYears, p.bryanskYears);
  const short = years.length < p.bryanskYears;
  const entries = pooledByBaseProcedure(stats, excluded, p);
  const notes: Notes = { held: new Map(), missing: new Map() };
  const issues: Issue[] = [];
  for (const year of years) {
    const inYear = entries.filter((e) => e.year === year);
    const egeIssue = egeCriterion(inYear, year, p, notes);
    if (egeIssue !== null) issues.push(egeIssue);
    ogeCriterion(inYear, year, p, notes);
    vprCriterion(inYear, year, p, notes);
  }
  const { held, missing } = notes;
  const bySchool = new Map<string, BryanskOutcome>();
  for (const schoolId of new Set([...held.keys(), ...missing.keys()])) {
    const perYear = held.get(schoolId) ?? new Map<number, string[]>();
    const every = years.length > 0 && years.every((y) => (perYear.get(y)?.length ?? 0) > 0);
    bySchool.set(schoolId, { years, fires: every && !short, candidate: every && short, perYear, notEvaluated: missing.get(schoolId) ?? new Map() });
  }
  return { bySchool, years, short, issues };
}

/** Texts by school and year: the criteria that held, and those that could not be evaluated. */
interface Notes {
  readonly held: Map<string, Map<number, string[]>>;
  readonly missing: Map<string, Map<number, string[]>>;
}

function note(target: Map<string, Map<number, string[]>>, schoolId: string, year: number, text: string): void {
  let m = target.get(schoolId);
  if (m === undefined) target.set(schoolId, (m = new Map()));
  const list = m.get(year);
  if (list === undefined) m.set(year, [text]);
  else list.push(text);
}

/** Each school's subjects per year and base procedure (grades pooled); `usable` leaves out the excluded units. */
function pooledByBaseProcedure(stats: readonly ProcedureStat[], excluded: ReadonlySet<string>, p: MethodologyParameters): Pooled[] {
  const pooled = new Map<string, Pooled>();
  for (const s of stats) {
    if (s.participants < p.minParticipants) continue;
    const k = `${s.schoolId}|${s.year}|${s.baseProcedure}`;
    let e = pooled.get(k);
    if (e === undefined) {
      e = { schoolId: s.schoolId, year: s.year, procedure: s.baseProcedure, subjects: [], usable: [] };
      pooled.set(k, e);
    }
    e.subjects.push(...s.subjects);
    if (!excluded.has(`${s.schoolId}|${s.year}|${s.procedure}`)) e.usable.push(...s.subjects);
  }
  return [...pooled.values()];
}

/** ЕГЭ: below the minimum score at or above its percentile while 61–100 is at or below its own; a warning where the counts are missing. */
function egeCriterion(inYear: readonly Pooled[], year: number, p: MethodologyParameters, notes: Notes): Issue | null {
  const ege = inYear
    .filter((e) => e.procedure === "ЕГЭ")
    .map((e) => ({
      e,
      below: ratio(e.subjects, (s) => s.belowScaleMin, (s) => s.participants),
      high: ratio(e.subjects, (s) => s.highBand, (s) => s.participants),
    }));
  const egeBelowP = percentileInc(ege.flatMap((x) => (x.below === null ? [] : [x.below])), p.bryanskEgeBelowMinPercentile);
  const egeHighP = percentileInc(ege.flatMap((x) => (x.high === null ? [] : [x.high])), p.bryanskEgeHighPercentile);
  let egeUnknown = 0;
  for (const x of ege) {
    if (x.below === null || x.high === null) {
      egeUnknown++;
      note(notes.missing, x.e.schoolId, year, `ЕГЭ ${year}: критерий не оценивался — нет числа участников ниже минимального балла и с 61–100 баллами`);
      continue;
    }
    if (x.e.usable.length !== x.e.subjects.length || egeBelowP === null || egeHighP === null) continue;
    if (x.below > 0 && x.below >= egeBelowP && x.high <= egeHighP)
      note(
        notes.held,
        x.e.schoolId,
        year,
        `ЕГЭ ${year}: ниже минимального балла ${pct(x.below)} ≥ P${num(p.bryanskEgeBelowMinPercentile * 100, 0)} ${pct(egeBelowP)}, ` +
          `${p.bryanskEgeHighFrom}–100 баллов ${pct(x.high)} ≤ P${num(p.bryanskEgeHighPercentile * 100, 0)} ${pct(egeHighP)}`,
      );
  }
  if (egeUnknown === 0) return null;
  return {
    severity: "warning",
    code: "engine.bryanskEgeNotEvaluated",
    sheet: "Результаты",
    cell: null,
    message: `Брянск, ЕГЭ ${year}: у ${egeUnknown} ОО нет столбцов «Ниже минимального балла» и «61–100 баллов» (или листа «Баллы») — критерий ЕГЭ для них не оценивался`,
  };
}

/** ОГЭ: the share of «2» at or above its percentile while «4» and «5» are at or below theirs. */
function ogeCriterion(inYear: readonly Pooled[], year: number, p: MethodologyParameters, notes: Notes): void {
  const oge = inYear
    .filter((e) => e.procedure === "ОГЭ")
    .map((e) => ({
      e,
      two: ratio(e.subjects, (s) => s.mark2, (s) => s.marked),
      good: ratio(e.subjects, (s) => s.marks45, (s) => s.marked),
    }));
  const ogeTwoP = percentileInc(oge.flatMap((x) => (x.two === null ? [] : [x.two])), p.bryanskOgeMark2Percentile);
  const ogeGoodP = percentileInc(oge.flatMap((x) => (x.good === null ? [] : [x.good])), p.bryanskOgeMarks45Percentile);
  for (const x of oge) {
    if (x.two === null || x.good === null || ogeTwoP === null || ogeGoodP === null || x.e.usable.length !== x.e.subjects.length) continue;
    if (x.two > 0 && x.two >= ogeTwoP && x.good <= ogeGoodP)
      note(
        notes.held,
        x.e.schoolId,
        year,
        `ОГЭ ${year}: доля «2» ${pct(x.two)} ≥ P${num(p.bryanskOgeMark2Percentile * 100, 0)} ${pct(ogeTwoP)}, ` +
          `доля «4» и «5» ${pct(x.good)} ≤ P${num(p.bryanskOgeMarks45Percentile * 100, 0)} ${pct(ogeGoodP)}`,
      );
  }
}

/** ВПР: distinct subjects; a subject written in two grades counts once, with its worse grade. */
function vprCriterion(inYear: readonly Pooled[], year: number, p: MethodologyParameters, notes: Notes): void {
  for (const e of inYear.filter((x) => x.procedure === "ВПР")) {
    const worst = new Map<string, { share: number; grade: number }>();
    for (const s of e.usable) {
      if (s.mark2 === null || s.marked <= 0) continue;
      const share = s.mark2 / s.marked;
      const w = worst.get(s.subject);
      if (w === undefined || share > w.share) worst.set(s.subject, { share, grade: s.grade });
    }
    const failing = [...worst.entries()].filter(([, w]) => w.share >= p.bryanskVprMark2Share);
    if (failing.length >= p.bryanskVprMinSubjects)
      note(
        notes.held,
        e.schoolId,
        year,
        `ВПР ${year}: «2» получили не менее ${pct(p.bryanskVprMark2Share, 0)} участников по ${failing.length} предметам (` +
          failing.map(([subject, w]) => `${subject}, ${w.grade} кл. — ${pct(w.share)}`).join("; ") +
          ")",
      );
  }
}
