import { columnList, headerKey, INPUT_SHEETS, SCHOOLS_SHEET, SILENT_HEADERS } from "../../src/schema";
import { headerIndex, sheetNameMatches } from "../../src/schema/shape";

describe("sheet definitions", () => {
  it.each(INPUT_SHEETS.map((s) => [s.name, s] as const))("give %s no header or synonym that two columns share", (_name, sheet) => {
    const owner = new Map<string, string>();
    for (const { field, def } of columnList(sheet)) {
      for (const h of [def.header, ...def.synonyms]) {
        const k = headerKey(h);
        expect([h, owner.get(k) ?? field]).toEqual([h, field]);
        owner.set(k, field);
      }
    }
    expect(headerIndex(sheet).size).toBe(owner.size);
  });

  it.each(INPUT_SHEETS.map((s) => [s.name, s] as const))("give %s no column that is ignored silently", (_name, sheet) => {
    const silent = new Set(SILENT_HEADERS.map(headerKey));
    for (const { def } of columnList(sheet)) for (const h of [def.header, ...def.synonyms]) expect(silent.has(headerKey(h))).toBe(false);
  });

  it("give no sheet name that matches two sheets", () => {
    for (const a of INPUT_SHEETS) {
      for (const name of [a.name, ...a.synonyms]) {
        expect(INPUT_SHEETS.filter((b) => sheetNameMatches(b, name)).map((b) => b.id)).toEqual([a.id]);
      }
    }
  });

  it("match sheet names tolerantly", () => {
    expect(sheetNameMatches(SCHOOLS_SHEET, " schools ")).toBe(true);
    expect(sheetNameMatches(SCHOOLS_SHEET, "ШКОЛЫ")).toBe(true);
    expect(sheetNameMatches(SCHOOLS_SHEET, "Итоги")).toBe(false);
  });

  it("list the Школы columns in the order of SPEC.md §1", () => {
    expect(columnList(SCHOOLS_SHEET).map((c) => c.def.header).slice(0, 8)).toEqual([
      "Код ОО",
      "Наименование",
      "Муниципалитет",
      "Местность",
      "Численность обучающихся",
      "Дв, %",
      "Дн, %",
      "Ду, %",
    ]);
  });

  it("mark exactly the SPEC's required Школы columns as required", () => {
    expect(columnList(SCHOOLS_SHEET).filter((c) => c.def.required).map((c) => c.field)).toEqual([
      "id",
      "name",
      "municipality",
      "locality",
      "enrollment",
      "parentsHigherEd",
      "singleParent",
      "registered",
    ]);
  });
});
