/**
 * The pane's compute worker (computeHandler) keeps what the readers know: a sheet fed as hidden
 * never wins over a visible sheet of the same role (the Excel path), and a result cell cut to
 * Excel's 32,767-character limit becomes a warning among the run's issues, as the command line
 * prints one.
 */
import { PRESETS } from "../../src/engine";
import type { CellValue } from "../../src/schema/raw";
import { computeHandler } from "../../src/taskpane/compute/handler";
import type { FromWorker, ToWorker } from "../../src/taskpane/compute/protocol";
import { withCutWarning } from "../../src/workbook/cutIssue";
import { baseSheets } from "../schema/helpers";

/** Feeds `sheets` (name, rows, hidden) and runs one request; resolves with its reply. */
async function run(sheets: readonly [string, CellValue[][], boolean][], request: ToWorker): Promise<unknown> {
  const replies: FromWorker[] = [];
  let resolve: (v: unknown) => void = () => undefined;
  const done = new Promise((r) => (resolve = r));
  const handle = computeHandler((m) => {
    replies.push(m);
    if (m.type === "done") resolve(m.value);
    if (m.type === "failed") resolve(new Error(m.message));
  });
  for (const [sheet, rows, hidden] of sheets) handle({ type: "rows", sheet, rows, first: true, ...(hidden ? { hidden } : {}) });
  handle(request);
  return done;
}

function inputSheets(schools: CellValue[][]): [string, CellValue[][], boolean][] {
  const s = baseSheets();
  return [
    ["Школы", schools, false],
    ["Результаты", s.Результаты, false],
    ["Баллы", s.Баллы, false],
    ["Шкалы", s.Шкалы, false],
  ];
}

describe("the pane's worker", () => {
  it("reads the visible sheet, not a hidden decoy fed before it", async () => {
    const s = baseSheets();
    const decoy = s.Школы.map((r) => [...r]);
    decoy[1]![1] = "Подменная школа";
    const sheets: [string, CellValue[][], boolean][] = [["Школы", decoy, true], ["Реестр школ", s.Школы, false], ...inputSheets(s.Школы).slice(1)];
    const reply = (await run(sheets, { type: "validate", id: 1 })) as { ok: boolean; issues: { message: string }[] };
    expect(reply.ok).toBe(true);
    expect(reply.issues.map((i) => i.message)).toContain("Лист «Реестр школ»: скрытый лист «Школы» тоже похож на лист «Школы» и не читается; используется «Реестр школ»");
  });

  it("warns about a result cell cut to Excel's limit in the workbook it writes", async () => {
    const schools = baseSheets().Школы.map((r) => [...r]);
    schools[2]![1] = `ООШ ${"б".repeat(40_000)}`;
    const reply = (await run(inputSheets(schools), {
      type: "analyse",
      id: 1,
      methodology: PRESETS.kbr,
      context: { date: "2025-06-30" },
      output: "xlsx",
    })) as { ok: boolean; issues: { code: string; severity: string; message: string }[] };
    expect(reply.ok).toBe(true);
    const cut = reply.issues.filter((i) => i.code === "cells-cut");
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ severity: "warning" });
    expect(cut[0]!.message).toMatch(/^Текст \d+ ячеек длиннее 32\s767 символов \(предел Excel\) и обрезан: /);
  }, 120_000);
});

describe("withCutWarning", () => {
  it("adds one warning at the first cut cell, naming the cells", () => {
    const issues = withCutWarning([], ["Итоги!B3", "Перечень ШНОР!D2"]);
    expect(issues).toEqual([{ severity: "warning", code: "cells-cut", sheet: "Итоги", cell: "B3", message: expect.stringMatching(/^Текст 2 ячеек длиннее 32\s767 символов \(предел Excel\) и обрезан: Итоги!B3, Перечень ШНОР!D2$/) }]);
  });
  it("adds nothing when nothing was cut", () => {
    expect(withCutWarning([], undefined)).toEqual([]);
    expect(withCutWarning([], [])).toEqual([]);
  });
});
