import { identify, PRESETS, PRESET_IDS, resolveMethodology, type IdentificationInput, type School } from "../../src/engine";
import { agg, scale, schoolWithSwi } from "./helpers/builders";
import { disagreeingRegion } from "./helpers/disagreeingRegion";

const categories = (preset: keyof typeof PRESETS) =>
  Object.fromEntries(identify(disagreeingRegion(), PRESETS[preset]).schools.map((s) => [s.id, s.category]));

describe("presets on one region", () => {
  it("КБР: R1 for P5, the low-ИСБ group as ШНСУ, two factors as the risk zone", () => {
    expect(categories("kbr")).toEqual({
      P1: "ШНСУ",
      P2: "ШНСУ",
      P3: "Зона риска", // teacher shortage + remoteness
      P4: "Зона риска", // teacher shortage + remoteness + failure risk
      P5: "ШНОР",
      P6: "Без рисков",
      P7: "Без рисков",
      P8: "Без рисков",
    });
  });

  it("Ставрополь: the staff index replaces the vacancy, competence and specialists rows, so P3 leaves the risk zone", () => {
    const r = identify(disagreeingRegion(), PRESETS.stavropol);
    expect(Object.fromEntries(r.schools.map((s) => [s.id, s.category]))).toEqual({
      P1: "ШНСУ",
      P2: "ШНСУ",
      P3: "Без рисков",
      P4: "Зона риска", // remoteness + failure risk
      P5: "ШНОР",
      P6: "Без рисков",
      P7: "Без рисков",
      P8: "Без рисков",
    });
    const p3 = r.schools.find((s) => s.id === "P3")!;
    expect(p3.staffIndex).toBeCloseTo(0.6, 12);
    expect(p3.riskFactors.map((f) => f.id)).toContain("lowStaffIndex");
    expect(p3.riskFactors.find((f) => f.id === "lowStaffIndex")?.value).toBe(false);
    for (const id of ["teacherShortage", "teacherCompetence", "noSpecialists", "lowEquipment"]) expect(p3.riskFactors.map((f) => f.id)).not.toContain(id);
    expect(r.region.references["staffIndexP25"]).toBeCloseTo(0.6, 12);
  });

  it("Брянск (v2): one year of data makes P6 a candidate, not ШНОР; remote AND short of resources makes ШНСУ", () => {
    const r = identify(disagreeingRegion(), PRESETS.bryansk);
    expect(Object.fromEntries(r.schools.map((s) => [s.id, s.category]))).toEqual({
      P1: "Без рисков",
      P2: "Без рисков",
      P3: "ШНСУ", // 45 km AND a vacancy
      P4: "ШНСУ", // hard to reach AND two vacancies
      P5: "Без рисков",
      P6: "Без рисков",
      P7: "Без рисков",
      P8: "Без рисков",
    });
    const p6 = r.schools.find((s) => s.id === "P6")!;
    expect(p6.shnorRules).toEqual([]);
    expect(p6.reasons).toContain("Брянск: кандидат (данных меньше 3 лет) — критерии выполнены в каждом из имеющихся лет подряд (2025)");
    expect(p6.reasons).toContain("ВПР 2025: «2» получили не менее 30 % участников по 2 предметам (Математика, 5 кл. — 30,0 %; Русский язык, 5 кл. — 30,0 %)");
    expect(r.region.notes).toContain("Брянск: в данных 1 год подряд (2025) из 3 — правило не срабатывает; кандидаты (данных меньше 3 лет): 1");
  });

  it("Новолакский район: the mean-score gap and low continuation add ШНОР; two of three deficits make ШНСУ", () => {
    const r = identify(disagreeingRegion(), PRESETS.novolaksky);
    expect(Object.fromEntries(r.schools.map((s) => [s.id, s.category]))).toEqual({
      P1: "Без рисков",
      P2: "Без рисков",
      P3: "ШНСУ",
      P4: "ШНСУ",
      P5: "ШНОР",
      P6: "Без рисков",
      P7: "ШНОР",
      P8: "ШНОР",
    });
    const p8 = r.schools.find((s) => s.id === "P8")!;
    expect(p8.shnorRules).toEqual(["MEANGAP"]);
    expect(p8.reasons).toContain("ОГЭ 2025, Математика: средний балл 2,0 ниже среднего по муниципалитету 24,8 на 22,8 (> 20)");
    expect(r.schools.find((s) => s.id === "P7")!.shnorRules).toEqual(["lowContinuation"]);
  });

  it("records which preset was used in each result", () => {
    for (const id of PRESET_IDS) expect(identify(disagreeingRegion(), PRESETS[id]).methodology.preset).toBe(id);
  });
});

