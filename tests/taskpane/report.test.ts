/**
 * The report in the standalone workspace: the compute worker builds the analytical report (.docx,
 * SPEC §12) from its last analysis — the same result the sheets were written from — and the
 * workspace offers it as a download; before any identification the worker says why not.
 */
import * as fs from "fs";
import * as path from "path";
import { PRESETS } from "../../src/engine";
import { ru } from "../../src/i18n";
import { ComputeClient } from "../../src/taskpane/compute/client";
import { inlineWorker } from "../../src/taskpane/compute/inline";
import { DOCX_TYPE, fileWorkspace, reportFileName } from "../../src/taskpane/fileWorkspace";
import { isInputSheet } from "../../src/taskpane/pipeline";
import { HANDOVER_SHEET_NAMES } from "../../src/workbook/handoverSheets";
import { zipEntries } from "../workbook/unzip";

const FIXTURE = path.resolve(__dirname, "..", "fixtures", "ok.minimal.xlsx");
const silent = (): void => undefined;
const signal = (): AbortSignal => new AbortController().signal;
const bytes = (): ArrayBuffer => {
  const b = fs.readFileSync(FIXTURE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

function standalone() {
  const made: { bytes: Uint8Array; type: string }[] = [];
  const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), makeUrl: (b, type) => (made.push({ bytes: b, type }), `blob:${made.length}`), strings: ru.stage });
  return { ws, made };
}

describe("the report in the pane", () => {
  it("is the .docx of the last identification, named after the file", async () => {
    const { ws, made } = standalone();
    await ws.open?.("регион.xlsx", bytes(), silent, signal());
    const outcome = await ws.identify(PRESETS.kbr, { date: "2025-06-30", source: "регион.xlsx" }, ru.stage, silent, signal());
    expect(outcome.ok).toBe(true);
    const download = await ws.report?.(silent, signal());
    expect(download).toEqual({ name: "регион — справка ШНОР.docx", url: "blob:2" });
    expect(made[1]?.type).toBe(DOCX_TYPE);
    const document = zipEntries(made[1]?.bytes as Uint8Array).get("word/document.xml")?.toString("utf8") ?? "";
    expect(document.includes("Аналитическая справка")).toBe(true);
    expect(document.includes("Исходные данные: регион.xlsx.")).toBe(true);
  });

  it("is refused, with a reason, before any identification", async () => {
    const { ws } = standalone();
    await ws.open?.("регион.xlsx", bytes(), silent, signal());
    await expect(ws.report?.(silent, signal())).rejects.toThrow("Сначала выполните выявление");
  });

  it("names the file without a source", () => {
    expect(reportFileName(null)).toBe("Справка ШНОР.docx");
  });
});


describe("the sheet «Рекомендации» in the pane", () => {
  it("is read as input, and the result sheet «Адресные рекомендации» is not (it would feed itself back)", () => {
    expect(isInputSheet("Рекомендации")).toBe(true);
    expect(isInputSheet("рекомендации ")).toBe(true);
    for (const name of Object.values(HANDOVER_SHEET_NAMES)) expect(isInputSheet(name)).toBe(false);
  });
});
