/**
 * WorkbookPort over the open workbook through Excel.run (Office.js). The only code that talks to
 * Excel; the task pane gets it as a port.
 *
 * Batching (OFFICE.md): every method queues its work and syncs a bounded number of times —
 * a read block is one `context.sync()`, a result sheet is one sync per block of rows (number
 * formats and values together, text columns formatted "@" before their values so a name such as
 * "=1+1" stays text) plus one for its formats, table and frozen header; the sheets' charts
 * ({@link SheetSpec.charts}) are queued after all sheets and go with the last sync, so they cost
 * no sync of their own. Reads go in blocks of rows and halve the block when Excel answers that
 * the payload is too large.
 *
 * Input sheets are read and never written; the only change to them is a highlight fill, whose
 * previous colour is remembered in the registry sheet and restored by {@link clearHighlights}.
 */
import { safeSheetSpecs } from "./safeText";
import type { CellValue } from "../schema/raw";
import type { InputSheet } from "./inputWriter";
import {
  columnLetters,
  DEFAULT_BLOCK_ROWS,
  parseA1,
  planResultSheets,
  sameNameSheets,
  REGISTRY_SHEET,
  registryFromRows,
  registryToRows,
  type CellHighlight,
  type CellStyle,
  type ChartSpec,
  type NumberFormat,
  type RegistryEntry,
  type SheetInfo,
  type SheetSpec,
  type WorkbookPort,
  type WriteOptions,
  type WriteReport,
} from "./port";

/** `Excel` itself, or anything with its `run` (tests pass a mock). */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficeWorkbookOptions {
  /** Rows per read request at first (halved on a payload error). Default 10,000. */
  readonly blockRows?: number;
  /** Cells per read request at most (Excel caps a read at 5,000,000; the web's 5 MB cap bites first). */
  readonly maxCellsPerRead?: number;
  /** Rows of values written per sync. Default 5,000. */
  readonly writeBlockRows?: number;
  /** Cell-format operations queued per sync. Default 2,000. */
  readonly formatBatch?: number;
  /**
   * Whether Excel supports an API requirement set (default: `Office.context.requirements.isSetSupported`,
   * false outside Office). Page layout (ExcelApi 1.9) is set only where it is supported.
   */
  readonly isSetSupported?: (name: string, minVersion: string) => boolean;
}

/** `Office.context.requirements.isSetSupported`, or false where Office.js is not loaded. */
function officeSupports(name: string, minVersion: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (n: string, v: string) => boolean } } } }).Office;
  const check = office?.context?.requirements?.isSetSupported;
  return typeof check === "function" ? check.call(office?.context?.requirements, name, minVersion) === true : false;
}

/** The requirement set of `Worksheet.pageLayout` (orientation, paper size, zoom, print titles). */
export const PAGE_LAYOUT_API = { name: "ExcelApi", version: "1.9" } as const;

/**
 * Queues the print setup the file writer gives every result sheet (the «Перечень» lists go to the
 * ministry on paper): A4 landscape, one page wide, the header row on every page.
 */
export function queuePageLayout(ws: Excel.Worksheet, spec: SheetSpec): void {
  const layout = ws.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: 1 };
  if (spec.freezeHeader) layout.setPrintTitleRows("$1:$1");
}

/** What inserting input sheets did: sheets added, and sheets left alone because the name was taken. */
export interface InsertReport {
  readonly added: readonly string[];
  readonly skipped: readonly string[];
}

const HEADER_FILL = "#D9E1F2";
const EXAMPLE_FILL = "#FFF2CC";
const TABLE_STYLE = "TableStyleLight9";
/** Excel's "no fill" reads back as white. */
const NO_FILL = "#FFFFFF";
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** An Office.js value → the adapter-neutral CellValue ("" is an empty cell, "#N/A" an error). */
export function fromOfficeValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return ERROR_VALUE.test(value) ? { error: value } : value;
  return String(value);
}

