/**
 * The English code of a parameter, for the command line's --params: a small ⓘ button whose
 * tooltip says it, shown on keyboard focus (Tab) as well as to the mouse — a `title` only ever
 * showed to a mouse. As MethodologyPanel's fields show it.
 */
import { Button, makeStyles, Tooltip } from "@fluentui/react-components";
import * as React from "react";
import type { Strings } from "../../i18n";

const useStyles = makeStyles({
  code: { minWidth: "auto", height: "auto", padding: "0 2px", verticalAlign: "baseline" },
});

export function ParameterCode(props: {
  /** The parameter's key as the command line takes it (e.g. "margin"). */
  readonly code: string;
  readonly strings: Strings;
  /** Where the tooltip is put: inside the page's landmarks, not at the end of <body>. */
  readonly mountNode: HTMLElement | null;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <Tooltip content={props.strings.parameterCode(props.code)} relationship="description" withArrow mountNode={props.mountNode}>
      <Button className={styles.code} appearance="transparent" size="small" aria-label={props.strings.parameterCodeButton}>
        <span aria-hidden="true">ⓘ</span>
      </Button>
    </Tooltip>
  );
}
