/**
 * «Скачать справку (.docx)»: after an identification, the analytical report of SPEC §12 is built
 * by the compute worker from the same result the sheets were written from, and offered as a
 * download (started at once, with a link in case the host blocks it).
 */
import { Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Strings } from "../../i18n";
import { CancelledError } from "../pipeline";
import type { Download, Workspace } from "../workspace";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  link: { fontWeight: tokens.fontWeightSemibold },
});

export interface ReportButtonProps {
  readonly workspace: Pick<Workspace, "report">;
  readonly strings: Strings;
  /** Disabled while other work runs. */
  readonly disabled?: boolean;
}

export function ReportButton({ workspace, strings, disabled = false }: ReportButtonProps): React.JSX.Element | null {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [ready, setReady] = React.useState<Download | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const link = React.useRef<HTMLElement | null>(null);

  React.useEffect(() => {
    if (ready !== null) link.current?.click();
  }, [ready]);

  if (!workspace.report) return null;
  const report = workspace.report.bind(workspace);

  const onClick = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setReady(null);
    try {
      setReady(await report(() => undefined, new AbortController().signal));
    } catch (e) {
      if (!(e instanceof CancelledError)) setError(strings.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={strings.downloadReport}>
      <Button size="large" disabled={disabled || busy} onClick={() => void onClick()} icon={busy ? <Spinner size="tiny" /> : null}>
        {busy ? strings.reportPreparing : strings.downloadReport}
      </Button>
      {ready ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {strings.reportReady(ready.name)}{" "}
            <Link ref={(el: HTMLElement | null) => {
              link.current = el;
            }} className={styles.link} href={ready.url} download={ready.name} data-testid="report-link">
              {ready.name}
            </Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
