/**
 * Seed 004's twelve risk factors (SPEC.md §7, the new table and "Risk profile"): factor 4 from
 * the non-objectivity lists and the journal marks, factors 8–12 (and any other) from the 500+
 * profile, every factor in the seed's order and names, "5 из 12", the risk zone among the known.
 */
import { identify, PRESETS, resolveMethodology, type IdentificationInput, type RiskFactorId, type SchoolResult } from "../../src/engine";
import { SEED_004_FACTOR_NUMBER, KBR_PARAMETERS } from "../../src/engine/methodology";
import { journalComparisons, journalComparisonsByYear } from "../../src/engine/risk/objectivity";
import { knownReason, knownSeedFactors, profileSaysYes, withProfile } from "../../src/engine/risk/profile";
import { riskFactor, type RiskInputs, type RiskReferences } from "../../src/engine/riskFactors";
import { agg, scale, school, score } from "../engine/helpers/builders";

const NO_REFS: RiskReferences = { qualifiedP25: null, failureP75: null, disabledP75: null, nonNativeMean: null, staffIndexP25: null, equipmentP25: null };
const base = (over: Partial<RiskInputs> = {}): RiskInputs => ({ school: school("S1"), latestLowIndex: null, staffIndex: null, equipmentCoefficient: null, ...over });
const p = KBR_PARAMETERS;

/** Seed 004's list, word for word (only «и т.п.» left out). */
const SEED_004_NAMES = [
  "Низкий уровень оснащения школы",
  "Дефицит педагогических кадров",
  "Недостаточная предметная и методическая компетентность",
  "Отсутствие или недостаточная эффективность системы объективной оценки результатов обучения",
  "Высокая доля обучающихся с рисками учебной неуспешности",
  "Высокая доля обучающихся с инклюзией",
  "Низкое качество адаптации мигрантов, преодоления языковых и культурных барьеров",
  "Низкое качество профориентационной работы",
  "Пониженный уровень школьного благополучия",
  "Низкая вовлеченность учителей в образовательный процесс",
  "Низкая учебная мотивация школьников",
  "Проблемы с вовлеченностью родителей",
];

