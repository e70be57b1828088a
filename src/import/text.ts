/** Russian text of the import's locations and issues: «файл.xlsx, 'Лист 1'!B12: …». */
import { formatCellRef } from "../schema/issues";
import type { ImportIssue, Where } from "./model";

export function formatWhere(w: Where): string {
  if (w.sheet === null) return w.file;
  return `${w.file}, ${w.cell === null ? `лист «${w.sheet}»` : formatCellRef(w.sheet, w.cell)}`;
}

const SEVERITY_WORD = { error: "ошибка", warning: "предупреждение", info: "сведение" } as const;

export function formatImportIssue(i: ImportIssue): string {
  return `${formatWhere(i)}: ${SEVERITY_WORD[i.severity]}: ${i.message}`;
}
