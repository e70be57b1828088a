/** The demo region as input-workbook sheets (pure; the writers live in src/workbook). */
import type { InputSheet } from "../workbook/inputWriter";
import type { CellValue } from "../schema/raw";
import { generateDemoRegion, SCHOOLS_SPEC_COLUMNS, SCHOOLS_YEAR_COLUMN, type DemoOptions, type DemoRegion } from "./region";

export const DEMO_WORKBOOK_PATH = "assets/demo/demo-region.xlsx";

/** The second demo file: a small region without any optional input, so the «нет данных» paths show. */
export const DEMO_MINIMAL_WORKBOOK_PATH = "assets/demo/demo-region-minimal.xlsx";
export const DEMO_MINIMAL_OPTIONS: DemoOptions = { schools: 60, municipalities: 6 };

/** Sheets that only the monitoring and the 500+ profile read. */
const OPTIONAL_SHEETS = new Set(["Мониторинг МО", "Профиль рисков"]);

/**
 * The demo region without the optional inputs: no «Мониторинг МО», no «Профиль рисков», and
 * «Школы» with the SPEC's columns only (no monitoring or activity columns, no `Год`) and only the
 * latest year's rows (so «Риски ликвидированы» has neither its column nor two years).
 */
export function minimalDemoInputSheets(region: DemoRegion): InputSheet[] {
  const latest = Math.max(...region.options.years);
  return demoInputSheets(region)
    .filter((s) => !OPTIONAL_SHEETS.has(s.name))
    .map((s) =>
      s.name !== "Школы"
        ? s
        : {
            ...s,
            header: s.header.slice(0, SCHOOLS_SPEC_COLUMNS),
            textColumns: s.textColumns.filter((c) => c < SCHOOLS_SPEC_COLUMNS),
            rows: () => latestRowsSliced(s.rows(), latest, SCHOOLS_SPEC_COLUMNS),
          },
    );
}

/** The rows of the latest year, cut to their first `n` cells. */
function* latestRowsSliced(rows: Iterable<readonly CellValue[]>, latest: number, n: number): Iterable<CellValue[]> {
  for (const r of rows) if (r[SCHOOLS_YEAR_COLUMN] === latest) yield r.slice(0, n);
}

export function demoInputSheets(region: DemoRegion): InputSheet[] {
  return region.sheets.map((s) => ({ name: s.name, header: s.header, textColumns: s.textColumns, rows: () => s.rows() }));
}

export function demoSheets(options: DemoOptions = {}): InputSheet[] {
  return demoInputSheets(generateDemoRegion(options));
}
