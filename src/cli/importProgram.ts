/** The `import` command's place in the `shnor` program (commander wiring only). */
import type { Command } from "commander";
import type { Io } from "./commands";
import { importCommand } from "./importCommand";

export function registerImport(p: Command, io: Io, run: (code: Promise<number>) => void): void {
  p.command("import")
    .description("прочитать выгрузки ФИС ОКО и протоколы РЦОИ (.xlsx, .xls) и записать входную книгу")
    .argument("<файлы и папки...>", "файлы выгрузок или папки с ними")
    .requiredOption("-o, --output <регион.xlsx>", "входная книга для identify")
    .option("--schools <школы.xlsx>", "книга с листом «Школы» (и «Шкалы»): по ней сопоставляются коды и логины школ")
    .option("--procedure <ОГЭ|ЕГЭ>", "процедура протоколов, в которых она не указана")
    .helpOption("-h, --help", "показать справку")
    .exitOverride()
    .action((inputs: string[], opts: { output: string; schools?: string; procedure?: string }) => {
      run(
        importCommand(
          inputs,
          { output: opts.output, ...(opts.schools !== undefined ? { schools: opts.schools } : {}), ...(opts.procedure !== undefined ? { procedure: opts.procedure } : {}) },
          io,
        ),
      );
    });
}
