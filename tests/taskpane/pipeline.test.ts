import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { PRESETS } from "../../src/engine";
import { analyse } from "../../src/engine/analyse";
import type { Issue } from "../../src/engine/types";
import { en, ru, stringsFor } from "../../src/i18n";
import { parseWorkbook } from "../../src/schema";
import { fileWorkspace, resultFileName } from "../../src/taskpane/fileWorkspace";
import { parseChoice, resolveChoice, serializeChoice, textValue, withParameter } from "../../src/taskpane/methodologyChoice";
import { CancelledError, highlightsFor, isInputSheet, readInput } from "../../src/taskpane/pipeline";
import { ComputeClient, type WorkerLike } from "../../src/taskpane/compute/client";
import { inlineWorker } from "../../src/taskpane/compute/inline";
import { withRegressionChart } from "../../src/workbook/regressionChart";
import { resultSheets, SHEET_NAMES } from "../../src/workbook/resultSheets";
import { summarize } from "../../src/taskpane/summary";
import { FileWorkbook } from "../../src/workbook/fileAdapter";
import { REGISTRY_SHEET } from "../../src/workbook/port";
import { readXlsx } from "../../src/workbook/xlsxReader";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");
const bytes = (name: string): ArrayBuffer => {
  const b = fs.readFileSync(path.join(FIXTURES, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const silent = () => undefined;
const issue = (severity: Issue["severity"], sheet: string | null, cell: string | null, message = "m"): Issue => ({ severity, code: "x", sheet, cell, message });

describe("stringsFor", () => {
  it.each([
    ["ru-RU", ru],
    ["en-US", en],
    ["en", en],
    ["de-DE", ru],
    [null, ru],
  ])("gives %s the right strings", (lang, strings) => {
    expect(stringsFor(lang)).toBe(strings);
  });
  it("has every Russian key in English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
});

describe("methodology choice", () => {
  it("round-trips through its saved text", () => {
    const choice = { preset: "novolaksky" as const, overrides: { meanGapPoints: 15 } };
    expect(parseChoice(serializeChoice(choice))).toEqual(choice);
  });
  it.each(["", "{", '{"preset":"moscow"}', "[]"])("ignores saved text %j that is not a choice", (text) => {
    expect(parseChoice(text)).toBeNull();
  });
  it("drops an override equal to the preset's value", () => {
    const changed = withParameter({ preset: "kbr", overrides: {} }, "groupK", 2);
    expect(changed.overrides).toEqual({ groupK: 2 });
    expect(withParameter(changed, "groupK", 1).overrides).toEqual({});
  });
  it("keys resolveMethodology's errors by parameter", () => {
    const r = resolveChoice({ preset: "kbr", overrides: { margin: 2, groupK: -1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect([...r.errors.keys()].sort()).toEqual(["groupK", "margin"]);
  });
  it("reads numbers with a decimal comma", () => {
    expect(textValue("number", "0,05")).toEqual({ value: 0.05 });
    expect(textValue("number", "")).toEqual({ error: "«» — ожидалось число" });
  });
});

describe("pipeline", () => {
  it("reads only the contract's sheets, in blocks", async () => {
    const port = await FileWorkbook.load(bytes("ok.minimal.xlsx"));
    port.workbook.addWorksheet("Мои заметки").addRow(["не читается"]);
    const raw = await readInput(port, ru.stage, silent, undefined, 2);
    expect(raw.sheets.map((s) => s.name)).not.toContain("Мои заметки");
    expect(raw.sheets.every((s) => isInputSheet(s.name))).toBe(true);
    // The same issues as the command line's reader gives.
    expect(parseWorkbook(raw).issues).toEqual(parseWorkbook(await readXlsx(Buffer.from(bytes("ok.minimal.xlsx")))).issues);
  });

  it("highlights errors and warnings with a cell, once per cell, an error winning", () => {
    expect(
      highlightsFor([
        issue("warning", "Школы", "F2"),
        issue("error", "Школы", "F2"),
        issue("warning", "Школы", "F2"),
        issue("info", "Школы", "A1"),
        issue("error", "Школы", null),
        issue("warning", "Баллы", "G7"),
      ]),
    ).toEqual([
      { sheet: "Школы", cell: "F2", colour: "#FFC7CE" },
      { sheet: "Баллы", cell: "G7", colour: "#FFEB9C" },
    ]);
  });

  it("draws the regression on Итоги over its ИСБ and result columns instead of a sheet of its own", async () => {
    const parsed = parseWorkbook(await readXlsx(Buffer.from(bytes("ok.minimal.xlsx"))));
    if (!parsed.ok) throw new Error("fixture");
    const sheets = withRegressionChart(resultSheets(analyse(parsed.input, PRESETS.kbr), { date: "2025-06-30", inputRows: {} }));
    const summary = sheets.find((s) => s.name === "Итоги");
    const headers = summary?.columns.map((c) => c.header) ?? [];
    const letter = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
    const n = (summary?.rows.length ?? 0) + 1;
    expect(summary?.charts?.filter((c) => c.type === "scatter")).toEqual([
      {
        type: "scatter",
        title: "Результат и ИСБ: линия регрессии",
        categories: `${letter("ИСБ")}2:${letter("ИСБ")}${n}`,
        series: [{ name: "Результат для регрессии", values: `${letter("Результат для регрессии")}2:${letter("Результат для регрессии")}${n}` }],
        anchor: `${String.fromCharCode(65 + headers.length + 1)}2`,
      },
    ]);
    expect(sheets.map((s) => s.name)).not.toContain("Регрессия");
    // A builder that already draws the scatter is left as it is.
    expect(withRegressionChart(sheets)).toEqual(sheets);
  });

  it("summarises categories and the municipalities with the highest share", () => {
    const base = { version: "", methodology: { preset: "kbr", name: "КБР", parameters: {} }, issues: [] };
    const summary = summarize({
      ...base,
      region: {} as never,
      schools: [{ category: "ШНОР", shnor: true, shnsu: false }, { category: "ШНОР и ШНСУ", shnor: true, shnsu: true }, { category: "Без рисков", shnor: false, shnsu: false }] as never,
      municipalities: [
        { name: "А", schools: 4, shnor: 1, shnsu: 0, shnorOrShnsu: 1, share: 0.25 },
        { name: "Б", schools: 2, shnor: 1, shnsu: 1, shnorOrShnsu: 1, share: 0.5 },
        { name: "В", schools: 3, shnor: 0, shnsu: 0, shnorOrShnsu: 0, share: 0 },
      ],
    });
    expect(summary.byCategory.map((c) => c.count)).toEqual([1, 1, 0, 0, 1]);
    expect([summary.shnor, summary.shnsu, summary.both]).toEqual([2, 1, 1]);
    expect(summary.topMunicipalities.map((m) => m.name)).toEqual(["Б", "А"]);
  });
});

/** A worker that answers nothing and records what it was sent. */
function silentWorker(log: { sent: string[]; terminated: number }): WorkerLike {
  return {
    onmessage: null,
    onerror: null,
    postMessage: (m) => void log.sent.push(m.type),
    terminate: () => void log.terminated++,
  };
}

describe("compute client", () => {
  it("terminates the worker on cancel, fails the request as cancelled and starts a fresh worker next time", async () => {
    const logs: { sent: string[]; terminated: number }[] = [];
    const client = new ComputeClient(() => {
      const log = { sent: [], terminated: 0 };
      logs.push(log);
      return silentWorker(log);
    });
    const controller = new AbortController();
    const pending = client.request({ type: "validate" }, silent, controller.signal);
    const before = client.generation;
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(logs[0]?.terminated).toBe(1);
    expect(client.generation).not.toBe(before);
    void client.request({ type: "validate" }, silent).catch(() => undefined);
    expect(logs).toHaveLength(2);
    expect(logs[1]?.sent).toEqual(["validate"]);
  });

  it("fails every waiting request when the worker dies", async () => {
    let worker: WorkerLike | null = null;
    const client = new ComputeClient(() => (worker = silentWorker({ sent: [], terminated: 0 })));
    const pending = client.request({ type: "validate" }, silent);
    worker!.onerror?.({ message: "boom" });
    await expect(pending).rejects.toThrow("boom");
  });

  it("passes the worker's stages to the progress sink and its answer back", async () => {
    const client = new ComputeClient(inlineWorker);
    const raw = await readXlsx(Buffer.from(bytes("ok.minimal.xlsx")));
    for (const sheet of raw.sheets) client.feed(sheet.name, sheet.rows, true);
    const stages: string[] = [];
    const checked = await client.request({ type: "validate" }, (stage) => stages.push(stage));
    expect(stages).toEqual(["parsing"]);
    expect(checked.issues).toEqual(parseWorkbook(raw).issues);
  });
});

describe("standalone workspace", () => {
  const signal = () => new AbortController().signal;
  it("opens a file, identifies in the worker through the File adapter and offers a result workbook", async () => {
    const made: Uint8Array[] = [];
    const compute = new ComputeClient(inlineWorker);
    const ws = fileWorkspace({ compute, makeUrl: (b) => (made.push(b), `blob:${made.length}`), today: () => "2025-06-30", strings: ru.stage });
    expect(ws.hasInput()).toBe(false);
    const opening: string[] = [];
    await ws.open?.("регион.xlsx", bytes("ok.minimal.xlsx"), (p) => opening.push(p.stage), signal());
    expect(ws.sourceName).toBe("регион.xlsx");
    // The file is parsed while it is opened (its raw rows dropped then), so identifying starts from the parse.
    expect(opening).toEqual([ru.stage.loadingFile, ru.stage.parsing]);
    const stages: string[] = [];
    const outcome = await ws.identify(PRESETS.kbr, { date: "2025-06-30", source: "регион.xlsx" }, ru.stage, (p) => stages.push(p.stage), signal());
    if (!outcome.ok) throw new Error("fixture");
    expect(stages).toEqual([ru.stage.identifying, ru.stage.sheets, ru.stage.packing]);
    expect(outcome.download).toEqual({ name: resultFileName("регион.xlsx"), url: "blob:1" });
    const parsed = parseWorkbook(await readXlsx(Buffer.from(bytes("ok.minimal.xlsx"))));
    if (!parsed.ok) throw new Error("fixture");
    const expected = analyse(parsed.input, PRESETS.kbr);
    expect(outcome.summary).toEqual(summarize(expected));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(made[0] as unknown as ArrayBuffer);
    expect(book.getWorksheet("Итоги")?.rowCount).toBe(expected.schools.length + 1);
    expect(book.worksheets.map((w) => w.name).filter((n) => n !== REGISTRY_SHEET)).toEqual([...outcome.written]);
    expect(outcome.written).toContain(SHEET_NAMES.dynamics);
  });

  it("gives a fresh worker the file again after a cancel", async () => {
    const sent: string[] = [];
    const compute = new ComputeClient(() => {
      const w = inlineWorker();
      const post = w.postMessage.bind(w);
      w.postMessage = (m, t) => (sent.push(m.type), post(m, t));
      return w;
    });
    const ws = fileWorkspace({ compute, makeUrl: () => "blob:r", strings: ru.stage });
    await ws.open?.("регион.xlsx", bytes("ok.minimal.xlsx"), silent, signal());
    compute.cancel();
    const checked = await ws.validate(ru.stage, silent, signal());
    expect(checked.ok).toBe(true);
    expect(sent).toEqual(["open", "open", "validate"]);
  });

  it("validates a broken file in the worker with the cells of its errors", async () => {
    const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), makeUrl: () => "blob:x", strings: ru.stage });
    await ws.open?.("плохой.xlsx", bytes("error.text-in-number.xlsx"), silent, signal());
    const checked = await ws.validate(ru.stage, silent, signal());
    expect(checked.ok).toBe(false);
    expect(checked.issues).toEqual(parseWorkbook(await readXlsx(Buffer.from(bytes("error.text-in-number.xlsx")))).issues);
    const identified = await ws.identify(PRESETS.kbr, { date: "2025-06-30" }, ru.stage, silent, signal());
    expect(identified.ok).toBe(false);
  });

  it("offers the template as a file", async () => {
    const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), makeUrl: () => "blob:t", strings: ru.stage });
    const outcome = await ws.insertTemplate("empty", silent);
    expect(outcome.download).toEqual({ name: "Шаблон ШНОР.xlsx", url: "blob:t" });
  });
});