/** True when Excel refused a request or response for its size (the 5 MB cap of Excel on the web). */
export function isPayloadError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
  const message = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimitExceeded/i.test(code) || /payload/i.test(message);
}

/** Column width in points for a width in characters (Excel's unit ≈ 7 px of the default font). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const sameStyle = (a: CellStyle, b: CellStyle): boolean =>
  a.fill === b.fill && a.font === b.font && a.bold === b.bold && a.numberFormat === b.numberFormat;

/** Styled cells merged into runs of consecutive rows of one column with one style (fewer format operations). */
export function styleRuns(
  styles: SheetSpec["styles"],
  rowCount: number,
  width: number,
): { row: number; rows: number; column: number; columns: number; style: CellStyle }[] {
  const runs: { row: number; rows: number; column: number; columns: number; style: CellStyle }[] = [];
  const sorted = styles
    .filter((s) => s.row >= 0 && s.row < rowCount)
    .map((s) => ({ row: s.row, column: s.column ?? -1, style: s.style }))
    .sort((a, b) => a.column - b.column || a.row - b.row);
  for (const s of sorted) {
    const last = runs[runs.length - 1];
    const column = s.column < 0 ? 0 : s.column;
    const columns = s.column < 0 ? width : 1;
    if (last && last.column === column && last.columns === columns && last.row + last.rows === s.row && sameStyle(last.style, s.style)) {
      last.rows++;
    } else {
      runs.push({ row: s.row, rows: 1, column, columns, style: s.style });
    }
  }
  return runs;
}

function applyStyle(range: Excel.Range, style: CellStyle, rows = 1, columns = 1): void {
  // A cell's own number format (the monitoring sheet mixes shares, points and scores in a column).
  if (style.numberFormat !== undefined) range.numberFormat = fill2d(rows, columns, style.numberFormat);
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.font !== undefined) range.format.font.color = style.font;
  if (style.bold !== undefined) range.format.font.bold = style.bold;
}

/** Excel's chart type for each kind of {@link ChartSpec}: bars are horizontal, so long municipality names read. */
export const EXCEL_CHART_TYPES = {
  line: "LineMarkers",
  bar: "BarClustered",
  scatter: "XYScatter",
  stackedBar: "BarStacked100",
} as const satisfies Readonly<Record<ChartSpec["type"], `${Excel.ChartType}`>>;

/** Chart size in points: about 8 columns by 20 rows, readable next to the data. */
export const CHART_SIZE = { width: 480, height: 300 } as const;

/**
 * Queues a chart over its sheet's own ranges (no sync). Every series shares the categories (the x
 * values of a scatter); a scatter gets a linear trendline — the least-squares line of the points,
 * which is the regression of SPEC.md §6 when they are the result against ИСБ.
 */
export function queueChart(ws: Excel.Worksheet, chart: ChartSpec): void {
  const [first] = chart.series;
  if (first === undefined) return;
  const categories = ws.getRange(chart.categories);
  const added = ws.charts.add(EXCEL_CHART_TYPES[chart.type], ws.getRange(first.values), "Columns");
  added.title.text = chart.title;
  chart.series.forEach((s, i) => {
    const series = i === 0 ? added.series.getItemAt(0) : added.series.add(s.name);
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(categories);
    series.name = s.name;
    if (chart.type === "scatter") series.trendlines.add("Linear");
  });
  // A bar chart lists categories bottom-up unless told otherwise; keep the sheet's order.
  if (chart.type === "bar" || chart.type === "stackedBar") added.axes.categoryAxis.reversePlotOrder = true;
  if (chart.type === "scatter") added.axes.valueAxis.title.text = first.name;
  added.legend.visible = chart.series.length > 1;
  added.setPosition(chart.anchor);
  added.width = CHART_SIZE.width;
  added.height = CHART_SIZE.height;
}

const fill2d = <T>(rows: number, columns: number, value: T): T[][] => Array.from({ length: rows }, () => new Array<T>(columns).fill(value));

