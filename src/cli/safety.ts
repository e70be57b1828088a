/**
 * The command line's guards around files and the terminal: outputs checked for writability
 * before any work, all outputs written together or not at all, file-system and JSON errors told
 * in Russian, and cell text made safe to print (no terminal escape sequences).
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push({ tmp, path: f.path });
      writeFileSync(tmp, f.data);
    }
  } catch (e) {
    for (const t of temps) removeQuietly(t.tmp);
    throw new FileProblem(`Не удалось записать «${current}»: ${fsReason(e)}; ничего не записано`);
  }
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
