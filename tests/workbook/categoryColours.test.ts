/** The category colours read apart and their text reads on them (WCAG 2 contrast ratios). */
import { CATEGORY_ORDER, CATEGORY_STYLES } from "../../src/workbook/sheetCells";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe("category colours", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrast("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrast("#FFF2CC", "#FFEB9C")).toBeCloseTo(1.07, 2); // the old risk-zone fill next to ШНСУ
  });

  it("tells the risk zone from ШНСУ (fills at least 1.3:1)", () => {
    const risk = CATEGORY_STYLES["Зона риска"].fill ?? "";
    const shnsu = CATEGORY_STYLES["ШНСУ"].fill ?? "";
    expect(contrast(risk, shnsu)).toBeGreaterThanOrEqual(1.3);
  });

  it.each(CATEGORY_ORDER)("writes %s's text at 4.5:1 or more on its fill", (category) => {
    const style = CATEGORY_STYLES[category];
    expect(contrast(style.font ?? "#000000", style.fill ?? "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
  });

  it("gives every category a fill of its own", () => {
    expect(new Set(CATEGORY_ORDER.map((c) => CATEGORY_STYLES[c].fill)).size).toBe(CATEGORY_ORDER.length);
  });
});
