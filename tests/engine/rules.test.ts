import {
  equipmentCoefficient,
  KBR_PARAMETERS,
  riskFactor,
  schoolTypes,
  staffIndex,
  swiReferences,
  type RiskFactorId,
  type School,
} from "../../src/engine";
import { lowResultsRules, recordsLowResults } from "../../src/engine/lowResults";
import type { RiskReferences } from "../../src/engine/riskFactors";
import { school } from "./helpers/builders";

describe("swiReferences", () => {
  it("computes Q1, D9 and the mean over the schools that have the value", () => {
    const refs = swiReferences([80, 50, null, 70, 60], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, null, 20]);
    expect(refs.swiQ1).toBeCloseTo(57.5, 12);
    expect(refs.deviantD9).toBeCloseTo(9.1, 12);
    expect(refs.nonNativeMean).toBeCloseTo(15, 12);
  });
});

describe("schoolTypes", () => {
  const refs = { swiQ1: 57.5, deviantD9: 9.1, nonNativeMean: 15 };
  const params = { smallSchoolEnrollment: 100, remoteKm: 30 };
  const base = { swi: 50, locality: "город" as const, enrollment: 500, hardToReach: false, nearestSchoolKm: 5, registered: 2, nonNativeShare: 0 };

  it("puts ИСБ exactly at Q1 into the group and 57.6 out of it (SPEC §10)", () => {
    expect(schoolTypes({ ...base, swi: 57.5 }, refs, params).lowSwi).toBe(true);
    expect(schoolTypes({ ...base, swi: 57.6 }, refs, params)).toMatchObject({ lowSwi: false, types: [] });
  });

  it.each([
    ["T1 for a rural school", { locality: "село" as const }, ["T1"]],
    ["T2 for an urban school", {}, ["T2"]],
    ["T3 for a rural school under 100 pupils", { locality: "село" as const, enrollment: 99 }, ["T1", "T3"]],
    ["no T3 at exactly 100 pupils", { locality: "село" as const, enrollment: 100 }, ["T1"]],
    ["no T3 for a small urban school", { enrollment: 50 }, ["T2"]],
    ["T4 for a hard-to-reach area", { hardToReach: true }, ["T2", "T4"]],
    ["T4 at exactly 30 km", { nearestSchoolKm: 30 }, ["T2", "T4"]],
    ["no T4 at 29.9 km", { nearestSchoolKm: 29.9 }, ["T2"]],
    ["T5 for Ду above D9", { registered: 9.2 }, ["T2", "T5"]],
    ["no T5 for Ду at D9", { registered: 9.1 }, ["T2"]],
    ["T6 for a non-native share above the mean", { nonNativeShare: 15.1 }, ["T2", "T6"]],
    ["several types in the table's order", { locality: "село" as const, enrollment: 40, hardToReach: true, registered: 20, nonNativeShare: 40 }, ["T1", "T3", "T4", "T5", "T6"]],
  ])("gives %s", (_name, overrides, types) => {
    expect(schoolTypes({ ...base, ...overrides }, refs, params).types).toEqual(types);
  });

  it("gives no type outside the low-ИСБ group whatever the criteria", () => {
    const out = schoolTypes({ ...base, swi: 90, locality: "село", enrollment: 10, hardToReach: true }, refs, params);
    expect(out.types).toEqual([]);
    expect(out.notEvaluable).toEqual([]);
  });

  it("marks a type not evaluable when its data is missing", () => {
    const out = schoolTypes({ ...base, locality: null, enrollment: null, hardToReach: null, nearestSchoolKm: null, registered: null, nonNativeShare: null }, refs, params);
    expect(out.types).toEqual([]);
    expect(out.notEvaluable).toEqual(["T1", "T2", "T3", "T4", "T5", "T6"]);
  });

  it("decides T4 from either criterion when the other is unknown", () => {
    expect(schoolTypes({ ...base, hardToReach: null, nearestSchoolKm: 40 }, refs, params).types).toContain("T4");
    expect(schoolTypes({ ...base, hardToReach: null, nearestSchoolKm: 10 }, refs, params).notEvaluable).toEqual(["T4"]);
    expect(schoolTypes({ ...base, hardToReach: false, nearestSchoolKm: 10 }, refs, params).notEvaluable).toEqual([]);
  });

  it("is undefined without ИСБ", () => {
    expect(schoolTypes({ ...base, swi: null }, refs, params).lowSwi).toBeNull();
  });
});

