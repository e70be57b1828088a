/**
 * A column's width from its header, shared by the exceljs input writer and the streaming import
 * writer. A module of its own so that the streaming writer (and the command line's start-up)
 * does not load exceljs for one arithmetic function.
 */
export function defaultWidth(header: string): number {
  return Math.min(40, Math.max(9, Math.round(header.length * 0.9) + 2));
}
