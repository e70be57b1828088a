/** File chores of the CLI: atomic writes and a progress line on stderr. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Write to a temporary file beside the target, then rename: a reader never sees half a file. */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export interface Progress {
  update(text: string): void;
  done(): void;
}

/**
 * A progress line: rewritten in place on a terminal; elsewhere (CI logs) printed at most every
 * few seconds, so a long read still shows signs of life.
 */
export function progressLine(stream: NodeJS.WritableStream & { isTTY?: boolean }): Progress {
  let last = 0;
  let shown = false;
  return {
    update(text: string): void {
      const now = Date.now();
      if (stream.isTTY) {
        if (now - last < 100) return;
        stream.write(`\r\u001b[K${text}`);
        shown = true;
      } else {
        if (now - last < 3000) return;
        stream.write(`${text}\n`);
      }
      last = now;
    },
    done(): void {
      if (shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}

/** 1234567 → "1 234 567" (Russian thousands separator, a narrow no-break space). */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
