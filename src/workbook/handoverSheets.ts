/**
 * The sheets of what the analyst hands over (SPEC.md §12), as format-neutral {@link SheetSpec}s:
 * «Перечень ШНОР», «Перечень ШНСУ», «Перечень зоны риска» (№, municipality, code, school,
 * category, basis in one line — ready for an order's annex; the file adapter prints every
 * result sheet A4 landscape, one page wide, with the header row on every page), «Наставники»
 * (ШНОР → candidate mentor schools) and «Адресные рекомендации» (school → measures).
 */
import { handoverList, type ListKind } from "../engine/handover/lists";
import { compareRu } from "../engine/stats/order";
import { GROUP_NAMES } from "../engine/regression";
import type { IdentificationResult } from "../engine/types";
import type { ColumnSpec, SheetSpec, SpecCell, StyledCell } from "./port";
import { CATEGORY_STYLES, decimal, integer, text } from "./sheetCells";

export const HANDOVER_SHEET_NAMES = {
  shnor: "Перечень ШНОР",
  shnsu: "Перечень ШНСУ",
  riskZone: "Перечень зоны риска",
  mentors: "Наставники",
  recommendations: "Адресные рекомендации",
} as const;

export const LIST_COLUMNS: readonly ColumnSpec[] = [
  integer("№", 5),
  text("Муниципалитет", 24),
  text("Код ОО", 10),
  text("Наименование ОО", 44),
  text("Категория", 14),
  text("Основание", 80, true),
];

export function listSheet(result: IdentificationResult, kind: ListKind): SheetSpec {
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  for (const r of handoverList(result, kind)) {
    styles.push({ row: rows.length, column: 4, style: CATEGORY_STYLES[r.category] });
    rows.push([r.n, r.municipality, r.id, r.name, r.category, r.basis]);
  }
  return { name: HANDOVER_SHEET_NAMES[kind], columns: LIST_COLUMNS, rows, styles, table: null, freezeHeader: true };
}

export function mentorsSheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Муниципалитет", 22),
    text("Код ОО", 10),
    text("ШНОР", 36),
    decimal("ИСБ", 7),
    integer("№ кандидата", 10),
    text("Код наставника", 12),
    text("Школа-наставник", 36),
    text("Муниципалитет наставника", 22),
    decimal("ИСБ наставника", 10),
    text("Группа", 14),
    text("Примечание", 70, true),
  ];
  const rows: SpecCell[][] = [];
  const shnor = result.schools.filter((s) => s.shnor).sort((a, b) => compareRu(a.municipality, b.municipality) || compareRu(a.name, b.name));
  for (const s of shnor) {
    const mentors = s.mentors ?? [];
    if (mentors.length === 0) rows.push([s.municipality, s.id, s.name, s.swi, null, null, null, null, null, null, s.mentorsNote ?? null]);
    mentors.forEach((m, i) =>
      rows.push([s.municipality, s.id, s.name, s.swi, i + 1, m.id, m.name, m.municipality, m.swi, m.group === null ? null : GROUP_NAMES[m.group], i === 0 ? (s.mentorsNote ?? null) : null]),
    );
  }
  return { name: HANDOVER_SHEET_NAMES.mentors, columns, rows, styles: [], table: { name: "ШНОР_Наставники" }, freezeHeader: true };
}

export function recommendationsSheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Муниципалитет", 22),
    text("Код ОО", 10),
    text("Наименование ОО", 36),
    text("Категория", 14),
    text("Основание", 40, true),
    text("Мера", 90, true),
  ];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  const schools = result.schools
    .filter((s) => (s.recommendations ?? []).length > 0)
    .sort((a, b) => compareRu(a.municipality, b.municipality) || compareRu(a.name, b.name));
  for (const s of schools) {
    for (const r of s.recommendations ?? []) {
      styles.push({ row: rows.length, column: 3, style: CATEGORY_STYLES[s.category] });
      rows.push([s.municipality, s.id, s.name, s.category, r.basis, r.text]);
    }
  }
  return { name: HANDOVER_SHEET_NAMES.recommendations, columns, rows, styles, table: { name: "ШНОР_Рекомендации" }, freezeHeader: true };
}

/** The handover sheets in workbook order. */
export function handoverSheets(result: IdentificationResult): SheetSpec[] {
  return [listSheet(result, "shnor"), listSheet(result, "shnsu"), listSheet(result, "riskZone"), mentorsSheet(result), recommendationsSheet(result)];
}
