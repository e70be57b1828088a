/**
 * SPEC.md §8, "Ставрополь indices" (version 2): the staff index replaces the three factor rows
 * «Дефицит педагогических кадров», «Недостаточная предметная и методическая компетентность» and
 * «Нет узких специалистов» with one «Низкий индекс кадрового состава»; the equipment coefficient
 * replaces «Низкий уровень оснащения школы». The known count and the risk zone follow the
 * preset's own list: Ставрополь has eleven rows for seed 004's twelve factors.
 *
 * Region (2025, ВПР 5 кл. Математика, 10 participants, 1 below B_min each; internet and 20
 * computers per 100 everywhere → equipment coefficient 1 = P25, nobody below):
 * | school | ИСБ | qualified % | vacancies | psychologist / social / defectologist | remote | staff index |
 * | A | 90 | 80 | 0 | да / да / да | no | (0,8 + 1 + 3/3) / 3 = 0,9333 |
 * | B | 80 | 80 | 0 | нет / нет / нет | hard to reach | (0,8 + 1 + 0/3) / 3 = 0,6 |
 * | C | 70 | 40 | 2 | да / — / — | 40 km | (0,4 + 0 + 1/1) / 3 = 0,4667 |
 * | D | 60 | — | — | — / — / — | no | нет данных |
 * ИСБ Q1 = 60 + 0,75 × 10 = 67,5 → D is ШНСУ. Staff index P25 of {0,4667; 0,6; 0,9333}: position
 * 0,5 → 0,4667 + 0,5 × 0,1333 = 0,5333: only C is below.
 * Ставрополь: B has one factor (remoteness) → not in the risk zone; C has two (staff index, 40 km).
 * КБР on the same region: B has two (no specialists, hard to reach) → risk zone; C three.
 */
import { identify, PRESETS, type IdentificationInput, type SchoolResult } from "../../src/engine";
import { summarySheet } from "../../src/workbook/resultSheets";
import { knownReason, seedFactorTotal } from "../../src/engine/risk/profile";
import { agg, scale, schoolWithSwi } from "../engine/helpers/builders";

function region(): IdentificationInput {
  const base = { stableInternet: true, computersPer100: 20, nearestSchoolKm: 5, hardToReach: false };
  return {
    schools: [
      schoolWithSwi("A", 90, { ...base, qualifiedTeachersShare: 80, teacherVacancies: 0, hasPsychologist: true, hasSocialPedagogue: true, hasDefectologist: true }),
      schoolWithSwi("B", 80, { ...base, qualifiedTeachersShare: 80, teacherVacancies: 0, hasPsychologist: false, hasSocialPedagogue: false, hasDefectologist: false, hardToReach: true }),
      schoolWithSwi("C", 70, { ...base, qualifiedTeachersShare: 40, teacherVacancies: 2, hasPsychologist: true, nearestSchoolKm: 40 }),
      schoolWithSwi("D", 60, base),
    ],
    results: ["A", "B", "C", "D"].map((id) => agg(id, 2025, "ВПР", 5, "Математика", 10, 1)),
    scores: [],
    scales: [scale("ВПР", 5, "Математика")],
  };
}

const stavropol = identify(region(), PRESETS.stavropol);
const kbr = identify(region(), PRESETS.kbr);
const byId = (r: { schools: readonly SchoolResult[] }, id: string) => r.schools.find((s) => s.id === id) as SchoolResult;

