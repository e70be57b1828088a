/**
 * The command line's guards around files and the terminal: outputs checked for writability
 * before any work, all outputs written together or not at all, file-system and JSON errors told
 * in Russian, and cell text made safe to print (no terminal escape sequences).
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, write, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** A file-system error code → Russian. */
export function fsReason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "нет прав доступа";
    case "ENOENT":
      return "нет такого файла или папки";
    case "ENOTDIR":
      return "часть пути — не папка";
    case "EISDIR":
      return "это папка, а не файл";
    case "ENOSPC":
      return "на диске нет места";
    case "EDQUOT":
      return "превышена дисковая квота";
    case "EROFS":
      return "диск только для чтения";
    case "EEXIST":
      return "файл уже существует";
    case "EBUSY":
      return "файл занят другой программой";
    case "EMFILE":
    case "ENFILE":
      return "открыто слишком много файлов";
    case "ENAMETOOLONG":
      return "слишком длинное имя файла";
    case "EIO":
      return "ошибка ввода-вывода диска";
    default:
      return code === undefined ? "ошибка файловой системы" : `ошибка файловой системы (${code})`;
  }
}

/** A file-system failure, told in Russian; the CLI reports it as a usage error (exit 2). */
export class FileProblem extends Error {}

/**
 * Throws a {@link FileProblem} unless `path` can be written: its folder exists (or can be made)
 * and is writable, and the path itself is not a folder nor a read-only file. Creates nothing
 * but missing folders.
 */
export function checkWritable(path: string, what: string): void {
  const full = resolve(path);
  if (existsSync(full)) {
    if (statSync(full).isDirectory()) throw new FileProblem(`${what} «${path}» — это папка, укажите имя файла`);
    try {
      accessSync(full, constants.W_OK);
    } catch (e) {
      throw new FileProblem(`${what} «${path}» нельзя перезаписать: ${fsReason(e)}`);
    }
  }
  // The nearest folder that exists must be a writable folder (missing ones are made at the end).
  let dir = dirname(full);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) throw new FileProblem(`${what} «${path}» нельзя записать: «${dir}» — файл, а не папка`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new FileProblem(`${what} «${path}» нельзя записать в папку «${dir}»: ${fsReason(e)}`);
  }
}

/** Removes a file if it is there; a failure to clean up must not hide the error being reported. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing to remove, or not removable: the original error is what matters
  }
}

/** Makes the missing folders of `dir` one by one (Node's recursive mkdir can loop on /proc). */
function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
}

/** The temporary file beside `path` that becomes it when every output is ready. */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Renames every temporary file into place; if a rename fails, the files already renamed are
 * removed again (and every temporary file), so no run leaves one output new and another missing.
 */
function renameAll(temps: readonly { readonly tmp: string; readonly path: string }[]): void {
  const renamed: string[] = [];
  for (const t of temps) {
    try {
      renameSync(t.tmp, t.path);
      renamed.push(t.path);
    } catch (e) {
      for (const r of temps) removeQuietly(r.tmp);
      for (const r of renamed) removeQuietly(r);
      throw new FileProblem(`Не удалось записать «${t.path}»: ${fsReason(e)}; результаты не записаны`);
    }
  }
}

/**
 * Writes every file or none: each goes to a temporary file beside its target first; only when
 * all are written are they renamed into place. If a rename fails, the files already renamed are
 * removed again, so no run leaves one output new and another missing.
 */
export function writeFilesAtomic(files: readonly { readonly path: string; readonly data: Uint8Array | string }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  let current = "";
  try {
    for (const f of files) {
      current = f.path;
      ensureDir(dirname(f.path));
      const tmp = tempPath(f.path);
      temps.push({ tmp, path: f.path });
      writeFileSync(tmp, f.data);
    }
  } catch (e) {
    for (const t of temps) removeQuietly(t.tmp);
    throw new FileProblem(`Не удалось записать «${current}»: ${fsReason(e)}; ничего не записано`);
  }
  renameAll(temps);
}

/** Text is encoded into buffers of this many bytes, each written as one piece. */
const TEXT_BUFFER_BYTES = 1 << 20;

/** The signals after which no temporary file may stay behind. */
const CLEANUP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** One output of {@link StreamedOutputs}: bytes and text appended in order, written on libuv's thread pool. */
export interface StreamedOutput {
  /** Appends bytes, which the output then owns (they must not change until written). */
  write(bytes: Uint8Array): void;
  /** Appends text as UTF-8. */
  text(s: string): void;
}

class TempOutput implements StreamedOutput {
  /** Bytes handed out so far: where the next piece goes (pieces are written at their positions, in any order). */
  private position = 0;
  private buffer: Buffer | null = null;
  private used = 0;

  constructor(
    readonly path: string,
    readonly tmp: string,
    readonly fd: number,
    private readonly submit: (output: TempOutput, bytes: Uint8Array, position: number, spare?: Buffer) => void,
    private readonly spare: () => Buffer,
  ) {}

  write(bytes: Uint8Array): void {
    this.flushText();
    if (bytes.length === 0) return;
    this.submit(this, bytes, this.position);
    this.position += bytes.length;
  }

  text(s: string): void {
    if (s.length === 0) return;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.buffer !== null && this.used + s.length * 3 > this.buffer.length) this.flushText();
    if (s.length * 3 > TEXT_BUFFER_BYTES) {
      this.write(Buffer.from(s, "utf8"));
      return;
    }
    this.buffer ??= this.spare();
    this.used += this.buffer.write(s, this.used, "utf8");
  }

  /** Hands the text encoded so far to the writes. */
  flushText(): void {
    const b = this.buffer;
    if (b === null || this.used === 0) return;
    const used = this.used;
    this.buffer = null;
    this.used = 0;
    this.submit(this, b.subarray(0, used), this.position, b);
    this.position += used;
  }
}

