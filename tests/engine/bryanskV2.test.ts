/**
 * SPEC.md §8 "Version 2 corrections" of the Брянск preset (seed 004 read again), one test each:
 * ЕГЭ from aggregated rows, distinct ВПР subjects, three consecutive years, and ШНСУ.
 */
import { identify } from "../../src/engine/identify";
import { PRESETS, resolveMethodology, type Methodology } from "../../src/engine/methodology";
import type { AggregatedResult, IdentificationInput, School, SchoolResult } from "../../src/engine/types";
import { agg, scale, schoolWithSwi } from "./helpers/builders";

const byId = (schools: readonly SchoolResult[], id: string): SchoolResult => {
  const s = schools.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no school ${id}`);
  return s;
};

function bryanskWith(overrides: Record<string, unknown>): Methodology {
  const m = resolveMethodology("bryansk", overrides);
  if (!m.ok) throw new Error(m.errors.join());
  return m.value;
}

const EGE_SCALE = scale("ЕГЭ", 11, "Русский язык", { minScore: 24, maxScore: 100, highScore: 81, cut3: null, cut4: null, cut5: null });

describe("Брянск v2: ЕГЭ from aggregated rows", () => {
  /**
   * Ten schools, ten ЕГЭ participants each. E1: 5 below the minimum, none at 61+; the others none
   * below and 3 at 61+. Shares below: .5 and 0 × 9 → P90 = 0 + 0.1 × .5 = .05; at 61+: 0 and
   * .3 × 9 → P10 = 0.9 × .3 = .27. E1 meets both halves.
   */
  function region(withColumns: boolean): IdentificationInput {
    const ids = Array.from({ length: 10 }, (_, i) => `E${i + 1}`);
    const results: AggregatedResult[] = ids.map((id, i) =>
      agg(id, 2025, "ЕГЭ", 11, "Русский язык", 10, null, withColumns ? { belowScaleMin: i === 0 ? 5 : 0, highBand: i === 0 ? 0 : 3 } : {}),
    );
    return { schools: ids.map((id, i) => schoolWithSwi(id, 60 + i)), results, scores: [], scales: [EGE_SCALE] };
  }
  const oneYear = bryanskWith({ bryanskYears: 1 });

  it("with «Ниже минимального балла» and «61–100 баллов» the criterion runs", () => {
    const r = identify(region(true), oneYear);
    expect(r.schools.filter((s) => s.shnor).map((s) => s.id)).toEqual(["E1"]);
    expect(byId(r.schools, "E1").reasons).toContain("ЕГЭ 2025: ниже минимального балла 50,0 % ≥ P90 5,0 %, 61–100 баллов 0,0 % ≤ P10 27,0 %");
    expect(r.issues.filter((i) => i.code === "engine.bryanskEgeNotEvaluated")).toEqual([]);
  });

  it("without them it is «не оценивался» with a warning naming the columns — never a silent no", () => {
    const r = identify(region(false), oneYear);
    expect(r.schools.some((s) => s.shnor)).toBe(false);
    expect(byId(r.schools, "E1").reasons).toContain("ЕГЭ 2025: критерий не оценивался — нет числа участников ниже минимального балла и с 61–100 баллами");
    expect(r.issues.filter((i) => i.code === "engine.bryanskEgeNotEvaluated").map((i) => [i.severity, i.message])).toEqual([
      ["warning", "Брянск, ЕГЭ 2025: у 10 ОО нет столбцов «Ниже минимального балла» и «61–100 баллов» (или листа «Баллы») — критерий ЕГЭ для них не оценивался"],
    ]);
  });
});

describe("Брянск v2: ВПР counts distinct subjects", () => {
  // V1 got «2» from 6 of 20 (30 %) in maths in grades 5 and 6: one subject, not two.
  const schools = [schoolWithSwi("V1", 60), schoolWithSwi("V2", 70)];
  const scales = [scale("ВПР", 5, "Математика"), scale("ВПР", 6, "Математика"), scale("ВПР", 6, "Русский язык")];
  const rows = (russian: boolean): AggregatedResult[] => [
    agg("V1", 2025, "ВПР", 5, "Математика", 20, 1, { mark2: 6, marks45: 5 }),
    agg("V1", 2025, "ВПР", 6, "Математика", 20, 1, { mark2: 8, marks45: 5 }),
    agg("V1", 2025, "ВПР", 6, "Русский язык", 20, 1, { mark2: russian ? 6 : 1, marks45: 5 }),
    agg("V2", 2025, "ВПР", 5, "Математика", 20, 1, { mark2: 0, marks45: 5 }),
  ];
  const oneYear = bryanskWith({ bryanskYears: 1 });

  it("a subject written in two grades counts once", () => {
    expect(byId(identify({ schools, results: rows(false), scores: [], scales }, oneYear).schools, "V1").shnor).toBe(false);
  });

  it("two distinct subjects fire, and the worse grade (6th, 40 %) speaks for maths", () => {
    const v1 = byId(identify({ schools, results: rows(true), scores: [], scales }, oneYear).schools, "V1");
    expect(v1.shnorRules).toEqual(["BRYANSK"]);
    expect(v1.reasons).toContain("ВПР 2025: «2» получили не менее 30 % участников по 2 предметам (Математика, 6 кл. — 40,0 %; Русский язык, 6 кл. — 30,0 %)");
  });
});

describe("Брянск v2: three consecutive latest years", () => {
  // V1 meets the ВПР criterion (maths and Russian, 30 % «2») in every year given.
  const schools = [schoolWithSwi("V1", 60), schoolWithSwi("V2", 70)];
  const scales = [scale("ВПР", 5, "Математика"), scale("ВПР", 5, "Русский язык")];
  const yearRows = (year: number): AggregatedResult[] => [
    agg("V1", year, "ВПР", 5, "Математика", 20, 1, { mark2: 6 }),
    agg("V1", year, "ВПР", 5, "Русский язык", 20, 1, { mark2: 6 }),
    agg("V2", year, "ВПР", 5, "Математика", 20, 1, { mark2: 0 }),
  ];
  const run = (years: number[]) => identify({ schools, results: years.flatMap(yearRows), scores: [], scales }, PRESETS.bryansk);

  it("fires over 2023, 2024, 2025", () => {
    expect(byId(run([2023, 2024, 2025]).schools, "V1").shnorRules).toEqual(["BRYANSK"]);
  });

  it("does not fire over 2022, 2024, 2025 (2023 missing): only 2024–2025 are consecutive; V1 is a candidate", () => {
    const r = run([2022, 2024, 2025]);
    const v1 = byId(r.schools, "V1");
    expect(v1.shnor).toBe(false);
    expect(v1.reasons).toContain("Брянск: кандидат (данных меньше 3 лет) — критерии выполнены в каждом из имеющихся лет подряд (2024, 2025)");
    expect(r.region.notes).toContain("Брянск: в данных 2 года подряд (2024, 2025) из 3 — правило не срабатывает; кандидаты (данных меньше 3 лет): 1");
  });
});

describe("Брянск v2: ШНСУ needs remoteness AND resource insufficiency", () => {
  const base: Partial<School> = { stableInternet: true, computersPer100: 20, teacherVacancies: 0, nearestSchoolKm: 5, hardToReach: false };
  const schools = [
    schoolWithSwi("A", 60, { ...base, teacherVacancies: 1 }), // one vacancy only
    schoolWithSwi("B", 60, { ...base, nearestSchoolKm: 40 }), // remote only
    schoolWithSwi("C", 60, { ...base, nearestSchoolKm: 40, teacherVacancies: 1 }), // remote and a vacancy
    schoolWithSwi("D", 60, { ...base, hardToReach: true, stableInternet: false }), // hard to reach and no internet
  ];
  const r = identify({ schools, results: [], scores: [], scales: [] }, PRESETS.bryansk);

  it.each([
    ["A", false],
    ["B", false],
    ["C", true],
    ["D", true],
  ] as const)("school %s: ШНСУ %s", (id, shnsu) => {
    expect(byId(r.schools, id).shnsu).toBe(shnsu);
  });

  it("explains the two parts", () => {
    expect(byId(r.schools, "C").reasons.find((x) => x.startsWith("ШНСУ"))).toBe(
      "ШНСУ: выполнены все условия — Удалённость / труднодоступность — до ближайшей ОО 40,0 км ≥ 30; и Дефицит педагогических кадров — вакансий 1 > 0",
    );
  });
});
