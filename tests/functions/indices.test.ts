import {
  bMinFunction,
  highIndexFunction,
  levelFunction,
  lowIndexFunction,
  massIndexFunction,
} from "../../src/functions/functions";
import { excelErrorOf, installCustomFunctionsStub } from "./customFunctionsStub";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsStub();
});
afterAll(() => uninstall());

const omitted = null as unknown as number;

// SPEC.md §10: ВПР with min 7, max 20, top 15, m = 0.05; scores {7, 8, 11, 12, 15, 20}.
const column = [[7], [8], [11], [12], [15], [20]];
// The same scores in a 2-D block with blanks (null), absentees marked by text and an "" cell.
const block = [
  [7, null, "неявка"],
  [8, 11, ""],
  [null, 12, 15],
  ["отсутствовал", 20, null],
];

describe("SHNOR.BMIN", () => {
  it("gives min + 0.05 × max by default", () => {
    expect(bMinFunction(7, 20, omitted)).toBe(8);
  });
  it("takes m from a percent-formatted cell", () => {
    expect(bMinFunction(7, 20, 0.1)).toBe(9);
  });
  it("rejects m outside [0, 1] naming it", () => {
    const e = excelErrorOf(() => bMinFunction(7, 20, 5));
    expect(e).toEqual({ code: "#VALUE!", message: "m: 5 — ожидалась доля от 0 до 1" });
  });
  it("rejects a minimum above the maximum", () => {
    expect(excelErrorOf(() => bMinFunction(25, 20)).message).toMatch(/^мин_балл: 25/);
  });
  it("rejects a zero maximum", () => {
    expect(excelErrorOf(() => bMinFunction(0, 0)).message).toMatch(/^макс_балл: 0 — ожидалось положительное число/);
  });
});

describe("SHNOR.LOWINDEX", () => {
  it("gives 1/6 on the worked example", () => {
    expect(lowIndexFunction(column, 7, 20, omitted)).toBeCloseTo(1 / 6, 12);
  });
  it("ignores blanks and text in a 2-D range", () => {
    expect(lowIndexFunction(block, 7, 20)).toBeCloseTo(1 / 6, 12);
  });
  it("accepts a single cell passed as a scalar", () => {
    expect(lowIndexFunction(5 as unknown as number[][], 7, 20)).toBe(1);
  });
  it("gives #N/A when the range holds no scores", () => {
    const e = excelErrorOf(() => lowIndexFunction([[null, "неявка"]], 7, 20));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^баллы: в диапазоне нет ни одного числа/);
  });
  it("rejects a score above the maximum", () => {
    const e = excelErrorOf(() => lowIndexFunction([[7], [25]], 7, 20));
    expect(e).toEqual({ code: "#VALUE!", message: "баллы: 25 — ожидался балл от 0 до 20" });
  });
  it("rejects text where the minimum score is due", () => {
    expect(excelErrorOf(() => lowIndexFunction(column, "семь", 20)).message).toBe("мин_балл: «семь» — ожидалось число");
  });
});

describe("SHNOR.MASSINDEX", () => {
  it("gives 3/6 on the worked example", () => {
    expect(massIndexFunction(column, 7, 20, 15, omitted)).toBeCloseTo(3 / 6, 12);
    expect(massIndexFunction(block, 7, 20, 15)).toBeCloseTo(3 / 6, 12);
  });
  it("rejects a high score outside [min, max]", () => {
    expect(excelErrorOf(() => massIndexFunction(column, 7, 20, 21)).message).toMatch(/^высокий_балл: 21/);
  });
});

describe("SHNOR.HIGHINDEX", () => {
  it("gives 2/6 on the worked example", () => {
    expect(highIndexFunction(column, 15)).toBeCloseTo(2 / 6, 12);
    expect(highIndexFunction(block, 15)).toBeCloseTo(2 / 6, 12);
  });
  it("gives #N/A for a blank high score", () => {
    expect(excelErrorOf(() => highIndexFunction(column, null)).code).toBe("#N/A");
  });
});

describe("SHNOR.LEVEL", () => {
  it.each([
    [4.9, "низкий"],
    [5, "пониженный"],
    [10, "базовый"],
    [13, "повышенный"],
    [17, "высокий"],
    [20, "высокий"],
  ])("names score %p of 20 %p", (score, level) => {
    expect(levelFunction(score, 20)).toBe(level);
  });
  it("rejects a score above the maximum", () => {
    expect(excelErrorOf(() => levelFunction(21, 20))).toEqual({
      code: "#VALUE!",
      message: "балл: 21 — ожидалось число от 0 до 20",
    });
  });
  it("gives #N/A for a blank score", () => {
    expect(excelErrorOf(() => levelFunction(null, 20)).code).toBe("#N/A");
  });
});