/**
 * Outputs written all or none while they are made: each goes to a temporary file beside its
 * target (`.name.pid.tmp`, as {@link writeFilesAtomic}'s), its pieces written on libuv's thread
 * pool while the main thread makes the next; {@link commit} waits for every write and renames
 * them all into place. An error ({@link abort}) or a signal (Ctrl-C, SIGTERM, SIGHUP) before
 * that removes every temporary file, so no run leaves an output half-written, one output new
 * and another missing, or a temporary file behind.
 *
 * @example
 * const outputs = new StreamedOutputs();
 * try {
 *   outputs.open("out.json").text("{}\n");
 *   await outputs.commit();
 * } catch (e) {
 *   outputs.abort();
 *   throw e;
 * }
 */
export class StreamedOutputs {
  private readonly outputs: TempOutput[] = [];
  private pending = 0;
  private failure: { path: string; error: unknown } | null = null;
  private idle: (() => void) | null = null;
  private closed = false;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.abort();
    // Then as if nobody listened: the process ends by the signal (the shell reports the interruption).
    process.kill(process.pid, signal);
  };

  constructor() {
    for (const s of CLEANUP_SIGNALS) process.once(s, this.onSignal);
  }

  /** A new output for `path` (its missing folders made), or a {@link FileProblem}. */
  open(path: string): StreamedOutput {
    if (this.closed) throw new Error("StreamedOutputs: already committed or aborted");
    try {
      ensureDir(dirname(path));
      const tmp = tempPath(path);
      const fd = openSync(tmp, "w");
      const output = new TempOutput(
        path,
        tmp,
        fd,
        (o, bytes, position, spare) => this.submit(o, bytes, position, spare),
        () => this.spareBuffers.pop() ?? Buffer.allocUnsafe(TEXT_BUFFER_BYTES),
      );
      this.outputs.push(output);
      return output;
    } catch (e) {
      this.abort();
      throw new FileProblem(`Не удалось записать «${path}»: ${fsReason(e)}; ничего не записано`);
    }
  }

  /** Text buffers written out, encoded into again (fewer fresh megabytes, fewer collections). */
  private readonly spareBuffers: Buffer[] = [];

  private submit(output: TempOutput, bytes: Uint8Array, position: number, spare?: Buffer): void {
    if (this.closed || this.failure !== null) return;
    this.pending++;
    write(output.fd, bytes, 0, bytes.length, position, (error, written) => {
      // A short write (the file system's choice) goes on with the rest.
      if (error === null && written > 0 && written < bytes.length) this.submit(output, bytes.subarray(written), position + written, spare);
      else if (spare !== undefined && this.spareBuffers.length < 8) this.spareBuffers.push(spare);
      const failed = error ?? (written === 0 && bytes.length > 0 ? Object.assign(new Error("nothing written"), { code: "EIO" }) : null);
      if (failed !== null && this.failure === null) this.failure = { path: output.path, error: failed };
      if (--this.pending === 0) this.settled();
    });
  }

  /** Every write done: the files are closed once nothing is written to them any more. */
  private settled(): void {
    if (this.closed) this.closeFiles();
    const idle = this.idle;
    this.idle = null;
    idle?.();
  }

  private closeFiles(): void {
    for (const o of this.outputs.splice(0)) {
      try {
        closeSync(o.fd);
      } catch {
        // already closed: nothing to release
      }
    }
  }

  /** Waits for every write, then renames every output into place; a failure removes them all. */
  async commit(): Promise<void> {
    for (const o of this.outputs) o.flushText();
    if (this.pending > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    if (this.failure !== null) {
      const { path, error } = this.failure;
      this.abort();
      throw new FileProblem(`Не удалось записать «${path}»: ${fsReason(error)}; ничего не записано`);
    }
    const temps = this.outputs.map((o) => ({ tmp: o.tmp, path: o.path }));
    this.closed = true;
    this.stopListening();
    this.closeFiles();
    renameAll(temps);
  }

  /**
   * Removes every temporary file (at once; their descriptors are closed when the writes under
   * way end, never while one could still use them). Safe to call more than once.
   */
  abort(): void {
    this.stopListening();
    if (this.closed) return;
    this.closed = true;
    for (const o of this.outputs) removeQuietly(o.tmp);
    if (this.pending === 0) this.closeFiles();
  }

  private stopListening(): void {
    for (const s of CLEANUP_SIGNALS) process.removeListener(s, this.onSignal);
  }
}

/**
 * JSON.parse's error, in Russian, with the line and column: V8 says "… at position 17
 * (line 2 column 5)" or only "position 17".
 */
export function jsonReason(e: unknown, text: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const lc = /line (\d+) column (\d+)/.exec(message);
  let line: number | null = lc ? Number(lc[1]) : null;
  let column: number | null = lc ? Number(lc[2]) : null;
  const pos = /position (\d+)/.exec(message);
  if (line === null && pos) {
    const before = text.slice(0, Number(pos[1]));
    line = before.split("\n").length;
    column = before.length - before.lastIndexOf("\n");
  }
  if (/Unexpected end of JSON input/i.test(message) || text.trim() === "") return "файл обрывается: JSON не закончен";
  return line === null ? "ошибка синтаксиса JSON" : `ошибка синтаксиса JSON в строке ${line}, столбце ${column}`;
}

/**
 * Text safe to print on a terminal: escape sequences (ESC [ … and the like) and other control
 * characters from cell text are removed (line feeds and tabs become spaces), so a cell cannot
 * move the cursor, change colours or retitle the window.
 */
export function terminalSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(\u0007|\u001b\\)?|[@-Z\\-_])/g, "").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "").replace(/[\t\n]/g, " ");
}
