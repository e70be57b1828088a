/** @jest-environment jsdom */
/**
 * «Импорт выгрузок» in the pane: files chosen in the browser are recognised (the table), the
 * «Школы» workbook among them is the join's base, the sheets go to the workspace and validation
 * follows; no participant's name shows in the pane.
 */
import "./jsdomSetup";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { TextEncoder as NodeTextEncoder } from "util";
import { ImportExportsPanel } from "../../src/taskpane/components/ImportExportsPanel";
import type { InputSheet } from "../../src/workbook/inputWriter";
import type { Workspace } from "../../src/taskpane/workspace";

const EXPORTS = path.resolve(__dirname, "../fixtures/exports");

// Browsers have TextEncoder (the name hash encodes with it); jest's jsdom does not.
const g = globalThis as unknown as { TextEncoder?: unknown };
if (g.TextEncoder === undefined) g.TextEncoder = NodeTextEncoder;

function fileOf(p: string): File {
  const bytes = fs.readFileSync(p);
  const file = new File([bytes], path.basename(p));
  // jsdom's File may lack arrayBuffer(); the pane only needs the bytes.
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
}

describe("ImportExportsPanel", () => {
  it("shows what was recognised, writes the sheets through the workspace, then asks for validation", async () => {
    const written: { name: string; sheets: string[]; rows: number }[] = [];
    const workspace = {
      mode: "office",
      async importSheets(name: string, sheets: readonly InputSheet[]) {
        written.push({ name, sheets: sheets.map((s) => s.name), rows: sheets.reduce((n, s) => n + [...s.rows()].length, 0) });
        return { added: sheets.map((s) => s.name).filter((n) => n !== "Школы"), skipped: ["Школы"] };
      },
    } as unknown as Workspace;
    const onImported = jest.fn();
    const run = async (work: (p: () => void, s: AbortSignal) => Promise<void>): Promise<void> => work(() => undefined, new AbortController().signal);
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <ImportExportsPanel workspace={workspace} disabled={false} run={run} onImported={onImported} />
      </FluentProvider>,
    );
    await userEvent.upload(screen.getByTestId("import-input"), [
      fileOf(path.join(EXPORTS, "good/ОГЭ_2025_протокол.xlsx")),
      fileOf(path.join(EXPORTS, "good/ЕГЭ_2025_протокол.xls")),
      fileOf(path.join(EXPORTS, "good/ВПР_2025_РУ_4.xlsx")),
      fileOf(path.join(EXPORTS, "школы.xlsx")),
    ]);
    await waitFor(() => expect(screen.getByText("Лист «Школы» взят из «школы.xlsx».")).toBeInTheDocument(), { timeout: 30_000 });
    expect(screen.getAllByText("протокол РЦОИ (ОГЭ/ЕГЭ)")).toHaveLength(2);
    expect(screen.getByText("ФИС ОКО «Индивидуальные результаты»")).toBeInTheDocument();
    expect(screen.getByText("Строк участников: 17, строк результатов: 0, шкал выведено: 2, школ добавлено: 2.")).toBeInTheDocument();
    expect(screen.getByTestId("import-issues")).toHaveTextContent("'РУ 4 Индивидуальные результаты'!L14: предупреждение: строка пропущена: нет первичного балла");

    await userEvent.click(screen.getByRole("button", { name: "Записать листы и проверить" }));
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    expect(written).toEqual([{ name: "Регион из выгрузок.xlsx", sheets: ["Школы", "Баллы", "Шкалы"], rows: 6 + 17 + 5 }]);
    expect(screen.getByText(/Записаны листы: Баллы, Шкалы\. Уже были в книге и оставлены как есть: Школы\./)).toBeInTheDocument();

    const people = JSON.parse(fs.readFileSync(path.join(EXPORTS, "people.json"), "utf8")) as string[][];
    for (const p of people.flat()) expect(container.textContent ?? "").not.toContain(p);
  });

  it("in Excel joins through the open workbook's «Школы»: reads it first, passes it to the writer, says which sheets were added to", async () => {
    const openSheets = [
      {
        name: "Школы",
        rows: [
          ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %", "Логин ФИС ОКО"],
          ["9001", "Школа из книги", "г. Грозный", "город", 100, 1, 1, 1, "edu100001"],
        ],
      },
    ];
    const calls: { base: unknown; schools: unknown[][] }[] = [];
    const workspace = {
      mode: "office",
      importBase: jest.fn(async () => ({ name: "открытая книга", sheets: openSheets })),
      async importSheets(_name: string, sheets: readonly InputSheet[], _p: unknown, _s: unknown, base: unknown) {
        const schools = sheets.find((s) => s.name === "Школы");
        calls.push({ base, schools: schools === undefined ? [] : [...schools.rows()].map((r) => [...r]) });
        return { added: ["Баллы", "Шкалы"], skipped: [], updated: ["Школы"] };
      },
    } as unknown as Workspace;
    const onImported = jest.fn();
    const run = async (work: (p: () => void, s: AbortSignal) => Promise<void>): Promise<void> => work(() => undefined, new AbortController().signal);
    render(
      <FluentProvider theme={webLightTheme}>
        <ImportExportsPanel workspace={workspace} disabled={false} run={run} onImported={onImported} />
      </FluentProvider>,
    );
    await userEvent.upload(screen.getByTestId("import-input"), [fileOf(path.join(EXPORTS, "good/ВПР_2025_РУ_4.xlsx"))]);
    await waitFor(() => expect(screen.getByText("Школы сопоставлены по листу «Школы» открытой книги; школы, которых на нём нет, будут дописаны на него.")).toBeInTheDocument(), { timeout: 30_000 });
    expect(workspace.importBase).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole("button", { name: "Записать листы и проверить" }));
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.base).toBe(openSheets);
    // The workbook's school first (edu100001 joined to 9001), then the logins it does not have.
    expect(calls[0]?.schools.map((r) => r[0])).toEqual(["9001", "edu100002", "edu100099"]);
    expect(screen.getByText("Записаны листы: Баллы, Шкалы. Дополнены: Школы.")).toBeInTheDocument();
  });

  it("says why nothing can be written and offers no button", async () => {
    const workspace = { mode: "file", importSheets: jest.fn() } as unknown as Workspace;
    const run = async (work: (p: () => void, s: AbortSignal) => Promise<void>): Promise<void> => work(() => undefined, new AbortController().signal);
    render(
      <FluentProvider theme={webLightTheme}>
        <ImportExportsPanel workspace={workspace} disabled={false} run={run} onImported={jest.fn()} />
      </FluentProvider>,
    );
    await userEvent.upload(screen.getByTestId("import-input"), [fileOf(path.join(EXPORTS, "bad/unknown/отчёт.xlsx"))]);
    await waitFor(() => expect(screen.getByText("Ничего не записано: в файлах не найдено ни одной пригодной строки участников или результатов школ")).toBeInTheDocument(), { timeout: 30_000 });
    expect(screen.queryByRole("button", { name: "Записать листы и проверить" })).toBeNull();
  });
});
