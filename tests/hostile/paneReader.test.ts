/**
 * The hostile-input corpus through the pane's reader (`readXlsxBytes`: the command line's scanner
 * over fflate, in the standalone page's worker) and through exceljs in memory (`readXlsx`, the
 * pane's reader before, its guard in front). Each file must be refused — with the very message the
 * command line's streaming reader gives — within a CPU-time ceiling, instead of crashing the
 * browser tab. One bound differs by design for exceljs only: it makes a cell object for every cell
 * a merge covers, so the in-memory reader takes far fewer merged cells.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WorkbookFileError } from "../../src/workbook/fileKind";
import { readXlsxBytes } from "../../src/workbook/xlsxBytes";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { readXlsxStream } from "../../src/workbook/xlsxStream";
import { HOSTILE_CASES, makeHostile } from "./makeHostile";

/** CPU seconds (user + system) per case, read from this process's own usage. */
const MAX_CPU_S = 15;

/** Cases whose pane message differs from the streaming reader's, and what it must say. */
const OWN_MESSAGE: Readonly<Record<string, RegExp>> = {
  "merged-ranges-over-whole-sheet": /^лист «Школы»: объединённые ячейки покрывают больше 2\s000\s000 ячеек \(диапазонов: 1\) — файл повреждён или собран не Excel$/,
};

/**
 * Cases whose CPU is bounded by the scanner's own limit but not measurable in this process: under
 * jest the scanner takes ~65 s CPU on the 50 million merge visits — the command line's reader
 * (readXlsxStream) as much as the pane's — against ~2 s for either run by node/tsx;
 * tests/hostile/hostile.test.ts bounds the same scanner's CPU in a process of its own.
 */
const SLOW_UNDER_JEST: ReadonlySet<string> = new Set(["merged-ranges-over-whole-sheet"]);

let dir: string;
let files: Map<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shnor-hostile-pane-"));
  files = await makeHostile(dir);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(read: () => Promise<unknown>): Promise<WorkbookFileError> {
  try {
    await read();
  } catch (e) {
    if (e instanceof WorkbookFileError) return e;
    throw e;
  }
  throw new Error("read without an error");
}

describe("hostile input through the pane's reader (the scanner over fflate)", () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s: refused with the streaming reader's Russian message, bounded CPU", async (name, c) => {
    const file = files.get(name)!;
    const bytes = readFileSync(file);
    const before = process.cpuUsage();
    const pane = await refusal(async () => readXlsxBytes(bytes));
    const used = process.cpuUsage(before);
    const cpu = (used.user + used.system) / 1e6;
    if (!SLOW_UNDER_JEST.has(name)) expect({ name, cpuWithinCeiling: cpu < MAX_CPU_S, cpu: Math.round(cpu * 10) / 10 }).toMatchObject({ cpuWithinCeiling: true });
    expect(pane.message).toMatch(c.message);
    const streamed = await refusal(() => readXlsxStream(file));
    expect(pane.message).toBe(streamed.message);
  }, 120_000);
});

describe("hostile input through exceljs in memory (readXlsx, its guard in front)", () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))("%s: refused with the streaming reader's Russian message, bounded CPU", async (name, c) => {
    const file = files.get(name)!;
    const bytes = readFileSync(file);
    const before = process.cpuUsage();
    const pane = await refusal(() => readXlsx(bytes));
    const used = process.cpuUsage(before);
    const cpu = (used.user + used.system) / 1e6;
    expect({ name, cpuWithinCeiling: cpu < MAX_CPU_S, cpu: Math.round(cpu * 10) / 10 }).toMatchObject({ cpuWithinCeiling: true });
    const own = OWN_MESSAGE[name];
    if (own !== undefined) {
      expect(pane.message).toMatch(own);
      return;
    }
    expect(pane.message).toMatch(c.message);
    const streamed = await refusal(() => readXlsxStream(file));
    expect(pane.message).toBe(streamed.message);
  }, 120_000);
});
