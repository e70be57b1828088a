/** Seed 000, expected result 7: shares of ШНОР and ШНСУ over the years, regional and municipal, with their change. */
import { analyse, PRESETS } from "../../src/engine";
import { dynamicsJson } from "../../src/cli/json";
import { dynamicsSheet } from "../../src/workbook/monitoringSheets";
import { threeYearRegion } from "../monitoring/region";

// tests/monitoring/region.ts: 10 schools; ШНСУ S01–S03 every year; ШНОР 2023 none, 2024 S09 and S10, 2025 S09.
// «Район А» = S01–S05 (ШНСУ 3 each year), «Район Б» = S06–S10 (ШНОР 0, 2, 1).
const d = analyse(threeYearRegion(), PRESETS.kbr).dynamics;

describe("status shares", () => {
  it("gives the region's shares and their change in points", () => {
    expect(d.statusShares.region.map((y) => [y.year, y.schools, y.shnor, y.shnsu, y.shnorOrShnsu])).toEqual([
      [2023, 10, 0, 3, 3],
      [2024, 10, 2, 3, 5],
      [2025, 10, 1, 3, 4],
    ]);
    const [, y24, y25] = d.statusShares.region;
    expect(y24?.shnorShare).toBeCloseTo(0.2, 12);
    expect(y24?.shnorShareChange).toBeCloseTo(0.2, 12);
    expect(y25?.shnorShareChange).toBeCloseTo(-0.1, 12);
    expect(y25?.shnsuShareChange).toBeCloseTo(0, 12);
    expect(y25?.shnorOrShnsuShare).toBeCloseTo(0.4, 12);
    expect(d.statusShares.region[0]?.shnorShareChange).toBeNull();
  });

  it("and each municipality's", () => {
    const b = d.statusShares.municipalities.find((m) => m.name === "Район Б");
    expect(b?.years.map((y) => [y.year, y.schools, y.shnor, y.shnorShare])).toEqual([
      [2023, 5, 0, 0],
      [2024, 5, 2, 0.4],
      [2025, 5, 1, 0.2],
    ]);
    expect(b?.years[2]?.shnorShareChange).toBeCloseTo(-0.2, 12);
    const a = d.statusShares.municipalities.find((m) => m.name === "Район А");
    expect(a?.years.map((y) => y.shnsuShare)).toEqual([0.6, 0.6, 0.6]);
  });

  it("are in the JSON and on «Динамика»", () => {
    const json = dynamicsJson(d) as { statusShares: { region: Record<string, unknown>[]; municipalities: { name: string }[] } };
    expect(Object.keys(json.statusShares.region[0] ?? {})).toEqual([
      "year", "schools", "shnor", "shnsu", "shnorOrShnsu", "shnorShare", "shnsuShare", "shnorOrShnsuShare", "shnorShareChange", "shnsuShareChange", "shnorOrShnsuShareChange",
    ]);
    expect(json.statusShares.municipalities.map((m) => m.name)).toEqual(["Район А", "Район Б"]);
    const sheet = dynamicsSheet(d);
    const col = sheet.columns.findIndex((c) => c.header === "Изменение доли ШНОР");
    expect(sheet.rows.slice(0, 3).map((r) => r[col])).toEqual([null, 20, -10]);
    expect(sheet.rows.slice(0, 3).map((r) => r[col - 1])).toEqual([0, 0.2, 0.1]);
  });
});