describe("recordsLowResults and R1 / R2", () => {
  it.each([
    [0.42, 0.42, true],
    [0.41, 0.42, false],
    [0, 0, false],
    [null, 0.4, null],
    [0.5, null, null],
  ])("low %s against P90 %s gives %s", (low, p90, expected) => {
    expect(recordsLowResults(low, p90)).toBe(expected);
  });

  it.each([
    ["two procedures in the latest year", [["ВПР 5 кл.", 2025], ["ОГЭ 9 кл.", 2025]], ["R1"]],
    ["one procedure in each of two years", [["ВПР 5 кл.", 2025], ["ОГЭ 9 кл.", 2024]], ["R2"]],
    ["both rules", [["ВПР 5 кл.", 2025], ["ОГЭ 9 кл.", 2025], ["ВПР 5 кл.", 2024]], ["R1", "R2"]],
    ["one procedure in the latest year only", [["ВПР 5 кл.", 2025]], []],
    ["two procedures in the year before only", [["ВПР 5 кл.", 2024], ["ОГЭ 9 кл.", 2024]], []],
    ["years that are not consecutive", [["ВПР 5 кл.", 2025], ["ВПР 5 кл.", 2023]], []],
    ["the same procedure twice in a year counts once", [["ВПР 5 кл.", 2025], ["ВПР 5 кл.", 2025]], []],
  ])("%s", (_name, flagged, rules) => {
    const list = (flagged as [string, number][]).map(([procedure, year]) => ({ procedure, year }));
    expect(lowResultsRules(list, 2025, 2, 2)).toEqual(rules);
  });
});

describe("Stavropol indices", () => {
  it("averages the staff parts that are present", () => {
    const s = { qualifiedTeachersShare: 60, teacherVacancies: 0, hasPsychologist: true, hasSocialPedagogue: false, hasDefectologist: true };
    expect(staffIndex(s)).toBeCloseTo((0.6 + 1 + 2 / 3) / 3, 12);
    expect(staffIndex({ ...s, teacherVacancies: 3 })).toBeCloseTo((0.6 + 0 + 2 / 3) / 3, 12);
    // SPEC.md §8 (v2): the specialists part is the share present among the known columns —
    // psychologist yes, social pedagogue no, defectologist unknown → 1 of 2; with no vacancies: (1 + 0,5) / 2.
    expect(staffIndex({ ...s, qualifiedTeachersShare: null, hasDefectologist: null })).toBeCloseTo(0.75, 12);
    expect(staffIndex({ ...s, hasSocialPedagogue: null, hasDefectologist: null })).toBeCloseTo((0.6 + 1 + 1) / 3, 12);
    expect(staffIndex({ ...s, hasPsychologist: null, hasSocialPedagogue: null, hasDefectologist: null })).toBeCloseTo((0.6 + 1) / 2, 12);
    expect(staffIndex({ qualifiedTeachersShare: null, teacherVacancies: null, hasPsychologist: null, hasSocialPedagogue: null, hasDefectologist: null })).toBeNull();
  });
  it("caps the computers part at 1 and counts the internet as 1 or 0", () => {
    expect(equipmentCoefficient({ computersPer100: 5, stableInternet: true })).toBeCloseTo(0.75, 12);
    expect(equipmentCoefficient({ computersPer100: 25, stableInternet: false })).toBeCloseTo(0.5, 12);
    expect(equipmentCoefficient({ computersPer100: null, stableInternet: false })).toBe(0);
    expect(equipmentCoefficient({ computersPer100: null, stableInternet: null })).toBeNull();
  });
});

