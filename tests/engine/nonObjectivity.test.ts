/**
 * SPEC.md §4 version 2: Wilson intervals, the binomial tail, and each sign firing and not firing
 * at its boundary. Hand-computed values are in the comments (z = 1.959964 at 95 %).
 */
import { KBR_PARAMETERS, type MethodologyParameters } from "../../src/engine/methodology";
import { binomialUpperTail, normalQuantile, wilson } from "../../src/engine/intervals";
import { nonObjectivityFindings, regionalValues, type ProcedureReference, type RegionalValues } from "../../src/engine/nonObjectivity";
import type { ProcedureStat, SubjectStat } from "../../src/engine/procedureStats";

/** One school's unit in one year: 100 participants, nothing known beyond what is given. */
function unit(o: Partial<ProcedureStat> = {}): ProcedureStat {
  return {
    schoolId: "S1",
    year: 2025,
    procedure: "ВПР 5 кл.",
    baseProcedure: "ВПР",
    participants: 100,
    low: null,
    mass: null,
    high: null,
    participation: null,
    fromParticipants: true,
    meanScore: null,
    gradeSize: null,
    grades: [],
    subjects: [],
    belowScaleMin: null,
    massResults: 100,
    journalCompared: 0,
    raisedVsJournal: 0,
    approximate: false,
    ...o,
  };
}

function ref(regional: Partial<RegionalValues>): ProcedureReference {
  return {
    procedure: "ВПР 5 кл.",
    year: 2025,
    schools: 30,
    lowP90: null,
    highP95: null,
    lowP10: null,
    massP95: null,
    regional: { b: null, l: null, m: null, h: null, u: null, raised: null, ...regional },
  };
}

/** Only the named sign switched on. */
function only(sign: "ci" | "participation" | "journal" | "peak" | "percentile", extra: Partial<MethodologyParameters> = {}): MethodologyParameters {
  return {
    ...KBR_PARAMETERS,
    nonObjCiBetterThanRegion: sign === "ci",
    nonObjLowParticipation: sign === "participation",
    nonObjRaisedVsJournal: sign === "journal",
    nonObjBoundaryPeak: sign === "peak",
    nonObjPercentileSigns: sign === "percentile",
    ...extra,
  };
}

const ids = (s: ProcedureStat, r: ProcedureReference, p: MethodologyParameters) => nonObjectivityFindings(s, r, p).map((f) => f.id);

describe("intervals", () => {
  it("z of 95 % is 1.959964 (Excel НОРМ.СТ.ОБР(0,975))", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 6);
  });

  it("Wilson 10 of 20 at 95 % is [0.2993; 0.7007]", () => {
    const [lo, hi] = wilson(0.5, 20, 0.95) ?? [NaN, NaN];
    expect(lo).toBeCloseTo(0.2993, 4);
    expect(hi).toBeCloseTo(0.7007, 4);
  });

  it("Wilson 45 of 100: centre 0.451851, half-width 0.095706", () => {
    const [lo, hi] = wilson(0.45, 100) ?? [NaN, NaN];
    expect(lo).toBeCloseTo(0.356145, 5);
    expect(hi).toBeCloseTo(0.547557, 5);
  });

  it("Wilson 0 of 10 starts at 0; no interval without trials", () => {
    expect(wilson(0, 10)?.[0]).toBe(0);
    expect(wilson(0.5, 0)).toBeNull();
  });

  it("binomial upper tail: P(X ≥ 8 | 8, ½) = 1/256, P(X ≥ 9 | 10, ½) = 11/1024, P(X ≥ 10 | 11, ½) = 12/2048", () => {
    expect(binomialUpperTail(8, 8, 0.5)).toBeCloseTo(1 / 256, 12);
    expect(binomialUpperTail(9, 10, 0.5)).toBeCloseTo(11 / 1024, 12);
    expect(binomialUpperTail(10, 11, 0.5)).toBeCloseTo(12 / 2048, 12);
    expect(binomialUpperTail(0, 5, 0.5)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.5)).toBe(0);
  });
});