describe("factor 4: objective assessment (seed 004 №4)", () => {
  const f4 = (over: Partial<RiskInputs>) => riskFactor("objectiveAssessment", base(over), NO_REFS, p);

  it.each<[string, Partial<RiskInputs>, boolean | null, string]>([
    ["listed in the latest year", { latestNonObjective: ["ВПР 5 кл. 2025"], journal: null }, true, "в списке необъективности последнего года: ВПР 5 кл. 2025"],
    // 10 of 20 = 50 % ≥ 50 %: inclusive
    ["half of the ВПР marks below the journal", { latestNonObjective: [], journal: { compared: 20, lowered: 10 } }, true, "отметка ВПР ниже отметки по журналу у 10 из 20 результатов (50,0 % ≥ 50 %)"],
    ["fewer than half lowered", { latestNonObjective: [], journal: { compared: 20, lowered: 9 } }, false, "нет в списках необъективности последнего года; отметка ВПР ниже отметки по журналу у 9 из 20 результатов (45,0 % < 50 %)"],
    ["not listed, no journal marks", { latestNonObjective: [], journal: null }, false, "нет в списках необъективности последнего года; отметок по журналу нет"],
    ["journal only (no evaluated unit)", { latestNonObjective: null, journal: { compared: 4, lowered: 1 } }, false, "отметка ВПР ниже отметки по журналу у 1 из 4 результатов (25,0 % < 50 %)"],
    ["nothing to look at", { latestNonObjective: null, journal: null }, null, "нет данных (нет оценённых процедур последнего года и «Отметки по журналу»)"],
  ])("%s", (_, over, value, detail) => {
    const f = f4(over);
    expect(f.value).toBe(value);
    expect(f.detail).toBe(detail);
    expect(f.name).toBe(SEED_004_NAMES[3]);
  });

  it("the share is a parameter", () => {
    const f = riskFactor("objectiveAssessment", base({ latestNonObjective: [], journal: { compared: 20, lowered: 9 } }), NO_REFS, { ...p, objectivityLoweredShare: 0.4 });
    expect(f.value).toBe(true);
  });

  it("compares procedure marks (given or from the cuts) with journal marks in the latest year only", () => {
    const sc = [scale("ВПР", 5, "Математика")]; // cuts 8 / 13 / 17
    const rows = [
      { ...score("S1", 2025, "ВПР", 5, "a", "Математика", 12), journalMark: 4 }, // mark 3 < 4: lowered
      { ...score("S1", 2025, "ВПР", 5, "b", "Математика", 14), journalMark: 4 }, // 4 = 4
      { ...score("S1", 2025, "ВПР", 5, "c", "Математика", 5, 2), journalMark: 3 }, // given 2 < 3: lowered
      { ...score("S1", 2025, "ВПР", 5, "d", "Математика", 20) }, // no journal mark: not compared
      { ...score("S1", 2024, "ВПР", 5, "e", "Математика", 5), journalMark: 5 }, // another year
      { ...score("S1", 2025, "ОГЭ", 9, "f", "Математика", 5), journalMark: 5 }, // not ВПР
    ];
    expect(journalComparisons(rows, sc, 2025, p).get("S1")).toEqual({ compared: 3, lowered: 2 });
    expect(journalComparisons(rows, sc, null, p).size).toBe(0);
  });

  it("works a missing mark out with the scale of the result's own year (SPEC §1 `Год`), not the subject's last «Шкалы» row", () => {
    // 2024's specification had the cuts 8 / 13 / 17; 2025's 10 / 15 / 19 (and is listed last).
    const sc = [scale("ВПР", 5, "Математика", { year: 2024 }), scale("ВПР", 5, "Математика", { year: 2025, cut3: 10, cut4: 15, cut5: 19 })];
    const rows = [
      { ...score("S1", 2024, "ВПР", 5, "a", "Математика", 14), journalMark: 4 }, // 2024 cuts: 4 = 4 (2025's would give 3: lowered)
      { ...score("S1", 2025, "ВПР", 5, "b", "Математика", 14), journalMark: 4 }, // 2025 cuts: 3 < 4 lowered
    ];
    const byYear = journalComparisonsByYear(rows, sc, [2024, 2025], p);
    expect(byYear.get(2024)?.get("S1")).toEqual({ compared: 1, lowered: 0 });
    expect(byYear.get(2025)?.get("S1")).toEqual({ compared: 1, lowered: 1 });
    // A row without a year serves every year that has none of its own.
    const general = journalComparisonsByYear(rows, [scale("ВПР", 5, "Математика"), sc[1] as (typeof sc)[number]], [2024, 2025], p);
    expect(general.get(2024)?.get("S1")).toEqual({ compared: 1, lowered: 0 });
    expect(general.get(2025)?.get("S1")).toEqual({ compared: 1, lowered: 1 });
  });

  it("every year's comparisons in one pass are each year's own (analyse), rows of the years interleaved", () => {
    const sc = [scale("ВПР", 5, "Математика"), scale("ВПР", 6, "Математика")]; // cuts 8 / 13 / 17
    const rows = [
      { ...score("S1", 2025, "ВПР", 5, "a", "Математика", 12), journalMark: 4 }, // 2025 S1: 3 < 4 lowered
      { ...score("S1", 2024, "ВПР", 5, "b", "Математика", 14), journalMark: 5 }, // 2024 S1: 4 < 5 lowered
      { ...score("S2", 2025, "ВПР", 5, "c", "Математика", 18), journalMark: 5 }, // 2025 S2: 5 = 5
      { ...score("S1", 2025, "ВПР", 5, "d", "Математика", 9), journalMark: 3 }, // 2025 S1: 3 = 3
      { ...score("S1", 2024, "ВПР", 5, "e", "Математика", 5, 2), journalMark: 2 }, // 2024 S1: given 2 = 2
      { ...score("S1", 2023, "ВПР", 5, "f", "Математика", 5), journalMark: 5 }, // a year not asked for
    ];
    // S2's grade 6 in 2024 has aggregated rows only: its «понизили / подтвердили / повысили» count.
    const results = [
      agg("S2", 2024, "ВПР", 6, "Математика", 10, 1, { journalLowered: 4, journalConfirmed: 5, journalRaised: 1 }),
      agg("S1", 2025, "ВПР", 5, "Математика", 2, 0, { journalLowered: 2, journalConfirmed: 0, journalRaised: 0 }), // has participant rows: not counted again
    ];
    const byYear = journalComparisonsByYear(rows, sc, [2024, 2025], p, results);
    expect([...byYear.keys()]).toEqual([2024, 2025]);
    expect(Object.fromEntries(byYear.get(2025) ?? [])).toEqual({ S1: { compared: 2, lowered: 1 }, S2: { compared: 1, lowered: 0 } });
    expect(Object.fromEntries(byYear.get(2024) ?? [])).toEqual({ S1: { compared: 2, lowered: 1 }, S2: { compared: 10, lowered: 4 } });
    for (const year of [2024, 2025]) expect(byYear.get(year)).toEqual(journalComparisons(rows, sc, year, p, results));
  });
});

