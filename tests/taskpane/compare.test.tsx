/** @jest-environment jsdom */
/**
 * «Сравнить методики» in the pane (issue 15), standalone: the file is compared in the compute
 * worker (inline here), the comparison workbook is offered as a download, and the overlap
 * matrices shown are those of the engine's comparison of the same input.
 */
import "./jsdomSetup";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import * as React from "react";
import { demoSheets } from "../../src/demo/workbook";
import { compareMethodologies, PRESETS, PRESET_IDS, resolveMethodology } from "../../src/engine";
import { stringsFor } from "../../src/i18n";
import { parseWorkbook } from "../../src/schema";
import { overlapView } from "../../src/taskpane/compareView";
import { COMPARE_TEXT, CompareMethodologies, compareSet } from "../../src/taskpane/components/CompareMethodologies";
import { ComputeClient } from "../../src/taskpane/compute/client";
import { inlineWorker } from "../../src/taskpane/compute/inline";
import { fileWorkspace } from "../../src/taskpane/fileWorkspace";
import { inputWorkbookBuffer } from "../../src/workbook/inputWriter";
import { readXlsx } from "../../src/workbook/xlsxReader";

const ru = stringsFor("ru-RU");

describe("«Сравнить методики» in the standalone pane", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await inputWorkbookBuffer(demoSheets({ schools: 40, municipalities: 3 }));
  });

  it("compares the four methodologies in the worker, offers the workbook and shows the overlap matrices", async () => {
    const made: Uint8Array[] = [];
    const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), makeUrl: (b) => (made.push(b), `blob:${made.length}`), strings: ru.stage });
    await ws.open?.("регион.xlsx", bytes.slice().buffer as ArrayBuffer, () => undefined, new AbortController().signal);
    const chosen = resolveMethodology("bryansk", { minParticipants: 5 });
    if (!chosen.ok) throw new Error("bad override");
    render(
      <FluentProvider theme={webLightTheme}>
        <CompareMethodologies workspace={ws} strings={ru} stages={ru.stage} methodology={chosen.value} disabled={false} />
      </FluentProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: COMPARE_TEXT.action }));
    const link = await screen.findByRole("link", { name: COMPARE_TEXT.download }, { timeout: 60_000 });
    expect(link).toHaveAttribute("download", "регион — сравнение методик.xlsx");
    expect(screen.getByText(COMPARE_TEXT.downloadReady("регион — сравнение методик.xlsx"))).toBeInTheDocument();

    // The same comparison, computed here: the user's Брянск with their parameter, the others as they are.
    const parsed = parseWorkbook(await readXlsx(bytes));
    if (!parsed.ok) throw new Error("demo region does not parse");
    const methodologies = compareSet(chosen.value);
    expect(methodologies.map((m) => m.preset)).toEqual([...PRESET_IDS]);
    expect(methodologies[2]?.parameters.minParticipants).toBe(5);
    expect(methodologies[0]).toBe(PRESETS.kbr);
    const view = overlapView(compareMethodologies(parsed.input, methodologies));
    const table = screen.getByRole("table", { name: COMPARE_TEXT.matrixTitle("ШНОР") });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(cells).toEqual(view.labels.map((_, i) => view.labels.map((__, j) => (i === j ? String(view.matrices.shnor.both[i]?.[j]) : `${view.matrices.shnor.both[i]?.[j]} (${view.matrices.shnor.onlyRow[i]?.[j]})`))));
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["", "КБР", "Ставрополь", "Брянск (изм.)", "Новолакский р-н"]);
    expect(screen.getByText(COMPARE_TEXT.statistics(view.statisticsRuns))).toBeInTheDocument();

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(made[0] as unknown as ArrayBuffer);
    expect(book.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Сравнение методик", "Сводка сравнения"]);
    expect(book.getWorksheet("Сравнение методик")?.rowCount).toBe(41);
  });

  it("is not offered by a workspace that cannot compare", () => {
    const ws = fileWorkspace({ compute: new ComputeClient(inlineWorker), makeUrl: () => "blob:x", strings: ru.stage });
    const { compare: _omit, ...without } = ws;
    render(
      <FluentProvider theme={webLightTheme}>
        <CompareMethodologies workspace={without} strings={ru} stages={ru.stage} methodology={PRESETS.kbr} disabled={false} />
      </FluentProvider>,
    );
    expect(screen.queryByRole("button", { name: COMPARE_TEXT.action })).toBeNull();
  });
});
