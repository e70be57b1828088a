// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM dependencies jest cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { CHART_SIZE, OfficeWorkbook, fromOfficeValue, styleRuns } from "../../src/workbook/officeAdapter";
import { readSheet, REGISTRY_SHEET, type ChartSpec, type SheetSpec } from "../../src/workbook/port";
import { resultSheets } from "../../src/workbook/resultSheets";
import { templateSheets } from "../../src/workbook/template";
import type { AnalysisResult } from "../../src/engine/analyse";
import { withRegressionChart } from "../../src/workbook/regressionChart";
import { FakeWorkbook, type Value } from "./fakeExcel";
import { sampleResult } from "./sampleResult";

const context = { inputRows: { Школы: 3 }, date: "2025-06-30" };
const formulaName = '=HYPERLINK("http://example.com","СОШ № 1")';
let result: AnalysisResult;
let specs: SheetSpec[];
beforeAll(async () => {
  result = await sampleResult(formulaName);
  specs = resultSheets(result, context);
});

function bigSheet(rows: number, columns: number): Value[][] {
  const values: Value[][] = [["Код ОО", "Год", "Процедура", "Класс", "Балл"].slice(0, columns)];
  for (let r = 1; r < rows; r++) values.push([`ОО${r % 600}`, 2024, "ВПР", 4 + (r % 5), r % 20].slice(0, columns));
  return values;
}

/** A workbook with the user's input sheets: Школы (with a fill on B2) and Баллы. */
function inputBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet("Школы", [
    ["Код ОО", "Наименование", "Дв, %"],
    ["001", "СОШ № 1", "abc"],
    ["002", "СОШ № 2", 40],
  ]);
  book.sheet("Школы").format(1, 1).fill = "#00B0F0";
  book.addSheet("Баллы", bigSheet(10, 5));
  book.log.length = 0;
  return book;
}

describe("OfficeWorkbook reading", () => {
  it("reads a 100,000-row sheet in blocks of 10,000 rows with one sync per block", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Баллы", bigSheet(100_000, 5));
    const port = new OfficeWorkbook(book.excel());
    const sheet = await readSheet(port, "Баллы", { blockRows: 10_000 });
    expect(sheet.rows).toHaveLength(100_000);
    expect(sheet.rows[0]).toEqual(["Код ОО", "Год", "Процедура", "Класс", "Балл"]);
    expect(sheet.rows[99_999]).toEqual(["ОО399", 2024, "ВПР", 8, 19]);
    // One sync for the used range, then one per block; the 11th request starts past the end.
    expect(book.syncs).toBe(1 + 10);
    expect(book.log).toEqual([]);
  });

  it("halves the block when Excel refuses a payload and still returns every row in order", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Баллы", bigSheet(20_000, 5));
    book.maxReadCells = 12_000; // 2,400 rows of 5 columns
    const port = new OfficeWorkbook(book.excel());
    const sheet = await readSheet(port, "Баллы", { blockRows: 10_000 });
    expect(sheet.rows).toHaveLength(20_000);
    expect(sheet.rows.map((r) => r[4]).slice(0, 25)).toEqual(bigSheet(25, 5).map((r) => r[4]));
    expect(port.readBlockRows).toBe(1_250);
    expect(book.failedReads).toBe(3); // 10,000 → 5,000 → 2,500 → 1,250
    expect(book.syncs).toBe(1 + 3 + 16);
  });

  it("caps a block by cells so a wide sheet never asks for more than the limit", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Школы", bigSheet(3_000, 5));
    const port = new OfficeWorkbook(book.excel(), { maxCellsPerRead: 5_000 });
    const sheet = await readSheet(port, "Школы");
    expect(sheet.rows).toHaveLength(3_000);
    expect(book.syncs).toBe(1 + 3);
  });

  it("maps Office values: empty text is an empty cell, an error text is an error, trailing blanks go", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Школы", [
      ["a", "", "b", ""],
      ["#N/A", 0, false, ""],
      ["", "", "", "x"],
    ]);
    const rows = await new OfficeWorkbook(book.excel()).readRows("Школы", 0, 10);
    expect(rows).toEqual([["a", null, "b"], [{ error: "#N/A" }, 0, false], [null, null, null, "x"]]);
    expect(fromOfficeValue("#DIV/0!")).toEqual({ error: "#DIV/0!" });
    expect(fromOfficeValue("#тег")).toBe("#тег");
  });

  it("lists sheets with their used rows and hides none but the registry", async () => {
    const book = inputBook();
    book.addSheet(REGISTRY_SHEET, [["Вид"]]).visibility = "VeryHidden";
    const list = await new OfficeWorkbook(book.excel()).listSheets();
    expect(list).toEqual([
      { name: "Школы", rowCount: 3, hidden: false },
      { name: "Баллы", rowCount: 10, hidden: false },
      { name: REGISTRY_SHEET, rowCount: 1, hidden: true },
    ]);
    expect(book.syncs).toBe(2);
  });
});

