/**
 * Cross-row rules of the optional monitoring data (seeds 001, 002): counts of `Школы` that
 * cannot exceed another count, and the rows of `Мониторинг МО` (known municipality, one answer
 * per municipality × indicator × year, indicator names that are not seed 001's).
 */
import { indicatorKey, isRegionalIndicatorRow, knownYesNoIndicator } from "../../../src/engine/monitoring/municipal";
import type { MunicipalIndicatorRow, School, SchoolMonitoring } from "../../../src/engine/types";
import { columnList } from "../../../src/schema/columns";
import type { ReadRow, ReadSheet } from "./readSheet";
import { SCHOOL_MONITORING_FIELDS, SCHOOL_MONITORING_PARTS } from "../../../src/schema/monitoringSheets";
import { SCHOOLS_SHEET } from "../../../src/schema/sheets";
import type { IssueSink } from "../../../src/schema/sink";

const HEADERS = new Map(columnList(SCHOOLS_SHEET).map((c) => [c.field, c.def.header]));

/**
 * Leaves out of each school row the monitoring fields whose column is not on the sheet, so that
 * the engine tells "no column" (absent) from "empty cell" (`null`) and rows without the
 * monitoring columns stay as they were.
 */
export function dropAbsentMonitoringFields(sheet: ReadSheet<School>, rows: readonly ReadRow<School>[]): ReadRow<School>[] {
  const absent = SCHOOL_MONITORING_FIELDS.filter((f) => !sheet.columns.has(f));
  if (absent.length === 0) return [...rows];
  return rows.map((r) => {
    const value: Record<string, unknown> = { ...r.value };
    for (const f of absent) delete value[f];
    return { row: r.row, value: value as unknown as School };
  });
}

/** A part (teachers with ИОМ) above its whole (all teachers) on `Школы`: an error at the part's cell. */
export function checkMonitoringCounts(sheet: ReadSheet<School>, rows: readonly ReadRow<School>[], sink: IssueSink): ReadRow<School>[] {
  const kept: ReadRow<School>[] = [];
  for (const r of rows) {
    let ok = true;
    for (const [part, whole] of SCHOOL_MONITORING_PARTS) {
      const n = (r.value as SchoolMonitoring)[part];
      const m = (r.value as SchoolMonitoring)[whole];
      if (typeof n !== "number" || typeof m !== "number" || n <= m) continue;
      sink.push({
        code: "counts-inconsistent",
        sheet: sheet.name,
        row: r.row,
        column: sheet.columns.get(part) ?? null,
        details: { left: `«${HEADERS.get(part) ?? part}»`, leftValue: n, right: `«${HEADERS.get(whole) ?? whole}»`, rightValue: m },
      });
      ok = false;
    }
    if (ok) kept.push(r);
  }
  return kept;
}

/**
 * `Мониторинг МО`: a municipality not on `Школы` (warning, row left out; checked only when the
 * municipalities are known), a repeated municipality × indicator × year (error), and an
 * indicator that is not one of seed 001's yes/no indicators (info, once per name: it is kept as
 * the region's own indicator).
 */
export function checkMunicipalIndicators(
  sheet: ReadSheet<MunicipalIndicatorRow>,
  municipalities: ReadonlySet<string> | null,
  sink: IssueSink,
): ReadRow<MunicipalIndicatorRow>[] {
  const kept: ReadRow<MunicipalIndicatorRow>[] = [];
  const first = new Map<string, number>();
  const noted = new Set<string>();
  for (const r of sheet.rows) {
    const v = r.value;
    if (municipalities !== null && !municipalities.has(v.municipality)) {
      sink.push({ code: "unknown-municipality", sheet: sheet.name, row: r.row, column: sheet.columns.get("municipality") ?? null, received: v.municipality });
      continue;
    }
    const known = knownYesNoIndicator(v.indicator);
    const key = `${v.municipality}\u0000${known?.id ?? indicatorKey(v.indicator)}\u0000${v.year ?? ""}`;
    const seen = first.get(key);
    if (seen !== undefined) {
      sink.push({
        code: "duplicate-municipal-indicator",
        sheet: sheet.name,
        row: r.row,
        column: sheet.columns.get("indicator") ?? null,
        details: { key: `${v.municipality}, «${v.indicator}»${v.year === null ? "" : `, ${v.year} год`}`, firstRow: seen + 1 },
      });
      continue;
    }
    first.set(key, r.row);
    if (known === null && !isRegionalIndicatorRow(v.indicator) && !noted.has(indicatorKey(v.indicator))) {
      noted.add(indicatorKey(v.indicator));
      sink.push({ code: "unknown-indicator", sheet: sheet.name, row: r.row, column: sheet.columns.get("indicator") ?? null, received: v.indicator });
    }
    kept.push(r);
  }
  return kept;
}
