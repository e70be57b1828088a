/**
 * The scatter chart of the result regressed on ИСБ (SPEC.md §6), drawn over the «Итоги» sheet's
 * own columns «ИСБ» and «Результат для регрессии» with a linear trendline — the least-squares
 * line of the points shown, i.e. the regression the groups come from. Part of the result sheets
 * of every shell; only the Office adapter draws charts (the .xlsx library cannot).
 */
import { columnLetters, type ChartSpec, type SheetSpec } from "./port";

export const REGRESSION_X_HEADER = "ИСБ";
export const REGRESSION_Y_HEADER = "Результат для регрессии";
export const REGRESSION_CHART_TITLE = "Результат и ИСБ: линия регрессии";

/** The chart for a summary sheet, or null when it lacks the columns or the rows. */
export function regressionChart(summary: SheetSpec): ChartSpec | null {
  const x = summary.columns.findIndex((c) => c.header === REGRESSION_X_HEADER);
  const y = summary.columns.findIndex((c) => c.header === REGRESSION_Y_HEADER);
  const n = summary.rows.length;
  if (x < 0 || y < 0 || n < 2) return null;
  const column = (c: number): string => `${columnLetters(c)}2:${columnLetters(c)}${n + 1}`;
  return {
    type: "scatter",
    title: REGRESSION_CHART_TITLE,
    categories: column(x),
    series: [{ name: REGRESSION_Y_HEADER, values: column(y) }],
    // Right of the table, where the analyst sees it next to the first rows.
    anchor: `${columnLetters(summary.columns.length + 1)}2`,
  };
}

/**
 * The sheets with the regression chart on the one that has the «ИСБ» and «Результат для
 * регрессии» columns (Итоги), unless it already has a scatter chart.
 */
export function withRegressionChart(sheets: readonly SheetSpec[]): SheetSpec[] {
  return sheets.map((s) => {
    if ((s.charts ?? []).some((c) => c.type === "scatter")) return s;
    const chart = regressionChart(s);
    return chart === null ? s : { ...s, charts: [...(s.charts ?? []), chart] };
  });
}
