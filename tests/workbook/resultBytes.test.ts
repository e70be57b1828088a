/**
 * The task pane's result writer (resultBytes.ts: fflate's zip, in the compute worker) against the
 * command line's (resultWriterNode.ts: Node's zlib), which tests/workbook/resultWriterNode.test.ts
 * checks against FileWorkbook: on the demo region's result both archives hold the same parts with
 * the same bytes once inflated, the reports agree, and exceljs reads the pane's workbook with the
 * sheets it names. A part that fails to deflate is an error, not a short archive.
 */
import ExcelJS from "exceljs";
import { generateDemoRegion } from "../../src/demo/region";
import { PRESETS } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";
import { analyseParsed } from "../../src/workbook/pipeline";
import { REGISTRY_SHEET, type SheetSpec } from "../../src/workbook/port";
import { FflateZip, resultXlsxBytes } from "../../src/workbook/resultBytes";
import { resultSheets } from "../../src/workbook/resultSheets";
import { resultWorkbookBytes } from "../../src/workbook/resultWriterNode";
import { zipEntries } from "./unzip";

describe("resultXlsxBytes (fflate) on the demo region's result", () => {
  let specs: SheetSpec[];
  let pane: Awaited<ReturnType<typeof resultXlsxBytes>>;
  let cli: Awaited<ReturnType<typeof resultWorkbookBytes>>;
  beforeAll(async () => {
    const region = generateDemoRegion({ schools: 60, municipalities: 3 });
    const parsed = parseWorkbook({ sheets: region.sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] })) });
    if (!parsed.ok) throw new Error("the demo region does not parse");
    const { result, inputRows } = analyseParsed(parsed.input, parsed.issues, PRESETS.kbr);
    specs = resultSheets(result, { inputRows, date: "2025-06-30", source: "demo-region.xlsx" });
    // A text past Excel's cell limit, so that both report a cut cell.
    specs = [...specs, { name: "Длинный", columns: [{ header: "Текст", width: 20, format: "@" }], rows: [["я".repeat(40_000)]], styles: [], table: null, freezeHeader: false }];
    pane = await resultXlsxBytes(specs);
    cli = await resultWorkbookBytes(specs);
  });

  it("holds the command line's parts, byte for byte once inflated", () => {
    const ours = zipEntries(pane.bytes);
    const theirs = zipEntries(cli.bytes);
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    expect(ours.size).toBeGreaterThan(specs.length);
    for (const [name, bytes] of theirs) expect({ name, text: ours.get(name)?.toString("utf8") }).toEqual({ name, text: bytes.toString("utf8") });
  });

  it("reports what the command line's writer reports, the cut cell included", () => {
    expect(pane.report).toEqual(cli.report);
    expect(pane.report.cut).toEqual(["Длинный!A2"]);
    expect(pane.report.written.map((w) => w.actual)).toEqual(specs.map((s) => s.name));
  });

  it("opens in exceljs with every result sheet and the very hidden registry", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(pane.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([...specs.map((s) => s.name), REGISTRY_SHEET]);
    expect(wb.getWorksheet(REGISTRY_SHEET)?.state).toBe("veryHidden");
    const first = specs[0] as SheetSpec;
    expect(wb.getWorksheet(first.name)?.getRow(1).getCell(1).value).toBe(first.columns[0]?.header);
  });

  it("gives a buffer of its own, so the worker can transfer it without copying", () => {
    expect(pane.bytes.byteOffset).toBe(0);
    expect(pane.bytes.buffer.byteLength).toBe(pane.bytes.byteLength);
  });
});

describe("FflateZip", () => {
  it("deflates a part made of many chunks (past its 1M-character piece) and inflates back to the same text", async () => {
    const zip = new FflateZip();
    const pieces = Array.from({ length: 300 }, (_, i) => `<r i="${i}">${"ШНОР ".repeat(1000)}</r>`);
    await zip.add("a.xml", pieces);
    await zip.add("b.xml", []);
    await zip.finish();
    const parts = zipEntries(zip.bytes());
    expect(parts.get("a.xml")?.toString("utf8")).toBe(pieces.join(""));
    expect(parts.get("b.xml")?.toString("utf8")).toBe("");
  });
});
