import { identify, monitor, PRESETS, resolveMethodology, type Methodology } from "../../src/engine";
import { threeYearRegion } from "./region";

function methodology(overrides: Readonly<Record<string, unknown>>): Methodology {
  const r = resolveMethodology("kbr", overrides);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.value;
}

describe("monitor: identification year by year", () => {
  const { dynamics } = monitor(threeYearRegion(), PRESETS.kbr);

  it("identifies every year present in the results", () => {
    expect(dynamics.years).toEqual([2023, 2024, 2025]);
  });

  it("counts ШНОР, ШНСУ and the risk zone of each year's own identification", () => {
    // ШНОР: 2023 none (R2 needs 2022), 2024 S09 + S10, 2025 S09; ШНСУ S01–S03; risk zone S04, S05.
    expect(dynamics.region.map((y) => [y.year, y.shnor, y.shnsu, y.shnorOrShnsu, y.riskZone])).toEqual([
      [2023, 0, 3, 3, 2],
      [2024, 2, 3, 5, 2],
      [2025, 1, 3, 4, 2],
    ]);
  });

  it("gives the same latest year as identify on the whole input", () => {
    const whole = identify(threeYearRegion(), PRESETS.kbr);
    const latest = dynamics.schools.map((s) => [s.id, s.years[s.years.length - 1]?.category]);
    expect(latest).toEqual(whole.schools.map((s) => [s.id, s.category]));
  });

  it.each([
    // [status, fromYear, toYear, entered, left, stayed]
    ["shnor", 2023, 2024, ["S09", "S10"], [], []],
    ["shnor", 2024, 2025, [], ["S10"], ["S09"]],
    ["shnsu", 2023, 2024, [], [], ["S01", "S02", "S03"]],
    ["shnsu", 2024, 2025, [], [], ["S01", "S02", "S03"]],
  ] as const)("lists the schools entering, leaving and staying in %s from %i to %i", (status, fromYear, toYear, entered, left, stayed) => {
    const t = dynamics.transitions.find((x) => x.status === status && x.fromYear === fromYear && x.toYear === toYear);
    expect(t).toEqual({ status, fromYear, toYear, entered, left, stayed });
  });

  it("marks as stable ШНОР a school that is ШНОР in each of the two latest years", () => {
    // S09: ШНОР 2024 and 2025; S10: ШНОР 2024 only.
    expect(dynamics.schools.filter((s) => s.stableShnor === true).map((s) => s.id)).toEqual(["S09"]);
    expect(dynamics.schools.find((s) => s.id === "S10")).toMatchObject({ shnorYears: 1, stableShnor: false });
  });

  it("records each school's status and rules per year", () => {
    expect(dynamics.schools.find((s) => s.id === "S09")?.years).toEqual([
      { year: 2023, shnor: false, shnsu: false, riskZone: false, category: "Без рисков", shnorRules: [] },
      { year: 2024, shnor: true, shnsu: false, riskZone: false, category: "ШНОР", shnorRules: ["R2"] },
      { year: 2025, shnor: true, shnsu: false, riskZone: false, category: "ШНОР", shnorRules: ["R2"] },
    ]);
  });

  it.each([
    // stableShnorYears, r2Years → stable S09 (ШНОР with r2Years = 1: 2023 S09 S10; 2024 S09 S10; 2025 S08 S09)
    ["three years with R2 over one year", 3, 1, true],
    ["four years, more than there are", 4, 1, null],
    ["three years with R2 over two years", 3, 2, false],
  ] as const)("reads stable ШНОР over %s", (_name, stableShnorYears, r2Years, expected) => {
    const { dynamics: d } = monitor(threeYearRegion(), methodology({ stableShnorYears, r2Years }));
    expect(d.schools.find((s) => s.id === "S09")?.stableShnor).toBe(expected);
  });
});

describe("monitor: region's indices year on year", () => {
  const { dynamics } = monitor(threeYearRegion(), PRESETS.kbr);

  it.each([
    // low: 2023 52/200 = 0.26; 2024 52/200 (S01's ОГЭ has 5 participants: not evaluated) = 0.26;
    //      2025 (44 ВПР + 0 ОГЭ) / 220 = 0.2.  mass: 0.40, 0.40, (90 + 11) / 220 = 101/220.
    [2023, 10, 200, 0.26, 0.4],
    [2024, 10, 200, 0.26, 0.4],
    [2025, 10, 220, 0.2, 101 / 220],
  ])("pools %i over the evaluated procedures, weighted by participants", (year, schools, participants, low, mass) => {
    const y = dynamics.region.find((r) => r.year === year);
    expect(y?.schools).toBe(schools);
    expect(y?.participants).toBe(participants);
    expect(y?.lowIndex).toBeCloseTo(low, 12);
    expect(y?.massIndex).toBeCloseTo(mass, 12);
  });

  it("measures the change from the previous year and checks the 3-point target", () => {
    // 2024: both unchanged → not met; 2025: low −0.06 ≤ −0.03 met, mass +0.059 ≥ 0.03 met.
    expect(dynamics.region.map((y) => [y.year, y.lowTargetMet, y.massTargetMet])).toEqual([
      [2023, null, null],
      [2024, false, false],
      [2025, true, true],
    ]);
    expect(dynamics.region[2]?.lowChange).toBeCloseTo(-0.06, 12);
    expect(dynamics.region[2]?.massChange).toBeCloseTo(101 / 220 - 0.4, 12);
  });

  it("does not meet a 7-point target with a 6-point fall", () => {
    const { dynamics: d } = monitor(threeYearRegion(), methodology({ dynamicsTargetPoints: 7 }));
    expect(d.region[2]?.lowTargetMet).toBe(false);
  });
});

