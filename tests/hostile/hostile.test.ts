/**
 * The hostile-input suite: every file of makeHostile.ts through `shnor validate` as a child
 * process. Each must end with exit 1 and its Russian message on stderr (no stack trace, no
 * English), within a CPU-time and peak-memory ceiling read from the child's own resource usage.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HOSTILE_CASES, makeHostile } from "./makeHostile";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/shnor.js");
const HOOK = join(__dirname, "rusage.cjs");

/** Ceilings per case: CPU seconds (user + system) and peak resident memory. */
const MAX_CPU_S = 15;
const MAX_RSS_MB = 600;

let dir: string;
let files: Map<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shnor-hostile-"));
  files = await makeHostile(dir);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hostile input", () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s: exit 1 with a Russian message, bounded time and memory", (name, c) => {
    const file = files.get(name)!;
    const usage = join(dir, `${name}.rusage.json`);
    const r = spawnSync(process.execPath, ["--require", HOOK, BIN, "validate", file], {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, SHNOR_NO_RESPAWN: "1", SHNOR_RUSAGE_FILE: usage },
    });
    expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toMatchObject({ status: 1, signal: null });
    expect(r.stderr).toMatch(c.message);
    // One line of Russian (after the progress lines a slow read prints): no stack trace, no
    // English from Node, zlib or V8.
    const lines = r.stderr.trim().split("\n").filter((l) => !/^Чтение «[^»]+»: [\d\s\u202f]+ строк…$/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Ошибка: «/);
    expect(r.stderr).not.toMatch(/\bat \S+ \(|Error:|[A-Za-z]{4,} [a-z]{4,}/);
    expect(existsSync(usage)).toBe(true);
    const u = JSON.parse(readFileSync(usage, "utf8")) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    const cpu = (u.userCPUTime + u.systemCPUTime) / 1e6;
    const rss = u.maxRSS / 1024;
    expect({ name, cpuWithinCeiling: cpu < MAX_CPU_S, rssWithinCeiling: rss < MAX_RSS_MB, cpu: Math.round(cpu * 10) / 10, rss: Math.round(rss) }).toMatchObject({
      cpuWithinCeiling: true,
      rssWithinCeiling: true,
    });
  });

  it("builds small files: every case is under 4 MB on disk", () => {
    for (const [name, file] of files) expect({ name, small: readFileSync(file).length < 4 * 1024 * 1024 }).toEqual({ name, small: true });
  });
});
