/**
 * Row heights of wrapped text. Neither Excel nor LibreOffice re-fits row heights of a file on
 * opening, so a writer gives a row with wrapped text the height of its longest wrapped cell.
 * Shared by the file adapter (exceljs) and the Node result writer.
 */

/** Points per line of 11-pt text, and Excel's largest row height. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/**
 * Height in points of a cell of `text` wrapped in a column `width` characters wide: a line per
 * paragraph, more where a paragraph is longer than the column (Cyrillic runs a little wider
 * than Excel's width unit, hence 0.9).
 *
 * @example wrappedHeight("a\nb", 100) // 30
 */
export function wrappedHeight(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.9));
  let lines = 0;
  for (const paragraph of text.split("\n")) lines += Math.max(1, Math.ceil(paragraph.length / perLine));
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}