describe("OfficeWorkbook writing result sheets", () => {
  it("writes every result sheet with a bounded number of syncs and never touches input sheets", async () => {
    const book = inputBook();
    const report = await new OfficeWorkbook(book.excel()).writeResultSheets(specs);
    expect(report.written.map((w) => w.actual)).toEqual(specs.map((s) => s.name));
    // 1 list + 1 prepare (delete, add, registry) + per sheet (1 values block + 1 formats) + 1 activate.
    expect(book.syncs).toBe(2 + specs.length * 2 + 1);
    expect(book.writesTo("Школы")).toEqual([]);
    expect(book.writesTo("Баллы")).toEqual([]);
    expect(book.active).toBe("Итоги");
    expect(book.suspended).toBeGreaterThan(0);
  });

  it("keeps a school name that starts with '=' as text, formatted '@' before its value", async () => {
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).writeResultSheets(specs);
    const summary = book.sheet("Итоги");
    expect(summary.get(1, 1)).toBe(formulaName);
    expect(summary.format(1, 1)).toMatchObject({ numberFormat: "@", formula: false });
    const order = book.writesTo("Итоги").map((l) => l.kind);
    expect(order.indexOf("numberFormat")).toBeLessThan(order.indexOf("values"));
  });

  it("gives a cell its own number format where the sheet asks for one (Мониторинг mixes shares and points)", async () => {
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).writeResultSheets(specs);
    const monitoring = specs.find((s) => s.name === "Мониторинг") as SheetSpec;
    const styled = monitoring.styles.filter((s) => s.style.numberFormat !== undefined && s.column !== undefined);
    expect(styled.length).toBeGreaterThan(0);
    for (const s of styled) expect(book.sheet("Мониторинг").format(s.row + 1, s.column as number).numberFormat).toBe(s.style.numberFormat);
  });

  it("wraps the reasons and fits the row heights of Итоги to them", async () => {
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).writeResultSheets(specs);
    const kinds = book.writesTo("Итоги").map((l) => l.kind);
    expect(kinds).toContain("wrap");
    expect(kinds.indexOf("autofitRows")).toBeGreaterThan(kinds.lastIndexOf("values"));
    expect(book.writesTo("Легенда").map((l) => l.kind)).not.toContain("autofitRows");
  });

  it("makes Итоги an Excel table with a frozen header and colours the category cells", async () => {
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).writeResultSheets(specs);
    const summary = book.sheet("Итоги");
    const columns = (specs[0] as SheetSpec).columns;
    const last = String.fromCharCode(64 + columns.length);
    expect(summary.tableList).toEqual([expect.objectContaining({ name: "ШНОР_Итоги", address: `A1:${last}${result.schools.length + 1}` })]);
    expect(summary.frozenRows).toBe(1);
    const category = columns.findIndex((c) => c.header === "Категория");
    expect(category).toBeGreaterThan(0);
    expect(summary.get(1, category)).toBe(result.schools[0]?.category);
    expect(summary.format(1, category).fill).toMatch(/^#[0-9A-F]{6}$/);
    expect(summary.format(0, 0)).toMatchObject({ fill: "#D9E1F2", bold: true });
    expect(book.sheet(REGISTRY_SHEET).visibility).toBe("VeryHidden");
  });

  it("writes a long sheet in blocks of rows, one sync per block", async () => {
    const book = inputBook();
    const rows = Array.from({ length: 12_000 }, (_, i) => [`ОО${i}`, i]);
    const spec: SheetSpec = {
      name: "Большой",
      columns: [
        { header: "Код", width: 10, format: "@" },
        { header: "Число", width: 10, format: "0" },
      ],
      rows,
      styles: rows.map((_, i) => ({ row: i, column: 1, style: { fill: i % 2 ? "#FFC7CE" : "#C6EFCE" } })),
      table: { name: "Большой" },
      freezeHeader: true,
    };
    await new OfficeWorkbook(book.excel(), { writeBlockRows: 5_000, formatBatch: 2_000 }).writeResultSheets([spec]);
    // 1 list + 1 prepare + 3 value blocks + 12,002 format operations in batches of 2,000 (6) + 1 final + 1 activate.
    expect(book.syncs).toBe(2 + 3 + 6 + 1 + 1);
    expect(book.sheet("Большой").get(12_000, 0)).toBe("ОО11999");
  });

  it("replaces its own sheets on a re-run and leaves a user's sheet of the same name alone", async () => {
    const book = inputBook();
    book.addSheet("Легенда", [["моя легенда"]]);
    const port = new OfficeWorkbook(book.excel());
    const first = await port.writeResultSheets(specs);
    expect(first.written.find((w) => w.requested === "Легенда")?.actual).toBe("Легенда (2)");
    const second = await port.writeResultSheets(specs);
    expect(second.replaced).toEqual(specs.map((s) => (s.name === "Легенда" ? "Легенда (2)" : s.name)));
    expect(book.sheets.map((s) => s.name).filter((n) => n.startsWith("Итоги"))).toEqual(["Итоги"]);
    expect(book.sheet("Легенда").values).toEqual([["моя легенда"]]);
    expect(book.writesTo("Легенда")).toEqual([]);
    expect(book.sheet("Итоги").tableList[0]?.name).toBe("ШНОР_Итоги");
  });

});

