/**
 * The parse stage was rewritten for speed (issue 14: records of a fixed shape, fewer copies of
 * million-row arrays, checks without a string key per row). Its output must not change: the same
 * engine input, key order included, and the same issues — codes, messages, addresses, order,
 * truncation. Here it is compared, as JSON, with the code it replaced (tests/schema/reference/,
 * commit d1f8581) on the demo region, on every fixture workbook, and on generated workbooks with
 * every kind of bad input the cross-row checks and the cell readers report, shuffled or not.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseWorkbook } from "../../src/schema";
import { dateCellKey, type CellValue, type RawSheet, type RawWorkbook } from "../../src/schema/raw";
import { readXlsxFile } from "../../src/workbook/xlsxFile";
import { prng, seededShuffle } from "../../bench/syntheticRegion";
import { parseWorkbook as referenceParse } from "./reference/parseWorkbook";

type Rows = CellValue[][];
type Sheets = Record<string, Rows>;

/** The two results as JSON (which sees key order), compared piece by piece: a few thousand rows at a time. */
function expectSameJson(fast: unknown, slow: unknown, path: string): void {
  if (Array.isArray(fast) && Array.isArray(slow)) {
    expect(`${path}: ${fast.length} rows`).toBe(`${path}: ${slow.length} rows`);
    for (let i = 0; i < fast.length; i += 5000) {
      const a = JSON.stringify(fast.slice(i, i + 5000));
      const b = JSON.stringify(slow.slice(i, i + 5000));
      if (a !== b) expect(fast.slice(i, i + 5000)).toStrictEqual(slow.slice(i, i + 5000));
      expect(a === b ? `${path}[${i}…] same` : a).toBe(a === b ? `${path}[${i}…] same` : b);
    }
    return;
  }
  if (typeof fast === "object" && fast !== null && typeof slow === "object" && slow !== null) {
    expect(Object.keys(fast)).toEqual(Object.keys(slow));
    for (const k of Object.keys(fast)) expectSameJson((fast as Record<string, unknown>)[k], (slow as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
}

function expectSameParse(raw: RawWorkbook): ReturnType<typeof parseWorkbook> {
  const fast = parseWorkbook(raw);
  const slow = referenceParse(raw);
  expectSameJson(fast, slow, "parsed");
  return fast;
}

const DEMO = join(__dirname, "..", "..", "assets", "demo");
let minimalDemo: RawWorkbook | null = null;

/** The minimal demo workbook's sheets as rows to edit (a fresh copy each time), long sheets cut to `rows`. */
function demoSheets(rows = 4000): Sheets {
  if (minimalDemo === null) throw new Error("the minimal demo workbook is read in beforeAll");
  const out: Sheets = {};
  for (const s of minimalDemo.sheets) out[s.name] = s.rows.slice(0, rows + 1).map((r) => [...r]);
  return out;
}

function toRaw(sheets: Sheets, dateCells: Record<string, number[][]> = {}): RawWorkbook {
  return {
    sheets: Object.entries(sheets).map(([name, rows]): RawSheet => {
      const dates = dateCells[name];
      return dates === undefined ? { name, rows } : { name, rows, dateCells: new Set(dates.map(([r, c]) => dateCellKey(r!, c!))) };
    }),
  };
}

function codesOf(result: ReturnType<typeof parseWorkbook>): Set<string> {
  return new Set(result.issues.map((i) => i.code));
}

/** Edits of one sheet by header name, with a seeded random choice of rows. */
class Editor {
  private readonly rnd: () => number;
  constructor(
    readonly sheets: Sheets,
    seed: number,
  ) {
    this.rnd = prng(seed);
  }
  rows(sheet: string): Rows {
    const rows = this.sheets[sheet];
    if (rows === undefined) throw new Error(`no sheet ${sheet}`);
    return rows;
  }
  col(sheet: string, header: string): number {
    const c = this.rows(sheet)[0]!.indexOf(header);
    if (c < 0) throw new Error(`no column ${header} on ${sheet}`);
    return c;
  }
  /** `n` random data rows (1-based indexes into the rows array). */
  pick(sheet: string, n: number): number[] {
    const len = this.rows(sheet).length;
    return Array.from({ length: n }, () => 1 + Math.floor(this.rnd() * (len - 1)));
  }
  set(sheet: string, header: string, n: number, value: (old: CellValue, i: number) => CellValue): void {
    const c = this.col(sheet, header);
    this.pick(sheet, n).forEach((r, i) => {
      const row = this.rows(sheet)[r]!;
      row[c] = value(row[c] ?? null, i);
    });
  }
  duplicate(sheet: string, n: number): void {
    const rows = this.rows(sheet);
    for (const r of this.pick(sheet, n)) rows.splice(1 + Math.floor(this.rnd() * (rows.length - 1)), 0, [...rows[r]!]);
  }
  addColumn(sheet: string, header: string, value: (row: Rows[number]) => CellValue): void {
    const rows = this.rows(sheet);
    rows[0]!.push(header);
    for (let r = 1; r < rows.length; r++) rows[r]!.push(value(rows[r]!));
  }
  dropColumn(sheet: string, header: string): void {
    const c = this.col(sheet, header);
    for (const row of this.rows(sheet)) row.splice(c, 1);
  }
  shuffle(sheet: string, seed: number): void {
    const [header, ...rows] = this.rows(sheet);
    this.sheets[sheet] = [header!, ...seededShuffle(rows, seed)];
  }
  random(): number {
    return this.rnd();
  }
}

/** «Результаты» with every count column, mostly consistent, from the participants of each row. */
function withCounts(e: Editor): void {
  const p = e.col("Результаты", "Участников");
  const part = (row: Rows[number]): number => (typeof row[p] === "number" ? row[p] : 10);
  const share = (row: Rows[number], f: number): number => Math.floor(part(row) * f);
  e.addColumn("Результаты", "Ниже Bmin", (r) => share(r, 0.2));
  e.addColumn("Результаты", "Не ниже Bmid", (r) => share(r, 0.5));
  e.addColumn("Результаты", "Не ниже Btop", (r) => share(r, 0.1));
  e.addColumn("Результаты", "Средний балл", (r) => part(r) / 3);
  e.addColumn("Результаты", "Отметка «2»", (r) => share(r, 0.15));
  e.addColumn("Результаты", "Отметки «4» и «5»", (r) => share(r, 0.45));
  e.addColumn("Результаты", "Понизили (Отметка < Отметка по журналу)", (r) => share(r, 0.2));
  e.addColumn("Результаты", "Подтвердили (Отметка = Отметке по журналу)", (r) => share(r, 0.5));
  e.addColumn("Результаты", "Повысили (Отметка > Отметка по журналу)", (r) => share(r, 0.2));
}

describe("parseWorkbook gives what the code it replaced gave", () => {
  beforeAll(async () => {
    minimalDemo = await readXlsxFile(join(DEMO, "demo-region-minimal.xlsx"));
  });

  it("on the demo workbook: the same input, field by field and in key order, and the same issues", async () => {
    const parsed = expectSameParse(await readXlsxFile(join(DEMO, "demo-region.xlsx")));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.input.scores.length).toBeGreaterThan(100_000);
  }, 600_000); // 16 MB read and 375,000 score rows parsed twice: generous for a loaded machine

  it("on the minimal demo workbook, whole and shuffled row by row", () => {
    expect(expectSameParse(minimalDemo!).ok).toBe(true);
    const e = new Editor(demoSheets(), 3);
    for (const s of ["Школы", "Результаты", "Баллы", "Шкалы"]) e.shuffle(s, 11);
    expectSameParse(toRaw(e.sheets));
  });

  const fixtures = join(__dirname, "..", "fixtures");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return f === "exports" || f === "filekind" ? [] : files(p);
      return f.endsWith(".xlsx") ? [p] : [];
    });
  it.each(files(fixtures).map((f) => [f.slice(fixtures.length + 1), f]))("on the fixture %s", async (_name, file) => {
    expectSameParse(await readXlsxFile(file));
  });

  it("on duplicates, unknown schools (leading-zero twins too) and rows dropped by several checks", () => {
    const e = new Editor(demoSheets(), 5);
    e.duplicate("Баллы", 30);
    e.duplicate("Результаты", 20);
    e.duplicate("Школы", 3);
    e.duplicate("Шкалы", 2);
    e.set("Баллы", "Код ОО", 8, (_v, i) => (i % 2 === 0 ? "99999" : "0" + String(i)));
    e.set("Результаты", "Код ОО", 6, (v, i) => (i % 3 === 0 ? Number(v) : `X${i}`));
    e.set("Баллы", "Код участника", 5, () => "10001");
    // One participant in forty subjects, some repeated in another spelling.
    const scores = e.rows("Баллы");
    const subject = e.col("Баллы", "Предмет");
    for (let k = 0; k < 48; k++) scores.splice(100, 0, scores[99]!.map((v, c) => (c === subject ? (k < 40 ? `Предмет ${k}` : `предмет  ${k - 37}`) : v)));
    const parsed = expectSameParse(toRaw(e.sheets));
    for (const code of ["duplicate-score", "duplicate-result", "duplicate-school-id", "duplicate-scale", "unknown-school"]) expect(codesOf(parsed)).toContain(code);
  });

  it("on bad cells of every type: text, blanks, markers, ranges, errors, dates, spellings", () => {
    const e = new Editor(demoSheets(), 7);
    e.set("Баллы", "Балл", 12, (_v, i) => ["abc", -1, "12,5", "н/д", null, " ", { error: "#N/A" }, "7 ", "1e3", Infinity, "−3", 1e9][i % 12]!);
    e.set("Баллы", "Класс", 6, (_v, i) => [0, 12, 4.5, "5", "пятый", null][i % 6]!);
    e.set("Баллы", "Год", 6, (_v, i) => ["2023/2024", "2023-24", 1999, "2024 г.", "двадцать", 2024.5][i % 6]!);
    e.set("Баллы", "Процедура", 6, (_v, i) => ["впр", "VPR", "BПP", "Олимпиада", "ГИА-9", " огэ "][i % 6]!);
    e.set("Баллы", "Предмет", 6, (_v, i) => ["русский язык", "МАТЕМАТИКА", "  Русский  язык ", "Астрология", "", "все"][i % 6]!);
    e.set("Баллы", "Отметка", 8, (_v, i) => [0, 6, "5", "отл", 3.5, null, "-", { error: "#DIV/0!" }][i % 8]!);
    e.set("Результаты", "Участников", 6, (_v, i) => [-2, "десять", null, 3.5, "12", { error: "#REF!" }][i % 6]!);
    e.set("Результаты", "Предмет", 4, (_v, i) => [null, "все", "Все", "математика"][i % 4]!);
    e.set("Школы", "Местность", 4, (_v, i) => ["сельская", "г.", "хутор", null][i % 4]!);
    e.set("Школы", "Дв, %", 4, (_v, i) => ["12,5%", 101, -1, "н/д"][i % 4]!);
    e.set("Школы", "Численность обучающихся", 3, (_v, i) => [45_000.5, "много", 12][i % 3]!);
    e.set("Школы", "Муниципалитет", 6, (v, i) => (typeof v === "string" ? [v.toUpperCase(), v.replace(/а/g, "a"), ` ${v}  `][i % 3]! : v));
    e.set("Шкалы", "Массовый", 2, (_v, i) => ["может быть", "yes"][i % 2]!);
    const dates = [1, 2, 3].map((r) => [r, e.col("Баллы", "Балл")]);
    const parsed = expectSameParse(toRaw(e.sheets, { Баллы: dates }));
    for (const code of ["not-a-number", "value-missing", "cell-error", "date-in-number-column", "unknown-procedure", "academic-year", "spellings-merged"]) {
      expect(codesOf(parsed)).toContain(code);
    }
  });

  it("on counts that do not add up, values above the scale, bad and missing scale rows, scale years", () => {
    const e = new Editor(demoSheets(), 9);
    withCounts(e);
    e.set("Результаты", "Ниже Bmin", 5, (_v, i) => 1000 + i);
    e.set("Результаты", "Не ниже Btop", 5, () => 999);
    e.set("Результаты", "Отметка «2»", 3, () => 500);
    e.set("Результаты", "Повысили (Отметка > Отметка по журналу)", 3, () => 400);
    e.set("Результаты", "Подтвердили (Отметка = Отметке по журналу)", 2, () => null);
    e.set("Результаты", "Средний балл", 4, () => 1000);
    e.set("Баллы", "Балл", 7, () => 500);
    const scales = e.rows("Шкалы");
    const min = e.col("Шкалы", "Минимальный балл");
    const max = e.col("Шкалы", "Максимальный балл");
    const high = e.col("Шкалы", "Высокий балл");
    const cut4 = e.col("Шкалы", "Балл для «4»");
    scales[1]![min] = 999;
    scales[2]![high] = 999;
    scales[3]![cut4] = 0;
    scales.splice(4, 1);
    scales[0]!.push("Год");
    scales.push([...scales[5]!.slice(0, -1), 2024], [...scales[6]!.slice(0, -1), 1990 + 9]);
    for (let r = 1; r < scales.length - 2; r++) scales[r]!.push(null);
    const parsed = expectSameParse(toRaw(e.sheets));
    for (const code of ["counts-inconsistent", "score-above-max", "scale-min-above-max", "scale-high-above-max", "scale-cuts-unordered", "scale-missing"]) {
      expect(codesOf(parsed)).toContain(code);
    }
  });

  it("on results overridden by scores, results without counts, and more than a hundred issues of one kind", () => {
    const e = new Editor(demoSheets(), 13);
    withCounts(e);
    e.set("Баллы", "Балл", 300, (_v, i) => (i % 2 === 0 ? "плохо" : -5));
    e.set("Баллы", "Код ОО", 150, () => "00000");
    const parsed = expectSameParse(toRaw(e.sheets));
    for (const code of ["results-overridden-by-scores", "issues-truncated", "unknown-school"]) expect(codesOf(parsed)).toContain(code);

    const bare = new Editor(demoSheets(), 17);
    bare.dropColumn("Баллы", "Балл");
    bare.dropColumn("Результаты", "Численность параллели");
    bare.shuffle("Баллы", 2);
    expect(codesOf(expectSameParse(toRaw(bare.sheets)))).toContain("column-missing");

    // «Баллы» without one or both of the optional mark columns, rows shuffled.
    for (const drop of [["Отметка по журналу"], ["Отметка", "Отметка по журналу"], ["Отметка"]]) {
      const e2 = new Editor(demoSheets(), 23);
      for (const h of drop) e2.dropColumn("Баллы", h);
      e2.set("Баллы", "Балл", 3, () => "x");
      e2.duplicate("Баллы", 3);
      expect(codesOf(expectSameParse(toRaw(e2.sheets)))).toContain("duplicate-score");
    }

    // Repeats next to their rows: every school's rows stay one run.
    const adjacent = new Editor(demoSheets(), 29);
    const rows = adjacent.rows("Баллы");
    for (const r of [900, 500, 40]) rows.splice(r + 1, 0, [...rows[r]!]);
    expect(codesOf(expectSameParse(toRaw(adjacent.sheets)))).toContain("duplicate-score");

    const noScores = demoSheets();
    delete noScores["Баллы"];
    expect(codesOf(expectSameParse(toRaw(noScores)))).toContain("results-without-counts");
  });

  it("on fraction percents, a «Школы» with years, and workbooks missing whole sheets", () => {
    const e = new Editor(demoSheets(), 19);
    const dv = e.col("Школы", "Дв, %");
    for (const row of e.rows("Школы").slice(1)) if (typeof row[dv] === "number") row[dv] = row[dv] / 100;
    expect(codesOf(expectSameParse(toRaw(e.sheets)))).toContain("fraction-percent");

    const { Школы: _schools, ...noSchools } = demoSheets();
    expect(codesOf(expectSameParse(toRaw(noSchools)))).toContain("sheet-missing");
    const { Шкалы: _scales, ...noScales } = demoSheets();
    expect(codesOf(expectSameParse(toRaw(noScales)))).toContain("sheet-missing");
    expectSameParse(toRaw({}));
  });

  it("on randomly damaged workbooks, seed after seed", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const e = new Editor(demoSheets(1500), seed);
      if (seed % 2 === 0) withCounts(e);
      const junk: CellValue[] = [null, "", "н/д", "abc", -1, 0, 3.5, 2024, "2023/2024", { error: "#N/A" }, "ВПР", "впр", "01001", 1001, "да"];
      for (const sheet of ["Школы", "Результаты", "Баллы", "Шкалы"]) {
        const header = e.rows(sheet)[0]!;
        for (let k = 0; k < 6; k++) {
          const h = header[Math.floor(e.random() * header.length)];
          if (typeof h === "string") e.set(sheet, h, 1 + Math.floor(e.random() * 4), () => junk[Math.floor(e.random() * junk.length)]!);
        }
        if (e.random() < 0.5) e.duplicate(sheet, 2);
        if (e.random() < 0.3) e.shuffle(sheet, seed);
      }
      expectSameParse(toRaw(e.sheets));
    }
  });
});
