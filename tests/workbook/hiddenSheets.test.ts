/**
 * A hidden sheet that matches an input sheet's name (a decoy, or an old copy left hidden) is
 * never preferred over a visible one; the warning names the hidden sheet and the one used.
 */
import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseWorkbook } from "../../src/schema";
import type { RawWorkbook } from "../../src/schema/raw";
import { readXlsxFile } from "../../src/workbook/xlsxFile";
import { readXlsxBytes } from "../../src/workbook/xlsxBytes";
import { readXlsx } from "../../src/workbook/xlsxReader";

const OK = path.resolve(__dirname, "../fixtures/ok.minimal.xlsx");

// The command line's streaming reader, the pane's reader (the same scanner over fflate) and exceljs in memory alike.
const READERS: [string, (file: string) => Promise<RawWorkbook>][] = [
  ["readXlsxFile (streaming)", readXlsxFile],
  ["readXlsxBytes (fflate, the pane)", async (file) => readXlsxBytes(fs.readFileSync(file))],
  ["readXlsx (exceljs)", (file) => readXlsx(fs.readFileSync(file))],
];

it.each(READERS)("%s reads the visible «Реестр школ», not the hidden decoy «Школы» placed before it", async (_reader, read) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-hidden-"));
  try {
    const wb = new Workbook();
    await wb.xlsx.readFile(OK);
    const real = wb.getWorksheet("Школы")!;
    real.name = "Реестр школ";
    const decoy = wb.addWorksheet("Школы", { state: "hidden" });
    decoy.addRow(real.getRow(1).values as unknown[]);
    decoy.addRow([null, "07013", "Подменная школа", "Город А", "город", 500, 90, 0, 0, "нет", 2]);
    // The decoy first in tab order: a reader that took the first match would read it.
    wb.worksheets.sort((a, b) => (a.name === "Школы" ? -1 : b.name === "Школы" ? 1 : 0));
    (decoy as unknown as { orderNo: number }).orderNo = -1;
    const file = path.join(dir, "decoy.xlsx");
    await wb.xlsx.writeFile(file);

    const raw = await read(file);
    expect(raw.sheets.find((s) => s.name === "Школы")?.hidden).toBe(true);
    const names = raw.sheets.map((s) => s.name);
    expect(names.indexOf("Школы")).toBeLessThan(names.indexOf("Реестр школ"));
    expect(raw.sheets.find((s) => s.name === "Реестр школ")?.hidden).toBeUndefined();
    const parsed = parseWorkbook(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.schools.map((s) => s.name)).toContain("СОШ № 1");
    expect(parsed.input.schools.map((s) => s.name)).not.toContain("Подменная школа");
    expect(parsed.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/скрытый лист «Школы» тоже похож на лист «Школы» и не читается; используется «Реестр школ»/));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
