/**
 * The methodology comparison (issue 15) on the hand-built region where the presets disagree
 * (helpers/disagreeingRegion.ts; its comments give the hand computation). Expected verdicts:
 *
 *          КБР          Ставрополь   Брянск   Новолакский
 *   ШНОР   P5           P5           P6       P5, P7, P8
 *   ШНСУ   P1, P2       P1, P2       P3, P4   P3, P4
 */
import {
  compareMethodologies,
  identify,
  overlapOf,
  PRESETS,
  PRESET_IDS,
  resolveMethodology,
  STATISTICS_PARAMETERS,
  type IdentificationInput,
  type Methodology,
  type MethodologyParameters,
} from "../../src/engine";
import { procedureStats } from "../../src/engine/procedureStats";
import { score } from "./helpers/builders";
import { disagreeingRegion } from "./helpers/disagreeingRegion";

const ALL: Methodology[] = PRESET_IDS.map((id) => PRESETS[id]);

function counted(): { calls: MethodologyParameters[]; stats: typeof procedureStats } {
  const calls: MethodologyParameters[] = [];
  return {
    calls,
    stats: (results, scores, scales, params) => {
      calls.push(params);
      return procedureStats(results, scores, scales, params);
    },
  };
}

describe("compareMethodologies on the region where the presets disagree", () => {
  const c = compareMethodologies(disagreeingRegion(), ALL);
  const school = (id: string) => c.schools.find((s) => s.id === id)!;

  it("lists exactly the expected category of every school under every preset", () => {
    expect(Object.fromEntries(c.schools.map((s) => [s.id, s.categories]))).toEqual({
      P1: { kbr: "ШНСУ", stavropol: "ШНСУ", bryansk: "Без рисков", novolaksky: "Без рисков" },
      P2: { kbr: "ШНСУ", stavropol: "ШНСУ", bryansk: "Без рисков", novolaksky: "Без рисков" },
      P3: { kbr: "Зона риска", stavropol: "Без рисков", bryansk: "ШНСУ", novolaksky: "ШНСУ" },
      P4: { kbr: "Зона риска", stavropol: "Зона риска", bryansk: "ШНСУ", novolaksky: "ШНСУ" },
      P5: { kbr: "ШНОР", stavropol: "ШНОР", bryansk: "Без рисков", novolaksky: "ШНОР" },
      // P6 meets Брянск's ВПР criterion in 2025 only: SPEC §8 version 2 needs three consecutive years,
      // so it is a candidate, not ШНОР.
      P6: { kbr: "Без рисков", stavropol: "Без рисков", bryansk: "Без рисков", novolaksky: "Без рисков" },
      P7: { kbr: "Без рисков", stavropol: "Без рисков", bryansk: "Без рисков", novolaksky: "ШНОР" },
      P8: { kbr: "Без рисков", stavropol: "Без рисков", bryansk: "Без рисков", novolaksky: "ШНОР" },
    });
    expect(school("P5").rules).toEqual({ kbr: ["R1"], stavropol: ["R1"], bryansk: [], novolaksky: ["R1"] });
    expect(school("P6").rules["bryansk"]).toEqual([]);
    expect(school("P7").rules["novolaksky"]).toEqual(["lowContinuation"]);
    expect(school("P8").rules["novolaksky"]).toEqual(["MEANGAP"]);
    // Every school is on some list under some methodology and off it under another.
    // P6 is on no list: Брянск needs three consecutive years (SPEC §8 version 2).
    expect(c.schools.map((s) => s.listedIn)).toEqual(["some", "some", "some", "some", "some", "none", "some", "some"]);
  });

  it("counts per methodology", () => {
    expect(Object.fromEntries(c.presets.map((p) => [p.id, p.counts]))).toEqual({
      kbr: { shnor: 1, shnsu: 2, shnorAndShnsu: 0, shnorOrShnsu: 3, riskZone: 2, noRisk: 3 },
      stavropol: { shnor: 1, shnsu: 2, shnorAndShnsu: 0, shnorOrShnsu: 3, riskZone: 1, noRisk: 4 },
      bryansk: { shnor: 0, shnsu: 2, shnorAndShnsu: 0, shnorOrShnsu: 2, riskZone: 0, noRisk: 6 },
      novolaksky: { shnor: 3, shnsu: 2, shnorAndShnsu: 0, shnorOrShnsu: 5, riskZone: 0, noRisk: 3 },
    });
  });

  it("overlaps of every pair, for ШНОР and for ШНСУ", () => {
    const o = (status: "shnor" | "shnsu", a: string, b: string) => {
      const x = overlapOf(c, status, a, b)!;
      return [x.both, x.onlyFirst, x.onlySecond];
    };
    // ШНОР: КБР {P5}, Ставрополь {P5}, Брянск {} (one year of data), Новолакский {P5, P7, P8}.
    expect(o("shnor", "kbr", "stavropol")).toEqual([1, 0, 0]);
    expect(o("shnor", "kbr", "bryansk")).toEqual([0, 1, 0]);
    expect(o("shnor", "kbr", "novolaksky")).toEqual([1, 0, 2]);
    expect(o("shnor", "stavropol", "bryansk")).toEqual([0, 1, 0]);
    expect(o("shnor", "stavropol", "novolaksky")).toEqual([1, 0, 2]);
    expect(o("shnor", "bryansk", "novolaksky")).toEqual([0, 0, 3]);
    expect(o("shnor", "novolaksky", "bryansk")).toEqual([0, 3, 0]);
    // ШНСУ: КБР and Ставрополь {P1, P2} (low ИСБ); Брянск and Новолакский {P3, P4} (deficits, remoteness).
    expect(o("shnsu", "kbr", "stavropol")).toEqual([2, 0, 0]);
    expect(o("shnsu", "bryansk", "novolaksky")).toEqual([2, 0, 0]);
    for (const a of ["kbr", "stavropol"]) for (const b of ["bryansk", "novolaksky"]) expect(o("shnsu", a, b)).toEqual([0, 2, 2]);
    expect(c.overlap).toHaveLength(12);
    expect(c.overlap.map((x) => `${x.status}:${x.first}-${x.second}`).slice(0, 6)).toEqual([
      "shnor:kbr-stavropol",
      "shnor:kbr-bryansk",
      "shnor:kbr-novolaksky",
      "shnor:stavropol-bryansk",
      "shnor:stavropol-novolaksky",
      "shnor:bryansk-novolaksky",
    ]);
  });

  it("explains a difference by the deciding rule and its numbers", () => {
    // P5: ВПР 5 lows .05 .10 .15 .20 .50 .05 .10 .15 → P90 = .20 + .3 × .30 = .29; ОГЭ → .05 + .3 × .45 = .185.
    expect(school("P5").explanations.map((e) => [e.status, e.text])).toEqual([
      [
        "shnor",
        "КБР, Ставрополь, Новолакский р-н: R1 — низкие результаты: ВПР 5 кл. 2025 50,0 % ≥ P90 29,0 %, ОГЭ 9 кл. 2025 50,0 % ≥ P90 18,5 %; " +
          "Брянск: критерии ЕГЭ/ОГЭ/ВПР не выполнены (2025)",
      ],
    ]);
    // P6: Брянск lists it only with three consecutive years (SPEC §8 version 2); with one, no method does.
    expect(school("P6").explanations).toEqual([]);
    // P8: ОГЭ mean 2 vs the municipality's (7 × 28 + 2) / 8 = 24.75.
    expect(school("P8").explanations[0]?.parts[0]).toBe(
      "Новолакский р-н: средний балл ниже муниципального — ОГЭ 2025, Математика: средний балл 2,0 ниже среднего по муниципалитету 24,8 на 22,8 (> 20)",
    );
    expect(school("P7").explanations[0]?.parts[0]).toBe("Новолакский р-н: Низкая доля продолжающих обучение — продолжили обучение в 10 классе 50,0 % < порог 60,0 %");
    // ШНСУ: ИСБ against Q1 = 50 + 0.75 × 20 = 65 for КБР and Ставрополь; the deficits for the others.
    expect(school("P1").explanations.map((e) => e.text)).toEqual([
      "КБР, Ставрополь: ИСБ 40,0 ≤ Q1 65,0; Брянск: нужны все условия: не выполнено: Удалённость / труднодоступность + не выполнено: Низкий уровень оснащения школы или Дефицит педагогических кадров; Новолакский р-н: условий 0 из 3 (нужно 2)",
    ]);
    expect(school("P3").explanations[0]?.parts).toEqual([
      "Брянск: нужны все условия: Удалённость / труднодоступность — до ближайшей ОО 45,0 км ≥ 30 + Дефицит педагогических кадров — вакансий 1 > 0",
      "Новолакский р-н: условий 2 из 3 (нужно 2): Удалённость / труднодоступность — до ближайшей ОО 45,0 км ≥ 30 + Дефицит педагогических кадров — вакансий 1 > 0",
      "КБР, Ставрополь: ИСБ 70,0 > Q1 65,0",
    ]);
  });

  it("gives each preset the same verdicts as its own identify()", () => {
    ALL.forEach((m, i) => {
      const own = identify(disagreeingRegion(), m);
      expect(c.results[i]?.schools.map((s) => [s.id, s.category, s.shnorRules, s.reasons])).toEqual(own.schools.map((s) => [s.id, s.category, s.shnorRules, s.reasons]));
    });
  });
});

