/**
 * Exit codes and messages of `shnor` as a process: 3 for an internal error (one Russian line and a
 * log file), a crashed child reported as such, outputs checked before any work and written all
 * or nothing, Russian messages from commander and JSON.parse, no terminal escapes from cells,
 * `template` that does not overwrite without --force.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { FileProblem, jsonReason, terminalSafe, writeFilesAtomic } from "../../src/cli/safety";
import { russianHelp, russianUsage } from "../../src/cli/russianCommander";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/shnor.js");
const OK = join(ROOT, "tests/fixtures/ok.minimal.xlsx");

function shnor(args: string[], cwd: string, nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shnor-exit-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("exit 3: internal error", () => {
  it("prints one Russian line naming a log file that holds the stack trace", () => {
    // The command line with main() replaced by one that fails the way a bug would.
    const script = `require("tsx/cjs"); require(${JSON.stringify(join(ROOT, "src/cli/run.ts"))}).runCli(async () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); });`;
    const r = spawnSync(process.execPath, ["-e", script, "--", "validate", OK], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(3);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Внутренняя ошибка программы \(это не ошибка в ваших данных\); подробности — в файле (\S+\.log)\. Сообщите о ней разработчикам\.$/);
    expect(r.stderr).not.toMatch(/TypeError|at /);
    const log = /в файле (\S+\.log)/.exec(lines[0]!)![1]!;
    const text = readFileSync(log, "utf8");
    expect(text).toContain("TypeError: Cannot read properties of undefined");
    expect(text).toMatch(/\n\s+at /);
    rmSync(log);
  });

  it("reports a child that runs out of memory as a crash, exit 3", () => {
    const demo = join(ROOT, "assets/demo/demo-region.xlsx");
    const r = shnor(["validate", demo], dir, ["--max-old-space-size=24"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/shnor аварийно завершился \(сигнал SIGABRT — скорее всего, не хватило памяти\); ничего не записано\./);
  });
});

describe("outputs", () => {
  it("are checked before any work: an unwritable -o fails at once with exit 2, even on a broken input", () => {
    writeFileSync(join(dir, "a-file"), "x");
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 broken");
    const r = shnor(["identify", broken, "-o", join(dir, "a-file", "out.xlsx")], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Книгу результатов «.*a-file\/out\.xlsx» нельзя записать: «.*a-file» — файл, а не папка/);
    expect(r.stderr).not.toMatch(/повреждён/);
  });

  it("refuses a folder as --json before any work", () => {
    mkdirSync(join(dir, "folder"), { recursive: true });
    const r = shnor(["identify", OK, "-o", "o.xlsx", "--json", "folder"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/JSON-результат «folder» — это папка/);
    expect(existsSync(join(dir, "o.xlsx"))).toBe(false);
  });

  it("are written all or none: a failure at the second leaves the first target as it was", () => {
    const first = join(dir, "first.xlsx");
    writeFileSync(first, "old");
    writeFileSync(join(dir, "blocker"), "a file where a folder is needed");
    expect(() =>
      writeFilesAtomic([
        { path: first, data: "new" },
        { path: join(dir, "blocker", "second.json"), data: "{}" },
      ]),
    ).toThrow(FileProblem);
    expect(readFileSync(first, "utf8")).toBe("old");
    expect(existsSync(join(dir, ".first.xlsx." + process.pid + ".tmp"))).toBe(false);
  });
});

describe("template", () => {
  it("does not overwrite an existing file without --force (exit 2), and does with it", () => {
    const target = join(dir, "шаблон.xlsx");
    writeFileSync(target, "my precious workbook");
    const r = shnor(["template", "-o", target], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/уже существует: шаблон не записан\. Чтобы заменить файл, добавьте --force/);
    expect(readFileSync(target, "utf8")).toBe("my precious workbook");
    const forced = shnor(["template", "-o", target, "--force"], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("messages in Russian", () => {
  it.each([
    ["commander.missingArgument", "error: missing required argument 'in.xlsx'", "не указан обязательный аргумент «in.xlsx»"],
    ["commander.optionMissingArgument", "error: option '-o, --output <out.xlsx>' argument missing", "не указано значение обязательного параметра «-o, --output <out.xlsx>»"],
    ["commander.missingMandatoryOptionValue", "error: required option '-o, --output <out.xlsx>' not specified", "не указано значение обязательного параметра «-o, --output <out.xlsx>»"],
    ["commander.unknownOption", "error: unknown option '--jsn'\n(Did you mean --json?)", "неизвестный параметр «--jsn» (может быть, --json?)"],
    ["commander.unknownCommand", "error: unknown command 'idenitfy'", "неизвестная команда «idenitfy»"],
    ["commander.excessArguments", "error: too many arguments for 'validate'. Expected 1 argument but got 2.", "лишние аргументы у команды «validate» (передано 2)"],
    ["commander.invalidArgument", "error: option '--preset <методика>' argument 'moscow' is invalid. Allowed choices are kbr, bryansk.", "недопустимое значение «moscow» параметра «--preset <методика>»: допустимы kbr, bryansk"],
  ])("commander's %s", (code, message, russian) => {
    expect(russianUsage(code, message)).toBe(russian);
  });

  it("help headings", () => {
    expect(russianHelp('Usage: shnor [options] [command]\n\nOptions:\n  --preset <методика>  методика (choices: "kbr", default: "kbr")\nCommands:\n')).toBe(
      'Использование: shnor [параметры] [команда]\n\nПараметры:\n  --preset <методика>  методика (варианты: "kbr", по умолчанию: "kbr")\nКоманды:\n',
    );
    const r = shnor(["identify", "--help"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Использование: shnor identify \[параметры\] [<[]in\.xlsx[>\]]/);
    expect(r.stdout).not.toMatch(/Usage|Options|default:/);
  });

  it.each([
    ["a missing brace", '{ "minParticipants": 5', /файл обрывается|строке 1/],
    ["a stray comma on line 3", '{\n  "minParticipants": 5,\n}', /ошибка синтаксиса JSON в строке 3, столбце 1/],
    ["an empty file", "", /файл обрывается: JSON не закончен/],
  ])("JSON.parse on %s", (_name, text, message) => {
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    expect(jsonReason(error, text)).toMatch(message);
  });
});

describe("terminal safety", () => {
  it.each([
    ["a colour", "\u001b[31mкрасный\u001b[0m", "красный"],
    ["clear screen", "\u001b[2J\u001b[Hтекст", "текст"],
    ["a window title", "\u001b]0;pwned\u0007имя", "имя"],
    ["a bell and a backspace", "a\u0007b\u0008c", "abc"],
    ["a right-to-left override", "школа\u202e1", "школа1"],
    ["a line break", "строка 1\nстрока 2", "строка 1 строка 2"],
  ])("strips %s from cell text", (_name, text, safe) => {
    expect(terminalSafe(text)).toBe(safe);
  });

  it("validate prints a cell's text without its escape sequences", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(OK);
    wb.getWorksheet("Школы")!.getCell("E3").value = "\u001b[2J\u001b]0;pwned\u0007много";
    const file = join(dir, "escapes.xlsx");
    await wb.xlsx.writeFile(file);
    const r = shnor(["validate", file], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Школы!E3\s+ошибка\s+.*много» — ожидалось/);
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
