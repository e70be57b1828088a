/**
 * The command line's streaming result writer (resultWriterNode.ts) against the file adapter
 * (FileWorkbook, exceljs) it replaces in Node: a demo region's result written by both and read
 * back with exceljs and with SheetJS (@e965/xlsx) gives the same sheets, cells, number formats,
 * fills and fonts, alignment, row heights, column widths, frozen header, tables and filters,
 * print setup and registry. And on hostile text the parts are well-formed XML.
 */
import ExcelJS from "exceljs";
import { read as readSheetJs, utils as sheetJsUtils, type WorkBook } from "@e965/xlsx";
import { generateDemoRegion } from "../../src/demo/region";
import { PRESETS } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";
import { FileWorkbook, fillColour } from "../../src/workbook/fileAdapter";
import { analyseParsed } from "../../src/workbook/pipeline";
import { REGISTRY_SHEET, readSheet, type SheetSpec } from "../../src/workbook/port";
import { resultSheets } from "../../src/workbook/resultSheets";
import { resultWorkbookBytes } from "../../src/workbook/resultWriterNode";
import { EXCEL_MAX_CELL_CHARS } from "../../src/workbook/safeText";
import { parseXml } from "../manifest/xml";
import { zipEntries } from "./unzip";

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * exceljs leaves out a column whose width is its default 9 (a reader then shows Excel's 8.43);
 * the streaming writer writes the 9 the spec asks for. A missing width is read as that 9.
 */
const EXCELJS_DROPPED_WIDTH = 9;

/** What a reader sees of one cell, the look included. */
function cellLook(cell: ExcelJS.Cell): unknown {
  return {
    value: cell.value,
    numFmt: cell.numFmt ?? "General",
    fill: fillColour(cell),
    font: cell.font?.color?.argb ?? null,
    bold: cell.font?.bold === true,
    wrap: cell.alignment?.wrapText === true,
    vertical: cell.alignment?.vertical ?? null,
  };
}

/** Every sheet as exceljs reads it: state, view, widths, page setup, filter, tables, rows with heights and cells. */
function sheetLooks(wb: ExcelJS.Workbook): unknown[] {
  return wb.worksheets.map((ws) => {
    const width = ws.columnCount;
    const rows: unknown[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: unknown[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellLook(row.getCell(c)));
      rows.push({ height: row.height ?? null, cells });
    }
    const tables = Object.values((ws as unknown as { tables: Record<string, { table?: { name: string; tableRef?: string; ref?: string } }> }).tables).map((t) => ({
      name: t.table?.name,
      ref: t.table?.tableRef ?? t.table?.ref,
    }));
    const view = (ws.views ?? [])[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    return {
      name: ws.name,
      state: ws.state,
      frozen: view?.state === "frozen" ? { ySplit: view.ySplit, topLeftCell: view.topLeftCell } : null,
      widths: Array.from({ length: width }, (_, c) => ws.getColumn(c + 1).width ?? EXCELJS_DROPPED_WIDTH),
      page: ws.state === "visible" ? { paperSize: ws.pageSetup.paperSize, orientation: ws.pageSetup.orientation, fitToPage: ws.pageSetup.fitToPage, fitToWidth: ws.pageSetup.fitToWidth, fitToHeight: ws.pageSetup.fitToHeight, printTitlesRow: ws.pageSetup.printTitlesRow } : null,
      autoFilter: ws.autoFilter ?? null,
      tables,
      rows,
    };
  });
}

/** Every sheet as SheetJS reads it: values as stored, number formats, widths, visibility. */
function sheetJsLooks(wb: WorkBook): unknown[] {
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    if (ws === undefined) throw new Error(`no sheet ${name}`);
    const formats: Record<string, string> = {};
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith("!")) continue;
      const c = cell as { t: string; z?: string };
      if (c.t !== "z") formats[ref] = String(c.z ?? "General");
    }
    return {
      name,
      hidden: wb.Workbook?.Sheets?.[i]?.Hidden ?? 0,
      rows: sheetJsUtils.sheet_to_json(ws, { header: 1, raw: true, defval: null }),
      formats,
      widths: Array.from(ws["!cols"] ?? [], (c) => c?.width ?? EXCELJS_DROPPED_WIDTH),
    };
  });
}

