/**
 * The CLI's commands: read → parse → analyse (identification and monitoring) → write, with exit codes
 * 0 = done, 1 = the input has errors (nothing written), 2 = wrong usage.
 */
import { analyseParsed, type Analysed } from "../workbook/pipeline";
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { resolveMethodology, PRESET_IDS, type AnalysisResult, type IdentificationInput, type Methodology, type PresetId } from "../engine";
import type { Issue } from "../engine/types";
import type { WriteReport } from "../workbook/port";
import { parseWorkbook, type RawWorkbook } from "../schema";
import { startResultWorkbookTo } from "../workbook/resultWriterNode";
import { cutWarning } from "../workbook/safeText";
import { checkWorkbookBytes, FILE_KIND_HEAD, WorkbookFileError } from "../workbook/fileKind";
import { resultSheets, CATEGORY_ORDER } from "../workbook/resultSheets";
import { readXlsxFile } from "../workbook/xlsxFile";
import { dynamicsLine } from "./dynamicsLine";
import { progressLine, thousands } from "./files";
import { checkWritable, jsonReason, StreamedOutputs, writeFilesAtomic } from "./safety";
import { MIB } from "../workbook/readLimits";
import { issueCounts, issuesTable } from "./issuesTable";
import { writeResultJson } from "./json";

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** A usage problem: the shell prints the message and exits with 2. */
export class UsageError extends Error {}

export function samePath(a: string, b: string): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

