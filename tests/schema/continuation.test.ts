/**
 * «Баллы» past Excel's row limit continues on «Баллы 2», «Баллы 3», … (FORMATS.md "Size"): read
 * as one sheet, columns matched by header, issues reported at their own sheet's cell; and the
 * import writes such sheets that read back as one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { importCommand } from "../../src/cli/importCommand";
import { parseWorkbook } from "../../src/schema";
import { continuationNumber } from "../../src/schema/continuation";
import type { CellValue } from "../../src/schema/raw";
import { SCORES_SHEET } from "../../src/schema/sheets";
import type { SheetDef } from "../../src/schema/columns";
import { readXlsxFile } from "../../src/workbook/xlsxFile";

const SCHOOLS: CellValue[][] = [
  ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %"],
  ["S1", "Школа 1", "Район", "город", 500, 20, 10, 5],
];
const SCALES: CellValue[][] = [
  ["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый"],
  ["ВПР", 4, "Русский язык", 10, 38, 30, "да"],
];
const HEADER = ["Код ОО", "Год", "Процедура", "Класс", "Код участника", "Предмет", "Балл"];
const row = (p: string, score: CellValue): CellValue[] => ["S1", 2025, "ВПР", 4, p, "Русский язык", score];

describe("«Баллы 2», «Баллы 3», … read as one «Баллы»", () => {
  it("names: «Баллы 2» and «Баллы3» continue «Баллы»; «Баллы» itself, «Баллы 1» and other sheets do not", () => {
    const def = SCORES_SHEET as SheetDef<unknown>;
    expect(["Баллы 2", "Баллы3", "баллы 12", "Scores 2", "Баллы", "Баллы 1", "Шкалы 2"].map((n) => continuationNumber(def, n))).toEqual([2, 3, 12, 2, null, null, null]);
  });

  it("the rows of every part are the input's scores, in order, whatever the parts' column order", () => {
    const parsed = parseWorkbook({
      sheets: [
        { name: "Школы", rows: SCHOOLS },
        { name: "Баллы 3", rows: [HEADER, row("p5", 15)] },
        { name: "Баллы", rows: [HEADER, row("p1", 11), row("p2", 12)] },
        // Columns in another order on «Баллы 2».
        { name: "Баллы 2", rows: [["Балл", ...HEADER.slice(0, 6)], [13, ...row("p3", 0).slice(0, 6)], [14, ...row("p4", 0).slice(0, 6)]] },
        { name: "Шкалы", rows: SCALES },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.scores.map((s) => [s.participantId, s.score])).toEqual([["p1", 11], ["p2", 12], ["p3", 13], ["p4", 14], ["p5", 15]]);
    expect(parsed.issues.filter((i) => i.code === "sheet-duplicate")).toEqual([]);
  });

  it("an issue in a continuation is reported at its own sheet, row and column", () => {
    const parsed = parseWorkbook({
      sheets: [
        { name: "Школы", rows: SCHOOLS },
        { name: "Баллы", rows: [HEADER, row("p1", 11)] },
        { name: "Баллы 2", rows: [["Балл", ...HEADER.slice(0, 6)], [12, ...row("p2", 0).slice(0, 6)], ["много", ...row("p3", 0).slice(0, 6)], [99, ...row("p4", 0).slice(0, 6)]] },
        { name: "Шкалы", rows: SCALES },
      ],
    });
    expect(parsed.ok).toBe(false);
    const cells = parsed.issues.filter((i) => i.severity === "error").map((i) => [i.sheet, i.cell, i.code]);
    expect(cells).toEqual([
      ["Баллы 2", "A3", "not-a-number"],
      ["Баллы 2", "A4", "score-above-max"],
    ]);
    expect(parsed.issues.find((i) => i.code === "not-a-number")?.message).toMatch(/^'Баллы 2'!A3: /);
  });
});

describe("the import writes «Баллы» in parts that read back as one", () => {
  class Null extends Writable {
    override _write(_c: Buffer, _e: string, done: () => void): void {
      done();
    }
  }
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "shnor-cont-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("three data rows per sheet: «Баллы», «Баллы 2», …; parsed, the same scores as one sheet", async () => {
    const good = resolve(__dirname, "../fixtures/exports/good");
    const schools = resolve(__dirname, "../fixtures/exports/школы.xlsx");
    const io = { stdout: new Null(), stderr: new Null() };
    const files = [join(good, "ВПР_2025_РУ_4.xlsx"), join(good, "ОГЭ_2025_протокол.xlsx")];
    expect(await importCommand(files, { output: join(dir, "split.xlsx"), schools, rowsPerSheet: 3 }, io)).toBe(0);
    expect(await importCommand(files, { output: join(dir, "one.xlsx"), schools }, io)).toBe(0);
    const split = await readXlsxFile(join(dir, "split.xlsx"));
    expect(split.sheets.map((s) => s.name)).toEqual(["Школы", "Баллы", "Баллы 2", "Баллы 3", "Баллы 4", "Баллы 5", "Шкалы"]);
    expect(split.sheets.filter((s) => s.name.startsWith("Баллы")).map((s) => s.rows.length)).toEqual([4, 4, 4, 4, 3]);
    const a = parseWorkbook(split);
    const b = parseWorkbook(await readXlsxFile(join(dir, "one.xlsx")));
    if (!a.ok || !b.ok) throw new Error("не разобрано");
    expect(a.input.scores.length).toBe(14);
    // Participant codes of protocols are keyed hashes: a new key per run, so compare without them.
    const strip = (xs: typeof a.input.scores) => xs.map((s) => ({ ...s, participantId: s.participantId.startsWith("Х") ? "Х" : s.participantId }));
    expect(strip(a.input.scores)).toEqual(strip(b.input.scores));
  });
});
