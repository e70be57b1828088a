/**
 * «Импорт выгрузок» on the standalone page: the file opened before is the base of the import as
 * Excel's open workbook is — its «Школы» joins the exports, its sheets stay — and the imported
 * workbook becomes the opened file (and a download), which the worker then validates.
 */
import * as fs from "fs";
import * as path from "path";
import { webcrypto } from "crypto";
import { TextEncoder as NodeTextEncoder } from "util";
import { stringsFor } from "../../src/i18n";
import { parseWorkbook } from "../../src/schema";
import { ComputeClient } from "../../src/taskpane/compute/client";
import { inlineWorker } from "../../src/taskpane/compute/inline";
import { fileWorkspace } from "../../src/taskpane/fileWorkspace";
import { importChosenFiles, type ChosenFile } from "../../src/taskpane/importExports";
import { toInputSheets } from "../../src/workbook/importSheets";
import { readXlsx } from "../../src/workbook/xlsxReader";

const g = globalThis as unknown as { TextEncoder?: unknown; crypto?: unknown };
if (g.TextEncoder === undefined) g.TextEncoder = NodeTextEncoder;
if (g.crypto === undefined) g.crypto = webcrypto;

const ru = stringsFor("ru-RU");
const EXPORTS = path.resolve(__dirname, "../fixtures/exports");

function chosen(rel: string): ChosenFile {
  const bytes = fs.readFileSync(path.join(EXPORTS, rel));
  return { name: path.basename(rel), bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

describe("«Импорт выгрузок» standalone", () => {
  it("joins through the opened file's «Школы», keeps its sheets, makes the result the opened file and validates it", async () => {
    const made: Uint8Array[] = [];
    const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), makeUrl: (b) => (made.push(b), `blob:${made.length}`), strings: ru.stage });
    const signal = new AbortController().signal;
    expect(await ws.importBase?.(() => undefined, signal)).toBeNull();
    await ws.open?.("регион.xlsx", chosen("школы.xlsx").bytes, () => undefined, signal);

    const base = await ws.importBase?.(() => undefined, signal);
    expect(base?.name).toBe("регион.xlsx");
    expect(base?.sheets.map((s) => s.name)).toEqual(["Школы", "Шкалы"]);
    const found = await importChosenFiles([chosen("good/ВПР_2025_РУ_4.xlsx"), chosen("good/ОГЭ_2025_протокол.xlsx")], undefined, base ?? null);
    expect(found.baseIsOpen).toBe(true);
    // Cells of the join name the opened file.
    expect(found.assembled.issues.filter((i) => i.code === "school-added").map((i) => i.message)).toEqual([
      expect.stringContaining("логин ФИС ОКО edu100099"),
      expect.stringContaining("код ОО 7999"),
    ]);

    const outcome = await ws.importSheets?.("Регион из выгрузок.xlsx", toInputSheets(found.assembled.sheets), () => undefined, signal, found.openSheets);
    expect(outcome?.added).toEqual(["Школы", "Баллы", "Шкалы"]);
    expect(outcome?.download).toEqual({ name: "Регион из выгрузок.xlsx", url: "blob:1" });
    expect(ws.sourceName).toBe("Регион из выгрузок.xlsx");
    const wb = await readXlsx(Buffer.from(made[0] as Uint8Array));
    const schools = wb.sheets.find((s) => s.name === "Школы")?.rows ?? [];
    // The opened file's four schools (7001 joined by login edu100001), then the two the exports add.
    expect(schools.slice(1).map((r) => r[0])).toEqual(["7001", "7002", "7003", "7004", "edu100099", "7999"]);
    const scores = wb.sheets.find((s) => s.name === "Баллы")?.rows ?? [];
    expect(scores.slice(1).filter((r) => r[2] === "ВПР").map((r) => r[0])).toEqual(["7001", "7001", "7001", "7002", "7002", "7002", "edu100099"]);

    // The pane validates what is now the opened file: the worker's issues are those of the imported workbook.
    const checked = await ws.validate(ru.stage, () => undefined, signal);
    const parsed = parseWorkbook(wb);
    expect(parsed.ok).toBe(true);
    expect(checked).toEqual({ ok: true, issues: parsed.issues });
  });
});
