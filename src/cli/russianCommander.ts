/**
 * commander speaks English; the command line speaks Russian. Its error messages are rebuilt
 * from their parts (the quoted option or argument names) and its help headings translated.
 */

const quoted = (message: string): string[] => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);

/**
 * A commander error message, in Russian.
 *
 * @example
 * russianUsage("commander.unknownOption", "error: unknown option '--bogus'") // "неизвестный параметр «--bogus»"
 */
export function russianUsage(code: string, message: string): string {
  const q = quoted(message);
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(message)?.[1];
  const hint = suggestion === undefined ? "" : ` (может быть, ${suggestion}?)`;
  switch (code) {
    case "commander.missingArgument":
      return `не указан обязательный аргумент «${q[0] ?? ""}»`;
    case "commander.optionMissingArgument":
    case "commander.missingMandatoryOptionValue":
      return `не указано значение обязательного параметра «${q[0] ?? ""}»`;
    case "commander.unknownOption":
      return `неизвестный параметр «${q[0] ?? ""}»${hint}`;
    case "commander.unknownCommand":
      return `неизвестная команда «${q[0] ?? ""}»${hint}`;
    case "commander.excessArguments": {
      const got = /got (\d+)/.exec(message)?.[1];
      return `лишние аргументы у команды «${q[0] ?? ""}»${got === undefined ? "" : ` (передано ${got})`}`;
    }
    case "commander.invalidArgument": {
      const choices = /Allowed choices are (.+)\.$/.exec(message)?.[1];
      return `недопустимое значение «${q[1] ?? ""}» параметра «${q[0] ?? ""}»${choices === undefined ? "" : `: допустимы ${choices}`}`;
    }
    case "commander.conflictingOption":
      return `параметры «${q[0] ?? ""}» и «${q[1] ?? ""}» несовместимы`;
    default:
      return message.replace(/^error: /, "");
  }
}

/** commander's help text with Russian headings and notes. */
export function russianHelp(text: string): string {
  return text
    .replace(/^Usage:/gm, "Использование:")
    .replace(/^Options:/gm, "Параметры:")
    .replace(/^Commands:/gm, "Команды:")
    .replace(/^Arguments:/gm, "Аргументы:")
    .replace(/^Global Options:/gm, "Общие параметры:")
    .replace(/\[options\]/g, "[параметры]")
    .replace(/\[command\]/g, "[команда]")
    .replace(/([(,] ?)default: /g, "$1по умолчанию: ")
    .replace(/\(choices: /g, "(варианты: ");
}
