/**
 * The optional sheet «Рекомендации» (SPEC.md §12): the user's own measures. Each row names a
 * basis (a risk factor as on «Итоги», «ШНОР», «ШНОР (R1)», «ШНСУ», a type T1–T6, «Признаки
 * необъективности», …) and one measure; the rows of a basis replace its built-in measures.
 */
import { findBasis } from "../../../src/engine/handover/recommendations";
import type { RecommendationInputRow } from "../../../src/engine/types";
import type { SheetDef } from "../../../src/schema/columns";
import type { ReadRow, ReadSheet } from "./readSheet";
import type { IssueSink } from "../../../src/schema/sink";

export const RECOMMENDATIONS_SHEET: SheetDef<RecommendationInputRow> = {
  id: "recommendations",
  name: "Рекомендации",
  // Never «Адресные рекомендации»: that is the result sheet, which must not be read back as input.
  synonyms: ["Меры", "Рекомендации школам", "Recommendations", "Measures"],
  columns: {
    basis: {
      header: "Основание",
      synonyms: ["Фактор риска", "Фактор", "Критерий", "Basis", "Risk factor"],
      type: "text", required: true, nullable: false, note: "фактор риска (как на листе «Итоги»), «ШНОР», «ШНОР (R1)», «ШНСУ», «T1»…«T6» или «Признаки необъективности»",
    },
    text: {
      header: "Мера",
      synonyms: ["Рекомендация", "Мероприятие", "Текст", "Measure", "Recommendation"],
      type: "text", required: true, nullable: false, note: "одна мера в строке; строки основания заменяют встроенные меры",
    },
  },
};

/** Rows whose basis the table knows; every other row is an error at its «Основание» cell. */
export function checkRecommendations(sheet: ReadSheet<RecommendationInputRow>, sink: IssueSink): ReadRow<RecommendationInputRow>[] {
  const kept: ReadRow<RecommendationInputRow>[] = [];
  for (const r of sheet.rows) {
    if (findBasis(r.value.basis) === null) {
      sink.push({ code: "unknown-basis", sheet: sheet.name, row: r.row, column: sheet.columns.get("basis") ?? null, received: r.value.basis });
      continue;
    }
    kept.push(r);
  }
  return kept;
}
