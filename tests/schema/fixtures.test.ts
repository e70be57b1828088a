/**
 * Real .xlsx files (tests/fixtures, made by make-fixtures.ts) read through `readXlsx` and
 * parsed: each bad input case gives exactly the issues listed, at the cells listed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseWorkbook, type ParseResult } from "../../src/schema";
import { readXlsx } from "../../src/workbook/xlsxReader";

const dir = path.join(__dirname, "..", "fixtures");

async function parseFixture(name: string): Promise<ParseResult> {
  return parseWorkbook(await readXlsx(fs.readFileSync(path.join(dir, name))));
}

type Expected = readonly (readonly [code: string, sheet: string | null, cell: string | null])[];

const cases: readonly (readonly [file: string, ok: boolean, issues: Expected])[] = [
  ["ok.minimal.xlsx", true, []],
  ["ok.header-below-title.xlsx", true, []],
  ["ok.empty-rows.xlsx", true, []],
  ["ok.tolerant-headers.xlsx", true, []],
  ["error.missing-schools-sheet.xlsx", false, [["sheet-missing", null, null]]],
  ["error.missing-results-sheets.xlsx", false, [["results-sheet-missing", null, null]]],
  ["error.missing-scales-sheet.xlsx", false, [["sheet-missing", null, null]]],
  ["error.results-without-counts.xlsx", false, [["results-without-counts", "Результаты", "G2"], ["results-without-counts", "Результаты", "G4"]]],
  ["error.missing-column.xlsx", false, [["column-missing", "Школы", null]]],
  ["error.text-in-number.xlsx", false, [["not-a-number", "Школы", "E3"]]],
  ["error.percent-out-of-range.xlsx", false, [["percent-out-of-range", "Школы", "F2"]]],
  ["error.negative-count.xlsx", false, [["negative-value", "Результаты", "G3"]]],
  ["error.grade-out-of-range.xlsx", false, [["grade-out-of-range", "Результаты", "D2"]]],
  ["error.year-out-of-range.xlsx", false, [["year-out-of-range", "Результаты", "B4"]]],
  ["error.duplicate-school-id.xlsx", false, [["duplicate-school-id", "Школы", "A5"]]],
  ["error.unknown-school.xlsx", false, [["unknown-school", "Результаты", "A3"]]],
  ["error.scale-missing.xlsx", false, [["scale-missing", "Результаты", "E4"]]],
  [
    "error.counts-inconsistent.xlsx",
    false,
    [
      ["counts-inconsistent", "Результаты", "G2"],
      ["counts-inconsistent", "Результаты", "I3"],
    ],
  ],
  [
    "error.cell-error.xlsx",
    false,
    [
      ["cell-error", "Школы", "G3"],
      ["cell-error", "Результаты", "F4"],
    ],
  ],
  ["error.score-above-max.xlsx", false, [["score-above-max", "Баллы", "G3"]]],
  ["error.scale-min-above-max.xlsx", false, [["scale-min-above-max", "Шкалы", "D3"]]],
  ["error.scale-high-above-max.xlsx", false, [["scale-high-above-max", "Шкалы", "F2"]]],
  ["warning.fraction-percent.xlsx", true, [["fraction-percent", "Школы", "H1"]]],
  ["warning.results-overridden-by-scores.xlsx", true, [["results-overridden-by-scores", "Результаты", "A5"]]],
  ["info.academic-year.xlsx", true, [["academic-year", "Результаты", "B2"]]],
];

describe("fixture workbooks", () => {
  it.each(cases)("%s gives ok=%s and exactly the listed issues", async (file, ok, expected) => {
    const result = await parseFixture(file);
    expect(result.ok).toBe(ok);
    expect(result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual(expected);
  });

  it("covers every fixture file on disk", () => {
    const onDisk = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort();
    expect(cases.map(([f]) => f).sort()).toEqual(onDisk);
  });
});

describe("ok.minimal.xlsx", () => {
  it("keeps the leading zero of a text school code and turns a numeric code into text", async () => {
    const result = await parseFixture("ok.minimal.xlsx");
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.input.schools.map((s) => s.id)).toEqual(["07013", "7014", "7015"]);
    expect(result.input.results.map((r) => r.schoolId)).toEqual(["07013", "7014", "7015"]);
  });

  it("reads a school row into the engine's fields", async () => {
    const result = await parseFixture("ok.minimal.xlsx");
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools[2]).toEqual({
      id: "7015",
      name: "СОШ с. В",
      municipality: "Район Б",
      locality: "село",
      enrollment: 150,
      parentsHigherEd: 15,
      singleParent: 20,
      registered: 6,
      hardToReach: false,
      nearestSchoolKm: 12,
      nonNativeShare: null,
      disabledShare: null,
      teacherVacancies: null,
      qualifiedTeachersShare: null,
      hasPsychologist: null,
      hasSocialPedagogue: null,
      hasDefectologist: null,
      stableInternet: null,
      computersPer100: null,
      continuedTo10Share: null,
      olympiadShare: null,
    });
  });

  it("reads results, scores and scales", async () => {
    const result = await parseFixture("ok.minimal.xlsx");
    if (!result.ok) throw new Error("not ok");
    expect(result.input.results[0]).toEqual({
      schoolId: "07013",
      year: 2024,
      procedure: "ВПР",
      grade: 5,
      subject: "Математика",
      participants: 60,
      belowMin: 6,
      atLeastMid: 30,
      atLeastTop: 10,
      meanScore: 12.5,
      mark2: null,
      marks45: null,
      gradeSize: null,
      belowScaleMin: null,
      highBand: null,
      procedureLow: null,
      procedureHigh: null,
      procedureBelowScaleMin: null,
      journalLowered: null,
      journalConfirmed: null,
      journalRaised: null,
    });
    expect(result.input.scores).toHaveLength(3);
    expect(result.input.scores[0]).toEqual({
      schoolId: "7015",
      year: 2024,
      procedure: "ЕГЭ",
      grade: 11,
      participantId: "P1",
      subject: "Русский язык",
      score: 70,
      mark: null,
      journalMark: null,
    });
    expect(result.input.scales[1]).toEqual({
      procedure: "ОГЭ",
      grade: 9,
      subject: "Русский язык",
      minScore: 15,
      maxScore: 33,
      highScore: 29,
      mass: true,
      cut3: 15,
      cut4: 23,
      cut5: 29,
      year: null,
    });
  });
});

describe("fixtures with notes", () => {
  it("reads a column of fractions as percent points", async () => {
    const result = await parseFixture("warning.fraction-percent.xlsx");
    if (!result.ok) throw new Error("not ok");
    expect(result.input.schools.map((s) => s.registered)).toEqual([5, 8, 6]);
  });

  it("reads «2023/2024» as 2024", async () => {
    const result = await parseFixture("info.academic-year.xlsx");
    if (!result.ok) throw new Error("not ok");
    expect(result.input.results.map((r) => r.year)).toEqual([2024, 2024, 2024]);
  });

  it("keeps the aggregated row replaced by participant rows but says its counts are not used", async () => {
    const result = await parseFixture("warning.results-overridden-by-scores.xlsx");
    if (!result.ok) throw new Error("not ok");
    expect(result.input.results).toHaveLength(4);
    expect(result.issues[0]?.message).toBe(
      "Результаты!A5: для ОО 7015, 2024 год, ЕГЭ, 11 класс есть баллы участников на листе «Баллы»; показатели строк листа «Результаты» (1 шт.) не используются, кроме численности параллели",
    );
  });

  it("writes the cell address and the expectation into the message", async () => {
    const result = await parseFixture("error.text-in-number.xlsx");
    expect(result.issues[0]?.message).toBe("Школы!E3: «восемьдесят» — ожидалось целое число не меньше 0");
  });

  it("reads the cached result of a formula that failed as an error value", async () => {
    const result = await parseFixture("error.cell-error.xlsx");
    expect(result.issues[0]?.message).toBe("Школы!G3: ошибка Excel «#DIV/0!» в ячейке — ожидалось число от 0 до 100");
  });
});