describe("factors 8–12 and the 500+ profile", () => {
  it.each<RiskFactorId>(["careerGuidance", "wellbeing", "teacherEngagement", "motivation", "parents"])("%s has no rule of its own: нет данных naming the sheet", (id) => {
    const f = riskFactor(id, base(), NO_REFS, p);
    expect(f.value).toBeNull();
    expect(f.detail).toBe("нет данных (лист «Профиль рисков»)");
  });

  it.each([
    ["да", ["высокий"], true],
    ["нет", ["высокий"], false],
    ["высокий", ["высокий"], true],
    ["средний", ["высокий"], false],
    ["средний", ["высокий", "средний"], true],
    ["низкий", ["высокий"], false],
    ["нет риска", ["высокий", "средний", "низкий", "нет риска"], false],
  ] as const)("profile «%s» with yes levels %j → %s", (level, levels, yes) => {
    expect(profileSaysYes(level, { riskProfileYesLevels: levels })).toBe(yes);
  });

  it("the profile wins over a computed factor and says so", () => {
    const computed = riskFactor("teacherShortage", base({ school: school("S1", { teacherVacancies: 0 }) }), NO_REFS, p);
    expect(computed.value).toBe(false);
    const f = withProfile(computed, "высокий", p);
    expect(f.value).toBe(true);
    expect(f.detail).toBe("профиль рисков 500+: «высокий» (расчёт: нет — вакансий 0 ≤ 0; профиль имеет приоритет)");
    expect(withProfile(computed, null, p)).toBe(computed);
    expect(withProfile(riskFactor("careerGuidance", base(), NO_REFS, p), "средний", p)).toMatchObject({ value: false, detail: "профиль рисков 500+: «средний»" });
  });

  it("counts the known factors of seed 004 among the list's own rows (Stavropol's indices stand in for 1 and 2–3; the extra factors do not count)", () => {
    const f = (id: RiskFactorId, value: boolean | null) => ({ id, value });
    // Five rows with a seed 004 number (remoteness has none); only teacherCompetence is unknown.
    const factors = [f("lowEquipmentCoefficient", false), f("lowStaffIndex", true), f("teacherCompetence", null), f("objectiveAssessment", false), f("remoteness", true), f("careerGuidance", true)];
    expect(knownSeedFactors(factors)).toBe(4);
    expect(knownReason(factors)).toBe("известно факторов риска: 4 из 5 (нет данных по №3 перечня факторов)");
  });
});

