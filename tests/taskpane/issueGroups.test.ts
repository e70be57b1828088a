/** Issues grouped by kind and column, counted exactly, Russian only, and exported as CSV. */
import type { Issue } from "../../src/engine/types";
import { parseWorkbook, type CellValue } from "../../src/schema";
import { groupIssues, issuesCsv } from "../../src/taskpane/issueGroups";
import { baseSheets, toWorkbook } from "../schema/helpers";

/** «Школы» with 299 schools whose «Дв, %» (column F) all say «н/я». */
function schoolsWithTextInF(n: number) {
  const s = baseSheets();
  s.Школы = [s.Школы[0] ?? []];
  for (let i = 0; i < n; i++) s.Школы.push([`S${i}`, `Школа ${i}`, "Город А", "город", 300, "н/я", 10, 5] as CellValue[]);
  s.Результаты = [s.Результаты[0] ?? []];
  for (let i = 0; i < n; i++) s.Результаты.push([`S${i}`, 2024, "ВПР", 5, "Математика", 20, 2, 10, 3, 12]);
  const { Баллы: _none, ...rest } = s;
  return toWorkbook(rest);
}

const issue = (severity: Issue["severity"], code: string, sheet: string | null, cell: string | null, message: string): Issue => ({ severity, code, sheet, cell, message });

describe("groupIssues", () => {
  it("makes one line of 299 identical cell issues, with the range and the exact count though the schema lists only 100", () => {
    const parsed = parseWorkbook(schoolsWithTextInF(299));
    expect(parsed.issues.filter((i) => i.code === "not-a-number")).toHaveLength(100);
    const groups = groupIssues(parsed.issues);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      severity: "error",
      sheet: "Школы",
      column: "F",
      count: 299,
      range: "Школы!F2:F300",
      firstCell: "F2",
      text: "«н/я» — ожидалось число от 0 до 100",
      title: "ожидалось число",
      hint: "оставьте ячейку пустой, если данных нет",
    });
  });

  it("keeps different kinds and columns apart, errors first, and issues without a cell one a line", () => {
    const groups = groupIssues([
      issue("warning", "sheet-no-rows", "Баллы", null, "Лист «Баллы»: на листе нет строк с данными"),
      issue("error", "not-a-number", "Школы", "F2", "Школы!F2: «а» — ожидалось число"),
      issue("error", "not-a-number", "Школы", "G2", "Школы!G2: «б» — ожидалось число"),
      issue("error", "not-a-number", "Школы", "F5", "Школы!F5: «в» — ожидалось число"),
      issue("error", "no-results", null, null, "нет ни одной строки результатов"),
    ]);
    expect(groups.map((g) => [g.severity, g.range ?? g.sheet, g.count, g.text])).toEqual([
      ["error", "Школы!F2:F5", 2, null],
      ["error", "Школы!G2", 1, "«б» — ожидалось число"],
      ["error", null, 1, "нет ни одной строки результатов"],
      ["warning", "Баллы", 1, "Лист «Баллы»: на листе нет строк с данными"],
    ]);
  });

  it("names every kind of issue in Russian, codes never shown", () => {
    const parsed = parseWorkbook(schoolsWithTextInF(150));
    for (const g of groupIssues(parsed.issues)) expect(`${g.title} ${g.text ?? ""}`).not.toMatch(/[a-z]+-[a-z]+/);
  });
});

describe("issuesCsv", () => {
  it("writes every issue with a BOM, semicolons and quotes where needed, in Russian columns", () => {
    const csv = issuesCsv([issue("error", "not-a-number", "Школы", "F2", "Школы!F2: «а; б» — ожидалось число")]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual(["Важность;Лист;Ячейка;Вид замечания;Сообщение", 'ошибка;Школы;F2;ожидалось число;"Школы!F2: «а; б» — ожидалось число"', ""]);
  });
});
