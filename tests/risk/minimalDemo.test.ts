/**
 * The second demo file (assets/demo/demo-region-minimal.xlsx): the demo region without any
 * optional input, so that every indicator and factor that needs one says «нет данных» and names
 * the column or sheet that would give it.
 */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { analyse, PRESETS } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { DEMO_MINIMAL_WORKBOOK_PATH } from "../../src/demo/workbook";
import { TWO_YEARS_OF_SCHOOLS } from "../../src/engine/monitoring/municipal";

describe("demo-region-minimal.xlsx", () => {
  let result: ReturnType<typeof analyse>;
  beforeAll(async () => {
    const parsed = parseWorkbook(await readXlsx(readFileSync(join(__dirname, "../..", DEMO_MINIMAL_WORKBOOK_PATH))));
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
    expect(parsed.input.riskProfiles).toBeUndefined();
    expect(parsed.input.municipalIndicators).toBeUndefined();
    expect(parsed.input.earlierSchools).toBeUndefined();
    result = analyse(parsed.input, PRESETS.kbr);
  }, 120000);

  it("has no profile: factors 8–12 are «нет данных» naming the sheet, at most 7 of 12 known", () => {
    for (const s of result.schools) {
      expect(s.riskFactors.find((f) => f.id === "careerGuidance")?.detail).toBe("нет данных (лист «Профиль рисков»)");
      expect(s.riskFactorsKnown).toBeLessThanOrEqual(7);
    }
  });

  it("names the missing column or sheet of every seed 002 indicator without data", () => {
    const noData = result.monitoring.region.filter((i) => i.status === "noData");
    expect(noData.map((i) => i.source)).toEqual(expect.arrayContaining(["002 №4", "002 №5", "002 №6", "002 №7", "002 №8", "002 №11", "002 №15", "002 №16"]));
    expect(noData.every((i) => i.missing.length > 0)).toBe(true);
    expect(noData.find((i) => i.source === "002 №4")?.missing).toEqual(["Школы: «Участие в семинаре-совещании»"]);
    expect(noData.find((i) => i.source === "002 №6")?.missing).toEqual(["Мониторинг МО: «Педагогический десант»"]);
  });

  it("has one year of «Школы» without «Год»: seed 001's «risks removed» names both sources", () => {
    const values = result.monitoring.municipalities.flatMap((m) => m.indicators).filter((i) => i.id === "riskZoneRisksRemoved" && i.status !== "notApplicable");
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toMatchObject({ status: "noData", missing: ["Школы: «Риски ликвидированы»", TWO_YEARS_OF_SCHOOLS] });
  });

  it("and of every seed 001 indicator without data", () => {
    const all = result.monitoring.municipalities.flatMap((m) => m.indicators).filter((i) => i.status === "noData");
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((i) => i.missing.length > 0 && i.missing.every((m) => /^(Школы|Мониторинг МО): «/.test(m)))).toBe(true);
  });
});
