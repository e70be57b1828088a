/**
 * Seed 001 scoring (SPEC.md §9a): every municipal indicator 1 / 0 against its level
 * (`municipalShareLevel`), §1.2.3 as three kinds of diagnostics, "risks removed" year on year
 * from two years of `Школы`, and all schools of the group as the denominator.
 * The region is tests/monitoring/region.ts (Район А: ШНОР ∪ ШНСУ S01–S03, risk zone S04, S05).
 */
import { monitor, PRESETS, resolveMethodology, type IdentificationInput, type IndicatorValue, type Methodology, type School } from "../../src/engine";
import { risksRemovedBetween, withRisksRemovedYearOnYear } from "../../src/engine/monitoring/risksRemoved";
import type { YearSchool } from "../../src/engine/types";
import { school } from "../engine/helpers/builders";
import { threeYearRegion } from "./region";

function withLevel(level: number): Methodology {
  return { ...PRESETS.kbr, parameters: { ...PRESETS.kbr.parameters, municipalShareLevel: level } };
}

function indicatorOf(input: IdentificationInput, m: Methodology, id: string, municipality = "Район А"): IndicatorValue {
  const mo = monitor(input, m).monitoring.municipalities.find((x) => x.name === municipality);
  const i = mo?.indicators.find((x) => x.id === id);
  if (i === undefined) throw new Error(`no ${id}`);
  return i;
}

describe("seed 001 scoring: a share scores 1 at or above its level", () => {
  it("keeps the level at 50 % in every preset", () => {
    for (const preset of Object.values(PRESETS)) expect(preset.parameters.municipalShareLevel).toBe(0.5);
  });

  it.each([
    // failure prevention is 4 of 5 = 80 %, risks removed 1 of 2 = 50 %.
    [0.8, "schoolsWithFailurePrevention", 1],
    [0.85, "schoolsWithFailurePrevention", 0],
    [0.5, "riskZoneRisksRemoved", 1],
    [0.8, "riskZoneRisksRemoved", 0],
    [0.1, "schoolsWithCurator", 1], // 1 of 3 = 33,3 %
  ])("at level %p scores %s %p", (level, id, score) => {
    expect(indicatorOf(threeYearRegion(), withLevel(level), id)).toMatchObject({ target: level, comparison: "atLeast", met: score === 1, score });
  });

  it("gives a yes/no answer its own score", () => {
    expect(indicatorOf(threeYearRegion(), PRESETS.kbr, "analyticalReport")).toMatchObject({ value: 1, score: 1 });
    // no data → no score, but the level is shown.
    expect(indicatorOf(threeYearRegion(), PRESETS.kbr, "schoolsWithTutoring")).toMatchObject({ status: "noData", score: null, target: 0.5 });
  });
});

describe("seed 001 §1.2.1: the share of ШНОР and ШНСУ scored at its own level", () => {
  const at = (level: number): Methodology => ({ ...PRESETS.kbr, parameters: { ...PRESETS.kbr.parameters, municipalIdentificationLevel: level } });

  it("defaults to 50 % in every preset, apart from the other shares' level", () => {
    for (const preset of Object.values(PRESETS)) expect(preset.parameters.municipalIdentificationLevel).toBe(0.5);
    // The activity shares' level does not move §1.2.1: Район А's 60 % still scores at the default 50 %.
    expect(indicatorOf(threeYearRegion(), withLevel(0.9), "shnorShnsuShare")).toMatchObject({ target: 0.5, score: 1 });
  });

  it.each([
    // 2025: Район А has S01–S03 (ШНСУ) of 5 schools = 60 %; Район Б S09 (ШНОР) of 5 = 20 %.
    ["Район А", 0.6, 0.5, 1, "3 из 5 школ; 60,0 %; 1 балл"],
    ["Район А", 0.6, 0.6, 1, "3 из 5 школ; 60,0 %; 1 балл"], // at the level: inclusive
    ["Район А", 0.6, 0.65, 0, "3 из 5 школ; 60,0 %; 0 баллов"],
    ["Район Б", 0.2, 0.5, 0, "1 из 5 школ; 20,0 %; 0 баллов"],
    ["Район Б", 0.2, 0.2, 1, "1 из 5 школ; 20,0 %; 1 балл"],
  ])("%s: share %p at level %p scores %p", (municipality, value, level, score, note) => {
    const i = indicatorOf(threeYearRegion(), at(level), "shnorShnsuShare", municipality);
    expect(i.value).toBeCloseTo(value, 12);
    expect(i).toMatchObject({ source: "001 §1.2.1", unit: "share", target: level, comparison: "atLeast", met: score === 1, score, note });
  });

  it("counts in the municipality's score", () => {
    const mo = (level: number) => monitor(threeYearRegion(), at(level)).monitoring.municipalities.find((m) => m.name === "Район А");
    expect((mo(0.5)?.score ?? 0) - (mo(0.65)?.score ?? 0)).toBe(1);
    expect(mo(0.5)?.scoreMax).toBe(mo(0.65)?.scoreMax);
  });

  it("rejects a level outside 0–1", () => {
    expect(resolveMethodology("kbr", { municipalIdentificationLevel: 1.2 })).toMatchObject({ ok: false });
  });
});

