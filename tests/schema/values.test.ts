import { headerKey } from "../../src/schema/text";
import { normaliseBool, normaliseCode, normaliseLocality, normaliseProcedure, normaliseSubject, normaliseYear, parseNumber } from "../../src/schema/values";

describe("headerKey", () => {
  it.each([
    ["Расстояние до ближайшей ОО (км)", "Расстояние до ближайшей ОО, км"],
    ["расстояние  до ближайшей оо", "Расстояние до ближайшей ОО, км"],
    ["Дв (%)", "Дв, %"],
    ["ДВ %", "Дв, %"],
    ["  КОД   ОО  ", "Код ОО"],
    ["Отметки \"4\" и \"5\"", "Отметки «4» и «5»"],
    ["Отметки „4“ и „5“", "Отметки «4» и «5»"],
    ["Численность обучающихся, чел.", "Численность обучающихся"],
    ["Ниже Вmin", "Ниже Bmin"],
    ["Учёт", "Учет"],
    ["Код\u00a0ОО:", "Код ОО"],
  ])("matches «%s» with «%s»", (a, b) => {
    expect(headerKey(a)).toBe(headerKey(b));
  });

  it("keeps words that only look like units", () => {
    expect(headerKey("Высокий балл")).not.toBe(headerKey("Высокий"));
  });
});

describe("parseNumber", () => {
  it.each([
    [12, 12],
    ["12,5", 12.5],
    ["12.5", 12.5],
    [" 1 234,5 ", 1234.5],
    ["−3", -3],
    [",5", 0.5],
  ])("reads %p as %p", (input, expected) => {
    expect(parseNumber(input, false)?.value).toBe(expected);
  });

  it.each([["abc"], ["12,5,1"], ["1e5"], [""], [true], [Number.NaN]])("refuses %p", (input) => {
    expect(parseNumber(input, false)).toBeNull();
  });

  it("takes a trailing % only where percents are due", () => {
    expect(parseNumber("45 %", true)).toEqual({ value: 45, hadPercentSign: true });
    expect(parseNumber("45%", false)).toBeNull();
  });
});

describe("normaliseBool", () => {
  it.each([["да"], ["Да"], ["ДА "], ["yes"], ["Y"], [1], ["1"], ["+"], [true], ["есть"], ["ИСТИНА"]])("reads %p as true", (v) => {
    expect(normaliseBool(v)).toEqual({ ok: true, value: true });
  });
  it.each([["нет"], ["No"], [0], ["0"], ["-"], [false], ["отсутствует"], ["ЛОЖЬ"]])("reads %p as false", (v) => {
    expect(normaliseBool(v)).toEqual({ ok: true, value: false });
  });
  it.each([["может быть"], [2], ["да/нет"]])("refuses %p", (v) => {
    expect(normaliseBool(v).ok).toBe(false);
  });
});

describe("normaliseLocality", () => {
  it.each([
    ["город", "город"],
    ["Городская", "город"],
    ["городская местность", "город"],
    ["г.", "город"],
    ["пгт", "город"],
    ["urban", "город"],
    ["село", "село"],
    ["Сельская", "село"],
    ["сельский", "село"],
    ["с.", "село"],
    ["Rural", "село"],
  ])("reads «%s» as %s", (v, expected) => {
    expect(normaliseLocality(v)).toEqual({ ok: true, value: expected });
  });
  it("refuses anything else", () => {
    expect(normaliseLocality("хутор у моря").ok).toBe(false);
  });
});

describe("normaliseYear", () => {
  it.each([
    [2024, 2024],
    ["2024", 2024],
    ["2024 г.", 2024],
    ["2023/2024", 2024],
    ["2023-2024", 2024],
    ["2023–2024", 2024],
    ["2023/24", 2024],
    ["2099/2100", 2100],
  ])("reads %p as %i", (v, year) => {
    const r = normaliseYear(v);
    expect(r.ok && r.value).toBe(year);
  });

  it("notes that a school year was read as its end year", () => {
    expect(normaliseYear("2023/2024")).toEqual({ ok: true, value: 2024, note: { code: "academic-year", details: { year: 2024 } } });
  });

  it.each([
    [1999, "year-out-of-range"],
    [2101, "year-out-of-range"],
    ["2100/2101", "year-out-of-range"],
    ["2022/2024", "not-a-year"],
    [2024.5, "not-a-year"],
    ["двадцать", "not-a-year"],
  ])("refuses %p with %s", (v, code) => {
    const r = normaliseYear(v);
    expect(r.ok ? null : r.code).toBe(code);
  });
});

describe("normaliseCode", () => {
  it("turns a number into its text", () => {
    expect(normaliseCode(7013)).toBe("7013");
  });
  it("keeps a leading zero of text", () => {
    expect(normaliseCode(" 07013 ")).toBe("07013");
  });
});

describe("normaliseProcedure", () => {
  it.each([
    ["ВПР", "ВПР"],
    ["впр", "ВПР"],
    ["BПP", "ВПР"],
    ["VPR", "ВПР"],
    ["огэ", "ОГЭ"],
    ["OГЭ", "ОГЭ"],
    ["ЕГЭ ", "ЕГЭ"],
    ["EГЭ", "ЕГЭ"],
    ["рдр", "РДР"],
    ["PДP", "РДР"],
  ])("reads «%s» as %s", (v, expected) => {
    expect(normaliseProcedure(v)).toEqual({ value: expected, known: true });
  });
  it("keeps an unknown name as typed", () => {
    expect(normaliseProcedure(" НИКО ")).toEqual({ value: "НИКО", known: false });
  });
});

describe("normaliseSubject", () => {
  it("trims, collapses spaces and capitalises only the first letter", () => {
    expect(normaliseSubject("  русский   язык ")).toBe("Русский язык");
    expect(normaliseSubject("математика ОГЭ")).toBe("Математика ОГЭ");
  });
});