describe("OfficeWorkbook charts", () => {
  const bar: ChartSpec = { type: "bar", title: "Доля", categories: "A2:A4", series: [{ name: "Доля ШНОР ∪ ШНСУ", values: "F2:F4" }], anchor: "H2" };
  const line: ChartSpec = {
    type: "line",
    title: "Индексы",
    categories: "A2:A4",
    series: [
      { name: "Низкие", values: "B2:B4" },
      { name: "Массовые", values: "C2:C4" },
    ],
    anchor: "V2",
  };
  const withCharts = (spec: SheetSpec, charts: ChartSpec[]): SheetSpec => ({ ...spec, charts });

  it("draws every chart of every sheet, queued with the last sync: charts cost no sync", async () => {
    const plain = specs.map((s) => withCharts(s, []));
    const drawn = withRegressionChart(specs.map((s, i) => (i === 1 ? withCharts(s, [line, bar]) : s)));
    const charts = drawn.flatMap((s) => s.charts ?? []);
    expect(charts.map((c) => c.type)).toEqual(expect.arrayContaining(["line", "bar", "scatter"]));
    const without = inputBook();
    await new OfficeWorkbook(without.excel()).writeResultSheets(plain);
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).writeResultSheets(drawn);
    expect(book.syncs).toBe(without.syncs);
    expect(book.syncs).toBe(2 + drawn.length * 2 + 1);
    expect(book.log.filter((l) => l.kind === "chart")).toHaveLength(charts.length);
    for (const spec of drawn) expect(book.sheet(spec.name).chartList).toHaveLength(spec.charts?.length ?? 0);
    expect(book.writesTo("Школы")).toEqual([]);
  });

  it("draws a line chart with a series per index over the years, with a legend", async () => {
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).writeResultSheets([withCharts(specs[1] as SheetSpec, [line])]);
    const [chart] = book.sheet((specs[1] as SheetSpec).name).chartList;
    expect(chart?.type).toBe("LineMarkers");
    expect(chart?.title.text).toBe("Индексы");
    expect(chart?.seriesList.map((s) => [s.name, s.x, s.y])).toEqual([
      ["Низкие", "Индексы ОП!A2:A4", "Индексы ОП!B2:B4"],
      ["Массовые", "Индексы ОП!A2:A4", "Индексы ОП!C2:C4"],
    ]);
    expect(chart?.legend.visible).toBe(true);
    expect(chart).toMatchObject({ position: "V2", width: CHART_SIZE.width, height: CHART_SIZE.height });
  });

  it("draws a horizontal bar chart that keeps the sheet's order of municipalities", async () => {
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).writeResultSheets([withCharts(specs[2] as SheetSpec, [bar])]);
    const [chart] = book.sheet("Муниципалитеты").chartList;
    expect(chart?.type).toBe("BarClustered");
    expect(chart?.axes.categoryAxis.reversePlotOrder).toBe(true);
    expect(chart?.seriesList).toEqual([{ name: "Доля ШНОР ∪ ШНСУ", x: "Муниципалитеты!A2:A4", y: "Муниципалитеты!F2:F4", trendlines: [] }]);
    expect(chart?.legend.visible).toBe(false);
  });

  it("draws the result against ИСБ on Итоги as a scatter with the regression trendline", async () => {
    const book = inputBook();
    const summary = withRegressionChart([withCharts(specs[0] as SheetSpec, [])]);
    await new OfficeWorkbook(book.excel()).writeResultSheets(summary);
    const [chart] = book.sheet("Итоги").chartList;
    const columns = (specs[0] as SheetSpec).columns;
    const letter = (header: string) => String.fromCharCode(65 + columns.findIndex((c) => c.header === header));
    const n = result.schools.length + 1;
    expect(chart?.type).toBe("XYScatter");
    expect(chart?.seriesList).toEqual([
      { name: "Результат для регрессии", x: `Итоги!${letter("ИСБ")}2:${letter("ИСБ")}${n}`, y: `Итоги!${letter("Результат для регрессии")}2:${letter("Результат для регрессии")}${n}`, trendlines: ["Linear"] },
    ]);
  });

  it("draws a chart on the sheet under the name it was actually written as", async () => {
    const book = inputBook();
    book.addSheet("Муниципалитеты", [["мой лист"]]);
    const report = await new OfficeWorkbook(book.excel()).writeResultSheets([withCharts(specs[2] as SheetSpec, [bar])]);
    expect(report.written[0]?.actual).toBe("Муниципалитеты (2)");
    expect(book.sheet("Муниципалитеты").chartList).toEqual([]);
    expect(book.sheet("Муниципалитеты (2)").chartList[0]?.seriesList[0]?.y).toBe("Муниципалитеты (2)!F2:F4");
  });
});

