/**
 * The hand-built region on which the four presets disagree, shared by the preset tests
 * (tests/engine/presets.test.ts) and the methodology comparison (tests/engine/compare.test.ts).
 */
import type { IdentificationInput, School } from "../../../src/engine";
import { agg, scale, schoolWithSwi } from "./builders";

/**
 * A region on which the four presets disagree (one year, 2025; hand-computed in the comments).
 *
 * ИСБ 40, 50, 70, 75, 80, 85, 90, 95 → Q1 = 50 + 0.75 × 20 = 65: P1, P2 in the low-ИСБ group.
 * ВПР 5 (Математика, Русский язык) lows .05 .10 .15 .20 .50 .05 .10 .15 → P90 .29: P5.
 * ОГЭ 9 Математика lows .05 × 7 and .50 (P5) → P90 .185: P5. So P5 fires R1.
 * P6 got "2" from 6 of 20 (30 %) in both ВПР subjects → Брянск's ВПР criterion.
 * P7 continued to grade 10: 50 % < 60 % (seed 003). P8's ОГЭ mean 2 vs the municipality's
 * (7 × 28 + 2) / 8 = 24.75: 22.75 points below (> 20).
 * P3: vacancy and 45 km to the nearest school; P4: two vacancies and a hard-to-reach area.
 * P1, P2 have no specialists. Pooled latest low indices → P75 = 0.10625: P4 (.125) and P5 (.5).
 * Staff index: P1–P4 0.6, others 0.933 → P25 = 0.6, nobody below it.
 */
export function disagreeingRegion(): IdentificationInput {
  const base: Partial<School> = {
    locality: "город",
    enrollment: 500,
    stableInternet: true,
    computersPer100: 20,
    qualifiedTeachersShare: 80,
    hasPsychologist: true,
    hasSocialPedagogue: true,
    hasDefectologist: true,
    teacherVacancies: 0,
    nearestSchoolKm: 5,
    hardToReach: false,
    continuedTo10Share: 90,
  };
  const noSpecialists = { hasPsychologist: false, hasSocialPedagogue: false, hasDefectologist: false };
  const schools = [
    schoolWithSwi("P1", 40, { ...base, ...noSpecialists }),
    schoolWithSwi("P2", 50, { ...base, ...noSpecialists }),
    schoolWithSwi("P3", 70, { ...base, nearestSchoolKm: 45, teacherVacancies: 1 }),
    schoolWithSwi("P4", 75, { ...base, hardToReach: true, teacherVacancies: 2 }),
    schoolWithSwi("P5", 80, base),
    schoolWithSwi("P6", 85, base),
    schoolWithSwi("P7", 90, { ...base, continuedTo10Share: 50 }),
    schoolWithSwi("P8", 95, base),
  ];
  const vprBelow = [1, 2, 3, 4, 10, 1, 2, 3];
  const ogeBelow = [1, 1, 1, 1, 10, 1, 1, 1];
  const results = schools.flatMap((s, i) => [
    agg(s.id, 2025, "ВПР", 5, "Математика", 20, vprBelow[i] as number, { mark2: s.id === "P6" ? 6 : 0, marks45: 8 }),
    agg(s.id, 2025, "ВПР", 5, "Русский язык", 20, vprBelow[i] as number, { mark2: s.id === "P6" ? 6 : 0, marks45: 8 }),
    agg(s.id, 2025, "ОГЭ", 9, "Математика", 20, ogeBelow[i] as number, { mark2: 0, marks45: 10, meanScore: s.id === "P8" ? 2 : 28 }),
  ]);
  return {
    schools,
    results,
    scores: [],
    scales: [scale("ВПР", 5, "Математика"), scale("ВПР", 5, "Русский язык"), scale("ОГЭ", 9, "Математика", { minScore: 8, maxScore: 31, highScore: 22 })],
  };
}
