/**
 * `shnor compare` as a real process: on a small demo region (60 schools, three years) it writes
 * the two comparison sheets and a JSON whose verdicts are exactly each preset's own `identify`
 * on the same input, byte-identical across runs; usage and input errors exit 2 and 1 with nothing
 * written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { demoSheets } from "../../src/demo/workbook";
import { identify, PRESETS, PRESET_IDS, resolveMethodology, type IdentificationInput } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import { writeInputWorkbookFile } from "../../src/workbook/inputWriterNode";
import { readXlsxFile } from "../../src/workbook/xlsxFile";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/shnor.js");
const BAD = join(ROOT, "tests/fixtures/error.text-in-number.xlsx");

function shnor(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CompareJson {
  presets: { id: string; label: string; statistics: number; changed: Record<string, unknown>; counts: Record<string, number> }[];
  statistics: { presets: string[]; parameters: Record<string, unknown> }[];
  schools: { id: string; categories: Record<string, string>; rules: Record<string, string[]>; listedIn: string; explanations: { status: string; text: string }[] }[];
  overlap: { status: string; first: string; second: string; both: number; onlyFirst: number; onlySecond: number }[];
}

describe("shnor compare", () => {
  let dir: string;
  let region: string;
  let input: IdentificationInput;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "shnor-compare-"));
    region = join(dir, "регион.xlsx");
    await writeInputWorkbookFile(region, demoSheets({ schools: 60, municipalities: 4 }));
    const parsed = parseWorkbook(await readXlsxFile(region));
    if (!parsed.ok) throw new Error("the small demo region does not parse");
    input = parsed.input;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes both sheets and a deterministic JSON whose verdicts are each preset's own identify, exit 0", async () => {
    const r = shnor(["compare", region, "-o", "сравнение.xlsx", "--json", "сравнение.json"], dir);
    expect(r.stderr).not.toContain("Ошибка"); // only the reading progress, on a slow machine
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Сравнение методик: регион.xlsx, школ 60");
    expect(r.stdout).toContain("Индексы оценочных процедур рассчитаны один раз для всех методик");
    const text = readFileSync(join(dir, "сравнение.json"), "utf8");
    const json = JSON.parse(text) as CompareJson;
    expect(Object.keys(json)).toEqual(["version", "presets", "statistics", "region", "schools", "overlap", "issues"]);
    expect(json.presets.map((p) => p.id)).toEqual([...PRESET_IDS]);
    expect(Object.keys(json.schools[0] ?? {})).toEqual(["id", "name", "municipality", "categories", "rules", "shnor", "shnsu", "listedIn", "explanations"]);
    expect(json.statistics).toHaveLength(1);

    const own = PRESET_IDS.map((id) => identify(input, PRESETS[id]));
    for (const [k, id] of PRESET_IDS.entries()) {
      expect(json.schools.map((s) => s.categories[id])).toEqual(own[k]?.schools.map((s) => s.category));
      expect(json.schools.map((s) => s.rules[id])).toEqual(own[k]?.schools.map((s) => [...s.shnorRules]));
    }
    // The overlap of each pair, recounted from the verdicts.
    for (const o of json.overlap) {
      const a = own[PRESET_IDS.indexOf(o.first as never)]!.schools;
      const b = own[PRESET_IDS.indexOf(o.second as never)]!.schools;
      const on = (s: { shnor: boolean; shnsu: boolean }) => (o.status === "shnor" ? s.shnor : s.shnsu);
      expect([o.both, o.onlyFirst, o.onlySecond]).toEqual([
        a.filter((s, i) => on(s) && on(b[i]!)).length,
        a.filter((s, i) => on(s) && !on(b[i]!)).length,
        a.filter((s, i) => !on(s) && on(b[i]!)).length,
      ]);
    }
    // An explanation for each list the presets disagree on, and for no other.
    json.schools.forEach((s, i) => {
      const disagree = (["shnor", "shnsu"] as const).filter((k) => new Set(own.map((r) => r.schools[i]![k])).size > 1);
      expect(s.explanations.map((e) => e.status)).toEqual(disagree);
      if (s.listedIn === "none") expect(disagree).toEqual([]);
    });

    const again = shnor(["compare", region, "-o", "again.xlsx", "--json", "again.json"], dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, "again.json"), "utf8")).toBe(text);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "сравнение.xlsx"));
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Сравнение методик", "Сводка сравнения"]);
    const sheet = wb.getWorksheet("Сравнение методик")!;
    expect(sheet.rowCount).toBe(61);
    expect(sheet.getRow(1).getCell(4).value).toBe("КБР");
    const firstShnor = json.schools.findIndex((s) => s.categories["kbr"] === "ШНОР");
    if (firstShnor >= 0) {
      const cell = sheet.getRow(firstShnor + 2).getCell(4);
      expect(cell.value).toBe("ШНОР");
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    }
    const summary = wb.getWorksheet("Сводка сравнения")!;
    expect(summary.getRow(2).getCell(1).value).toBe("КБР");
    expect(summary.getRow(2).getCell(2).value).toBe(json.presets[0]?.counts["shnor"]);
  });

  it("--presets and --params-for: a changed parameter of the statistics gives a second computation", () => {
    writeFileSync(join(dir, "брянск.json"), JSON.stringify({ procedureUnit: "procedure" }));
    const r = shnor(["compare", region, "-o", "p.xlsx", "--json", "p.json", "--presets", "kbr,bryansk", "--params-for", "bryansk=брянск.json"], dir);
    expect(r.stderr).not.toContain("Ошибка"); // only the reading progress, on a slow machine
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("рассчитаны 2 раза");
    const json = JSON.parse(readFileSync(join(dir, "p.json"), "utf8")) as CompareJson;
    expect(json.presets.map((p) => [p.id, p.label, p.statistics, p.changed])).toEqual([
      ["kbr", "КБР", 0, {}],
      ["bryansk", "Брянск (изм.)", 1, { procedureUnit: "procedure" }],
    ]);
    const pooled = resolveMethodology("bryansk", { procedureUnit: "procedure" });
    if (!pooled.ok) throw new Error("bad override");
    expect(json.schools.map((s) => s.categories["bryansk"])).toEqual(identify(input, pooled.value).schools.map((s) => s.category));
    expect(json.overlap.map((o) => `${o.status}:${o.first}-${o.second}`)).toEqual(["shnor:kbr-bryansk", "shnsu:kbr-bryansk"]);
  });

  it.each([
    ["an unknown preset", ["--presets", "kbr,moscow"], "Неизвестная методика в --presets: «moscow»"],
    ["a single preset", ["--presets", "kbr"], "хотя бы две методики"],
    ["a preset twice", ["--presets", "kbr,kbr"], "дважды"],
    ["--params-for without =", ["--params-for", "bryansk"], "ожидалось ПРЕСЕТ=параметры.json"],
    ["--params-for of a preset not compared", ["--presets", "kbr,bryansk", "--params-for", "stavropol=x.json"], "нет в --presets"],
    ["a missing parameters file", ["--params-for", "kbr=нет.json"], "не найден"],
    ["an output that is not .xlsx", ["-o", "out.csv"], "расширение .xlsx"],
  ])("%s is a usage error: exit 2, nothing written", (_name, extra, message) => {
    const out = join(dir, "usage.xlsx");
    const args = ["compare", region, ...(extra.includes("-o") ? [] : ["-o", out]), ...extra];
    const r = shnor(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it("an input with errors: exit 1, the issues with their cells, nothing written", () => {
    const r = shnor(["compare", BAD, "-o", "bad.xlsx", "--json", "bad.json"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ничего не записано");
    expect(r.stderr).toMatch(/Школы!/);
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "bad.json"))).toBe(false);
  });
});
