/** @jest-environment jsdom */
import "./jsdomSetup";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { stringsFor, type Strings } from "../../src/i18n";
import type { RawWorkbook } from "../../src/schema";
import { App } from "../../src/taskpane/components/App";
import { ComputeClient, type WorkerLike } from "../../src/taskpane/compute/client";
import { inlineWorker } from "../../src/taskpane/compute/inline";
import { analyseVia, validateVia, type Feed, type ProgressSink, type StageNames } from "../../src/taskpane/pipeline";
import { analyse } from "../../src/engine/analyse";
import { PRESETS } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import { SHEET_NAMES } from "../../src/workbook/resultSheets";
import type { CellHighlight, SheetSpec } from "../../src/workbook/port";
import type { TemplateKind, Workspace } from "../../src/taskpane/workspace";
import { rawFixture } from "./rawFixtures";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");

/** A worker that says where it is and then never answers, like one busy with a big region. */
function busyWorker(log: { terminated: number }): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      if (message.type !== "validate" && message.type !== "analyse") return;
      const id = message.id;
      setTimeout(() => worker.onmessage?.({ data: { type: "progress", id, stage: "identifying", fraction: 0.3 } }), 0);
    },
    terminate() {
      log.terminated++;
    },
  };
  return worker;
}

/**
 * A workspace in memory: the raw workbook it "reads" (fed to the compute handler as Excel's blocks
 * would be, through {@link inlineWorker}), and a log of what the pane asked of it.
 */
function memoryWorkspace(raw: RawWorkbook, overrides: Partial<Workspace> = {}, spawn: () => WorkerLike = inlineWorker) {
  const calls = {
    highlights: [] as CellHighlight[][],
    cleared: 0,
    selected: [] as string[],
    written: [] as (readonly SheetSpec[])[],
    templates: [] as TemplateKind[],
    saved: [] as string[],
    terminated: 0,
  };
  let stored: string | null = null;
  const compute = new ComputeClient(spawn);
  const feed =
    (names: StageNames, onProgress: ProgressSink): Feed =>
    async (sink) => {
      onProgress({ stage: names.reading("Школы", 3), fraction: 0.5, cancellable: true });
      for (const sheet of raw.sheets) sink(sheet.name, sheet.rows, true);
    };
  const workspace: Workspace = {
    mode: "office",
    hasInput: () => true,
    sourceName: null,
    validate: (names, onProgress, signal) => validateVia(compute, feed(names, onProgress), names, onProgress, signal),
    identify: async (methodology, context, names, onProgress, signal) => {
      const analysis = await analyseVia(compute, feed(names, onProgress), methodology, context, names, onProgress, signal);
      if (!analysis.ok) return analysis;
      const sheets = analysis.sheets ?? [];
      calls.written.push(sheets);
      return { ok: true, issues: analysis.issues, summary: analysis.summary, view: analysis.view, written: sheets.map((s) => s.name) };
    },
    selectCell: async (sheet, cell) => {
      calls.selected.push(`${sheet}!${cell ?? ""}`);
    },
    highlight: async (cells) => {
      calls.highlights.push([...cells]);
    },
    clearHighlights: async () => {
      calls.cleared++;
    },
    demoAvailable: true,
    insertTemplate: async (kind) => {
      calls.templates.push(kind);
      return { added: ["Результаты", "Баллы", "Шкалы"], skipped: ["Школы"] };
    },
    choices: {
      load: async () => stored,
      save: async (text) => {
        stored = text;
        calls.saved.push(text);
      },
    },
    ...overrides,
  };
  return { workspace, calls };
}

function renderPane(workspace: Workspace, strings: Strings = stringsFor("ru-RU")) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App workspace={workspace} strings={strings} today={() => "2025-06-30"} />
    </FluentProvider>,
  );
}

let broken: RawWorkbook;
let valid: RawWorkbook;
beforeAll(async () => {
  broken = await rawFixture(path.join(FIXTURES, "error.text-in-number.xlsx"));
  valid = await rawFixture(path.join(FIXTURES, "ok.minimal.xlsx"));
});

