/**
 * The built task pane in Debian's Chromium (playwright-core), standalone, as an analyst meets it:
 * every defect of issue 13 as a test — a workbook without results is an error, .xls/.csv files are
 * refused in Russian and leave nothing loaded, issues come grouped with exact counts, an invalid
 * parameter blocks «Выявить» with its reason, a new run clears the old result, the demo region is
 * identified from the keyboard with focus landing on the result, messages are live regions, the
 * school list and card work — and axe-core finds no violation in any of these states.
 * The identification runs in the compute worker: a requestAnimationFrame heartbeat must keep
 * ticking; the download is read back with exceljs; nothing may leave 127.0.0.1.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { axeViolations, chooseFile, DEMO, FIXTURES, impostorFiles, OFFICE_JS, openPane, textInColumnWorkbook, type AxeViolation, type Pane } from "./paneHarness";
import { ROOT, BUILD_TIMEOUT_MS } from "../functions/buildOnce";

const OUT = path.join(ROOT, "test-output");
const CATEGORIES = ["ШНОР и ШНСУ", "ШНОР", "ШНСУ", "Зона риска", "Без рисков"];

describe("task pane in Chromium, standalone", () => {
  let pane: Pane;
  let page: Page;
  /** axe's findings per state of the pane: each must be empty. */
  const axe = new Map<string, AxeViolation[]>();
  const checkAxe = async (state: string): Promise<void> => {
    const found = await axeViolations(page);
    axe.set(state, found);
    expect({ state, violations: found }).toEqual({ state, violations: [] });
  };
  const polite = () => page.locator('[role="status"][aria-live="polite"]').first();
  const alert = () => page.locator('[role="alert"]').first();
  const identify = () => page.getByRole("button", { name: "Выявить", exact: true });

  beforeAll(async () => {
    pane = await openPane(420, 900);
    page = pane.page;
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, "axe.json"), JSON.stringify(Object.fromEntries(axe), null, 2));
    await pane?.close();
  });

  it("shows three visible steps, one primary action in each, and no axe violation", async () => {
    await page.getByText(/Автономный режим/).waitFor();
    for (const step of ["1. Данные", "2. Методика", "3. Результат"]) expect(await page.getByRole("heading", { name: step, level: 2 }).count()).toBe(1);
    expect(await identify().getAttribute("aria-disabled")).toBe("true");
    await page.getByText("Выявить пока нельзя: сначала откройте книгу Excel (шаг «Данные»).").waitFor();
    await checkAxe("start");
  });

  it("refuses .xls and .csv files in Russian and leaves no file loaded, not even the one opened before", async () => {
    await chooseFile(page, path.join(FIXTURES, "ok.minimal.xlsx"));
    await polite().getByText("Открыт файл «ok.minimal.xlsx»").waitFor();
    const { xls, csv } = impostorFiles(pane.tmp);
    await chooseFile(page, xls);
    await alert().getByText(/Файл не открыт\. Файл — книга Excel 97–2003 \(\.xls\).*сохраните как «Книга Excel \(\*\.xlsx\)»/).waitFor();
    expect(await page.getByTestId("file-status").textContent()).toMatch(/^Сначала откройте книгу Excel/);
    expect(await page.getByRole("button", { name: "Проверить данные" }).getAttribute("aria-disabled")).toBe("true");
    expect(await identify().getAttribute("aria-disabled")).toBe("true");
    expect(await page.getByText(/central directory/i).count()).toBe(0);
    await checkAxe("xls refused");
    await chooseFile(page, csv);
    await alert().getByText(/Файл похож на текст \(\.csv или \.txt\), а не на книгу Excel: откройте его в Excel и сохраните/).waitFor();
    expect(await page.getByTestId("file-status").textContent()).toMatch(/^Сначала откройте книгу Excel/);
  });

  it("says a workbook without «Баллы» and without counts has nothing to identify from, and identifies nothing", async () => {
    await chooseFile(page, path.join(FIXTURES, "error.results-without-counts.xlsx"));
    await polite().getByText("Открыт файл «error.results-without-counts.xlsx»").waitFor();
    await page.getByRole("button", { name: "Проверить данные" }).click();
    await alert().getByText(/В данных есть ошибки/).waitFor();
    const issues = page.getByRole("region", { name: "Замечания к данным" });
    await issues.getByText(/индексы посчитать не из чего/).first().waitFor();
    await identify().click();
    await alert().getByText(/В данных есть ошибки/).waitFor();
    expect(await page.getByRole("region", { name: "Итоги выявления" }).count()).toBe(0);
    await checkAxe("no results: issues");
  });

  it("groups 299 identical issues into one line with the range and the exact count, Russian only, and exports them all", async () => {
    const file = await textInColumnWorkbook(pane.tmp, 299);
    await chooseFile(page, file);
    await polite().getByText(`Открыт файл «${path.basename(file)}»`).waitFor();
    await page.getByRole("button", { name: "Проверить данные" }).click();
    const issues = page.getByRole("region", { name: "Замечания к данным" });
    await issues.getByText("Школы!F2:F300 — 299 ячеек: «н/я» — ожидалось число от 0 до 100; оставьте ячейку пустой, если данных нет").waitFor();
    // Focus lands on the issues' heading.
    await page.waitForFunction(() => document.activeElement?.id === "issues-heading");
    expect(await issues.getByRole("listitem").count()).toBe(1);
    expect(await issues.getByText("Ошибок: 299, предупреждений: 0, сведений: 0").count()).toBe(1);
    const text = (await issues.textContent()) ?? "";
    expect(text).not.toMatch(/99\+|not-a-number|issues-truncated/);
    const [download] = await Promise.all([page.waitForEvent("download"), issues.getByRole("link", { name: "Скачать все замечания (.csv)" }).click()]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true); // Excel reads Cyrillic right only with the BOM
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Важность;Лист;Ячейка;Вид замечания;Сообщение");
    expect(lines.filter((l) => l.includes(";ожидалось число;"))).toHaveLength(100);
    expect(csv).toContain("ещё 199 таких же замечаний («ожидалось число») не показаны");
    await checkAxe("grouped issues");
  });

  it("keeps «Выявить» disabled with the reason while a parameter is invalid", async () => {
    await chooseFile(page, path.join(FIXTURES, "ok.minimal.xlsx"));
    await polite().getByText("Открыт файл «ok.minimal.xlsx»").waitFor();
    await page.getByRole("button", { name: "Низкие результаты" }).click();
    const margin = page.getByRole("textbox", { name: /Граница низких результатов: доля максимального балла/ });
    expect(await margin.inputValue()).toBe("5");
    await margin.fill("десять");
    try {
      await page.getByText("Выявить пока нельзя: исправьте параметр «Граница низких результатов: доля максимального балла» — «десять» — ожидалось число.").waitFor();
      expect(await identify().getAttribute("aria-disabled")).toBe("true");
      // Neither a click nor Enter on the blocked button runs anything. (A click is dispatched on the
      // element rather than aimed at its box: on a slow machine the step may still be reflowing.)
      await identify().dispatchEvent("click");
      await identify().focus();
      await page.keyboard.press("Enter");
      expect(await page.getByRole("region", { name: "Итоги выявления" }).count()).toBe(0);
      await checkAxe("invalid parameter");
      // The English code for the command line: keyboard only, from the field back to its info button.
      await margin.focus();
      await page.keyboard.press("Shift+Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("код для командной строки");
      const code = page.getByRole("tooltip");
      await code.waitFor();
      expect(await code.textContent()).toBe("Код для командной строки (--params): margin");
      expect(await page.evaluate(() => document.getElementById(document.activeElement?.getAttribute("aria-describedby") ?? "")?.textContent)).toBe("Код для командной строки (--params): margin");
      await checkAxe("parameter code shown");
      await page.keyboard.press("Escape");
      await code.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Сбросить к методике" }).click();
      expect(await margin.inputValue()).toBe("5");
      expect(await identify().getAttribute("aria-disabled")).toBeNull();
      // One primary action per step (Fluent's primary buttons are the brand-filled ones); the result step has none before a result.
      // (Waits out the button's colour transition from disabled.)
      await page.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Выявить" && getComputedStyle(b).backgroundColor === "rgb(15, 108, 189)"), undefined, { timeout: 30_000 });
      const primaries = await page.evaluate(() =>
        [...document.querySelectorAll("section[aria-labelledby^=\"step-\"]")].map((s) => ({
          step: s.getAttribute("aria-labelledby"),
          primary: [...s.querySelectorAll("button, a")].filter((b) => getComputedStyle(b).backgroundColor === "rgb(15, 108, 189)").map((b) => b.textContent),
        })),
      );
      expect(primaries).toEqual([
        { step: "step-data", primary: ["Открыть книгу Excel (.xlsx)"] },
        { step: "step-method", primary: ["Выявить"] },
        { step: "step-result", primary: [] },
      ]);
    } finally {
      // Whatever failed above, the tests after this one start from a valid methodology.
      if ((await margin.inputValue().catch(() => "5")) !== "5") await margin.fill("5");
    }
    await page.getByRole("button", { name: "Низкие результаты" }).click();
  });

  it("identifies the demo region from the keyboard in the worker while the page keeps painting; focus lands on the result, the live region says so, and the download's Итоги match", async () => {
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
    // The sampler must end with this test whatever happens in it: a loop left running would call
    // into a closed page and fail whichever test file the worker runs next.
    const sampler = (async () => {
      while (sampling) {
        const beats = await page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat).catch(() => null);
        if (beats === null) return;
        samples.push({ at: Date.now(), beats });
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const stopSampling = async (): Promise<void> => {
      sampling = false;
      await sampler;
    };
    const link = page.locator("a[download]", { hasText: "Скачать результат (.xlsx)" });
    let started = Date.now();
    try {
      await page.waitForFunction(() => (window as unknown as { __heartbeat: number }).__heartbeat > 2);
      await page.evaluate(() => ((window as unknown as { __maxFrameGap: number }).__maxFrameGap = 0));
      started = Date.now();

      await chooseFile(page, DEMO);
      // 15 MB on a busy machine can take long; a failure shows in the alert region and fails at once.
      await Promise.race([
        polite().getByText(`Открыт файл «${path.basename(DEMO)}»`).waitFor({ timeout: 240_000 }),
        alert().getByRole("group").first().waitFor({ timeout: 240_000 }).then(async () => {
          throw new Error(`opening the demo failed: ${(await alert().textContent()) ?? ""}`);
        }),
      ]);
      // Keyboard only: Tab from the top of the page until «Выявить» has focus, then Enter.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.textContent === "Выявить");
      }
      expect(reached).toBe(true);
      await page.keyboard.press("Enter");
      await link.waitFor({ timeout: 240_000 });
    } finally {
      await stopSampling();
    }
    await page.waitForFunction(() => document.activeElement?.id === "step-result");
    await polite().getByText(/Файл результата «demo-region — результат ШНОР\.xlsx» готов\./).waitFor();

    const maxFrameGap = await page.evaluate(() => (window as unknown as { __maxFrameGap: number }).__maxFrameGap);
    const gaps = samples.slice(1).map((s, i) => ({ wall: s.at - (samples[i] as { at: number }).at, beats: s.beats - (samples[i] as { beats: number }).beats }));
    const heartbeat = { runMs: Date.now() - started, samples: samples.length, maxSampleGapMs: Math.max(...gaps.map((g) => g.wall)), minBeatsPerSample: Math.min(...gaps.map((g) => g.beats)), maxFrameGapMs: Math.round(maxFrameGap) };
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, "heartbeat.json"), JSON.stringify(heartbeat, null, 2));
    expect(samples.length).toBeGreaterThan(4);
    // The page kept painting while the worker read and computed for seconds: no frame waited long.
    // (The sampler's own gaps, in this node process, are recorded in heartbeat.json but not asserted:
    // on a loaded machine they say little about the page. The bound is loose for the same reason;
    // identification on the main thread would leave a gap of many seconds.)
    expect(maxFrameGap).toBeLessThan(2_000);

    const summary = page.getByRole("region", { name: "Итоги выявления" });
    const schools = Number(/Школ: (\d+)/.exec((await summary.textContent()) ?? "")?.[1]);
    expect(schools).toBe(600);
    const counts = new Map<string, number>();
    for (const c of CATEGORIES) {
      const label = await summary.getByRole("listitem").filter({ has: page.locator(`[data-category="${c}"]`) }).getAttribute("aria-label");
      counts.set(c, Number(/(\d+)$/.exec(label ?? "")?.[1]));
    }
    // The charts carry their numbers for screen readers too.
    const chart = page.getByRole("img", { name: /^Школы по категориям: / });
    expect(await chart.getAttribute("aria-label")).toContain(`ШНОР — ${counts.get("ШНОР") ?? -1}`);
    const levelsChart = page.getByRole("img", { name: /^Уровни достижений по процедурам \(регион\), \d{4} г\., % результатов: / });
    await levelsChart.scrollIntoViewIfNeeded();
    expect(await levelsChart.isVisible()).toBe(true);
    const levelsAlt = (await levelsChart.getAttribute("aria-label")) ?? "";
    await page.screenshot({ path: path.join(OUT, "taskpane.png"), fullPage: true });
    await checkAxe("result");

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = path.join(OUT, "taskpane-result.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet("Итоги");
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const categoryColumn = header.indexOf("Категория") + 1;
    const found = new Map<string, number>();
    for (let r = 2; r <= (sheet?.rowCount ?? 0); r++) {
      const v = String(sheet?.getRow(r).getCell(categoryColumn).value ?? "");
      found.set(v, (found.get(v) ?? 0) + 1);
    }
    expect([...found.values()].reduce((a, b) => a + b, 0)).toBe(schools);
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries([...counts].filter(([, n]) => n > 0)));
    for (const name of ["Индексы ОП", "Муниципалитеты", "Динамика", "Мониторинг", "Параметры"]) expect(book.getWorksheet(name)).toBeDefined();

    // The levels chart says, for every procedure of the latest year, what «Уровни» counts for the region.
    const levels = book.getWorksheet("Уровни");
    const regionRows: { year: number; procedure: string; results: number; counts: number[] }[] = [];
    levels?.eachRow((row, r) => {
      if (r === 1 || row.getCell(1).value !== "Регион") return;
      regionRows.push({ year: Number(row.getCell(3).value), procedure: String(row.getCell(4).value), results: Number(row.getCell(5).value), counts: [6, 7, 8, 9, 10].map((c) => Number(row.getCell(c).value)) });
    });
    const latest = Math.max(...regionRows.map((r) => r.year));
    const units = regionRows.filter((r) => r.year === latest && r.results > 0);
    expect(units.length).toBeGreaterThan(1);
    expect(levelsAlt).toContain(`(регион), ${latest} г.`);
    const pct = (n: number, of: number): string => `${((n / of) * 100).toFixed(1).replace(".", ",")} %`;
    for (const u of units) {
      expect(u.counts.reduce((a, b) => a + b, 0)).toBe(u.results);
      const names = ["низкий", "пониженный", "базовый", "повышенный", "высокий"];
      expect(levelsAlt).toContain(`${u.procedure} — результатов ${u.results}: ${names.map((n, i) => `${n} ${u.counts[i] ?? -1} (${pct(u.counts[i] ?? 0, u.results)})`).join(", ")}`);
    }
  }, 600_000);

  it("lists the schools by category, municipality and search, and opens a card with reasons and indices", async () => {
    const list = page.getByRole("region", { name: "Школы" });
    await list.getByRole("combobox", { name: "Категория" }).selectOption("ШНОР");
    const items = list.getByRole("list", { name: "Школы" }).getByRole("button");
    const shown = await items.count();
    expect(shown).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(shown, 5); i++) expect(await items.nth(i).textContent()).toMatch(/· ШНОР$/);
    await items.first().focus();
    await page.keyboard.press("Enter");
    const card = page.getByRole("article");
    await card.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "school-card-heading");
    await card.getByRole("heading", { name: "Причины" }).waitFor();
    expect(await card.getByRole("table", { name: "Индексы по процедурам и годам" }).count()).toBe(1);
    await checkAxe("school card");
    const name = (await card.getByRole("heading").first().textContent()) ?? "";
    await list.getByRole("searchbox", { name: "Поиск по названию или коду" }).fill(name);
    expect(await page.getByText(/^Показано школ: \d+ из \d+$/).textContent()).toMatch(/из [1-9]/);
    await card.getByRole("button", { name: "Закрыть карточку" }).click();
    expect(await page.getByRole("article").count()).toBe(0);
  });

  it("clears the result the moment another file is chosen, and a refused run shows none", async () => {
    expect(await page.getByRole("region", { name: "Итоги выявления" }).count()).toBe(1);
    await chooseFile(page, path.join(FIXTURES, "error.text-in-number.xlsx"));
    await polite().getByText("Открыт файл «error.text-in-number.xlsx»").waitFor();
    expect(await page.getByRole("region", { name: "Итоги выявления" }).count()).toBe(0);
    expect(await page.locator("a[download]", { hasText: "Скачать результат (.xlsx)" }).count()).toBe(0);
    await identify().click();
    await alert().getByText(/В данных есть ошибки/).waitFor();
    expect(await page.getByRole("region", { name: "Итоги выявления" }).count()).toBe(0);
    await page.getByRole("region", { name: "Замечания к данным" }).getByText(/Школы!E3: «восемьдесят»/).waitFor();
  });

  it("requests nothing beyond 127.0.0.1 but the Office.js it is denied, and throws no page errors", () => {
    const external = pane.requests.filter((u) => {
      if (u.startsWith("blob:") || u.startsWith("data:")) return false;
      const host = new URL(u).hostname;
      return host !== "127.0.0.1" && host !== "localhost";
    });
    expect(external.every((u) => u === OFFICE_JS)).toBe(true);
    expect(pane.pageErrors).toEqual([]);
  });
});
