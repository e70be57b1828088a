/**
 * Node-only: a streaming zip writer for the .xlsx writers (the import's input workbook and the
 * CLI's result workbook). Each part is made from text chunks, deflated by Node's zlib as they
 * come (on libuv's thread pool, so compression overlaps making the next chunk) and appended with
 * a data descriptor, so a part's XML is never held whole. No zip64: parts and the archive stay
 * under 4 GB, far above any result or import workbook.
 */
import type { WriteStream } from "node:fs";
import { crc32, createDeflateRaw, type ZlibOptions } from "node:zlib";

interface Entry {
  readonly name: Buffer;
  readonly offset: number;
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

/** Text is handed to zlib in pieces of about this many UTF-16 code units… */
const CHUNK_CHARS = 1 << 20;
/** …and the writer waits for zlib only when this many bytes are queued for it. */
const QUEUE_BYTES = 16 << 20;

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];

  /** `level`: zlib's deflate level (1 fastest … 9 smallest). */
  constructor(
    private readonly out: ZipSink,
    private readonly level = 6,
  ) {}

  private write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    return this.out.write(chunk);
  }

  /**
   * Adds a part from text chunks (or chunks already encoded as UTF-8, which the zip then owns):
   * deflated as they come, CRC and sizes in a data descriptor.
   */
  async add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const entry: Entry = { name: nameBytes, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // data descriptor follows; names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(nameBytes.length, 26);
    await this.write(local);
    await this.write(nameBytes);
    // A deep queue: the next chunk is made on the main thread while zlib deflates this one.
    // (Node passes `highWaterMark` on to the stream; @types/node's ZlibOptions omits it.)
    const deflate = createDeflateRaw({ level: this.level, highWaterMark: QUEUE_BYTES } as ZlibOptions);
    const pending: Promise<void>[] = [];
    deflate.on("data", (b: Buffer) => {
      entry.compressed += b.length;
      pending.push(this.write(b));
    });
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on("end", () => resolve());
      deflate.on("error", reject);
    });
    let buffer = "";
    const put = async (bytes: Uint8Array): Promise<void> => {
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      if (!deflate.write(bytes)) await new Promise<void>((resolve) => deflate.once("drain", () => resolve()));
    };
    const flush = async (): Promise<void> => {
      const bytes = Buffer.from(buffer, "utf8");
      buffer = "";
      await put(bytes);
    };
    for (const c of chunks) {
      if (typeof c !== "string") {
        if (buffer !== "") await flush();
        await put(c);
        continue;
      }
      buffer += c;
      if (buffer.length >= CHUNK_CHARS) await flush();
    }
    await flush();
    deflate.end();
    await ended;
    await Promise.all(pending);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.entries.push(entry);
  }

  async finish(): Promise<void> {
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
