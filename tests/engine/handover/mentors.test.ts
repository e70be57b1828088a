/**
 * Mentor schools of SPEC.md §12: for each ШНОР up to `mentorMaxCount` candidates — group
 * «эффективная» (or, with no regression, latest mass index above the region's), not ШНОР, not on
 * a non-objectivity list, same locality type, ИСБ within `mentorSwiWindow`; same municipality
 * first, then nearest by ИСБ; ties to the higher residual, then the lower code.
 */
import { chooseMentors, latestMassIndex, regionalMassIndex } from "../../../src/engine/handover/mentors";
import { KBR_PARAMETERS, PRESETS, resolveMethodology } from "../../../src/engine/methodology";
import type { Group, Locality, ProcedureResult, Regression, SchoolResult } from "../../../src/engine/types";

const REGRESSION: Regression = { slope: 0.01, intercept: 0.2, r2: 0.5, n: 10, sigma: 0.05, note: null };
const NO_REGRESSION: Regression = { slope: null, intercept: null, r2: null, n: 2, sigma: null, note: "меньше трёх школ" };

const proc = (massIndex: number | null, participants = 20, extra: Partial<ProcedureResult> = {}): ProcedureResult => ({
  year: 2025,
  procedure: "ВПР-5",
  participants,
  lowIndex: 0.1,
  massIndex,
  highIndex: 0.1,
  participation: null,
  evaluated: true,
  lowResults: false,
  nonObjective: false,
  fromParticipants: false,
  meanScore: null,
  excluded: false,
  approximate: false,
  ...extra,
});

function school(id: string, swi: number | null, options: Partial<SchoolResult> & { group?: Group | null } = {}): SchoolResult {
  return {
    id,
    name: `Школа ${id}`,
    municipality: "Район А",
    swi,
    lowSwi: false,
    types: [],
    typesNotEvaluable: [],
    shnor: false,
    shnorRules: [],
    shnsu: false,
    nonObjectivityCount: 0,
    nonObjectivityHistory: {},
    nonObjectivity: [],
    group: "effective",
    groupResult: 0.6,
    groupResidual: 0.1,
    riskFactors: [],
    riskFactorsKnown: 0,
    riskZone: false,
    category: "Без рисков",
    reasons: [],
    procedures: [proc(0.6)],
    staffIndex: null,
    equipmentCoefficient: null,
    ...options,
  };
}

const shnor = (id: string, swi: number | null, options: Partial<SchoolResult> = {}): SchoolResult =>
  school(id, swi, { shnor: true, shnorRules: ["R1"], group: "notCoping", category: "ШНОР", ...options });

const P = { mentorSwiWindow: 10, mentorMaxCount: 3 };

function mentorsOf(schools: SchoolResult[], localities: Record<string, Locality | null>, regression = REGRESSION, p = P) {
  const region = { schools: schools.length, latestYear: 2025, years: [2025], swiQ1: null, deviantD9: null, nonNativeMean: null, regression, references: {}, notes: [] };
  return chooseMentors({ schools, region }, new Map(Object.entries(localities)), p);
}

