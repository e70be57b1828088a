/**
 * The task pane as three visible steps — Данные → Методика → Результат — each with one primary
 * action: open a workbook (standalone) or check it (Excel); «Выявить»; download the result
 * (standalone). Long work shows a progress bar with a working «Отменить»; messages are live
 * regions; after an action focus moves to what it produced. Talks only to a {@link Workspace};
 * never to Office.js. Other features slot in through {@link PaneExtensions}.
 */
import {
  Body1,
  Button,
  Caption1,
  Link,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Issue } from "../../engine/types";
import type { Strings } from "../../i18n";
import type { PaneExtensions, SlotContext } from "../extensions";
import { DEFAULT_CHOICE, parseChoice, resolveChoice, serializeChoice, type MethodologyChoice } from "../methodologyChoice";
import { parameterMeta } from "../parameterMeta";
import { CancelledError, highlightsFor, type Progress, type ProgressSink, type StageNames } from "../pipeline";
import type { SchoolView } from "../resultView";
import type { Download, Identification, TemplateKind, Workspace } from "../workspace";
import { Heading } from "./Heading";
import { IssuesPanel } from "./IssuesPanel";
import { engineMessage, MethodologyPanel, type Drafts } from "./MethodologyPanel";
import { ProgressPanel } from "./ProgressPanel";
import { ResultPanel } from "./ResultPanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "1600px",
    marginLeft: "auto",
    marginRight: "auto",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  steps: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, listStyleType: "none", margin: 0, padding: 0 },
  stepItem: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  stepLink: { fontWeight: tokens.fontWeightSemibold },
  stepState: { color: tokens.colorNeutralForeground2 },
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
    "@media (min-width: 900px)": { gridTemplateColumns: "minmax(320px, 420px) minmax(0, 1fr)" },
  },
  left: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXL, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  step: {
    paddingTop: tokens.spacingVerticalM,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: "solid",
    borderTopColor: tokens.colorNeutralStroke2,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hiddenInput: { display: "none" },
  download: { fontWeight: tokens.fontWeightSemibold },
  sticky: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  live: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  reason: { color: tokens.colorPaletteRedForeground1 },
});

export type NoticeIntent = "success" | "warning" | "error" | "info";
type Notice = { readonly intent: NoticeIntent; readonly text: string };
type Done = Identification & { readonly ok: true };

export interface AppProps {
  readonly workspace: Workspace;
  readonly strings: Strings;
  /** Today's date for the Параметры sheet ("2025-06-30"); the shell owns the clock. */
  readonly today: () => string;
  /** Parts other features add to the flow (import, comparison, report). */
  readonly extensions?: PaneExtensions;
  /** A download URL for text (the issues' CSV); a blob: URL by default. */
  readonly textUrl?: (text: string, type: string) => string;
}

const defaultTextUrl = (text: string, type: string): string =>
  typeof URL.createObjectURL === "function" ? URL.createObjectURL(new Blob([text], { type })) : `data:${type};charset=utf-8,${encodeURIComponent(text)}`;

