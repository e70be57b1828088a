/**
 * Text as Excel can hold it, for every sheet any adapter writes: characters XML 1.0 cannot carry
 * (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF and the other
 * non-characters; lone surrogates) are removed — one of them makes the whole .xlsx unreadable —
 * and a cell's text is cut to Excel's limit of 32,767 characters, each cut cell reported.
 */
import type { SheetSpec, SpecCell } from "./port";

/** Excel's limit on the characters (UTF-16 code units) of one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

// C0 controls but \t \n \r; non-characters U+FDD0–U+FDEF, U+FFFE, U+FFFF (and U+xFFFE/U+xFFFF of
// every plane); surrogates that are not part of a pair.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Every character {@link FORBIDDEN} can match (and more: any surrogate), one class: a text
 * without any is safe as it is, found by one quick scan instead of the alternation's lookarounds.
 */
// eslint-disable-next-line no-control-regex
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** The text without the characters an .xlsx cannot hold. */
export function xmlSafe(s: string): string {
  return MAYBE_FORBIDDEN.test(s) ? s.replace(FORBIDDEN, "") : s;
}

/** A cell cut to Excel's limit: where it was, as "Лист!B7". */
export interface CutCell {
  readonly sheet: string;
  readonly cell: string;
}

function columnLetters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A cell's text as an .xlsx can hold it: {@link xmlSafe}, then cut to Excel's limit (`cut` says whether it was). */
export function cellText(v: string): { readonly text: string; readonly cut: boolean } {
  const s = xmlSafe(v);
  if (s.length <= EXCEL_MAX_CELL_CHARS) return { text: s, cut: false };
  // Never split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(s[EXCEL_MAX_CELL_CHARS - 1] ?? "") ? EXCEL_MAX_CELL_CHARS - 1 : EXCEL_MAX_CELL_CHARS;
  return { text: s.slice(0, end), cut: true };
}

function safeCell(v: SpecCell, onCut: () => void): SpecCell {
  if (typeof v !== "string") return v;
  const { text, cut } = cellText(v);
  if (cut) onCut();
  return text;
}

/** The specs with every text made safe; the cells cut to 32,767 characters are listed. */
export function safeSheetSpecs(specs: readonly SheetSpec[]): { specs: SheetSpec[]; cut: CutCell[] } {
  const cut: CutCell[] = [];
  const out = specs.map((spec): SheetSpec => {
    const name = xmlSafe(spec.name);
    const columns = spec.columns.map((c) => ({ ...c, header: xmlSafe(c.header).slice(0, EXCEL_MAX_CELL_CHARS) }));
    const rows = spec.rows.map((row, r) => row.map((v, c) => safeCell(v, () => cut.push({ sheet: name, cell: `${columnLetters(c + 1)}${r + 2}` }))));
    return { ...spec, name, columns, rows };
  });
  return { specs: out, cut };
}

/** A Russian warning about the cut cells, or null when none was cut. */
export function cutWarning(cut: readonly CutCell[]): string | null {
  if (cut.length === 0) return null;
  const where = cut.slice(0, 5).map((c) => `${c.sheet}!${c.cell}`).join(", ");
  return `текст ${cut.length} ячеек длиннее ${EXCEL_MAX_CELL_CHARS.toLocaleString("ru-RU")} символов (предел Excel) и обрезан: ${where}${cut.length > 5 ? " …" : ""}`;
}
