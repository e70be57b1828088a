/**
 * `shnor import` and `identify`/`validate --exports` in process: the recognition table, the join
 * (unknown and ambiguous codes), inferred scales, bad inputs with Russian messages naming file,
 * sheet and cell, nothing written when nothing usable was found, and names never written.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { main } from "../../src/cli/main";
import type { RawWorkbook } from "../../src/schema/raw";
import { readXlsx } from "../../src/workbook/xlsxReader";

const EXPORTS = resolve(__dirname, "../fixtures/exports");
const GOOD = join(EXPORTS, "good");
const BAD = join(EXPORTS, "bad");
const SCHOOLS = join(EXPORTS, "школы.xlsx");

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString("utf8");
    done();
  }
}

async function shnor(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

async function book(path: string): Promise<RawWorkbook> {
  return readXlsx(readFileSync(path));
}

function sheet(wb: RawWorkbook, name: string): (string | number | boolean | null)[][] {
  const s = wb.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`нет листа ${name}`);
  return s.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.error : v)));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "shnor-import-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("shnor import", () => {
  it("joins through «Логин ФИС ОКО» and «Код ОО», adds unknown schools with a warning, writes every sheet", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", GOOD, "--schools", SCHOOLS, "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ФИС ОКО «Индивидуальные результаты»");
    expect(r.stdout).toContain("ВПР_2025_РУ_4.xlsx, 'РУ 4 Индивидуальные результаты'!A21: предупреждение: логин ФИС ОКО edu100099 («МКОУ «ООШ с. Тестовое»», муниципалитет «Шалинский район») не найден на листе «Школы»");
    expect(r.stdout).toContain("ОГЭ_2025_протокол.xlsx, 'Page 1'!C10: предупреждение: код ОО 7999 (муниципалитет «код МСУ 1») не найден на листе «Школы»");
    expect(r.stdout).toContain("Коды школ, которых нет на листе «Школы» (добавлены): 2");
    const wb = await book(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Школы", "Результаты", "Баллы", "Шкалы"]);
    const schools = sheet(wb, "Школы");
    expect(schools[0]).toEqual(["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %", "Логин ФИС ОКО"]);
    // The base's rows as they were, then the two added schools with only what the exports say.
    expect(schools.slice(1, 5).map((r) => r[0])).toEqual(["7001", "7002", "7003", "7004"]);
    expect(schools.slice(5)).toEqual([
      ["edu100099", "МКОУ «ООШ с. Тестовое»", "Шалинский район", null, null, null, null, null, "edu100099"],
      ["7999", "ОО 7999", "код МСУ 1"],
    ]);
    const scores = sheet(wb, "Баллы");
    expect(scores[0]).toEqual(["Код ОО", "Год", "Процедура", "Класс", "Код участника", "Предмет", "Балл", "Отметка", "Отметка по журналу"]);
    // ВПР logins became the schools' codes.
    expect(scores.filter((x) => x[2] === "ВПР" && x[3] === 4).map((x) => [x[0], x[4], x[6], x[7], x[8] ?? null])).toEqual([
      ["7001", "10001", 35, 5, 5],
      ["7001", "10002", 24, 4, null],
      ["7001", "10003", 14, 3, 4],
      ["7002", "20001", 13, 2, 3],
      ["7002", "20002", 33, 5, 4],
      ["7002", "20003", 23, 3, 3],
      ["edu100099", "30001", 30, 4, 4],
    ]);
    expect(scores.filter((x) => x[2] === "ОГЭ").map((x) => x[0])).toEqual(["7001", "7001", "7003", "7999", "7001", "7001", "7003"]);
    const results = sheet(wb, "Результаты");
    expect(results.slice(1)).toEqual([
      ["7001", 2025, "ВПР", 4, "Русский язык", 3, 0, 2, 1, 1, 1],
      ["7002", 2025, "ВПР", 4, "Русский язык", 3, 1, 1, 0, 2, 1],
    ]);
  });

  it("infers «Шкалы» from consistent marks and marks the rows «из выгрузки»; keeps the base's rows", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", join(GOOD, "ВПР_2025_МА.xlsx"), join(GOOD, "ВПР_2025_РУ_4.xlsx"), "-o", out);
    expect(r.code).toBe(0);
    const scales = sheet(await book(out), "Шкалы");
    expect(scales[0]).toEqual(["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый", "Балл для «3»", "Балл для «4»", "Балл для «5»", "Примечание"]);
    // Русский язык 4: «2» up to 13, «3» from 14, «4» from 24, «5» from 33; the maximum 38 as declared.
    expect(scales.slice(1)).toEqual([
      ["ВПР", 4, "Русский язык", 14, 38, 33, "да", 14, 24, 33, "из выгрузки — сверьте со спецификацией года"],
      ["ВПР", 5, "Математика", 9, 20, 18, "да", 9, 14, 18, "из выгрузки — сверьте со спецификацией года"],
      ["ВПР", 6, "Математика", 7, 20, 16, "да", 7, 11, 16, "из выгрузки — сверьте со спецификацией года"],
    ]);
    // Without --schools every school is added from the exports.
    expect(sheet(await book(out), "Школы").slice(1).map((x) => x[0])).toEqual(["edu100001", "edu100004", "edu100002", "edu100099"]);
  });

  it("reports inconsistent marks with both cells and infers no scale for them", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", join(BAD, "marks"), "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "ВПР_2025_МА_7.xlsx, 'МА 7 Индивидуальные результаты'!D10: ошибка: ВПР 7 кл., Математика, 2025: балл 12 с отметкой «3», а балл 11 (ВПР_2025_МА_7.xlsx, 'МА 7 Индивидуальные результаты'!D11) — с отметкой «4»: границы отметок по данным не согласованы; шкала не выведена — добавьте её строку на лист «Шкалы»",
    );
    expect(sheet(await book(out), "Шкалы").slice(1)).toEqual([]);
  });

  it("writes nothing when a login belongs to two schools of «Школы» (ambiguous join), exit 1", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", join(GOOD, "ВПР_2025_РУ_4.xlsx"), "--schools", join(BAD, "школы_логин_дважды.xlsx"), "-o", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ВПР_2025_РУ_4.xlsx, 'РУ 4 Индивидуальные результаты'!A10: ошибка: логин edu100001 указан у нескольких школ листа «Школы»: 7001 (школы_логин_дважды.xlsx, Школы!I2), 7005 (школы_логин_дважды.xlsx, Школы!I4); школу не определить");
    expect(r.stderr).toContain("Ничего не записано: школы не сопоставлены однозначно (1)");
    expect(existsSync(out)).toBe(false);
  });

  it("writes nothing for a file that is none of the known forms, exit 1", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", join(BAD, "unknown"), "-o", out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("отчёт.xlsx, Лист1!A1: ошибка: ни один лист не похож на известные формы");
    expect(r.stderr).toBe("Ничего не записано: в файлах не найдено ни одной пригодной строки участников или результатов школ\n");
    expect(existsSync(out)).toBe(false);
  });

  it("a file that is not a workbook at all: an error naming the file; alone nothing is written (exit 1), beside good files the rest is", async () => {
    const broken = join(dir, "выгрузки");
    mkdirSync(broken);
    writeFileSync(join(broken, "сломан.xlsx"), "Код ОО;Балл\n7001;12\n");
    const out = join(dir, "регион.xlsx");
    const alone = await shnor("import", broken, "-o", out);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toMatch(/^сломан\.xlsx: ошибка: файл не прочитан как книга Excel: .+$/m);
    expect(alone.stderr).toBe("Ничего не записано: в файлах не найдено ни одной пригодной строки участников или результатов школ\n");
    expect(existsSync(out)).toBe(false);
    copyFileSync(join(GOOD, "ОГЭ_2025_протокол.xlsx"), join(broken, "ОГЭ_2025_протокол.xlsx"));
    const beside = await shnor("import", broken, "--schools", SCHOOLS, "-o", out);
    expect(beside.code).toBe(0);
    expect(beside.stdout).toMatch(/^сломан\.xlsx: ошибка: файл не прочитан как книга Excel/m);
    expect(sheet(await book(out), "Баллы").slice(1).every((x) => x[2] === "ОГЭ")).toBe(true);
  });

  it("a protocol block without a header row: an error at the block's cell, the block left out, the next block read", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", join(BAD, "no-header"), "--schools", SCHOOLS, "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ОГЭ_без_заголовка.xlsx, 'Page 1'!A4: ошибка: у блока «1 - Русский язык» нет строки заголовков («№», «Код ОО», «Фамилия», …, «Первичный балл»); блок пропущен");
    expect(sheet(await book(out), "Баллы").slice(1).map((x) => x[5])).toEqual(["Математика"]);
  });

  it("a sheet whose maximum differs from its scale: an error at the maximum's cell, the sheet left out", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", join(BAD, "max"), join(GOOD, "ОГЭ_2025_протокол.xlsx"), "--schools", SCHOOLS, "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "ВПР_2025_РУ_4_макс.xlsx, 'РУ 4 Индивидуальные результаты'!B4: ошибка: максимальный первичный балл 40 (ВПР 4 кл., Русский язык, 2025) не совпадает со шкалой: 38 (школы.xlsx, Шкалы!E2); лист пропущен",
    );
    expect(sheet(await book(out), "Баллы").slice(1).every((x) => x[2] === "ОГЭ")).toBe(true);
  });

  it("a participant in two schools: an error at the second school's cell, the row left out", async () => {
    const out = join(dir, "регион.xlsx");
    const r = await shnor("import", join(BAD, "two-schools"), "--schools", SCHOOLS, "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ОГЭ_2025_дубль\.xlsx, 'Page 1'!C7: ошибка: участник Х[0-9a-f]{16} \(ОГЭ 2025\) уже записан в ОО 7001 \(ОГЭ_2025_дубль\.xlsx, 'Page 1'!C6\), здесь — в ОО 7002; строка пропущена/);
    expect(sheet(await book(out), "Баллы").slice(1).map((x) => x[0])).toEqual(["7001"]);
  });

  it("a title block without «ВПР ‹год› … класс»: the sheet left out with its reason", async () => {
    const r = await shnor("import", join(BAD, "no-title"), "-o", join(dir, "x.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ВПР_без_заголовка.xlsx, 'РУ 4 Индивидуальные результаты'!A1: ошибка: не найден заголовок «ВПР ‹год› ‹предмет› ‹N› класс» над таблицей");
  });

  it("imports into the output's own «Школы» when it exists, replacing the units imported again", async () => {
    const out = join(dir, "регион.xlsx");
    copyFileSync(SCHOOLS, out);
    expect((await shnor("import", join(GOOD, "ВПР_2025_РУ_4.xlsx"), "-o", out)).code).toBe(0);
    expect((await shnor("import", join(GOOD, "ВПР_2025_РУ_4.xlsx"), join(GOOD, "ОГЭ_2025_протокол.xlsx"), "-o", out)).code).toBe(0);
    const wb = await book(out);
    const scores = sheet(wb, "Баллы").slice(1);
    // ВПР 4 imported twice is there once; ОГЭ added; «Школы» still the base's (7001 joined by login).
    expect(scores.filter((x) => x[2] === "ВПР").length).toBe(7);
    expect(scores.filter((x) => x[2] === "ОГЭ").length).toBe(7);
    expect(sheet(wb, "Школы").slice(1).map((x) => x[0])).toEqual(["7001", "7002", "7003", "7004", "edu100099", "7999"]);
  });

  it("usage errors exit 2: no output, not .xlsx, a missing folder", async () => {
    expect((await shnor("import", GOOD)).code).toBe(2);
    expect((await shnor("import", GOOD, "-o", join(dir, "x.csv"))).code).toBe(2);
    const r = await shnor("import", join(dir, "нет"), "-o", join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("не найдены");
  });
});

describe("names are never written", () => {
  const people = JSON.parse(readFileSync(join(EXPORTS, "people.json"), "utf8")) as string[][];
  const parts = [...new Set(people.flat())];

  function cells(wb: RawWorkbook): string {
    return wb.sheets.map((s) => `${s.name}\n${s.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.error : String(v))).join("\t")).join("\n")}`).join("\n");
  }

  it("in no sheet, JSON, stdout or stderr of import, validate and identify (with and without --exports)", async () => {
    const all = join(dir, "all");
    mkdirSync(all);
    for (const f of ["ОГЭ_2025_протокол.xlsx", "ЕГЭ_2025_протокол.xls", "ВПР_2025_РУ_4.xlsx"]) copyFileSync(join(GOOD, f), join(all, f));
    copyFileSync(join(BAD, "two-schools", "ОГЭ_2025_дубль.xlsx"), join(all, "ОГЭ_2025_дубль.xlsx"));
    copyFileSync(join(BAD, "no-header", "ОГЭ_без_заголовка.xlsx"), join(all, "ОГЭ_без_заголовка.xlsx"));
    const out = join(dir, "регион.xlsx");
    const texts: string[] = [];
    const run = async (...argv: string[]): Promise<number> => {
      const r = await shnor(...argv);
      texts.push(r.stdout, r.stderr);
      return r.code;
    };
    expect(await run("import", all, "--schools", SCHOOLS, "-o", out)).toBe(0);
    texts.push(cells(await book(out)));
    await run("validate", out);
    await run("validate", "--exports", all, "--schools", SCHOOLS);
    const code = await run("identify", out, "-o", join(dir, "итоги.xlsx"), "--json", join(dir, "итоги.json"));
    await run("identify", "--exports", all, "--schools", SCHOOLS, "-o", join(dir, "итоги2.xlsx"), "--json", join(dir, "итоги2.json"));
    for (const f of ["итоги.xlsx", "итоги2.xlsx"]) if (existsSync(join(dir, f))) texts.push(cells(await book(join(dir, f))));
    for (const f of ["итоги.json", "итоги2.json"]) if (existsSync(join(dir, f))) texts.push(readFileSync(join(dir, f), "utf8"));
    // Something was searched: the import's table and the identification's output.
    expect(texts.join("\n")).toContain("протокол РЦОИ");
    expect(code).toBe(0);
    expect(existsSync(join(dir, "итоги.json")) && existsSync(join(dir, "итоги2.json"))).toBe(true);
    const all_ = texts.join("\n");
    // A name counts as written when it stands as a word of its own: «Иванов» must not be found, but the
    // seed 001 region «Иваново» in a row label is not that surname.
    const asWord = (p: string) => new RegExp(`(?<!\\p{L})${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u").test(all_);
    for (const p of parts) expect({ name: p, found: asWord(p) }).toEqual({ name: p, found: false });
    expect(all_).not.toContain("9612 345678");
  });
});
