/**
 * A procedure at a school in a year from its grades (SPEC.md §2 `procedureUnit`): the grades
 * pooled, weighted by their participants — or each grade a unit of its own with
 * `procedureUnit = procedureGrade` ("ВПР 5 кл.").
 */
import type { MethodologyParameters } from "../methodology";
import type { GradeStat, ProcedureStat } from "../procedureStats";
import type { GradePart } from "./gradeStats";
import { cmp } from "./order";

/** A part with the unit it pools into. */
interface UnitPart {
  readonly unit: string;
  readonly part: GradePart;
}

/**
 * The parts with their units, sorted by school, year, unit and grade: each unit's parts then lie
 * side by side, and the units come in the order of the statistics (no key string per part).
 */
function byUnit(parts: Iterable<GradePart>, p: Pick<MethodologyParameters, "procedureUnit">): UnitPart[] {
  const perGrade = p.procedureUnit === "procedureGrade";
  // "ВПР 5 кл.", made once per procedure and grade.
  const names = new Map<string, Map<number, string>>();
  const unitOf = (g: GradePart): string => {
    if (!perGrade) return g.procedure;
    let byGrade = names.get(g.procedure);
    if (byGrade === undefined) names.set(g.procedure, (byGrade = new Map()));
    const grade = g.gradeStat.grade;
    let name = byGrade.get(grade);
    if (name === undefined) byGrade.set(grade, (name = `${g.procedure} ${grade} кл.`));
    return name;
  };
  const out: UnitPart[] = [];
  for (const part of parts) out.push({ unit: unitOf(part), part });
  return out.sort(
    (a, b) =>
      cmp(a.part.schoolId, b.part.schoolId) || a.part.year - b.part.year || cmp(a.unit, b.unit) || a.part.gradeStat.grade - b.part.gradeStat.grade,
  );
}

/** {@link weightedShare} of the grades' shares by their participants, without its item objects. */
function share(grades: readonly GradeStat[], pick: (g: GradeStat) => number | null): number | null {
  let num = 0;
  let den = 0;
  for (const g of grades) {
    const s = pick(g);
    if (s === null || !(g.participants > 0)) continue;
    num += s * g.participants;
    den += g.participants;
  }
  return den > 0 ? num / den : null;
}

/** The parts of one unit, in grade order. */
function pooled(unit: string, parts: GradePart[]): ProcedureStat {
  const first = parts[0] as GradePart;
  const grades = parts.map((p) => p.gradeStat);
  let participants = 0;
  let sized = 0;
  let gradeSize = 0;
  let massResults = 0;
  let journalCompared = 0;
  let raisedVsJournal = 0;
  for (const g of grades) {
    participants += g.participants;
    massResults += g.massResults;
    journalCompared += g.journalCompared;
    raisedVsJournal += g.raisedVsJournal;
    if (g.gradeSize !== null && g.gradeSize > 0) {
      sized += g.participants;
      gradeSize += g.gradeSize;
    }
  }
  let scoreSum = 0;
  let scored = 0;
  for (const p of parts) {
    scoreSum += p.scoreSum;
    scored += p.scored;
  }
  return {
    schoolId: first.schoolId,
    year: first.year,
    procedure: unit,
    baseProcedure: first.procedure,
    participants,
    low: share(grades, (g) => g.low),
    mass: share(grades, (g) => g.mass),
    high: share(grades, (g) => g.high),
    participation: gradeSize > 0 ? sized / gradeSize : null,
    fromParticipants: grades.every((g) => g.fromParticipants),
    meanScore: scored > 0 ? scoreSum / scored : null,
    gradeSize: gradeSize > 0 ? gradeSize : null,
    belowScaleMin: share(grades, (g) => g.belowScaleMin),
    massResults,
    journalCompared,
    raisedVsJournal,
    approximate: grades.some((g) => g.approximate),
    grades,
    // A part's subjects are its own fresh array: one grade's is used as it is.
    subjects: parts.length === 1 ? first.subjects : parts.flatMap((p) => p.subjects),
  };
}

/** The procedure statistics of the grade parts, by school, year and unit. */
export function poolGrades(parts: Iterable<GradePart>, p: Pick<MethodologyParameters, "procedureUnit">): ProcedureStat[] {
  const sorted = byUnit(parts, p);
  const stats: ProcedureStat[] = [];
  for (let i = 0; i < sorted.length; ) {
    const { unit, part } = sorted[i] as UnitPart;
    const group = [part];
    let j = i + 1;
    for (; j < sorted.length; j++) {
      const next = sorted[j] as UnitPart;
      if (next.unit !== unit || next.part.year !== part.year || next.part.schoolId !== part.schoolId) break;
      group.push(next.part);
    }
    stats.push(pooled(unit, group));
    i = j;
  }
  return stats;
}
