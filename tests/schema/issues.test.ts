import { cellAddress, columnLetters, formatCellRef, toIssue } from "../../src/schema/issues";

describe("columnLetters", () => {
  it.each([
    [0, "A"],
    [5, "F"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("turns column %i into %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });
});

describe("formatCellRef", () => {
  it("joins a sheet and a cell as Excel writes them", () => {
    expect(formatCellRef("Школы", "F12")).toBe("Школы!F12");
  });

  it("quotes a sheet name with spaces", () => {
    expect(formatCellRef("Мои данные", "A1")).toBe("'Мои данные'!A1");
  });
});

describe("toIssue", () => {
  it("makes the message from the code, the cell and the expectation", () => {
    const issue = toIssue({
      code: "not-a-number",
      sheet: "Школы",
      row: 11,
      column: 5,
      received: "abc",
      expected: { kind: "number", integer: false, min: 0, max: 100 },
    });
    expect(issue).toEqual({
      severity: "error",
      code: "not-a-number",
      sheet: "Школы",
      cell: "F12",
      message: "Школы!F12: «abc» — ожидалось число от 0 до 100",
    });
  });

  it("writes decimals with a comma", () => {
    const issue = toIssue({ code: "percent-out-of-range", sheet: "Школы", row: 1, column: 0, received: 100.5, expected: { kind: "number", integer: false, min: 0, max: 100 } });
    expect(issue.message).toBe("Школы!A2: «100,5» — ожидалось число от 0 до 100");
  });

  it("names the sheet alone when no cell is tied to the issue", () => {
    const issue = toIssue({ code: "column-missing", sheet: "Шкалы", row: null, column: null, details: { header: "Массовый" } });
    expect(issue.cell).toBeNull();
    expect(issue.message).toBe("Лист «Шкалы»: нет обязательного столбца «Массовый»");
  });

  it("computes A1 addresses from 0-based indices", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(11, 27)).toBe("AB12");
  });
});
