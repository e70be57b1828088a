/**
 * SPEC.md §1 version 2 columns: `Отметка по журналу` on «Баллы», the «Результаты» counts
 * `Ниже минимального балла`, `61–100 баллов` and the procedure-level counts on a row whose
 * `Предмет` is «все» or empty, and `Год` on «Шкалы».
 */
import { parseWorkbook, type CellValue } from "../../src/schema";
import { baseSheets, setCell, toWorkbook } from "./helpers";

type Sheets = ReturnType<typeof baseSheets>;

function parseWith(change: (s: Sheets) => void) {
  const s = baseSheets();
  change(s);
  return parseWorkbook(toWorkbook(s));
}

const PROCEDURE_HEADERS = ["Участников с низким результатом по процедуре", "Участников с высоким результатом по процедуре", "Участников ниже минимального балла по процедуре"];

/** Adds the procedure-level columns (K, L, M) and a row «все» of school 07013 (row 4). */
function withProcedureRow(s: Sheets, subject: CellValue, counts: [CellValue, CellValue, CellValue]): void {
  s.Результаты[0]?.push(...PROCEDURE_HEADERS);
  s.Результаты.push(["07013", 2024, "ВПР", 5, subject, 60, null, null, null, null, ...counts]);
}

describe("version 2 columns of «Результаты»", () => {
  it("reads the procedure-level counts on a row whose subject is «все»", () => {
    const r = parseWith((s) => withProcedureRow(s, "все", [9, 12, 4]));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(r.issues).toEqual([]);
    expect(r.input.results[2]).toMatchObject({ subject: "Все", participants: 60, procedureLow: 9, procedureHigh: 12, procedureBelowScaleMin: 4 });
  });

  it("reads an empty subject as «все»", () => {
    const r = parseWith((s) => withProcedureRow(s, null, [9, 12, 4]));
    if (!r.ok) throw new Error("not ok");
    expect(r.input.results[2]).toMatchObject({ subject: "Все", procedureLow: 9 });
  });

  it.each([
    ["low", [61, 12, 4], "K4", "«Участников с низким результатом по процедуре» = 61 больше, чем «Участников» = 60"],
    ["high", [9, 70, 4], "L4", "«Участников с высоким результатом по процедуре» = 70 больше, чем «Участников» = 60"],
    ["below the minimum", [9, 12, 61], "M4", "«Участников ниже минимального балла по процедуре» = 61 больше, чем «Участников» = 60"],
  ] as const)("a procedure-level %s count above the participants is an error at its cell", (_t, counts, cell, text) => {
    const r = parseWith((s) => withProcedureRow(s, "все", [...counts]));
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.severity, i.cell, i.message])).toEqual([["error", cell, `Результаты!${cell}: ${text}`]]);
  });

  it("reads «Ниже минимального балла» and «61–100 баллов», and rejects a count above the participants", () => {
    const ok = parseWith((s) => {
      s.Результаты[0]?.push("Ниже минимального балла", "61–100 баллов");
      s.Результаты[1]?.push(3, 20);
    });
    if (!ok.ok) throw new Error("not ok");
    expect(ok.input.results[0]).toMatchObject({ belowScaleMin: 3, highBand: 20 });
    const bad = parseWith((s) => {
      s.Результаты[0]?.push("Ниже минимального балла", "61–100 баллов");
      s.Результаты[2]?.push(3, 13);
    });
    expect(bad.issues.map((i) => [i.code, i.cell])).toEqual([["counts-inconsistent", "L3"]]);
  });
});

describe("`Отметка по журналу` on «Баллы»", () => {
  it("is read as journalMark, null where empty", () => {
    const r = parseWith((s) => {
      s.Баллы[0]?.push("Отметка по журналу");
      s.Баллы[1]?.push(4);
    });
    if (!r.ok) throw new Error("not ok");
    expect(r.input.scores.map((x) => x.journalMark)).toEqual([4, null]);
  });

  it("rejects a journal mark of 7 at its cell", () => {
    const r = parseWith((s) => {
      s.Баллы[0]?.push("Отметка по журналу");
      setCell(s.Баллы, "I2", 7);
    });
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["value-out-of-range", "I2"]]);
  });
});

describe("`Год` on «Шкалы»", () => {
  it("keeps two rows of one subject for two years, and a row without year", () => {
    const r = parseWith((s) => {
      s.Шкалы[0]?.push("Год");
      s.Шкалы[1]?.push(2024);
      s.Шкалы.push(["ВПР", 5, "Математика", 6, 19, 15, "да", 6, 11, 15, 2023]);
      s.Результаты.push(["07013", 2023, "ВПР", 5, "Математика", 50, 5, 20, 5, 12]);
    });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(r.issues).toEqual([]);
    expect(r.input.scales.map((x) => [x.subject, x.year, x.maxScore])).toEqual([
      ["Математика", 2024, 20],
      ["Русский язык", null, 100],
      ["Математика", 2023, 19],
    ]);
  });

  it("checks a result against its own year's maximum", () => {
    const r = parseWith((s) => {
      s.Шкалы[0]?.push("Год");
      s.Шкалы[1]?.push(2024);
      s.Шкалы.push(["ВПР", 5, "Математика", 6, 19, 15, "да", 6, 11, 15, 2023]);
      s.Результаты.push(["07013", 2023, "ВПР", 5, "Математика", 50, 5, 20, 5, 19.5]);
    });
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["score-above-max", "J4"]]);
  });

  it("warns about a scale row whose year has no results, and leaves it out", () => {
    const r = parseWith((s) => {
      s.Шкалы[0]?.push("Год");
      s.Шкалы.push(["ВПР", 5, "Математика", 6, 19, 15, "да", 6, 11, 15, 2022]);
    });
    if (!r.ok) throw new Error("not ok");
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([
      ["warning", "Шкалы!K4: строка шкалы относится к 2022 году, а результатов за этот год нет — строка не используется"],
    ]);
    expect(r.input.scales).toHaveLength(2);
  });

  it("still reports a true duplicate: one subject twice in one year", () => {
    const r = parseWith((s) => {
      s.Шкалы[0]?.push("Год");
      s.Шкалы[1]?.push(2024);
      s.Шкалы.push(["ВПР", 5, "Математика", 6, 19, 15, "да", 6, 11, 15, 2024]);
    });
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["duplicate-scale", "C4"]]);
  });
});