// The demo region's generator at 60 schools: every category, sheet and style of the 600-school demo,
// small enough for exceljs to write and read in a few seconds.
describe("resultWorkbookBytes on the demo region's result", () => {
  let specs: SheetSpec[];
  let ours: Uint8Array;
  let theirs: Uint8Array;
  beforeAll(async () => {
    const region = generateDemoRegion({ schools: 60, municipalities: 3 });
    const parsed = parseWorkbook({ sheets: region.sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] })) });
    if (!parsed.ok) throw new Error("the demo region does not parse");
    const { result, inputRows } = analyseParsed(parsed.input, parsed.issues, PRESETS.kbr);
    specs = resultSheets(result, { inputRows, date: "2025-06-30", source: "demo-region.xlsx" });
    ours = (await resultWorkbookBytes(specs)).bytes;
    const book = FileWorkbook.create();
    await book.writeResultSheets(specs);
    theirs = await book.toBuffer();
  });

  it("reads back in exceljs exactly as FileWorkbook's workbook: cells, formats, fills, fonts, alignment, heights, widths, views, tables, print setup", async () => {
    const [a, b] = [sheetLooks(await exceljs(ours)), sheetLooks(await exceljs(theirs))];
    expect(a.map((s) => (s as { name: string }).name)).toEqual([...specs.map((s) => s.name), REGISTRY_SHEET]);
    // Sheet by sheet, so that a difference names its sheet.
    for (let i = 0; i < b.length; i++) expect(a[i]).toEqual(b[i]);
    expect(a.length).toBe(b.length);
  });

  it("colours the categories of Итоги as FileWorkbook does (checked on a cell of each category)", async () => {
    const ws = (await exceljs(ours)).getWorksheet("Итоги")!;
    const category = (ws.getRow(1).values as unknown[]).indexOf("Категория");
    const seen = new Map<string, string>();
    for (let r = 2; r <= ws.rowCount; r++) seen.set(String(ws.getRow(r).getCell(category).value), fillColour(ws.getRow(r).getCell(category)));
    expect(Object.fromEntries(seen)).toEqual({ "ШНОР и ШНСУ": "#C00000", ШНОР: "#FFC7CE", ШНСУ: "#FFEB9C", "Зона риска": "#F6BC94", "Без рисков": "#C6EFCE" });
  });

  it("reads back in SheetJS with the same values, number formats, widths and sheet visibility", () => {
    const a = sheetJsLooks(readSheetJs(ours, { type: "array", cellStyles: true, cellNF: true }));
    const b = sheetJsLooks(readSheetJs(theirs, { type: "array", cellStyles: true, cellNF: true }));
    for (let i = 0; i < b.length; i++) expect(a[i]).toEqual(b[i]);
    expect(a.length).toBe(b.length);
  });

  it("writes text as shared strings, never a formula, and each table part once per table", () => {
    const parts = zipEntries(ours);
    for (const [name, data] of parts) {
      if (!name.startsWith("xl/worksheets/sheet")) continue;
      expect(`${name}: ${/<f[ >]/.test(data.toString("utf8"))}`).toBe(`${name}: false`);
    }
    const tables = [...parts.keys()].filter((n) => n.startsWith("xl/tables/"));
    expect(tables.length).toBe(specs.filter((s) => s.table !== null && s.rows.length > 0).length);
  });

  it("is a workbook the add-in can take over: FileWorkbook reads the registry and replaces the sheets on a second run", async () => {
    const book = await FileWorkbook.load(ours);
    const registry = await readSheet(book, REGISTRY_SHEET);
    expect(registry.rows.slice(1).map((r) => r[1])).toEqual(specs.map((s) => s.name));
    const again = await book.writeResultSheets(specs.slice(0, 2));
    expect(again.replaced).toEqual(specs.map((s) => s.name));
    expect(again.written.map((w) => w.actual)).toEqual(specs.slice(0, 2).map((s) => s.name));
  });
});

