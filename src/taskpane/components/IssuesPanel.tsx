/**
 * Issues of «Проверить данные», grouped by sheet with counts. In Excel each issue with a cell is
 * a button that selects the cell; standalone, the message names the cell.
 */
import { Badge, Button, Caption1, CounterBadge, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Issue } from "../../engine/types";
import type { Strings } from "../../i18n";

/** Issues shown per sheet; the rest are counted (the schema itself caps repeated issues). */
export const ISSUES_SHOWN_PER_SHEET = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  groupHead: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  message: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    justifyContent: "flex-start",
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    whiteSpace: "normal",
    wordBreak: "break-word",
  },
  text: { fontSize: tokens.fontSizeBase300, wordBreak: "break-word" },
});

export interface IssueGroup {
  readonly sheet: string | null;
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Issues by sheet (the workbook-level ones first), errors first within a sheet. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const bySheet = new Map<string | null, Issue[]>();
  for (const i of issues) {
    const list = bySheet.get(i.sheet) ?? [];
    list.push(i);
    bySheet.set(i.sheet, list);
  }
  return [...bySheet.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0))
    .map(([sheet, list]) => ({
      sheet,
      issues: list.map((issue, n) => ({ issue, n })).sort((x, y) => RANK[x.issue.severity] - RANK[y.issue.severity] || x.n - y.n).map((x) => x.issue),
      errors: list.filter((i) => i.severity === "error").length,
      warnings: list.filter((i) => i.severity === "warning").length,
    }));
}

export function IssuesPanel(props: {
  issues: readonly Issue[];
  strings: Strings;
  onSelect?: ((issue: Issue) => void) | undefined;
}): React.JSX.Element {
  const styles = useStyles();
  const { strings, onSelect } = props;
  const groups = groupIssues(props.issues);
  return (
    <section className={styles.root} aria-label={strings.issuesTitle}>
      <Subtitle2 as="h2">{strings.issuesTitle}</Subtitle2>
      {groups.map((g) => {
        const title = g.sheet ?? strings.workbookLevel;
        return (
          <div className={styles.group} key={title}>
            <div className={styles.groupHead}>
              <Subtitle2 as="h3">{title}</Subtitle2>
              <CounterBadge count={g.issues.length} color={g.errors > 0 ? "danger" : "informative"} appearance={g.errors > 0 ? "filled" : "ghost"} aria-label={strings.issueCounts(g.errors, g.warnings, g.issues.length - g.errors - g.warnings)} />
            </div>
            <ul className={styles.list} aria-label={title}>
              {g.issues.slice(0, ISSUES_SHOWN_PER_SHEET).map((issue, n) => (
                <li key={`${n}:${issue.message}`} className={mergeClasses(styles.item, styles[issue.severity])}>
                  <Badge size="small" appearance="tint" color={issue.severity === "error" ? "danger" : issue.severity === "warning" ? "warning" : "informative"}>
                    {strings.severity[issue.severity] ?? issue.severity}
                  </Badge>
                  {onSelect && issue.sheet !== null && issue.cell !== null ? (
                    <Button
                      appearance="transparent"
                      size="small"
                      className={styles.message}
                      onClick={() => onSelect(issue)}
                      title={strings.goToCell(`${issue.sheet}!${issue.cell}`)}
                    >
                      {issue.message}
                    </Button>
                  ) : (
                    <span className={styles.text}>{issue.message}</span>
                  )}
                </li>
              ))}
            </ul>
            {g.issues.length > ISSUES_SHOWN_PER_SHEET ? <Caption1>… {g.issues.length - ISSUES_SHOWN_PER_SHEET}</Caption1> : null}
          </div>
        );
      })}
    </section>
  );
}
