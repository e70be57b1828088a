/** The stage of long work with a progress bar and a cancel button. */
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Strings } from "../../i18n";
import type { Progress } from "../pipeline";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

export function ProgressPanel(props: { progress: Progress; strings: Strings; onCancel: () => void }): React.JSX.Element {
  const styles = useStyles();
  const { progress, strings } = props;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Field className={styles.field} label={progress.stage} validationMessage={strings.progressLabel} validationState="none">
        <ProgressBar thickness="large" {...(progress.fraction === null ? {} : { value: progress.fraction })} aria-label={progress.stage} />
      </Field>
      <Button onClick={props.onCancel} disabled={!progress.cancellable}>
        {strings.cancel}
      </Button>
    </div>
  );
}
