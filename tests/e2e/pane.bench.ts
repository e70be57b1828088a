/**
 * Benchmark of the standalone pane in Chromium (not a timed test: `npx tsx tests/e2e/pane.bench.ts`,
 * and `npm run bench` runs it through bench/pane.bench.ts): opening the 600-school
 * demo region (target under 10 s), identifying it (under 5 s), and the page's renderer process
 * memory sampled every 50 ms all along (under 1.5 GB) — the peak of each phase separately, so a
 * regression says where it is. The renderer's CPU time (user + system) and the load average are
 * printed too: on a shared machine wall time says little on its own.
 * Prints the figures and writes them to test-output/pane-bench.json; exit 1 when a target is missed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../functions/buildOnce";
import { chooseFile, DEMO, openPane, rendererCpuSeconds, rendererMemory } from "./paneHarness";

const TARGETS = { openMs: 10_000, identifyMs: 5_000, rendererBytes: 1.5 * 1024 ** 3 };
const MB = 1024 ** 2;

async function main(): Promise<void> {
  const pane = await openPane(1280, 900);
  const peaks = { idle: 0, open: 0, identify: 0 };
  let phase: keyof typeof peaks = "idle";
  const sample = (): void => {
    peaks[phase] = Math.max(peaks[phase], ...rendererMemory(pane.profile), 0);
  };
  const timer = setInterval(sample, 50);
  try {
    const { page } = pane;
    sample();
    phase = "open";
    const cpu0 = rendererCpuSeconds(pane.profile);
    const t0 = Date.now();
    await chooseFile(page, DEMO);
    await page.getByText(`Открыт файл «${path.basename(DEMO)}»`).first().waitFor({ timeout: 300_000 });
    const openMs = Date.now() - t0;
    sample();
    const cpu1 = rendererCpuSeconds(pane.profile);
    phase = "identify";
    const t1 = Date.now();
    await page.getByRole("button", { name: "Выявить", exact: true }).click();
    await page.locator("a[download]", { hasText: "Скачать результат (.xlsx)" }).waitFor({ timeout: 300_000 });
    const identifyMs = Date.now() - t1;
    await page.getByRole("region", { name: "Школы" }).waitFor();
    sample();
    const cpu2 = rendererCpuSeconds(pane.profile);
    const peak = Math.max(peaks.open, peaks.identify);
    const figures = {
      schools: 600,
      openMs,
      identifyMs,
      rendererCpuSeconds: { open: Number((cpu1 - cpu0).toFixed(1)), identify: Number((cpu2 - cpu1).toFixed(1)) },
      rendererPeakMB: Math.round(peak / MB),
      rendererPeakMBByPhase: { idle: Math.round(peaks.idle / MB), open: Math.round(peaks.open / MB), identify: Math.round(peaks.identify / MB) },
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      cores: os.cpus().length,
      targets: { openMs: TARGETS.openMs, identifyMs: TARGETS.identifyMs, rendererMB: TARGETS.rendererBytes / MB },
    };
    fs.mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "test-output", "pane-bench.json"), JSON.stringify(figures, null, 2));
    const s = (ms: number): string => (ms / 1000).toFixed(1).replace(".", ",");
    console.log(`Демо-регион (600 школ) в автономной панели, Chromium:`);
    console.log(`  открытие файла: ${s(openMs)} с, ЦП процесса страницы ${figures.rendererCpuSeconds.open} с (цель < ${TARGETS.openMs / 1000} с)`);
    console.log(`  выявление:      ${s(identifyMs)} с, ЦП процесса страницы ${figures.rendererCpuSeconds.identify} с (цель < ${TARGETS.identifyMs / 1000} с)`);
    console.log(
      `  память страницы (пик RSS процесса отрисовки): ${figures.rendererPeakMB} МБ (цель < ${TARGETS.rendererBytes / MB} МБ); ` +
        `до открытия ${figures.rendererPeakMBByPhase.idle}, при открытии ${figures.rendererPeakMBByPhase.open}, при выявлении ${figures.rendererPeakMBByPhase.identify} МБ`,
    );
    console.log(`  средняя загрузка (1/5/15 мин): ${figures.loadAverage.join(" / ")} на ${figures.cores} ядрах`);
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
