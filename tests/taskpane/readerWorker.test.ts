/**
 * The standalone pane opens a file in a worker of its own that only reads it and sends the rows
 * straight to the compute worker through a MessageChannel, then is terminated — so whatever the
 * reading leaves on the heap (exceljs holds a whole workbook model) is not carried through the
 * identification. The workers here are the same handler on the page (inlineWorker), with real
 * structured cloning and real MessagePorts (Node's).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PRESETS } from "../../src/engine";
import { analyse } from "../../src/engine/analyse";
import { ru } from "../../src/i18n";
import { parseWorkbook } from "../../src/schema";
import { ComputeClient, type WorkerLike } from "../../src/taskpane/compute/client";
import { PORT_BLOCK_ROWS } from "../../src/taskpane/compute/handler";
import { inlineWorker } from "../../src/taskpane/compute/inline";
import { CancelledError } from "../../src/taskpane/pipeline";
import { fileWorkspace } from "../../src/taskpane/fileWorkspace";
import { summarize } from "../../src/taskpane/summary";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { writeFixture, type FixtureCell } from "../fixtures/writeFixture";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");
const bytesOf = (file: string): ArrayBuffer => {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const silent = () => undefined;
const signal = () => new AbortController().signal;

/** Workers that record the types of the messages they are sent and whether they were terminated. */
function recorded(): { spawn: () => WorkerLike; sent: string[]; terminated: () => number; spawned: () => number } {
  const sent: string[] = [];
  let terminated = 0;
  let spawned = 0;
  return {
    sent,
    terminated: () => terminated,
    spawned: () => spawned,
    spawn: () => {
      spawned++;
      const w = inlineWorker();
      const post = w.postMessage.bind(w);
      const stop = w.terminate.bind(w);
      w.postMessage = (m, t) => (sent.push(m.type), post(m, t));
      w.terminate = () => (terminated++, stop());
      return w;
    },
  };
}

