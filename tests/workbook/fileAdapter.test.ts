import ExcelJS from "exceljs";
import { FileWorkbook, fillColour } from "../../src/workbook/fileAdapter";
import { readSheet, REGISTRY_SHEET, type SheetSpec } from "../../src/workbook/port";
import { resultSheets } from "../../src/workbook/resultSheets";
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
    expect(ws.getCell("N2").value).toBe("ШНОР и ШНСУ");
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
    expect(fillColour(ws.getCell("N2"))).toBe("#C00000");
    expect(ws.getCell("N2").font?.color?.argb).toBe("FFFFFFFF");
    expect(fillColour(ws.getCell("N3"))).toBe("#C6EFCE");
    expect(ws.getCell("N3").font?.color?.argb).toBe("FF006100");
    expect(fillColour(ws.getCell("N4"))).toBe("#FFF2CC");
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

  it("makes Итоги an Excel table with filter buttons", async () => {
    const index = reread.worksheets.findIndex((w) => w.name === "Итоги") + 1;
    const sheetXml = await unzipEntry(bytes, `xl/worksheets/sheet${index}.xml`);
    expect(sheetXml).toContain("<tableParts");
    const tableXml = await unzipEntry(bytes, "xl/tables/table1.xml");
    expect(tableXml).toMatch(/ref="A1:O4"/);
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
