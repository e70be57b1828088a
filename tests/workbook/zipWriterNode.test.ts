/**
 * The zip writer of the .xlsx writers: each ~1 MB piece of a part is deflated on its own on the
 * thread pool and the pieces are joined into one deflate stream (sync flush between them, an
 * empty final block at the end). The archive must read back byte for byte — sizes, CRC and data
 * descriptor included — with one piece, many pieces, an empty part and a small queue bound; a
 * sink that fails must fail `finish`, not the process.
 */
import { crc32 } from "node:zlib";
import { MemorySink, ZipWriter, type ZipSink } from "../../src/workbook/zipWriterNode";
import { zipEntries } from "./unzip";

/** Text of `n` characters, partly Cyrillic (two UTF-8 bytes), that does not repeat trivially. */
function text(n: number, seed: number): string {
  let s = "";
  let x = seed;
  while (s.length < n) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += x % 7 === 0 ? `<c r="A${x % 1000}">Школа №${x % 97}</c>` : `<v>${x % 100000}</v>`;
  }
  return s.slice(0, n);
}

/** Splits a text into chunks of a given size, as the sheet writers yield them. */
function chunks(s: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out;
}

const PARTS: readonly (readonly [name: string, content: string])[] = [
  ["empty.xml", ""],
  ["small.xml", "<a>один</a>"],
  ["one-piece.xml", text(300_000, 1)],
  // Past the 1 M-character piece size several times: the pieces must join into one stream.
  ["many-pieces.xml", text(3_500_000, 2)],
  ["папка/имя.xml", text(50_000, 3)],
];

async function archive(options?: ConstructorParameters<typeof ZipWriter>[1]): Promise<Buffer> {
  const sink = new MemorySink();
  const zip = new ZipWriter(sink, options);
  for (const [name, content] of PARTS) await zip.add(name, chunks(content, 65_536));
  await zip.finish();
  return sink.bytes();
}

describe("ZipWriter", () => {
  it.each([
    ["level 6, default queue", undefined],
    ["level 1, as the result workbook", 1],
    ["level 1, unbounded queue", { level: 1, queueBytes: Infinity }],
    ["level 6, a queue of 1 byte (waits after every piece)", { level: 6, queueBytes: 1 }],
  ] as const)("reads back every part byte for byte (%s)", async (_label, options) => {
    const bytes = await archive(options);
    const entries = zipEntries(bytes);
    expect([...entries.keys()]).toEqual(PARTS.map(([name]) => name));
    for (const [name, content] of PARTS) expect(entries.get(name)?.toString("utf8")).toBe(content);
  });

  it("writes the CRC and sizes of each part in the data descriptor and the central directory", async () => {
    const bytes = await archive(1);
    const entries = zipEntries(bytes);
    let p = bytes.readUInt32LE(bytes.length - 22 + 16);
    for (const [name, content] of PARTS) {
      const data = Buffer.from(content, "utf8");
      expect(bytes.readUInt32LE(p + 16)).toBe(crc32(data) >>> 0);
      expect(bytes.readUInt32LE(p + 24)).toBe(data.length);
      const local = bytes.readUInt32LE(p + 42);
      const compressed = bytes.readUInt32LE(p + 20);
      const descriptor = local + 30 + bytes.readUInt16LE(local + 26) + compressed;
      expect(bytes.readUInt32LE(descriptor)).toBe(0x08074b50);
      expect(bytes.readUInt32LE(descriptor + 4)).toBe(crc32(data) >>> 0);
      expect(bytes.readUInt32LE(descriptor + 8)).toBe(compressed);
      expect(bytes.readUInt32LE(descriptor + 12)).toBe(data.length);
      expect(entries.get(name)?.length).toBe(data.length);
      p += 46 + bytes.readUInt16LE(p + 28);
    }
  });

  it("gives the same bytes on every run (no timing in the output)", async () => {
    expect((await archive(1)).equals(await archive(1))).toBe(true);
  });

  it("rejects finish when the sink fails, without an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      let writes = 0;
      const failing: ZipSink = {
        write: () => (++writes > 3 ? Promise.reject(new Error("диск заполнен")) : Promise.resolve()),
        end: () => Promise.resolve(),
      };
      const zip = new ZipWriter(failing, { level: 1, queueBytes: Infinity });
      await zip.add("a.xml", chunks(text(2_500_000, 4), 65_536));
      await zip.add("b.xml", ["<b/>"]);
      await expect(zip.finish()).rejects.toThrow("диск заполнен");
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
