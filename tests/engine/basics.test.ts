import {
  attainmentLevel,
  bMid,
  bMin,
  countScores,
  fitLine,
  groupOf,
  markFromScore,
  percentileInc,
  subjectIndices,
  swi,
  thresholds,
  weightedShare,
} from "../../src/engine";

describe("percentileInc", () => {
  it("interpolates like Excel's PERCENTILE.INC (SPEC §10: Q1 of {80, 50, 70, 60} is 57.5)", () => {
    expect(percentileInc([80, 50, 70, 60], 0.25)).toBeCloseTo(57.5, 12);
  });
  it.each([
    ["one value is its own percentile", [42], 0.25, 42],
    ["k = 0 is the minimum", [3, 1, 2], 0, 1],
    ["k = 1 is the maximum", [3, 1, 2], 1, 3],
    ["ties give the tied value", [5, 5, 5, 9], 0.5, 5],
    ["P90 of 1..10 is 9.1", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    ["P10 of 0, 0.1, …, 0.4 is 0.04", [0, 0.1, 0.2, 0.3, 0.4], 0.1, 0.04],
    ["negative numbers sort numerically, not as text", [-10, 2, -3, 11], 0.5, -0.5],
  ])("%s", (_name, values, k, expected) => {
    expect(percentileInc(values, k)).toBeCloseTo(expected, 12);
  });
  it("is undefined for an empty list or k outside [0, 1]", () => {
    expect(percentileInc([], 0.5)).toBeNull();
    expect(percentileInc([1, 2], 1.5)).toBeNull();
    expect(percentileInc([1, 2], -0.1)).toBeNull();
  });
  it("does not reorder its argument", () => {
    const values = [3, 1, 2];
    percentileInc(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("swi", () => {
  it.each([
    ["clips at 100", 40, 10, 5, 100],
    ["is 85 + Дв − Дн − Ду inside the range", 10, 30, 10, 55],
    ["clips at 0", 2, 60, 40, 0],
    ["is exactly 100 at the upper edge", 15, 0, 0, 100],
    ["keeps fractional points", 10.5, 20.25, 3, 72.25],
  ])("%s", (_name, dv, dn, du, expected) => {
    expect(swi(dv, dn, du)).toBeCloseTo(expected, 12);
  });
  it("uses the editable base Ш", () => {
    expect(swi(10, 30, 10, 80)).toBe(50);
  });
  it.each([
    ["Дв", null, 1, 1],
    ["Дн", 1, null, 1],
    ["Ду", 1, 1, null],
  ])("is undefined when %s is missing", (_name, dv, dn, du) => {
    expect(swi(dv, dn, du)).toBeNull();
  });
});

describe("thresholds", () => {
  it("gives B_min = min + 5 % of max and B_mid halfway to B_top (SPEC §10)", () => {
    expect(bMin(7, 20)).toBeCloseTo(8, 12);
    expect(bMid(7, 20, 15)).toBeCloseTo(11.5, 12);
    expect(thresholds({ minScore: 7, maxScore: 20, highScore: 15 }, 0.05)).toEqual({ bMin: 8, bMid: 11.5, bTop: 15 });
  });
  it("uses the editable margin", () => {
    expect(bMin(7, 20, 0.1)).toBeCloseTo(9, 12);
    expect(bMin(24, 100, 0)).toBe(24);
  });
});

describe("subject indices", () => {
  const t = { bMin: 8, bMid: 11.5, bTop: 15 };
  it("counts the SPEC §10 example: low 1/6, mass 3/6, high 2/6", () => {
    expect(countScores([7, 8, 11, 12, 15, 20], t)).toEqual({ participants: 6, belowMin: 1, atLeastMid: 3, atLeastTop: 2 });
    const ix = subjectIndices([7, 8, 11, 12, 15, 20], t);
    expect(ix.low).toBeCloseTo(1 / 6, 12);
    expect(ix.mass).toBeCloseTo(3 / 6, 12);
    expect(ix.high).toBeCloseTo(2 / 6, 12);
  });
  it("puts a score exactly at B_min above the low band and exactly at B_top into the high band", () => {
    expect(countScores([8], t)).toEqual({ participants: 1, belowMin: 0, atLeastMid: 0, atLeastTop: 0 });
    expect(countScores([15], t)).toEqual({ participants: 1, belowMin: 0, atLeastMid: 1, atLeastTop: 1 });
    expect(countScores([7.999], t).belowMin).toBe(1);
    expect(countScores([11.5], t).atLeastMid).toBe(1);
  });
  it("is undefined, not 0, with no participants", () => {
    expect(subjectIndices([], t)).toEqual({ participants: 0, low: null, mass: null, high: null });
  });
  it("weighs shares by participants and skips undefined ones", () => {
    expect(weightedShare([{ share: 0.5, weight: 10 }, { share: 0, weight: 30 }])).toBeCloseTo(0.125, 12);
    expect(weightedShare([{ share: null, weight: 10 }, { share: 0.2, weight: 5 }])).toBeCloseTo(0.2, 12);
    expect(weightedShare([{ share: 0.3, weight: 0 }])).toBeNull();
    expect(weightedShare([])).toBeNull();
  });
});

describe("markFromScore", () => {
  const cuts = { cut3: 8, cut4: 13, cut5: 17 };
  it.each([
    [7, 2],
    [8, 3],
    [12.5, 3],
    [13, 4],
    [16, 4],
    [17, 5],
    [20, 5],
  ])("score %d gives mark %d", (score, mark) => {
    expect(markFromScore(score, cuts)).toBe(mark);
  });
  it("is unknown without cut-offs", () => {
    expect(markFromScore(10, { cut3: 8, cut4: null, cut5: 17 })).toBeNull();
  });
});

describe("attainmentLevel", () => {
  it.each([
    [0, "низкий"],
    [4.99, "низкий"],
    [5, "пониженный"],
    [9.99, "пониженный"],
    [10, "базовый"],
    [12.99, "базовый"],
    [13, "повышенный"],
    [16.99, "повышенный"],
    [17, "высокий"],
    [20, "высокий"],
  ])("score %d of 20 is %s", (score, level) => {
    expect(attainmentLevel(score, 20)).toBe(level);
  });
  it("uses editable cut points", () => {
    expect(attainmentLevel(10, 20, [0.1, 0.2, 0.3, 0.6])).toBe("повышенный");
  });
  it("is undefined for a zero maximum", () => {
    expect(attainmentLevel(3, 0)).toBeNull();
  });
});

describe("fitLine and groupOf", () => {
  it("reproduces the SPEC §10 regression", () => {
    const fit = fitLine([50, 60, 70, 80], [0.4, 0.5, 0.8, 0.7]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.value.slope).toBeCloseTo(0.012, 12);
    expect(fit.value.intercept).toBeCloseTo(-0.18, 12);
    const expected = [-0.02, -0.04, 0.14, -0.08];
    fit.value.residuals.forEach((r, i) => expect(r).toBeCloseTo(expected[i] as number, 12));
    expect(fit.value.sigma).toBeCloseTo(Math.sqrt(0.028 / 2), 12);
    expect(fit.value.r2).toBeCloseTo(1 - 0.028 / 0.1, 12);
    expect(fit.value.residuals.map((r) => groupOf(r, fit.value.sigma, 1))).toEqual(["ordinary", "ordinary", "effective", "ordinary"]);
  });
  it("marks a residual below −kσ as not coping and keeps the boundary ordinary", () => {
    expect(groupOf(-0.2, 0.1, 1)).toBe("notCoping");
    expect(groupOf(0.1, 0.1, 1)).toBe("ordinary");
    expect(groupOf(-0.1, 0.1, 1)).toBe("ordinary");
    expect(groupOf(0.15, 0.1, 2)).toBe("ordinary");
  });
  it("refuses fewer than 3 schools and equal ИСБ, saying why", () => {
    const two = fitLine([1, 2], [1, 2]);
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.reason).toMatch(/не меньше 3/);
    const flat = fitLine([5, 5, 5], [1, 2, 3]);
    expect(flat.ok).toBe(false);
    if (!flat.ok) expect(flat.reason).toMatch(/одинаковый ИСБ/);
  });
});
