// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM dependencies jest cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

/**
 * Issue 14 in Excel itself: a hidden decoy sheet never wins over the visible one (the Office
 * adapter passes each sheet's visibility through the pane's reading), and the result sheets — the
 * «Перечень» lists above all — print A4 landscape, one page wide, the header on every page, where
 * Excel supports page layout (ExcelApi 1.9; Office.context.requirements mocked with
 * office-addin-mock).
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseWorkbook } from "../../src/schema";
import { readInput } from "../../src/taskpane/pipeline";
import { handoverSheets } from "../../src/workbook/handoverSheets";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import type { SheetSpec } from "../../src/workbook/port";
import { resultSheets } from "../../src/workbook/resultSheets";
import { baseSheets } from "../schema/helpers";
import { FakeWorkbook, type Value } from "./fakeExcel";
import { sampleResult } from "./sampleResult";

const names = { reading: (sheet: string, rows: number) => `${sheet}: ${rows}` } as Parameters<typeof readInput>[1];

describe("hidden sheets in Excel", () => {
  it("reads the visible «Реестр школ», not a hidden decoy «Школы» before it, and says which was used", async () => {
    const s = baseSheets();
    const book = new FakeWorkbook();
    const decoy = s.Школы.map((r) => [...r]);
    decoy[1]![1] = "Подменная школа";
    book.addSheet("Школы", decoy as Value[][]).visibility = "Hidden";
    book.addSheet("Реестр школ", s.Школы as Value[][]);
    for (const name of ["Результаты", "Баллы", "Шкалы"] as const) book.addSheet(name, s[name] as Value[][]);

    const raw = await readInput(new OfficeWorkbook(book.excel()), names, () => undefined);
    expect(raw.sheets.map((x) => [x.name, x.hidden === true])).toEqual([
      ["Школы", true],
      ["Реестр школ", false],
      ["Результаты", false],
      ["Баллы", false],
      ["Шкалы", false],
    ]);
    const parsed = parseWorkbook(raw);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
    expect(parsed.input.schools.map((x) => x.name)).toEqual(["СОШ № 1", "ООШ с. Б"]);
    expect(parsed.issues.map((i) => i.message)).toContain("Лист «Реестр школ»: скрытый лист «Школы» тоже похож на лист «Школы» и не читается; используется «Реестр школ»");
  });
});

describe("print setup of the result sheets in Excel", () => {
  const officeGlobal = globalThis as { Office?: unknown };
  let specs: SheetSpec[];
  beforeAll(async () => {
    const result = await sampleResult("СОШ № 1");
    specs = resultSheets(result, { inputRows: { Школы: 3 }, date: "2025-06-30" });
    // The «Перечень» sheets are among the result sheets.
    expect(specs.map((x) => x.name)).toEqual(expect.arrayContaining(handoverSheets(result).map((x) => x.name)));
  });
  afterEach(() => {
    delete officeGlobal.Office;
  });

  /** `Office` with `context.requirements.isSetSupported` answering for ExcelApi up to `version`. */
  function officeWithExcelApi(version: number): void {
    officeGlobal.Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: (name: string, min: string) => name === "ExcelApi" && Number(min) <= version } },
    });
  }

  it("gives every «Перечень» sheet A4 landscape, one page wide, the header row on every page (ExcelApi 1.9)", async () => {
    officeWithExcelApi(1.9);
    const book = new FakeWorkbook();
    await new OfficeWorkbook(book.excel()).writeResultSheets(specs);
    for (const name of ["Перечень ШНОР", "Перечень ШНСУ", "Перечень зоны риска"]) {
      expect({ name, page: book.sheet(name).page }).toEqual({
        name,
        page: { orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1 }, printTitleRows: "$1:$1" },
      });
    }
    // As the file writer does, every result sheet prints landscape.
    for (const spec of specs) expect({ name: spec.name, orientation: book.sheet(spec.name).page.orientation }).toEqual({ name: spec.name, orientation: "Landscape" });
  });

  it("leaves page layout alone where Excel lacks ExcelApi 1.9, and outside Office", async () => {
    officeWithExcelApi(1.8);
    const old = new FakeWorkbook();
    await new OfficeWorkbook(old.excel()).writeResultSheets(specs);
    expect(old.log.filter((l) => l.kind === "pageLayout")).toEqual([]);
    delete officeGlobal.Office;
    const none = new FakeWorkbook();
    await new OfficeWorkbook(none.excel()).writeResultSheets(specs);
    expect(none.log.filter((l) => l.kind === "pageLayout")).toEqual([]);
  });
});
