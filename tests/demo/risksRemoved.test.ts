/**
 * Seed 001 §1.2.5 in the demo: "risks removed" (at least two of no stable internet, fewer than 10
 * computers per 100, vacancies) computed year on year from the two years of «Школы» the demo now
 * writes (SPEC.md §9a), and the second demo file, which leaves `Год` and the earlier rows out,
 * still «нет данных» naming what would give it.
 */
import { generateDemoRegion, SCHOOLS_HEADER, type DemoSchool } from "../../src/demo/region";
import { DEMO_MINIMAL_OPTIONS, demoInputSheets, minimalDemoInputSheets } from "../../src/demo/workbook";
import { analyse, PRESETS } from "../../src/engine";
import { TWO_YEARS_OF_SCHOOLS } from "../../src/engine/monitoring/municipal";
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";
import type { InputSheet } from "../../src/workbook/inputWriter";

const parse = (sheets: readonly InputSheet[]) => {
  const parsed = parseWorkbook({ sheets: sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] as CellValue[][] })) });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  return parsed;
};

/** By hand from the generator's fields: how many of the three risks the school had the year before and has no more. */
function removedByHand(s: DemoSchool): boolean {
  const p = s.previousYear as NonNullable<DemoSchool["previousYear"]>;
  const removed = [!p.stableInternet && s.stableInternet, p.computersPer100 < 10 && s.computersPer100 >= 10, p.teacherVacancies > 0 && s.teacherVacancies === 0];
  return removed.filter(Boolean).length >= 2;
}

describe("demo region: risks removed from two years of «Школы»", () => {
  const region = generateDemoRegion(DEMO_MINIMAL_OPTIONS);
  const parsed = parse(demoInputSheets(region));
  const result = analyse(parsed.input, PRESETS.kbr);
  const bySchool = new Map(region.schools.map((s) => [s.id, s]));

  it("reads the year before's rows apart from the identification", () => {
    expect(parsed.input.schools).toHaveLength(60);
    expect(parsed.input.earlierSchools?.every((s) => s.year === 2024)).toBe(true);
    expect(parsed.input.earlierSchools?.length).toBe(region.schools.filter((s) => s.previousYear !== null).length);
  });

  it("counts, per municipality, the risk-zone schools that removed two of three risks (self-reported where no earlier row)", () => {
    let fromYears = 0;
    for (const m of result.monitoring.municipalities) {
      const v = m.indicators.find((i) => i.id === "riskZoneRisksRemoved");
      const zone = result.schools.filter((s) => s.municipality === m.name && s.riskZone).map((s) => bySchool.get(s.id) as DemoSchool);
      const yes = zone.filter((s) => (s.previousYear === null ? s.monitoring.risksRemoved === true : removedByHand(s)));
      fromYears += zone.filter((s) => s.previousYear !== null && removedByHand(s)).length;
      expect([m.name, v?.status, v?.numerator, v?.denominator]).toEqual([m.name, zone.length === 0 ? "notApplicable" : "ok", zone.length === 0 ? null : yes.length, zone.length === 0 ? null : zone.length]);
      if (zone.some((s) => s.previousYear !== null)) expect(v?.note).toContain("по двум годам «Школы» у");
    }
    // The demo makes the year-on-year path visible: some risk-zone schools did remove two risks.
    expect(fromYears).toBeGreaterThan(0);
  });

  it("leaves the latest year's identification as it was without the earlier rows", () => {
    const without = analyse({ ...parsed.input, earlierSchools: [] }, PRESETS.kbr);
    expect(result.schools.map((s) => s.category)).toEqual(without.schools.map((s) => s.category));
  });
});

describe("the second demo file leaves `Год` and the earlier rows out", () => {
  const sheets = minimalDemoInputSheets(generateDemoRegion(DEMO_MINIMAL_OPTIONS));
  const schools = sheets.find((s) => s.name === "Школы");

  it("writes one row per school without the year column", () => {
    expect(schools?.header).not.toContain("Год");
    expect(schools?.header).toEqual(SCHOOLS_HEADER.slice(0, schools?.header.length));
    expect([...(schools?.rows() ?? [])]).toHaveLength(60);
  });

  it("so «risks removed» is «нет данных», naming the column and the two years", () => {
    const parsed = parse(sheets);
    expect(parsed.input.earlierSchools).toBeUndefined();
    const { monitoring } = analyse(parsed.input, PRESETS.kbr);
    const values = monitoring.municipalities.map((m) => m.indicators.find((i) => i.id === "riskZoneRisksRemoved"));
    for (const v of values.filter((x) => x?.status !== "notApplicable")) {
      expect(v?.status).toBe("noData");
      expect(v?.missing).toEqual(["Школы: «Риски ликвидированы»", TWO_YEARS_OF_SCHOOLS]);
    }
    expect(values.some((v) => v?.status === "noData")).toBe(true);
  });
});