describe("opening a file through a reader worker", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-reader-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("reads in the reader, which is terminated after; the compute worker validates and identifies from the rows it was sent, as from the file", async () => {
    const compute = recorded();
    const reader = recorded();
    const ws = fileWorkspace({ compute: new ComputeClient(compute.spawn), reader: reader.spawn, makeUrl: () => "blob:r", strings: ru.stage });
    const file = path.join(FIXTURES, "ok.minimal.xlsx");
    await ws.open?.("регион.xlsx", bytesOf(file), silent, signal());
    expect(ws.sourceName).toBe("регион.xlsx");
    expect(reader.sent).toEqual(["read"]);
    expect(reader.terminated()).toBe(1);
    expect(compute.sent).toEqual(["receive"]);

    const parsed = parseWorkbook(await readXlsx(bytesOf(file)));
    if (!parsed.ok) throw new Error("fixture");
    const checked = await ws.validate(ru.stage, silent, signal());
    expect(checked).toEqual({ ok: true, issues: parsed.issues });
    // Validated, then identified from the same parse (the raw rows are gone by then).
    const outcome = await ws.identify(PRESETS.kbr, { date: "2025-06-30" }, ru.stage, silent, signal());
    if (!outcome.ok) throw new Error("fixture");
    expect(outcome.summary).toEqual(summarize(analyse(parsed.input, PRESETS.kbr)));
    expect(compute.sent).toEqual(["receive", "validate", "analyse"]);
    expect(compute.terminated()).toBe(0);
  });

  it(`sends a big sheet in blocks of ${PORT_BLOCK_ROWS} rows and the compute worker puts them back in order (an issue in the third block keeps its address)`, async () => {
    const n = 2 * PORT_BLOCK_ROWS + 5_000;
    const schools: FixtureCell[][] = [["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %"]];
    for (let i = 0; i < n; i++) schools.push([`S${i}`, `Школа ${i}`, "Город А", "город", 300, i === n - 3 ? "н/я" : 10, 10, 5]);
    const file = path.join(tmp, "большой лист.xlsx");
    await writeFixture(file, [
      { name: "Школы", rows: schools },
      { name: "Результаты", rows: [["Код ОО", "Год", "Процедура", "Класс", "Предмет", "Участников", "Ниже Bmin", "Не ниже Bmid", "Не ниже Btop", "Средний балл"], ["S0", 2024, "ВПР", 5, "Математика", 20, 2, 10, 3, 12]] },
      { name: "Шкалы", rows: [["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый"], ["ВПР", 5, "Математика", 7, 20, 16, "да"]] },
    ]);
    const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), reader: inlineWorker, makeUrl: () => "blob:r", strings: ru.stage });
    await ws.open?.("большой лист.xlsx", bytesOf(file), silent, signal());
    const checked = await ws.validate(ru.stage, silent, signal());
    expect(checked.issues).toEqual(parseWorkbook(await readXlsx(bytesOf(file))).issues);
    // Row n − 3 of the data is sheet row n − 1 (header at row 1).
    expect(checked.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet ?? ""}!${i.cell ?? ""}`)).toEqual([`Школы!F${n - 1}`]);
  }, 120_000);

  it.each(["error.dates-in-numbers.xlsx", "error.date-1904.xlsx"])("carries the reader's date marks (and a 1904 workbook's dating) to the compute worker: %s gives its «дата в числовом столбце» issues, opened directly or through the reader", async (name) => {
    const file = path.join(FIXTURES, "dates", name);
    const expected = parseWorkbook(await readXlsx(bytesOf(file))).issues;
    expect(expected.some((i) => i.severity === "error" && /дата .* в числовом столбце/.test(i.message))).toBe(true);
    for (const reader of [inlineWorker, undefined]) {
      const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), ...(reader ? { reader } : {}), makeUrl: () => "blob:r", strings: ru.stage });
      await ws.open?.(name, bytesOf(file), silent, signal());
      expect((await ws.validate(ru.stage, silent, signal())).issues).toEqual(expected);
    }
  });

  it("says in Russian why a damaged file cannot be read, stops the compute worker that waited for its rows, and leaves no file loaded", async () => {
    const compute = recorded();
    const reader = recorded();
    const ws = fileWorkspace({ compute: new ComputeClient(compute.spawn), reader: reader.spawn, makeUrl: () => "blob:r", strings: ru.stage });
    await ws.open?.("хороший.xlsx", bytesOf(path.join(FIXTURES, "ok.minimal.xlsx")), silent, signal());
    // An .xlsx cut in half: a zip, but not one that can be read.
    const whole = new Uint8Array(bytesOf(path.join(FIXTURES, "ok.minimal.xlsx")));
    const cut = whole.slice(0, Math.floor(whole.length / 2)).buffer;
    await expect(ws.open?.("битый.xlsx", cut, silent, signal())).rejects.toThrow(/не удалось прочитать|повреждён|не книга Excel/);
    expect(ws.sourceName).toBeNull();
    expect(ws.hasInput()).toBe(false);
    expect(reader.terminated()).toBe(2);
    expect(compute.terminated()).toBe(1);
    // The next file opens in fresh workers.
    await ws.open?.("хороший.xlsx", bytesOf(path.join(FIXTURES, "ok.minimal.xlsx")), silent, signal());
    expect((await ws.validate(ru.stage, silent, signal())).ok).toBe(true);
  });

  it("«Отменить» during the reading stops both workers and loads nothing", async () => {
    const compute = recorded();
    const reader = recorded();
    const ws = fileWorkspace({ compute: new ComputeClient(compute.spawn), reader: reader.spawn, makeUrl: () => "blob:r", strings: ru.stage });
    const controller = new AbortController();
    const opening = ws.open?.("регион.xlsx", bytesOf(path.join(FIXTURES, "ok.minimal.xlsx")), silent, controller.signal);
    controller.abort();
    await expect(opening).rejects.toBeInstanceOf(CancelledError);
    expect(ws.sourceName).toBeNull();
    expect(reader.terminated()).toBe(1);
    expect(compute.terminated()).toBe(1);
  });
});
