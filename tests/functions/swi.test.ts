import { swiFunction } from "../../src/functions/functions";
import { excelErrorOf, installCustomFunctionsStub } from "./customFunctionsStub";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsStub();
});
afterAll(() => uninstall());

describe("SHNOR.SWI", () => {
  it.each([
    // SPEC.md §10
    [40, 10, 5, 100],
    [10, 30, 10, 55],
    [2, 60, 40, 0],
  ])("gives %p, %p, %p → %p", (dv, dn, du, expected) => {
    expect(swiFunction(dv, dn, du, null as unknown as number)).toBe(expected);
  });

  it("reads three shares within [0, 1] as fractions from percent-formatted cells", () => {
    expect(swiFunction(0.1, 0.3, 0.1)).toBeCloseTo(55, 10);
    expect(swiFunction(0.4, 0.1, 0.05)).toBe(100);
  });

  it("keeps percent points when any share is above 1", () => {
    expect(swiFunction(0.5, 30, 10)).toBeCloseTo(45.5, 10);
  });

  it("takes Ш from the optional argument and 85 when it is omitted (null)", () => {
    expect(swiFunction(10, 30, 10, 90)).toBe(60);
    expect(swiFunction(10, 30, 10, null as unknown as number)).toBe(55);
  });

  it("accepts numbers stored as text with a decimal comma", () => {
    expect(swiFunction("10,5", "30", " 10 ")).toBeCloseTo(55.5, 10);
  });

  const bad: readonly [string, unknown[], string, RegExp][] = [
    ["text in Дв", ["abc", 30, 10], "#VALUE!", /^Дв: «abc» — ожидалось число/],
    ["Дн above 100", [10, 130, 10], "#VALUE!", /^Дн: 130 — ожидалась доля в процентах от 0 до 100/],
    ["negative Ду", [10, 30, -1], "#VALUE!", /^Ду: -1/],
    ["a boolean Дв", [true, 30, 10], "#VALUE!", /^Дв: ИСТИНА/],
    ["text in Ш", [10, 30, 10, "x"], "#VALUE!", /^Ш: «x»/],
    ["a blank Дн", [10, null, 10], "#N/A", /нет значения Дн/],
    ["blank Дв and Ду", [null, 30, ""], "#N/A", /нет значения Дв, Ду/],
  ];
  it.each(bad)("rejects %s", (_name, args, code, message) => {
    const e = excelErrorOf(() => (swiFunction as (...a: unknown[]) => unknown)(...args));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});
