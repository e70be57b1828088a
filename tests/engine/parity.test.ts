/**
 * SPEC.md §2 and §4 "Independent check": the same region given as «Баллы» (participant rows) and
 * as «Результаты» (aggregated rows, with the procedure-level counts of a row «все») gives the
 * same verdict school by school, under every preset.
 *
 * The aggregated form is built here from the participant rows by counting — its own code, not
 * the engine's accumulator. Two signs of §4 exist only at the participant level (the journal-mark
 * comparison and the peak at the score for «3»: no aggregated form carries them), so the check
 * runs with those two switched off.
 */
import { identify } from "../../src/engine/identify";
import { PRESET_IDS, PRESETS, type Methodology, type PresetId } from "../../src/engine/methodology";
import { markFromScore } from "../../src/engine/subjectIndices";
import { thresholds } from "../../src/engine/thresholds";
import { ALL_SUBJECTS, type AggregatedResult, type IdentificationInput, type ParticipantScore, type Scale } from "../../src/engine/types";
import { syntheticRegion } from "../../bench/syntheticRegion";

/** «Результаты» of a region, counted from its «Баллы»: subject rows and one row «все» per grade. */
function aggregatedFromScores(input: IdentificationInput, p: Methodology["parameters"]): AggregatedResult[] {
  const scaleOf = new Map<string, Scale>(input.scales.map((s) => [`${s.procedure}|${s.grade}|${s.subject}`, s]));
  const gradeSize = new Map<string, number | null>();
  for (const r of input.results) gradeSize.set(`${r.schoolId}|${r.year}|${r.procedure}|${r.grade}`, r.gradeSize);

  interface Subject {
    n: number;
    below: number;
    mid: number;
    top: number;
    belowScaleMin: number;
    highBand: number;
    sum: number;
    marked: number;
    mark2: number;
    marks45: number;
  }
  const subjects = new Map<string, Map<string, Subject>>();
  const pupils = new Map<string, Map<string, { low: boolean; high: boolean; belowScaleMin: boolean }>>();
  for (const r of input.scores) {
    const scale = scaleOf.get(`${r.procedure}|${r.grade}|${r.subject}`);
    if (scale === undefined) continue;
    const t = thresholds(scale, p.margin);
    const key = `${r.schoolId}|${r.year}|${r.procedure}|${r.grade}`;
    const bySubject = subjects.get(key) ?? new Map<string, Subject>();
    subjects.set(key, bySubject);
    const s = bySubject.get(r.subject) ?? { n: 0, below: 0, mid: 0, top: 0, belowScaleMin: 0, highBand: 0, sum: 0, marked: 0, mark2: 0, marks45: 0 };
    bySubject.set(r.subject, s);
    s.n++;
    s.sum += r.score;
    if (r.score < t.bMin) s.below++;
    if (r.score >= t.bMid) s.mid++;
    if (r.score >= t.bTop) s.top++;
    if (r.score < scale.minScore) s.belowScaleMin++;
    if (r.score >= p.bryanskEgeHighFrom) s.highBand++;
    const mark = r.mark ?? markFromScore(r.score, scale);
    if (mark !== null) {
      s.marked++;
      if (mark <= 2) s.mark2++;
      if (mark >= 4) s.marks45++;
    }
    const byPupil = pupils.get(key) ?? new Map<string, { low: boolean; high: boolean; belowScaleMin: boolean }>();
    pupils.set(key, byPupil);
    const pupil = byPupil.get(r.participantId) ?? { low: false, high: false, belowScaleMin: false };
    byPupil.set(r.participantId, pupil);
    if (scale.mass && r.score < t.bMin) pupil.low = true;
    if (r.score >= t.bTop) pupil.high = true;
    if (scale.mass && r.score < scale.minScore) pupil.belowScaleMin = true;
  }

  const out: AggregatedResult[] = [];
  for (const [key, bySubject] of subjects) {
    const [schoolId, year, procedure, grade] = key.split("|") as [string, string, string, string];
    const base = { schoolId, year: Number(year), procedure, grade: Number(grade), gradeSize: gradeSize.get(key) ?? null };
    for (const [subject, s] of bySubject)
      out.push({
        ...base,
        subject,
        participants: s.n,
        belowMin: s.below,
        atLeastMid: s.mid,
        atLeastTop: s.top,
        meanScore: s.sum / s.n,
        mark2: s.marked > 0 ? s.mark2 : null,
        marks45: s.marked > 0 ? s.marks45 : null,
        belowScaleMin: s.belowScaleMin,
        highBand: s.highBand,
      });
    const all = [...(pupils.get(key)?.values() ?? [])];
    out.push({
      ...base,
      subject: ALL_SUBJECTS,
      participants: all.length,
      belowMin: null,
      atLeastMid: null,
      atLeastTop: null,
      meanScore: null,
      mark2: null,
      marks45: null,
      procedureLow: all.filter((x) => x.low).length,
      procedureHigh: all.filter((x) => x.high).length,
      procedureBelowScaleMin: all.filter((x) => x.belowScaleMin).length,
    });
  }
  return out;
}

