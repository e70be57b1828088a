import { EXAMPLE_NOTE, EXAMPLE_SCALES, parseWorkbook, scaleToRow, TEMPLATE_LISTS, TEMPLATE_SHEETS, type CellValue } from "../../src/schema";
import { baseSheets, toWorkbook } from "./helpers";

describe("TEMPLATE_SHEETS", () => {
  it("lists the input sheets in order, the optional monitoring and risk profile sheets last", () => {
    expect(TEMPLATE_SHEETS.map((s) => [s.name, s.required])).toEqual([
      ["Школы", true],
      ["Результаты", false],
      ["Баллы", false],
      ["Шкалы", true],
      ["Мониторинг МО", false],
      ["Профиль рисков", false],
    ]);
  });

  it("gives the Шкалы headers in order with the example note last", () => {
    const scales = TEMPLATE_SHEETS.find((s) => s.id === "scales");
    expect(scales?.columns.map((c) => c.header)).toEqual([
      "Процедура",
      "Класс",
      "Предмет",
      "Минимальный балл",
      "Максимальный балл",
      "Высокий балл",
      "Массовый",
      "Балл для «3»",
      "Балл для «4»",
      "Балл для «5»",
      "Год",
      "Примечание",
    ]);
  });

  it("attaches drop-down lists to yes/no, locality and procedure columns", () => {
    const lists = TEMPLATE_SHEETS.flatMap((s) => s.columns.filter((c) => c.list !== null).map((c) => `${s.name}:${c.header}:${(c.list ?? []).join("/")}`));
    expect(lists).toContain("Школы:Местность:город/село");
    expect(lists).toContain("Школы:Педагог-психолог:да/нет");
    expect(lists).toContain("Шкалы:Массовый:да/нет");
    expect(lists).toContain("Результаты:Процедура:ВПР/ОГЭ/ЕГЭ/РДР");
    expect(TEMPLATE_LISTS.procedures).toEqual(["ВПР", "ОГЭ", "ЕГЭ", "РДР"]);
  });
});

describe("EXAMPLE_SCALES", () => {
  it("are all marked as examples", () => {
    expect(EXAMPLE_SCALES.every((s) => s.example)).toBe(true);
  });

  it("cover ВПР grades 4–8, ОГЭ and ЕГЭ", () => {
    const keys = new Set(EXAMPLE_SCALES.map((s) => `${s.procedure} ${s.grade}`));
    expect([...keys]).toEqual(["ВПР 4", "ВПР 5", "ВПР 6", "ВПР 7", "ВПР 8", "ОГЭ 9", "ЕГЭ 11"]);
  });

  it("give the ЕГЭ minimum scores and 81 as the high score", () => {
    const ege = (subject: string) => EXAMPLE_SCALES.find((s) => s.procedure === "ЕГЭ" && s.subject === subject);
    expect(ege("Русский язык")).toMatchObject({ minScore: 24, maxScore: 100, highScore: 81, mass: true });
    expect(ege("Математика профильная")).toMatchObject({ minScore: 27, maxScore: 100, highScore: 81 });
  });

  it("pass the workbook's own validation when written through scaleToRow", () => {
    const s = baseSheets();
    const header = TEMPLATE_SHEETS.find((t) => t.id === "scales")?.columns.map((c): CellValue => c.header) ?? [];
    const result = parseWorkbook(toWorkbook({ ...s, Шкалы: [header, ...EXAMPLE_SCALES.map(scaleToRow)] }));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.issues).toEqual([]);
    expect(result.input.scales).toHaveLength(EXAMPLE_SCALES.length);
  });

  it("turn into a row with «да»/«нет» and the example note", () => {
    const first = EXAMPLE_SCALES[0];
    if (first === undefined) throw new Error("no examples");
    expect(scaleToRow(first)).toEqual(["ВПР", 4, "Русский язык", 14, 38, 33, "да", 14, 24, 33, null, EXAMPLE_NOTE]);
  });
});
