/**
 * «Динамика», the municipal block (seed 000, expected result 7; SPEC.md §9a): each municipality's
 * ШНОР / ШНСУ counts and shares of its own schools per year, with the change in points.
 *
 * The region of tests/monitoring/region.ts cut to two years (2024, 2025) and split in three:
 * «Район А» = S01, S02, S04, S05; «Район Б» = S06, S07, S08, S10; «Район В» = S03, S09.
 * By hand: ШНСУ (ИСБ ≤ Q1 61,25) S01, S02, S03 in both years. ШНОР: 2024 has no previous year,
 * so R2 cannot fire and no school has two low procedures (R1) → none; 2025: S09 low in 2024 and
 * 2025 (R2), S08 low in 2025 only → S09.
 * | territory | year | schools | ШНОР | ШНСУ | ∪ | ШНОР share | change | ШНСУ share | change | ∪ share | change |
 * | Район А | 2024 | 4 | 0 | 2 | 2 | 0 | — | 0,5 | — | 0,5 | — |
 * | Район А | 2025 | 4 | 0 | 2 | 2 | 0 | 0 | 0,5 | 0 | 0,5 | 0 |
 * | Район Б | 2024 | 4 | 0 | 0 | 0 | 0 | — | 0 | — | 0 | — |
 * | Район Б | 2025 | 4 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
 * | Район В | 2024 | 2 | 0 | 1 | 1 | 0 | — | 0,5 | — | 0,5 | — |
 * | Район В | 2025 | 2 | 1 | 1 | 2 | 0,5 | +50 | 0,5 | 0 | 1 | +50 |
 * Region: 10 schools, ШНОР 0 → 1 (0 → 0,1, +10 п.п.), ШНСУ 3 (0,3), ∪ 3 → 4 (+10 п.п.).
 */
import { analyse, PRESETS } from "../../src/engine";
import { dynamicsSheet, REGION_TERRITORY } from "../../src/workbook/monitoringSheets";
import { threeYearRegion } from "./region";

const DISTRICT: Readonly<Record<string, string>> = {
  S01: "Район А", S02: "Район А", S04: "Район А", S05: "Район А",
  S06: "Район Б", S07: "Район Б", S08: "Район Б", S10: "Район Б",
  S03: "Район В", S09: "Район В",
};

function twoYears() {
  const base = threeYearRegion();
  return {
    ...base,
    schools: base.schools.map((s) => ({ ...s, municipality: DISTRICT[s.id] as string })),
    results: base.results.filter((r) => r.year !== 2023),
  };
}

const d = analyse(twoYears(), PRESETS.kbr).dynamics;
const sheet = dynamicsSheet(d);
const col = (header: string): number => {
  const i = sheet.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};
const HEADERS = [
  "Территория", "Год", "Школ", "ШНОР", "ШНСУ", "ШНОР ∪ ШНСУ",
  "Доля ШНОР", "Изменение доли ШНОР", "Доля ШНСУ", "Изменение доли ШНСУ", "Доля ШНОР ∪ ШНСУ", "Изменение доли ШНОР ∪ ШНСУ",
];
const pick = (r: readonly unknown[]) => HEADERS.map((h) => r[col(h)]);

describe("«Динамика»: municipal shares of ШНОР and ШНСУ per year", () => {
  it("identifies as worked out by hand", () => {
    expect(d.years).toEqual([2024, 2025]);
    expect(d.region.map((y) => [y.year, y.shnor, y.shnsu, y.shnorOrShnsu])).toEqual([
      [2024, 0, 3, 3],
      [2025, 1, 3, 4],
    ]);
  });

  it("writes the region's pooled rows first (the chart reads only those), marked «Регион»", () => {
    expect(sheet.rows.slice(0, 2).map(pick)).toEqual([
      [REGION_TERRITORY, 2024, 10, 0, 3, 3, 0, null, 0.3, null, 0.3, null],
      [REGION_TERRITORY, 2025, 10, 1, 3, 4, 0.1, 10, 0.3, 0, 0.4, 10],
    ]);
    expect(sheet.charts?.[0]?.categories).toBe("A2:A3");
    expect(sheet.charts?.[0]?.series.map((s) => s.values)).toEqual(["B2:B3", "C2:C3"]);
  });

  it("then the procedure units of the region, then each municipality by year", () => {
    const regional = sheet.rows.filter((r) => r[col("Территория")] === REGION_TERRITORY);
    expect(regional).toHaveLength(2 + d.regionUnits.length);
    expect(sheet.rows.slice(regional.length).map(pick)).toEqual([
      ["Район А", 2024, 4, 0, 2, 2, 0, null, 0.5, null, 0.5, null],
      ["Район А", 2025, 4, 0, 2, 2, 0, 0, 0.5, 0, 0.5, 0],
      ["Район Б", 2024, 4, 0, 0, 0, 0, null, 0, null, 0, null],
      ["Район Б", 2025, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["Район В", 2024, 2, 0, 1, 1, 0, null, 0.5, null, 0.5, null],
      ["Район В", 2025, 2, 1, 1, 2, 0.5, 50, 0.5, 0, 1, 50],
    ]);
  });

  it("leaves the index columns of a municipal row empty (they are the region's) and gives every row every column", () => {
    const mo = sheet.rows[sheet.rows.length - 1] ?? [];
    for (const h of ["Индекс низких результатов", "Индекс массовых результатов", "Участников", "Зона риска", "Процедура"]) expect(mo[col(h)]).toBeNull();
    for (const r of sheet.rows) expect(r).toHaveLength(sheet.columns.length);
  });
});
