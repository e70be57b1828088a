/**
 * WorkbookPort over an .xlsx file held in memory by exceljs. Works in Node and in the browser
 * (no `fs` here: load from and save to bytes; Node file helpers live in `nodeFiles.ts`).
 *
 * Text is always written as a string cell (shared string), so a school called "=HYPERLINK(…)"
 * stays text: exceljs only writes a formula for an explicit `{ formula }` value.
 *
 * Charts ({@link SheetSpec.charts}) are not drawn: exceljs cannot write them. The data they
 * would show is on the sheets, laid out so that Excel's "Insert → Chart" takes it as it is.
 */
import { safeSheetSpecs } from "./safeText";
import { wrappedHeight } from "./rowHeight";
import ExcelJS from "exceljs";
import type { CellValue } from "../schema/raw";
import {
  parseA1,
  planResultSheets,
  REGISTRY_SHEET,
  registryFromRows,
  registryToRows,
  type CellHighlight,
  type CellStyle,
  type RegistryEntry,
  type SheetInfo,
  type SheetSpec,
  type WorkbookPort,
  type WriteReport,
} from "./port";

export { wrappedHeight } from "./rowHeight";

/** "#C00000" → "FFC00000" (exceljs wants ARGB). */
export function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

/** exceljs cell value → the adapter-neutral CellValue (formulas give their cached result). */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && result !== null && "error" in result) return { error: String((result as { error: unknown }).error) };
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ("text" in value) {
      const t = (value as { text: unknown }).text;
      return typeof t === "string" ? t : toCellValue(t as ExcelJS.CellValue);
    }
  }
  return null;
}

/** Excel's 1900 date serial of a JS date (exceljs reads dates as UTC). */
export function dateToSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

const HEADER_STYLE: CellStyle = { fill: "#D9E1F2", bold: true };

