/**
 * The task pane: data (template, or a file standalone), methodology, the three actions, progress,
 * issues and the summary. Talks only to a {@link Workspace}; never to Office.js.
 */
import {
  Button,
  Caption1,
  Divider,
  Link,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Issue } from "../../engine/types";
import type { Strings } from "../../i18n";
import { DEFAULT_CHOICE, parseChoice, resolveChoice, serializeChoice, type MethodologyChoice } from "../methodologyChoice";
import { CancelledError, highlightsFor, type Progress, type ProgressSink, type StageNames } from "../pipeline";
import type { Summary } from "../summary";
import type { Download, TemplateKind, Workspace } from "../workspace";
import { ImportExportsPanel } from "./ImportExportsPanel";
import { CompareMethodologies } from "./CompareMethodologies";
import { IssuesPanel } from "./IssuesPanel";
import { MethodologyPanel } from "./MethodologyPanel";
import { ProgressPanel } from "./ProgressPanel";
import { ReportButton } from "./ReportButton";
import { SummaryPanel } from "./SummaryPanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "grid", gridTemplateColumns: "1fr", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  grow: { flexGrow: 1 },
  hiddenInput: { display: "none" },
  download: { fontWeight: tokens.fontWeightSemibold },
});

/** The chosen methodology for «Сравнить методики» (null while its parameters are invalid). */
const compareChoice = (choice: MethodologyChoice) => {
  const r = resolveChoice(choice);
  return r.ok ? r.methodology : null;
};

type Notice = { readonly intent: "success" | "warning" | "error" | "info"; readonly text: string };

export interface AppProps {
  readonly workspace: Workspace;
  readonly strings: Strings;
  /** Today's date for the Параметры sheet ("2025-06-30"); the shell owns the clock. */
  readonly today: () => string;
}

