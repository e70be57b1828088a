/**
 * The built task pane in Debian's Chromium (playwright-core), standalone, for the e2e tests, the
 * screenshot script and the benchmark: dist/ served on 127.0.0.1 by the project's own server,
 * Office.js answered with an empty script, axe-core run inside the page, and the workbooks the
 * tests open (a broken one made on the fly, .xls and .csv impostors).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveDirectory, type Served } from "../../scripts/serve-dist";
import { ensureBuilt, ROOT } from "../functions/buildOnce";
import { writeFixture, type FixtureCell } from "../fixtures/writeFixture";

export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const DEMO = path.join(ROOT, "assets/demo/demo-region.xlsx");
export const FIXTURES = path.join(ROOT, "tests/fixtures");

export interface Pane {
  readonly page: Page;
  readonly browser: BrowserContext;
  readonly served: Served;
  readonly requests: string[];
  readonly pageErrors: string[];
  readonly tmp: string;
  /** The browser's profile directory (it names the browser's processes). */
  readonly profile: string;
  close(): Promise<void>;
}

/** Opens the pane at a width (350 px is the narrowest Office task pane). */
export async function openPane(width = 420, height = 900): Promise<Pane> {
  // Never skipped: without a browser the test fails and says what to install (.ci/run does).
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const dist = await ensureBuilt();
  const served = await serveDirectory(dist);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-chromium-"));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-e2e-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width, height },
    acceptDownloads: true,
    locale: "ru-RU",
  });
  const page = await browser.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByRole("heading", { name: "ШНОР и ШНСУ", level: 1 }).waitFor();
  return {
    page,
    browser,
    served,
    requests,
    pageErrors,
    tmp,
    profile,
    async close() {
      await browser.close();
      await served.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is now; evaluated through DevTools, so the page's CSP is untouched. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  // Judge the settled page: a message bar still fading in (Fluent's enter animation) has its text
  // at partial opacity, which axe measures as low contrast on a loaded machine.
  // Endless ones (a spinner) are left alone.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)} ${n.failureSummary ?? ""}`) }));
  });
}

/** Opens a file through the pane's file input. */
export async function chooseFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
}

/** A workbook whose «Дв, %» says «н/я» on `n` school rows (F2:F{n+1}): one kind of issue, many cells. */
export async function textInColumnWorkbook(dir: string, n: number): Promise<string> {
  const file = path.join(dir, `н-я в ${n} ячейках.xlsx`);
  const schools: FixtureCell[][] = [["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %"]];
  const results: FixtureCell[][] = [["Код ОО", "Год", "Процедура", "Класс", "Предмет", "Участников", "Ниже Bmin", "Не ниже Bmid", "Не ниже Btop", "Средний балл"]];
  for (let i = 0; i < n; i++) {
    schools.push([`S${i}`, `Школа ${i}`, "Город А", "город", 300, "н/я", 10, 5]);
    results.push([`S${i}`, 2024, "ВПР", 5, "Математика", 20, 2, 10, 3, 12]);
  }
  await writeFixture(file, [
    { name: "Школы", rows: schools },
    { name: "Результаты", rows: results },
    { name: "Шкалы", rows: [["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый"], ["ВПР", 5, "Математика", 7, 20, 16, "да"]] },
  ]);
  return file;
}

/** An old-format .xls (its OLE header) and a .csv export, as analysts get them. */
export function impostorFiles(dir: string): { xls: string; csv: string } {
  const xls = path.join(dir, "выгрузка.xls");
  fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
  const csv = path.join(dir, "выгрузка.csv");
  fs.writeFileSync(csv, "Код ОО;Год;Процедура\n07013;2024;ВПР\n");
  return { xls, csv };
}

/** CPU time (user + system, seconds) used so far by the renderer processes of the browser started with `profile`. */
export function rendererCpuSeconds(profile: string): number {
  return rendererPids(profile).reduce((sum, pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks (100 a second on Linux).
      return sum + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return sum;
    }
  }, 0);
}

/** Resident memory (bytes) of each renderer process of the browser started with `profile` (Linux /proc). */
export function rendererMemory(profile: string): number[] {
  return rendererPids(profile).map((pid) => {
    try {
      return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  });
}

/** The renderer processes of the browser started with `profile`. */
function rendererPids(profile: string): number[] {
  const procs = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const info = new Map<number, { ppid: number; cmd: string }>();
  for (const d of procs) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, "utf8").replace(/\0/g, " ");
      info.set(Number(d), { ppid, cmd });
    } catch {
      // The process ended while being read: it is not one of ours any more.
    }
  }
  const roots = [...info.entries()].filter(([, p]) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes("--type=")).map(([pid]) => pid);
  const ours = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of info) if (!ours.has(pid) && ours.has(p.ppid)) (ours.add(pid), (grew = true));
  }
  return [...ours].filter((pid) => info.get(pid)?.cmd.includes("--type=renderer") === true);
}
