import { KBR_PARAMETERS, procedureStats } from "../../src/engine";
import { agg, scale, score } from "./helpers/builders";

const russian = scale("ОГЭ", 9, "Русский язык", { minScore: 14, maxScore: 40, highScore: 30 }); // B_min 16
const maths = scale("ОГЭ", 9, "Математика", { minScore: 7, maxScore: 20, highScore: 15 }); // B_min 8

const abc = [
  score("S1", 2025, "ОГЭ", 9, "A", "Русский язык", 20),
  score("S1", 2025, "ОГЭ", 9, "A", "Математика", 5),
  score("S1", 2025, "ОГЭ", 9, "B", "Русский язык", 30),
  score("S1", 2025, "ОГЭ", 9, "B", "Математика", 9),
  score("S1", 2025, "ОГЭ", 9, "C", "Русский язык", 10),
  score("S1", 2025, "ОГЭ", 9, "C", "Математика", 12),
];

describe("procedureStats", () => {
  it("counts a participant below B_min in at least one mass subject (SPEC §10: 2/3)", () => {
    const { stats } = procedureStats([], abc, [russian, maths], KBR_PARAMETERS);
    expect(stats).toHaveLength(1);
    const s = stats[0]!;
    expect(s.participants).toBe(3);
    expect(s.low).toBeCloseTo(2 / 3, 12);
    expect(s.fromParticipants).toBe(true);
  });

  it("ignores subjects that are not mass in the procedure low index (SPEC §10: 1/3)", () => {
    const { stats } = procedureStats([], abc, [{ ...russian, mass: false }, maths], KBR_PARAMETERS);
    expect(stats[0]!.low).toBeCloseTo(1 / 3, 12);
  });

  it("takes the high index of the procedure as the share with at least one subject at or above B_top", () => {
    // Russian B_top 30: B has 30; maths B_top 15: nobody. → 1/3
    const { stats } = procedureStats([], abc, [russian, maths], KBR_PARAMETERS);
    expect(stats[0]!.high).toBeCloseTo(1 / 3, 12);
  });

  it("pools the mass index over subjects by participants", () => {
    // Russian B_mid (16+30)/2 = 23: B (30) → 1; maths B_mid (8+15)/2 = 11.5: C (12) → 1. 2 of 6 subject results.
    const { stats } = procedureStats([], abc, [russian, maths], KBR_PARAMETERS);
    expect(stats[0]!.mass).toBeCloseTo(2 / 6, 12);
    expect(stats[0]!.meanScore).toBeCloseTo((20 + 5 + 30 + 9 + 10 + 12) / 6, 12);
  });

  it("ignores aggregated rows of a key that has participant rows but keeps their grade size", () => {
    const rows = [agg("S1", 2025, "ОГЭ", 9, "Математика", 50, 40, { gradeSize: 4 })];
    const { stats } = procedureStats(rows, abc, [russian, maths], KBR_PARAMETERS);
    expect(stats).toHaveLength(1);
    expect(stats[0]!.participants).toBe(3);
    expect(stats[0]!.low).toBeCloseTo(2 / 3, 12);
    expect(stats[0]!.participation).toBeCloseTo(3 / 4, 12);
  });

  it("reads aggregated rows: mass index pooled over subject results, low and high from the largest subject share (SPEC §2 v2)", () => {
    const rows = [
      agg("S2", 2025, "ВПР", 5, "Математика", 20, 5, { atLeastMid: 10, atLeastTop: 2, gradeSize: 25 }),
      agg("S2", 2025, "ВПР", 5, "Русский язык", 30, 3, { atLeastMid: 12, atLeastTop: 6, gradeSize: 25 }),
    ];
    const { stats } = procedureStats(rows, [], [scale("ВПР", 5, "Математика"), scale("ВПР", 5, "Русский язык")], KBR_PARAMETERS);
    const s = stats[0]!;
    expect(s.procedure).toBe("ВПР 5 кл.");
    expect(s.participants).toBe(30);
    // Without procedure-level counts: the largest mass-subject share, 5/20 (maths) vs 3/30.
    expect(s.low).toBeCloseTo(5 / 20, 12);
    expect(s.mass).toBeCloseTo(22 / 50, 12);
    expect(s.massResults).toBe(50);
    // The largest subject share of high results: 6/30 (Russian) vs 2/20.
    expect(s.high).toBeCloseTo(6 / 30, 12);
    expect(s.participation).toBeCloseTo(30 / 25, 12);
    expect(s.fromParticipants).toBe(false);
    expect(s.approximate).toBe(true);
  });

  it("takes the procedure-level counts of a row «все» when given (SPEC §2 v2)", () => {
    const rows = [
      agg("S2", 2025, "ВПР", 5, "Математика", 20, 5, { atLeastMid: 10, atLeastTop: 2, gradeSize: 25 }),
      agg("S2", 2025, "ВПР", 5, "Русский язык", 30, 3, { atLeastMid: 12, atLeastTop: 6, gradeSize: 25 }),
      agg("S2", 2025, "ВПР", 5, "Все", 32, null, { procedureLow: 7, procedureHigh: 8, procedureBelowScaleMin: 4 }),
    ];
    const { stats, issues } = procedureStats(rows, [], [scale("ВПР", 5, "Математика"), scale("ВПР", 5, "Русский язык")], KBR_PARAMETERS);
    const s = stats[0]!;
    expect(issues).toEqual([]);
    expect(s.participants).toBe(32);
    expect(s.low).toBeCloseTo(7 / 32, 12);
    expect(s.high).toBeCloseTo(8 / 32, 12);
    expect(s.belowScaleMin).toBeCloseTo(4 / 32, 12);
    expect(s.mass).toBeCloseTo(22 / 50, 12);
    expect(s.approximate).toBe(false);
    expect(s.subjects.map((x) => x.subject)).toEqual(["Математика", "Русский язык"]);
  });

  it("counts only mass subjects in the aggregated low index", () => {
    const rows = [
      agg("S2", 2025, "ВПР", 5, "Математика", 20, 2),
      agg("S2", 2025, "ВПР", 5, "История", 10, 9),
    ];
    const { stats } = procedureStats(rows, [], [scale("ВПР", 5, "Математика"), scale("ВПР", 5, "История", { mass: false })], KBR_PARAMETERS);
    expect(stats[0]!.low).toBeCloseTo(2 / 20, 12);
  });

  it("reads each year with its own scale row (SPEC §1 `Год`)", () => {
    // B_min = 7 + 0.05 × 20 = 8 in 2024; = 9 + 0.05 × 20 = 10 in 2025 (a row without year).
    const scales = [scale("ВПР", 5, "Математика", { year: 2024 }), scale("ВПР", 5, "Математика", { minScore: 9 })];
    const rows = ["a", "b"].flatMap((id) => [score("S1", 2024, "ВПР", 5, id, "Математика", 9), score("S1", 2025, "ВПР", 5, id, "Математика", 9)]);
    const { stats } = procedureStats([], rows, scales, KBR_PARAMETERS);
    expect(stats.map((s) => [s.year, s.low])).toEqual([
      [2024, 0],
      [2025, 1],
    ]);
  });

  it("keeps grades apart by default and pools them with procedureUnit = procedure", () => {
    const rows = [agg("S3", 2025, "ВПР", 4, "Математика", 10, 1), agg("S3", 2025, "ВПР", 5, "Математика", 30, 9)];
    const scales = [scale("ВПР", 4, "Математика"), scale("ВПР", 5, "Математика")];
    const apart = procedureStats(rows, [], scales, KBR_PARAMETERS).stats;
    expect(apart.map((s) => [s.procedure, s.participants, s.low])).toEqual([
      ["ВПР 4 кл.", 10, 0.1],
      ["ВПР 5 кл.", 30, 0.3],
    ]);
    const pooled = procedureStats(rows, [], scales, { ...KBR_PARAMETERS, procedureUnit: "procedure" }).stats;
    expect(pooled).toHaveLength(1);
    expect(pooled[0]!.procedure).toBe("ВПР");
    expect(pooled[0]!.participants).toBe(40);
    expect(pooled[0]!.low).toBeCloseTo((0.1 * 10 + 0.3 * 30) / 40, 12);
  });

  it("leaves an index undefined, not zero, where there are no participants", () => {
    const { stats } = procedureStats([agg("S4", 2025, "ВПР", 5, "Математика", 0, 0)], [], [scale("ВПР", 5, "Математика")], KBR_PARAMETERS);
    expect(stats[0]!.participants).toBe(0);
    expect(stats[0]!.low).toBeNull();
    expect(stats[0]!.mass).toBeNull();
  });

  it("derives marks from the cut-offs where the mark is not given, and prefers a given mark", () => {
    const rows = [
      score("S5", 2025, "ВПР", 5, "P1", "Математика", 7), // 2 by cut-off
      score("S5", 2025, "ВПР", 5, "P2", "Математика", 14), // 4 by cut-off
      score("S5", 2025, "ВПР", 5, "P3", "Математика", 14, 2), // given 2
    ];
    const { stats } = procedureStats([], rows, [scale("ВПР", 5, "Математика")], KBR_PARAMETERS);
    const sub = stats[0]!.subjects[0]!;
    expect(sub.mark2).toBe(2);
    expect(sub.marks45).toBe(1);
    expect(sub.marked).toBe(3);
  });

  it("reports scores without a scale row once and leaves them out", () => {
    const rows = [score("S6", 2025, "ВПР", 6, "P1", "Химия", 3), score("S6", 2025, "ВПР", 6, "P2", "Химия", 4)];
    const { stats, issues } = procedureStats([], rows, [], KBR_PARAMETERS);
    expect(stats).toHaveLength(0);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe("engine.noScale");
    expect(issues[0]!.message).toContain("Химия");
  });
});
