/**
 * «Необъективность» (DESIGN.md "Version 2 contracts"): one row per listing — a school's procedure
 * unit in one year on the non-objectivity list (SPEC §4 version 2) — and one line per sign with
 * the numbers that fired it: the school's value, its Wilson interval and the region's value.
 */
import type { IdentificationResult } from "../engine/types";
import type { ColumnSpec, SheetSpec, SpecCell, StyledCell } from "./port";
import { integer, percent, REVIEW_STYLE, text, yesNo } from "./sheetCells";

export const NON_OBJECTIVITY_SHEET = "Необъективность";

/** Russian names of the signs, as in the reasons. */
const SIGN_NAMES: Readonly<Record<string, string>> = {
  ciBetterThanRegion: "Результаты лучше региона за пределами доверительного интервала",
  lowParticipation: "Низкая доля участников",
  raisedVsJournal: "Отметка выше журнальной чаще, чем в регионе",
  boundaryPeak: "Пик на границе отметки «3»",
  highAndLow: "Высокие выше P95 при низких ниже P10 (версия 1)",
  massAndZeroLow: "Массовые выше P95 при нулевых низких (версия 1)",
};

/**
 * @example
 * nonObjectivitySheet(result).rows[0] // ["0001", "Школа", "Район", 2025, "ВПР 5 кл.", "Признак", 0.48, 0.41, 0.55, 0.22, "…", "да", "да"]
 */
export function nonObjectivitySheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Код ОО", 10),
    text("Наименование", 40),
    text("Муниципалитет", 22),
    integer("Год", 7),
    text("Процедура", 12),
    text("Признак", 36, true),
    percent("Значение", 10),
    percent("Нижняя граница", 10),
    percent("Верхняя граница", 10),
    percent("Регион", 10),
    text("Числа", 70, true),
    text("Последний год", 9),
    text("Исключено из анализа", 11),
  ];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  const latest = result.region.latestYear;
  for (const s of result.schools) {
    for (const l of s.nonObjectivity) {
      const excluded = s.procedures.find((p) => p.year === l.year && p.procedure === l.procedure)?.excluded ?? false;
      for (const g of l.signs) {
        const share = g.id !== "boundaryPeak";
        rows.push([
          s.id,
          s.name,
          s.municipality,
          l.year,
          l.procedure,
          SIGN_NAMES[g.id] ?? g.id,
          share ? g.value : null,
          g.interval?.[0] ?? null,
          g.interval?.[1] ?? null,
          g.regional,
          g.text,
          yesNo(l.year === latest),
          yesNo(excluded),
        ]);
        styles.push({ row: rows.length - 1, column: 5, style: REVIEW_STYLE });
      }
    }
  }
  return { name: NON_OBJECTIVITY_SHEET, columns, rows, styles, table: { name: "ШНОР_Необъективность" }, freezeHeader: true };
}
