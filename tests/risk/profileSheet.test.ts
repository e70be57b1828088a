/** «Профиль рисков» through the workbook contract: levels, unknown schools, repeats and bad cells with their addresses. */
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";
import { TEMPLATE_SHEETS } from "../../src/schema/template";

const base = (profile: CellValue[][]) => ({
  sheets: [
    {
      name: "Школы",
      rows: [
        ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %"],
        ["S1", "Школа 1", "Район", "город", 300, 20, 10, 5],
        ["S2", "Школа 2", "Район", "село", 80, 10, 20, 5],
      ] as CellValue[][],
    },
    { name: "Результаты", rows: [["Код ОО", "Год", "Процедура", "Класс", "Предмет", "Участников", "Ниже Bmin"], ["S1", 2025, "ВПР", 5, "Математика", 20, 2]] as CellValue[][] },
    { name: "Шкалы", rows: [["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый"], ["ВПР", 5, "Математика", 7, 20, 15, "да"]] as CellValue[][] },
    { name: "Профиль рисков", rows: profile },
  ],
});

const HEADER = ["Код ОО", "Низкое качество профориентационной работы", "Проблемы с вовлеченностью родителей", "Дефицит педагогических кадров"];

describe("Профиль рисков", () => {
  it("reads levels and да/нет by factor name, empty cells as not given", () => {
    const r = parseWorkbook(base([HEADER, ["S1", "Высокий", null, "нет"], ["S2", "средний риск", "нет риска", null]]));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(r.input.riskProfiles).toEqual([
      { schoolId: "S1", factors: { careerGuidance: "высокий", teacherShortage: "нет" } },
      { schoolId: "S2", factors: { careerGuidance: "средний", parents: "нет риска" } },
    ]);
  });

  it.each([
    ["a cell that is no level", [HEADER, ["S1", "очень", null, null]], "'Профиль рисков'!B2: «очень» — ожидалось «да», «нет» или уровень профиля рисков: «высокий», «средний», «низкий», «нет риска»"],
    ["an unknown school", [HEADER, ["S9", "высокий", null, null]], "'Профиль рисков'!A2: код ОО «S9» нет на листе «Школы»"],
    ["a second row of a school", [HEADER, ["S1", "высокий", null, null], ["S1", "низкий", null, null]], "'Профиль рисков'!A3: профиль школы «S1» уже задан в строке 2"],
  ] as const)("%s is an error at its cell", (_, rows, message) => {
    const r = parseWorkbook(base(rows as unknown as CellValue[][]));
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === "error").map((i) => i.message)).toEqual([message]);
  });

  it("is in the template, optional, a column per factor with the levels as a list", () => {
    const t = TEMPLATE_SHEETS.find((s) => s.id === "riskProfiles");
    expect(t?.required).toBe(false);
    expect(t?.columns[0]?.header).toBe("Код ОО");
    expect(t?.columns.find((c) => c.header === "Пониженный уровень школьного благополучия")?.list).toEqual(["да", "нет", "высокий", "средний", "низкий", "нет риска"]);
  });
});