export function requireInput(path: string): void {
  if (!existsSync(path)) throw new UsageError(`Файл «${path}» не найден`);
  if (statSync(path).isDirectory()) throw new UsageError(`«${path}» — папка, а нужна книга Excel (.xlsx)`);
  // The content decides, not the extension: an .xls or .csv gets advice rather than a zip error.
  const check = checkWorkbookBytes(readHead(path));
  if (!check.ok) throw new InputError(`«${path}»: ${check.message}`);
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(FILE_KIND_HEAD);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The methodology of --preset and --params, or a UsageError in Russian. */
export function methodologyFrom(preset: string, paramsPath: string | undefined): Methodology {
  if (!(PRESET_IDS as readonly string[]).includes(preset)) {
    throw new UsageError(`Неизвестная методика «${preset}»: ожидалась одна из ${PRESET_IDS.join(", ")}`);
  }
  let overrides: Record<string, unknown> = {};
  if (paramsPath !== undefined) {
    if (!existsSync(paramsPath)) throw new UsageError(`Файл параметров «${paramsPath}» не найден`);
    let parsed: unknown;
    const text = readFileSync(paramsPath, "utf8");
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`Файл параметров «${paramsPath}» — не JSON: ${jsonReason(e, text)}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new UsageError(`Файл параметров «${paramsPath}»: ожидался объект { "параметр": значение, … }`);
    }
    overrides = parsed as Record<string, unknown>;
  }
  const resolved = resolveMethodology(preset as PresetId, overrides);
  if (!resolved.ok) throw new UsageError(`Ошибки в параметрах:\n  ${resolved.errors.join("\n  ")}`);
  return resolved.value;
}

export async function readInput(path: string, io: Io): Promise<RawWorkbook> {
  const progress = progressLine(io.stderr);
  const started = Date.now();
  try {
    const mb = Number(process.env["SHNOR_MAX_UNPACKED_MB"]);
    return await readXlsxFile(path, {
      ...(Number.isFinite(mb) && mb > 0 ? { maxUnpackedBytes: mb * MIB } : {}),
      onProgress: (sheet, rows) => {
        if (Date.now() - started > 1000) progress.update(`Чтение «${sheet}»: ${thousands(rows)} строк…`);
      },
    });
  } catch (e) {
    progress.done();
    if (e instanceof WorkbookFileError) throw new InputError(`«${path}»: ${e.message}`);
    throw new InputError(`Не удалось прочитать «${path}» как книгу Excel (.xlsx): ${(e as Error).message}`);
  } finally {
    progress.done();
  }
}

/**
 * exceljs and docx (≈2 MB of bundled code with their dependencies) are loaded only by the
 * commands that need them (`template`, `--report`), not at every start. `require`, not
 * `import()`: the bundle (esbuild) and the sources run through tsx's CommonJS hook both resolve
 * it, and esbuild initialises the module only when it is called.
 */
export function loadReport(): typeof import("../report/report") {
  return require("../report/report") as typeof import("../report/report");
}

function loadTemplate(): typeof import("../workbook/template") {
  return require("../workbook/template") as typeof import("../workbook/template");
}

/** The input cannot be used (unreadable file): exit 1. */
export class InputError extends Error {}

type Parsed = { ok: true; input: IdentificationInput; issues: readonly Issue[] } | { ok: false; issues: readonly Issue[] };

export function parse(raw: RawWorkbook): Parsed {
  const parsed = parseWorkbook(raw);
  const hasErrors = parsed.issues.some((i) => i.severity === "error");
  if (!parsed.ok || hasErrors) return { ok: false, issues: parsed.issues };
  return { ok: true, input: parsed.input, issues: parsed.issues };
}

export function reportIssues(issues: readonly Issue[], io: Io, title: string): void {
  if (issues.length === 0) return;
  io.stderr.write(`${title}\n${issuesTable(issues)}`);
}

export interface IdentifyOptions {
  readonly output: string;
  readonly json?: string;
  readonly preset: string;
  readonly params?: string;
  /** `--report справка.docx`: the analytical report (SPEC §12). */
  readonly report?: string;
}

export async function identifyCommand(inputPath: string, options: IdentifyOptions, io: Io, now: Date = new Date()): Promise<number> {
  requireInput(inputPath);
  for (const target of [options.output, options.json]) {
    if (target !== undefined && samePath(target, inputPath)) {
      throw new UsageError(`Выходной файл «${target}» совпадает с входным: входной файл не изменяется, укажите другой путь`);
    }
  }
  if (!/\.xlsx$/i.test(options.output)) throw new UsageError(`Выходной файл должен иметь расширение .xlsx: «${options.output}»`);
  if (options.json !== undefined && samePath(options.json, options.output)) throw new UsageError("Пути -o и --json совпадают");
  if (options.report !== undefined) checkReportPath(options.report, inputPath, [options.output, options.json]);
  const methodology = methodologyFrom(options.preset, options.params);
  // Before any work: an unwritable output is known now, not after minutes of computing.
  checkWritable(options.output, "Книгу результатов");
  if (options.json !== undefined) checkWritable(options.json, "JSON-результат");
  if (options.report !== undefined) checkWritable(options.report, "Справку");

  stageStarted = performance.now();
  stageCpuStarted = process.cpuUsage();
  bootSeconds = stageStarted / 1000;
  bootCpuSeconds = (stageCpuStarted.user + stageCpuStarted.system) / 1e6;
  const computed = await readAndAnalyse(inputPath, methodology, io);
  if (!computed.ok) {
    reportIssues(computed.issues, io, "Входные данные содержат ошибки; ничего не записано.");
    return EXIT_INPUT;
  }
  const { result, inputRows } = computed;
  const written = await writeIdentifyOutputs(result, inputRows, options, basename(inputPath), now);
  stageDone("write");

  const { warnings } = issueCounts(result.issues);
  io.stdout.write(summary(result, methodology));
  const cutNote = cutWarning((written.cut ?? []).map((c) => ({ sheet: c.split("!")[0] ?? "", cell: c.split("!")[1] ?? "" })));
  if (cutNote !== null) io.stdout.write(`Предупреждение: ${cutNote}\n`);
  io.stdout.write(`Результат: ${[options.output, options.json, options.report].filter((x) => x !== undefined).join(", ")}\n`);
  if (warnings > 0) io.stdout.write(`Предупреждений: ${warnings} (лист «Замечания»${options.json !== undefined ? " и JSON" : ""}; полный список — shnor validate)\n`);
  return EXIT_OK;
}

/**
 * Writes the result workbook, and the JSON and the report where asked for, all or none: every
 * output goes to a temporary file as it is made (written on the thread pool) and all are renamed
 * into place together at the end; an error or a signal before that leaves none.
 */
export async function writeIdentifyOutputs(
  result: AnalysisResult,
  inputRows: Readonly<Record<string, number>>,
  options: Pick<IdentifyOptions, "output" | "json" | "report">,
  source: string,
  now: Date,
): Promise<WriteReport> {
  const date = now.toISOString().slice(0, 10);
  const outputs = new StreamedOutputs();
  try {
    const xlsx = outputs.open(options.output);
    // The sheets' XML is made first; the JSON is made while zlib deflates it on the thread pool.
    const started = await startResultWorkbookTo(resultSheets(result, { inputRows, date, source }), {
      write: (chunk) => {
        xlsx.write(chunk);
        return Promise.resolve();
      },
      end: () => Promise.resolve(),
    });
    if (options.json !== undefined) {
      const json = outputs.open(options.json);
      writeResultJson(result, (text) => json.text(text));
    }
    const written = await started.finished;
    if (options.report !== undefined) {
      const report = await loadReport().reportBytes(result, { date, source });
      outputs.open(options.report).write(report);
    }
    await outputs.commit();
    return written;
  } catch (e) {
    outputs.abort();
    throw e;
  }
}

/** `--report` must be a .docx path other than the input and the other outputs. */
function checkReportPath(report: string, inputPath: string, others: readonly (string | undefined)[]): void {
  if (!/\.docx$/i.test(report)) throw new UsageError(`Справка должна иметь расширение .docx: «${report}»`);
  if (samePath(report, inputPath)) throw new UsageError(`Файл справки «${report}» совпадает с входным`);
  for (const other of others) if (other !== undefined && samePath(report, other)) throw new UsageError(`Путь --report совпадает с путём другого результата: «${report}»`);
}

/**
 * Reads, parses and analyses. The raw cells (the largest thing in memory for a million-row
 * workbook) live only inside {@link readAndParse}: a value once awaited stays reachable from the
 * awaiting function's frame until that function returns, even after its variable is cleared
 * (measured: 225 MB of raw cells kept through the whole analysis, and two more full collections).
 * Collected as soon as they are parsed, before the analysis allocates its own structures, the
 * command's peak is the parse's.
 */
async function readAndAnalyse(
  inputPath: string,
  methodology: Methodology,
  io: Io,
): Promise<{ ok: false; issues: Parsed["issues"] } | ({ ok: true } & Analysed)> {
  const parsed = await readAndParse(inputPath, io);
  collectGarbage();
  stageDone("parse");
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const analysed = analyseParsed(parsed.input, parsed.issues, methodology);
  stageDone("analyse");
  return { ok: true, ...analysed };
}

async function readAndParse(inputPath: string, io: Io): Promise<Parsed> {
  const raw = await readInput(inputPath, io);
  stageDone("read");
  return parse(raw);
}

/**
 * A full garbage collection where the process allows one (bin/shnor.js starts the command with
 * --expose-gc); a no-op elsewhere (tests, the sources run through tsx).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Stage timings for `npm run bench`: with SHNOR_TIMINGS=file set, identify writes the seconds
 * each stage took (read, parse, analyse, write) to that file as JSON, with `boot` (seconds from
 * the process's start to the command's: Node and the bundle loading) and `peakMb` (the process's
 * peak resident memory at the end of each stage, in MB), `cpu` (the CPU seconds, user + system, of
 * each stage) and `endUs` (each stage's end on the monotonic clock in µs, the clock of a
 * `node --cpu-prof` profile, to cut a profile into the stages).
 */
const stageTimes: Record<string, number> = {};
const stagePeaks: Record<string, number> = {};
const stageCpu: Record<string, number> = {};
const stageEndUs: Record<string, number> = {};
let stageStarted = performance.now();
let stageCpuStarted = process.cpuUsage();
function stageDone(stage: string): void {
  const now = performance.now();
  const cpu = process.cpuUsage(stageCpuStarted);
  stageTimes[stage] = (now - stageStarted) / 1000;
  stageCpu[stage] = (cpu.user + cpu.system) / 1e6;
  stagePeaks[stage] = Math.round(process.resourceUsage().maxRSS / 1024);
  stageEndUs[stage] = Number(process.hrtime.bigint() / 1000n);
  stageStarted = now;
  stageCpuStarted = process.cpuUsage();
  const file = process.env["SHNOR_TIMINGS"];
  if (file !== undefined && file !== "") writeFileSync(file, JSON.stringify({ ...stageTimes, boot: bootSeconds, bootCpu: bootCpuSeconds, cpu: stageCpu, peakMb: stagePeaks, endUs: stageEndUs }));
}
let bootSeconds = 0;
let bootCpuSeconds = 0;

export function summary(result: AnalysisResult, methodology: Methodology): string {
  const counts = new Map<string, number>();
  for (const s of result.schools) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  const lines = [`Методика: ${methodology.name}`, `Школ: ${result.schools.length}`];
  for (const c of CATEGORY_ORDER) lines.push(`  ${c}: ${counts.get(c) ?? 0}`);
  lines.push(dynamicsLine(result.dynamics));
  return lines.join("\n") + "\n";
}

export async function validateCommand(inputPath: string, io: Io): Promise<number> {
  requireInput(inputPath);
  const raw = await readInput(inputPath, io);
  const parsed = parseWorkbook(raw);
  const { errors, warnings, infos } = issueCounts(parsed.issues);
  if (parsed.issues.length > 0) io.stdout.write(issuesTable(parsed.issues));
  io.stdout.write(`Ошибок: ${errors}, предупреждений: ${warnings}, сведений: ${infos}\n`);
  return parsed.ok && errors === 0 ? EXIT_OK : EXIT_INPUT;
}

export async function templateCommand(output: string, io: Io, force = false): Promise<number> {
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`Файл шаблона должен иметь расширение .xlsx: «${output}»`);
  if (!force && existsSync(output)) throw new UsageError(`Файл «${output}» уже существует: шаблон не записан. Чтобы заменить файл, добавьте --force`);
  checkWritable(output, "Шаблон");
  const { templateWorkbook } = loadTemplate();
  writeFilesAtomic([{ path: output, data: await templateWorkbook() }]);
  io.stdout.write(`Шаблон записан: ${output}\n`);
  return EXIT_OK;
}
