/**
 * The analytical report opened by an independent reader: LibreOffice Writer converts the .docx
 * to PDF without error, and the PDF's text has the report's title and sections. CI needs
 * LibreOffice Writer (Debian: libreoffice-writer); a missing `soffice` fails this test rather
 * than skipping it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { reportBytes } from "../../src/report/report";
import { reportResult } from "./reportRegion";

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

describe("LibreOffice reads the report", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "shnor-docx-"));
    writeFileSync(join(dir, "report.docx"), await reportBytes(reportResult().result, { date: "2025-06-30", source: "регион.xlsx" }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts it to PDF", () => {
    const out = soffice(["--convert-to", "pdf", "--outdir", dir, join(dir, "report.docx")], dir);
    expect(out).toContain("writer_pdf_Export");
    const pdf = join(dir, "report.pdf");
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("shows the title and the sections in the PDF's text", () => {
    const text = execFileSync("pdftotext", ["-layout", join(dir, "report.pdf"), "-"], { encoding: "utf8" });
    for (const phrase of ["Аналитическая справка", "Методика и параметры", "Регион в цифрах", "Адресные рекомендации", "Страница 1 из"]) expect(text).toContain(phrase);
  });
});
