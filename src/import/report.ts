/** The recognition table the import prints and the pane shows: a line per file and sheet. */
import { FORM_NAMES, type SheetReport } from "./model";

export const REPORT_HEADER: readonly string[] = ["Файл", "Лист", "Форма", "Процедура", "Предмет", "Класс", "Год", "Школ", "Строк", "Пропущено", "Причины"];

function list<T>(xs: readonly T[]): string {
  return xs.length === 0 ? "—" : xs.join(", ");
}

/** One report line as cells (for a table in the pane, a sheet or the terminal). */
export function reportCells(r: SheetReport): string[] {
  return [
    r.file,
    r.sheet,
    r.form === null ? "не распознан" : FORM_NAMES[r.form],
    r.procedure ?? "—",
    list(r.subjects),
    list(r.grades),
    list(r.years),
    String(r.schools),
    String(r.rows),
    String(r.leftOut),
    r.reasons.length === 0 ? "" : r.reasons.join("; "),
  ];
}

/** The table as aligned text for a terminal. */
export function reportTable(reports: readonly SheetReport[]): string {
  const rows = [REPORT_HEADER as string[], ...reports.map(reportCells)];
  const widths = REPORT_HEADER.map((_, c) => Math.min(40, Math.max(...rows.map((r) => (r[c] ?? "").length))));
  const cut = (s: string, w: number): string => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : cut(c, widths[i] ?? 10))).join("  ").trimEnd()).join("\n") + "\n";
}
