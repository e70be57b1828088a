/**
 * Process entry of `shnor` (bin/shnor.js calls {@link runCli}). An error nobody expected is exit 3: one
 * Russian line on the terminal and the details (stack trace) in a log file whose path it names.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main";

export const EXIT_INTERNAL = 3;

/** Writes the error's details to a log file; returns its path, or null when even that fails. */
export function writeCrashLog(e: unknown, argv: readonly string[], now: Date = new Date()): string | null {
  const file = join(tmpdir(), `shnor-${now.toISOString().replace(/[:.]/g, "-")}-${process.pid}.log`);
  const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  try {
    writeFileSync(file, `shnor ${argv.join(" ")}\nnode ${process.version} ${process.platform}\n${now.toISOString()}\n\n${detail}\n`);
    return file;
  } catch {
    return null;
  }
}

export function internalErrorLine(log: string | null): string {
  return `Внутренняя ошибка программы (это не ошибка в ваших данных)${log === null ? "" : `; подробности — в файле ${log}`}. Сообщите о ней разработчикам.\n`;
}

/** Runs the command line (`run`, by default {@link main}) on this process's arguments and sets its exit code. */
export function runCli(run: (argv: readonly string[]) => Promise<number> = main): void {
  const argv = process.argv.slice(2);
  run(argv).then(
    (code) => exitWhenFlushed(code),
    (e: unknown) => {
      process.stderr.write(internalErrorLine(writeCrashLog(e, argv)));
      exitWhenFlushed(EXIT_INTERNAL);
    },
  );
}

/**
 * Exits as soon as the terminal has everything written: waiting for the event loop to empty and
 * Node to tear down a heap of a million rows took 0.2 s after the last output was written. Both
 * streams are flushed first (pipes are asynchronous on Windows).
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}
