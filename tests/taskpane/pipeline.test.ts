import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { identify, PRESETS } from "../../src/engine";
import type { Issue } from "../../src/engine/types";
import { en, ru, stringsFor } from "../../src/i18n";
import { parseWorkbook } from "../../src/schema";
import { fileWorkspace, resultFileName } from "../../src/taskpane/fileWorkspace";
import { parseChoice, resolveChoice, serializeChoice, textValue, withParameter } from "../../src/taskpane/methodologyChoice";
import { highlightsFor, identifyInput, isInputSheet, readInput } from "../../src/taskpane/pipeline";
import { REGRESSION_SHEET, regressionSheet } from "../../src/taskpane/regressionSheet";
import { summarize } from "../../src/taskpane/summary";
import { groupIssues } from "../../src/taskpane/components/IssuesPanel";
import { FileWorkbook } from "../../src/workbook/fileAdapter";
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

  it("groups issues by sheet, the workbook-level ones first and errors first", () => {
    const groups = groupIssues([issue("info", "Школы", "A1", "a"), issue("error", null, null, "b"), issue("error", "Школы", "B2", "c")]);
    expect(groups.map((g) => [g.sheet, g.issues.map((i) => i.message), g.errors])).toEqual([
      [null, ["b"], 1],
      ["Школы", ["c", "a"], 1],
    ]);
  });

  it("adds the regression sheet whose fitted line is the engine's", async () => {
    const parsed = parseWorkbook(await readXlsx(Buffer.from(bytes("ok.minimal.xlsx"))));
    if (!parsed.ok) throw new Error("fixture");
    const { result, sheets } = await identifyInput(parsed, PRESETS.kbr, { date: "2025-06-30" }, ru.stage, silent);
    expect(result.schools).toEqual(identify(parsed.input, PRESETS.kbr).schools);
    const sheet = sheets.find((s) => s.name === REGRESSION_SHEET);
    expect(sheet).toEqual(regressionSheet(result));
    const { slope, intercept } = result.region.regression;
    for (const row of sheet?.rows ?? []) {
      if (slope !== null && intercept !== null) expect(row[5]).toBeCloseTo(intercept + slope * (row[3] as number), 12);
    }
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

describe("standalone workspace", () => {
  it("opens a file, identifies through the File adapter and offers a result workbook", async () => {
    const made: Uint8Array[] = [];
    const ws = fileWorkspace({ makeUrl: (b) => (made.push(b), `blob:${made.length}`), today: () => "2025-06-30", strings: ru.stage });
    expect(ws.hasInput()).toBe(false);
    await ws.open?.("регион.xlsx", bytes("ok.minimal.xlsx"), silent);
    expect(ws.sourceName).toBe("регион.xlsx");
    const raw = await ws.readInput(ru.stage, silent, new AbortController().signal);
    const parsed = parseWorkbook(raw);
    if (!parsed.ok) throw new Error("fixture");
    const identified = await identifyInput(parsed, PRESETS.kbr, { date: "2025-06-30", source: "регион.xlsx" }, ru.stage, silent);
    const outcome = await ws.writeResults(identified, silent);
    expect(outcome.download).toEqual({ name: resultFileName("регион.xlsx"), url: "blob:1" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(made[0] as unknown as ArrayBuffer);
    expect(book.getWorksheet("Итоги")?.rowCount).toBe(identified.result.schools.length + 1);
  });

  it("offers the template as a file", async () => {
    const ws = fileWorkspace({ makeUrl: () => "blob:t", strings: ru.stage });
    const outcome = await ws.insertTemplate("empty", silent);
    expect(outcome.download).toEqual({ name: "Шаблон ШНОР.xlsx", url: "blob:t" });
  });
});