describe("Брянск over three years", () => {
  /** P6's ВПР criterion holds in 2024 and 2025 but not 2023: not ШНОР; holding in all three: ШНОР. */
  function threeYears(failIn2023: boolean): IdentificationInput {
    const region = disagreeingRegion();
    const results = [2023, 2024, 2025].flatMap((year) =>
      region.results.map((r) => ({ ...r, year, mark2: r.schoolId === "P6" && r.procedure === "ВПР" ? (year === 2023 && !failIn2023 ? 5 : 6) : r.mark2 })),
    );
    return { ...region, results };
  }
  it("needs the criterion in each of the three latest years", () => {
    expect(identify(threeYears(false), PRESETS.bryansk).schools.find((s) => s.id === "P6")!.shnor).toBe(false);
    expect(identify(threeYears(true), PRESETS.bryansk).schools.find((s) => s.id === "P6")!.shnor).toBe(true);
  });
});

describe("Брянск from participant rows", () => {
  /**
   * Ten schools, ten ЕГЭ participants each in Русский язык (minimum 24). E1: 5 below 24 and none
   * at 61+; the others: none below 24 and 3 at 61+. Shares below the minimum: .5 and 0 × 9 →
   * P90 = .05; shares at 61+: 0 and .3 × 9 → P10 = .27. E1 meets both halves; the others have no
   * failures at all, so they are not "among the highest".
   * ОГЭ Математика (cut-offs 8 / 15 / 22): O1 has 4 of 10 below 8 ("2" from the cut-off) and
   * nobody at 15+; the others get 12 ("3") and 16 ("4").
   */
  function participantRegion(): IdentificationInput {
    const ids = Array.from({ length: 10 }, (_, i) => `E${i + 1}`);
    const scores = ids.flatMap((id, i) =>
      Array.from({ length: 10 }, (_, k) => {
        const ege = i === 0 ? (k < 5 ? 20 : 50) : k < 3 ? 70 : 50;
        const oge = i === 0 ? (k < 4 ? 5 : 12) : k < 5 ? 12 : 16;
        return [
          { schoolId: id, year: 2025, procedure: "ЕГЭ", grade: 11, participantId: `${id}-${k}`, subject: "Русский язык", score: ege, mark: null, journalMark: null },
          { schoolId: id, year: 2025, procedure: "ОГЭ", grade: 9, participantId: `${id}-o${k}`, subject: "Математика", score: oge, mark: null, journalMark: null },
        ];
      }).flat(),
    );
    return {
      schools: ids.map((id, i) => schoolWithSwi(id, 60 + i)),
      results: [],
      scores,
      scales: [
        scale("ЕГЭ", 11, "Русский язык", { minScore: 24, maxScore: 100, highScore: 81, cut3: null, cut4: null, cut5: null }),
        scale("ОГЭ", 9, "Математика", { minScore: 8, maxScore: 31, highScore: 22, cut3: 8, cut4: 15, cut5: 22 }),
      ],
    };
  }

  it("finds the ЕГЭ and ОГЭ criteria and names them with the percentiles", () => {
    const oneYear = resolveMethodology("bryansk", { bryanskYears: 1 });
    if (!oneYear.ok) throw new Error(oneYear.errors.join());
    const r = identify(participantRegion(), oneYear.value);
    const shnor = r.schools.filter((s) => s.shnor).map((s) => s.id);
    expect(shnor).toEqual(["E1"]);
    const e1 = r.schools[0]!;
    expect(e1.reasons).toContain("ЕГЭ 2025: ниже минимального балла 50,0 % ≥ P90 5,0 %, 61–100 баллов 0,0 % ≤ P10 27,0 %");
    expect(e1.reasons).toContain("ОГЭ 2025: доля «2» 40,0 % ≥ P90 4,0 %, доля «4» и «5» 0,0 % ≤ P10 45,0 %");
  });
});
