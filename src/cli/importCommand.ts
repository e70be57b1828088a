/**
 * `shnor import <файлы и папки…> [--schools школы.xlsx] -o регион.xlsx` and the exports source of
 * `identify`/`validate --exports DIR`: the file side of the import (FORMATS.md). Finds the
 * .xlsx/.xls files, reads each into cells (the streaming .xlsx reader, SheetJS for .xls), hands
 * them to the pure import (src/import) with a name key made here at random and never stored,
 * prints what was recognised and left out, and writes the input workbook atomically.
 */
import * as crypto from "node:crypto";
import { createHmac, randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { assembleImport, formatImportIssue, ImportSession, NAME_KEY_BYTES, reportTable, type Assembled, type HmacFactory, type ImportIssue, type OutputSheet } from "../import";
import type { RawSheet, RawWorkbook } from "../schema/raw";
import { toInputSheets } from "../workbook/importSheets";
import { writeImportWorkbookFile } from "../workbook/importWriterNode";
import { readXlsxFile } from "../workbook/xlsxFile";
import { EXIT_INPUT, EXIT_OK, UsageError, type Io } from "./commands";
import { progressLine, thousands } from "./files";

/** SHA-256's block size in bytes. */
const BLOCK = 64;

/**
 * The name hash's HMAC-SHA256 by Node's native crypto (the same function as @noble/hashes,
 * faster). Where Node has the one-shot `crypto.hash` (20.12 and later), HMAC is computed by its
 * definition (RFC 2104: H(K⊕opad ‖ H(K⊕ipad ‖ m))) with the padded keys made once, a third less
 * CPU than an Hmac object per person.
 */
export const nodeHmac: HmacFactory = (key) => {
  const k = Buffer.from(key);
  const oneShot = (crypto as { hash?: typeof crypto.hash }).hash;
  if (typeof oneShot !== "function" || k.length > BLOCK) return (message) => createHmac("sha256", k).update(message, "utf8").digest();
  let inner = Buffer.alloc(BLOCK + 256, 0x36);
  const outer = Buffer.alloc(BLOCK + 32, 0x5c);
  for (let i = 0; i < k.length; i++) {
    inner[i] = 0x36 ^ (k[i] as number);
    outer[i] = 0x5c ^ (k[i] as number);
  }
  return (message) => {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (inner.length < BLOCK + message.length * 3) {
      const grown = Buffer.alloc(BLOCK + message.length * 3);
      inner.copy(grown, 0, 0, BLOCK);
      inner = grown;
    }
    const n = inner.write(message, BLOCK, "utf8");
    oneShot("sha256", inner.subarray(0, BLOCK + n), "buffer").copy(outer, BLOCK);
    return oneShot("sha256", outer, "buffer");
  };
};

const EXPORT_FILE = /\.(xlsx|xls)$/i;

/** Issues of one code printed before the rest are only counted. */
export const PRINTED_PER_CODE = 30;

/** The .xlsx/.xls files of the arguments: files as given, folders walked (Office's «~$» lock files skipped). */
export function exportFiles(inputs: readonly string[], exclude: readonly string[] = []): string[] {
  const skip = new Set(exclude.map((p) => resolve(p)));
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b, "ru"))) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (EXPORT_FILE.test(name) && !name.startsWith("~$") && !skip.has(resolve(p))) out.push(p);
    }
  };
  for (const input of inputs) {
    if (!existsSync(input)) throw new UsageError(`Файл или папка «${input}» не найдены`);
    if (statSync(input).isDirectory()) walk(input);
    else if (!skip.has(resolve(input))) out.push(input);
  }
  return out;
}

