/** `shnor` command line: parses arguments with commander, maps every failure to an exit code. */
import { Command, CommanderError, Option } from "commander";
import { ENGINE_VERSION, PRESET_IDS } from "../engine";
import { identifyExportsCommand, validateExportsCommand, type ExportsOptions } from "./exportsCommands";
import { registerImport } from "./importProgram";
import { compareCommand, DEFAULT_COMPARE_PRESETS } from "./compare";
import { FileProblem } from "./safety";
import { russianHelp, russianUsage } from "./russianCommander";
import { EXIT_INPUT, EXIT_USAGE, identifyCommand, InputError, templateCommand, UsageError, validateCommand, type Io } from "./commands";

/** `--exports DIR` instead of an input workbook: exactly one of the two. */
async function viaExports(input: string | undefined, opts: { exports?: string; schools?: string }, go: (x: ExportsOptions) => Promise<number>): Promise<number> {
  if (opts.exports === undefined) throw new UsageError("не указана входная книга (или --exports с папкой выгрузок)");
  if (input !== undefined) throw new UsageError("укажите либо входную книгу, либо --exports, но не оба");
  return go({ exports: opts.exports, ...(opts.schools !== undefined ? { schools: opts.schools } : {}) });
}

function program(io: Io, run: (code: Promise<number>) => void): Command {
  const p = new Command("shnor")
    .description("Выявление ШНОР и ШНСУ по книге Excel")
    .version(ENGINE_VERSION, "-V, --version", "показать версию")
    .helpOption("-h, --help", "показать справку")
    .helpCommand("help [команда]", "справка по команде")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(russianHelp(s)),
      writeErr: (s) => io.stderr.write(russianHelp(s)),
      outputError: () => undefined,
    });
  p.command("identify")
    .description("выявить ШНОР и ШНСУ и записать книгу с результатами")
    .argument("[in.xlsx]", "входная книга")
    .requiredOption("-o, --output <out.xlsx>", "книга с результатами")
    .option("--exports <папка>", "читать выгрузки ФИС ОКО и РЦОИ из папки вместо входной книги")
    .option("--schools <школы.xlsx>", "с --exports: книга с листами «Школы» и «Шкалы»")
    .option("--json <out.json>", "результат в JSON")
    .addOption(new Option("--preset <методика>", "методика").choices([...PRESET_IDS]).default("kbr"))
    .option("--params <params.json>", "изменённые параметры методики (JSON-объект)")
    .option("--report <справка.docx>", "аналитическая справка (.docx)")
    .helpOption("-h, --help", "показать справку")
    .exitOverride()
    .action((input: string | undefined, opts: { output: string; json?: string; preset: string; params?: string; report?: string; exports?: string; schools?: string }) => {
      const common = {
        output: opts.output,
        preset: opts.preset,
        ...(opts.json !== undefined ? { json: opts.json } : {}),
        ...(opts.params !== undefined ? { params: opts.params } : {}),
        ...(opts.report !== undefined ? { report: opts.report } : {}),
      };
      if (opts.exports !== undefined || input === undefined) return run(viaExports(input, opts, (x) => identifyExportsCommand({ ...common, ...x }, io)));
      run(identifyCommand(input, common, io));
    });
  p.command("compare")
    .description("сравнить методики: какие школы выявляет каждая и почему они расходятся")
    .argument("<in.xlsx>", "входная книга")
    .requiredOption("-o, --output <out.xlsx>", "книга со сравнением")
    .option("--json <out.json>", "сравнение в JSON")
    .option("--presets <список>", "методики через запятую", DEFAULT_COMPARE_PRESETS)
    .option("--params-for <ПРЕСЕТ=params.json>", "изменённые параметры одной методики (можно повторять)", (v: string, all: string[]) => [...all, v], [] as string[])
    .helpOption("-h, --help", "показать справку")
    .exitOverride()
    .action((input: string, opts: { output: string; json?: string; presets: string; paramsFor: string[] }) => {
      run(compareCommand(input, { output: opts.output, presets: opts.presets, paramsFor: opts.paramsFor, ...(opts.json !== undefined ? { json: opts.json } : {}) }, io));
    });
  p.command("validate")
    .description("проверить входную книгу и показать все замечания с адресами ячеек")
    .argument("[in.xlsx]", "входная книга")
    .option("--exports <папка>", "проверить выгрузки ФИС ОКО и РЦОИ из папки вместо входной книги")
    .option("--schools <школы.xlsx>", "с --exports: книга с листами «Школы» и «Шкалы»")
    .helpOption("-h, --help", "показать справку")
    .exitOverride()
    .action((input: string | undefined, opts: { exports?: string; schools?: string }) =>
      run(opts.exports !== undefined || input === undefined ? viaExports(input, opts, (x) => validateExportsCommand(x, io)) : validateCommand(input, io)),
    );
  p.command("template")
    .description("записать пустую входную книгу с заголовками, списками и примерами шкал")
    .requiredOption("-o, --output <file.xlsx>", "файл шаблона")
    .option("--force", "заменить существующий файл")
    .helpOption("-h, --help", "показать справку")
    .exitOverride()
    .action((opts: { output: string; force?: boolean }) => run(templateCommand(opts.output, io, opts.force === true)));
  registerImport(p, io, run);
  return p;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let pending: Promise<number> | null = null;
  try {
    const p = program(io, (code) => (pending = code));
    if (argv.length === 0) {
      p.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    await p.parseAsync([...argv], { from: "user" });
    if (pending === null) return EXIT_USAGE;
    return await pending;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return e.exitCode;
      io.stderr.write(`Ошибка: ${russianUsage(e.code, e.message)}\nСправка: shnor --help\n`);
      return EXIT_USAGE;
    }
    if (e instanceof UsageError || e instanceof FileProblem) {
      io.stderr.write(`Ошибка: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      io.stderr.write(`Ошибка: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
}