describe("sign 1: better than the region beyond the interval (ciBetterThanRegion)", () => {
  const p = only("ci");
  it.each([
    // h = 45 % of 100: L(h) = 0.3561.
    ["gap exactly 15 p.p., L(h) 0.356 > H 0.30", { high: 0.45 }, { h: 0.3 }, true],
    ["gap 14.99 p.p.", { high: 0.45 }, { h: 0.3001 }, false],
    // h = 10 of 20: L(h) = 0.2993.
    ["L(h) 0.2993 below H 0.30 though the gap is 20 p.p.", { high: 0.5, participants: 20 }, { h: 0.3 }, false],
    ["L(h) 0.2993 above H 0.29", { high: 0.5, participants: 20 }, { h: 0.29 }, true],
    // m = 60 % of 100 results: L(m) = 0.5020.
    ["L(m) 0.502 not above M 0.55 stops it", { high: 0.45, mass: 0.6 }, { h: 0.3, m: 0.55 }, false],
    ["L(m) 0.502 above M 0.50", { high: 0.45, mass: 0.6 }, { h: 0.3, m: 0.5 }, true],
    // l = 5 % of 100: U(l) = 0.1118.
    ["U(l) 0.1118 not below Lo 0.11 stops it", { high: 0.45, low: 0.05 }, { h: 0.3, l: 0.11 }, false],
    ["U(l) 0.1118 below Lo 0.12", { high: 0.45, low: 0.05 }, { h: 0.3, l: 0.12 }, true],
    ["U(b) 0.1118 not below B 0.10 stops it", { high: 0.45, belowScaleMin: 0.05 }, { h: 0.3, b: 0.1 }, false],
    ["no high index: never", { high: null, mass: 0.9 }, { h: 0.3, m: 0.2 }, false],
  ] as const)("%s", (_t, stat, regional, fires) => {
    expect(ids(unit(stat), ref(regional), p)).toEqual(fires ? ["ciBetterThanRegion"] : []);
  });

  it("explains itself with the numbers and the interval", () => {
    const [f] = nonObjectivityFindings(unit({ high: 0.45, low: 0.05 }), ref({ h: 0.3, l: 0.12 }), p);
    expect(f?.text).toBe("индекс высоких 45 % [36 %; 55 %] выше региона 30 %, индекс низких 5 % [2 %; 11 %] ниже региона 12 %");
    expect(f?.value).toBe(0.45);
    expect(f?.regional).toBe(0.3);
    expect(f?.quantities?.map((q) => q.quantity)).toEqual(["h", "l"]);
  });
});

describe("sign 2: low participation", () => {
  const p = only("participation");
  it.each([
    ["79 of 100 pupils", 0.79, true],
    ["80 of 100 pupils", 0.8, false],
    ["grade size unknown", null, false],
  ] as const)("%s", (_t, u, fires) => {
    const s = unit({ participants: 79, participation: u, gradeSize: u === null ? null : 100 });
    expect(ids(s, ref({ u: 0.9 }), p)).toEqual(fires ? ["lowParticipation"] : []);
  });
});

describe("sign 3: procedure mark above the journal mark (raisedVsJournal)", () => {
  const p = only("journal");
  it.each([
    // 30 of 100: L = 0.2189 > 0.15, share ≥ 0.25.
    ["30 of 100 raised, region 15 %", 30, 0.15, true],
    // 25 of 100: L = 0.1755 > 0.10, share exactly 0.25.
    ["25 of 100 raised, region 10 %", 25, 0.1, true],
    // 24 of 100: L = 0.1669 > 0.10 but the share is below 0.25.
    ["24 of 100 raised, region 10 %", 24, 0.1, false],
    // 30 of 100: L = 0.2189 not above 0.22.
    ["30 of 100 raised, region 22 %", 30, 0.22, false],
    ["no journal marks", 0, 0, false],
  ] as const)("%s", (_t, raised, region, fires) => {
    const s = unit({ journalCompared: raised === 0 && region === 0 ? 0 : 100, raisedVsJournal: raised });
    expect(ids(s, ref({ raised: region }), p)).toEqual(fires ? ["raisedVsJournal"] : []);
  });
});

