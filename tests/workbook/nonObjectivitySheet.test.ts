/** «Необъективность» (DESIGN.md "Version 2 contracts"): one row per sign of each listing, with its numbers. */
import { identify } from "../../src/engine/identify";
import { PRESETS } from "../../src/engine/methodology";
import { NON_OBJECTIVITY_SHEET, nonObjectivitySheet } from "../../src/workbook/nonObjectivitySheet";
import { agg, scale, school } from "../engine/helpers/builders";

describe("«Необъективность»", () => {
  // T1 wrote ВПР 5 with 12 of 30 pupils in 2024 and 2025 (u = 40 %); T2 with all 20.
  const result = identify(
    {
      schools: [school("T1"), school("T2")],
      results: [2024, 2025].flatMap((year) => [agg("T1", year, "ВПР", 5, "Математика", 12, 1, { gradeSize: 30 }), agg("T2", year, "ВПР", 5, "Математика", 20, 1, { gradeSize: 20 })]),
      scores: [],
      scales: [scale("ВПР", 5, "Математика")],
    },
    PRESETS.kbr,
  );
  const sheet = nonObjectivitySheet(result);

  it("has its name and headers", () => {
    expect(sheet.name).toBe(NON_OBJECTIVITY_SHEET);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      "Код ОО",
      "Наименование",
      "Муниципалитет",
      "Год",
      "Процедура",
      "Признак",
      "Значение",
      "Нижняя граница",
      "Верхняя граница",
      "Регион",
      "Числа",
      "Последний год",
      "Исключено из анализа",
    ]);
  });

  it("writes one row per listing and sign, the share and its Wilson interval as numbers", () => {
    expect(sheet.rows).toHaveLength(2);
    const [first, second] = sheet.rows;
    expect(first?.slice(0, 6)).toEqual(["T1", "Школа T1", "Район А", 2024, "ВПР 5 кл.", "Низкая доля участников"]);
    expect(first?.[6]).toBeCloseTo(0.4, 12);
    // Wilson 12 of 30 at 95 %: [0.2459; 0.5768]; region (12 + 20) / (30 + 20) = 0.64.
    expect(first?.[7]).toBeCloseTo(0.2459, 4);
    expect(first?.[8]).toBeCloseTo(0.5768, 4);
    expect(first?.[9]).toBeCloseTo(0.64, 12);
    expect(first?.[10]).toBe("участвовали 40 % параллели [25 %; 58 %] < 80 %");
    expect(first?.slice(11)).toEqual(["нет", "да"]);
    expect(second?.slice(3, 5)).toEqual([2025, "ВПР 5 кл."]);
    expect(second?.[11]).toBe("да");
  });
});
