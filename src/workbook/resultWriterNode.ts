/**
 * Node-only: the command line's result workbook — {@link writeResultWorkbook} (./resultWriter)
 * into Node's streaming zlib writer (./zipWriterNode), compression overlapping the making of the
 * next chunk. The task pane's worker writes the same parts with fflate (./resultBytes).
 */
import type { SheetSpec, WriteReport } from "./port";
import { RESULT_DEFLATE_LEVEL, writeResultWorkbook } from "./resultWriter";
import { MemorySink, ZipWriter } from "./zipWriterNode";

/**
 * The bytes of a new .xlsx holding the result sheets (and the registry that lets the add-in
 * replace them later), and what {@link FileWorkbook.writeResultSheets} would report.
 *
 * @example
 * const { bytes, report } = await resultWorkbookBytes(resultSheets(result, context));
 */
export async function resultWorkbookBytes(requested: readonly SheetSpec[]): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  const sink = new MemorySink();
  const report = await writeResultWorkbook(requested, new ZipWriter(sink, RESULT_DEFLATE_LEVEL));
  return { bytes: sink.bytes(), report };
}