describe("Ставрополь: the staff index replaces three factor rows", () => {
  it("lists one staff row and one equipment row in place of seed 004's 1, 2, 3 and «Нет узких специалистов»", () => {
    expect(PRESETS.stavropol.parameters.riskFactors).toEqual([
      "lowEquipmentCoefficient", "lowStaffIndex", "objectiveAssessment", "highFailureRisk", "highDisabledShare", "languageBarriers",
      "careerGuidance", "wellbeing", "teacherEngagement", "motivation", "parents", "lowContinuation", "lowOlympiad", "remoteness",
    ]);
    expect(byId(stavropol, "A").riskFactors.map((f) => f.id)).toEqual(PRESETS.stavropol.parameters.riskFactors);
    expect(byId(stavropol, "B").riskFactors.map((f) => f.name)).not.toContain("Нет узких специалистов");
    expect(byId(stavropol, "B").riskFactors[1]?.name).toBe("Низкий индекс кадрового состава");
  });

  it("computes the specialists part among the known specialist columns", () => {
    expect(byId(stavropol, "A").staffIndex).toBeCloseTo(2.8 / 3, 12);
    expect(byId(stavropol, "B").staffIndex).toBeCloseTo(0.6, 12);
    expect(byId(stavropol, "C").staffIndex).toBeCloseTo(1.4 / 3, 12);
    expect(byId(stavropol, "D").staffIndex).toBeNull();
    expect(stavropol.region.references["staffIndexP25"]).toBeCloseTo(1.4 / 3 + 0.5 * (0.6 - 1.4 / 3), 12);
    expect(byId(stavropol, "C").riskFactors.find((f) => f.id === "lowStaffIndex")).toMatchObject({ value: true, detail: "индекс кадрового состава 0,467 < P25 0,533" });
    expect(byId(stavropol, "B").riskFactors.find((f) => f.id === "lowStaffIndex")?.value).toBe(false);
  });

  it("counts the risk zone among the preset's own rows: «Нет узких специалистов» no longer adds to B", () => {
    expect(Object.fromEntries(stavropol.schools.map((s) => [s.id, s.category]))).toEqual({ A: "Без рисков", B: "Без рисков", C: "Зона риска", D: "ШНСУ" });
    expect(Object.fromEntries(kbr.schools.map((s) => [s.id, s.category]))).toEqual({ A: "Без рисков", B: "Зона риска", C: "Зона риска", D: "ШНСУ" });
    expect(byId(stavropol, "C").riskFactors.filter((f) => f.value === true).map((f) => f.id)).toEqual(["lowStaffIndex", "remoteness"]);
  });

  it("says «N из 11»: known rows among the eleven that stand for seed 004's factors, the staff row as №2–3", () => {
    expect(seedFactorTotal(PRESETS.stavropol.parameters.riskFactors)).toBe(11);
    expect(seedFactorTotal(PRESETS.kbr.parameters.riskFactors)).toBe(12);
    // A: 1 (coefficient), 2–3 (staff index), 4 (evaluated, not listed), 5 (low index 10 % not above P75 10 %) are known.
    const a = byId(stavropol, "A");
    expect(a.riskFactorsKnown).toBe(4);
    expect(a.reasons).toContain("известно факторов риска: 4 из 11 (нет данных по №6, 7, 8, 9, 10, 11, 12 перечня факторов)");
    const d = byId(stavropol, "D");
    expect(d.riskFactorsKnown).toBe(3);
    expect(d.reasons).toContain("известно факторов риска: 3 из 11 (нет данных по №2–3, 6, 7, 8, 9, 10, 11, 12 перечня факторов)");
    // КБР on the same school: twelve rows, №2 (vacancies) and №3 (qualified share) each unknown.
    expect(byId(kbr, "D").reasons).toContain("известно факторов риска: 3 из 12 (нет данных по №2, 3, 6, 7, 8, 9, 10, 11, 12 перечня факторов)");
  });

  it("writes «N из 11» on «Итоги»", () => {
    const sheet = summarySheet(stavropol);
    const col = sheet.columns.findIndex((c) => c.header === "Известно факторов риска");
    expect(sheet.rows.map((r) => r[col])).toEqual(["4 из 11", "4 из 11", "4 из 11", "3 из 11"]);
    // КБР: A–C know 1, 2, 3 (qualified share against its P25), 4, 5; D knows 1, 4, 5.
    expect(summarySheet(kbr).rows.map((r) => r[col])).toEqual(["5 из 12", "5 из 12", "5 из 12", "3 из 12"]);
  });

  it("reads a list of rows without seed numbers as «0 из 0» and names only the list's unknown rows", () => {
    expect(knownReason([{ id: "remoteness", value: true }])).toBe("известно факторов риска: 0 из 0");
    expect(knownReason([{ id: "lowStaffIndex", value: null }, { id: "lowEquipmentCoefficient", value: false }])).toBe("известно факторов риска: 1 из 2 (нет данных по №2–3 перечня факторов)");
  });
});