describe("OfficeWorkbook highlights", () => {
  it("fills the cells of issues, remembers their fills and restores exactly those", async () => {
    const book = inputBook();
    const port = new OfficeWorkbook(book.excel());
    await port.highlightCells([
      { sheet: "Школы", cell: "C2", colour: "#FFC7CE" },
      { sheet: "Школы", cell: "B2", colour: "#FFC7CE" },
      { sheet: "Нет такого", cell: "A1", colour: "#FFC7CE" },
    ]);
    // Sheet names, the cells' present fills, then the fills and the registry.
    expect(book.syncs).toBe(3);
    expect(book.sheet("Школы").format(1, 2).fill).toBe("#FFC7CE");
    expect(book.sheet("Школы").format(1, 1).fill).toBe("#FFC7CE");
    expect(book.writesTo("Школы").map((l) => l.kind)).toEqual(["fill", "fill"]);
    // A second highlight of the same cell keeps the first remembered fill.
    await port.highlightCells([{ sheet: "Школы", cell: "B2", colour: "#FFEB9C" }]);
    await port.clearHighlights();
    expect(book.sheet("Школы").format(1, 2).fill).toBeUndefined();
    expect(book.sheet("Школы").format(1, 1).fill).toBe("#00B0F0");
    expect(book.sheet("Школы").values[1]).toEqual(["001", "СОШ № 1", "abc"]);
    expect(book.writesTo("Школы").every((l) => l.kind === "fill")).toBe(true);
    expect(book.writesTo("Баллы")).toEqual([]);
  });

  it("keeps the highlights' memory when result sheets are written in between", async () => {
    const book = inputBook();
    const port = new OfficeWorkbook(book.excel());
    await port.highlightCells([{ sheet: "Школы", cell: "C2", colour: "#FFC7CE" }]);
    await port.writeResultSheets(specs);
    await port.clearHighlights();
    expect(book.sheet("Школы").format(1, 2).fill).toBeUndefined();
  });

  it("selects a cell on its sheet", async () => {
    const book = inputBook();
    await new OfficeWorkbook(book.excel()).selectCell("Школы", "C2");
    expect(book.active).toBe("Школы");
    expect(book.selection).toBe("Школы!C2");
    expect(book.syncs).toBe(1);
  });
});

describe("OfficeWorkbook input sheets", () => {
  it("inserts the template's sheets with lists, text columns and examples, skipping a sheet that exists", async () => {
    const book = inputBook();
    const report = await new OfficeWorkbook(book.excel()).insertInputSheets(templateSheets());
    expect(report.skipped).toEqual(["Школы", "Баллы"]);
    expect(report.added).toEqual(templateSheets().map((s) => s.name).filter((n) => n !== "Школы" && n !== "Баллы"));
    expect(book.writesTo("Школы")).toEqual([]);
    const scales = book.sheet("Шкалы");
    expect(scales.values.length).toBeGreaterThan(1);
    expect(scales.format(1, 0).fill).toBe("#FFF2CC");
    expect(scales.validations.length).toBeGreaterThan(0);
    expect(scales.frozenRows).toBe(1);
  });
});

describe("styleRuns", () => {
  it("merges consecutive rows of one column and style into one range", () => {
    const red = { fill: "#FFC7CE" } as const;
    const runs = styleRuns(
      [
        { row: 0, column: 2, style: red },
        { row: 1, column: 2, style: red },
        { row: 2, column: 2, style: { fill: "#C6EFCE" } },
        { row: 4, style: { bold: true } },
        { row: 9, column: 2, style: red },
      ],
      5,
      3,
    );
    expect(runs).toEqual([
      { row: 4, rows: 1, column: 0, columns: 3, style: { bold: true } },
      { row: 0, rows: 2, column: 2, columns: 1, style: red },
      { row: 2, rows: 1, column: 2, columns: 1, style: { fill: "#C6EFCE" } },
    ]);
  });
});
