/**
 * Screenshots of the task pane in each state at 350 px (the narrowest Office task pane) and
 * 1280 px, into docs/: `npm run screenshots` (builds dist/ if needed, needs /usr/bin/chromium).
 * States: start, methodology, issues grouped, .xls refused, result of the demo region, school card.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ROOT } from "../tests/functions/buildOnce";
import { chooseFile, DEMO, FIXTURES, impostorFiles, openPane, textInColumnWorkbook } from "../tests/e2e/paneHarness";

const DOCS = path.join(ROOT, "docs");
const WIDTHS = [350, 1280] as const;

async function shoot(page: Page, state: string, focus?: () => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    if (focus) await focus();
    const file = path.join(DOCS, `taskpane-${state}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${path.relative(ROOT, file)}`);
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(DOCS, { recursive: true });
  const pane = await openPane(350, 900);
  const { page } = pane;
  const polite = page.locator('[role="status"][aria-live="polite"]').first();
  try {
    await shoot(page, "start");

    await chooseFile(page, path.join(FIXTURES, "ok.minimal.xlsx"));
    await polite.getByText("Открыт файл «ok.minimal.xlsx»").waitFor();
    await page.getByRole("button", { name: "Низкие результаты" }).click();
    await page.getByRole("textbox", { name: /Граница низких результатов/ }).fill("десять");
    await shoot(page, "methodology");
    await page.getByRole("button", { name: "Сбросить к методике" }).click();
    await page.getByRole("button", { name: "Низкие результаты" }).click();

    const many = await textInColumnWorkbook(pane.tmp, 299);
    await chooseFile(page, many);
    await polite.getByText(/Открыт файл/).waitFor();
    await page.getByRole("button", { name: "Проверить данные" }).click();
    await page.getByRole("region", { name: "Замечания к данным" }).waitFor();
    await shoot(page, "issues");

    await chooseFile(page, impostorFiles(pane.tmp).xls);
    await page.locator('[role="alert"]').getByText(/97–2003/).waitFor();
    await shoot(page, "xls-refused");

    await chooseFile(page, DEMO);
    await polite.getByText(/Открыт файл «demo-region\.xlsx»/).waitFor({ timeout: 120_000 });
    await page.getByRole("button", { name: "Выявить", exact: true }).click();
    await page.locator("a[download]", { hasText: "Скачать результат (.xlsx)" }).waitFor({ timeout: 120_000 });
    await shoot(page, "result");

    const list = page.getByRole("region", { name: "Школы" });
    await list.getByRole("combobox", { name: "Категория" }).selectOption("ШНОР");
    await list.getByRole("list", { name: "Школы" }).getByRole("button").first().click();
    await page.getByRole("article").waitFor();
    await shoot(page, "school-card", async () => page.getByRole("article").scrollIntoViewIfNeeded());
  } finally {
    await pane.close();
  }
}

console.log("Снимки панели в docs/:");
main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
