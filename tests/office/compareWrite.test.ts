// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM dependencies jest cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

/**
 * «Сравнить методики» in Excel writes its two sheets next to an earlier identification's: a write
 * with `onlySameNames` replaces only the add-in's sheets of the same names (issue 15).
 */
import { compareMethodologies, PRESETS } from "../../src/engine";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import { compareSheets } from "../../src/workbook/compareSheets";
import { REGISTRY_SHEET, sameNameSheets, type SheetSpec } from "../../src/workbook/port";
import { resultSheets } from "../../src/workbook/resultSheets";
import { disagreeingRegion } from "../engine/helpers/disagreeingRegion";
import { FakeWorkbook } from "./fakeExcel";
import { sampleResult } from "./sampleResult";

describe("writing the comparison next to the identification", () => {
  it("keeps the identification's sheets, replaces an earlier comparison, and a later identification replaces everything", async () => {
    const specs: SheetSpec[] = resultSheets(await sampleResult("СОШ № 1"), { inputRows: { Школы: 3 }, date: "2025-06-30" });
    const compared = compareSheets(compareMethodologies(disagreeingRegion(), [PRESETS.kbr, PRESETS.bryansk]));
    const book = new FakeWorkbook();
    book.addSheet("Школы", [["Код ОО"], ["001"]]);
    const port = new OfficeWorkbook(book.excel());
    await port.writeResultSheets(specs);
    const first = await port.writeResultSheets(compared, { onlySameNames: true });
    expect(first.replaced).toEqual([]);
    expect(first.written.map((w) => w.actual)).toEqual(["Сравнение методик", "Сводка сравнения"]);
    const names = () => book.sheets.map((s) => s.name).filter((n) => n !== REGISTRY_SHEET);
    expect(names()).toEqual(["Школы", ...specs.map((s) => s.name), "Сравнение методик", "Сводка сравнения"]);

    const again = await port.writeResultSheets(compared, { onlySameNames: true });
    expect(again.replaced).toEqual(["Сравнение методик", "Сводка сравнения"]);
    expect(names()).toEqual(["Школы", ...specs.map((s) => s.name), "Сравнение методик", "Сводка сравнения"]);
    expect(book.sheet("Сравнение методик").get(1, 0)).toBe("P1");

    // A plain write (Выявить) still replaces every sheet the add-in made, the comparison's too.
    const plain = await port.writeResultSheets(specs);
    expect(plain.replaced).toEqual([...specs.map((s) => s.name), "Сравнение методик", "Сводка сравнения"]);
    expect(names()).toEqual(["Школы", ...specs.map((s) => s.name)]);
  });

  it("sameNameSheets matches a name with or without the « (2)» the user's own sheet forced", () => {
    expect(sameNameSheets(["Итоги", "Сравнение методик (2)", "сводка сравнения", "Сводка сравнения (2) старая"], ["Сравнение методик", "Сводка сравнения"])).toEqual([
      "Сравнение методик (2)",
      "сводка сравнения",
    ]);
  });
});
