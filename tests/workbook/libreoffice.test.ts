/**
 * Our .xlsx opened by an independent reader: LibreOffice converts it to PDF and to CSV without
 * error, and the CSV of Итоги shows the values (as formatted) that we wrote. CI installs
 * LibreOffice; a missing `soffice` fails this test rather than skipping it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FileWorkbook } from "../../src/workbook/fileAdapter";
import { resultSheets } from "../../src/workbook/resultSheets";
import { tinyResult } from "./tinyResult";

function soffice(args: string[], dir: string): string {
  // A private profile: concurrent LibreOffice runs on one profile refuse to start.
  const profile = pathToFileURL(join(dir, "profile")).href;
  return execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 120_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Minimal RFC 4180 CSV parser (quotes, doubled quotes, commas and newlines in fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe("LibreOffice reads the result workbook", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "shnor-lo-"));
    const wb = FileWorkbook.create();
    await wb.writeResultSheets(resultSheets(tinyResult, { inputRows: { Школы: 3 }, date: "2025-06-30" }));
    writeFileSync(join(dir, "out.xlsx"), await wb.toBuffer());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts it to PDF", () => {
    soffice(["--convert-to", "pdf", "--outdir", dir, join(dir, "out.xlsx")], dir);
    const pdf = join(dir, "out.pdf");
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("exports Итоги to CSV with the values and formats we wrote", () => {
    // Filter options: comma, quote, UTF-8, from line 1, …, save cell contents as shown, all sheets (-1).
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1";
    soffice(["--convert-to", filter, "--outdir", dir, join(dir, "out.xlsx")], dir);
    expect(readdirSync(dir)).toContain("out-Итоги.csv");
    const rows = parseCsv(readFileSync(join(dir, "out-Итоги.csv"), "utf8"));
    expect(rows[0]?.slice(0, 4)).toEqual(["Код ОО", "Наименование", "Муниципалитет", "ИСБ"]);
    expect(rows[1]?.slice(0, 5)).toEqual(["007001", tinyResult.schools[0]?.name, "Северский район", "55.0", "да"]);
    expect(rows[1]?.[16]).toBe("ШНОР и ШНСУ");
    expect(rows[3]?.[3]).toBe("");
    const indices = parseCsv(readFileSync(join(dir, "out-Индексы ОП.csv"), "utf8"));
    expect(indices[1]?.slice(4, 9)).toEqual(["40", "25.0%", "50.0%", "10.0%", "80.0%"]);
    expect(indices[5]?.slice(4, 9)).toEqual(["0", "", "", "", ""]);
  });
});
