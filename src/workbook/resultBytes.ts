/**
 * Environment-neutral (the task pane's compute worker, and Node): the result workbook's bytes in
 * memory, {@link writeResultWorkbook}'s parts deflated by fflate's streaming zip as they are made.
 * The same parts, values and styles as the command line's ./resultWriterNode (Node's zlib), a few
 * times faster and lighter than exceljs's model of every cell (FileWorkbook), which the pane used
 * before.
 */
import { Zip, ZipDeflate } from "fflate";
import type { SheetSpec, WriteReport } from "./port";
import { RESULT_DEFLATE_LEVEL, writeResultWorkbook, type PartZip } from "./resultWriter";

/** Text is encoded and deflated in pieces of about this many UTF-16 code units. */
const CHUNK_CHARS = 1 << 20;

/** A fixed date in every entry, so the bytes do not depend on the clock (as the Node writer's). */
const ENTRY_DATE = new Date(2000, 0, 1);

/** A {@link PartZip} into memory with fflate; {@link FflateZip.bytes} after `finish`. */
export class FflateZip implements PartZip {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  private failure: Error | null = null;
  private done = false;
  private readonly zip: Zip;
  private readonly encoder = new TextEncoder();

  constructor(private readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = RESULT_DEFLATE_LEVEL as 1) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure ??= error;
      else {
        this.chunks.push(chunk);
        this.length += chunk.length;
      }
      if (final) this.done = true;
    });
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }

  async add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const file = new ZipDeflate(name, { level: this.level });
    file.mtime = ENTRY_DATE;
    this.zip.add(file);
    let buffer = "";
    for (const c of chunks) {
      if (typeof c !== "string") {
        if (buffer !== "") file.push(this.encoder.encode(buffer), false);
        buffer = "";
        file.push(c, false);
        this.check();
        continue;
      }
      buffer += c;
      if (buffer.length >= CHUNK_CHARS) {
        file.push(this.encoder.encode(buffer), false);
        buffer = "";
        this.check();
      }
    }
    file.push(this.encoder.encode(buffer), true);
    this.check();
  }

  async finish(): Promise<void> {
    this.zip.end();
    this.check();
    if (!this.done) throw new Error("fflate's zip did not finish");
  }

  /** The archive: one buffer of its own (transferable as it is). */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/**
 * The bytes of a new .xlsx holding the result sheets, and what {@link FileWorkbook.writeResultSheets}
 * would report (the sheets written, the cells whose text had to be cut).
 *
 * @example
 * const { bytes, report } = await resultXlsxBytes(resultSheets(result, context));
 */
export async function resultXlsxBytes(requested: readonly SheetSpec[]): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  const zip = new FflateZip();
  const report = await writeResultWorkbook(requested, zip);
  return { bytes: zip.bytes(), report };
}
