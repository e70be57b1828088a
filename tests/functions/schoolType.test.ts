import { SCHOOL_TYPE_NAMES } from "../../src/engine/schoolTypes";
import { schoolTypeFunction } from "../../src/functions/functions";
import { excelErrorOf, installCustomFunctionsStub } from "./customFunctionsStub";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsStub();
});
afterAll(() => uninstall());

const call = schoolTypeFunction as (...args: unknown[]) => string;

// Four schools: Q1 of ИСБ {80, 50, 70, 60} is 57.5 (SPEC.md §10); D9 of Ду {1, 12, 3, 4} is
// 4 + 0.7 × (12 − 4) = 9.6; the mean non-native share of {0, 10, 5, 1} is 4.
const swiRange = [[80], [50], [70], [60]];
const duRange = [[1], [12], [3], [4]];
const nnRange = [[0], [10], [5], [1]];

describe("SHNOR.SCHOOLTYPE", () => {
  it("lists every type met in the table's order", () => {
    expect(call(50, swiRange, "село", 87, "да", 12, duRange, 10, nnRange, null)).toBe(
      (["T1", "T3", "T4", "T5", "T6"] as const).map((t) => SCHOOL_TYPE_NAMES[t]).join("; "),
    );
  });

  it("gives codes when asCodes is TRUE", () => {
    expect(call(50, swiRange, "село", 87, true, 12, duRange, 10, nnRange, true)).toBe("T1; T3; T4; T5; T6");
  });

  it("puts ИСБ equal to Q1 in the low group and just above it outside", () => {
    expect(call(57.5, swiRange, "город", 500, "нет", 1, duRange, 0, nnRange, true)).toBe("T2");
    expect(call(57.6, swiRange, "город", 500, "нет", 1, duRange, 0, nnRange, true)).toBe("Не относится");
  });

  it("says which criteria lack data instead of a silent no", () => {
    expect(call(50, swiRange, "город", 500, null, null, null, null, null, null)).toBe(
      `${SCHOOL_TYPE_NAMES.T2} (не оценено: T4, T5, T6)`,
    );
    expect(call(50, swiRange, "село", null, "нет", null, duRange, 0, nnRange, true)).toBe("T1 (не оценено: T3, T5)");
  });

  it("reports nothing unevaluated for a school outside the low group", () => {
    expect(call(90, swiRange, "город", 500, null, null, null, null, null, null)).toBe("Не относится");
  });

  it("reads the remoteness argument as a distance in km when it is a number", () => {
    expect(call(50, swiRange, "город", 500, 35, null, null, null, null, true)).toBe("T2; T4 (не оценено: T5, T6)");
    expect(call(50, swiRange, "город", 500, 10, null, null, null, null, true)).toBe("T2 (не оценено: T5, T6)");
  });

  it("skips blanks and text in the region's 2-D ranges, as PERCENTILE.INC does", () => {
    const messy = [
      [80, null],
      ["нет данных", 50],
      [70, 60],
    ];
    expect(call(57.5, messy, "город", 500, "нет", null, duRange, null, nnRange, true)).toBe("T2 (не оценено: T5, T6)");
    expect(call(57.6, messy, "город", 500, "нет", null, duRange, null, nnRange, true)).toBe("Не относится");
  });

  it("compares fractions from percent-formatted cells with a range of fractions", () => {
    const duFractions = duRange.map(([v]) => [(v as number) / 100]);
    expect(call(50, swiRange, "город", 500, "нет", 0.12, duFractions, null, null, true)).toBe("T2; T5 (не оценено: T6)");
  });

  it("accepts locality in any case and as an adjective", () => {
    expect(call(50, swiRange, "Сельская", 87, false, null, null, null, null, true)).toBe("T1; T3 (не оценено: T5, T6)");
    expect(call(50, swiRange, " ГОРОД ", 87, false, null, null, null, null, true)).toBe("T2 (не оценено: T5, T6)");
  });

  const bad: readonly [string, unknown[], string, string | RegExp][] = [
    ["an unknown locality", [50, swiRange, "посёлок", 87], "#VALUE!", "местность: «посёлок» — ожидалось «город» или «село»"],
    ["text as ИСБ", [("н/д" as unknown), swiRange, "село", 87], "#VALUE!", "ИСБ: «н/д» — ожидалось число"],
    ["ИСБ above 100", [120, swiRange, "село", 87], "#VALUE!", "ИСБ: 120 — ожидалось число от 0 до 100"],
    ["negative enrollment", [50, swiRange, "село", -5], "#VALUE!", "численность: -5 — ожидалось неотрицательное число"],
    ["remoteness as a word", [50, swiRange, "село", 87, "далеко"], "#VALUE!", /^труднодоступность: «далеко»/],
    ["Ду without its range", [50, swiRange, "село", 87, null, 12, null], "#VALUE!", /^Ду_региона: не указан/],
    ["text as Ду", [50, swiRange, "село", 87, null, "много", duRange], "#VALUE!", "Ду: «много» — ожидалось число"],
    ["Ду above 100", [50, swiRange, "село", 87, null, 120, duRange], "#VALUE!", /^Ду: 120/],
    ["a blank ИСБ", [null, swiRange, "село", 87], "#N/A", "ИСБ: пустая ячейка — нечего вычислять"],
    ["a region without ИСБ", [50, [[null], ["—"]], "село", 87], "#N/A", /^ИСБ_региона: в диапазоне нет ни одного числа/],
  ];
  it.each(bad)("rejects %s", (_name, args, code, message) => {
    const e = excelErrorOf(() => call(...args));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});
