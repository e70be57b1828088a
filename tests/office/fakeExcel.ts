/**
 * A small in-memory Excel for the Office adapter's tests, behind office-addin-mock's
 * OfficeMockObject (`Excel.run` and `context.sync` are the mock's; the workbook's collections
 * and ranges are these fakes, since the mock cannot build objects returned by methods).
 *
 * What it keeps honest: a loaded property is readable only after `context.sync()`; every sync is
 * counted; a read bigger than `maxReadCells` fails like Excel on the web's 5 MB cap; a string
 * starting with "=" written into a cell not formatted "@" becomes a formula; every write to a
 * sheet is logged, so a test can prove input sheets were never written.
 */
import { OfficeMockObject } from "office-addin-mock";

export type Value = string | number | boolean;

interface CellFormat {
  numberFormat?: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  formula?: boolean;
}

export interface WriteLog {
  readonly sheet: string;
  readonly kind: string;
  readonly address: string;
}

const key = (r: number, c: number): string => `${r},${c}`;

function letters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function parseCell(a: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a.replace(/\$/g, "").toUpperCase());
  if (!m) throw new Error(`fake Excel: bad address ${a}`);
  let column = 0;
  for (const ch of m[1] as string) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

export class FakeSheet {
  values: Value[][] = [];
  readonly formats = new Map<string, CellFormat>();
  private shown = "Visible";
  frozenRows = 0;
  readonly tableList: { name: string; address: string; style?: string; showBandedRows?: boolean }[] = [];
  readonly chartList: FakeChart[] = [];
  readonly validations: { address: string; rule: unknown }[] = [];
  constructor(
    readonly book: FakeWorkbook,
    public name: string,
  ) {}

  get(r: number, c: number): Value {
    return this.values[r]?.[c] ?? "";
  }
  set(r: number, c: number, v: Value): void {
    while (this.values.length <= r) this.values.push([]);
    const row = this.values[r] as Value[];
    while (row.length <= c) row.push("");
    row[c] = v;
  }
  format(r: number, c: number): CellFormat {
    let f = this.formats.get(key(r, c));
    if (!f) {
      f = {};
      this.formats.set(key(r, c), f);
    }
    return f;
  }
  /** Rows × columns from A1 to the last non-empty value. */
  extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    this.values.forEach((row, r) => {
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== "") {
          rows = r + 1;
          columns = Math.max(columns, c + 1);
          break;
        }
      }
    });
    return { rows, columns };
  }

  // Excel.Worksheet API
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    if (rows < 1 || columns < 1) throw new Error(`fake Excel: empty range ${rows}×${columns}`);
    return new FakeRange(this, row, column, rows, columns);
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this, 0, 0, 1_048_576, 16_384);
    const [a, b] = address.split(":");
    const p = parseCell(a as string);
    const q = b === undefined ? p : parseCell(b);
    return new FakeRange(this, p.row, p.column, q.row - p.row + 1, q.column - p.column + 1);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const { rows, columns } = this.extent();
    if (rows === 0) return FakeRange.nullObject(this);
    return new FakeRange(this, 0, 0, rows, columns);
  }
  activate(): void {
    this.book.active = this.name;
  }
  delete(): void {
    this.book.log.push({ sheet: this.name, kind: "delete", address: "" });
    this.book.sheets = this.book.sheets.filter((s) => s !== this);
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) => {
        this.book.log.push({ sheet: this.name, kind: "freeze", address: "" });
        this.frozenRows = n;
      },
    };
  }
  /** What `pageLayout` was given (ExcelApi 1.9): nothing until the adapter sets it. */
  readonly page: { orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string } = {};
  get pageLayout() {
    const sheet = this;
    const log = (): void => void sheet.book.log.push({ sheet: sheet.name, kind: "pageLayout", address: "" });
    return {
      set orientation(v: string) {
        log();
        sheet.page.orientation = v;
      },
      set paperSize(v: string) {
        log();
        sheet.page.paperSize = v;
      },
      set zoom(v: unknown) {
        log();
        sheet.page.zoom = v;
      },
      setPrintTitleRows(address: string) {
        log();
        sheet.page.printTitleRows = address;
      },
    };
  }
  get visibility(): string {
    return this.shown;
  }
  set visibility(v: string) {
    this.book.log.push({ sheet: this.name, kind: "visibility", address: "" });
    this.shown = v;
  }
  get charts() {
    return {
      add: (type: string, source: FakeRange, _by: string) => {
        this.book.log.push({ sheet: this.name, kind: "chart", address: source.address });
        const chart = new FakeChart(type, source.address);
        this.chartList.push(chart);
        return chart;
      },
    };
  }
  get tables() {
    return {
      add: (address: string, _hasHeaders: boolean) => {
        this.book.log.push({ sheet: this.name, kind: "table", address });
        const t: FakeSheet["tableList"][number] = { name: `Table${this.tableList.length + 1}`, address };
        this.tableList.push(t);
        return t;
      },
    };
  }
}