describe("statistics shared among presets", () => {
  it("computes the procedure statistics once for the four presets (they agree on margin, unit and the ЕГЭ band)", () => {
    const { calls, stats } = counted();
    const c = compareMethodologies(disagreeingRegion(), ALL, { stats });
    expect(calls).toHaveLength(1);
    expect(c.statistics).toEqual([{ presets: ["kbr", "stavropol", "bryansk", "novolaksky"], parameters: { margin: 0.05, procedureUnit: "procedureGrade", bryanskEgeHighFrom: 61 } }]);
    expect(c.presets.map((p) => p.statistics)).toEqual([0, 0, 0, 0]);
  });

  it("computes them once per distinct set of statistics parameters, and only parameters read by the statistics split them", () => {
    const pooled = resolveMethodology("bryansk", { procedureUnit: "procedure" });
    const stricter = resolveMethodology("kbr", { minParticipants: 5, lowResultsPercentile: 0.8 });
    if (!pooled.ok || !stricter.ok) throw new Error("bad overrides");
    const { calls, stats } = counted();
    const c = compareMethodologies(disagreeingRegion(), [stricter.value, PRESETS.stavropol, pooled.value, PRESETS.novolaksky], { stats });
    expect(calls.map((p) => p.procedureUnit)).toEqual(["procedureGrade", "procedure"]);
    expect(c.statistics.map((s) => s.presets)).toEqual([["kbr", "stavropol", "novolaksky"], ["bryansk"]]);
    expect(c.presets.map((p) => [p.id, p.label, p.statistics, p.changed])).toEqual([
      ["kbr", "КБР (изм.)", 0, { minParticipants: 5, lowResultsPercentile: 0.8 }],
      ["stavropol", "Ставрополь", 0, {}],
      ["bryansk", "Брянск (изм.)", 1, { procedureUnit: "procedure" }],
      ["novolaksky", "Новолакский р-н", 0, {}],
    ]);
    // The shared statistics give what each methodology's own run gives.
    expect(c.results[0]?.schools.map((s) => s.category)).toEqual(identify(disagreeingRegion(), stricter.value).schools.map((s) => s.category));
    expect(c.results[2]?.schools.map((s) => s.category)).toEqual(identify(disagreeingRegion(), pooled.value).schools.map((s) => s.category));
  });

  it("procedureStats reads no parameter besides STATISTICS_PARAMETERS (so sharing by them is safe)", () => {
    const read = new Set<string>();
    const spy = new Proxy(PRESETS.kbr.parameters, {
      get(target, key, receiver) {
        if (typeof key === "string") read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const region = disagreeingRegion();
    procedureStats(region.results, region.scores, region.scales, spy);
    // Participant rows too, which read the ЕГЭ band.
    procedureStats([], [score("P1", 2025, "ЕГЭ", 11, "x", "Математика", 70)], region.scales.concat([{ ...region.scales[0]!, procedure: "ЕГЭ", grade: 11 }]), spy);
    expect([...read].sort()).toEqual([...STATISTICS_PARAMETERS].sort());
  });

  it("rejects a preset given twice", () => {
    expect(() => compareMethodologies(disagreeingRegion(), [PRESETS.kbr, PRESETS.kbr])).toThrow(RangeError);
  });
});

describe("a school on the lists of all, some or none of the methodologies", () => {
  it("says «all» and «none» where the presets agree, and explains nothing there", () => {
    const c = compareMethodologies(disagreeingRegion(), [PRESETS.kbr, PRESETS.stavropol]);
    const by = Object.fromEntries(c.schools.map((s) => [s.id, s.listedIn]));
    expect(by).toEqual({ P1: "all", P2: "all", P3: "none", P4: "none", P5: "all", P6: "none", P7: "none", P8: "none" });
    expect(c.schools.every((s) => s.explanations.length === 0)).toBe(true);
    expect(c.overlap).toEqual([
      { status: "shnor", first: "kbr", second: "stavropol", both: 1, onlyFirst: 0, onlySecond: 0 },
      { status: "shnsu", first: "kbr", second: "stavropol", both: 2, onlyFirst: 0, onlySecond: 0 },
    ]);
  });
});

describe("explanations over three years", () => {
  /** The disagreeing region repeated in 2023–2025; P6's ВПР «2» criterion holds every year. */
  function threeYears(): IdentificationInput {
    const region = disagreeingRegion();
    return { ...region, results: [2023, 2024, 2025].flatMap((year) => region.results.map((r) => ({ ...r, year }))) };
  }
  it("names R1 and R2 with every low-results unit of the window, and Брянск's criterion in each year", () => {
    const c = compareMethodologies(threeYears(), [PRESETS.kbr, PRESETS.bryansk]);
    const p5 = c.schools.find((s) => s.id === "P5")!;
    expect(p5.rules).toEqual({ kbr: ["R1", "R2"], bryansk: [] });
    // Every year alike: P90 .29 (ВПР 5) and .185 (ОГЭ 9) in 2024 and 2025 (the R2 window).
    expect(p5.explanations[0]?.text).toBe(
      "КБР: R1, R2 — низкие результаты: ВПР 5 кл. 2025 50,0 % ≥ P90 29,0 %, ОГЭ 9 кл. 2025 50,0 % ≥ P90 18,5 %, ВПР 5 кл. 2024 50,0 % ≥ P90 29,0 %, ОГЭ 9 кл. 2024 50,0 % ≥ P90 18,5 %; " +
        "Брянск: критерии ЕГЭ/ОГЭ/ВПР не выполнены (2023, 2024, 2025)",
    );
    const p6 = c.schools.find((s) => s.id === "P6")!;
    const vpr = (year: number) => `ВПР ${year}: «2» получили не менее 30 % участников по 2 предметам (Математика, 5 кл. — 30,0 %; Русский язык, 5 кл. — 30,0 %)`;
    expect(p6.explanations[0]?.parts).toEqual([`Брянск: критерии ЕГЭ/ОГЭ/ВПР — ${vpr(2025)} + ${vpr(2024)} + ${vpr(2023)}`, "КБР: R1/R2 не выполнены: низких результатов нет"]);
  });
});
