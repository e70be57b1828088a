/**
 * Formula cells in the file reader: the cached value is the value (0, "" and FALSE included, as
 * Office.js gives them in the add-in), and a formula saved without a cached value is an error
 * with its address, never a silent blank.
 */
import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseWorkbook } from "../../src/schema";
import { FORMULA_WITHOUT_VALUE } from "../../src/schema/raw";
import { readXlsxFile } from "../../src/workbook/xlsxFile";

const OK = path.resolve(__dirname, "../fixtures/ok.minimal.xlsx");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-formulas-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** ok.minimal.xlsx with cells of «Школы» replaced by formulas. */
async function withFormulas(cells: Record<string, { formula: string; result?: number | string | boolean }>): Promise<string> {
  const wb = new Workbook();
  await wb.xlsx.readFile(OK);
  const ws = wb.getWorksheet("Школы")!;
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value as never;
  const file = path.join(dir, `f${Object.keys(cells).join("")}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("formula cells", () => {
  it("keep a cached 0, FALSE and an empty string as values", async () => {
    // Дн, % of school 2 (G3) computes to 0; H3 (Ду, %) to 0 as well; J3 a distance of 0 km.
    const file = await withFormulas({ G3: { formula: "G2-G2", result: 0 }, H3: { formula: "0*1", result: 0 }, J3: { formula: "J2*0", result: 0 } });
    const raw = await readXlsxFile(file);
    const row = raw.sheets.find((s) => s.name === "Школы")!.rows[2]!;
    expect(row[6]).toBe(0);
    expect(row[7]).toBe(0);
    expect(row[9]).toBe(0);
    const parsed = parseWorkbook(raw);
    expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const school = parsed.input.schools.find((s) => s.id === "7014")!;
    expect(school).toMatchObject({ singleParent: 0, registered: 0, nearestSchoolKm: 0 });
  });

  it("report a formula with no cached value as an error at its address", async () => {
    const file = await withFormulas({ G3: { formula: "G2-G2" }, E4: { formula: "E2/2" } });
    const raw = await readXlsxFile(file);
    const rows = raw.sheets.find((s) => s.name === "Школы")!.rows;
    expect(rows[2]![6]).toEqual({ error: FORMULA_WITHOUT_VALUE });
    const parsed = parseWorkbook(raw);
    expect(parsed.ok).toBe(false);
    const messages = parsed.issues.filter((i) => i.severity === "error").map((i) => i.message);
    expect(messages).toEqual([
      "Школы!G3: формула без вычисленного значения: откройте и сохраните книгу в Excel",
      "Школы!E4: формула без вычисленного значения: откройте и сохраните книгу в Excel",
    ]);
  });
});

describe("leading-zero codes", () => {
  it("hint at a lost leading zero when a code kept as a number with format «00000» misses its school", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(OK);
    const results = wb.getWorksheet("Результаты")!;
    // Результаты!A2 is "07013" as text; store it as Excel does under a «00000» format: the number 7013.
    results.getCell("A2").value = 7013;
    results.getCell("A2").numFmt = "00000";
    const file = path.join(dir, "zeros.xlsx");
    await wb.xlsx.writeFile(file);
    const parsed = parseWorkbook(await readXlsxFile(file));
    const issue = parsed.issues.find((i) => i.code === "unknown-school");
    expect(issue?.cell).toBe("A2");
    expect(issue?.message).toMatch(/код ОО «7013» нет на листе «Школы», но там есть «07013»: похоже, потерян ведущий ноль/);
  });
});