export class OfficeWorkbook implements WorkbookPort {
  private blockRows: number;
  private readonly maxCellsPerRead: number;
  private readonly writeBlockRows: number;
  private readonly formatBatch: number;
  private readonly isSetSupported: (name: string, minVersion: string) => boolean;
  /** Used-range extent per sheet (rows and columns from A1), cached while a sheet is read block by block. */
  private readonly extents = new Map<string, { rows: number; columns: number }>();

  constructor(
    private readonly excel: ExcelRunner,
    options: OfficeWorkbookOptions = {},
  ) {
    this.blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS;
    this.maxCellsPerRead = options.maxCellsPerRead ?? 1_000_000;
    this.writeBlockRows = options.writeBlockRows ?? 5_000;
    this.formatBatch = options.formatBatch ?? 2_000;
    this.isSetSupported = options.isSetSupported ?? officeSupports;
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await context.sync();
      const used = sheets.items.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load("isNullObject,rowIndex,rowCount");
        return range;
      });
      await context.sync();
      return sheets.items.map(
        (ws, i): SheetInfo => {
          const range = used[i] as Excel.Range;
          return {
            name: ws.name,
            rowCount: range.isNullObject ? 0 : range.rowIndex + range.rowCount,
            hidden: ws.visibility !== "Visible",
          };
        },
      );
    });
  }

  /** Rows and columns from A1 to the end of the used range (values only; a fill does not extend it). */
  private async extent(sheet: string, refresh: boolean): Promise<{ rows: number; columns: number }> {
    const cached = this.extents.get(sheet);
    if (cached && !refresh) return cached;
    const extent = await this.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      range.load("isNullObject,rowIndex,rowCount,columnIndex,columnCount");
      await context.sync();
      return range.isNullObject
        ? { rows: 0, columns: 0 }
        : { rows: range.rowIndex + range.rowCount, columns: range.columnIndex + range.columnCount };
    });
    this.extents.set(sheet, extent);
    return extent;
  }

  async readRows(sheet: string, startRow: number, rowCount: number): Promise<readonly (readonly CellValue[])[]> {
    // The first block of a sheet looks at its used range afresh; later blocks reuse it (one sync per block).
    const { rows: total, columns } = await this.extent(sheet, startRow === 0);
    const end = Math.min(total, startRow + rowCount);
    const out: CellValue[][] = [];
    let row = startRow;
    while (row < end) {
      const cap = Math.max(1, Math.floor(this.maxCellsPerRead / Math.max(1, columns)));
      const take = Math.min(end - row, this.blockRows, cap);
      let values: unknown[][];
      try {
        values = await this.readBlock(sheet, row, take, columns);
      } catch (e) {
        if (!isPayloadError(e) || take <= 1) throw e;
        this.blockRows = Math.max(1, Math.floor(take / 2));
        continue;
      }
      for (const r of values) {
        const cells = r.map(fromOfficeValue);
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        out.push(cells);
      }
      row += take;
    }
    return out;
  }

  /** Current rows per read request (after any halving). */
  get readBlockRows(): number {
    return this.blockRows;
  }

  private readBlock(sheet: string, row: number, rows: number, columns: number): Promise<unknown[][]> {
    if (columns === 0) return Promise.resolve(fill2d(rows, 0, null));
    return this.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, 0, rows, columns);
      range.load("values");
      await context.sync();
      return range.values;
    });
  }

  /** Sheet names, and the registry's entries when it exists (1 sync, 2 with a registry). */
  private async readState(context: Excel.RequestContext): Promise<{ names: string[]; registry: RegistryEntry[] | null }> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((ws) => ws.name);
    if (!names.includes(REGISTRY_SHEET)) return { names, registry: null };
    const range = sheets.getItem(REGISTRY_SHEET).getUsedRangeOrNullObject(true);
    range.load("isNullObject,values");
    await context.sync();
    return { names, registry: range.isNullObject ? [] : registryFromRows(range.values.map((r) => r.map(fromOfficeValue))) };
  }

  /** Queues a rewrite of the very hidden registry sheet. */
  private queueRegistry(context: Excel.RequestContext, exists: boolean, entries: readonly RegistryEntry[]): void {
    const sheets = context.workbook.worksheets;
    const ws = exists ? sheets.getItem(REGISTRY_SHEET) : sheets.add(REGISTRY_SHEET);
    ws.getRange().clear();
    const rows = registryToRows(entries);
    const range = ws.getRangeByIndexes(0, 0, rows.length, 4);
    range.numberFormat = fill2d(rows.length, 4, "@");
    range.values = rows;
    ws.visibility = "VeryHidden";
  }

  async writeResultSheets(requested: readonly SheetSpec[], options: WriteOptions = {}): Promise<WriteReport> {
    // No text an .xlsx cannot hold, none over Excel's cell limit (see safeText.ts).
    const { specs, cut } = safeSheetSpecs(requested);
    this.extents.clear();
    return this.excel.run(async (context) => {
      const { names, registry } = await this.readState(context);
      const entries = registry ?? [];
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      const ours = entries.filter((e) => e.kind === "sheet").map((e) => e.sheet);
      const replaceable = options.onlySameNames ? sameNameSheets(ours, specs.map((s) => s.name)) : ours;
      // Sheets of earlier runs that stay (onlySameNames) keep their names and their registry lines.
      const kept = entries.filter((e) => e.kind === "sheet" && !replaceable.includes(e.sheet));
      const plan = planResultSheets(
        names,
        replaceable,
        specs.map((s) => s.name),
      );
      const sheets = context.workbook.worksheets;
      const written = specs.map((s) => ({ requested: s.name, actual: plan.names.get(s.name) ?? s.name }));
      // One step replaces the old sheets and records the new names, so a run that fails half-way
      // leaves sheets the next run knows to remove.
      for (const name of plan.remove) sheets.getItem(name).delete();
      const added = written.map((w) => sheets.add(w.actual));
      this.queueRegistry(context, registry !== null, [
        ...entries.filter((e) => e.kind === "highlight"),
        ...kept,
        ...written.map((w): RegistryEntry => ({ kind: "sheet", sheet: w.actual, cell: "", previousFill: "" })),
      ]);
      await context.sync();
      const removed = new Set(plan.remove.map((n) => n.toLowerCase()));
      const takenTables = new Set(
        tables.items
          .filter((t) => !removed.has(t.worksheet.name.toLowerCase()))
          .map((t) => t.name.toLowerCase()),
      );
      for (let i = 0; i < specs.length; i++) {
        await this.fillSheet(context, added[i] as Excel.Worksheet, specs[i] as SheetSpec, takenTables);
      }
      specs.forEach((spec, i) => {
        for (const chart of spec.charts ?? []) queueChart(added[i] as Excel.Worksheet, chart);
      });
      const first = added[0];
      if (first) first.activate();
      await context.sync();
      return { written, replaced: plan.remove, ...(cut.length > 0 ? { cut: cut.map((c) => `${c.sheet}!${c.cell}`) } : {}) };
    });
  }

  /** Values in blocks (formats before values), then header, widths, styles, table and frozen header. */
  private async fillSheet(context: Excel.RequestContext, ws: Excel.Worksheet, spec: SheetSpec, takenTables: Set<string>): Promise<void> {
    const width = spec.columns.length;
    if (width === 0) return;
    const n = spec.rows.length;
    const formats: NumberFormat[] = spec.columns.map((c) => c.format);
    const header = ws.getRangeByIndexes(0, 0, 1, width);
    header.numberFormat = [formats.map(() => "@")];
    header.values = [spec.columns.map((c) => c.header)];
    for (let start = 0; start < n || start === 0; start += this.writeBlockRows) {
      const count = Math.min(this.writeBlockRows, n - start);
      if (count > 0) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        const block = ws.getRangeByIndexes(start + 1, 0, count, width);
        block.numberFormat = fill2d(count, width, null).map(() => formats.slice());
        block.values = spec.rows.slice(start, start + count).map((r) => {
          const out: (string | number)[] = [];
          for (let c = 0; c < width; c++) out.push(r[c] ?? "");
          return out;
        });
      }
      await context.sync();
      if (n === 0) break;
    }
    let ops = 0;
    const tick = async (): Promise<void> => {
      if (++ops % this.formatBatch === 0) await context.sync();
    };
    applyStyle(header, { fill: HEADER_FILL, bold: true });
    header.format.wrapText = true;
    header.format.verticalAlignment = "Top";
    for (let c = 0; c < width; c++) {
      const column = spec.columns[c] as SheetSpec["columns"][number];
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthInPoints(column.width);
      if (column.wrap && n > 0) ws.getRangeByIndexes(1, c, n, 1).format.wrapText = true;
      await tick();
    }
    if (n > 0 && spec.columns.some((c) => c.wrap === true)) {
      // A wrapped column (the reasons, one a line) makes rows tall: every cell starts at the
      // top, and Excel fits the heights to the text.
      const body = ws.getRangeByIndexes(1, 0, n, width);
      body.format.verticalAlignment = "Top";
      body.format.autofitRows();
      await tick();
    }
    for (const run of styleRuns(spec.styles, n, width)) {
      applyStyle(ws.getRangeByIndexes(run.row + 1, run.column, run.rows, run.columns), run.style, run.rows, run.columns);
      await tick();
    }
    if (spec.table !== null && n > 0) {
      let name = spec.table.name;
      for (let i = 2; takenTables.has(name.toLowerCase()); i++) name = `${spec.table.name}_${i}`;
      takenTables.add(name.toLowerCase());
      const table = ws.tables.add(`A1:${columnLetters(width - 1)}${n + 1}`, true);
      table.name = name;
      table.style = TABLE_STYLE;
      table.showBandedRows = false;
    }
    if (spec.freezeHeader) ws.freezePanes.freezeRows(1);
    if (this.isSetSupported(PAGE_LAYOUT_API.name, PAGE_LAYOUT_API.version)) queuePageLayout(ws, spec);
    await context.sync();
  }

  async highlightCells(cells: readonly CellHighlight[]): Promise<void> {
    if (cells.length === 0) return;
    await this.excel.run(async (context) => {
      const { names, registry } = await this.readState(context);
      const entries = registry ?? [];
      const present = new Set(names);
      const known = new Set(entries.filter((e) => e.kind === "highlight").map((e) => `${e.sheet}!${e.cell}`));
      const sheets = context.workbook.worksheets;
      const targets: { h: CellHighlight; range: Excel.Range; fresh: boolean }[] = [];
      for (const h of cells) {
        if (!present.has(h.sheet) || h.sheet === REGISTRY_SHEET || parseA1(h.cell) === null) continue;
        const key = `${h.sheet}!${h.cell}`;
        const range = sheets.getItem(h.sheet).getRange(h.cell);
        const fresh = !known.has(key);
        if (fresh) {
          known.add(key);
          range.format.fill.load("color");
        }
        targets.push({ h, range, fresh });
      }
      await context.sync();
      const added: RegistryEntry[] = [];
      for (const t of targets) {
        if (t.fresh) {
          const colour = t.range.format.fill.color;
          added.push({ kind: "highlight", sheet: t.h.sheet, cell: t.h.cell, previousFill: !colour || colour.toUpperCase() === NO_FILL ? "" : colour.toUpperCase() });
        }
        t.range.format.fill.color = t.h.colour;
      }
      this.queueRegistry(context, registry !== null, [...entries, ...added]);
      await context.sync();
    });
  }

  async clearHighlights(): Promise<void> {
    await this.excel.run(async (context) => {
      const { names, registry } = await this.readState(context);
      if (registry === null) return;
      const present = new Set(names);
      const sheets = context.workbook.worksheets;
      for (const e of registry) {
        if (e.kind !== "highlight" || !present.has(e.sheet) || parseA1(e.cell) === null) continue;
        const fill = sheets.getItem(e.sheet).getRange(e.cell).format.fill;
        if (e.previousFill === "") fill.clear();
        else fill.color = e.previousFill;
      }
      this.queueRegistry(
        context,
        true,
        registry.filter((e) => e.kind !== "highlight"),
      );
      await context.sync();
    });
  }

  /** Selects a cell (activating its sheet), e.g. the cell of an issue the user clicked. 1 sync. */
  async selectCell(sheet: string, cell: string | null): Promise<void> {
    await this.excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (cell !== null) ws.getRange(cell).select();
      await context.sync();
    });
  }

  /**
   * Adds input sheets (the template, the demo region) that are not there yet; a sheet whose name
   * is taken is left alone and reported. Text columns are formatted "@" first, values go in
   * blocks, then header style, drop-down lists, example fills, widths and a frozen header.
   */
  async insertInputSheets(sheets: readonly InputSheet[]): Promise<InsertReport> {
    this.extents.clear();
    return this.excel.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load("items/name");
      await context.sync();
      const taken = new Set(collection.items.map((ws) => ws.name.toLowerCase()));
      const added: string[] = [];
      const skipped: string[] = [];
      let first: Excel.Worksheet | null = null;
      for (const sheet of sheets) {
        if (taken.has(sheet.name.toLowerCase())) {
          skipped.push(sheet.name);
          continue;
        }
        taken.add(sheet.name.toLowerCase());
        const ws = collection.add(sheet.name);
        first ??= ws;
        await this.fillInputSheet(context, ws, sheet);
        added.push(sheet.name);
      }
      if (first) first.activate();
      await context.sync();
      return { added, skipped };
    });
  }

  private async fillInputSheet(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: InputSheet): Promise<void> {
    const width = sheet.header.length;
    const text = new Set(sheet.textColumns);
    const lastListRow = Math.max(0, ...(sheet.validations ?? []).map((v) => v.lastRow));
    const header = ws.getRangeByIndexes(0, 0, 1, width);
    header.numberFormat = [sheet.header.map(() => "@")];
    header.values = [[...sheet.header]];
    let written = 0;
    let block: (string | number | boolean)[][] = [];
    const flush = async (): Promise<void> => {
      if (block.length === 0) return;
      const range = ws.getRangeByIndexes(written + 1, 0, block.length, width);
      range.numberFormat = block.map(() => sheet.header.map((_, c) => (text.has(c) ? "@" : "General")));
      range.values = block;
      written += block.length;
      block = [];
      await context.sync();
    };
    for (const values of sheet.rows()) {
      const row: (string | number | boolean)[] = [];
      for (let c = 0; c < width; c++) {
        const v = values[c];
        row.push(v === null || v === undefined || typeof v === "object" ? "" : v);
      }
      block.push(row);
      if (block.length >= this.writeBlockRows) await flush();
    }
    await flush();
    // Empty rows below the data that get drop-down lists keep codes as text too.
    if (lastListRow > written + 1) {
      for (const c of text) ws.getRangeByIndexes(written + 1, c, lastListRow - written - 1, 1).numberFormat = fill2d(lastListRow - written - 1, 1, "@");
    }
    applyStyle(header, { fill: HEADER_FILL, bold: true });
    header.format.wrapText = true;
    header.format.verticalAlignment = "Top";
    sheet.header.forEach((h, c) => {
      const chars = sheet.widths?.[c] ?? Math.min(40, Math.max(9, Math.round(h.length * 0.9) + 2));
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthInPoints(chars);
    });
    for (const v of sheet.validations ?? []) {
      const letter = columnLetters(v.column);
      const range = ws.getRange(`${letter}2:${letter}${v.lastRow}`);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "Значение не из списка", message: `Ожидалось: ${v.values.join(", ")}` };
    }
    for (const r of sheet.exampleRows ?? []) {
      if (r < written) ws.getRangeByIndexes(r + 1, 0, 1, width).format.fill.color = EXAMPLE_FILL;
    }
    ws.freezePanes.freezeRows(1);
    await context.sync();
  }
}