describe("riskFactor", () => {
  const refs: RiskReferences = { qualifiedP25: 50, failureP75: 0.2, disabledP75: 8, nonNativeMean: 5, staffIndexP25: 0.5, equipmentP25: 0.6 };
  const input = (s: Partial<School>, extra: { latestLowIndex?: number | null; staffIndex?: number | null; equipmentCoefficient?: number | null } = {}) => ({
    school: school("R", s),
    latestLowIndex: extra.latestLowIndex ?? null,
    staffIndex: extra.staffIndex ?? null,
    equipmentCoefficient: extra.equipmentCoefficient ?? null,
  });
  it.each<[RiskFactorId, ReturnType<typeof input>, boolean | null, string]>([
    ["teacherShortage", input({ teacherVacancies: 2 }), true, "вакансий 2 > 0"],
    ["teacherShortage", input({ teacherVacancies: 0 }), false, "вакансий 0 ≤ 0"],
    ["teacherShortage", input({}), null, "нет данных (вакансии педагогов)"],
    ["lowEquipment", input({ stableInternet: false, computersPer100: 20 }), true, "нет устойчивого интернета"],
    ["lowEquipment", input({ stableInternet: true, computersPer100: 9.5 }), true, "компьютеров на 100 обучающихся 9,5 < 10,0"],
    ["lowEquipment", input({ stableInternet: true, computersPer100: 10 }), false, "интернет есть, компьютеров достаточно"],
    ["lowEquipment", input({ stableInternet: true }), null, "нет данных (интернет, компьютеры)"],
    ["teacherCompetence", input({ qualifiedTeachersShare: 49 }), true, "доля педагогов высшей и первой категории 49,0 % < P25 50,0 %"],
    ["teacherCompetence", input({ qualifiedTeachersShare: 50 }), false, "доля педагогов высшей и первой категории 50,0 % ≥ P25 50,0 %"],
    ["noSpecialists", input({ hasPsychologist: true, hasSocialPedagogue: false, hasDefectologist: true }), true, "нет социального педагога"],
    ["noSpecialists", input({ hasPsychologist: true, hasSocialPedagogue: true, hasDefectologist: true }), false, "все узкие специалисты есть"],
    ["highFailureRisk", input({}, { latestLowIndex: 0.25 }), true, "индекс низких результатов 25,0 % > P75 20,0 %"],
    ["highFailureRisk", input({}, { latestLowIndex: 0.2 }), false, "индекс низких результатов 20,0 % ≤ P75 20,0 %"],
    ["highDisabledShare", input({ disabledShare: 9 }), true, "доля обучающихся с ОВЗ 9,0 % > P75 8,0 %"],
    ["languageBarriers", input({ nonNativeShare: 5 }), false, "доля с неродным русским языком 5,0 % ≤ среднее 5,0 %"],
    ["lowContinuation", input({ continuedTo10Share: 59.9 }), true, "продолжили обучение в 10 классе 59,9 % < порог 60,0 %"],
    ["lowContinuation", input({ continuedTo10Share: 60 }), false, "продолжили обучение в 10 классе 60,0 % ≥ порог 60,0 %"],
    ["lowOlympiad", input({ olympiadShare: 0.4 }), true, "участники олимпиад 0,40 % < порог 0,50 %"],
    ["remoteness", input({ nearestSchoolKm: 30 }), true, "до ближайшей ОО 30,0 км ≥ 30"],
    ["remoteness", input({ hardToReach: false, nearestSchoolKm: 12 }), false, "не удалена"],
    ["lowStaffIndex", input({}, { staffIndex: 0.4 }), true, "индекс кадрового состава 0,400 < P25 0,500"],
    ["lowEquipmentCoefficient", input({}, { equipmentCoefficient: 0.6 }), false, "коэффициент оснащения 0,600 ≥ P25 0,600"],
  ])("%s: %o gives %s", (id, inp, value, detail) => {
    const f = riskFactor(id, inp, refs, KBR_PARAMETERS);
    expect(f.value).toBe(value);
    expect(f.detail).toBe(detail);
  });

  it("names the factors as in the seed 004 risk profiles", () => {
    expect(riskFactor("highDisabledShare", input({}), refs, KBR_PARAMETERS).name).toBe("Высокая доля обучающихся с инклюзией");
    expect(riskFactor("teacherShortage", input({}), refs, KBR_PARAMETERS).name).toBe("Дефицит педагогических кадров");
  });
});
