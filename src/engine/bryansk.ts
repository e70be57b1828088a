/**
 * Брянск preset's ШНОР rule (seed 004; SPEC.md §8): in each of the latest years present, at
 * least one of
 * - ЕГЭ: share below the minimum score ≥ regional P90 AND share scoring 61–100 ≤ P10;
 * - ОГЭ: share of "2" ≥ P90 AND share of "4" and "5" ≤ P10;
 * - ВПР: at least two subjects in which ≥ 30 % of the participants got "2".
 * The "highest" sides also require a share above zero: a region where nobody failed has no
 * school with "the highest share of failures".
 */
import { num, pct } from "./format";
import type { MethodologyParameters } from "./methodology";
import { percentileInc } from "./percentile";
import type { ProcedureStat, SubjectStat } from "./procedureStats";

export interface BryanskOutcome {
  /** Years checked, latest first. */
  readonly years: readonly number[];
  readonly fires: boolean;
  /** Per year: which criteria held, as Russian text (empty: none held). */
  readonly perYear: ReadonlyMap<number, readonly string[]>;
}

interface Pooled {
  schoolId: string;
  year: number;
  procedure: string;
  participants: number;
  nonObjective: boolean;
  subjects: SubjectStat[];
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

/**
 * @param stats procedure statistics of every school (any procedure unit)
 * @param nonObjective keys "schoolId|year|procedure" (unit) on a non-objectivity list
 */
export function bryanskRule(
  stats: readonly ProcedureStat[],
  nonObjective: ReadonlySet<string>,
  allYears: readonly number[],
  p: MethodologyParameters,
): Map<string, BryanskOutcome> {
  const years = [...allYears].sort((a, b) => b - a).slice(0, Math.max(0, p.bryanskYears));
  const pooled = new Map<string, Pooled>();
  for (const s of stats) {
    const k = `${s.schoolId}|${s.year}|${s.baseProcedure}`;
    let e = pooled.get(k);
    if (e === undefined) {
      e = { schoolId: s.schoolId, year: s.year, procedure: s.baseProcedure, participants: 0, nonObjective: false, subjects: [] };
      pooled.set(k, e);
    }
    e.participants += s.participants;
    e.subjects.push(...s.subjects);
    if (nonObjective.has(`${s.schoolId}|${s.year}|${s.procedure}`)) e.nonObjective = true;
  }
  const usable = [...pooled.values()].filter((e) => e.participants >= p.minParticipants && !(p.excludeNonObjective && e.nonObjective));

  const held = new Map<string, Map<number, string[]>>();
  const note = (schoolId: string, year: number, text: string) => {
    let m = held.get(schoolId);
    if (m === undefined) held.set(schoolId, (m = new Map()));
    const list = m.get(year);
    if (list === undefined) m.set(year, [text]);
    else list.push(text);
  };

  for (const year of years) {
    const inYear = usable.filter((e) => e.year === year);
    // ЕГЭ
    const ege = inYear
      .filter((e) => e.procedure === "ЕГЭ")
      .map((e) => ({
        e,
        below: ratio(e.subjects, (s) => s.belowScaleMin, (s) => s.participants),
        high: ratio(e.subjects, (s) => s.highBand, (s) => s.participants),
      }));
    const egeBelowP = percentileInc(ege.flatMap((x) => (x.below === null ? [] : [x.below])), p.bryanskEgeBelowMinPercentile);
    const egeHighP = percentileInc(ege.flatMap((x) => (x.high === null ? [] : [x.high])), p.bryanskEgeHighPercentile);
    for (const x of ege) {
      if (x.below === null || x.high === null || egeBelowP === null || egeHighP === null) continue;
      if (x.below > 0 && x.below >= egeBelowP && x.high <= egeHighP)
        note(
          x.e.schoolId,
          year,
          `ЕГЭ ${year}: ниже минимального балла ${pct(x.below)} ≥ P${num(p.bryanskEgeBelowMinPercentile * 100, 0)} ${pct(egeBelowP)}, ` +
            `${p.bryanskEgeHighFrom}–100 баллов ${pct(x.high)} ≤ P${num(p.bryanskEgeHighPercentile * 100, 0)} ${pct(egeHighP)}`,
        );
    }
    // ОГЭ
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
      if (x.two === null || x.good === null || ogeTwoP === null || ogeGoodP === null) continue;
      if (x.two > 0 && x.two >= ogeTwoP && x.good <= ogeGoodP)
        note(
          x.e.schoolId,
          year,
          `ОГЭ ${year}: доля «2» ${pct(x.two)} ≥ P${num(p.bryanskOgeMark2Percentile * 100, 0)} ${pct(ogeTwoP)}, ` +
            `доля «4» и «5» ${pct(x.good)} ≤ P${num(p.bryanskOgeMarks45Percentile * 100, 0)} ${pct(ogeGoodP)}`,
        );
    }
    // ВПР
    for (const e of inYear.filter((x) => x.procedure === "ВПР")) {
      const failing = e.subjects.filter((s) => s.mark2 !== null && s.marked > 0 && s.mark2 / s.marked >= p.bryanskVprMark2Share);
      if (failing.length >= p.bryanskVprMinSubjects)
        note(
          e.schoolId,
          year,
          `ВПР ${year}: «2» получили не менее ${pct(p.bryanskVprMark2Share, 0)} участников по ${failing.length} предметам (` +
            failing.map((s) => `${s.subject}, ${s.grade} кл.`).join("; ") +
            ")",
        );
    }
  }

  const out = new Map<string, BryanskOutcome>();
  for (const [schoolId, perYear] of held) {
    const fires = years.length > 0 && years.every((y) => (perYear.get(y)?.length ?? 0) > 0);
    out.set(schoolId, { years, fires, perYear });
  }
  return out;
}
