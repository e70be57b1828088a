/**
 * The built task pane in Debian's Chromium (playwright-core), standalone: served from dist/ by the
 * project's own static server on 127.0.0.1, it opens a broken workbook and lists its issues with
 * their cells, opens the demo region, identifies (in the compute worker: a requestAnimationFrame
 * heartbeat on the page must keep ticking all along), and its download is read back with exceljs.
 * Every request the page makes is recorded: nothing may leave 127.0.0.1 except the Office.js URL
 * the page names, which is answered here with an empty script (the page must work without it).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { parseWorkbook } from "../../src/schema";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { serveDirectory, type Served } from "../../scripts/serve-dist";
import { ensureBuilt, ROOT } from "../functions/buildOnce";

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const BROKEN = path.join(ROOT, "tests/fixtures/error.text-in-number.xlsx");
const DEMO = path.join(ROOT, "assets/demo/demo-region.xlsx");
const INPUT = DEMO;
const OUT = path.join(ROOT, "test-output");
const CATEGORIES = ["ШНОР и ШНСУ", "ШНОР", "ШНСУ", "Зона риска", "Без рисков"];

describe("task pane in Chromium, standalone", () => {
  let served: Served;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // Never skipped: without a browser this test fails and says what to install (.ci/run does).
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
    const dist = await ensureBuilt();
    served = await serveDirectory(dist);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-chromium-"));
    // A fresh profile per run (playwright passes it as --user-data-dir).
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
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it("opens in standalone mode with the three main actions", async () => {
    await page.getByRole("heading", { name: "ШНОР и ШНСУ", level: 1 }).waitFor();
    await page.getByText(/Автономный режим/).waitFor();
    for (const name of ["Открыть книгу Excel (.xlsx)", "Скачать шаблон", "Проверить данные", "Выявить"]) {
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(1);
    }
  });

  it("lists the issues of a broken workbook with their cells", async () => {
    const expected = parseWorkbook(await readXlsx(fs.readFileSync(BROKEN))).issues.filter((i) => i.severity === "error");
    expect(expected.length).toBeGreaterThan(0);
    await page.locator('input[type="file"]').setInputFiles(BROKEN);
    await page.getByText("Открыт файл «error.text-in-number.xlsx»").first().waitFor();
    await page.getByRole("button", { name: "Проверить данные" }).click();
    const issues = page.getByRole("region", { name: "Замечания к данным" });
    await issues.waitFor();
    await page.getByText(/В данных есть ошибки/).waitFor();
    for (const issue of expected) {
      expect(issue.message).toContain(`${issue.sheet}!${issue.cell}`);
      await issues.getByText(issue.message, { exact: true }).waitFor();
    }
    expect(await issues.getByRole("heading", { name: "Школы" }).count()).toBe(1);
  });

  it("identifies the demo region in the worker while the page keeps painting, and offers the result workbook, whose Итоги match the summary", async () => {
    // A requestAnimationFrame heartbeat: it stops whenever the page's main thread is busy.
    await page.evaluate(() => {
      const w = window as unknown as { __heartbeat: number; __maxFrameGap: number };
      w.__heartbeat = 0;
      w.__maxFrameGap = 0;
      let last = performance.now();
      const tick = (now: number): void => {
        w.__heartbeat++;
        w.__maxFrameGap = Math.max(w.__maxFrameGap, now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const samples: { at: number; beats: number }[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push({ at: Date.now(), beats: await page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat) });
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    // Reset the frame gap once the heartbeat runs, so only the run itself counts.
    await page.waitForFunction(() => (window as unknown as { __heartbeat: number }).__heartbeat > 2);
    await page.evaluate(() => ((window as unknown as { __maxFrameGap: number }).__maxFrameGap = 0));
    const started = Date.now();

    await page.locator('input[type="file"]').setInputFiles(INPUT);
    await page.getByText(`Открыт файл «${path.basename(INPUT)}»`).first().waitFor({ timeout: 90_000 });
    await page.getByRole("button", { name: "Выявить" }).click();
    const link = page.locator("a[download]", { hasText: "Скачать результат (.xlsx)" });
    await link.waitFor({ timeout: 90_000 });
    sampling = false;
    await sampler;
    const maxFrameGap = await page.evaluate(() => (window as unknown as { __maxFrameGap: number }).__maxFrameGap);
    const gaps = samples.slice(1).map((s, i) => ({ wall: s.at - (samples[i] as { at: number }).at, beats: s.beats - (samples[i] as { beats: number }).beats }));
    const heartbeat = { runMs: Date.now() - started, samples: samples.length, maxSampleGapMs: Math.max(...gaps.map((g) => g.wall)), minBeatsPerSample: Math.min(...gaps.map((g) => g.beats)), maxFrameGapMs: Math.round(maxFrameGap) };
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, "heartbeat.json"), JSON.stringify(heartbeat, null, 2));
    // Opening 15 MB and identifying 600 schools take many seconds; the page never stops for one.
    expect(samples.length).toBeGreaterThan(4);
    expect(heartbeat.maxSampleGapMs).toBeLessThan(1_000);
    expect(heartbeat.minBeatsPerSample).toBeGreaterThan(0);
    expect(maxFrameGap).toBeLessThan(1_000);
    const summary = page.getByRole("region", { name: "Итоги выявления" });
    const schools = Number(/Школ: (\d+)/.exec((await summary.textContent()) ?? "")?.[1]);
    expect(schools).toBeGreaterThan(0);
    const counts = new Map<string, number>();
    for (const c of CATEGORIES) {
      const label = await summary.getByRole("listitem").filter({ has: page.locator(`[data-category="${c}"]`) }).getAttribute("aria-label");
      counts.set(c, Number(/(\d+)$/.exec(label ?? "")?.[1]));
    }

    await page.screenshot({ path: path.join(OUT, "taskpane.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/результат ШНОР\.xlsx$/);
    const file = path.join(OUT, "taskpane-result.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet("Итоги");
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["Код ОО", "Наименование", "Муниципалитет"]);
    const categoryColumn = header.indexOf("Категория") + 1;
    const found = new Map<string, number>();
    for (let r = 2; r <= (sheet?.rowCount ?? 0); r++) {
      const v = String(sheet?.getRow(r).getCell(categoryColumn).value ?? "");
      found.set(v, (found.get(v) ?? 0) + 1);
    }
    expect([...found.values()].reduce((a, b) => a + b, 0)).toBe(schools);
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries([...counts].filter(([, n]) => n > 0)));
    // The command line's sheets, dynamics and monitoring included; no sheet of the pane's own.
    for (const name of ["Индексы ОП", "Муниципалитеты", "Динамика", "Мониторинг", "Параметры"]) expect(book.getWorksheet(name)).toBeDefined();
    expect(book.getWorksheet("Регрессия")).toBeUndefined();
  }, 180_000);

  it("requests nothing beyond 127.0.0.1 but the Office.js it is denied, and throws no page errors", () => {
    const external = requests.filter((u) => {
      if (u.startsWith("blob:") || u.startsWith("data:")) return false;
      const host = new URL(u).hostname;
      return host !== "127.0.0.1" && host !== "localhost";
    });
    expect(external.every((u) => u === OFFICE_JS)).toBe(true);
    expect(requests.some((u) => u.startsWith(served.url))).toBe(true);
    // Not even the functions chunk's CustomFunctions.associate calls (guarded at build time).
    expect(pageErrors).toEqual([]);
  });
});