export interface FakeSeries {
  name: string;
  x?: string;
  y?: string;
  trendlines: string[];
}

export class FakeChart {
  title = { text: "" };
  width = 0;
  height = 0;
  position = "";
  legend = { visible: true };
  axes = { categoryAxis: { title: { text: "" }, reversePlotOrder: false }, valueAxis: { title: { text: "" } } };
  /** Excel starts a chart with one series over its source range. */
  readonly seriesList: FakeSeries[] = [{ name: "", trendlines: [] }];
  constructor(
    readonly type: string,
    readonly source: string,
  ) {}
  private handle(s: FakeSeries) {
    return {
      set name(v: string) {
        s.name = v;
      },
      setXAxisValues: (r: FakeRange) => (s.x = r.address),
      setValues: (r: FakeRange) => (s.y = r.address),
      trendlines: { add: (t: string) => s.trendlines.push(t) },
    };
  }
  get series() {
    return {
      getItemAt: (i: number) => {
        const s = this.seriesList[i];
        if (!s) throw new Error(`fake Excel: no series ${i}`);
        return this.handle(s);
      },
      add: (name?: string) => {
        const s: FakeSeries = { name: name ?? "", trendlines: [] };
        this.seriesList.push(s);
        return this.handle(s);
      },
    };
  }
  setPosition(a: string): void {
    this.position = a;
  }
}

export class FakeRange {
  private readonly requested = new Set<string>();
  private readonly available = new Set<string>();
  isNullObject = false;
  readonly dataValidation: { rule?: unknown; errorAlert?: unknown };

