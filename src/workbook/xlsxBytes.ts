/**
 * Environment-neutral: an .xlsx file's bytes held in memory (the task pane's worker) → a
 * {@link RawWorkbook}, by the command line's own scanner (./xlsxScan) with fflate inflating each
 * part piece by piece, so a sheet's XML is never held whole and no model of its cells is built.
 * Same values, bounds and Russian messages as the command line's reader (./xlsxStream: the same
 * scanner over Node's zlib): dates as stored serial numbers with their cells in `dateCells`, the
 * formula rules, hidden sheets, covered cells of a merge empty.
 *
 * It replaces exceljs in the pane (./xlsxReader with ./xlsxGuard in front): on the 600-school demo
 * region (16 MB) exceljs took tens of seconds and over a gigabyte of the page's memory.
 */
import { Inflate } from "fflate";
import type { RawWorkbook } from "../schema/raw";
import { assertWorkbookBytes, WorkbookFileError } from "./fileKind";
import { defaultMaxUnpackedBytes } from "./readLimits";
import { WorkbookScan, type PartSink } from "./xlsxScan";
import { assertZipMethod, RESAVE, zipDirectoryOf, type ZipEntry } from "./zipDirectory";

export interface ReadXlsxBytesOptions {
  /** Refuse a workbook whose parts unpack to more than this many bytes (default: the bound of ./readLimits for the file's size). */
  readonly maxUnpackedBytes?: number;
  readonly onProgress?: (sheet: string, rowsRead: number) => void;
  /** Internal, for tests: compressed bytes given to the inflater at a time. */
  readonly step?: number;
}

/** Compressed bytes given to fflate at a time: its output comes in pieces of a similar order. */
const COMPRESSED_STEP = 1 << 16;

/** Inflated bytes handed to the scan at a time (the chunk size of the command line's zlib). */
const INFLATED_PIECE = 1 << 18;

/** fflate's error, in the words the command line's reader uses for zlib's. */
function inflateReason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return code === 0 ? "сжатые данные обрываются" : "сжатые данные испорчены";
}

/** Inflates one part's data into the scan's sink (stored parts are passed through). */
function inflatePart(data: Uint8Array, entry: ZipEntry, sink: PartSink, step: number): void {
  try {
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += step) sink.push(data.subarray(i, Math.min(data.length, i + step)));
    } else if (data.length > 0) {
      // fflate gives what one push inflates at once (64 MB from a 60 KB bomb): handed on in pieces
      // no bigger than Node's zlib gives the command line's reader, so the scan's bounds apply alike.
      const inflate = new Inflate((piece) => {
        for (let i = 0; i < piece.length; i += INFLATED_PIECE) sink.push(piece.subarray(i, Math.min(piece.length, i + INFLATED_PIECE)));
      });
      for (let i = 0; i < data.length; i += step) inflate.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
    }
  } catch (e) {
    throw e instanceof WorkbookFileError ? e : new WorkbookFileError(`файл повреждён: часть «${entry.name}» не распаковывается (${inflateReason(e)}; ${RESAVE})`);
  }
  sink.end();
}

/**
 * Reads an .xlsx file's bytes; sheets in tab order. Throws when the bytes are not an .xlsx, and a
 * {@link WorkbookFileError} with the command line's Russian message when the file is damaged or
 * breaks a bound of ./readLimits.
 *
 * @example
 * const workbook = readXlsxBytes(new Uint8Array(await file.arrayBuffer()));
 */
export function readXlsxBytes(data: ArrayBuffer | Uint8Array, options: ReadXlsxBytesOptions = {}): RawWorkbook {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  assertWorkbookBytes(bytes);
  const zip = zipDirectoryOf(bytes);
  const scan = new WorkbookScan({
    has: (part) => zip.entries.has(part),
    maxUnpackedBytes: options.maxUnpackedBytes ?? defaultMaxUnpackedBytes(bytes.length),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const step = Math.max(1, options.step ?? COMPRESSED_STEP);
  for (let part = scan.next(); part !== null; part = scan.next()) {
    const entry = zip.entries.get(part) as ZipEntry;
    assertZipMethod(entry);
    const start = zip.dataStart(entry);
    inflatePart(bytes.subarray(start, start + entry.compressedSize), entry, scan.part(part, entry.uncompressedSize), step);
  }
  return scan.result();
}