export function App({ workspace, strings, today, extensions, textUrl = defaultTextUrl }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [choice, setChoice] = React.useState<MethodologyChoice>(DEFAULT_CHOICE);
  const [drafts, setDrafts] = React.useState<Drafts>({});
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const [notices, setNotices] = React.useState<readonly Notice[]>([]);
  const [issues, setIssues] = React.useState<readonly Issue[] | null>(null);
  const [result, setResult] = React.useState<Done | null>(null);
  const [templateDownload, setTemplateDownload] = React.useState<Download | null>(null);
  const [sourceName, setSourceName] = React.useState<string | null>(workspace.sourceName);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  const issuesHeading = React.useRef<HTMLHeadingElement>(null);
  /** Where focus was when long work started: it goes back there if the work ends without a result. */
  const origin = React.useRef<HTMLElement | null>(null);
  const [focusTarget, setFocusTarget] = React.useState<"result" | "issues" | "origin" | null>(null);
  const file = workspace.mode === "file";

  React.useEffect(() => {
    let live = true;
    workspace.choices.load().then(
      (text) => {
        const saved = parseChoice(text);
        if (live && saved) setChoice(saved);
      },
      (e: unknown) => setNotices([{ intent: "warning", text: strings.failed(e instanceof Error ? e.message : String(e)) }]),
    );
    return () => {
      live = false;
    };
  }, [workspace, strings]);

  // Focus moves after the DOM has what it moves to.
  React.useEffect(() => {
    if (focusTarget === null) return;
    const target = focusTarget === "result" ? resultHeading.current : focusTarget === "issues" ? (issuesHeading.current ?? resultHeading.current) : origin.current;
    if (target && document.contains(target)) {
      target.focus();
      if (focusTarget !== "origin" && typeof target.scrollIntoView === "function") target.scrollIntoView({ block: "start" });
    }
    setFocusTarget(null);
  }, [focusTarget]);

  const stages: StageNames = strings.stage;
  const busy = progress !== null;
  const hasInput = !file || sourceName !== null;
  const resolved = resolveChoice(choice);

  /** Why «Выявить» cannot run now, in words (null: it can). */
  const blocked = ((): string | null => {
    if (!hasInput) return strings.needFile;
    const draft = Object.entries(drafts).find(([, d]) => d.error !== "");
    if (draft) return strings.parameterInvalidReason(parameterMeta(draft[0].split(".")[0] ?? draft[0], choice.preset).label, draft[1].error);
    if (!resolved.ok) {
      const [key, message] = [...resolved.errors.entries()][0] ?? ["", ""];
      return strings.parameterInvalidReason(parameterMeta(key, choice.preset).label, engineMessage(message));
    }
    return null;
  })();

  const notify = (intent: NoticeIntent, text: string): void => setNotices((n) => [...n, { intent, text }]);

  /** Runs long work with a progress bar and «Отменить»; every failure becomes a message. */
  const task = async (work: (onProgress: ProgressSink, signal: AbortSignal) => Promise<void>, onCancel?: () => string): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    origin.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotices([]);
    setProgress({ stage: "…", fraction: null, cancellable: true });
    try {
      await work((p) => setProgress(p), controller.signal);
    } catch (e) {
      if (e instanceof CancelledError) setNotices([{ intent: "info", text: onCancel ? onCancel() : file ? (workspace.sourceName ? strings.cancelledFile(workspace.sourceName) : strings.openCancelled) : strings.cancelled }]);
      else setNotices([{ intent: "error", text: strings.failed(e instanceof Error ? e.message : String(e)) }]);
      setFocusTarget("origin");
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const showIssues = async (found: readonly Issue[]): Promise<Notice[]> => {
    setIssues(found.length > 0 ? found : null);
    const out: Notice[] = [];
    if (workspace.highlight && workspace.clearHighlights) {
      await workspace.clearHighlights();
      const cells = highlightsFor(found);
      if (cells.length > 0) {
        await workspace.highlight(cells);
        out.push({ intent: "info", text: strings.highlighted(cells.length) });
      }
    }
    return out;
  };

  const onValidate = (): Promise<void> =>
    task(async (onProgress, signal) => {
      setIssues(null);
      const checked = await workspace.validate(stages, onProgress, signal);
      onProgress({ stage: strings.stage.highlighting, fraction: null, cancellable: false });
      const extra = await showIssues(checked.issues);
      const head: Notice = !checked.ok
        ? { intent: "error", text: strings.validationFailed }
        : checked.issues.some((i) => i.severity === "warning")
          ? { intent: "warning", text: strings.validationWarnings }
          : { intent: "success", text: strings.noIssues };
      setNotices([head, ...extra]);
      setFocusTarget(checked.issues.length > 0 ? "issues" : "result");
    });

  const onIdentify = (): Promise<void> => {
    // A run never shows the previous result: cleared before anything else, even when it is refused.
    setResult(null);
    setIssues(null);
    if (blocked !== null || !resolved.ok) {
      setNotices([{ intent: "error", text: strings.identifyBlocked(blocked ?? "") }]);
      return Promise.resolve();
    }
    const methodology = resolved.methodology;
    return task(async (onProgress, signal) => {
      const context = workspace.sourceName === null ? { date: today() } : { date: today(), source: workspace.sourceName };
      const outcome = await workspace.identify(methodology, context, stages, onProgress, signal);
      if (!outcome.ok) {
        const extra = await showIssues(outcome.issues);
        setNotices([{ intent: "error", text: strings.validationFailed }, ...extra]);
        setFocusTarget("issues");
        return;
      }
      await workspace.choices.save(serializeChoice(choice));
      setIssues(outcome.issues.length > 0 ? outcome.issues : null);
      setResult(outcome);
      setNotices([
        {
          intent: "success",
          text: outcome.download ? strings.downloadReady(outcome.download.name) : strings.writtenSheets(outcome.written.join(", ")),
        },
      ]);
      setFocusTarget("result");
    });
  };

  const onTemplate = (kind: TemplateKind): Promise<void> =>
    task(async (onProgress, signal) => {
      const outcome = await workspace.insertTemplate(kind, onProgress, signal);
      if (outcome.download) {
        setTemplateDownload(outcome.download);
        setNotices([{ intent: "success", text: strings.templateReady }]);
      } else {
        setNotices([{ intent: outcome.added.length > 0 ? "success" : "warning", text: strings.templateInserted(outcome.added.join(", "), outcome.skipped.join(", ")) }]);
      }
    });

  const onClear = (): Promise<void> =>
    task(async () => {
      await workspace.clearHighlights?.();
      setNotices([{ intent: "info", text: strings.highlightsCleared }]);
    });

  const onFile = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen || !workspace.open) return;
    const open = workspace.open.bind(workspace);
    // The previous file, its issues and its result are gone from the moment another is chosen.
    setIssues(null);
    setResult(null);
    setSourceName(null);
    void task(
      async (onProgress, signal) => {
        try {
          await open(chosen.name, await chosen.arrayBuffer(), onProgress, signal);
        } catch (e) {
          workspace.close?.();
          if (e instanceof CancelledError) throw e;
          throw new Error(strings.openFailed(e instanceof Error ? e.message : String(e)));
        }
        setSourceName(chosen.name);
        setNotices([{ intent: "success", text: strings.fileLoaded(chosen.name) }]);
      },
      () => strings.openCancelled,
    );
  };

  const onPreset = (preset: MethodologyChoice["preset"]): void => {
    const dropped = Object.keys(choice.overrides).length;
    setChoice({ preset, overrides: {} });
    setDrafts({});
    setNotices(dropped > 0 ? [{ intent: "info", text: strings.presetChanged(dropped) }] : []);
  };

  const select = workspace.selectCell?.bind(workspace);
  const report = (e: unknown): void => setNotices([{ intent: "error", text: strings.failed(e instanceof Error ? e.message : String(e)) }]);
  const onSelectCell = select ? (sheet: string, cell: string): void => void select(sheet, cell).catch(report) : undefined;
  const summarySheet = result?.written[0] ?? null;
  const onShowRow =
    select && summarySheet !== null && !result?.download ? (school: SchoolView): void => void select(summarySheet, `${school.row}:${school.row}`).catch(report) : undefined;
  const onOpenSheet = select && !result?.download ? (sheet: string): void => void select(sheet, null).catch(report) : undefined;
  const exportIssues = workspace.exportIssues?.bind(workspace);
  const onExportSheet =
    exportIssues && issues
      ? (): void =>
          void task(async () => {
            const name = await exportIssues(issues);
            setNotices([{ intent: "success", text: strings.issuesExported(name) }]);
          })
      : undefined;

  const slot: SlotContext = {
    workspace,
    strings,
    busy,
    choice,
    methodology: resolved.ok && blocked === null ? resolved.methodology : null,
    result,
    run: (work) => task(work),
    notify,
    inputChanged: () => {
      setSourceName(workspace.sourceName);
      void onValidate();
    },
  };

  const stepState = [hasInput, resolved.ok && Object.values(drafts).every((d) => d.error === ""), result !== null];
  const current = !hasInput ? 0 : result === null ? 1 : 2;
  const stepNames = [strings.step1, strings.step2, strings.step3];
  const stepIds = ["step-data", "step-method", "step-result"];

  const polite = notices.filter((n) => n.intent !== "error");
  const alerts = notices.filter((n) => n.intent === "error");

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{strings.title}</h1>
        <Caption1>{`${strings.subtitle}. ${file ? strings.modeFile : strings.modeOffice}`}</Caption1>
      </header>
      <nav aria-label={strings.stepsLabel}>
        <ol className={styles.steps}>
          {stepNames.map((name, i) => (
            <li key={name} className={styles.stepItem} {...(i === current ? { "aria-current": "step" as const } : {})}>
              <Link className={styles.stepLink} href={`#${stepIds[i] ?? ""}`}>
                {name}
              </Link>
              <Caption1 className={styles.stepState}>{i === current ? `(${strings.stepCurrent})` : stepState[i] ? `(${strings.stepDone})` : ""}</Caption1>
              {i < 2 ? <span aria-hidden="true">→</span> : null}
            </li>
          ))}
        </ol>
      </nav>
      {progress ? (
        <div className={styles.sticky}>
          <ProgressPanel progress={progress} strings={strings} onCancel={() => abort.current?.abort()} />
        </div>
      ) : null}

      <div className={styles.columns}>
        <div className={styles.left}>
          <section className={mergeClasses(styles.section, styles.step)} aria-labelledby="step-data">
            <Heading level={2} id="step-data">
              {strings.step1}
            </Heading>
            {file ? (
              <>
                <input ref={fileInput} className={styles.hiddenInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={strings.openFile} onChange={onFile} data-testid="file-input" tabIndex={-1} />
                <div className={styles.row}>
                  <Button appearance="primary" disabledFocusable={busy} onClick={() => fileInput.current?.click()}>
                    {strings.openFile}
                  </Button>
                </div>
                <Body1 data-testid="file-status">{sourceName === null ? `${strings.noFile} ${strings.openFileHint}` : strings.fileLoaded(sourceName)}</Body1>
              </>
            ) : null}
            <div className={styles.row}>
              <Button appearance={file ? "secondary" : "primary"} disabledFocusable={busy || !hasInput} onClick={() => void onValidate()}>
                {strings.validate}
              </Button>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <MenuButton disabledFocusable={busy} title={strings.insertTemplateHint}>
                    {file ? strings.downloadTemplate : strings.insertTemplate}
                  </MenuButton>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    <MenuItem onClick={() => void onTemplate("empty")}>{strings.templateEmpty}</MenuItem>
                    {workspace.demoAvailable ? <MenuItem onClick={() => void onTemplate("demo")}>{strings.templateDemo}</MenuItem> : null}
                  </MenuList>
                </MenuPopover>
              </Menu>
              {workspace.clearHighlights ? (
                <Button appearance="subtle" disabledFocusable={busy} onClick={() => void onClear()}>
                  {strings.clearHighlights}
                </Button>
              ) : null}
            </div>
            {templateDownload ? (
              <Link className={styles.download} href={templateDownload.url} download={templateDownload.name}>
                {strings.downloadTemplateLink(templateDownload.name)}
              </Link>
            ) : null}
            {extensions?.data?.map((render, i) => <React.Fragment key={i}>{render(slot)}</React.Fragment>)}
          </section>

          <section className={mergeClasses(styles.section, styles.step)} aria-labelledby="step-method">
            <Heading level={2} id="step-method">
              {strings.step2}
            </Heading>
            <MethodologyPanel choice={choice} onChange={setChoice} onPreset={onPreset} drafts={drafts} onDrafts={setDrafts} strings={strings} disabled={busy} />
            <Caption1>{file ? strings.methodologySavedFile : strings.methodologySaved}</Caption1>
            <div className={styles.row}>
              <Button
                appearance="primary"
                size="large"
                disabledFocusable={busy || blocked !== null}
                {...(blocked !== null ? { "aria-describedby": "identify-blocked" } : {})}
                onClick={() => void onIdentify()}
              >
                {strings.identify}
              </Button>
              {extensions?.identify?.map((render, i) => <React.Fragment key={i}>{render(slot)}</React.Fragment>)}
            </div>
            {blocked !== null ? (
              <Body1 id="identify-blocked" className={hasInput ? styles.reason : undefined}>
                {strings.identifyBlocked(blocked)}
              </Body1>
            ) : null}
          </section>
        </div>

        <section className={mergeClasses(styles.section, styles.step)} aria-labelledby="step-result">
          <Heading level={2} id="step-result" ref={resultHeading}>
            {strings.step3}
          </Heading>
          <div className={styles.live} role="status" aria-live="polite" aria-atomic="false" data-testid="live-polite">
            {polite.map((n, i) => (
              <MessageBar key={`${i}:${n.text}`} intent={n.intent}>
                <MessageBarBody>{n.text}</MessageBarBody>
              </MessageBar>
            ))}
          </div>
          <div className={styles.live} role="alert" data-testid="live-alert">
            {alerts.map((n, i) => (
              <MessageBar key={`${i}:${n.text}`} intent="error">
                <MessageBarBody>{n.text}</MessageBarBody>
              </MessageBar>
            ))}
          </div>
          {result?.download ? (
            <div className={styles.row}>
              <Button as="a" appearance="primary" size="large" href={result.download.url} download={result.download.name}>
                {strings.download}
              </Button>
            </div>
          ) : null}
          {result ? <div className={styles.row}>{extensions?.result?.map((render, i) => <React.Fragment key={i}>{render(slot)}</React.Fragment>)}</div> : null}
          {issues && issues.length > 0 ? (
            <IssuesPanel issues={issues} strings={strings} onSelect={onSelectCell} onExportSheet={onExportSheet} csvUrl={(csv) => textUrl(csv, "text/csv")} headingRef={issuesHeading} />
          ) : null}
          {result ? (
            <ResultPanel summary={result.summary} view={result.view ?? null} strings={strings} sheets={result.written} onOpenSheet={onOpenSheet} onShowRow={onShowRow} />
          ) : null}
        </section>
      </div>
    </main>
  );
}
