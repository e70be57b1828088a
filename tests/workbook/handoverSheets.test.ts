/**
 * The sheets of SPEC.md §12: «Перечень ШНОР», «Перечень ШНСУ», «Перечень зоны риска» (№,
 * municipality, code, school, category, basis in one line; printed A4 landscape, one page wide,
 * the header on every page), «Наставники» and «Адресные рекомендации»; read back from the .xlsx
 * the file adapter writes.
 */
import ExcelJS from "exceljs";
import { FileWorkbook } from "../../src/workbook/fileAdapter";
import { HANDOVER_SHEET_NAMES, handoverSheets, listSheet, mentorsSheet, recommendationsSheet } from "../../src/workbook/handoverSheets";
import { resultSheets } from "../../src/workbook/resultSheets";
import type { IdentificationResult, SchoolResult } from "../../src/engine/types";
import { tinyResult } from "./tinyResult";

const [first, second, third] = tinyResult.schools as [SchoolResult, SchoolResult, SchoolResult];

/** tinyResult with a mentor for its ШНОР, recommendations, and risk factors on the risk-zone school. */
const result: IdentificationResult = {
  ...tinyResult,
  schools: [
    {
      ...first,
      mentors: [{ id: "007002", name: "МБОУ СОШ № 2", municipality: "Северский район", swi: 80, group: "effective" }],
      mentorsNote: "1 из 3: группа «эффективная»",
      recommendations: [
        { basis: "ШНОР", text: "Закрепить школу-куратора." },
        { basis: "Фактор риска: Дефицит педагогических кадров", text: "Найти учителей." },
      ],
    },
    { ...second, recommendations: [], mentors: [], mentorsNote: null },
    {
      ...third,
      riskFactors: [
        { id: "teacherShortage", name: "Дефицит педагогических кадров", value: true, detail: "вакансий 1 > 0" },
        { id: "lowEquipment", name: "Низкий уровень оснащения школы", value: true, detail: "нет устойчивого интернета" },
        { id: "remoteness", name: "Удалённость / труднодоступность", value: false, detail: "не удалена" },
        { id: "lowOlympiad", name: "Низкое участие в олимпиадах", value: null, detail: "нет данных" },
      ],
    },
  ],
};

describe("Перечень sheets", () => {
  it("list ШНОР with the rules and the latest year's low-result procedures in one line", () => {
    const sheet = listSheet(result, "shnor");
    expect(sheet.name).toBe("Перечень ШНОР");
    expect(sheet.columns.map((c) => c.header)).toEqual(["№", "Муниципалитет", "Код ОО", "Наименование ОО", "Категория", "Основание"]);
    expect(sheet.rows).toEqual([
      [
        1,
        "Северский район",
        "007001",
        first.name,
        "ШНОР и ШНСУ",
        "R1 — низкие результаты не менее чем по двум процедурам последнего года; R2 — низкие результаты в каждом из последних лет; низкие результаты 2025: ВПР",
      ],
    ]);
    expect(sheet.freezeHeader).toBe(true);
  });

  it("list ШНСУ with ИСБ against Q1 and the types", () => {
    expect(listSheet(result, "shnsu").rows).toEqual([
      [1, "Северский район", "007001", first.name, "ШНОР и ШНСУ", "ИСБ 55,0 ≤ Q1 57,5; T1 Депривированная сельская школа; T3 Сельская малокомплектная школа"],
    ]);
  });

  it("list a ШНСУ of a factor rule (Брянск, Новолакский район) with the rule's own reason", () => {
    const bryansk: IdentificationResult = {
      ...result,
      schools: [{ ...second, shnsu: true, lowSwi: false, category: "ШНСУ", reasons: ["ИСБ 80,0 > Q1 57,5", "ШНСУ: 1 из 3 условий (нужно 1): Удалённость / труднодоступность — до ближайшей ОО 40,0 км ≥ 30"] }],
    };
    expect(listSheet(bryansk, "shnsu").rows[0]?.[5]).toBe("1 из 3 условий (нужно 1): Удалённость / труднодоступность — до ближайшей ОО 40,0 км ≥ 30");
  });

  it("list the risk zone with its factors and how many of them are known", () => {
    expect(listSheet(result, "riskZone").rows).toEqual([
      [1, "Ивановский район", "007003", "МКОУ ООШ с. Ивановка", "Зона риска", "факторы риска (2 из 3 известных): Дефицит педагогических кадров; Низкий уровень оснащения школы"],
    ]);
  });

  it("number the rows in municipality, then name order", () => {
    const many: IdentificationResult = {
      ...result,
      schools: [
        { ...first, id: "B2", name: "Школа Б", municipality: "Район Б" },
        { ...first, id: "A2", name: "Школа Я", municipality: "Район А" },
        { ...first, id: "A1", name: "Школа А", municipality: "Район А" },
      ],
    };
    expect(listSheet(many, "shnor").rows.map((r) => [r[0], r[2]])).toEqual([
      [1, "A1"],
      [2, "A2"],
      [3, "B2"],
    ]);
  });

  it("come right after «Муниципалитеты» in the result workbook", () => {
    const names = resultSheets(result, { inputRows: {}, date: "2025-06-30" }).map((s) => s.name);
    expect(names.slice(2, 8)).toEqual(["Муниципалитеты", ...Object.values(HANDOVER_SHEET_NAMES)]);
  });
});

