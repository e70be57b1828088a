/**
 * The demo region's categories before and after seed 004's twelve factors (issue #10: "nothing
 * about the latest-year identification changes unless a factor rule says so"). "Before" is the
 * methodology with the ten factors of the old table; "after" the default with all of seed 004's.
 * ШНОР and ШНСУ do not move; every difference is a school that the new factors bring to two.
 */
import { generateDemoRegion } from "../../src/demo/region";
import { identify, PRESETS, type Category, type IdentificationResult, type RiskFactorId } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";

const OLD_FACTORS: readonly RiskFactorId[] = [
  "teacherShortage",
  "lowEquipment",
  "teacherCompetence",
  "noSpecialists",
  "highFailureRisk",
  "highDisabledShare",
  "languageBarriers",
  "lowContinuation",
  "lowOlympiad",
  "remoteness",
];
const NEW_FACTORS = new Set<RiskFactorId>(["objectiveAssessment", "careerGuidance", "wellbeing", "teacherEngagement", "motivation", "parents"]);

const counts = (r: IdentificationResult): Record<Category, number> => {
  const c: Record<Category, number> = { "ШНОР и ШНСУ": 0, ШНОР: 0, ШНСУ: 0, "Зона риска": 0, "Без рисков": 0 };
  for (const s of r.schools) c[s.category]++;
  return c;
};

describe("demo region: categories before and after the twelve factors", () => {
  const region = generateDemoRegion();
  const parsed = parseWorkbook({ sheets: region.sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] })) });
  if (!parsed.ok) throw new Error("the demo region does not parse");
  const after = identify(parsed.input, PRESETS.kbr);
  const before = identify(parsed.input, { ...PRESETS.kbr, parameters: { ...PRESETS.kbr.parameters, riskFactors: OLD_FACTORS } });

  it("keeps ШНОР and ШНСУ of every school", () => {
    expect(after.schools.map((s) => `${s.id}:${String(s.shnor)}:${String(s.shnsu)}`)).toEqual(before.schools.map((s) => `${s.id}:${String(s.shnor)}:${String(s.shnsu)}`));
  });

  it("moves only schools without risks into the risk zone, each by a new factor that makes two", () => {
    const moved = after.schools.filter((s, i) => s.category !== before.schools[i]?.category);
    expect(moved.length).toBeGreaterThan(0);
    for (const s of moved) {
      const was = before.schools.find((b) => b.id === s.id);
      expect(`${s.id}: ${was?.category ?? ""} → ${s.category}`).toBe(`${s.id}: Без рисков → Зона риска`);
      const oldYes = was?.riskFactors.filter((f) => f.value === true).length ?? 0;
      const newYes = s.riskFactors.filter((f) => f.value === true && NEW_FACTORS.has(f.id)).length;
      expect(oldYes).toBeLessThan(PRESETS.kbr.parameters.riskZoneMinFactors);
      expect(oldYes + newYes).toBeGreaterThanOrEqual(PRESETS.kbr.parameters.riskZoneMinFactors);
    }
  });

  // Factor 4 (a unit of 2025 on a non-objectivity list, SPEC §4 version 2, or ВПР marks below the
  // journal's) and the demo's «Профиль рисков» («высокий» on factors 8–12, ~3 % a factor, likelier at
  // weaker schools) move schools without risks into the risk zone; ШНОР and ШНСУ do not change.
  it("pins the counts: 67 schools without risks enter the risk zone by factor 4 and the 500+ profile", () => {
    expect(counts(before)).toEqual({ "ШНОР и ШНСУ": 28, ШНОР: 47, ШНСУ: 122, "Зона риска": 210, "Без рисков": 193 });
    expect(counts(after)).toEqual({ "ШНОР и ШНСУ": 28, ШНОР: 47, ШНСУ: 122, "Зона риска": 277, "Без рисков": 126 });
  });

  it("reports all twelve of seed 004 for every school, with how many are known", () => {
    expect(after.schools.every((s) => s.riskFactors.length === 16)).toBe(true);
    expect(after.schools.every((s) => s.reasons.some((r) => r.startsWith(`известно факторов риска: ${s.riskFactorsKnown} из 12`)))).toBe(true);
    // Factors 8–12 come only from «Профиль рисков»: a school without a profile row knows at most 7.
    const profiled = new Set((parsed.ok ? (parsed.input.riskProfiles ?? []) : []).map((r) => r.schoolId));
    expect(profiled.size).toBeGreaterThan(570);
    for (const s of after.schools) if (!profiled.has(s.id)) expect(s.riskFactorsKnown).toBeLessThanOrEqual(7);
    expect(after.schools.filter((s) => s.riskFactorsKnown === 12).length).toBeGreaterThan(400);
  });
});