/** XML 1.0's Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

describe("resultWorkbookBytes on hostile text", () => {
  const hostile: SheetSpec = {
    name: "Итоги\ufffe",
    columns: [
      { header: "Код\uffff", width: 10, format: "@" },
      { header: "Наименование <&>", width: 40, format: "@", wrap: true },
      { header: "ИСБ", width: 8, format: "0.0" },
    ],
    rows: [
      ["1\ufffe", "Школа\uffff «Ёлка» \u0001\u0008\u000b\u001f & <b>", 1.5],
      ["2", "ж".repeat(40_000), null],
      ["=HYPERLINK(\"http://x\")", " ведущий пробел ", Number.NaN],
      ["4", "x\ud800y\udc00z 🏫 \ufdd0", -0.25],
    ],
    styles: [{ row: 0, style: { fill: "#C00000", font: "#FFFFFF", bold: true } }],
    table: { name: "ШНОР_Итоги" },
    freezeHeader: true,
  };

  let bytes: Uint8Array;
  let cut: readonly string[] | undefined;
  beforeAll(async () => {
    ({ bytes, report: { cut } } = await resultWorkbookBytes([hostile]));
  });

  it("reports the cell cut to Excel's limit, as FileWorkbook does", async () => {
    expect(cut).toEqual(["Итоги!B3"]);
    const book = FileWorkbook.create();
    expect((await book.writeResultSheets([hostile])).cut).toEqual(cut);
  });

  it("writes every part as well-formed XML of XML 1.0 characters only", () => {
    const parts = zipEntries(bytes);
    expect(parts.size).toBeGreaterThan(8);
    for (const [name, data] of parts) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const text = data.toString("utf8");
      expect(`${name}: ${NOT_XML_CHAR.exec(text)?.[0].codePointAt(0)?.toString(16) ?? "ok"}`).toBe(`${name}: ok`);
      expect(() => parseXml(text)).not.toThrow();
    }
  });

  it("reads back in exceljs and SheetJS with the text cleaned, the long cell cut and a formula-like name as text", async () => {
    const ws = (await exceljs(bytes)).getWorksheet("Итоги")!;
    expect(ws.getCell("A1").value).toBe("Код");
    expect(ws.getCell("A2").value).toBe("1");
    expect(ws.getCell("B2").value).toBe("Школа «Ёлка»  & <b>");
    expect(String(ws.getCell("B3").value).length).toBe(EXCEL_MAX_CELL_CHARS);
    expect(ws.getCell("A4").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B4").value).toBe(" ведущий пробел ");
    expect(ws.getCell("C4").value).toBeNull();
    expect(ws.getCell("B5").value).toBe("xyz 🏫 ");
    expect(ws.getCell("C5").value).toBe(-0.25);
    const sheet = readSheetJs(bytes, { type: "array" }).Sheets["Итоги"]!;
    expect(sheetJsUtils.sheet_to_json(sheet, { header: 1, raw: true, defval: null })).toEqual([
      ["Код", "Наименование <&>", "ИСБ"],
      ["1", "Школа «Ёлка»  & <b>", 1.5],
      ["2", "ж".repeat(EXCEL_MAX_CELL_CHARS), null],
      ['=HYPERLINK("http://x")', " ведущий пробел ", null],
      ["4", "xyz 🏫 ", -0.25],
    ]);
  });
});

describe("resultWorkbookBytes on a table sheet without rows", () => {
  const empty = (name: string, table: string): SheetSpec => ({
    name,
    columns: [
      { header: "Ячейка", width: 12, format: "@" },
      { header: "Важность", width: 12, format: "@" },
      { header: "Сообщение", width: 80, format: "@", wrap: true },
    ],
    rows: [],
    styles: [],
    table: { name: table },
    freezeHeader: true,
  });
  const specs = [empty("Замечания", "ШНОР_Замечания"), { ...empty("Итоги", "ШНОР_Итоги"), rows: [["A1", "ошибка", "текст"]] }];

  it("puts a header filter on it instead of a table, as FileWorkbook does (exceljs does not read it back)", async () => {
    const filters = (bytes: Uint8Array): string[] =>
      specs.map((_, i) => /<autoFilter ref="([^"]+)"/.exec(zipEntries(bytes).get(`xl/worksheets/sheet${i + 1}.xml`)?.toString("utf8") ?? "")?.[1] ?? "");
    const book = FileWorkbook.create();
    await book.writeResultSheets(specs);
    const theirs = await book.toBuffer();
    const { bytes: ours } = await resultWorkbookBytes(specs);
    expect(filters(ours)).toEqual(["A1:C1", ""]);
    expect(filters(theirs)).toEqual(["A1:C1", ""]);
    expect([...zipEntries(ours).keys()].filter((n) => n.startsWith("xl/tables/"))).toEqual(["xl/tables/table1.xml"]);
    expect(zipEntries(ours).get("xl/tables/table1.xml")?.toString("utf8")).toMatch(/name="ШНОР_Итоги"[^>]*ref="A1:C2"/);
    expect(sheetLooks(await exceljs(ours))).toEqual(sheetLooks(await exceljs(theirs)));
  });
});
