import ExcelJS from "exceljs";
import { FileWorkbook, fillColour, wrappedHeight } from "../../src/workbook/fileAdapter";
import { readSheet, REGISTRY_SHEET, type SheetSpec } from "../../src/workbook/port";
import { analyse, PRESETS } from "../../src/engine";
import { resultSheets } from "../../src/workbook/resultSheets";
import { threeYearRegion } from "../monitoring/region";
import { tinyResult } from "./tinyResult";
import { unzipEntry } from "./unzip";

const context = { inputRows: { Школы: 3 }, date: "2025-06-30" };
const formulaName = tinyResult.schools[0]?.name ?? "";

async function roundTrip(wb: FileWorkbook): Promise<{ bytes: Uint8Array; reread: ExcelJS.Workbook }> {
  const bytes = await wb.toBuffer();
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, reread };
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe("FileWorkbook", () => {
  let bytes: Uint8Array;
  let reread: ExcelJS.Workbook;
  beforeAll(async () => {
    const wb = FileWorkbook.create();
    await wb.writeResultSheets(resultSheets(tinyResult, context));
    ({ bytes, reread } = await roundTrip(wb));
  });

  it("writes values that read back unchanged", () => {
    const ws = sheetOf(reread, "Итоги");
    expect(ws.getCell("A1").value).toBe("Код ОО");
    expect(ws.getCell("A2").value).toBe("007001");
    expect(ws.getCell("D2").value).toBe(55);
    expect(ws.getCell("Q2").value).toBe("ШНОР и ШНСУ");
    expect(ws.getCell("L2").value).toBe(0.4);
    expect(ws.getCell("D4").value).toBeNull();
  });

  it("writes a name that looks like a formula as text, with no <f> element", async () => {
    const ws = sheetOf(reread, "Итоги");
    expect(ws.getCell("B2").value).toBe(formulaName);
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    const index = reread.worksheets.indexOf(ws) + 1;
    const xml = await unzipEntry(bytes, `xl/worksheets/sheet${index}.xml`);
    expect(xml).toContain('r="B2"');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it("colours the category cell and keeps number formats", () => {
    const ws = sheetOf(reread, "Итоги");
    expect(fillColour(ws.getCell("Q2"))).toBe("#C00000");
    expect(ws.getCell("Q2").font?.color?.argb).toBe("FFFFFFFF");
    expect(fillColour(ws.getCell("Q3"))).toBe("#C6EFCE");
    expect(ws.getCell("Q3").font?.color?.argb).toBe("FF006100");
    expect(fillColour(ws.getCell("Q4"))).toBe("#F6BC94");
    expect(ws.getCell("Q4").font?.color?.argb).toBe("FF833C0B");
    expect(ws.getCell("D2").numFmt).toBe("0.0");
    expect(ws.getCell("A2").numFmt).toBe("@");
    const idx = sheetOf(reread, "Индексы ОП");
    expect(idx.getCell("F2").value).toBe(0.25);
    expect(idx.getCell("F2").numFmt).toBe("0.0%");
    expect(idx.getCell("F6").value).toBeNull();
  });

  it("freezes the header and sets widths", () => {
    const ws = sheetOf(reread, "Итоги");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(42);
  });

  it("prints landscape, one page wide, with the header repeated on every page", () => {
    const ws = sheetOf(reread, "Итоги");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
  });

  it("makes Итоги an Excel table with filter buttons", async () => {
    const index = reread.worksheets.findIndex((w) => w.name === "Итоги") + 1;
    const sheetXml = await unzipEntry(bytes, `xl/worksheets/sheet${index}.xml`);
    expect(sheetXml).toContain("<tableParts");
    const tableXml = await unzipEntry(bytes, "xl/tables/table1.xml");
    expect(tableXml).toMatch(/ref="A1:R4"/);
    expect(tableXml).toContain("<autoFilter");
  });

  it("keeps a very hidden registry of the sheets it made", () => {
    const reg = sheetOf(reread, REGISTRY_SHEET);
    expect(reg.state).toBe("veryHidden");
    expect(reg.getColumn(2).values).toContain("Итоги");
  });

  it("reads a sheet back in blocks", async () => {
    const wb = await FileWorkbook.load(bytes);
    const progress: number[] = [];
    const sheet = await readSheet(wb, "Муниципалитеты", { blockRows: 2, onProgress: (n) => progress.push(n) });
    expect(sheet.rows).toEqual([
      ["Муниципалитет", "Школ", "ШНОР", "ШНСУ", "ШНОР ∪ ШНСУ", "Доля ШНОР ∪ ШНСУ"],
      ["Ивановский район", 1, 0, 0, 0, 0],
      ["Северский район", 2, 1, 1, 1, 0.5],
      ["Всего по региону", 3, 1, 1, 1, 1 / 3],
    ]);
    expect(progress).toEqual([2, 4, 4]);
  });
});

describe("FileWorkbook with the monitoring sheets of an analysis", () => {
  let reread: ExcelJS.Workbook;
  beforeAll(async () => {
    const wb = FileWorkbook.create();
    await wb.writeResultSheets(resultSheets(analyse(threeYearRegion(), PRESETS.kbr), context));
    ({ reread } = await roundTrip(wb));
  });

  it("writes the dynamics and monitoring sheets between Необъективность and Параметры", () => {
    expect(reread.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "Итоги", "Индексы ОП", "Муниципалитеты", "Перечень ШНОР", "Перечень ШНСУ", "Перечень зоны риска", "Наставники", "Адресные рекомендации", "Необъективность", "Динамика", "Динамика школ", "Переходы", "Динамика ОП", "Мониторинг", "Уровни", "Параметры", "Легенда", "Замечания",
    ]);
  });

  it("colours met targets green and missed ones red on Динамика, changes in points", () => {
    const ws = sheetOf(reread, "Динамика");
    expect(ws.getCell("A4").value).toBe(2025);
    expect(ws.getCell("B4").value).toBe(0.2);
    expect(ws.getCell("F4").value).toBe(-6);
    expect(ws.getCell("F4").numFmt).toBe('+0.0" п.п.";-0.0" п.п.";0.0" п.п."');
    expect(ws.getCell("H4").value).toBe("да");
    expect(fillColour(ws.getCell("H4"))).toBe("#C6EFCE");
    expect(ws.getCell("H4").font?.color?.argb).toBe("FF006100");
    expect(ws.getCell("H3").value).toBe("нет");
    expect(fillColour(ws.getCell("H3"))).toBe("#FFC7CE");
    expect(ws.getCell("H3").font?.color?.argb).toBe("FF9C0006");
    expect(fillColour(ws.getCell("H2"))).toBe("");
  });

  it("colours each year's category on Динамика школ", () => {
    const ws = sheetOf(reread, "Динамика школ");
    expect(ws.getCell("A10").value).toBe("S09");
    expect([ws.getCell("D10").value, ws.getCell("E10").value, ws.getCell("F10").value]).toEqual(["Без рисков", "ШНОР", "ШНОР"]);
    expect(fillColour(ws.getCell("E10"))).toBe("#FFC7CE");
    expect(fillColour(ws.getCell("D10"))).toBe("#C6EFCE");
    expect(ws.getCell("H10").value).toBe("да");
  });

  it("formats each Мониторинг value by its unit: shares as %, changes in points, scores as 0", () => {
    const ws = sheetOf(reread, "Мониторинг");
    const dyn = ws.getColumn(3).values.indexOf("lowIndexDynamics");
    expect(ws.getCell(dyn, 7).numFmt).toBe('+0.0" п.п.";-0.0" п.п.";0.0" п.п."');
    expect(ws.getCell(dyn, 10).value).toBe(-3);
    const share = ws.getColumn(3).values.indexOf("teacherDeficitShare");
    expect(ws.getCell(share, 7).numFmt).toBe("0.0%");
    expect(ws.getCell(share, 11).value).toBe("нет");
    expect(fillColour(ws.getCell(share, 11))).toBe("#FFC7CE");
    const score = ws.getColumn(3).values.indexOf("analyticalReport");
    expect(ws.getCell(score, 7).numFmt).toBe("0");
  });
});

describe("FileWorkbook.writeResultSheets on a user's workbook", () => {
  const spec = (name: string, value: string): SheetSpec => ({
    name,
    columns: [{ header: "Значение", width: 10, format: "@" }],
    rows: [[value]],
    styles: [],
    table: { name: "t_" + name.length },
    freezeHeader: true,
  });

  it("replaces only its own sheets, leaves a user's sheet of the same name alone", async () => {
    const user = new ExcelJS.Workbook();
    user.addWorksheet("Школы").getCell("A1").value = "Код ОО";
    user.addWorksheet("Итоги").getCell("A1").value = "мои заметки";
    const wb = await FileWorkbook.load(new Uint8Array(await user.xlsx.writeBuffer()));

    const first = await wb.writeResultSheets([spec("Итоги", "первый"), spec("Легенда", "л1")]);
    expect(first.written).toEqual([
      { requested: "Итоги", actual: "Итоги (2)" },
      { requested: "Легенда", actual: "Легенда" },
    ]);
    const again = await FileWorkbook.load(await wb.toBuffer());
    const second = await again.writeResultSheets([spec("Итоги", "второй"), spec("Легенда", "л2")]);
    expect(second.replaced).toEqual(["Итоги (2)", "Легенда"]);
    expect(second.written.map((w) => w.actual)).toEqual(["Итоги (2)", "Легенда"]);

    const { reread } = await roundTrip(again);
    expect(reread.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Школы", "Итоги", "Итоги (2)", "Легенда"]);
    expect(sheetOf(reread, "Итоги").getCell("A1").value).toBe("мои заметки");
    expect(sheetOf(reread, "Школы").getCell("A1").value).toBe("Код ОО");
    expect(sheetOf(reread, "Итоги (2)").getCell("A2").value).toBe("второй");
  });

  it("highlights input cells and restores them", async () => {
    const user = new ExcelJS.Workbook();
    const ws = user.addWorksheet("Школы");
    ws.getCell("F12").value = "abc";
    ws.getCell("B2").value = "x";
    ws.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    const wb = await FileWorkbook.load(new Uint8Array(await user.xlsx.writeBuffer()));
    await wb.highlightCells([
      { sheet: "Школы", cell: "F12", colour: "#FFC7CE" },
      { sheet: "Школы", cell: "B2", colour: "#FFC7CE" },
    ]);
    let { reread } = await roundTrip(wb);
    expect(fillColour(sheetOf(reread, "Школы").getCell("F12"))).toBe("#FFC7CE");
    expect(sheetOf(reread, "Школы").getCell("F12").value).toBe("abc");

    const loaded = await FileWorkbook.load(await wb.toBuffer());
    await loaded.clearHighlights();
    ({ reread } = await roundTrip(loaded));
    expect(fillColour(sheetOf(reread, "Школы").getCell("F12"))).toBe("");
    expect(fillColour(sheetOf(reread, "Школы").getCell("B2"))).toBe("#00FF00");
  });
});

describe("wrappedHeight", () => {
  it.each([
    ["one short line", "ИСБ 55,0 ≤ Q1 57,5", 100, 15],
    ["a line per reason", "a\nb\nc", 100, 45],
    ["a reason longer than the column takes more lines", "x".repeat(200), 100, 45],
    ["Excel's largest row height at most", "x\n".repeat(100), 100, 409],
  ])("gives %s", (_name, text, width, height) => {
    expect(wrappedHeight(text, width)).toBe(height);
  });
});