describe("identify: every school carries seed 004's twelve factors", () => {
  const byId = (r: readonly SchoolResult[], id: string) => r.find((s) => s.id === id) as SchoolResult;
  // Three schools, ВПР 5 in 2025 with 10 participants each (evaluated, no non-objectivity signs by default).
  const region = (profiles: IdentificationInput["riskProfiles"]): IdentificationInput => ({
    // ИСБ 90, 60, 70: Q1 = 65, only B is ШНСУ.
    schools: [school("A", { teacherVacancies: 0, stableInternet: true, computersPer100: 20, parentsHigherEd: 5 }), school("B", { singleParent: 25 }), school("C", { singleParent: 15 })],
    results: ["A", "B", "C"].map((id) => agg(id, 2025, "ВПР", 5, "Математика", 10, 1)),
    scores: [],
    scales: [scale("ВПР", 5, "Математика")],
    ...(profiles === undefined ? {} : { riskProfiles: profiles }),
  });

  it("in the seed's order and names, then the table's other factors", () => {
    const r = identify(region(undefined), PRESETS.kbr);
    const a = byId(r.schools, "A");
    expect(a.riskFactors.slice(0, 12).map((f) => f.name)).toEqual(SEED_004_NAMES);
    expect(a.riskFactors.slice(12).map((f) => f.id)).toEqual(["noSpecialists", "lowContinuation", "lowOlympiad", "remoteness"]);
    expect(a.riskFactors.slice(0, 12).every((f) => SEED_004_FACTOR_NUMBER[f.id] !== undefined)).toBe(true);
  });

  it("knows factor 4 from the lists and counts the known ones", () => {
    const a = byId(identify(region(undefined), PRESETS.kbr).schools, "A");
    // A: 1 no (equipment), 2 no (vacancies 0), 4 no (evaluated, not listed); 5 no (low index 10 % not above P75 10 %): 4 of 12.
    expect(a.riskFactors.map((f) => `${f.id}=${String(f.value)}`).slice(0, 5)).toEqual([
      "lowEquipment=false",
      "teacherShortage=false",
      "teacherCompetence=null",
      "objectiveAssessment=false",
      "highFailureRisk=false",
    ]);
    expect(a.riskFactorsKnown).toBe(4);
    expect(a.reasons).toContain("известно факторов риска: 4 из 12 (нет данных по №3, 6, 7, 8, 9, 10, 11, 12 перечня факторов)");
  });

  it("takes factors 8–12 from the profile and counts the risk zone among the known ones", () => {
    const r = identify(
      region([
        { schoolId: "A", factors: { careerGuidance: "высокий", wellbeing: "средний", teacherShortage: "да" } },
        { schoolId: "B", factors: { motivation: "высокий" } },
      ]),
      PRESETS.kbr,
    );
    const a = byId(r.schools, "A");
    expect(a.riskFactors.find((f) => f.id === "careerGuidance")?.value).toBe(true);
    expect(a.riskFactors.find((f) => f.id === "wellbeing")?.value).toBe(false);
    expect(a.riskFactors.find((f) => f.id === "teacherShortage")?.detail).toMatch(/^профиль рисков 500\+: «да» \(расчёт: нет/);
    expect(a.riskFactorsKnown).toBe(6); // 1, 2, 4, 5, 8, 9
    // Two yes (2 by the profile, 8): the risk zone.
    expect(a.riskZone).toBe(true);
    expect(a.category).toBe("Зона риска");
    const b = byId(r.schools, "B");
    expect(b.riskFactors.filter((f) => f.value === true).map((f) => f.id)).toEqual(["motivation"]);
    expect(b.riskZone).toBe(false);
  });

  it("a profile «нет» over a computed yes is written in the reasons", () => {
    const r = identify(region([{ schoolId: "B", factors: { objectiveAssessment: "нет риска" } }]), PRESETS.kbr);
    // B has no journal marks and is evaluated: computed «нет»; force a computed yes by a lowered share instead.
    const b = byId(r.schools, "B");
    expect(b.riskFactors.find((f) => f.id === "objectiveAssessment")?.detail).toBe(
      "профиль рисков 500+: «нет риска» (расчёт: нет — нет в списках необъективности последнего года; отметок по журналу нет; профиль имеет приоритет)",
    );
    const withJournal: IdentificationInput = {
      ...region([{ schoolId: "A", factors: { objectiveAssessment: "нет" } }]),
      scores: [{ ...score("A", 2025, "ВПР", 5, "p1", "Математика", 12), journalMark: 5 }],
    };
    const a = byId(identify(withJournal, PRESETS.kbr).schools, "A");
    expect(a.reasons.some((x) => x.startsWith("Отсутствие или недостаточная эффективность системы объективной оценки результатов обучения: профиль рисков 500+: «нет» (расчёт: да"))).toBe(true);
  });

  it("the yes levels are a parameter of the methodology", () => {
    const m = resolveMethodology("kbr", { riskProfileYesLevels: ["высокий", "средний"] });
    if (!m.ok) throw new Error(m.errors.join("; "));
    const a = byId(identify(region([{ schoolId: "A", factors: { wellbeing: "средний" } }]), m.value).schools, "A");
    expect(a.riskFactors.find((f) => f.id === "wellbeing")?.value).toBe(true);
    const bad = resolveMethodology("kbr", { riskProfileYesLevels: ["очень высокий"] });
    expect(bad.ok).toBe(false);
  });
});
