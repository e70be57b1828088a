/**
 * Runs `npm run build` once for the tests that read dist/ (the functions bundle, the manifest),
 * or reuses dist/ when it is newer than every input. Jest runs test files in parallel workers,
 * so a lock directory keeps two workers from building into the same dist/ at once.
 */
import { execSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
const STAMP = path.join(DIST, ".build-stamp");
const LOCK = path.join(os.tmpdir(), `shnor-build-${Buffer.from(ROOT).toString("hex").slice(-24)}.lock`);
const INPUTS = ["src", "assets", "webpack.config.js", "manifest.xml", "scripts/build-functions-ru.js", "package.json", "tsconfig.json"];
const OUTPUTS = ["functions.js", "functions.json", "functions-ru.json", "commands.js", "taskpane.js", "taskpane.html", "manifest.xml"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function distIsFresh(): boolean {
  if (!fs.existsSync(STAMP) || !OUTPUTS.every((f) => fs.existsSync(path.join(DIST, f)))) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= built);
}

/**
 * The timeout for a jest hook or test that may build dist/ first. A production build takes 1–2 min
 * on a quiet 2-core machine and over 5 min under load (a fresh clone in CI builds it in whichever
 * suite comes first); the lock below waits and goes stale on the same scale.
 */
export const BUILD_TIMEOUT_MS = 20 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(body: () => T): Promise<T> {
  for (let waited = 0; ; waited += 250) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = fs.existsSync(LOCK) ? Date.now() - fs.statSync(LOCK).mtimeMs : 0;
      if (age > BUILD_TIMEOUT_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      if (waited > BUILD_TIMEOUT_MS) throw new Error(`build lock ${LOCK} held for over ${BUILD_TIMEOUT_MS / 60_000} minutes`);
      await sleep(250);
    }
  }
  try {
    return body();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** dist/ as `npm run build` makes it, built at most once per change of the inputs. */
export async function ensureBuilt(): Promise<string> {
  await withLock(() => {
    if (distIsFresh()) return;
    const started = Date.now();
    execSync("npm run build", { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
    fs.writeFileSync(STAMP, new Date(started).toISOString());
    // The stamp must not be newer than an input edited during the build: date it at the start.
    fs.utimesSync(STAMP, new Date(started), new Date(started));
  });
  return DIST;
}