describe("monitor: a school's procedures year on year", () => {
  const { dynamics } = monitor(threeYearRegion(), PRESETS.kbr);
  const row = (id: string, procedure: string, toYear: number) => dynamics.procedures.find((p) => p.schoolId === id && p.procedure === procedure && p.toYear === toYear);

  it.each([
    // [school, toYear, lowFrom, lowTo, lowTargetMet, massTargetMet]
    ["S10", 2025, 0.6, 0.15, true, true], // −45 points; mass 0.40 → 0.45
    ["S08", 2025, 0.35, 0.6, false, true], // +25 points
    ["S09", 2024, 0.6, 0.6, false, false], // unchanged
    ["S04", 2025, 0.15, 0.05, true, true], // −10 points
  ] as const)("gives %s's ВПР 5 кл. change to %i", (id, toYear, lowFrom, lowTo, lowMet, massMet) => {
    const r = row(id, "ВПР 5 кл.", toYear);
    expect(r?.lowFrom).toBeCloseTo(lowFrom, 12);
    expect(r?.lowTo).toBeCloseTo(lowTo, 12);
    expect(r?.lowChange).toBeCloseTo(lowTo - lowFrom, 12);
    expect([r?.lowTargetMet, r?.massTargetMet, r?.note]).toEqual([lowMet, massMet, null]);
  });

  it("leaves the change empty where a year was not evaluated, and says why", () => {
    // S01's ОГЭ: 2024 five participants (below 10), 2025 twenty.
    expect(row("S01", "ОГЭ 9 кл.", 2025)).toMatchObject({ lowFrom: null, lowTo: 0, lowChange: null, lowTargetMet: null, note: "2024: мало участников (5)" });
    expect(row("S01", "ОГЭ 9 кл.", 2024)).toMatchObject({ fromYear: 2023, lowFrom: null, lowTo: null, note: "2023: нет результатов; 2024: мало участников (5)" });
  });

  it("reads the target as a relative change in relative mode", () => {
    // S04: 0.15 → 0.05 is −66.7 % of the previous value; S08's mass 0.40 → 0.45 is +12.5 %.
    const { dynamics: d } = monitor(threeYearRegion(), methodology({ dynamicsMode: "relative", dynamicsTargetPoints: 50 }));
    const s04 = d.procedures.find((p) => p.schoolId === "S04" && p.toYear === 2025);
    expect([s04?.lowTargetMet, s04?.massTargetMet]).toEqual([true, false]);
    expect(s04?.lowChange).toBeCloseTo(-0.1, 12);
  });
});

describe("monitor: one year of results", () => {
  it("has no transitions and says that dynamics need two years", () => {
    const input = threeYearRegion();
    const { dynamics } = monitor({ ...input, results: input.results.filter((r) => r.year === 2025) }, PRESETS.kbr);
    expect(dynamics.years).toEqual([2025]);
    expect(dynamics.transitions).toEqual([]);
    expect(dynamics.procedures).toEqual([]);
    expect(dynamics.notes).toEqual(["Динамика не рассчитана: в результатах меньше двух лет"]);
    expect(dynamics.schools.find((s) => s.id === "S09")?.stableShnor).toBe(false);
  });
});

describe("monitor: no results at all", () => {
  it("still gives the municipal counts and the indicators of Школы, with no year", () => {
    const input = threeYearRegion();
    const { dynamics, monitoring } = monitor({ ...input, results: [] }, PRESETS.kbr);
    expect([dynamics.years, dynamics.region, dynamics.transitions]).toEqual([[], [], []]);
    expect(monitoring.year).toBeNull();
    // №9 without a year takes the latest target step (10 %); S04, S05 of S04–S06 have vacancies.
    expect(monitoring.region.find((i) => i.id === "teacherDeficitShare")).toMatchObject({ year: null, numerator: 2, denominator: 3, target: 0.1, met: false });
    expect(monitoring.region.find((i) => i.id === "lowIndexDynamics")).toMatchObject({ year: null, status: "noData" });
  });
});
