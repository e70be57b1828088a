/**
 * «Импорт выгрузок»: the analyst chooses ФИС ОКО workbooks and processing-centre protocols (.xlsx,
 * .xls, several at once, and optionally the region's «Школы» workbook for the join), sees what was
 * recognised and left out, and writes the input sheets: into the open workbook in Excel (in blocks;
 * the join goes through the workbook's own «Школы», and the sheets it already has get only the
 * rows the import adds or replaces), or as the opened file standalone (the file opened before, if
 * any, is the base the same way). Then the pane
 * validates, as «Проверить данные» does. Participants' names never leave the import: they are
 * hashed under a key made for this import only.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { formatImportIssue, reportCells } from "../../import";
import { toInputSheets } from "../../workbook/importSheets";
import { importChosenFiles, type BrowserImport } from "../importExports";
import type { ProgressSink } from "../pipeline";
import type { Download, Workspace } from "../workspace";

/** Russian texts of the step (kept here so the step can move between the pane's layouts). */
export const IMPORT_STRINGS = {
  title: "Импорт выгрузок",
  hint: "ФИС ОКО (ВПР: «Индивидуальные результаты», «Статистика по отметкам», «Сравнение с журналом») и протоколы РЦОИ (ОГЭ, ЕГЭ), .xlsx и .xls. Книгу с листом «Школы» (со столбцом «Логин ФИС ОКО») выберите вместе с ними: по ней сопоставляются школы.",
  choose: "Выбрать файлы выгрузок…",
  reading: (name: string, i: number, n: number) => `Чтение ${i + 1} из ${n}: ${name}`,
  base: (name: string) => `Лист «Школы» взят из «${name}».`,
  baseOpen: "Школы сопоставлены по листу «Школы» открытой книги; школы, которых на нём нет, будут дописаны на него.",
  noBase: "Листа «Школы» нет ни в книге, ни среди файлов: все школы будут добавлены из выгрузок без социальных показателей.",
  summary: (rows: number, results: number, scales: number, added: number) =>
    `Строк участников: ${rows}, строк результатов: ${results}, шкал выведено: ${scales}, школ добавлено: ${added}.`,
  write: "Записать листы и проверить",
  fatal: (why: string) => `Ничего не записано: ${why}`,
  written: (added: string, skipped: string, updated = "") =>
    [`Записаны листы: ${added || "—"}.`, updated === "" ? "" : ` Дополнены: ${updated}.`, skipped === "" ? "" : ` Уже были в книге и оставлены как есть: ${skipped}.`].join(""),
  download: (name: string) => `Скачать «${name}»`,
  issuesMore: (n: number) => `… и ещё замечаний: ${n}`,
  fileName: "Регион из выгрузок.xlsx",
} as const;

/** Issues listed before the rest are counted. */
export const IMPORT_ISSUES_SHOWN = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hidden: { display: "none" },
  table: { overflowX: "auto" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, wordBreak: "break-word" },
});

export interface ImportExportsPanelProps {
  readonly workspace: Workspace;
  readonly disabled: boolean;
  /** Runs long work with the pane's progress bar (App's `task`). */
  readonly run: (work: (onProgress: ProgressSink, signal: AbortSignal) => Promise<void>) => Promise<void>;
  /** Called after the sheets are written: the pane validates them. */
  readonly onImported: () => void;
}

export function ImportExportsPanel({ workspace, disabled, run, onImported }: ImportExportsPanelProps): React.JSX.Element | null {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [found, setFound] = React.useState<BrowserImport | null>(null);
  const [outcome, setOutcome] = React.useState<{ text: string; download: Download | null } | null>(null);
  if (workspace.importSheets === undefined) return null;
  const importSheets = workspace.importSheets.bind(workspace);

  const onChoose = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = "";
    if (chosen.length === 0) return;
    setOutcome(null);
    void run(async (onProgress, signal) => {
      const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
      // The workbook's own «Школы» (and the sheets the import adds to) first: the join goes through them.
      const open = workspace.importBase === undefined ? null : await workspace.importBase(onProgress, signal);
      setFound(await importChosenFiles(files, (name, i) => onProgress({ stage: IMPORT_STRINGS.reading(name, i, files.length), fraction: i / files.length, cancellable: false }), open));
    });
  };

  const onWrite = (): void => {
    if (found === null || found.assembled.fatal !== null) return;
    let written = false;
    void run(async (onProgress, signal) => {
      const result = await importSheets(IMPORT_STRINGS.fileName, toInputSheets(found.assembled.sheets), onProgress, signal, found.openSheets);
      setOutcome({ text: IMPORT_STRINGS.written(result.added.join(", "), result.skipped.join(", "), (result.updated ?? []).join(", ")), download: result.download ?? null });
      written = true;
    }).then(() => {
      // Validation runs as a task of its own, after this one has ended.
      if (written) onImported();
    });
  };

  const a = found?.assembled;
  const issues = a?.issues.filter((i) => i.severity !== "info") ?? [];
  return (
    <section className={styles.root} aria-label={IMPORT_STRINGS.title} data-testid="import-exports">
      <Subtitle2 as="h2">{IMPORT_STRINGS.title}</Subtitle2>
      <Caption1>{IMPORT_STRINGS.hint}</Caption1>
      <div className={styles.row}>
        <input ref={input} className={styles.hidden} type="file" multiple accept=".xlsx,.xls" aria-label={IMPORT_STRINGS.choose} onChange={onChoose} data-testid="import-input" />
        <Button disabled={disabled} onClick={() => input.current?.click()}>
          {IMPORT_STRINGS.choose}
        </Button>
      </div>
      {found !== null && a !== undefined ? (
        <>
          <Caption1>{found.baseIsOpen ? IMPORT_STRINGS.baseOpen : found.base === null ? IMPORT_STRINGS.noBase : IMPORT_STRINGS.base(found.base)}</Caption1>
          <div className={styles.table}>
            <Table size="extra-small" aria-label={IMPORT_STRINGS.title}>
              <TableHeader>
                <TableRow>
                  {["Файл", "Лист", "Форма", "Процедура", "Предмет", "Класс", "Год", "Школ", "Строк", "Пропущено"].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {found.reports.map((r, i) => (
                  <TableRow key={i}>
                    {reportCells(r)
                      .slice(0, 10)
                      .map((c, j) => (
                        <TableCell key={j}>{c}</TableCell>
                      ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Caption1>{IMPORT_STRINGS.summary(a.participantRows, a.resultRows, a.inferredScales, a.unjoined.length)}</Caption1>
          {issues.length > 0 ? (
            <ul className={styles.list} data-testid="import-issues">
              {issues.slice(0, IMPORT_ISSUES_SHOWN).map((i, k) => (
                <li key={k}>{formatImportIssue(i)}</li>
              ))}
              {issues.length > IMPORT_ISSUES_SHOWN ? <li>{IMPORT_STRINGS.issuesMore(issues.length - IMPORT_ISSUES_SHOWN)}</li> : null}
            </ul>
          ) : null}
          {a.fatal !== null ? (
            <MessageBar intent="error">
              <MessageBarBody>{IMPORT_STRINGS.fatal(a.fatal)}</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.row}>
              <Button appearance="primary" disabled={disabled} onClick={onWrite}>
                {IMPORT_STRINGS.write}
              </Button>
            </div>
          )}
        </>
      ) : null}
      {outcome !== null ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {outcome.text}{" "}
            {outcome.download !== null ? (
              <a href={outcome.download.url} download={outcome.download.name}>
                {IMPORT_STRINGS.download(outcome.download.name)}
              </a>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
