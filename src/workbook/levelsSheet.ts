/**
 * «Уровни» (SPEC.md §9a, seed 000): the distribution of results over the five attainment levels
 * per procedure unit — the region first (a row per year × unit), then every school — with the
 * share at or above «базовый». A 100 % stacked bar chart shows the region's levels per procedure
 * in the latest year (only the Office adapter draws it).
 */
import { ATTAINMENT_LEVELS, type AttainmentResult, type LevelRow } from "../engine/attainment";
import { columnLetters, type ChartSpec, type ColumnSpec, type SheetSpec, type SpecCell, type StyledCell } from "./port";
import { integer, percent, text, TOTAL_STYLE } from "./sheetCells";

export const LEVELS_SHEET_NAME = "Уровни";
export const LEVELS_CHART_TITLE = "Уровни достижений по процедурам (регион)";
const REGION = "Регион";

/**
 * @example
 * levelsSheet(result.levels, new Map([["01001", "СОШ № 1"]])).rows[0] // ["Регион", null, 2023, "ВПР 4 кл.", 5210, …]
 */
export function levelsSheet(levels: AttainmentResult, names: ReadonlyMap<string, string>): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Код ОО", 10),
    text("Наименование", 40),
    integer("Год", 7),
    text("Процедура", 12),
    integer("Результатов", 11),
    ...ATTAINMENT_LEVELS.map((l) => integer(`${l}: результатов`, 11)),
    ...ATTAINMENT_LEVELS.map((l) => percent(`${l}, %`, 10)),
    percent("Не ниже базового, %", 12),
  ];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  // A row: who, year, procedure, results, the count of each level, the share of each level, «не ниже
  // базового». Pushed one by one (no spread): a region has tens of thousands of these rows.
  const row = (who: SpecCell, name: SpecCell, r: LevelRow): SpecCell[] => {
    const out: SpecCell[] = [who, name, r.year, r.procedure, r.results];
    for (const c of r.counts) out.push(c);
    for (const c of r.counts) out.push(r.results > 0 ? c / r.results : null);
    out.push(r.basicOrAbove);
    return out;
  };
  for (const r of levels.region) {
    styles.push({ row: rows.length, column: 0, style: TOTAL_STYLE });
    rows.push(row(REGION, null, r));
  }
  for (const r of levels.schools) rows.push(row(r.schoolId, names.get(r.schoolId as string) ?? null, r));
  if (rows.length === 0) rows.push([null, "нет данных: уровни считаются по баллам участников (лист «Баллы»)", ...new Array<SpecCell>(columns.length - 2).fill(null)]);
  const chart = levelsChart(levels, columns.length);
  return { name: LEVELS_SHEET_NAME, columns, rows, styles, table: null, freezeHeader: true, ...(chart === null ? {} : { charts: [chart] }) };
}

/** The region's rows of the latest year are contiguous (years ascending): categories are their units, a series per level share. */
function levelsChart(levels: AttainmentResult, width: number): ChartSpec | null {
  const first = levels.region.findIndex((r) => r.year === levels.latestYear);
  if (first < 0) return null;
  const last = levels.region.length - 1;
  const range = (c: number): string => `${columnLetters(c)}${first + 2}:${columnLetters(c)}${last + 2}`;
  const shareColumn = 5 + ATTAINMENT_LEVELS.length;
  return {
    type: "stackedBar",
    title: `${LEVELS_CHART_TITLE}, ${String(levels.latestYear)}`,
    categories: range(3),
    series: ATTAINMENT_LEVELS.map((l, i) => ({ name: l, values: range(shareColumn + i) })),
    anchor: `${columnLetters(width + 1)}2`,
  };
}
