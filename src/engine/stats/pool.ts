/**
 * A procedure at a school in a year from its grades (SPEC.md §2 `procedureUnit`): the grades
 * pooled, weighted by their participants — or each grade a unit of its own with
 * `procedureUnit = procedureGrade` ("ВПР 5 кл.").
 */
import type { MethodologyParameters } from "../methodology";
import type { GradeStat, ProcedureStat } from "../procedureStats";
import type { GradePart } from "./gradeStats";
import { cmp } from "./order";

const SEP = "\u0001";

/** The parts grouped by school × year × unit. */
function byUnit(parts: Iterable<GradePart>, p: Pick<MethodologyParameters, "procedureUnit">): Map<string, { unit: string; parts: GradePart[] }> {
  const groups = new Map<string, { unit: string; parts: GradePart[] }>();
  for (const g of parts) {
    const unit = p.procedureUnit === "procedureGrade" ? `${g.procedure} ${g.gradeStat.grade} кл.` : g.procedure;
    const k = g.schoolId + SEP + g.year + SEP + unit;
    const entry = groups.get(k);
    if (entry === undefined) groups.set(k, { unit, parts: [g] });
    else entry.parts.push(g);
  }
  return groups;
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

function pooled(unit: string, parts: GradePart[]): ProcedureStat {
  if (parts.length > 1) parts.sort((a, b) => a.gradeStat.grade - b.gradeStat.grade);
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
  const stats: ProcedureStat[] = [];
  for (const { unit, parts: group } of byUnit(parts, p).values()) stats.push(pooled(unit, group));
  return stats.sort((a, b) => cmp(a.schoolId, b.schoolId) || a.year - b.year || cmp(a.procedure, b.procedure));
}