describe("task pane", () => {
  it("shows the three main actions in Russian", async () => {
    renderPane(memoryWorkspace(valid).workspace);
    expect(screen.getByRole("heading", { level: 1, name: "ШНОР и ШНСУ" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Вставить шаблон" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Проверить данные" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Выявить" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Снять выделение" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: /Методика региона/ })).toHaveValue("kbr");
    for (const step of ["1. Данные", "2. Методика", "3. Результат"]) expect(screen.getByRole("heading", { level: 2, name: step })).toBeInTheDocument();
  });

  it("speaks English when Office's display language is English", () => {
    renderPane(memoryWorkspace(valid).workspace, stringsFor("en-GB"));
    expect(screen.getByRole("button", { name: "Check data" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Identify" })).toBeInTheDocument();
  });

  it("lists the issues of a broken workbook grouped by kind and column, highlights their cells and selects one on click", async () => {
    const user = userEvent.setup();
    const { workspace, calls } = memoryWorkspace(broken);
    renderPane(workspace);
    await user.click(screen.getByRole("button", { name: "Проверить данные" }));
    const issues = await screen.findByRole("region", { name: "Замечания к данным" });
    expect(screen.getByText(/В данных есть ошибки/)).toBeInTheDocument();
    const cell = within(issues).getByRole("button", { name: /Школы!E3: «восемьдесят»/ });
    expect(calls.cleared).toBe(1);
    expect(calls.highlights).toEqual([[{ sheet: "Школы", cell: "E3", colour: "#FFC7CE" }]]);
    expect(screen.getByText("Ячейки с ошибками выделены цветом (1).")).toBeInTheDocument();
    // Focus lands on the issues' heading.
    await waitFor(() => expect(within(issues).getByRole("heading", { name: "Замечания к данным" })).toHaveFocus());
    await user.click(cell);
    expect(calls.selected).toEqual(["Школы!E3"]);
    await user.click(screen.getByRole("button", { name: "Снять выделение" }));
    await screen.findByText("Выделение ячеек снято.");
    expect(calls.cleared).toBe(2);
  });

  it("does not identify a broken workbook and writes nothing", async () => {
    const user = userEvent.setup();
    const { workspace, calls } = memoryWorkspace(broken);
    renderPane(workspace);
    await user.click(screen.getByRole("button", { name: "Выявить" }));
    await screen.findByText(/В данных есть ошибки/);
    expect(calls.written).toEqual([]);
  });

  it("identifies in one click: writes the result sheets, shows the summary and saves the methodology", async () => {
    const user = userEvent.setup();
    const { workspace, calls } = memoryWorkspace(valid);
    renderPane(workspace);
    await user.selectOptions(screen.getByRole("combobox", { name: /Методика региона/ }), "stavropol");
    await user.click(screen.getByRole("button", { name: "Выявить" }));
    const summary = await screen.findByRole("region", { name: "Итоги выявления" });
    const written = calls.written[0] ?? [];
    // The command line's sheets, monitoring included (analyse, not identify), and no sheet of the pane's own.
    expect(written.map((s) => s.name).slice(0, 3)).toEqual(["Итоги", "Индексы ОП", "Муниципалитеты"]);
    expect(written.map((s) => s.name)).toEqual(expect.arrayContaining([SHEET_NAMES.dynamics, SHEET_NAMES.parameters]));
    expect(written.map((s) => s.name)).not.toContain("Регрессия");
    const parsed = parseWorkbook(valid);
    if (!parsed.ok) throw new Error("fixture");
    const result = analyse(parsed.input, PRESETS.stavropol);
    const counts = within(summary).getByRole("list", { name: "Школы по категориям" });
    const schools = result.schools;
    for (const [label, category] of [
      ["ШНОР и ШНСУ", "ШНОР и ШНСУ"],
      ["ШНОР", "ШНОР"],
      ["ШНСУ", "ШНСУ"],
      ["Зона риска", "Зона риска"],
      ["Без рисков", "Без рисков"],
    ] as const) {
      const n = schools.filter((s) => s.category === category).length;
      expect(within(counts).getByRole("listitem", { name: `${label}: ${n}` })).toBeInTheDocument();
    }
    expect(within(summary).getByText(`Школ: ${schools.length}. Методика: ${result.methodology.name}.`)).toBeInTheDocument();
    expect(screen.getByText(/Записаны листы: Итоги/)).toBeInTheDocument();
    expect(JSON.parse(calls.saved[0] ?? "{}")).toMatchObject({ preset: "stavropol", overrides: {} });
  });

  it("starts from the methodology saved in the workbook", async () => {
    const { workspace } = memoryWorkspace(valid);
    await workspace.choices.save(JSON.stringify({ version: 1, preset: "bryansk", overrides: { minParticipants: 5 } }));
    const user = userEvent.setup();
    renderPane(workspace);
    await waitFor(() => expect(screen.getByRole("combobox", { name: /Методика региона/ })).toHaveValue("bryansk"));
    expect(screen.getByText("Изменено параметров: 1.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Низкие результаты — изменено: 1/ }));
    expect(screen.getByRole("textbox", { name: /Минимум участников, чтобы процедура оценивалась/ })).toHaveValue("5");
  });

  it("disables «Выявить» with the reason while a field is invalid, and never runs with the preset value", async () => {
    const user = userEvent.setup();
    const { workspace, calls } = memoryWorkspace(valid);
    renderPane(workspace);
    await user.click(screen.getByRole("button", { name: "Низкие результаты" }));
    // Shares are typed as percent: 5 % is the preset's 0.05.
    const margin = screen.getByRole("textbox", { name: /Граница низких результатов: доля максимального балла, %/ });
    expect(margin).toHaveValue("5");
    await user.clear(margin);
    await user.type(margin, "десять");
    expect(await screen.findByText("«десять» — ожидалось число")).toBeInTheDocument();
    expect(margin).toHaveAttribute("aria-invalid", "true");
    const identify = screen.getByRole("button", { name: "Выявить" });
    expect(identify).toHaveAttribute("aria-disabled", "true");
    expect(identify).toHaveAccessibleDescription("Выявить пока нельзя: исправьте параметр «Граница низких результатов: доля максимального балла» — «десять» — ожидалось число.");
    await user.click(identify);
    expect(calls.written).toEqual([]);
    await user.clear(margin);
    await user.type(margin, "150");
    expect(await screen.findByText("«150» — ожидалось число от 0 до 100 (%)")).toBeInTheDocument();
    await user.clear(margin);
    await user.type(margin, "10");
    expect(identify).not.toHaveAttribute("aria-disabled");
    await user.click(identify);
    expect(await screen.findByRole("region", { name: "Итоги выявления" })).toBeInTheDocument();
    const changed = screen.getByRole("region", { name: "Изменено относительно методики" });
    expect(within(changed).getByText("Граница низких результатов: доля максимального балла: 5 % → 10 %")).toBeInTheDocument();
    // The command line's code: a button reached by keyboard, its tooltip shown on focus (not a mouse-only title).
    const code = within(changed).getByRole("button", { name: "код для командной строки" });
    expect(changed.querySelector("[title]")).toBeNull();
    code.focus();
    expect(await within(changed).findByText("Код для командной строки (--params): margin")).toBeInTheDocument();
    expect(code).toHaveAccessibleDescription("Код для командной строки (--params): margin");
    expect(JSON.parse(calls.saved[0] ?? "{}")).toMatchObject({ preset: "kbr", overrides: { margin: 0.1 } });
  });

  it("drops the changes of the previous methodology when another is chosen, and says so", async () => {
    const user = userEvent.setup();
    const { workspace } = memoryWorkspace(valid);
    renderPane(workspace);
    await user.click(screen.getByRole("button", { name: "Низкие результаты" }));
    const min = screen.getByRole("textbox", { name: /Минимум участников/ });
    await user.clear(min);
    await user.type(min, "7");
    expect(screen.getByText("Изменено параметров: 1.")).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: /Методика региона/ }), "bryansk");
    expect(await screen.findByText(/Методика сменилась: изменения 1 параметр/)).toBeInTheDocument();
    expect(screen.getByText("Все параметры — как в методике.")).toBeInTheDocument();
    // Bryansk's own parameters are shown under it, and not under КБР.
    expect(screen.getByRole("textbox", { name: /Брянск: число последних лет/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: /Методика региона/ }), "kbr");
    expect(screen.queryByRole("textbox", { name: /Брянск: число последних лет/ })).not.toBeInTheDocument();
  });

  it("clears the previous result as soon as a new run starts, even one that is refused", async () => {
    const user = userEvent.setup();
    let data = valid;
    const { workspace } = memoryWorkspace(valid);
    const switching: Workspace = { ...workspace, identify: (...args) => memoryWorkspace(data).workspace.identify(...args) };
    renderPane(switching);
    await user.click(screen.getByRole("button", { name: "Выявить" }));
    await screen.findByRole("region", { name: "Итоги выявления" });
    data = broken;
    await user.click(screen.getByRole("button", { name: "Выявить" }));
    await screen.findByText(/В данных есть ошибки/);
    expect(screen.queryByRole("region", { name: "Итоги выявления" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Школы" })).not.toBeInTheDocument();
  });

  it("lists the schools with filters and opens a card that selects the school's row on Итоги", async () => {
    const user = userEvent.setup();
    const { workspace, calls } = memoryWorkspace(valid);
    renderPane(workspace);
    await user.click(screen.getByRole("button", { name: "Выявить" }));
    const list = await screen.findByRole("region", { name: "Школы" });
    await waitFor(() => expect(screen.getByRole("heading", { name: "3. Результат" })).toHaveFocus());
    const parsed = parseWorkbook(valid);
    if (!parsed.ok) throw new Error("fixture");
    const result = analyse(parsed.input, PRESETS.kbr);
    const items = (): HTMLElement[] => within(within(list).getByRole("list", { name: "Школы" })).getAllByRole("button");
    expect(items()).toHaveLength(result.schools.length);
    const first = result.schools[0];
    if (!first) throw new Error("no school");
    await user.type(within(list).getByRole("searchbox", { name: "Поиск по названию или коду" }), first.id);
    expect(items()).toHaveLength(1);
    expect(items()[0]).toHaveAccessibleName(expect.stringContaining(first.name));
    await user.click(items()[0] as HTMLElement);
    const card = screen.getByRole("article", { name: first.name });
    await waitFor(() => expect(within(card).getByRole("heading", { name: first.name })).toHaveFocus());
    expect(within(card).getByText(first.id)).toBeInTheDocument();
    expect(calls.selected).toEqual([`Итоги!${2 + result.schools.indexOf(first)}:${2 + result.schools.indexOf(first)}`]);
    await user.click(within(card).getByRole("button", { name: "Закрыть карточку" }));
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
  });

  it("shows the worker's stage with a progress bar and terminates the worker when the user cancels", async () => {
    const user = userEvent.setup();
    const log = { terminated: 0 };
    const { workspace, calls } = memoryWorkspace(valid, {}, () => busyWorker(log));
    renderPane(workspace);
    await user.click(screen.getByRole("button", { name: "Выявить" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(await screen.findByText("Выявление ШНОР и ШНСУ, динамика и мониторинг")).toBeInTheDocument();
    // Disabled but still focusable: focus is not thrown to the page.
    expect(screen.getByRole("button", { name: "Выявить" })).toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByRole("button", { name: "Отменить" }));
    await screen.findByText("Операция отменена. Книга не изменена.");
    expect(log.terminated).toBe(1);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(calls.written).toEqual([]);
  });

  it("inserts the empty template or the demo region and says which sheets were left alone", async () => {
    const user = userEvent.setup();
    const { workspace, calls } = memoryWorkspace(valid);
    renderPane(workspace);
    await user.click(screen.getByRole("button", { name: "Вставить шаблон" }));
    await user.click(await screen.findByRole("menuitem", { name: "Шаблон с демо-регионом" }));
    await screen.findByText("Добавлены листы: Результаты, Баллы, Шкалы. Уже есть и не изменены: Школы.");
    expect(calls.templates).toEqual(["demo"]);
  });

  it("asks for a file first when standalone", () => {
    const { workspace } = memoryWorkspace(valid, { mode: "file", hasInput: () => false });
    delete (workspace as { selectCell?: unknown }).selectCell;
    renderPane({ ...workspace, clearHighlights: undefined } as unknown as Workspace);
    expect(screen.getByRole("button", { name: "Открыть книгу Excel (.xlsx)" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Скачать шаблон" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Выявить" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "Выявить" })).toHaveAccessibleDescription("Выявить пока нельзя: сначала откройте книгу Excel (шаг «Данные»).");
    expect(screen.queryByRole("button", { name: "Снять выделение" })).not.toBeInTheDocument();
    expect(screen.getByText(/Сначала откройте книгу Excel/)).toBeInTheDocument();
  });
});

describe("raw fixtures", () => {
  it("are read from the committed workbooks", () => {
    expect(fs.existsSync(path.join(FIXTURES, "ok.minimal.xlsx"))).toBe(true);
    expect(valid.sheets.map((s) => s.name)).toContain("Школы");
  });
});