/** Any workbook from disk: .xls through SheetJS, .xlsx through the streaming reader. */
export async function readAnyWorkbook(path: string): Promise<RawWorkbook> {
  const head = Buffer.alloc(8);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  // SheetJS is loaded only when a legacy .xls comes (it takes a while to load).
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (ole || /\.xls$/i.test(path)) {
    // require, not import(): a dynamic import of a .ts file fails when the sources run through
    // tsx's CommonJS hook (bin/shnor.js without a fresh build); esbuild bundles either.
    const { readXls } = require("../workbook/xlsReader") as typeof import("../workbook/xlsReader");
    const bytes = readFileSync(path);
    return readXls(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return readXlsxFile(path);
}

export interface ExportsSource {
  readonly inputs: readonly string[];
  readonly schools?: string;
  /** Files not to read as exports (the output, the schools file). */
  readonly exclude?: readonly string[];
  /** The base when `schools` is not given (the output's own «Школы», if the file exists). */
  readonly fallbackBase?: string;
  readonly procedure?: "ОГЭ" | "ЕГЭ";
  readonly rowsPerSheet?: number;
}

/** Reads every export and assembles the input sheets. */
export async function importFromFiles(source: ExportsSource, io: Io): Promise<{ assembled: Assembled; session: ImportSession; files: number; baseName: string | null }> {
  const files = exportFiles(source.inputs, [...(source.exclude ?? []), ...(source.schools === undefined ? [] : [source.schools])]);
  let base: RawSheet[] | null = null;
  let baseName: string | null = null;
  const basePath = source.schools ?? (source.fallbackBase !== undefined && existsSync(source.fallbackBase) ? source.fallbackBase : undefined);
  if (basePath !== undefined) {
    if (!existsSync(basePath)) throw new UsageError(`Файл «${basePath}» не найден`);
    try {
      base = [...(await readAnyWorkbook(basePath)).sheets];
    } catch (e) {
      throw new UsageError(`Файл «${basePath}» не прочитан как книга Excel: ${(e as Error).message}`);
    }
    baseName = basename(basePath);
  }
  // The name key exists only in this process's memory, for this run.
  const session = new ImportSession({ nameKey: new Uint8Array(randomBytes(NAME_KEY_BYTES)), hmac: nodeHmac, ...(source.procedure === undefined ? {} : { procedure: source.procedure }) });
  const progress = progressLine(io.stderr);
  const started = Date.now();
  const root = source.inputs.length === 1 && existsSync(source.inputs[0] ?? "") && statSync(source.inputs[0] ?? "").isDirectory() ? (source.inputs[0] as string) : null;
  let i = 0;
  for (const file of files) {
    i += 1;
    if (Date.now() - started > 1000) progress.update(`Чтение выгрузок: ${i} из ${files.length}…`);
    const name = root === null ? basename(file) : relative(root, file);
    let wb: RawWorkbook;
    try {
      wb = await readAnyWorkbook(file);
    } catch (e) {
      session.addUnreadable(name, (e as Error).message);
      continue;
    }
    session.addWorkbook(name, wb);
  }
  progress.done();
  const assembled = assembleImport(session, base, { ...(baseName === null ? {} : { baseName }), ...(source.rowsPerSheet === undefined ? {} : { rowsPerSheet: source.rowsPerSheet }) });
  return { assembled, session, files: files.length, baseName };
}

/** Issues as lines, at most {@link PRINTED_PER_CODE} of each code. */
export function importIssueLines(issues: readonly ImportIssue[]): string {
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const i of issues) {
    const n = (shown.get(i.code) ?? 0) + 1;
    shown.set(i.code, n);
    if (n <= PRINTED_PER_CODE) lines.push(formatImportIssue(i));
  }
  for (const [code, n] of shown) if (n > PRINTED_PER_CODE) lines.push(`… и ещё ${n - PRINTED_PER_CODE} замечаний того же вида (${code})`);
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

/** The assembled sheets as cells in memory (for `identify`/`validate --exports`). */
export function toRawWorkbook(sheets: readonly OutputSheet[]): RawWorkbook {
  return { sheets: sheets.map((s) => ({ name: s.name, rows: [...s.rows()] })) };
}

export interface ImportCommandOptions {
  readonly output: string;
  readonly schools?: string;
  readonly procedure?: string;
  /** Tests: data rows per «Баллы» sheet. */
  readonly rowsPerSheet?: number;
}

export async function importCommand(inputs: readonly string[], options: ImportCommandOptions, io: Io): Promise<number> {
  if (!/\.xlsx$/i.test(options.output)) throw new UsageError(`Выходной файл должен иметь расширение .xlsx: «${options.output}»`);
  if (inputs.length === 0) throw new UsageError("не указаны файлы или папки с выгрузками");
  if (options.procedure !== undefined && options.procedure !== "ОГЭ" && options.procedure !== "ЕГЭ") {
    throw new UsageError(`--procedure: ожидалось «ОГЭ» или «ЕГЭ», получено «${options.procedure}»`);
  }
  if (options.schools !== undefined && resolve(options.schools) === resolve(options.output) && !existsSync(options.schools)) {
    throw new UsageError(`Файл «${options.schools}» не найден`);
  }
  const { assembled, session, files } = await importFromFiles(
    {
      inputs,
      exclude: [options.output],
      fallbackBase: options.output,
      ...(options.schools === undefined ? {} : { schools: options.schools }),
      ...(options.procedure === undefined ? {} : { procedure: options.procedure as "ОГЭ" | "ЕГЭ" }),
      ...(options.rowsPerSheet === undefined ? {} : { rowsPerSheet: options.rowsPerSheet }),
    },
    io,
  );
  io.stdout.write(`Файлов: ${files}\n`);
  if (session.reports.length > 0) io.stdout.write(reportTable(session.reports));
  io.stdout.write(importIssueLines(assembled.issues));
  if (assembled.unjoined.length > 0) {
    io.stdout.write(`Коды школ, которых нет на листе «Школы» (добавлены): ${assembled.unjoined.length}\n`);
  }
  if (assembled.fatal !== null) {
    io.stderr.write(`Ничего не записано: ${assembled.fatal}\n`);
    return EXIT_INPUT;
  }
  const tmp = join(dirname(options.output), `.${basename(options.output, extname(options.output))}.${process.pid}.tmp.xlsx`);
  try {
    await writeImportWorkbookFile(tmp, toInputSheets(assembled.sheets));
    renameSync(tmp, options.output);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  const scoreSheets = assembled.sheets.filter((s) => /^Баллы/u.test(s.name)).length;
  io.stdout.write(
    `Записано: ${options.output} — строк участников ${thousands(assembled.participantRows)}` +
      `${scoreSheets > 1 ? ` (листов «Баллы»: ${scoreSheets})` : ""}, строк результатов ${thousands(assembled.resultRows)}, ` +
      `шкал выведено ${assembled.inferredScales}, школ добавлено ${assembled.unjoined.length}\n`,
  );
  return EXIT_OK;
}