export function App({ workspace, strings, today }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [choice, setChoice] = React.useState<MethodologyChoice>(DEFAULT_CHOICE);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const [notices, setNotices] = React.useState<readonly Notice[]>([]);
  const [issues, setIssues] = React.useState<readonly Issue[] | null>(null);
  const [summary, setSummary] = React.useState<Summary | null>(null);
  const [download, setDownload] = React.useState<Download | null>(null);
  const [templateDownload, setTemplateDownload] = React.useState<Download | null>(null);
  const [sourceName, setSourceName] = React.useState<string | null>(workspace.sourceName);
  const fileInput = React.useRef<HTMLInputElement>(null);
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

  const stages: StageNames = strings.stage;
  const busy = progress !== null;

  /** Runs long work with a progress bar and a cancel button; every failure becomes a message. */
  const task = async (work: (onProgress: ProgressSink, signal: AbortSignal) => Promise<void>): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    setNotices([]);
    setProgress({ stage: "…", fraction: null, cancellable: true });
    try {
      await work((p) => setProgress(p), controller.signal);
    } catch (e) {
      if (e instanceof CancelledError) setNotices([{ intent: "info", text: strings.cancelled }]);
      else setNotices([{ intent: "error", text: strings.failed(e instanceof Error ? e.message : String(e)) }]);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const showIssues = async (found: readonly Issue[]): Promise<Notice[]> => {
    setIssues(found);
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
      setSummary(null);
      const checked = await workspace.validate(stages, onProgress, signal);
      onProgress({ stage: strings.stage.highlighting, fraction: null, cancellable: false });
      const extra = await showIssues(checked.issues);
      const head: Notice = !checked.ok
        ? { intent: "error", text: strings.validationFailed }
        : checked.issues.some((i) => i.severity === "warning")
          ? { intent: "warning", text: strings.validationWarnings }
          : { intent: "success", text: strings.noIssues };
      setNotices([head, ...extra]);
    });

  const onIdentify = (): Promise<void> =>
    task(async (onProgress, signal) => {
      const resolved = resolveChoice(choice);
      if (!resolved.ok) {
        setNotices([{ intent: "error", text: strings.parameterInvalid }]);
        return;
      }
      setSummary(null);
      setDownload(null);
      const context = workspace.sourceName === null ? { date: today() } : { date: today(), source: workspace.sourceName };
      const outcome = await workspace.identify(resolved.methodology, context, stages, onProgress, signal);
      if (!outcome.ok) {
        const extra = await showIssues(outcome.issues);
        setNotices([{ intent: "error", text: strings.validationFailed }, ...extra]);
        return;
      }
      await workspace.choices.save(serializeChoice(choice));
      setIssues(outcome.issues.length > 0 ? outcome.issues : null);
      setSummary(outcome.summary);
      if (outcome.download) setDownload(outcome.download);
      setNotices([
        {
          intent: "success",
          text: outcome.download ? strings.downloadReady(outcome.download.name) : strings.writtenSheets(outcome.written.join(", ")),
        },
      ]);
    });

  const onTemplate = (kind: TemplateKind): Promise<void> =>
    task(async (onProgress) => {
      const outcome = await workspace.insertTemplate(kind, onProgress);
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
    void task(async (onProgress, signal) => {
      setIssues(null);
      setSummary(null);
      setDownload(null);
      await open(chosen.name, await chosen.arrayBuffer(), onProgress, signal);
      setSourceName(chosen.name);
      setNotices([{ intent: "success", text: strings.fileLoaded(chosen.name) }]);
    });
  };

  const onChoice = (next: MethodologyChoice): void => {
    setChoice(next);
  };

  const onSelect = workspace.selectCell
    ? (issue: Issue): void => {
        if (issue.sheet === null) return;
        workspace.selectCell?.(issue.sheet, issue.cell).catch((e: unknown) => setNotices([{ intent: "error", text: strings.failed(e instanceof Error ? e.message : String(e)) }]));
      }
    : undefined;

  const hasInput = !file || sourceName !== null;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{strings.title}</Title3>
        <Caption1>{strings.subtitle}</Caption1>
        <Caption1>{file ? strings.modeFile : strings.modeOffice}</Caption1>
      </header>

      <section className={styles.section} aria-label={strings.step1}>
        <Subtitle2 as="h2">{strings.step1}</Subtitle2>
        {file ? (
          <div className={styles.row}>
            <input ref={fileInput} className={styles.hiddenInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={strings.openFile} onChange={onFile} data-testid="file-input" />
            <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
              {strings.openFile}
            </Button>
            <Caption1>{sourceName === null ? strings.openFileHint : strings.fileLoaded(sourceName)}</Caption1>
          </div>
        ) : null}
        <div className={styles.row}>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <MenuButton disabled={busy} size="large" title={strings.insertTemplateHint}>
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
          {templateDownload ? (
            <Link className={styles.download} href={templateDownload.url} download={templateDownload.name}>
              {strings.downloadTemplateLink(templateDownload.name)}
            </Link>
          ) : null}
        </div>
      </section>

      <ImportExportsPanel workspace={workspace} disabled={busy} run={task} onImported={() => (setSourceName(workspace.sourceName), void onValidate())} />
      <Divider />
      <MethodologyPanel choice={choice} onChange={onChoice} strings={strings} disabled={busy} />
      <Caption1>{file ? strings.methodologySavedFile : strings.methodologySaved}</Caption1>
      <Divider />

      <section className={styles.actions} aria-label={strings.step3}>
        <Button size="large" disabled={busy || !hasInput} onClick={() => void onValidate()}>
          {strings.validate}
        </Button>
        <Button size="large" appearance="primary" disabled={busy || !hasInput} onClick={() => void onIdentify()}>
          {strings.identify}
        </Button>
        <CompareMethodologies workspace={workspace} strings={strings} stages={stages} methodology={compareChoice(choice)} disabled={busy || !hasInput} />
        {workspace.clearHighlights ? (
          <Button appearance="subtle" disabled={busy} onClick={() => void onClear()}>
            {strings.clearHighlights}
          </Button>
        ) : null}
      </section>

      {progress ? <ProgressPanel progress={progress} strings={strings} onCancel={() => abort.current?.abort()} /> : null}
      {!hasInput && !busy ? (
        <MessageBar intent="info">
          <MessageBarBody>{strings.noFile}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent}>
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
      {download ? (
        <Button as="a" appearance="primary" size="large" href={download.url} download={download.name}>
          {strings.download}
        </Button>
      ) : null}
      {summary ? <ReportButton workspace={workspace} strings={strings} disabled={busy} /> : null}
      {summary ? <SummaryPanel summary={summary} strings={strings} /> : null}
      {issues && issues.length > 0 ? <IssuesPanel issues={issues} strings={strings} onSelect={onSelect} /> : null}
    </main>
  );
}
