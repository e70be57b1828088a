import { swiGroupFunction } from "../../src/functions/functions";
import { excelErrorOf, installCustomFunctionsStub } from "./customFunctionsStub";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsStub();
});
afterAll(() => uninstall());

const call = swiGroupFunction as (...args: unknown[]) => string;

// SPEC.md §10: slope 0.012, intercept −0.18, residuals {−0.02, −0.04, 0.14, −0.08}, σ ≈ 0.1183.
const swis = [50, 60, 70, 80];
const ys = [0.4, 0.5, 0.8, 0.7];
const swiRange = swis.map((v) => [v]);
const yRange = ys.map((v) => [v]);

describe("SHNOR.SWIGROUP", () => {
  it.each([
    [0, "обычная"],
    [1, "обычная"],
    [2, "эффективная"],
    [3, "обычная"],
  ])("puts school %p of the worked example in group %p", (i, group) => {
    expect(call(ys[i], swis[i], yRange, swiRange, null)).toBe(group);
  });

  it("uses k: with k = 0.5 the fourth school (r = −0.08 < −0.059) is не справляющаяся", () => {
    expect(call(0.7, 80, yRange, swiRange, 0.5)).toBe("не справляющаяся");
  });

  it("leaves out rows where the result or ИСБ is blank or text", () => {
    const y2 = [...yRange, [null], ["нет"]];
    const x2 = [...swiRange, [65], [null]];
    expect(call(0.8, 70, y2, x2)).toBe("эффективная");
  });

  it("gives #N/A for a school without a result", () => {
    expect(excelErrorOf(() => call(null, 70, yRange, swiRange))).toEqual({
      code: "#N/A",
      message: "результат: пусто — школа без результата не относится ни к одной группе",
    });
  });

  it("gives #N/A saying why when there is no regression", () => {
    const e = excelErrorOf(() => call(0.4, 50, [[0.4], [0.5]], [[50], [60]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/регрессия не строится: школ с данными 2/);
    expect(excelErrorOf(() => call(0.4, 50, yRange, [[50], [50], [50], [50]])).message).toMatch(/одинаковый ИСБ/);
  });

  it("rejects ranges of different sizes", () => {
    expect(excelErrorOf(() => call(0.4, 50, yRange, swiRange.slice(0, 3)))).toEqual({
      code: "#VALUE!",
      message: "результаты_региона (4×1) и ИСБ_региона (3×1) — диапазоны разного размера",
    });
  });

  it("rejects a negative k", () => {
    expect(excelErrorOf(() => call(0.4, 50, yRange, swiRange, -1)).message).toMatch(/^k: -1/);
  });
});
