/**
 * `analyse` reads the attainment levels from the one count of the score rows and identifies the
 * earlier years from the statistics it has counted, without copying the input year by year. Here
 * it is checked against the straightforward composition it replaced: `identify` per year on the
 * input cut to that year, and the levels counted row by row (tests/engine/helpers/
 * attainmentReference.ts) — the same result, value for value, on generated regions with journal
 * marks, under every preset.
 */
import { analyse } from "../../src/engine/analyse";
import { handOver } from "../../src/engine/handover";
import { identify } from "../../src/engine/identify";
import { PRESET_IDS, PRESETS, type Methodology } from "../../src/engine/methodology";
import { monitorWith } from "../../src/engine/monitoring/monitor";
import type { IdentificationInput } from "../../src/engine/types";
import { prng, seededShuffle, syntheticRegion } from "../../bench/syntheticRegion";
import { attainment as referenceAttainment } from "./helpers/attainmentReference";

function referenceAnalyse(input: IdentificationInput, m: Methodology): ReturnType<typeof analyse> {
  const monitoring = monitorWith(input, m, identify);
  const latest = identify(input, m);
  const levels = referenceAttainment(input.scores, input.scales, m.parameters);
  const schools = latest.schools.map((s) => ({ ...s, basicOrAboveShare: levels.basicOrAboveLatest.get(s.id) ?? null }));
  return handOver({ ...latest, schools, dynamics: monitoring.dynamics, monitoring: monitoring.monitoring, levels }, input, m);
}

/** JSON with the Maps spelled out, every number to the last bit. */
function plain(r: ReturnType<typeof analyse>): string {
  return JSON.stringify(r, (_k, v: unknown) => (v instanceof Map ? [...(v as Map<unknown, unknown>).entries()] : v));
}

function withJournalMarks(input: IdentificationInput, seed: number): IdentificationInput {
  const rnd = prng(seed);
  return { ...input, scores: input.scores.map((r) => (rnd() < 0.4 ? { ...r, journalMark: 2 + Math.floor(rnd() * 4), mark: rnd() < 0.2 ? 3 : null } : r)) };
}

describe("analyse: one count of the rows gives what identifying year by year and counting levels row by row gives", () => {
  it.each([
    [50, 25_000, 5],
    [60, 30_000, 9],
  ])("%i schools, %i score rows, seed %i, every preset", (schools, scoreRows, seed) => {
    const { input } = syntheticRegion({ schools, scoreRows, seed });
    const marked = withJournalMarks(input, seed);
    for (const id of PRESET_IDS) {
      const fast = analyse(marked, PRESETS[id]);
      const slow = referenceAnalyse(marked, PRESETS[id]);
      if (plain(fast) !== plain(slow)) expect(fast).toStrictEqual(slow);
      // Not vacuous: several years, levels and journal comparisons are there.
      expect(fast.dynamics.region.length).toBeGreaterThan(1);
      expect(fast.levels.schools.length).toBeGreaterThan(schools);
    }
    const shuffled = { ...marked, scores: seededShuffle(marked.scores, seed) };
    expect(plain(analyse(shuffled, PRESETS.kbr))).toBe(plain(referenceAnalyse(shuffled, PRESETS.kbr)));
  });
});
