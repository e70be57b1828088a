/**
 * «Импорт выгрузок» in the built pane in Chromium, standalone: an opened «Школы» workbook is the
 * base of the join, the exports chosen in the browser (.xlsx and .xls) are recognised in the
 * table, «Записать листы и проверить» makes the imported workbook the opened file, offers it as a
 * download and validates it; the download read back holds the joined sheets and no name.
 */
import { BUILD_TIMEOUT_MS } from "../functions/buildOnce";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { chooseFile, FIXTURES, OFFICE_JS, openPane, type Pane } from "./paneHarness";

const EXPORTS = path.join(FIXTURES, "exports");

describe("«Импорт выгрузок» in Chromium, standalone", () => {
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane(420, 900);
    page = pane.page;
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await pane?.close();
  });

  it("joins through the opened file's «Школы», writes the imported workbook as the opened file and validates it", async () => {
    await chooseFile(page, path.join(EXPORTS, "школы.xlsx"));
    await page.getByText("Открыт файл «школы.xlsx»").first().waitFor();
    const section = page.getByTestId("import-exports");
    await page.getByTestId("import-input").setInputFiles([path.join(EXPORTS, "good/ВПР_2025_РУ_4.xlsx"), path.join(EXPORTS, "good/ОГЭ_2025_протокол.xlsx"), path.join(EXPORTS, "good/ЕГЭ_2025_протокол.xls")]);
    await section.getByText("Школы сопоставлены по листу «Школы» открытой книги; школы, которых на нём нет, будут дописаны на него.").waitFor({ timeout: 120_000 });
    expect(await section.getByText("протокол РЦОИ (ОГЭ/ЕГЭ)").count()).toBe(2);
    await section.getByText("Строк участников: 17, строк результатов: 0, шкал выведено: 2, школ добавлено: 2.").waitFor();

    const download = page.waitForEvent("download");
    await section.getByRole("button", { name: "Записать листы и проверить" }).click();
    const link = section.getByRole("link", { name: "Скачать «Регион из выгрузок.xlsx»" });
    await link.waitFor({ timeout: 120_000 });
    await section.getByText(/Записаны листы: Школы, Баллы, Шкалы\./).waitFor();
    // The imported workbook is now the opened file, and the pane validated it.
    await page.getByTestId("file-status").filter({ hasText: "Открыт файл «Регион из выгрузок.xlsx»" }).waitFor({ timeout: 60_000 });
    await page.getByText(/Ошибок не найдено|Ошибок нет, есть предупреждения|В данных есть ошибки/).first().waitFor({ timeout: 120_000 });
    await link.click();
    const file = path.join(pane.tmp, "import.xlsx");
    await (await download).saveAs(file);
    const wb = await readXlsx(fs.readFileSync(file));
    const schools = wb.sheets.find((s) => s.name === "Школы")?.rows ?? [];
    expect(schools.slice(1).map((r) => r[0])).toEqual(["7001", "7002", "7003", "7004", "edu100099", "7999"]);
    expect((wb.sheets.find((s) => s.name === "Баллы")?.rows.length ?? 0) - 1).toBe(17);
    const people = JSON.parse(fs.readFileSync(path.join(EXPORTS, "people.json"), "utf8")) as string[][];
    const text = JSON.stringify(wb.sheets) + (await page.locator("body").innerText());
    for (const p of people.flat()) expect(text).not.toContain(p);
    expect(pane.pageErrors).toEqual([]);
    // Nothing leaves 127.0.0.1 (office.js is answered by the harness itself).
    expect(pane.requests.filter((u) => !u.startsWith(pane.served.url) && !u.startsWith("blob:") && !u.startsWith("data:") && u !== OFFICE_JS)).toEqual([]);
  }, 600_000);
});