export class FileWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static create(): FileWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "ШНОР";
    // A fixed date keeps the output independent of the clock (exceljs would stamp "now").
    wb.created = new Date(Date.UTC(2000, 0, 1));
    wb.modified = wb.created;
    return new FileWorkbook(wb);
  }

  static async load(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    return new FileWorkbook(wb);
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`Лист «${name}» не найден`);
    return ws;
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, rowCount: ws.rowCount, hidden: ws.state !== "visible" }));
  }

  async readRows(sheet: string, startRow: number, rowCount: number): Promise<readonly (readonly CellValue[])[]> {
    return this.readRowsSync(sheet, startRow, rowCount);
  }

  private readRowsSync(sheet: string, startRow: number, rowCount: number): CellValue[][] {
    const ws = this.sheet(sheet);
    const end = Math.min(ws.rowCount, startRow + rowCount);
    const rows: CellValue[][] = [];
    for (let r = startRow; r < end; r++) {
      const row = ws.getRow(r + 1);
      const cells: CellValue[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(toCellValue(row.getCell(c).value));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    }
    return rows;
  }

  private readRegistry(): RegistryEntry[] {
    const ws = this.workbook.getWorksheet(REGISTRY_SHEET);
    return ws ? registryFromRows(this.readRowsSync(REGISTRY_SHEET, 0, ws.rowCount)) : [];
  }

  private writeRegistry(entries: readonly RegistryEntry[]): void {
    const old = this.workbook.getWorksheet(REGISTRY_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(REGISTRY_SHEET, { state: "veryHidden" });
    for (const row of registryToRows(entries)) {
      const added = ws.addRow(row);
      added.eachCell((cell) => (cell.numFmt = "@"));
    }
  }

  async writeResultSheets(requested: readonly SheetSpec[]): Promise<WriteReport> {
    // No text an .xlsx cannot hold, none over Excel's cell limit (see safeText.ts).
    const { specs, cut } = safeSheetSpecs(requested);
    const registry = this.readRegistry();
    const existing = this.workbook.worksheets.map((ws) => ws.name);
    const plan = planResultSheets(
      existing,
      registry.filter((e) => e.kind === "sheet").map((e) => e.sheet),
      specs.map((s) => s.name),
    );
    for (const name of plan.remove) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
    const written: { requested: string; actual: string }[] = [];
    const tableNames = this.tableNames();
    let firstIndex: number | null = null;
    for (const spec of specs) {
      const actual = plan.names.get(spec.name) ?? spec.name;
      const ws = this.addSheet(spec, actual, tableNames);
      firstIndex ??= this.workbook.worksheets.indexOf(ws);
      written.push({ requested: spec.name, actual });
    }
    this.writeRegistry([
      ...registry.filter((e) => e.kind === "highlight"),
      ...written.map((w): RegistryEntry => ({ kind: "sheet", sheet: w.actual, cell: "", previousFill: "" })),
    ]);
    if (firstIndex !== null && firstIndex >= 0) {
      this.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: firstIndex, visibility: "visible" }];
    }
    return { written, replaced: plan.remove, ...(cut.length > 0 ? { cut: cut.map((c) => `${c.sheet}!${c.cell}`) } : {}) };
  }

  private tableNames(): Set<string> {
    const names = new Set<string>();
    for (const ws of this.workbook.worksheets) {
      for (const entry of ws.getTables()) {
        const t = entry[0] as unknown as { name?: string; table?: { name?: string } };
        const name = t.table?.name ?? t.name;
        if (name) names.add(name.toLowerCase());
      }
    }
    return names;
  }

  private addSheet(spec: SheetSpec, name: string, tableNames: Set<string>): ExcelJS.Worksheet {
    const ws = this.workbook.addWorksheet(name, {
      views: spec.freezeHeader ? [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] : [],
      // Analysts print these for the ministry: landscape, one page wide, the header on every page.
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    if (spec.freezeHeader) ws.pageSetup.printTitlesRow = "1:1";
    ws.columns = spec.columns.map((c) => ({ width: c.width }));
    const width = spec.columns.length;
    const lastColumn = ws.getColumn(width).letter;
    const useTable = spec.table !== null && spec.rows.length > 0;
    if (useTable && spec.table) {
      let tableName = spec.table.name;
      for (let i = 2; tableNames.has(tableName.toLowerCase()); i++) tableName = `${spec.table.name}_${i}`;
      tableNames.add(tableName.toLowerCase());
      ws.addTable({
        name: tableName,
        displayName: tableName,
        ref: "A1",
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleLight9", showRowStripes: false },
        columns: spec.columns.map((c) => ({ name: c.header, filterButton: true })),
        rows: spec.rows.map((r) => padRow(r, width)),
      });
    } else {
      ws.addRow(spec.columns.map((c) => c.header));
      for (const r of spec.rows) ws.addRow(padRow(r, width));
      if (spec.table !== null) ws.autoFilter = `A1:${lastColumn}1`;
    }
    const header = ws.getRow(1);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      applyStyle(cell, HEADER_STYLE);
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    // With a wrapped column the rows grow tall: every cell then starts at the top of its row.
    const anyWrap = spec.columns.some((c) => c.wrap === true);
    spec.columns.forEach((c, i) => {
      const col = i + 1;
      for (let r = 0; r < spec.rows.length; r++) {
        const cell = ws.getRow(r + 2).getCell(col);
        cell.numFmt = c.format;
        if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
        else if (anyWrap) cell.alignment = { vertical: "top" };
      }
    });
    // Neither Excel nor LibreOffice re-fits row heights of a file on opening, so wrapped text
    // would be cut to one line: give such rows the height of their longest wrapped cell.
    spec.columns.forEach((c, i) => {
      if (!c.wrap) return;
      for (let r = 0; r < spec.rows.length; r++) {
        const value = spec.rows[r]?.[i];
        if (typeof value !== "string" || value === "") continue;
        const row = ws.getRow(r + 2);
        row.height = Math.max(row.height ?? 0, wrappedHeight(value, c.width));
      }
    });
    for (const s of spec.styles) {
      if (s.row < 0 || s.row >= spec.rows.length) continue;
      const row = ws.getRow(s.row + 2);
      if (s.column === undefined) {
        for (let c = 1; c <= width; c++) applyStyle(row.getCell(c), s.style);
      } else {
        applyStyle(row.getCell(s.column + 1), s.style);
      }
    }
    return ws;
  }

  async highlightCells(cells: readonly CellHighlight[]): Promise<void> {
    const registry = this.readRegistry();
    const known = new Set(registry.filter((e) => e.kind === "highlight").map((e) => `${e.sheet}!${e.cell}`));
    const added: RegistryEntry[] = [];
    for (const h of cells) {
      const ws = this.workbook.getWorksheet(h.sheet);
      if (!ws || parseA1(h.cell) === null) continue;
      const cell = ws.getCell(h.cell);
      const key = `${h.sheet}!${h.cell}`;
      if (!known.has(key)) {
        known.add(key);
        added.push({ kind: "highlight", sheet: h.sheet, cell: h.cell, previousFill: fillColour(cell) });
      }
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(h.colour) } };
    }
    this.writeRegistry([...registry, ...added]);
  }

  async clearHighlights(): Promise<void> {
    const registry = this.readRegistry();
    for (const e of registry) {
      if (e.kind !== "highlight") continue;
      const ws = this.workbook.getWorksheet(e.sheet);
      if (!ws) continue;
      const cell = ws.getCell(e.cell);
      if (e.previousFill === "") {
        const { fill: _removed, ...rest } = cell.style;
        cell.style = rest;
      } else {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(e.previousFill) } };
      }
    }
    this.writeRegistry(registry.filter((e) => e.kind !== "highlight"));
  }
}

function padRow(row: readonly (string | number | null)[], width: number): (string | number | null)[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push(null);
  return out;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.font !== undefined || style.bold !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...cell.font };
    if (style.font !== undefined) font.color = { argb: argb(style.font) };
    if (style.bold !== undefined) font.bold = style.bold;
    cell.font = font;
  }
}

/** The solid fill colour of a cell as "#RRGGBB", or "" when it has none. */
export function fillColour(cell: ExcelJS.Cell): string {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const colour = fill && fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
  return colour ? `#${colour.slice(-6)}` : "";
}
