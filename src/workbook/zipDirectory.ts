/**
 * Environment-neutral: a zip archive's central directory, read from bytes and checked against the
 * file before anything is allocated, so that a directory claiming gigabytes is refused with a
 * Russian message, never trusted. No Node modules, no Buffer: it works on Uint8Array in Node
 * (./xlsxStream reads the pieces from a file handle) and in the browser (the whole file's bytes,
 * {@link zipDirectoryOf}).
 *
 * The steps, for a reader that fetches the pieces itself:
 *
 * 1. {@link zipEndRecord}(tail, size): the last ≤ 65,557 bytes of the file ({@link ZIP_TAIL_BYTES})
 *    → where the directory is, or (zip64) where the zip64 end record is, to read 56 bytes there
 *    and pass them to {@link zip64EndRecord};
 * 2. {@link zipEntries}(directoryBytes, end, size) → the parts by name (`\` read as `/`);
 * 3. {@link zipDataStart}(localHeader30Bytes, entry, size) → where a part's compressed data starts.
 */
import { WorkbookFileError } from "./fileKind";
import { groupDigits } from "./readLimits";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number;
  readonly compressedSize: number;
  /** As the directory declares it; 0 when it does not say (then only the overall bound applies). */
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

/** Where the central directory is. */
export interface ZipEnd {
  readonly count: number;
  readonly cdSize: number;
  readonly cdOffset: number;
  /** The directory must end before this offset (the end record, or the zip64 end record). */
  readonly cdEnd: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;

/** Bytes at the end of the file that hold the end record whatever its comment. */
export const ZIP_TAIL_BYTES = 22 + 0xffff;
/** Bytes of the zip64 end record read. */
export const ZIP64_END_BYTES = 56;
/** Bytes of a local file header before its name and extra field. */
export const ZIP_LOCAL_HEADER_BYTES = 30;

const DAMAGED = "файл повреждён: оглавление zip-архива .xlsx";
export const RESAVE = "пересохраните книгу в Excel";

function damaged(what: string): WorkbookFileError {
  return new WorkbookFileError(`${DAMAGED} ${what} (${RESAVE})`);
}

function u16(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
}

/** A 64-bit field as a number (not a safe integer when it is past 2^53; callers check). */
function u64(b: Uint8Array, p: number): number {
  return u32(b, p) + u32(b, p + 4) * 0x100000000;
}

/**
 * The end record in `tail` (the file's last `tail.length` bytes, of a file of `size` bytes):
 * where the directory is, or `{ zip64At }` — read {@link ZIP64_END_BYTES} bytes there and call
 * {@link zip64EndRecord}.
 */
export function zipEndRecord(tail: Uint8Array, size: number): ZipEnd | { readonly zip64At: number } {
  let eocd = tail.length - 22;
  while (eocd >= 0 && u32(tail, eocd) !== EOCD_SIG) eocd--;
  if (eocd < 0) throw new WorkbookFileError(`файл повреждён или обрезан: у zip-архива .xlsx нет оглавления (${RESAVE})`);
  const end: ZipEnd = { count: u16(tail, eocd + 10), cdSize: u32(tail, eocd + 12), cdOffset: u32(tail, eocd + 16), cdEnd: size - tail.length + eocd };
  if (end.count === 0xffff || end.cdSize === 0xffffffff || end.cdOffset === 0xffffffff) {
    // Zip64: the locator sits just before the classic end record.
    const loc = eocd - 20;
    if (loc >= 0 && u32(tail, loc) === ZIP64_LOCATOR_SIG) {
      const recAt = u64(tail, loc + 8);
      if (!Number.isSafeInteger(recAt) || recAt + ZIP64_END_BYTES > size) throw damaged("указывает за конец файла");
      return { zip64At: recAt };
    }
  }
  return end;
}

/** The zip64 end record's {@link ZIP64_END_BYTES} bytes, read at `recAt`. */
export function zip64EndRecord(rec: Uint8Array, recAt: number): ZipEnd {
  if (rec.length < ZIP64_END_BYTES || u32(rec, 0) !== ZIP64_EOCD_SIG) throw damaged("испорчено (zip64)");
  return { count: u64(rec, 32), cdSize: u64(rec, 40), cdOffset: u64(rec, 48), cdEnd: recAt };
}

/** Checks the directory's place before its bytes are read: returns how many bytes to read. */
export function zipDirectoryBytes(end: ZipEnd): number {
  const { count, cdSize, cdOffset, cdEnd } = end;
  if (!Number.isSafeInteger(cdSize) || !Number.isSafeInteger(cdOffset) || cdOffset + cdSize > cdEnd) throw damaged("указывает за конец файла");
  if (count > cdSize / 46) throw damaged(`называет ${groupDigits(count)} частей, которые в нём не помещаются`);
  return cdSize;
}

/** The central directory's bytes (`end.cdSize` of them, read at `end.cdOffset`) → its parts by name. */
export function zipEntries(cd: Uint8Array, end: ZipEnd, size: number): Map<string, ZipEntry> {
  zipDirectoryBytes(end);
  const names = new TextDecoder("utf-8");
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < end.count; i++) {
    if (p + 46 > cd.length || u32(cd, p) !== CEN_SIG) throw damaged("испорчено");
    const method = u16(cd, p + 10);
    let compressedSize = u32(cd, p + 20);
    let uncompressedSize = u32(cd, p + 24);
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    let localOffset = u32(cd, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw damaged("испорчено");
    const name = names.decode(cd.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extended information: the 64-bit fields present are those whose 32-bit ones are full.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(cd, x);
      const len = u16(cd, x + 2);
      if (id === 1) {
        let q = x + 4;
        const stop = Math.min(xEnd, q + len);
        const next = (): number => {
          if (q + 8 > stop) throw damaged("испорчено (zip64)");
          const v = u64(cd, q);
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      x += 4 + len;
    }
    if (!Number.isSafeInteger(localOffset) || !Number.isSafeInteger(compressedSize) || localOffset + ZIP_LOCAL_HEADER_BYTES + compressedSize > size) {
      throw damaged(`называет часть «${name}» размером больше самого файла`);
    }
    entries.set(name.replace(/\\/g, "/"), {
      name,
      method,
      compressedSize,
      uncompressedSize: Number.isSafeInteger(uncompressedSize) ? uncompressedSize : Number.MAX_SAFE_INTEGER,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where a part's compressed data starts, from its local header's first {@link ZIP_LOCAL_HEADER_BYTES} bytes. */
export function zipDataStart(local: Uint8Array, entry: ZipEntry, size: number): number {
  if (local.length < ZIP_LOCAL_HEADER_BYTES || u32(local, 0) !== LOC_SIG) {
    throw new WorkbookFileError(`файл повреждён: часть «${entry.name}» zip-архива не найдена на своём месте (${RESAVE})`);
  }
  const start = entry.localOffset + ZIP_LOCAL_HEADER_BYTES + u16(local, 26) + u16(local, 28);
  if (start + entry.compressedSize > size) throw new WorkbookFileError(`файл повреждён или обрезан: часть «${entry.name}» выходит за конец файла (${RESAVE})`);
  return start;
}

/** A part that cannot be inflated by this reader. */
export function assertZipMethod(entry: ZipEntry): void {
  if (entry.method !== 0 && entry.method !== 8) throw new WorkbookFileError(`часть «${entry.name}» сжата неизвестным способом ${entry.method} (${RESAVE})`);
}

/** The whole directory of a zip held in memory (the browser's case): parts by name, and where each one's data is. */
export function zipDirectoryOf(bytes: Uint8Array): { entries: Map<string, ZipEntry>; dataStart: (e: ZipEntry) => number } {
  const size = bytes.length;
  const tail = bytes.subarray(size - Math.min(size, ZIP_TAIL_BYTES));
  const found = zipEndRecord(tail, size);
  const end = "zip64At" in found ? zip64EndRecord(bytes.subarray(found.zip64At, found.zip64At + ZIP64_END_BYTES), found.zip64At) : found;
  const cdSize = zipDirectoryBytes(end);
  const entries = zipEntries(bytes.subarray(end.cdOffset, end.cdOffset + cdSize), end, size);
  return {
    entries,
    dataStart: (e) => zipDataStart(bytes.subarray(e.localOffset, e.localOffset + ZIP_LOCAL_HEADER_BYTES), e, size),
  };
}
