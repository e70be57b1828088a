/**
 * `shnor compare <регион.xlsx> -o сравнение.xlsx [--presets kbr,stavropol,bryansk,novolaksky]
 * [--params-for ПРЕСЕТ=параметры.json …] [--json сравнение.json]` (issue 15): the same input
 * under several methodologies, side by side. Exit codes as the other commands: 0 done, 1 the input
 * has errors (nothing written), 2 wrong usage.
 */
import { basename } from "node:path";
import { compareMethodologies, LISTED_IN_NAMES, PRESET_IDS, type ListedIn, type Methodology, type MethodologyComparison } from "../engine";
import { resultWorkbookBytes } from "../workbook/resultWriterNode";
import { compareSheets } from "../workbook/compareSheets";
import { EXIT_INPUT, EXIT_OK, methodologyFrom, parse, readInput, reportIssues, requireInput, samePath, UsageError, type Io } from "./commands";
import { compareJsonText } from "./compareJson";
import { writeFileAtomic } from "./files";
import { issueCounts } from "./issuesTable";

export interface CompareOptions {
  readonly output: string;
  readonly json?: string;
  /** Comma-separated preset ids. */
  readonly presets: string;
  /** "preset=params.json", each at most once. */
  readonly paramsFor: readonly string[];
}

export const DEFAULT_COMPARE_PRESETS = PRESET_IDS.join(",");

/** The methodologies of --presets and --params-for, or a UsageError in Russian. */
export function compareMethodologiesFrom(presets: string, paramsFor: readonly string[]): Methodology[] {
  const ids = presets
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = ids.filter((id) => !(PRESET_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new UsageError(`Неизвестная методика в --presets: ${unknown.map((u) => `«${u}»`).join(", ")}; ожидались ${PRESET_IDS.join(", ")}`);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) throw new UsageError(`Методика указана в --presets дважды: ${[...new Set(twice)].join(", ")}`);
  if (ids.length < 2) throw new UsageError("Для сравнения нужны хотя бы две методики (--presets kbr,bryansk)");
  const files = new Map<string, string>();
  for (const entry of paramsFor) {
    const eq = entry.indexOf("=");
    const preset = eq < 0 ? "" : entry.slice(0, eq).trim();
    const path = eq < 0 ? "" : entry.slice(eq + 1).trim();
    if (preset === "" || path === "") throw new UsageError(`--params-for «${entry}»: ожидалось ПРЕСЕТ=параметры.json, например bryansk=брянск.json`);
    if (!ids.includes(preset)) throw new UsageError(`--params-for «${entry}»: методики «${preset}» нет в --presets (${ids.join(", ")})`);
    if (files.has(preset)) throw new UsageError(`--params-for: для методики «${preset}» файл параметров указан дважды`);
    files.set(preset, path);
  }
  return ids.map((id) => methodologyFrom(id, files.get(id)));
}

export async function compareCommand(inputPath: string, options: CompareOptions, io: Io): Promise<number> {
  requireInput(inputPath);
  for (const target of [options.output, options.json]) {
    if (target !== undefined && samePath(target, inputPath)) {
      throw new UsageError(`Выходной файл «${target}» совпадает с входным: входной файл не изменяется, укажите другой путь`);
    }
  }
  if (!/\.xlsx$/i.test(options.output)) throw new UsageError(`Выходной файл должен иметь расширение .xlsx: «${options.output}»`);
  if (options.json !== undefined && samePath(options.json, options.output)) throw new UsageError("Пути -o и --json совпадают");
  const methodologies = compareMethodologiesFrom(options.presets, options.paramsFor);

  const parsed = parse(await readInput(inputPath, io));
  if (!parsed.ok) {
    reportIssues(parsed.issues, io, "Входные данные содержат ошибки; ничего не записано.");
    return EXIT_INPUT;
  }
  const computed = compareMethodologies(parsed.input, methodologies);
  const comparison: MethodologyComparison = { ...computed, issues: [...parsed.issues, ...computed.issues] };

  const { bytes } = await resultWorkbookBytes(compareSheets(comparison));
  const json = options.json === undefined ? null : compareJsonText(comparison);
  // Both outputs are ready before either is written.
  writeFileAtomic(options.output, bytes);
  if (json !== null && options.json !== undefined) writeFileAtomic(options.json, json);

  io.stdout.write(compareSummary(comparison, basename(inputPath)));
  io.stdout.write(`Результат: ${options.output}${options.json !== undefined ? `, ${options.json}` : ""}\n`);
  const { warnings } = issueCounts(comparison.issues);
  if (warnings > 0) io.stdout.write(`Предупреждений: ${warnings}${options.json !== undefined ? " (в JSON)" : ""}; полный список — shnor validate\n`);
  return EXIT_OK;
}

/** The few lines printed after a comparison. */
export function compareSummary(c: MethodologyComparison, source: string): string {
  const lines = [`Сравнение методик: ${source}, школ ${c.region.schools}`];
  const width = Math.max(...c.presets.map((p) => p.label.length));
  for (const p of c.presets)
    lines.push(`  ${p.label.padEnd(width)}  ШНОР ${p.counts.shnor}, ШНСУ ${p.counts.shnsu}, ШНОР ∪ ШНСУ ${p.counts.shnorOrShnsu}, зона риска ${p.counts.riskZone}`);
  const by = (k: ListedIn): number => c.schools.filter((s) => s.listedIn === k).length;
  lines.push(`В списках ШНОР/ШНСУ: ${LISTED_IN_NAMES.all} методиках — ${by("all")}, ${LISTED_IN_NAMES.some} — ${by("some")}, ${LISTED_IN_NAMES.none} — ${by("none")}`);
  lines.push(
    c.statistics.length === 1
      ? "Индексы оценочных процедур рассчитаны один раз для всех методик"
      : `Индексы оценочных процедур рассчитаны ${c.statistics.length} раза: методики расходятся в параметрах расчёта (лист «Сводка сравнения»)`,
  );
  return lines.join("\n") + "\n";
}
