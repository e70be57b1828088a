/**
 * «Сравнить методики» in the built pane in Debian's Chromium, standalone (issue 15): the demo
 * region is opened, compared in the compute worker, the overlap matrices appear, and the
 * downloaded workbook holds the two comparison sheets with the counts the pane shows.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveDirectory, type Served } from "../../scripts/serve-dist";
import { ensureBuilt, ROOT, BUILD_TIMEOUT_MS } from "../functions/buildOnce";

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEMO = path.join(ROOT, "assets/demo/demo-region.xlsx");
const OUT = path.join(ROOT, "test-output");

describe("«Сравнить методики» in Chromium, standalone", () => {
  let served: Served;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
    served = await serveDirectory(await ensureBuilt());
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 420, height: 900 },
      acceptDownloads: true,
      locale: "ru-RU",
    });
    page = await browser.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
    await page.goto(`${served.url}/taskpane.html`);
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it("compares the demo region's methodologies, shows the overlap and offers the comparison workbook", async () => {
    await page.getByTestId("file-input").setInputFiles(DEMO);
    await page.getByText(`Открыт файл «${path.basename(DEMO)}»`).first().waitFor({ timeout: 90_000 });
    await page.getByRole("button", { name: "Сравнить методики", exact: true }).click();
    const link = page.locator("a[download]", { hasText: "Скачать сравнение" });
    await link.waitFor({ timeout: 150_000 });
    const table = page.getByRole("table", { name: "ШНОР: пересечение списков" });
    const diagonal: number[] = [];
    for (let i = 0; i < 4; i++) diagonal.push(Number(await table.getByRole("row").nth(i + 1).getByRole("cell").nth(i).textContent()));
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(["", "КБР", "Ставрополь", "Брянск", "Новолакский р-н"]);

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("demo-region — сравнение методик.xlsx");
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "taskpane-compare.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Сравнение методик", "Сводка сравнения"]);
    const summary = book.getWorksheet("Сводка сравнения")!;
    // The «ШНОР» column of the counts: what the pane's matrix shows on its diagonal.
    expect([2, 3, 4, 5].map((r) => summary.getRow(r).getCell(2).value)).toEqual(diagonal);
    expect(diagonal.every((n) => n > 0)).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
