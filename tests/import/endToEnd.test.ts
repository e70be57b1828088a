/**
 * End to end: a generated region is written out as ФИС ОКО workbooks and ОГЭ/ЕГЭ protocols
 * (tests/import/helpers/regionExports.ts), imported with `shnor import` through its «Школы» with
 * logins, and identified; the result equals identifying the original region.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { importCommand } from "../../src/cli/importCommand";
import { resultJsonText } from "../../src/cli/json";
import { generateDemoRegion, SCHOOLS_YEAR_COLUMN } from "../../src/demo/region";
import { resolveMethodology } from "../../src/engine";
import { parseWorkbook, type RawWorkbook } from "../../src/schema";
import { analyseParsed } from "../../src/workbook/pipeline";
import { readXlsxFile } from "../../src/workbook/xlsxFile";
import { writeBook } from "./helpers/exportWriters";
import { writeRegionExports } from "./helpers/regionExports";

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _e: string, done: () => void): void {
    this.text += chunk.toString("utf8");
    done();
  }
}

function identifyJson(wb: RawWorkbook): Record<string, unknown> {
  const parsed = parseWorkbook(wb);
  if (!parsed.ok) throw new Error(parsed.issues.filter((i) => i.severity === "error").map((i) => i.message).slice(0, 5).join("\n"));
  const m = resolveMethodology("kbr", {});
  if (!m.ok) throw new Error("методика");
  const { result } = analyseParsed(parsed.input, parsed.issues, m.value);
  const json = JSON.parse(resultJsonText(result)) as Record<string, unknown>;
  // The issues differ by what each input carried (the import's own columns); the result must not.
  delete json["issues"];
  return json;
}

describe("a generated region through its exports", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "shnor-e2e-import-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("import → identify gives the same result as identifying the original", async () => {
    const region = generateDemoRegion({ schools: 36, municipalities: 4, years: [2024, 2025], seed: 11 });
    // The registry of the latest year only: the import joins exports to one «Школы» row per school
    // (a code on two rows is "не определить"), while the demo also writes the year before's rows.
    const sheets = region.sheets.map((s) => ({ name: s.name, rows: [s.header, ...[...s.rows()].filter((r) => s.name !== "Школы" || r[SCHOOLS_YEAR_COLUMN] === 2025)] }));
    const original = identifyJson({ sheets });

    const exportsDir = join(dir, "выгрузки");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(exportsDir);
    const base = await writeRegionExports(exportsDir, sheets);
    const schools = join(dir, "школы.xlsx");
    await writeBook(schools, base);

    const out = join(dir, "регион.xlsx");
    const stdout = new Sink();
    const stderr = new Sink();
    const code = await importCommand([exportsDir], { output: out, schools }, { stdout, stderr });
    expect(code).toBe(0);
    expect(stderr.text).not.toContain("Ничего не записано");
    // Every school joined (ВПР by login, ОГЭ/ЕГЭ by code): none added.
    expect(stdout.text).not.toContain("добавлена");
    expect(stdout.text).toContain("протокол РЦОИ");

    const imported = identifyJson(await readXlsxFile(out));
    expect(imported).toEqual(original);
    expect((original["schools"] as unknown[]).length).toBe(36);
  });
});
