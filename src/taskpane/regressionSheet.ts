/**
 * The pane's extra result sheet: the result regressed on ИСБ (SPEC.md §6) school by school, with
 * the fitted line and the residual, so the groups can be checked; the Office adapter draws a
 * scatter chart of it with the regression line.
 */
import type { IdentificationResult } from "../engine";
import { GROUP_NAMES } from "../engine";
import type { ScatterChartSpec } from "../workbook/officeAdapter";
import type { SheetSpec, SpecCell } from "../workbook/port";

export const REGRESSION_SHEET = "Регрессия";
export const REGRESSION_X_COLUMN = 3;
export const REGRESSION_Y_COLUMN = 4;

export function regressionSheet(result: IdentificationResult): SheetSpec {
  const { slope, intercept } = result.region.regression;
  const rows: SpecCell[][] = [];
  for (const s of result.schools) {
    if (s.swi === null || s.groupResult === null) continue;
    const fitted = slope === null || intercept === null ? null : intercept + slope * s.swi;
    rows.push([s.id, s.name, s.municipality, s.swi, s.groupResult, fitted, s.groupResidual, s.group === null ? null : GROUP_NAMES[s.group]]);
  }
  return {
    name: REGRESSION_SHEET,
    columns: [
      { header: "Код ОО", width: 10, format: "@" },
      { header: "Наименование", width: 42, format: "@" },
      { header: "Муниципалитет", width: 24, format: "@" },
      { header: "ИСБ", width: 8, format: "0.0" },
      { header: "Результат", width: 11, format: "0.0%" },
      { header: "Линия регрессии", width: 11, format: "0.0%" },
      { header: "Остаток", width: 10, format: "0.000" },
      { header: "Группа", width: 18, format: "@" },
    ],
    rows,
    styles: [],
    table: { name: "ШНОР_Регрессия" },
    freezeHeader: true,
  };
}

/** The chart of the regression sheet as written under `actualName`. */
export function regressionChart(sheet: SheetSpec, actualName: string): ScatterChartSpec {
  return {
    sheet: actualName,
    xColumn: REGRESSION_X_COLUMN,
    yColumn: REGRESSION_Y_COLUMN,
    rows: sheet.rows.length,
    title: "Результат и ИСБ: линия регрессии",
    xTitle: "ИСБ",
    yTitle: "Результат",
    anchor: "J2",
  };
}
