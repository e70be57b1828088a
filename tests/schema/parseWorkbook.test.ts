import { ISSUE_SEVERITY, parseWorkbook, type CellValue, type IssueCode } from "../../src/schema";
import { baseSheets, setCell, toWorkbook, type Rows } from "./helpers";

type Sheets = ReturnType<typeof baseSheets>;
type SheetName = keyof Sheets;

function parseWith(change: (s: Sheets) => void) {
  const s = baseSheets();
  change(s);
  return parseWorkbook(toWorkbook(s));
}

function codesAndCells(change: (s: Sheets) => void): [string, string | null, string | null][] {
  return parseWith(change).issues.map((i) => [i.code, i.sheet, i.cell]);
}

describe("parseWorkbook", () => {
  it("accepts the base workbook without issues", () => {
    const result = parseWorkbook(toWorkbook(baseSheets()));
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  const badCells: readonly (readonly [title: string, sheet: SheetName, cell: string, value: CellValue, code: IssueCode])[] = [
    ["text where a count is due", "Результаты", "F2", "шестьдесят", "not-a-number"],
    ["a fractional count", "Результаты", "F2", 60.5, "not-an-integer"],
    ["a percent above 100", "Школы", "F2", 100.5, "percent-out-of-range"],
    ["a negative percent", "Школы", "G3", -1, "percent-out-of-range"],
    ["a negative pupil count", "Школы", "E2", -5, "negative-value"],
    ["a negative score", "Баллы", "G2", -1, "negative-value"],
    ["grade 0", "Результаты", "D2", 0, "grade-out-of-range"],
    ["grade 12 as text", "Результаты", "D2", "12", "grade-out-of-range"],
    ["year 1999", "Результаты", "B2", 1999, "year-out-of-range"],
    ["year 2101 as text", "Результаты", "B2", "2101", "year-out-of-range"],
    ["a school year that is not two consecutive years", "Результаты", "B2", "2022/2024", "not-a-year"],
    ["a year that is words", "Результаты", "B2", "прошлый", "not-a-year"],
    ["a yes/no cell holding «может быть»", "Шкалы", "G2", "может быть", "not-a-boolean"],
    ["a locality «хутор у моря»", "Школы", "D2", "хутор у моря", "not-a-locality"],
    ["#DIV/0! in a percent cell", "Школы", "H2", { error: "#DIV/0!" }, "cell-error"],
    ["#N/A in a code cell", "Результаты", "A2", { error: "#N/A" }, "cell-error"],
    ["an empty school code", "Школы", "A3", null, "value-missing"],
    ["an empty score", "Баллы", "G2", "  ", "value-missing"],
    ["a mark of 6", "Баллы", "H2", 6, "value-out-of-range"],
    ["a result of an unknown school", "Результаты", "A3", "9999", "unknown-school"],
    ["a score of an unknown school", "Баллы", "A2", "07014", "unknown-school"],
    ["a subject with no threshold row", "Результаты", "E3", "Физика", "scale-missing"],
    ["a score above the scale's maximum", "Баллы", "G2", 100.5, "score-above-max"],
    ["a mean score above the scale's maximum", "Результаты", "J2", 21, "score-above-max"],
    ["Ниже Bmin above Участников", "Результаты", "G3", 13, "counts-inconsistent"],
    ["Не ниже Btop above Не ниже Bmid", "Результаты", "I3", 4, "counts-inconsistent"],
    ["Не ниже Bmid above Участников", "Результаты", "H2", 61, "counts-inconsistent"],
    ["a minimum above the maximum", "Шкалы", "D2", 21, "scale-min-above-max"],
    ["a high score above the maximum", "Шкалы", "F3", 101, "scale-high-above-max"],
    ["a high score below the minimum", "Шкалы", "F2", 5, "scale-high-below-min"],
    ["a cut-off for «4» below that for «3»", "Шкалы", "I2", 6, "scale-cuts-unordered"],
  ];

  it.each(badCells)("reports %s in %s!%s", (_title, sheet, cell, value, code) => {
    expect(codesAndCells((s) => setCell(s[sheet], cell, value))).toEqual([[code, sheet, cell]]);
  });

  it.each(badCells.filter(([, , , , code]) => ISSUE_SEVERITY[code] === "error"))("returns no input for %s", (_t, sheet, cell, value) => {
    expect(parseWith((s) => setCell(s[sheet], cell, value)).ok).toBe(false);
  });

  const badShapes: readonly (readonly [title: string, change: (s: Partial<Record<SheetName, Rows>>) => void, expected: [string, string | null, string | null][]])[] = [
    ["no Школы sheet", (s) => delete s.Школы, [["sheet-missing", null, null]]],
    ["no Шкалы sheet", (s) => delete s.Шкалы, [["sheet-missing", null, null]]],
    ["neither Результаты nor Баллы", (s) => {
      delete s.Результаты;
      delete s.Баллы;
    }, [["results-sheet-missing", null, null]]],
    ["no Код ОО column on Школы", (s) => s.Школы?.forEach((r) => r.shift()), [["column-missing", "Школы", null]]],
    ["no Массовый column on Шкалы", (s) => s.Шкалы?.forEach((r) => r.splice(6, 1)), [["column-missing", "Шкалы", null]]],
    ["no header row within 20 rows", (s) => {
      s.Шкалы = [...Array.from({ length: 20 }, (): CellValue[] => ["заметка"]), ...(s.Шкалы ?? [])];
    }, [["header-row-not-found", "Шкалы", null]]],
    ["two columns for one field", (s) => {
      const rows = s.Школы ?? [];
      rows[0]?.push("Наименование ОО");
      rows[1]?.push("дубль");
    }, [["column-duplicate", "Школы", "I1"]]],
    ["an unknown column", (s) => s.Школы?.[0]?.push("Директор"), [["column-ignored", "Школы", "I1"]]],
    ["a second sheet that matches Школы", (s) => {
      (s as Record<string, Rows>)["Schools"] = baseSheets().Школы;
    }, [["sheet-duplicate", "Школы", null]]],
    ["a Школы sheet with headers only", (s) => {
      s.Школы = s.Школы?.slice(0, 1) ?? [];
      delete s.Результаты;
      delete s.Баллы;
      (s as Record<string, Rows>)["Результаты"] = baseSheets().Результаты.slice(0, 1);
    }, [["sheet-no-rows", "Школы", null], ["sheet-no-rows", "Результаты", null], ["no-results", null, null]]],
    ["Результаты and Баллы with headers only", (s) => {
      s.Результаты = s.Результаты?.slice(0, 1) ?? [];
      s.Баллы = s.Баллы?.slice(0, 1) ?? [];
    }, [["sheet-no-rows", "Результаты", null], ["sheet-no-rows", "Баллы", null], ["no-results", null, null]]],
    ["a Результаты sheet alone whose rows have participants but no counts", (s) => {
      delete s.Баллы;
      s.Результаты = (s.Результаты ?? []).map((r, i) => (i === 0 ? r : r.map((v, c) => (c >= 6 ? null : v))));
    }, [["results-without-counts", "Результаты", "G2"]]],
  ];

  it.each(badShapes)("reports %s", (_title, change, expected) => {
    const s: Partial<Record<SheetName, Rows>> = baseSheets();
    change(s);
    expect(parseWorkbook(toWorkbook(s)).issues.map((i) => [i.code, i.sheet, i.cell])).toEqual(expected);
  });

  it("reports every issue of the workbook in one pass", () => {
    const issues = codesAndCells((s) => {
      setCell(s.Школы, "F2", "abc");
      setCell(s.Школы, "A3", "07013");
      setCell(s.Результаты, "D3", 12);
      setCell(s.Шкалы, "D2", 30);
    });
    expect(issues).toEqual([
      ["not-a-number", "Школы", "F2"],
      ["grade-out-of-range", "Результаты", "D3"],
      ["duplicate-school-id", "Школы", "A3"],
      ["scale-min-above-max", "Шкалы", "D2"],
      ["unknown-school", "Баллы", "A2"],
      ["unknown-school", "Баллы", "A3"],
    ]);
  });

  it("reports duplicate result, score and scale rows at the repeated row", () => {
    expect(
      codesAndCells((s) => {
        s.Результаты.push(["7014", "2024", "впр", 5, "математика", 12, 4, 3, 1, 9]);
        s.Баллы.push(["7014", 2024, "ЕГЭ", 11, "P2", "Русский  язык", 30, null]);
        s.Шкалы.push(["ВПР", 5, "Математика", 7, 20, 16, "да", null, null, null]);
      }),
    ).toEqual([
      ["duplicate-scale", "Шкалы", "C4"],
      ["duplicate-result", "Результаты", "E4"],
      ["duplicate-score", "Баллы", "E4"],
    ]);
  });

  it("says which procedure and rows have no counts, and stops the identification", () => {
    const result = parseWith((s) => {
      s.Результаты = (s.Результаты ?? []).map((r, i) => (i === 0 ? r : r.map((v, c) => (c >= 6 ? null : v))));
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      [
        "results-without-counts",
        "error",
        "Результаты!G2: ВПР 2024 года: 2 строки (строки 2–3), но ни в одной нет чисел участников «Ниже Bmin», «Не ниже Bmid», «Не ниже Btop», «Отметка «2»», «Отметки «4» и «5»» и нет баллов на листе «Баллы» — индексы посчитать не из чего. Заполните эти столбцы или добавьте баллы участников",
      ],
    ]);
  });

  it("accepts rows without counts of a procedure that has participant scores, and warns about mean scores alone", () => {
    const withScores = parseWith((s) => {
      s.Результаты?.push(["7014", 2024, "ЕГЭ", 11, "Русский язык", 2, null, null, null, null]);
    });
    expect(withScores.issues.map((i) => i.code)).not.toContain("results-without-counts");
    const meanOnly = parseWith((s) => {
      s.Результаты = (s.Результаты ?? []).map((r, i) => (i === 0 ? r : r.map((v, c) => (c >= 6 && c <= 8 ? null : v))));
    });
    expect(meanOnly.ok).toBe(true);
    expect(meanOnly.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([["results-mean-only", "warning", "G2"]]);
  });

  it("makes the Russian message with the cell address", () => {
    const result = parseWith((s) => setCell(s.Школы, "F2", "abc"));
    expect(result.issues[0]?.message).toBe("Школы!F2: «abc» — ожидалось число от 0 до 100");
  });

  it("summarises a mistake repeated on many rows after 100 issues", () => {
    const result = parseWith((s) => {
      for (let i = 0; i < 150; i++) s.Баллы.push(["7014", 2024, "ЕГЭ", 11, `Q${i}`, "Русский язык", "много", null]);
    });
    expect(result.issues.filter((i) => i.code === "not-a-number")).toHaveLength(100);
    const summary = result.issues.at(-1);
    expect(summary?.code).toBe("issues-truncated");
    expect(summary?.message).toBe("Лист «Баллы», столбец G: ещё 50 таких же замечаний («ожидалось число») не показаны");
    // Exact numbers for a grouped list: the kind, how many more, and the last cell of them.
    expect(summary && "truncated" in summary ? summary.truncated : null).toEqual({ of: "not-a-number", count: 50, lastCell: "G153" });
  });

  it("ignores the counts of aggregated rows of a key that has participant rows, with one warning naming the key", () => {
    const result = parseWith((s) => {
      s.Результаты.push(["7014", 2024, "ЕГЭ", 11, "Русский язык", 2, 1, 1, 0, 45]);
      s.Результаты.push(["7014", 2024, "ЕГЭ", 11, "Математика профильная", 2, 1, 1, 0, 45]);
      s.Шкалы.push(["ЕГЭ", 11, "Математика профильная", 27, 100, 81, "да"]);
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([["results-overridden-by-scores", "A4", "warning"]]);
    expect(result.issues[0]?.message).toContain("ОО 7014, 2024 год, ЕГЭ, 11 класс");
    expect(result.issues[0]?.message).toContain("(2 шт.)");
    // The rows stay: the engine ignores their counts but takes the grade size from them.
    expect(result.input.results.map((r) => r.procedure)).toEqual(["ВПР", "ВПР", "ЕГЭ", "ЕГЭ"]);
  });

  it("does not warn about aggregated rows that only give the grade size", () => {
    const result = parseWith((s) => {
      s.Результаты.push(["7014", 2024, "ЕГЭ", 11, "Русский язык", 2, null, null, null, null]);
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.issues).toEqual([]);
  });
});

describe("parseWorkbook normalisation", () => {
  it("turns a numeric school code into text and keeps a leading zero", () => {
    const result = parseWorkbook(toWorkbook(baseSheets()));
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools.map((s) => s.id)).toEqual(["07013", "7014"]);
  });

  it("reads «2023/2024» as 2024 with one note per distinct spelling", () => {
    const result = parseWith((s) => {
      setCell(s.Результаты, "B2", "2023/2024");
      setCell(s.Результаты, "B3", "2023/2024");
    });
    if (!result.ok) throw new Error("not ok");
    expect(result.input.results.map((r) => r.year)).toEqual([2024, 2024]);
    expect(result.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([["academic-year", "B2", "info"]]);
  });

  it("reads a percent column of fractions as percent points with a warning at its header", () => {
    const result = parseWith((s) => {
      setCell(s.Школы, "H2", 0.07);
      setCell(s.Школы, "H3", 0);
    });
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools.map((s) => s.registered)).toEqual([7, 0]);
    expect(result.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([["fraction-percent", "H1", "warning"]]);
  });

  it("does not take a column of values written with «%» for fractions", () => {
    const result = parseWith((s) => {
      setCell(s.Школы, "H2", "0,5%");
      setCell(s.Школы, "H3", 0.2);
    });
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools.map((s) => s.registered)).toEqual([0.5, 0.2]);
    expect(result.issues).toEqual([]);
  });

  it("reads numbers written as text with a decimal comma, spaces and «%»", () => {
    const result = parseWith((s) => {
      setCell(s.Школы, "F2", "12,5");
      setCell(s.Школы, "G2", " 30 % ");
      setCell(s.Школы, "E2", "1 200");
    });
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools[0]).toMatchObject({ parentsHigherEd: 12.5, singleParent: 30, enrollment: 1200 });
  });

  it("reads locality variants and yes/no variants", () => {
    const result = parseWith((s) => {
      setCell(s.Школы, "D2", "Городская местность");
      setCell(s.Школы, "D3", "сельская");
      setCell(s.Школы, "I1", "Устойчивый интернет");
      setCell(s.Школы, "I2", "+");
      setCell(s.Школы, "I3", "No");
      setCell(s.Шкалы, "G2", 1);
      setCell(s.Шкалы, "G3", "нет");
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.input.schools.map((s) => [s.locality, s.stableInternet])).toEqual([
      ["город", true],
      ["село", false],
    ]);
    expect(result.input.scales.map((s) => s.mass)).toEqual([true, false]);
  });

  it("normalises procedure names to ВПР, ОГЭ, ЕГЭ, РДР", () => {
    const result = parseWith((s) => {
      setCell(s.Результаты, "C2", "впр"); // lower case
      setCell(s.Результаты, "C3", "BПP"); // Latin B and P
      setCell(s.Баллы, "C2", "EГЭ"); // Latin E
      setCell(s.Баллы, "C3", " егэ ");
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.input.results.map((r) => r.procedure)).toEqual(["ВПР", "ВПР"]);
    expect(result.input.scores.map((r) => r.procedure)).toEqual(["ЕГЭ", "ЕГЭ"]);
  });

  it("keeps another procedure's name with a note", () => {
    const result = parseWith((s) => {
      s.Результаты.push(["7014", 2024, "НИКО", 5, "Математика", 10, 1, 5, 1, null]);
      s.Шкалы.push(["НИКО", 5, "Математика", 7, 20, 16, "нет"]);
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.input.results.at(-1)?.procedure).toBe("НИКО");
    expect(result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["unknown-procedure", "Результаты", "C4"],
      ["unknown-procedure", "Шкалы", "A4"],
    ]);
  });

  it("trims subjects, collapses spaces, capitalises the first letter and uses the Шкалы spelling", () => {
    const result = parseWith((s) => {
      setCell(s.Результаты, "E2", "  математика ");
      setCell(s.Баллы, "F2", "русский   язык");
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.input.results.map((r) => r.subject)).toEqual(["Математика", "Математика"]);
    expect(result.input.scores.map((r) => r.subject)).toEqual(["Русский язык", "Русский язык"]);
  });

  it("finds the header row below a title and skips empty rows silently", () => {
    const result = parseWith((s) => {
      s.Школы.unshift(["Реестр ОО на 01.09.2023"], [], [null, null, "Раздел 1"]);
      s.Школы.splice(4, 0, [], [null, "", "   "]);
      s.Результаты.push([], [null]);
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.issues).toEqual([]);
    expect(result.input.schools.map((s) => s.id)).toEqual(["07013", "7014"]);
  });

  it("matches headers regardless of case, ё, quotes, units and Latin lookalikes", () => {
    const result = parseWith((s) => {
      s.Школы[0] = ["КОД ОО", "наименование", " Муниципалитет ", "Местность (город/село)", "Численность обучающихся, чел.", "Дв (%)", "Дн", "ду %"];
      s.Результаты[0] = ["Код ОО", "Учебный год", "Процедура", "Параллель", "Предмет", "Количество участников", "ниже bmin", "Не ниже Вmid", "Не ниже Btop", "Средний балл"];
      s.Шкалы[0] = ["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый", "Балл для \"3\"", "Балл для 4", "Балл для «5»"];
    });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.issues).toEqual([]);
    expect(result.input.scales[0]).toMatchObject({ cut3: 7, cut4: 12, cut5: 16 });
    expect(result.input.results[0]).toMatchObject({ belowMin: 6, atLeastMid: 30, atLeastTop: 10 });
  });

  it("accepts English sheet names and headers", () => {
    const s = baseSheets();
    const result = parseWorkbook(
      toWorkbook({
        Schools: [["School ID", "Name", "Municipality", "Locality", "Enrollment", "Both parents higher education", "Single parent", "Registered"], ...s.Школы.slice(1)],
        Results: [["School ID", "Year", "Procedure", "Grade", "Subject", "Participants", "Below Bmin", "At least Bmid", "At least Btop", "Mean score"], ...s.Результаты.slice(1)],
        Scales: [["Procedure", "Grade", "Subject", "Min score", "Max score", "High score", "Mass"], ["ВПР", 5, "Математика", 7, 20, 16, "yes"]],
      }),
    );
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.issues).toEqual([]);
    expect(result.input.results).toHaveLength(2);
  });

  it("keeps unknown columns out of the rows and notes them", () => {
    const result = parseWith((s) => {
      s.Школы[0]?.push("Директор", "Примечание");
      s.Школы[1]?.push("Иванов", "проверить");
    });
    if (!result.ok) throw new Error("not ok");
    expect(result.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([["column-ignored", "I1", "info"]]);
    expect(Object.keys(result.input.schools[0] ?? {})).not.toContain("Директор");
  });

  it("reads «-» and «н/д» in an optional number column as no value", () => {
    const result = parseWith((s) => {
      setCell(s.Школы, "F2", "-");
      setCell(s.Школы, "F3", "н/д");
    });
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools.map((s) => s.parentsHigherEd)).toEqual([null, null]);
  });

  it("reads a missing optional column as null", () => {
    const result = parseWorkbook(toWorkbook(baseSheets()));
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools[0]?.hardToReach).toBeNull();
    expect(result.input.results[0]?.gradeSize).toBeNull();
  });
});
