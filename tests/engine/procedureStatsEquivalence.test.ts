/**
 * The one-pass `procedureStats` (typed-array counters, integer keys) against the straightforward
 * implementation it replaced, kept in tests/engine/helpers/procedureStatsReference.ts: the same
 * statistics, value for value, on generated regions in their own row order and shuffled, with
 * per-year scales, given and journal marks, participant numbers reused from grade to grade,
 * subjects without a scale, keys with aggregated rows only (with and without the «Все» row), and
 * both procedure units.
 */
import { PRESETS, type MethodologyParameters } from "../../src/engine/methodology";
import { procedureStats } from "../../src/engine/procedureStats";
import { ALL_SUBJECTS, type AggregatedResult, type IdentificationInput, type ParticipantScore, type Scale } from "../../src/engine/types";
import { prng, seededShuffle, syntheticRegion } from "../../bench/syntheticRegion";
import { procedureStats as reference } from "./helpers/procedureStatsReference";

function same(input: IdentificationInput, p: MethodologyParameters): ReturnType<typeof procedureStats> {
  const fast = procedureStats(input.results, input.scores, input.scales, p);
  const slow = reference(input.results, input.scores, input.scales, p);
  // JSON keeps every number to the last bit (shortest round-trip form); the deep comparison,
  // slow on thousands of statistics, only runs to show the difference.
  if (JSON.stringify(fast) !== JSON.stringify(slow)) expect(fast).toStrictEqual(slow);
  expect(fast.stats.length).toBe(slow.stats.length);
  return fast;
}

/** The awkward cases real exports bring, laid over a generated region. */
function awkward(input: IdentificationInput, seed: number): IdentificationInput {
  const rnd = prng(seed);
  const years = [...new Set(input.scores.map((r) => r.year))].sort();
  const latest = years[years.length - 1] as number;
  // One subject's scale differs in the latest year; another has rows for single years only, the first year missing.
  const first = input.scales[0] as Scale;
  const second = input.scales[1] as Scale;
  const scales: Scale[] = [
    ...input.scales.filter((s) => s !== second),
    { ...first, year: latest, minScore: first.minScore + 1, highScore: first.highScore - 1, mass: !first.mass },
    ...years.slice(1).map((year) => ({ ...second, year })),
  ];
  // Participants numbered within their grade ("1", "2", …): the same code in many keys and schools.
  const numbers = new Map<string, string>();
  const scores: ParticipantScore[] = input.scores.map((r) => {
    const local = numbers.get(r.participantId) ?? String(r.participantId.split("-").pop());
    numbers.set(r.participantId, local);
    const mark = rnd() < 0.1 ? 2 + Math.floor(rnd() * 4) : null;
    const journalMark = rnd() < 0.3 ? 2 + Math.floor(rnd() * 4) : null;
    return { ...r, participantId: local, mark, journalMark };
  });
  scores.push({ ...(scores[0] as ParticipantScore), subject: "Астрономия" }, { ...(scores[1] as ParticipantScore), grade: 3 });
  // Some keys come as aggregated rows only: with subject counts, half of them with a «Все» row.
  const aggregatedOnly = new Set(input.schools.filter(() => rnd() < 0.15).map((s) => s.id));
  const results: AggregatedResult[] = [...input.results];
  for (const r of input.results) {
    if (!aggregatedOnly.has(r.schoolId) || r.year !== latest) continue;
    const n = r.participants;
    const count = () => Math.floor(rnd() * (n + 1));
    results.push({ ...r, subject: "Предмет без шкалы", belowMin: count(), atLeastMid: count(), atLeastTop: count(), meanScore: 10 * rnd(), mark2: count(), marks45: count() });
    if (rnd() < 0.5) results.push({ ...r, subject: ALL_SUBJECTS, belowMin: null, atLeastMid: null, atLeastTop: null, meanScore: null, mark2: null, marks45: null, procedureLow: count(), procedureHigh: count(), procedureBelowScaleMin: count() });
    else results.push({ ...r, belowMin: count(), atLeastMid: count(), atLeastTop: count(), meanScore: 5 + 10 * rnd(), mark2: count(), marks45: null });
  }
  return {
    ...input,
    scales,
    results,
    scores: scores.filter((r) => !(aggregatedOnly.has(r.schoolId) && r.year === latest)),
  };
}

describe("procedureStats: the one-pass counters give what the straightforward count gives", () => {
  it.each([
    [40, 20_000, 1],
    [90, 60_000, 7],
  ])("%i schools, %i score rows, seed %i, rows in their order and shuffled, both procedure units", (schools, scoreRows, seed) => {
    const { input } = syntheticRegion({ schools, scoreRows, seed });
    const kbr = PRESETS.kbr.parameters;
    const out = same(input, kbr);
    expect(out.stats.length).toBeGreaterThan(schools);
    same({ ...input, scores: seededShuffle(input.scores, seed) }, kbr);
    same(input, { ...kbr, procedureUnit: kbr.procedureUnit === "procedureGrade" ? "procedure" : "procedureGrade" });
  });

  it.each([3, 11])("awkward input (seed %i): per-year scales, marks, reused participant numbers, missing scales, aggregated-only keys", (seed) => {
    const { input } = syntheticRegion({ schools: 60, scoreRows: 30_000, seed });
    const odd = awkward(input, seed);
    const p = { ...PRESETS.bryansk.parameters, procedureUnit: "procedureGrade" as const };
    const out = same(odd, p);
    // Not vacuous: the cases are there.
    expect(out.issues.length).toBeGreaterThanOrEqual(2);
    expect(out.stats.some((s) => !s.fromParticipants)).toBe(true);
    expect(out.stats.some((s) => s.journalCompared > 0)).toBe(true);
    same({ ...odd, scores: seededShuffle(odd.scores, seed + 1) }, p);
    same(odd, { ...p, procedureUnit: "procedure" });
  });
});
