/**
 * Benchmark of the standalone pane in Chromium (not a timed test: `npx tsx tests/e2e/pane.bench.ts`,
 * also run by `npm run bench`): opening the 600-school demo region (target under 10 s), identifying
 * it (under 5 s), and the page's renderer process memory sampled all along (under 1.5 GB).
 * Prints the figures and writes them to test-output/pane-bench.json; exit 1 when a target is missed.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../functions/buildOnce";
import { chooseFile, DEMO, openPane, rendererMemory } from "./paneHarness";

const TARGETS = { openMs: 10_000, identifyMs: 5_000, rendererBytes: 1.5 * 1024 ** 3 };

async function main(): Promise<void> {
  const pane = await openPane(1280, 900);
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, ...rendererMemory(pane.profile), 0);
  }, 100);
  try {
    const { page } = pane;
    const t0 = Date.now();
    await chooseFile(page, DEMO);
    await page.getByText(`Открыт файл «${path.basename(DEMO)}»`).first().waitFor({ timeout: 120_000 });
    const openMs = Date.now() - t0;
    const t1 = Date.now();
    await page.getByRole("button", { name: "Выявить", exact: true }).click();
    await page.locator("a[download]", { hasText: "Скачать результат (.xlsx)" }).waitFor({ timeout: 120_000 });
    const identifyMs = Date.now() - t1;
    await page.getByRole("region", { name: "Школы" }).waitFor();
    peak = Math.max(peak, ...rendererMemory(pane.profile));
    const figures = { schools: 600, openMs, identifyMs, rendererPeakMB: Math.round(peak / 1024 ** 2), targets: { openMs: TARGETS.openMs, identifyMs: TARGETS.identifyMs, rendererMB: TARGETS.rendererBytes / 1024 ** 2 } };
    fs.mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "test-output", "pane-bench.json"), JSON.stringify(figures, null, 2));
    console.log(`Демо-регион (600 школ) в автономной панели, Chromium:`);
    console.log(`  открытие файла: ${(openMs / 1000).toFixed(1)} с (цель < ${TARGETS.openMs / 1000} с)`);
    console.log(`  выявление:      ${(identifyMs / 1000).toFixed(1)} с (цель < ${TARGETS.identifyMs / 1000} с)`);
    console.log(`  память страницы (пик RSS процесса отрисовки): ${figures.rendererPeakMB} МБ (цель < ${TARGETS.rendererBytes / 1024 ** 2} МБ)`);
    if (peak === 0) throw new Error("no renderer process found to measure");
    if (openMs >= TARGETS.openMs || identifyMs >= TARGETS.identifyMs || peak >= TARGETS.rendererBytes) process.exitCode = 1;
  } finally {
    clearInterval(timer);
    await pane.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
