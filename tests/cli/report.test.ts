/** `shnor identify … --report справка.docx` as a real process: the report is written with the other outputs, or not at all. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { zipEntries } from "../workbook/unzip";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/shnor.js");
const FIXTURES = join(ROOT, "tests/fixtures");
const OK = join(FIXTURES, "ok.minimal.xlsx");

function shnor(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("shnor identify --report", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "shnor-report-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the report beside the workbook and the JSON, whose schools carry recommendations and mentors", () => {
    const r = shnor(["identify", OK, "-o", "out.xlsx", "--json", "out.json", "--report", "справка.docx"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Результат: out.xlsx, out.json, справка.docx");
    const document = zipEntries(readFileSync(join(dir, "справка.docx"))).get("word/document.xml")?.toString("utf8") ?? "";
    expect(document.includes("Аналитическая справка")).toBe(true);
    expect(document.includes("Исходные данные: ok.minimal.xlsx.")).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as { schools: Record<string, unknown>[] };
    const keys = Object.keys(json.schools[0] ?? {});
    expect(keys.slice(keys.indexOf("reasons"), keys.indexOf("reasons") + 4)).toEqual(["reasons", "recommendations", "mentors", "mentorsNote"]);
  });

  it.each<[string, string[], RegExp]>([
    ["a report that is not .docx", ["identify", OK, "-o", "x.xlsx", "--report", "x.pdf"], /Справка должна иметь расширение \.docx/],
    ["a report path equal to the JSON's", ["identify", OK, "-o", "x.xlsx", "--json", "same.docx", "--report", "same.docx"], /Путь --report совпадает с путём другого результата/],
  ])("exits 2 on %s and writes nothing", (_name, args, message) => {
    const r = shnor(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  it("writes no report when the input has errors (exit 1)", () => {
    const r = shnor(["identify", join(FIXTURES, "error.duplicate-school-id.xlsx"), "-o", "bad.xlsx", "--report", "bad.docx"], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "bad.docx"))).toBe(false);
  });
});