  constructor(
    readonly sheet: FakeSheet,
    readonly rowIndex: number,
    readonly columnIndex: number,
    readonly rowCount: number,
    readonly columnCount: number,
  ) {
    const self = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        self.logWrite("validation");
        self.sheet.validations.push({ address: self.address, rule });
      },
      errorAlert: undefined,
    };
  }

  static nullObject(sheet: FakeSheet): FakeRange {
    const r = new FakeRange(sheet, 0, 0, 0, 0);
    r.isNullObject = true;
    return r;
  }

  get address(): string {
    return `${this.sheet.name}!${letters(this.columnIndex)}${this.rowIndex + 1}:${letters(this.columnIndex + this.columnCount - 1)}${this.rowIndex + this.rowCount}`;
  }
  get cells(): number {
    return this.rowCount * this.columnCount;
  }

  private logWrite(kind: string): void {
    this.sheet.book.log.push({ sheet: this.sheet.name, kind, address: this.address });
  }

  load(props: string): this {
    for (const p of props.split(",")) this.requested.add(p.trim());
    this.sheet.book.pending.push(this);
    return this;
  }
  loads(p: string): boolean {
    return this.requested.has(p);
  }
  /** Called by the fake context's sync. */
  resolve(): void {
    for (const p of this.requested) this.available.add(p);
  }
  private need(p: string): void {
    if (!this.available.has(p)) throw new Error(`fake Excel: property ${p} read before load + sync`);
  }

  get values(): Value[][] {
    this.need("values");
    return Array.from({ length: this.rowCount }, (_, r) =>
      Array.from({ length: this.columnCount }, (_, c) => this.sheet.get(this.rowIndex + r, this.columnIndex + c)),
    );
  }
  set values(v: Value[][]) {
    this.logWrite("values");
    for (let r = 0; r < this.rowCount; r++) {
      for (let c = 0; c < this.columnCount; c++) {
        const value = (v[r] as Value[])[c] as Value;
        const f = this.sheet.format(this.rowIndex + r, this.columnIndex + c);
        f.formula = typeof value === "string" && value.startsWith("=") && f.numberFormat !== "@";
        this.sheet.set(this.rowIndex + r, this.columnIndex + c, value);
      }
    }
  }
  set numberFormat(v: (string | null)[][]) {
    this.logWrite("numberFormat");
    for (let r = 0; r < this.rowCount; r++)
      for (let c = 0; c < this.columnCount; c++) this.sheet.format(this.rowIndex + r, this.columnIndex + c).numberFormat = (v[r] as string[])[c] as string;
  }

  private each(fn: (f: CellFormat) => void): void {
    for (let r = 0; r < this.rowCount; r++) for (let c = 0; c < this.columnCount; c++) fn(this.sheet.format(this.rowIndex + r, this.columnIndex + c));
  }

  get format() {
    const self = this;
    const top = (): CellFormat => self.sheet.format(self.rowIndex, self.columnIndex);
    const fill = {
      load(p: string) {
        self.load(`fill/${p}`);
      },
      get color(): string {
        self.need("fill/color");
        return top().fill ?? "#FFFFFF";
      },
      set color(c: string) {
        self.logWrite("fill");
        self.each((f) => (f.fill = c));
      },
      clear() {
        self.logWrite("fill");
        self.each((f) => delete f.fill);
      },
    };
    const font = {
      set color(c: string) {
        self.logWrite("font");
        self.each((f) => (f.font = c));
      },
      set bold(b: boolean) {
        self.logWrite("font");
        self.each((f) => (f.bold = b));
      },
    };
    return {
      fill,
      font,
      set wrapText(_: boolean) {
        self.logWrite("wrap");
      },
      set verticalAlignment(_: string) {
        self.logWrite("align");
      },
      set columnWidth(_: number) {
        self.logWrite("width");
      },
      autofitRows() {
        self.logWrite("autofitRows");
      },
    };
  }

  clear(): void {
    this.logWrite("clear");
    if (this.rowCount >= 1_048_576) {
      this.sheet.values = [];
      this.sheet.formats.clear();
    }
  }
  select(): void {
    this.sheet.book.selection = `${this.sheet.name}!${letters(this.columnIndex)}${this.rowIndex + 1}`;
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  readonly log: WriteLog[] = [];
  pending: FakeRange[] = [];
  active = "";
  selection = "";
  syncs = 0;
  suspended = 0;
  /** A read of more cells than this fails like the 5 MB cap of Excel on the web. */
  maxReadCells = Number.POSITIVE_INFINITY;
  failedReads = 0;

  addSheet(name: string, values: Value[][] = []): FakeSheet {
    const s = new FakeSheet(this, name);
    s.values = values;
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake Excel: no sheet ${name}`);
    return s;
  }
  writesTo(name: string): WriteLog[] {
    return this.log.filter((l) => l.sheet === name);
  }

  /** The `context.workbook.worksheets` collection. */
  worksheetsApi() {
    const book = this;
    let loaded = false;
    return {
      load(_props: string) {
        loaded = false;
        book.pending.push({ resolve: () => (loaded = true) } as unknown as FakeRange);
      },
      get items() {
        if (!loaded) throw new Error("fake Excel: worksheets.items read before load + sync");
        return book.sheets;
      },
      getItem(name: string) {
        return book.sheet(name);
      },
      add(name: string) {
        if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`fake Excel: sheet ${name} exists`);
        book.log.push({ sheet: name, kind: "add", address: "" });
        return book.addSheet(name);
      },
    };
  }

  tablesApi() {
    const book = this;
    let loaded = false;
    return {
      load(_props: string) {
        book.pending.push({ resolve: () => (loaded = true) } as unknown as FakeRange);
      },
      get items() {
        if (!loaded) throw new Error("fake Excel: tables.items read before load + sync");
        return book.sheets.flatMap((s) => s.tableList.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
      },
    };
  }

  sync(): void {
    this.syncs++;
    const pending = this.pending;
    this.pending = [];
    const tooBig = pending.find((r) => r instanceof FakeRange && r.loads("values") && r.cells > this.maxReadCells);
    if (tooBig) {
      this.failedReads++;
      const e = new Error("The response payload size has exceeded the limit.") as Error & { code: string };
      e.code = "ResponsePayloadSizeLimitExceeded";
      throw e;
    }
    for (const r of pending) r.resolve();
  }

  /** `Excel` for the adapter: office-addin-mock's object with `run`, a context whose `sync` counts. */
  excel(): { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> } {
    const book = this;
    const mock = new OfficeMockObject({
      context: {
        sync: async () => book.sync(),
        workbook: {
          application: {
            suspendApiCalculationUntilNextSync: () => {
              book.suspended++;
            },
          },
        },
      },
      run: async function (this: { context: unknown }, batch: (c: unknown) => Promise<unknown>) {
        book.pending = [];
        return batch(this.context);
      },
    }) as unknown as { context: { workbook: Record<string, unknown> }; run<T>(b: (c: Excel.RequestContext) => Promise<T>): Promise<T> };
    mock.context.workbook["worksheets"] = this.worksheetsApi();
    mock.context.workbook["tables"] = this.tablesApi();
    return mock;
  }
}
