import { changeMeetsTarget, changeTarget, indexChange, meets, targetFor, type MonitoringTarget } from "../../src/engine";

describe("indexChange", () => {
  it.each([
    // [from, to, mode, expected]
    [0.3, 0.26, "points", -0.04],
    [0.3, 0.27, "relative", -0.1],
    [0, 0.1, "relative", null], // no previous value to be relative to
    [null, 0.1, "points", null],
    [0.1, null, "points", null],
  ] as const)("gives %p → %p in %s as %p", (from, to, mode, expected) => {
    const v = indexChange(from, to, mode);
    if (expected === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(expected, 12);
  });
});

describe("changeMeetsTarget (seed 002 «Не менее 3%», 3 points by default)", () => {
  const p = { dynamicsTargetPoints: 3 };

  it.each([
    // [index, change, met]
    ["low", -0.04, true],
    ["low", 0.54 - 0.57, true], // −0.0300000…01: exactly three points, in spite of binary noise
    ["low", -0.029, false],
    ["low", 0.05, false],
    ["mass", 0.57 - 0.54, true], // 0.0299999…: exactly three points
    ["mass", 0.02, false],
    ["mass", null, null],
  ] as const)("gives %s index change %p → %p", (index, change, met) => {
    expect(changeMeetsTarget(index, change, p)).toBe(met);
  });

  it("signs the target by the direction the index must move", () => {
    expect([changeTarget("low", p), changeTarget("mass", p)]).toEqual([-0.03, 0.03]);
  });
});

describe("meets", () => {
  it.each([
    [0.1, 0.1, "atMost", true],
    [0.11, 0.1, "atMost", false],
    [0.95, 0.95, "atLeast", true],
    [0.9, 0.95, "atLeast", false],
    [null, 0.95, "atLeast", null],
    [0.9, null, "atLeast", null],
  ] as const)("says %p against %p (%s) is %p", (value, target, comparison, expected) => {
    expect(meets(value, target, comparison)).toBe(expected);
  });
});

describe("targetFor", () => {
  const steps: MonitoringTarget[] = [
    { fromYear: 2022, value: 0.1 },
    { fromYear: 2021, value: 0.15 },
  ];

  it.each([
    [2020, 0.15], // before every step: the earliest
    [2021, 0.15],
    [2022, 0.1],
    [2025, 0.1],
    [null, 0.1], // no year: the latest step
  ])("gives the target of %p", (year, expected) => {
    expect(targetFor(steps, year)).toBe(expected);
  });

  it("gives no target without steps", () => {
    expect(targetFor(undefined, 2024)).toBeNull();
    expect(targetFor([], 2024)).toBeNull();
  });
});
