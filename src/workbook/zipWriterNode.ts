/**
 * Node-only: a streaming zip writer for the .xlsx writers (the import's input workbook and the
 * CLI's result workbook). Each part is made from text chunks; every chunk is deflated on its own
 * by Node's zlib on libuv's thread pool (several at once, as pigz does: each but the last ends
 * with a sync flush, so the pieces join into one deflate stream), while the main thread goes on
 * making the next chunk, and the part is appended with a data descriptor, so a part's XML is
 * never held whole. No zip64: parts and the archive stay under 4 GB, far above any result or
 * import workbook.
 */
import type { WriteStream } from "node:fs";
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";

interface Entry {
  readonly name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** Where the archive's bytes go: a file stream, or memory ({@link MemorySink}). */
export interface ZipSink {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

/** A file stream as a sink, waiting for "drain" when its buffer is full (one listener for all writes waiting). */
export function fileSink(out: WriteStream): ZipSink {
  let drained: Promise<void> | null = null;
  return {
    write: (chunk) => {
      if (out.write(chunk)) return Promise.resolve();
      drained ??= new Promise<void>((resolve) =>
        out.once("drain", () => {
          drained = null;
          resolve();
        }),
      );
      return drained;
    },
    end: () =>
      new Promise<void>((resolve, reject) => {
        out.on("error", reject);
        out.end(() => resolve());
      }),
  };
}

/** The archive in memory; {@link MemorySink.bytes} after {@link ZipWriter.finish}. */
export class MemorySink implements ZipSink {
  private readonly chunks: Buffer[] = [];
  write(chunk: Buffer): Promise<void> {
    this.chunks.push(chunk);
    return Promise.resolve();
  }
  end(): Promise<void> {
    return Promise.resolve();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Text is handed to zlib in pieces of about this many UTF-16 code units. */
const CHUNK_CHARS = 1 << 20;

/** The empty final block that ends a deflate stream made of sync-flushed pieces. */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

/** One chunk deflated on the thread pool, ending on a byte boundary and not final. */
function deflatePiece(bytes: Uint8Array, level: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    deflateRaw(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH }, (error, out) => (error ? reject(error) : resolve(out)));
  });
}

export interface ZipWriterOptions {
  /** zlib's deflate level (1 fastest … 9 smallest); 6 by default. */
  readonly level?: number;
  /**
   * Bytes of text handed to zlib and not yet written out past which the writer waits (16 MB by
   * default). The result workbook passes a larger bound: its caller makes the JSON while zlib
   * catches up.
   */
  readonly queueBytes?: number;
  /** Called with each chunk of bytes given to {@link ZipWriter.add} once zlib no longer reads it (the caller may reuse it). */
  readonly consumed?: (chunk: Uint8Array) => void;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  /** Everything handed out so far, written in order: each part's header, deflated pieces, descriptor. */
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly level: number;
  private readonly queueBytes: number;
  private readonly consumed: (chunk: Uint8Array) => void;

  /** `options`: zlib's level as a number (the older form), or {@link ZipWriterOptions}. */
  constructor(
    private readonly out: ZipSink,
    options: number | ZipWriterOptions = {},
  ) {
    const o = typeof options === "number" ? { level: options } : options;
    this.level = o.level ?? 6;
    this.queueBytes = o.queueBytes ?? 16 << 20;
    this.consumed = o.consumed ?? (() => undefined);
  }

  private write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    return this.out.write(chunk);
  }

  /** Appends `piece` (or what it resolves to) after everything handed out before it. */
  private then(piece: () => Buffer | Promise<Buffer>, done: (b: Buffer) => void = () => undefined): void {
    this.tail = this.tail.then(async () => {
      const b = await piece();
      done(b);
      await this.write(b);
    });
    // A failure is reported by the next wait on the queue or by finish(), not as unhandled.
    this.tail.catch(() => undefined);
  }

  /**
   * Adds a part from text chunks (or chunks already encoded as UTF-8, which the zip then owns): each
   * ~1 MB of text deflated on the thread pool while the next is made; CRC and sizes in a data
   * descriptor. Resolves when the text is made and handed to zlib (bounded by `queueBytes`), not
   * when it is written: {@link finish} waits for that.
   */
  async add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const entry: Entry = { name: nameBytes, offset: 0, crc: 0, compressed: 0, size: 0 };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // data descriptor follows; names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(nameBytes.length, 26);
    this.then(
      () => Buffer.concat([local, nameBytes]),
      () => (entry.offset = this.offset),
    );
    const counted = (b: Buffer): void => {
      entry.compressed += b.length;
    };
    let buffer = "";
    const put = async (bytes: Uint8Array, given = false): Promise<void> => {
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      const deflated = deflatePiece(bytes, this.level);
      if (given) deflated.then(() => this.consumed(bytes), () => undefined);
      // Handled here too, so a failure waiting in the queue is not an unhandled rejection.
      deflated.catch(() => undefined);
      this.queued += bytes.length;
      this.then(
        () => deflated,
        (b) => {
          this.queued -= bytes.length;
          counted(b);
        },
      );
      if (this.queued > this.queueBytes) await this.tail;
    };
    const flush = async (): Promise<void> => {
      if (buffer === "") return;
      const bytes = Buffer.from(buffer, "utf8");
      buffer = "";
      await put(bytes);
    };
    for (const c of chunks) {
      if (typeof c !== "string") {
        if (buffer !== "") await flush();
        await put(c, true);
        continue;
      }
      buffer += c;
      if (buffer.length >= CHUNK_CHARS) await flush();
    }
    await flush();
    this.then(() => FINAL_BLOCK, counted);
    this.then(() => {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc >>> 0, 4);
      descriptor.writeUInt32LE(entry.compressed, 8);
      descriptor.writeUInt32LE(entry.size, 12);
      return descriptor;
    });
    this.entries.push(entry);
  }

  async finish(): Promise<void> {
    await this.tail;
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.write(h);
      await this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    await this.out.end();
  }
}