describe("seed 001 §1.2.3: three kinds of diagnostics of teachers", () => {
  const base = threeYearRegion();
  const extra: Readonly<Record<string, Partial<School>>> = {
    S01: { teachersDiagnosedSubject: 10, teachersDiagnosedMethodical: 4, teachersDiagnosedPsychological: null },
    S02: { teachersDiagnosedSubject: 10, teachersDiagnosedMethodical: 6, teachersDiagnosedPsychological: 2 },
  };
  const input: IdentificationInput = { ...base, schools: base.schools.map((s) => ({ ...s, ...(extra[s.id] ?? {}) })) };

  it.each([
    // teachers S01 20, S02 10, S03 30 (60 in all); S03 answers none of the three.
    ["teachersDiagnosedSubject", 20, 1, "20 из 60 педагогов; 33,3 %; без ответа 1 школа (считается «нет»); 0 баллов"],
    ["teachersDiagnosedMethodical", 10, 1, "10 из 60 педагогов; 16,7 %; без ответа 1 школа (считается «нет»); 0 баллов"],
    ["teachersDiagnosedPsychological", 2, 2, "2 из 60 педагогов; 3,3 %; без ответа 2 школы (считается «нет»); 0 баллов"],
  ])("gives %s", (id, numerator, unanswered, note) => {
    const i = indicatorOf(input, PRESETS.kbr, id);
    expect(i.value).toBeCloseTo(numerator / 60, 12);
    expect(i).toMatchObject({ source: "001 §1.2.3", numerator, denominator: 60, unanswered, score: 0, note });
  });

  it("names the missing column when the sheet has none of them", () => {
    expect(indicatorOf(base, PRESETS.kbr, "teachersDiagnosedMethodical")).toMatchObject({
      status: "noData",
      missing: ["Школы: «Педагогов в диагностике методических дефицитов»", "Школы: «Педагогических работников»"],
    });
  });
});

describe("seed 001 §1.2.5: risks removed year on year", () => {
  const p = PRESETS.kbr.parameters; // minComputersPer100, vacanciesAbove 0
  const before = school("X", { stableInternet: false, computersPer100: 5, teacherVacancies: 2 });

  it.each([
    ["internet and computers removed", { stableInternet: true, computersPer100: 12, teacherVacancies: 2 }, true, 2],
    ["all three removed", { stableInternet: true, computersPer100: 12, teacherVacancies: 0 }, true, 3],
    ["only vacancies removed", { stableInternet: false, computersPer100: 5, teacherVacancies: 0 }, false, 1],
    ["computers unknown in the latest year", { stableInternet: true, computersPer100: null, teacherVacancies: 2 }, false, 1],
  ] as const)("%s", (_, after, removed, count) => {
    expect(risksRemovedBetween(before, school("X", after), p)).toEqual({ removed, count });
  });

  it("takes the latest earlier row and leaves a school without one as self-reported", () => {
    const earlier: YearSchool[] = [
      { ...before, year: 2023, stableInternet: true, computersPer100: 20, teacherVacancies: 0 },
      { ...before, year: 2024 },
    ];
    const latest = [school("X", { stableInternet: true, computersPer100: 12, teacherVacancies: 2, risksRemoved: false }), school("Y", { risksRemoved: true })];
    const r = withRisksRemovedYearOnYear(latest, earlier, 2025, p);
    expect(r.schools.map((s) => [s.id, s.risksRemoved])).toEqual([
      ["X", true],
      ["Y", true],
    ]);
    expect([...r.computed]).toEqual(["X"]);
  });

  it("overrides the self-reported answer where two years are given", () => {
    // S04 reported «да»; its 2024 row had the same risks as 2025 (2 vacancies, no internet) → not removed.
    // S05 has no 2024 row: its «нет» stands. 0 of 2.
    const input = threeYearRegion();
    const s04 = input.schools.find((s) => s.id === "S04") as School;
    const i = indicatorOf({ ...input, earlierSchools: [{ ...s04, year: 2024, risksRemoved: null }] }, PRESETS.kbr, "riskZoneRisksRemoved");
    expect(i).toMatchObject({ value: 0, numerator: 0, denominator: 2, score: 0, note: "0 из 2 школ; 0,0 %; по двум годам «Школы» у 1 школы; 0 баллов" });
  });

  it("reads the self-reported column with one year only", () => {
    expect(indicatorOf(threeYearRegion(), PRESETS.kbr, "riskZoneRisksRemoved")).toMatchObject({ value: 0.5, note: "1 из 2 школ; 50,0 %; 1 балл" });
  });
});
