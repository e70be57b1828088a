/**
 * A ten-school region over three years, small enough to compute by hand. One procedure, ВПР
 * grade 5 maths, 20 participants per school; `Ниже Bmin` counts:
 *
 * | school | ИСБ | 2023 | 2024 | 2025 | notes |
 * |---|---|---|---|---|---|
 * | S01 | 40 | 0 | 0 | 0 | low ИСБ → ШНСУ; also ОГЭ 9: 5 participants in 2024, 20 (0 below) in 2025 |
 * | S02 | 60 | 1 | 1 | 1 | ШНСУ |
 * | S03 | 61 | 2 | 2 | 2 | ШНСУ |
 * | S04 | 62 | 3 | 3 | 1 | 2 vacancies, no internet → risk zone |
 * | S05 | 63 | 4 | 4 | 2 | as S04 |
 * | S06 | 64 | 5 | 5 | 5 | no vacancies, internet, 15 computers |
 * | S07 | 65 | 6 | 6 | 6 | |
 * | S08 | 66 | 7 | 7 | 12 | |
 * | S09 | 67 | 12 | 12 | 12 | |
 * | S10 | 68 | 12 | 12 | 3 | |
 *
 * ИСБ Q1 = PERCENTILE.INC({40, 60, 61, …, 68}, 0.25): position 2.25 → 61 + 0.25 × 1 = 61.25, so
 * S01–S03 are ШНСУ every year. P90 of the ВПР low index each year: the two largest are 0.60 and
 * 0.60, so P90 = 0.60: low results in 2023 and 2024 for S09, S10; in 2025 for S08, S09.
 * ШНОР (R2, two latest years): 2023 none (no 2022); 2024 S09, S10; 2025 S09.
 *
 * `Не ниже Bmid`: 8 of 20 in 2023 and 2024 (0.40), 9 in 2025 (0.45); S01's ОГЭ 2025: 11 of 20.
 * S01–S05 are in «Район А», S06–S10 in «Район Б».
 */
import type { IdentificationInput, School } from "../../src/engine";
import { agg, scale, schoolWithSwi } from "../engine/helpers/builders";

export const IDS = ["S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10"] as const;
const SWI = [40, 60, 61, 62, 63, 64, 65, 66, 67, 68];
export const BELOW_MIN: Readonly<Record<number, readonly number[]>> = {
  2023: [0, 1, 2, 3, 4, 5, 6, 7, 12, 12],
  2024: [0, 1, 2, 3, 4, 5, 6, 7, 12, 12],
  2025: [0, 1, 2, 1, 2, 5, 6, 12, 12, 3],
};
const AT_LEAST_MID: Readonly<Record<number, number>> = { 2023: 8, 2024: 8, 2025: 9 };

/** The monitoring columns of `Школы` the tests read (others stay absent). */
const MONITORING: Readonly<Record<string, Partial<School>>> = {
  S01: { teachers: 20, teachersWithIom: 5, hasCurator: true, hasFailurePrevention: true, weakPupils: 10, weakPupilsWithIom: 8, weakPupilsInExtraClasses: 10 },
  S02: { teachers: 10, teachersWithIom: 5, hasCurator: false, hasFailurePrevention: true, weakPupils: 10, weakPupilsWithIom: 10 },
  S03: { teachers: 30, teachersWithIom: null, hasCurator: null, hasFailurePrevention: true },
  S04: { teachers: 40, teachersWithIom: 40, teacherVacancies: 2, stableInternet: false, hasFailurePrevention: true, risksRemoved: true },
  S05: { teacherVacancies: 2, stableInternet: false, hasFailurePrevention: false, risksRemoved: false },
  S06: { teacherVacancies: 0, stableInternet: true, computersPer100: 15 },
};

export function threeYearRegion(): IdentificationInput {
  const schools = IDS.map((id, i) =>
    schoolWithSwi(id, SWI[i] as number, { municipality: i < 5 ? "Район А" : "Район Б", ...(MONITORING[id] ?? {}) }),
  );
  const results = [2023, 2024, 2025].flatMap((year) =>
    IDS.map((id, i) => agg(id, year, "ВПР", 5, "Математика", 20, (BELOW_MIN[year] as readonly number[])[i] as number, { atLeastMid: AT_LEAST_MID[year] as number })),
  );
  results.push(agg("S01", 2024, "ОГЭ", 9, "Математика", 5, 0, { atLeastMid: 3 }));
  results.push(agg("S01", 2025, "ОГЭ", 9, "Математика", 20, 0, { atLeastMid: 11 }));
  return {
    schools,
    results,
    scores: [],
    scales: [scale("ВПР", 5, "Математика"), scale("ОГЭ", 9, "Математика")],
    municipalIndicators: [
      { municipality: "Район А", indicator: "analyticalReport", year: 2025, value: true },
      { municipality: "Район А", indicator: "Аналитическая справка", year: 2024, value: false },
      { municipality: "Район Б", indicator: "Наличие аналитической справки", year: null, value: false },
      { municipality: "Район Б", indicator: "Распространение успешных практик", year: 2024, value: true },
      { municipality: "Район А", indicator: "Наличие муниципальной программы", year: null, value: true },
    ],
  };
}