describe("chooseMentors", () => {
  it("puts the same municipality first, then the nearest by ИСБ, up to three", () => {
    const schools = [
      shnor("S", 50),
      school("A", 59, { municipality: "Район А" }), // same municipality, 9 away
      school("B", 51, { municipality: "Район Б" }), // 1 away, other municipality
      school("C", 48, { municipality: "Район Б" }), // 2 away
      school("D", 45, { municipality: "Район В" }), // 5 away
      school("E", 55, { municipality: "Район А" }), // same municipality, 5 away
    ];
    const all = Object.fromEntries(schools.map((s) => [s.id, "село" as Locality]));
    const choice = mentorsOf(schools, all).get("S");
    expect(choice?.mentors.map((m) => m.id)).toEqual(["E", "A", "B"]);
    expect(choice?.mentors[0]).toEqual({ id: "E", name: "Школа E", municipality: "Район А", swi: 55, group: "effective" });
    expect(choice?.note).toContain("3 из 3");
    expect(choice?.note).toContain("ИСБ 50,0 ± 10,0");
  });

  it("keeps the ИСБ window inclusive: 10 points away is in, 10.1 is out", () => {
    const schools = [shnor("S", 50), school("IN", 60), school("LOW", 40), school("OUT", 60.1), school("OUT2", 39.9)];
    const choice = mentorsOf(schools, { S: "город", IN: "город", LOW: "город", OUT: "город", OUT2: "город" }).get("S");
    expect(choice?.mentors.map((m) => m.id)).toEqual(["IN", "LOW"]);
  });

  it("breaks ties of distance by the higher residual, then by the lower code", () => {
    const schools = [
      shnor("S", 50),
      school("Z", 52, { groupResidual: 0.2 }),
      school("Y", 48, { groupResidual: 0.1 }),
      school("X", 52, { groupResidual: 0.1 }),
    ];
    const choice = mentorsOf(schools, { S: "село", X: "село", Y: "село", Z: "село" }).get("S");
    expect(choice?.mentors.map((m) => m.id)).toEqual(["Z", "X", "Y"]);
  });

  it("leaves out ШНОР, non-effective, non-objective, other-locality and unknown-ИСБ schools, and says when none is found", () => {
    const schools = [
      shnor("S", 50),
      shnor("OTHER_SHNOR", 50, { group: "effective" }),
      school("ORDINARY", 50, { group: "ordinary" }),
      school("NONOBJ", 50, { nonObjectivityCount: 1 }),
      school("LISTED", 50, { procedures: [proc(0.7, 20, { nonObjective: true })] }),
      school("TOWN", 50),
      school("NOSWI", null),
    ];
    const localities: Record<string, Locality> = { S: "село", OTHER_SHNOR: "село", ORDINARY: "село", NONOBJ: "село", LISTED: "село", TOWN: "город", NOSWI: "село" };
    const choice = mentorsOf(schools, localities).get("S");
    expect(choice?.mentors).toEqual([]);
    expect(choice?.note).toMatch(/^Наставник не найден: нет школ, отвечающих условиям/);
    // The other ШНОР gets no mentor either, and every ШНОР has an entry; other schools have none.
    expect([...mentorsOf(schools, localities).keys()].sort()).toEqual(["OTHER_SHNOR", "S"]);
  });

  it("says why when the ШНОР's own ИСБ or locality is unknown", () => {
    const schools = [shnor("S", null), shnor("T", 50), school("A", 50)];
    const choices = mentorsOf(schools, { S: "село", T: null, A: "село" });
    expect(choices.get("S")).toEqual({ mentors: [], note: "Наставник не подобран: у школы нет данных (ИСБ)" });
    expect(choices.get("T")).toEqual({ mentors: [], note: "Наставник не подобран: у школы нет данных (местность)" });
  });

  it("without a regression takes schools whose latest mass index is above the region's", () => {
    // Region: (0.5·20 + 0.8·20 + 0.6·20 + 0.62·20) / 80 = 0.63. Above: B (0.8) only; C is 0.6, D 0.62.
    const schools = [
      shnor("S", 50, { group: null, procedures: [proc(0.5)] }),
      school("B", 53, { group: null, procedures: [proc(0.8)] }),
      school("C", 51, { group: null, procedures: [proc(0.6)] }),
      school("D", 52, { group: null, procedures: [proc(0.62)] }),
    ];
    expect(regionalMassIndex(schools, 2025)).toBeCloseTo(0.63, 10);
    expect(latestMassIndex(schools[1] as SchoolResult, 2025)).toBe(0.8);
    const choice = mentorsOf(schools, { S: "село", B: "село", C: "село", D: "село" }, NO_REGRESSION).get("S");
    expect(choice?.mentors.map((m) => m.id)).toEqual(["B"]);
    expect(choice?.note).toContain("индекс массовых результатов выше регионального 63,0 %");
  });

  it("honours mentorMaxCount and mentorSwiWindow as parameters", () => {
    const schools = [shnor("S", 50), school("A", 51), school("B", 52), school("C", 53)];
    const loc = { S: "село", A: "село", B: "село", C: "село" } as const;
    expect(mentorsOf(schools, loc, REGRESSION, { mentorSwiWindow: 10, mentorMaxCount: 1 }).get("S")?.mentors.map((m) => m.id)).toEqual(["A"]);
    expect(mentorsOf(schools, loc, REGRESSION, { mentorSwiWindow: 2, mentorMaxCount: 3 }).get("S")?.mentors.map((m) => m.id)).toEqual(["A", "B"]);
  });

  it("has the window and the count in every preset, editable and checked", () => {
    for (const preset of Object.values(PRESETS)) {
      expect(preset.parameters.mentorSwiWindow).toBe(10);
      expect(preset.parameters.mentorMaxCount).toBe(3);
    }
    expect(KBR_PARAMETERS.mentorSwiWindow).toBe(10);
    const ok = resolveMethodology("kbr", { mentorSwiWindow: 5, mentorMaxCount: 2 });
    expect(ok.ok && ok.value.parameters.mentorSwiWindow).toBe(5);
    expect(resolveMethodology("kbr", { mentorMaxCount: 1.5 })).toEqual({ ok: false, errors: ["Параметр «mentorMaxCount»: ожидалось целое число не меньше 1"] });
    expect(resolveMethodology("kbr", { mentorSwiWindow: -1 })).toEqual({ ok: false, errors: ["Параметр «mentorSwiWindow»: ожидалось неотрицательное число"] });
  });
});
