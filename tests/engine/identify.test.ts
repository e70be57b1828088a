import { identify, PRESETS, resolveMethodology, type IdentificationInput, type SchoolResult } from "../../src/engine";
import { agg, scale, school, schoolWithSwi } from "./helpers/builders";

const byId = (schools: readonly SchoolResult[], id: string): SchoolResult => {
  const s = schools.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no school ${id}`);
  return s;
};

/**
 * Eleven schools; ВПР grade 5 and ОГЭ grade 9, aggregated counts of `Ниже Bmin` out of 20.
 * 2025 ВПР lows 0 … 0.40, 0.60 → P90 = 0.42: S10 only. 2025 ОГЭ: S09 = S10 = 0.45 = P90: both (tie).
 * 2024 ВПР: S09 = 0.60 → P90 0.42: S09 only. So S10 fires R1, S09 fires R2.
 * S11 has 5 participants: not evaluated and outside the percentiles.
 * ИСБ 40, 60, 61, …, 69 → Q1 = 61.5: S01–S03 are in the low-ИСБ group.
 */
function lowResultsRegion(): IdentificationInput {
  const swis = [40, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69];
  const ids = swis.map((_, i) => `S${String(i + 1).padStart(2, "0")}`);
  const schools = ids.map((id, i) => schoolWithSwi(id, swis[i] as number, { municipality: i < 5 ? "Район А" : "Район Б" }));
  const vpr25 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12];
  const oge25 = [0, 1, 2, 3, 4, 5, 6, 7, 9, 9];
  const vpr24 = [0, 1, 2, 3, 4, 5, 6, 7, 12, 8];
  const results = [
    ...vpr25.map((b, i) => agg(ids[i] as string, 2025, "ВПР", 5, "Математика", 20, b)),
    ...oge25.map((b, i) => agg(ids[i] as string, 2025, "ОГЭ", 9, "Математика", 20, b)),
    ...vpr24.map((b, i) => agg(ids[i] as string, 2024, "ВПР", 5, "Математика", 20, b)),
    agg("S11", 2025, "ВПР", 5, "Математика", 5, 5),
  ];
  return { schools, results, scores: [], scales: [scale("ВПР", 5, "Математика"), scale("ОГЭ", 9, "Математика")] };
}

describe("identify: low results (SPEC §3)", () => {
  const result = identify(lowResultsRegion(), PRESETS.kbr);

  it("fires R1 for two procedures with low results in the latest year", () => {
    const s10 = byId(result.schools, "S10");
    expect(s10.shnorRules).toEqual(["R1"]);
    expect(s10.procedures.filter((p) => p.lowResults).map((p) => `${p.procedure} ${p.year}`)).toEqual(["ВПР 5 кл. 2025", "ОГЭ 9 кл. 2025"]);
    expect(s10.reasons).toContain("ВПР 5 кл. 2025: индекс низких результатов 60,0 % ≥ P90 42,0 %");
  });

  it("fires R2 for one procedure in each of the two latest years, and counts ties at the percentile as low", () => {
    const s09 = byId(result.schools, "S09");
    expect(s09.shnorRules).toEqual(["R2"]);
    expect(s09.procedures.find((p) => p.year === 2025 && p.procedure === "ОГЭ 9 кл.")?.lowResults).toBe(true);
  });

  it("does not evaluate a procedure with fewer participants than the minimum, and says so", () => {
    const s11 = byId(result.schools, "S11");
    const vpr = s11.procedures.find((p) => p.procedure === "ВПР 5 кл.");
    expect(vpr?.evaluated).toBe(false);
    expect(vpr?.lowResults).toBeNull();
    expect(vpr?.lowIndex).toBe(1);
    expect(s11.shnor).toBe(false);
    expect(s11.reasons).toContain("ВПР 5 кл. 2025: мало участников (5)");
  });

  it("records the regional percentile it used", () => {
    expect(result.region.references["lowP90:ВПР 5 кл.|2025"]).toBeCloseTo(0.42, 12);
    expect(result.region.references["lowP90:ОГЭ 9 кл.|2025"]).toBeCloseTo(0.45, 12);
  });

  it("puts ИСБ ≤ Q1 into ШНСУ and combines the categories", () => {
    expect(result.region.swiQ1).toBeCloseTo(61.5, 12);
    expect(result.schools.map((s) => [s.id, s.category])).toEqual([
      ["S01", "ШНСУ"],
      ["S02", "ШНСУ"],
      ["S03", "ШНСУ"],
      ["S04", "Без рисков"],
      ["S05", "Без рисков"],
      ["S06", "Без рисков"],
      ["S07", "Без рисков"],
      ["S08", "Без рисков"],
      ["S09", "ШНОР"],
      ["S10", "ШНОР"],
      ["S11", "Без рисков"],
    ]);
    expect(byId(result.schools, "S03").reasons[0]).toBe("ИСБ 61,0 ≤ Q1 61,5");
    expect(byId(result.schools, "S04").reasons[0]).toBe("ИСБ 62,0 > Q1 61,5");
    expect(byId(result.schools, "S01").types).toEqual(["T2"]);
  });

  it("counts the municipalities (seed 001: share of ШНОР ∪ ШНСУ)", () => {
    expect(result.municipalities).toEqual([
      { name: "Район А", schools: 5, shnor: 0, shnsu: 3, shnorOrShnsu: 3, share: 0.6 },
      { name: "Район Б", schools: 6, shnor: 2, shnsu: 0, shnorOrShnsu: 2, share: 2 / 6 },
    ]);
  });

  it("says why there are no groups when there is no result to regress", () => {
    expect(result.region.regression.slope).toBeNull();
    expect(result.region.regression.note).toMatch(/не меньше 3/);
    expect(result.schools.every((s) => s.group === null)).toBe(true);
  });

  it("leaves out a procedure with signs of non-objectivity, and keeps it with the switch off", () => {
    const input = lowResultsRegion();
    const results = input.results.map((r) => (r.schoolId === "S10" && r.year === 2025 && r.procedure === "ВПР" ? { ...r, gradeSize: 100 } : r));
    const excluded = identify({ ...input, results }, PRESETS.kbr);
    const s10 = byId(excluded.schools, "S10");
    expect(s10.nonObjectivityCount).toBe(1);
    expect(s10.procedures.find((p) => p.procedure === "ВПР 5 кл." && p.year === 2025)).toMatchObject({ nonObjective: true, lowResults: null, participation: 0.2 });
    expect(s10.shnor).toBe(false);
    expect(s10.reasons).toContain("ВПР 5 кл. 2025: признаки необъективности — требуется проверка; результаты не учтены");
    expect(s10.reasons.some((r) => r.startsWith("признаки необъективности — требуется проверка: 1 процедура в 2025 году (по годам: 2025 — 1): ВПР 5 кл. 2025: низкая доля участников — участвовали 20 % параллели"))).toBe(true);

    const kept = resolveMethodology("kbr", { excludeNonObjective: false });
    if (!kept.ok) throw new Error(kept.errors.join());
    const s10kept = byId(identify({ ...input, results }, kept.value).schools, "S10");
    expect(s10kept.shnorRules).toEqual(["R1"]);
    expect(s10kept.nonObjectivityCount).toBe(1);
  });

  it("explains only the years the rules look at", () => {
    const input = lowResultsRegion();
    const older = { ...input, results: [...input.results, agg("S01", 2023, "ВПР", 5, "Математика", 20, 20)] };
    const s01 = byId(identify(older, PRESETS.kbr).schools, "S01");
    expect(s01.procedures.find((p) => p.year === 2023)?.lowResults).toBe(true);
    expect(s01.reasons.some((r) => r.includes("2023"))).toBe(false);
  });

  it("pools grades when the procedure unit is the whole procedure", () => {
    const pooled = resolveMethodology("kbr", { procedureUnit: "procedure" });
    if (!pooled.ok) throw new Error(pooled.errors.join());
    const r = identify(lowResultsRegion(), pooled.value);
    expect(byId(r.schools, "S10").procedures.map((p) => p.procedure)).toEqual(["ВПР", "ВПР", "ОГЭ"]);
    expect(byId(r.schools, "S10").shnorRules).toEqual(["R1"]);
  });
});

describe("identify: groups (SPEC §6)", () => {
  it("reproduces the SPEC §10 regression on the latest mass index", () => {
    const swis = [50, 60, 70, 80];
    const mids = [4, 5, 8, 7];
    const input: IdentificationInput = {
      schools: swis.map((v, i) => schoolWithSwi(`G${i}`, v)),
      results: mids.map((m, i) => agg(`G${i}`, 2025, "ВПР", 5, "Математика", 10, 0, { atLeastMid: m })),
      scores: [],
      scales: [scale("ВПР", 5, "Математика")],
    };
    const r = identify(input, PRESETS.kbr);
    expect(r.region.regression.slope).toBeCloseTo(0.012, 12);
    expect(r.region.regression.intercept).toBeCloseTo(-0.18, 12);
    expect(r.region.regression.n).toBe(4);
    expect(r.schools.map((s) => s.group)).toEqual(["ordinary", "ordinary", "effective", "ordinary"]);
    expect(r.schools[2]!.groupResidual).toBeCloseTo(0.14, 12);
    expect(r.schools[2]!.reasons.some((x) => x.startsWith("эффективная: остаток 0,140"))).toBe(true);
  });
});

describe("identify: edge regions", () => {
  it("puts the only school of a region into the low-ИСБ group (Q1 is its own ИСБ)", () => {
    const r = identify({ schools: [schoolWithSwi("ONE", 70, { locality: "село", enrollment: 87 })], results: [], scores: [], scales: [] }, PRESETS.kbr);
    expect(r.region.swiQ1).toBe(70);
    expect(r.schools[0]).toMatchObject({ lowSwi: true, shnsu: true, shnor: false, category: "ШНСУ", types: ["T1", "T3"], procedures: [] });
    expect(r.region.latestYear).toBeNull();
    expect(r.region.notes[0]).toMatch(/Нет результатов/);
  });

  it("gives no ИСБ, no group and no type to a school without the social columns, and says so", () => {
    const r = identify({ schools: [school("A"), school("B", { registered: null })], results: [], scores: [], scales: [] }, PRESETS.kbr);
    const b = byId(r.schools, "B");
    expect(b).toMatchObject({ swi: null, lowSwi: null, types: [], shnsu: false, category: "Без рисков" });
    expect(b.reasons[0]).toBe("ИСБ не рассчитан: нет данных (Ду)");
    expect(r.region.swiQ1).toBe(85);
  });

  it("lists the types it cannot check for lack of data instead of a silent no", () => {
    const r = identify({ schools: [schoolWithSwi("X", 50, { locality: "село", enrollment: null })], results: [], scores: [], scales: [] }, PRESETS.kbr);
    expect(r.schools[0]!.types).toEqual(["T1"]);
    expect(r.schools[0]!.typesNotEvaluable).toEqual(["T3", "T4", "T6"]);
    expect(r.schools[0]!.reasons).toContain("T3 не оценён: нет данных");
  });

  it("returns an empty, well-formed result for an empty region", () => {
    const r = identify({ schools: [], results: [], scores: [], scales: [] }, PRESETS.kbr);
    expect(r.schools).toEqual([]);
    expect(r.municipalities).toEqual([]);
    expect(r.region.swiQ1).toBeNull();
  });

  it("records the methodology and every parameter it used", () => {
    const m = resolveMethodology("kbr", { minParticipants: 5 });
    if (!m.ok) throw new Error(m.errors.join());
    const r = identify({ schools: [], results: [], scores: [], scales: [] }, m.value);
    expect(r.methodology.preset).toBe("kbr");
    expect(r.methodology.parameters["minParticipants"]).toBe(5);
    expect(r.methodology.parameters["swiBase"]).toBe(85);
    expect(Object.keys(r.methodology.parameters)).toEqual(Object.keys(PRESETS.kbr.parameters));
  });
});

describe("resolveMethodology", () => {
  it.each([
    ["an unknown parameter", { nosuch: 1 }, "Неизвестный параметр «nosuch»"],
    ["text where a number is due", { minParticipants: "10" }, "Параметр «minParticipants»: ожидалось число"],
    ["a percentile above 1", { lowResultsPercentile: 90 }, "Параметр «lowResultsPercentile»: ожидалось число от 0 до 1"],
    ["a negative count", { minParticipants: -1 }, "Параметр «minParticipants»: ожидалось неотрицательное число"],
    ["a wrong procedure unit", { procedureUnit: "grade" }, "Параметр «procedureUnit»: ожидалось procedure или procedureGrade"],
    ["an unknown risk factor", { riskFactors: ["teacherShortage", "x"] }, "Параметр «riskFactors»"],
    ["decreasing level cuts", { levelCuts: [0.5, 0.4, 0.6, 0.8] }, "Параметр «levelCuts»"],
  ])("rejects %s", (_name, overrides, message) => {
    const r = resolveMethodology("kbr", overrides);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toContain(message);
  });

  it("reports every bad parameter at once", () => {
    const r = resolveMethodology("kbr", { a: 1, b: 2, margin: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(3);
  });

  it("overrides a preset's parameter and keeps the rest", () => {
    const r = resolveMethodology("bryansk", { bryanskYears: 2 });
    expect(r.ok && r.value.parameters.bryanskYears).toBe(2);
    expect(r.ok && r.value.parameters.shnorRules.bryansk).toBe(true);
  });
});
