/**
 * `identify --exports DIR [--schools …]` and `validate --exports DIR [--schools …]`: the exports
 * are imported in memory (no workbook written, so a region past Excel's row limit needs none)
 * and go through the same parsing, analysis and writing as an input workbook.
 */
import { basename } from "node:path";
import { parseWorkbook, type RawWorkbook } from "../schema";
import { analyseParsed } from "../workbook/pipeline";
import { EXIT_INPUT, EXIT_OK, methodologyFrom, summary, UsageError, writeIdentifyOutputs, type IdentifyOptions, type Io } from "./commands";
import { importFromFiles, importIssueLines, toRawWorkbook } from "./importCommand";
import { issueCounts, issuesTable } from "./issuesTable";

export interface ExportsOptions {
  readonly exports: string;
  readonly schools?: string;
}

async function exportsWorkbook(options: ExportsOptions, io: Io, exclude: readonly string[]): Promise<RawWorkbook | null> {
  const { assembled, session } = await importFromFiles({ inputs: [options.exports], exclude, ...(options.schools === undefined ? {} : { schools: options.schools }) }, io);
  const lines = importIssueLines(assembled.issues.filter((i) => i.severity !== "info"));
  if (lines !== "") io.stderr.write(`Импорт выгрузок (${session.reports.length} листов):\n${lines}`);
  if (assembled.fatal !== null) {
    io.stderr.write(`Ничего не записано: ${assembled.fatal}\n`);
    return null;
  }
  return toRawWorkbook(assembled.sheets);
}

export async function identifyExportsCommand(options: ExportsOptions & IdentifyOptions, io: Io, now: Date = new Date()): Promise<number> {
  if (!/\.xlsx$/i.test(options.output)) throw new UsageError(`Выходной файл должен иметь расширение .xlsx: «${options.output}»`);
  if (options.json !== undefined && options.json === options.output) throw new UsageError("Пути -o и --json совпадают");
  if (options.report !== undefined && !/\.docx$/i.test(options.report)) throw new UsageError(`Справка должна иметь расширение .docx: «${options.report}»`);
  const methodology = methodologyFrom(options.preset, options.params);
  const raw = await exportsWorkbook(options, io, [options.output]);
  if (raw === null) return EXIT_INPUT;
  const parsed = parseWorkbook(raw);
  if (!parsed.ok || parsed.issues.some((i) => i.severity === "error")) {
    io.stderr.write(`Входные данные содержат ошибки; ничего не записано.\n${issuesTable(parsed.issues)}`);
    return EXIT_INPUT;
  }
  const { result, inputRows } = analyseParsed(parsed.input, parsed.issues, methodology);
  await writeIdentifyOutputs(result, inputRows, options, basename(options.exports), now);
  io.stdout.write(summary(result, methodology));
  io.stdout.write(`Результат: ${[options.output, options.json, options.report].filter((x) => x !== undefined).join(", ")}\n`);
  const { warnings } = issueCounts(result.issues);
  if (warnings > 0) io.stdout.write(`Предупреждений: ${warnings} (лист «Замечания»${options.json !== undefined ? " и JSON" : ""})\n`);
  return EXIT_OK;
}

export async function validateExportsCommand(options: ExportsOptions, io: Io): Promise<number> {
  const raw = await exportsWorkbook(options, io, []);
  if (raw === null) return EXIT_INPUT;
  const parsed = parseWorkbook(raw);
  const { errors, warnings, infos } = issueCounts(parsed.issues);
  if (parsed.issues.length > 0) io.stdout.write(issuesTable(parsed.issues));
  io.stdout.write(`Ошибок: ${errors}, предупреждений: ${warnings}, сведений: ${infos}\n`);
  return parsed.ok && errors === 0 ? EXIT_OK : EXIT_INPUT;
}