describe("«Наставники» and «Адресные рекомендации»", () => {
  it("give a row per ШНОР and candidate with the note on the first", () => {
    const sheet = mentorsSheet(result);
    expect(sheet.rows).toEqual([["Северский район", "007001", first.name, 55, 1, "007002", "МБОУ СОШ № 2", "Северский район", 80, "эффективная", "1 из 3: группа «эффективная»"]]);
  });

  it("give a ШНОР without candidates one row that says so", () => {
    const none: IdentificationResult = { ...result, schools: [{ ...first, mentors: [], mentorsNote: "Наставник не найден: …" }] };
    expect(mentorsSheet(none).rows).toEqual([["Северский район", "007001", first.name, 55, null, null, null, null, null, null, "Наставник не найден: …"]]);
  });

  it("give a row per school and measure", () => {
    expect(recommendationsSheet(result).rows).toEqual([
      ["Северский район", "007001", first.name, "ШНОР и ШНСУ", "ШНОР", "Закрепить школу-куратора."],
      ["Северский район", "007001", first.name, "ШНОР и ШНСУ", "Фактор риска: Дефицит педагогических кадров", "Найти учителей."],
    ]);
  });
});

describe("Перечень as written to .xlsx", () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const file = FileWorkbook.create();
    await file.writeResultSheets(handoverSheets(result));
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await file.toBuffer()) as unknown as ArrayBuffer);
  });

  it.each(["Перечень ШНОР", "Перечень ШНСУ", "Перечень зоны риска"])("%s prints A4 landscape, one page wide, the header row on every page", (name) => {
    const ws = book.getWorksheet(name);
    expect(ws).toBeDefined();
    const setup = ws?.pageSetup;
    expect(setup?.paperSize).toBe(9);
    expect(setup?.orientation).toBe("landscape");
    expect(setup?.fitToPage).toBe(true);
    expect(setup?.fitToWidth).toBe(1);
    expect(setup?.fitToHeight).toBe(0);
    expect(setup?.printTitlesRow).toBe("1:1");
    expect(ws?.getRow(1).values).toEqual([undefined, "№", "Муниципалитет", "Код ОО", "Наименование ОО", "Категория", "Основание"]);
    expect(ws?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws?.getColumn(6).width).toBe(80);
    expect(ws?.getRow(2).getCell(6).alignment?.wrapText).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("keeps a school name that looks like a formula as text, and codes with their zeros", () => {
    const row = book.getWorksheet("Перечень ШНОР")?.getRow(2);
    expect(row?.getCell(4).value).toBe(first.name);
    expect(row?.getCell(4).formula).toBeUndefined();
    expect(row?.getCell(3).value).toBe("007001");
    expect(row?.getCell(1).value).toBe(1);
  });
});
