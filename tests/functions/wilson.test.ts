import { wilsonFunction } from "../../src/functions/functions";
import { excelErrorOf, installCustomFunctionsStub } from "./customFunctionsStub";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsStub();
});
afterAll(() => uninstall());

const omitted = null as unknown as number;

describe("SHNOR.WILSON (ДОВИНТЕРВАЛ)", () => {
  it("gives 10 of 20 at 95 % as [0.2993; 0.7007] in one row of two cells", () => {
    const out = wilsonFunction(0.5, 20, omitted);
    expect(out).toHaveLength(1);
    expect(out[0]?.[0]).toBeCloseTo(0.2993, 4);
    expect(out[0]?.[1]).toBeCloseTo(0.7007, 4);
  });

  it("takes the level: 45 of 100 at 95 % → [0.3561; 0.5476]; at 99 % 10 of 20 → lower 0.2504", () => {
    const out = wilsonFunction(0.45, 100, 0.95);
    expect(out[0]?.[0]).toBeCloseTo(0.3561, 4);
    expect(out[0]?.[1]).toBeCloseTo(0.5476, 4);
    expect(wilsonFunction(0.5, 20, 0.99)[0]?.[0]).toBeCloseTo(0.2504, 4);
  });

  it("accepts numbers written as text with a decimal comma", () => {
    expect(wilsonFunction("0,5", "20", omitted)[0]?.[0]).toBeCloseTo(0.2993, 4);
  });

  it.each([
    ["a share of 1.5", 1.5, 20, omitted, "#VALUE!", "доля: 1,5 — ожидалась доля от 0 до 1"],
    ["a share as words", "половина", 20, omitted, "#VALUE!", "доля"],
    ["no participants", 0.5, 0, omitted, "#VALUE!", "n: 0 — ожидалось число участников больше 0"],
    ["a level of 1", 0.5, 20, 1, "#VALUE!", "уровень: 1 — ожидалось число больше 0 и меньше 1"],
    ["a blank share", null, 20, omitted, "#N/A", "доля: пустая ячейка"],
  ] as const)("%s is %s with a Russian message", (_t, share, n, level, code, message) => {
    const e = excelErrorOf(() => wilsonFunction(share, n, level));
    expect(e?.code).toBe(code);
    expect(e?.message).toContain(message);
  });
});
