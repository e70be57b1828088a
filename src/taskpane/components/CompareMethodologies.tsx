/**
 * «Сравнить методики» (issue 15): the same input under the four presets — the user's chosen one
 * with their parameters, the others as they are — written as «Сравнение методик» and «Сводка
 * сравнения» (in Excel), or offered as a download (standalone); the overlap matrices of ШНОР and
 * ШНСУ shown here. Self-contained: its own progress and cancel, so that it is wired into the
 * pane with a line.
 */
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { PRESET_IDS, PRESETS, type Methodology } from "../../engine/methodology";
import type { Strings } from "../../i18n";
import type { OverlapView } from "../compareView";
import { CancelledError, type Progress, type StageNames } from "../pipeline";
import type { Download, Workspace } from "../workspace";
import { ProgressPanel } from "./ProgressPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "right" },
  head: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold, textAlign: "left" },
  diagonal: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
});

/** The pane's words for this action (Russian only, like the rest of the result sheets). */
export const COMPARE_TEXT = {
  action: "Сравнить методики",
  hint: "Выявить ШНОР и ШНСУ по всем четырём методикам (выбранная — с вашими параметрами) и записать листы «Сравнение методик» и «Сводка сравнения»",
  written: (sheets: string) => `Записаны листы: ${sheets}`,
  downloadReady: (name: string) => `Сравнение готово: ${name}`,
  download: "Скачать сравнение",
  inputErrors: (n: number) => `Во входных данных есть ошибки (${n}): сравнение не выполнено. Нажмите «Проверить данные», чтобы увидеть их.`,
  matrixTitle: (list: string) => `${list}: пересечение списков`,
  matrixNote: "В ячейке — школ в списках обеих методик (строка и столбец), в скобках — только у методики строки; на диагонали — всего по методике.",
  listedIn: (all: number, some: number, none: number) => `Школ в списках ШНОР/ШНСУ во всех методиках: ${all}, в части: ${some}, ни в одной: ${none}.`,
  statistics: (runs: number) => (runs === 1 ? "Индексы оценочных процедур рассчитаны один раз для всех методик." : `Индексы оценочных процедур рассчитаны ${runs} раза: методики расходятся в параметрах расчёта.`),
} as const;

/** The four presets, the user's one replaced by their own methodology. */
export function compareSet(chosen: Methodology | null): Methodology[] {
  return PRESET_IDS.map((id) => (chosen !== null && chosen.preset === id ? chosen : PRESETS[id]));
}

export interface CompareMethodologiesProps {
  readonly workspace: Workspace;
  readonly strings: Strings;
  readonly stages: StageNames;
  /** The methodology chosen in the pane (null while its parameters are invalid). */
  readonly methodology: Methodology | null;
  readonly disabled: boolean;
}

type Outcome =
  | { readonly kind: "done"; readonly overlap: OverlapView; readonly text: string; readonly download?: Download }
  | { readonly kind: "message"; readonly intent: "error" | "info" | "warning"; readonly text: string };

export function CompareMethodologies({ workspace, strings, stages, methodology, disabled }: CompareMethodologiesProps): React.JSX.Element | null {
  const styles = useStyles();
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  if (!workspace.compare) return null;
  const compare = workspace.compare.bind(workspace);

  const run = async (): Promise<void> => {
    if (methodology === null) {
      setOutcome({ kind: "message", intent: "error", text: strings.parameterInvalid });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(null);
    setProgress({ stage: "…", fraction: null, cancellable: true });
    try {
      const r = await compare(compareSet(methodology), stages, setProgress, controller.signal);
      if (!r.ok) {
        setOutcome({ kind: "message", intent: "error", text: COMPARE_TEXT.inputErrors(r.issues.filter((i) => i.severity === "error").length) });
        return;
      }
      setOutcome({
        kind: "done",
        overlap: r.overlap,
        text: r.download ? COMPARE_TEXT.downloadReady(r.download.name) : COMPARE_TEXT.written(r.written.join(", ")),
        ...(r.download ? { download: r.download } : {}),
      });
    } catch (e) {
      if (e instanceof CancelledError) setOutcome({ kind: "message", intent: "info", text: strings.cancelled });
      else setOutcome({ kind: "message", intent: "error", text: strings.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <section className={styles.root} aria-label={COMPARE_TEXT.action}>
      <Button size="large" disabled={disabled || progress !== null || !workspace.hasInput()} title={COMPARE_TEXT.hint} onClick={() => void run()}>
        {COMPARE_TEXT.action}
      </Button>
      {progress ? <ProgressPanel progress={progress} strings={strings} onCancel={() => abort.current?.abort()} /> : null}
      {outcome?.kind === "message" ? (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === "done" ? (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
          {outcome.download ? (
            <Button as="a" appearance="primary" href={outcome.download.url} download={outcome.download.name}>
              {COMPARE_TEXT.download}
            </Button>
          ) : null}
          <OverlapMatrices view={outcome.overlap} />
        </>
      ) : null}
    </section>
  );
}

function OverlapMatrices({ view }: { view: OverlapView }): React.JSX.Element {
  const styles = useStyles();
  const lists = [
    ["ШНОР", view.matrices.shnor],
    ["ШНСУ", view.matrices.shnsu],
  ] as const;
  return (
    <div data-testid="overlap">
      {lists.map(([list, m]) => (
        <div key={list}>
          <Subtitle2 as="h3">{COMPARE_TEXT.matrixTitle(list)}</Subtitle2>
          <table className={styles.table} aria-label={COMPARE_TEXT.matrixTitle(list)}>
            <thead>
              <tr>
                <th className={styles.head} scope="col" />
                {view.labels.map((l) => (
                  <th key={l} className={styles.head} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.labels.map((row, i) => (
                <tr key={row}>
                  <th className={styles.head} scope="row">
                    {row}
                  </th>
                  {view.labels.map((column, j) => (
                    <td key={column} className={i === j ? `${styles.cell} ${styles.diagonal}` : styles.cell}>
                      {i === j ? String(m.both[i]?.[j] ?? 0) : `${m.both[i]?.[j] ?? 0} (${m.onlyRow[i]?.[j] ?? 0})`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <Caption1 as="p">{COMPARE_TEXT.matrixNote}</Caption1>
      <Caption1 as="p">{COMPARE_TEXT.listedIn(view.listedIn.all, view.listedIn.some, view.listedIn.none)}</Caption1>
      <Caption1 as="p">{COMPARE_TEXT.statistics(view.statisticsRuns)}</Caption1>
    </div>
  );
}
