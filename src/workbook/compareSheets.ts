/**
 * The sheets of a methodology comparison (issue 15) as format-neutral {@link SheetSpec}s, for the
 * command line (`shnor compare`) and the task pane alike: «Сравнение методик» (a school a row, the
 * category under each methodology in the category colours, the rule that fired, on the lists of
 * all / some / none, why they differ) and «Сводка сравнения» (counts per methodology, the overlap
 * matrices for ШНОР and ШНСУ, the explanation lines).
 */
import { LIST_STATUSES, LISTED_IN_NAMES, overlapOf, STATUS_NAMES, type ListStatus, type MethodologyComparison } from "../engine/compare";
import { plural } from "../engine/format";
import { PARAMETER_LABELS } from "../engine/methodology";
import type { ColumnSpec, SheetSpec, SpecCell, StyledCell } from "./port";
import { parameterCell } from "./resultSheets";
import { CATEGORY_STYLES, general, text, TOTAL_STYLE } from "./sheetCells";

export const COMPARE_SHEET_NAMES = { schools: "Сравнение методик", summary: "Сводка сравнения" } as const;

/** Both sheets, in workbook order. */
export function compareSheets(c: MethodologyComparison): SheetSpec[] {
  return [comparisonSheet(c), comparisonSummarySheet(c)];
}

/** "ШНОР — КБР: …; Брянск: …", one line per list the methodologies disagree on. */
function explanationLines(s: MethodologyComparison["schools"][number]): string[] {
  return s.explanations.map((e) => `${STATUS_NAMES[e.status]} — ${e.text}`);
}

export function comparisonSheet(c: MethodologyComparison): SheetSpec {
  const columns: ColumnSpec[] = [text("Код ОО", 10), text("Наименование", 36), text("Муниципалитет", 22)];
  for (const p of c.presets) columns.push(text(p.label, 13), text(`${p.label}: правило ШНОР`, 13));
  columns.push(text("В списках ШНОР/ШНСУ методик", 14), text("Почему методики расходятся", 90, true));
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  c.schools.forEach((s, i) => {
    const row: SpecCell[] = [s.id, s.name, s.municipality];
    c.presets.forEach((p, k) => {
      const category = s.categories[p.id];
      row.push(category ?? null, (s.rules[p.id] ?? []).join(", ") || null);
      if (category !== undefined) styles.push({ row: i, column: 3 + 2 * k, style: CATEGORY_STYLES[category] });
    });
    row.push(LISTED_IN_NAMES[s.listedIn], explanationLines(s).join("\n") || null);
    rows.push(row);
  });
  return { name: COMPARE_SHEET_NAMES.schools, columns, rows, styles, table: { name: "ШНОР_Сравнение" }, freezeHeader: true };
}

/** A parameter as text, numbers with the decimal comma. */
function cellText(key: string, value: unknown): string {
  const cell = parameterCell(key, value);
  return typeof cell === "number" ? String(cell).replace(".", ",") : String(cell);
}

/** The statistics runs in words: "один расчёт на все методики: m = 0.05, …". */
function statisticsText(c: MethodologyComparison): string {
  const describe = (parameters: Readonly<Record<string, unknown>>): string =>
    Object.entries(parameters)
      .map(([k, v]) => `${k} = ${cellText(k, v)}`)
      .join(", ");
  const label = (id: string): string => c.presets.find((p) => p.id === id)?.label ?? id;
  if (c.statistics.length === 1) return `Индексы оценочных процедур рассчитаны один раз для всех методик (${describe(c.statistics[0]?.parameters ?? {})})`;
  return (
    `Индексы оценочных процедур рассчитаны ${c.statistics.length} ${plural(c.statistics.length, "раз", "раза", "раз")} — методики расходятся в параметрах расчёта: ` +
    c.statistics.map((s) => `${s.presets.map(label).join(", ")} — ${describe(s.parameters)}`).join("; ")
  );
}

function changedText(changed: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(changed).sort();
  if (keys.length === 0) return "параметры по умолчанию";
  return "изменены: " + keys.map((k) => `${PARAMETER_LABELS[k as keyof typeof PARAMETER_LABELS] ?? k} (${k}) = ${cellText(k, changed[k])}`).join("; ");
}

export function comparisonSummarySheet(c: MethodologyComparison): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Методика", 36),
    general("ШНОР", 15),
    general("ШНСУ", 15),
    general("ШНОР и ШНСУ", 15),
    general("ШНОР ∪ ШНСУ", 15),
    general("Зона риска", 15),
    general("Без рисков", 15),
    text("Пояснение", 100, true),
  ];
  const width = columns.length;
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  const pad = (cells: SpecCell[]): SpecCell[] => [...cells, ...Array<SpecCell>(Math.max(0, width - cells.length)).fill(null)];
  const title = (cells: SpecCell[]): void => {
    styles.push({ row: rows.length, style: TOTAL_STYLE });
    rows.push(pad(cells));
  };
  const blank = (): void => {
    rows.push(pad([]));
  };

  for (const p of c.presets) {
    const n = p.counts;
    rows.push([p.label, n.shnor, n.shnsu, n.shnorAndShnsu, n.shnorOrShnsu, n.riskZone, n.noRisk, `${p.name}; ${changedText(p.changed)}`]);
  }
  blank();
  rows.push(pad([statisticsText(c)]));

  const matrix = (status: ListStatus, heading: string, note: string, value: (row: string, column: string) => number | null): void => {
    blank();
    const labels: SpecCell[] = c.presets.map((p) => p.label);
    title([`${STATUS_NAMES[status]}: ${heading}`, ...labels, ...Array<SpecCell>(Math.max(0, width - 2 - labels.length)).fill(null), note]);
    for (const a of c.presets) {
      rows.push(pad([a.label, ...c.presets.map((b) => value(a.id, b.id))]));
    }
  };
  const own = (status: ListStatus, id: string): number => c.presets.find((p) => p.id === id)?.counts[status] ?? 0;
  for (const status of LIST_STATUSES) {
    matrix(status, "в обеих методиках", "школ в списках и методики строки, и методики столбца; на диагонали — всего по методике", (a, b) => (a === b ? own(status, a) : (overlapOf(c, status, a, b)?.both ?? 0)));
    matrix(status, "только у методики строки", "школ в списке методики строки, которых нет в списке методики столбца", (a, b) => (a === b ? null : (overlapOf(c, status, a, b)?.onlyFirst ?? 0)));
  }

  blank();
  const disagreements = c.schools.flatMap((s) => s.explanations.map((e) => ({ s, e })));
  title(["Почему методики расходятся", "Список", null, null, null, null, null, disagreements.length === 0 ? "методики выявляют одни и те же школы" : `школ: ${new Set(disagreements.map((d) => d.s.id)).size}`]);
  for (const { s, e } of disagreements) rows.push([`${s.id} ${s.name}`, STATUS_NAMES[e.status], null, null, null, null, null, e.text]);

  return { name: COMPARE_SHEET_NAMES.summary, columns, rows, styles, table: null, freezeHeader: true };
}