function withoutParticipantOnlySigns(id: PresetId): Methodology {
  const m = PRESETS[id];
  return { ...m, parameters: { ...m.parameters, nonObjRaisedVsJournal: false, nonObjBoundaryPeak: false } };
}

/** What the analyst reads of each school. */
function verdicts(input: IdentificationInput, m: Methodology) {
  return identify(input, m).schools.map((s) => ({
    id: s.id,
    category: s.category,
    shnorRules: s.shnorRules,
    shnsu: s.shnsu,
    group: s.group,
    nonObjectivityCount: s.nonObjectivityCount,
    lowResults: s.procedures.map((p) => `${p.year} ${p.procedure}: ${String(p.lowResults)}${p.nonObjective ? " listed" : ""}`),
  }));
}

describe("one verdict from either data form (SPEC §2)", () => {
  it.each([
    [40, 20_000, 1],
    [90, 60_000, 7],
    [150, 100_000, 42],
  ])("%i schools, %i score rows, seed %i: «Баллы» and «Результаты» with procedure-level counts agree school by school", (schools, scoreRows, seed) => {
    const { input } = syntheticRegion({ schools, scoreRows, seed });
    const fromScores: IdentificationInput = input;
    const fromResults: IdentificationInput = { ...input, scores: [] as ParticipantScore[], results: aggregatedFromScores(input, PRESETS.kbr.parameters) };
    for (const id of PRESET_IDS) {
      const m = withoutParticipantOnlySigns(id);
      const a = verdicts(fromScores, m);
      const b = verdicts(fromResults, m);
      expect({ preset: id, verdicts: b }).toEqual({ preset: id, verdicts: a });
      // Not a vacuous check: the region has ШНОР and listings to agree on.
      expect(a.some((s) => s.shnorRules.length > 0)).toBe(true);
    }
    const listed = verdicts(fromScores, withoutParticipantOnlySigns("kbr")).filter((s) => s.nonObjectivityCount > 0).length;
    expect(listed).toBeGreaterThan(0);
  });

  it("without the procedure-level counts the aggregated form is marked approximate", () => {
    const { input } = syntheticRegion({ schools: 20, scoreRows: 8_000, seed: 3 });
    const rows = aggregatedFromScores(input, PRESETS.kbr.parameters).filter((r) => r.subject !== ALL_SUBJECTS);
    const r = identify({ ...input, scores: [], results: rows }, PRESETS.kbr);
    const procedures = r.schools.flatMap((s) => s.procedures);
    expect(procedures.length).toBeGreaterThan(0);
    expect(procedures.every((p) => p.approximate && !p.fromParticipants)).toBe(true);
  });
});
