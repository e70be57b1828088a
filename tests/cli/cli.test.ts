/** The CLI as a real process: `node bin/shnor.js …`, exit codes, files written or not. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/shnor.js");
const FIXTURES = join(ROOT, "tests/fixtures");
const OK = join(FIXTURES, "ok.minimal.xlsx");

function shnor(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("shnor CLI", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "shnor-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("identify writes the result workbook and a deterministic JSON, exit 0", async () => {
    const r = shnor(["identify", OK, "-o", "out.xlsx", "--json", "out.json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Школ: 3");
    const json = readFileSync(join(dir, "out.json"), "utf8");
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["version", "methodology", "region", "schools", "municipalities", "dynamics", "monitoring", "levels", "issues"]);
    expect(Object.keys(parsed["dynamics"] as object)).toEqual(["years", "targetPoints", "mode", "stableShnorYears", "region", "schools", "procedures", "transitions", "regionUnits", "statusShares", "notes"]);
    expect(Object.keys(parsed["monitoring"] as object)).toEqual(["year", "municipalities", "region"]);
    const school = (parsed["schools"] as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(school).indexOf("groupResult")).toBe(Object.keys(school).indexOf("group") + 1);
    expect(r.stdout).toMatch(/Устойчиво ШНОР \(2 посл\. г\.\): \d+/);
    expect(json).toBe(JSON.stringify(parsed, null, 2) + "\n");
    const again = shnor(["identify", OK, "-o", "out2.xlsx", "--json", "out2.json"], dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, "out2.json"), "utf8")).toBe(json);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "out.xlsx"));
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "Итоги", "Индексы ОП", "Муниципалитеты", "Перечень ШНОР", "Перечень ШНСУ", "Перечень зоны риска", "Наставники", "Адресные рекомендации", "Необъективность", "Динамика", "Динамика школ", "Переходы", "Динамика ОП", "Мониторинг", "Уровни", "Параметры", "Легенда", "Замечания",
    ]);
    expect(wb.getWorksheet("Итоги")?.rowCount).toBe(4);
  });

  it("accepts --preset and --params", () => {
    writeFileSync(join(dir, "params.json"), JSON.stringify({ minParticipants: 5 }));
    const r = shnor(["identify", OK, "-o", "p.xlsx", "--json", "p.json", "--preset", "bryansk", "--params", "params.json"], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(join(dir, "p.json"), "utf8")) as { methodology: { preset: string; parameters: { minParticipants: number } } };
    expect(j.methodology.preset).toBe("bryansk");
    expect(j.methodology.parameters.minParticipants).toBe(5);
  });

  it.each([
    ["error.duplicate-school-id.xlsx", "Школы!A5"],
    ["error.text-in-number.xlsx", "Школы!E3"],
    ["error.results-without-counts.xlsx", "Результаты!G2"],
  ])("identify on %s exits 1, names the cell and writes nothing", (fixture, cell) => {
    const r = shnor(["identify", join(FIXTURES, fixture), "-o", "bad.xlsx", "--json", "bad.json"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ничего не записано");
    expect(r.stderr).toContain(cell);
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "bad.json"))).toBe(false);
  });

  it("validate prints every issue with its cell address", () => {
    const r = shnor(["validate", join(FIXTURES, "error.text-in-number.xlsx")], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Ячейка\s+Важность\s+Сообщение/);
    expect(r.stdout).toMatch(/Школы!E3\s+ошибка/);
    expect(shnor(["validate", OK], dir).code).toBe(0);
    // No counts and no participant scores: an error, not "no issues" and 0 ШНОР.
    const empty = shnor(["validate", join(FIXTURES, "error.results-without-counts.xlsx")], dir);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain("индексы посчитать не из чего");
  });

  it.each<[string, string[], RegExp]>([
    ["no command", [], /Usage|shnor/],
    ["a missing -o", ["identify", OK], /не указано значение обязательного параметра/],
    ["an unknown option", ["identify", OK, "-o", "x.xlsx", "--bogus"], /неизвестный параметр/],
    ["an unknown preset", ["identify", OK, "-o", "x.xlsx", "--preset", "moscow"], /недопустимое значение/],
    ["a missing input file", ["identify", "nope.xlsx", "-o", "x.xlsx"], /не найден/],
    ["the input as output", ["identify", OK, "-o", OK], /совпадает с входным/],
  ])("exits 2 on %s", (_name, args, message) => {
    const r = shnor(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  it.each([
    ["not JSON", "{ minParticipants: ", /не JSON/],
    ["a wrong type", JSON.stringify({ minParticipants: "десять" }), /minParticipants.*ожидалось число/],
    ["an unknown parameter", JSON.stringify({ foo: 1 }), /Неизвестный параметр «foo»/],
  ])("exits 2 with a Russian message on --params with %s", (_name, content, message) => {
    writeFileSync(join(dir, "bad-params.json"), content);
    const r = shnor(["identify", OK, "-o", "x.xlsx", "--params", "bad-params.json"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  it("template writes an input workbook with drop-down lists and example scales marked as examples", async () => {
    const r = shnor(["template", "-o", "t.xlsx"], dir);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "t.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(["Школы", "Результаты", "Баллы", "Шкалы"]);
    const schools = wb.getWorksheet("Школы");
    expect(schools?.getCell("A1").value).toBe("Код ОО");
    const localityCol = (schools?.getRow(1).values as unknown[]).indexOf("Местность");
    const validation = schools?.getRow(2).getCell(localityCol).dataValidation;
    expect(validation?.type).toBe("list");
    expect(validation?.formulae?.[0]).toContain("город");
    const scales = wb.getWorksheet("Шкалы");
    expect(scales?.rowCount).toBeGreaterThan(30);
    const header = scales?.getRow(1).values as unknown[];
    const note = header.indexOf("Примечание");
    expect(String(scales?.getRow(2).getCell(note).value)).toMatch(/^пример/);
  });
});