describe("sign 4: a peak at the score for «3» (boundaryPeak)", () => {
  const p = only("peak");
  const subject = (o: Partial<SubjectStat>): SubjectStat => ({
    grade: 5,
    subject: "Математика",
    mass: true,
    participants: 40,
    belowMin: null,
    atLeastMid: null,
    atLeastTop: null,
    belowScaleMin: null,
    highBand: null,
    mark2: null,
    marks45: null,
    marked: 40,
    meanScore: null,
    atCut3: 0,
    belowCut3ByOne: 0,
    ...o,
  });
  it.each([
    ["c0 = 8, c1 = 0: P = 1/256", { atCut3: 8, belowCut3ByOne: 0 }, true],
    ["c0 = 7, c1 = 0: P = 1/128", { atCut3: 7, belowCut3ByOne: 0 }, true],
    ["c0 = 6, c1 = 0: P = 1/64 ≥ 0.01", { atCut3: 6, belowCut3ByOne: 0 }, false],
    ["c0 = 9, c1 = 1: P = 11/1024 ≥ 0.01", { atCut3: 9, belowCut3ByOne: 1 }, false],
    ["c0 = 10, c1 = 1: P = 12/2048", { atCut3: 10, belowCut3ByOne: 1 }, true],
    ["c0 = 40, c1 = 20: ratio exactly 2", { atCut3: 40, belowCut3ByOne: 20, participants: 100 }, true],
    ["c0 = 39, c1 = 20: ratio below 2", { atCut3: 39, belowCut3ByOne: 20, participants: 100 }, false],
    ["19 participants", { atCut3: 10, belowCut3ByOne: 0, participants: 19 }, false],
    ["a non-mass subject", { atCut3: 10, belowCut3ByOne: 0, mass: false }, false],
    ["no score for «3»", { atCut3: null, belowCut3ByOne: null }, false],
  ] as const)("%s", (_t, o, fires) => {
    expect(ids(unit({ subjects: [subject(o)] }), ref({}), p)).toEqual(fires ? ["boundaryPeak"] : []);
  });

  it("reports the subject, c0, c1 and the probability", () => {
    const [f] = nonObjectivityFindings(unit({ subjects: [subject({ atCut3: 8, belowCut3ByOne: 0 })] }), ref({}), p);
    expect(f).toMatchObject({ subject: "Математика", c0: 8, c1: 0 });
    expect(f?.probability).toBeCloseTo(1 / 256, 12);
    expect(f?.text).toBe("Математика: ровно балл для «3» у 8, на балл ниже у 0 из 40; P = 0,0039 < 0,01");
  });
});

describe("sign 5: version 1 percentile signs (off by default)", () => {
  const r: ProcedureReference = { ...ref({}), lowP90: 0.4, highP95: 0.5, lowP10: 0.05, massP95: 0.8 };
  it.each([
    ["high above P95 with low below P10", { high: 0.6, low: 0.01, mass: 0.5 }, ["highAndLow"]],
    ["high above P95 but low at P10", { high: 0.6, low: 0.05, mass: 0.5 }, []],
    ["high at P95", { high: 0.5, low: 0, mass: 0.5 }, []],
    ["mass above P95 with zero low", { high: 0.1, low: 0, mass: 0.81 }, ["massAndZeroLow"]],
    ["mass above P95 with some low", { high: 0.1, low: 0.02, mass: 0.81 }, []],
    ["both at once", { high: 0.9, low: 0, mass: 0.9 }, ["highAndLow", "massAndZeroLow"]],
    ["undefined indices", { high: null, low: null, mass: null }, []],
  ] as const)("%s", (_name, stat, signs) => {
    expect(ids(unit(stat), r, only("percentile"))).toEqual(signs);
    expect(ids(unit(stat), r, KBR_PARAMETERS.nonObjPercentileSigns ? only("percentile") : only("ci"))).toEqual([]);
  });
});

describe("regional values", () => {
  it("pool Σ share × n ÷ Σ n over the schools where the quantity is known", () => {
    const r = regionalValues([unit({ high: 0.5, participants: 20 }), unit({ high: 0.2, participants: 80 }), unit({ high: null, participants: 50 })]);
    // (10 + 16) / 100
    expect(r.h).toBeCloseTo(0.26, 12);
    expect(r.l).toBeNull();
  });
});
