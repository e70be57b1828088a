/**
 * checkWorkbookBytes: a file that is not an .xlsx is recognised from its first bytes and gets
 * Russian advice; both readers (bytes and file) and the command line use it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkWorkbookBytes, fileKind, WorkbookFileError, type FileKind } from "../../src/workbook/fileKind";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { readXlsxStream } from "../../src/workbook/xlsxStream";

const ROOT = path.resolve(__dirname, "../..");
const LEGACY_XLS = path.join(ROOT, "tests/fixtures/filekind/legacy.xls"); // ok.minimal.xlsx saved by LibreOffice as «Excel 97»
const OK = path.join(ROOT, "tests/fixtures/ok.minimal.xlsx");

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const OLE2_HEADER = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);
/** «Код ОО;Название» in Windows-1251, as a Russian Excel saves a .csv. */
const CP1251_CSV = Uint8Array.from([0xca, 0xee, 0xe4, 0x20, 0xce, 0xce, 0x3b, 0xcd, 0xe0, 0xe7, 0xe2, 0xe0, 0xed, 0xe8, 0xe5, 0x0d, 0x0a, 0x31, 0x3b, 0xd8, 0xea, 0xee, 0xeb, 0xe0]);

describe("fileKind", () => {
  it.each<[string, FileKind, Uint8Array]>([
    ["a real .xlsx", "zip", fs.readFileSync(OK)],
    ["an empty zip", "zip", Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])],
    ["a real .xls (LibreOffice, Excel 97)", "ole2", fs.readFileSync(LEGACY_XLS)],
    ["an OLE2 header (an encrypted .xlsx has the same)", "ole2", OLE2_HEADER],
    ["a UTF-8 .csv", "text", utf8("Код ОО;Название;Муниципалитет\n1;Школа №1;Город\n")],
    ["a UTF-8 .csv with a byte order mark", "text", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Код ОО,Название\n")])],
    ["a Windows-1251 .csv", "text", CP1251_CSV],
    ["an HTML table saved as .xls", "html", utf8("<html><body><table><tr><td>1</td></tr></table></body></html>")],
    ["SpreadsheetML 2003", "html", utf8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>')],
    ["a PDF", "other", utf8("%PDF-1.7\n%\u0000\u0001\u0002\u0003binary")],
    ["random binary", "other", Uint8Array.from([1, 2, 3, 4, 0, 5, 6, 7])],
    ["an empty file", "empty", new Uint8Array(0)],
  ])("%s is %s", (_name, kind, bytes) => {
    expect(fileKind(bytes)).toBe(kind);
  });
});

describe("checkWorkbookBytes", () => {
  it("accepts a zip", () => {
    expect(checkWorkbookBytes(fs.readFileSync(OK))).toEqual({ ok: true });
  });

  it.each<[string, Uint8Array, RegExp[]]>([
    ["a legacy .xls", fs.readFileSync(LEGACY_XLS), [/Excel 97–2003 \(\.xls\)/, /защищённая паролем/, /сохраните как «Книга Excel \(\*\.xlsx\)» без пароля/, /shnor import/]],
    ["an encrypted workbook (OLE2)", OLE2_HEADER, [/защищённая паролем/, /без пароля/]],
    ["a .csv", utf8("Код ОО;Название\n"), [/похож на текст \(\.csv/, /откройте его в Excel и сохраните как «Книга Excel \(\*\.xlsx\)»/]],
    ["an HTML export", utf8("<!DOCTYPE html><html></html>"), [/веб-страница/, /сохраните как/]],
    ["an empty file", new Uint8Array(0), [/пуст/]],
    ["anything else", Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), [/не книга Excel/]],
  ])("refuses %s with advice in Russian", (_name, bytes, messages) => {
    const check = checkWorkbookBytes(bytes);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    for (const m of messages) expect(check.message).toMatch(m);
    expect(check.message).not.toMatch(/zip/i);
  });
});

describe("the readers refuse a non-.xlsx with the same advice", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-filekind-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("readXlsx (bytes, the task pane's reader)", async () => {
    const error = await readXlsx(fs.readFileSync(LEGACY_XLS)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toMatch(/Excel 97–2003/);
  });

  it("readXlsxStream (file, the command line's reader)", async () => {
    const csv = path.join(dir, "школы.xlsx");
    fs.writeFileSync(csv, "Код ОО;Название\n1;Школа\n");
    const error = await readXlsxStream(csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toMatch(/\.csv/);
  });

  it("a zip cut short says the file is damaged, not «не zip-архив»", async () => {
    const cut = path.join(dir, "cut.xlsx");
    const bytes = fs.readFileSync(OK);
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    const error = await readXlsxStream(cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toMatch(/повреждён или обрезан/);
  });

  it.each([
    ["validate", ["validate", LEGACY_XLS], /Excel 97–2003/],
    ["identify", ["identify", LEGACY_XLS, "-o", "out.xlsx"], /Excel 97–2003/],
  ])("shnor %s on an .xls exits 1 with the advice and writes nothing", (_name, args, message) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/shnor.js"), ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("legacy.xls");
    expect(r.stderr).not.toMatch(/zip/i);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });
});
