/**
 * Node-only: the command line's result workbook — {@link writeResultWorkbook} (./resultWriter)
 * into Node's zip writer (./zipWriterNode), each piece deflated on libuv's thread pool while the
 * next is made. The task pane's worker writes the same parts with fflate (./resultBytes).
 */
import type { SheetSpec, WriteReport } from "./port";
import { RESULT_DEFLATE_LEVEL, spareXmlChunk, writeResultWorkbook, type PartZip } from "./resultWriter";
import { MemorySink, ZipWriter, type ZipSink } from "./zipWriterNode";

/**
 * The bytes of a new .xlsx holding the result sheets (and the registry that lets the add-in
 * replace them later), and what {@link FileWorkbook.writeResultSheets} would report.
 *
 * @example
 * const { bytes, report } = await resultWorkbookBytes(resultSheets(result, context));
 */
export async function resultWorkbookBytes(requested: readonly SheetSpec[]): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  return (await startResultWorkbook(requested)).finished;
}

/** A result workbook whose XML is made and handed to zlib; `finished` when zlib is done. */
export interface StartedWorkbook {
  readonly finished: Promise<{ bytes: Uint8Array; report: WriteReport }>;
}

/**
 * {@link resultWorkbookBytes} in two steps: resolves once every sheet's XML is made (the main
 * thread's part) while zlib still deflates on the thread pool, so the caller can do other work
 * (the JSON result) before it awaits `finished`.
 *
 * @example
 * const started = await startResultWorkbook(specs);
 * const json = resultJsonText(result); // while zlib deflates
 * const { bytes } = await started.finished;
 */
export async function startResultWorkbook(requested: readonly SheetSpec[]): Promise<StartedWorkbook> {
  const sink = new MemorySink();
  const started = await startResultWorkbookTo(requested, sink);
  const finished = started.finished.then((report) => ({ bytes: sink.bytes(), report }));
  finished.catch(() => undefined);
  return { finished };
}

/**
 * {@link startResultWorkbook} into any sink (the command line's: a temporary file written on the
 * thread pool, never the whole archive in memory); `finished` when the last byte is handed to it.
 */
export async function startResultWorkbookTo(requested: readonly SheetSpec[], sink: ZipSink): Promise<{ readonly finished: Promise<WriteReport> }> {
  // No bound on the text queued for zlib (the sheets' XML, ~70 MB on a region of 2,000 schools):
  // the XML is made at full speed and zlib catches up while the caller makes the JSON.
  const zip = new ZipWriter(sink, { level: RESULT_DEFLATE_LEVEL, queueBytes: Infinity, consumed: spareXmlChunk });
  let finishing: Promise<void> | null = null;
  // The writer's `finish` starts the zip's and returns at once: the caller awaits it in `finished`.
  const started: PartZip = {
    add: (name, chunks) => zip.add(name, chunks),
    finish: () => {
      finishing = zip.finish();
      finishing.catch(() => undefined);
      return Promise.resolve();
    },
  };
  const report = await writeResultWorkbook(requested, started);
  const finished = (finishing ?? zip.finish()).then(() => report);
  // Awaited by the caller; marked handled so a failure while the caller works is not "unhandled".
  finished.catch(() => undefined);
  return { finished };
}
