/**
 * «Скачать справку (.docx)» in the built task pane in Debian's Chromium, standalone: after an
 * identification the compute worker (the browser bundle, not Node) builds the analytical report,
 * the page downloads it, and the .docx is read back: a Word document with the title, the lists
 * and the Word charts. Nothing may leave 127.0.0.1 except the Office.js URL, answered here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveDirectory, type Served } from "../../scripts/serve-dist";
import { ensureBuilt, ROOT, BUILD_TIMEOUT_MS } from "../functions/buildOnce";
import { zipEntries } from "../workbook/unzip";

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const INPUT = path.join(ROOT, "tests/fixtures/ok.minimal.xlsx");

describe("the report from the task pane in Chromium", () => {
  let served: Served;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
    const dist = await ensureBuilt();
    served = await serveDirectory(dist);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-chromium-report-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 420, height: 900 },
      acceptDownloads: true,
      locale: "ru-RU",
    });
    page = await browser.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
    await page.goto(`${served.url}/taskpane.html`);
    // The first run builds dist/ (minutes on a busy machine).
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it("identifies, then downloads the analytical report built in the browser", async () => {
    await page.getByRole("heading", { name: "ШНОР и ШНСУ", level: 1 }).waitFor();
    await page.getByTestId("file-input").setInputFiles(INPUT);
    await page.getByText("Открыт файл «ok.minimal.xlsx»").first().waitFor({ timeout: 90_000 });
    await page.getByRole("button", { name: "Выявить" }).click();
    const button = page.getByRole("button", { name: "Скачать справку (.docx)" });
    await button.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe("ok.minimal — справка ШНОР.docx");
    const file = path.join(profile, "report.docx");
    await download.saveAs(file);
    const entries = zipEntries(fs.readFileSync(file));
    const document = entries.get("word/document.xml")?.toString("utf8") ?? "";
    expect(document.includes("Аналитическая справка")).toBe(true);
    expect(document.includes("Исходные данные: ok.minimal.xlsx.")).toBe(true);
    expect(document.includes("Перечень школ с низкими образовательными результатами (ШНОР)")).toBe(true);
    expect([...entries.keys()].filter((k) => /^word\/charts\/chart\d+\.xml$/.test(k)).length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(served.url) && u !== OFFICE_JS)).toEqual([]);
  }, 300_000);
});
