/**
 * Issues of the data, grouped by kind and column with exact counts («Школы!F2:F300 — 299 ячеек:
 * «н/я» — ожидалось число»), errors first. In Excel a group's range and each listed cell go to the
 * cell; every issue can be exported (a sheet in Excel, a CSV file anywhere).
 */
import { Badge, Body1, Button, Caption1, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Issue } from "../../engine/types";
import type { Strings } from "../../i18n";
import { Heading } from "./Heading";
import { groupIssues, issuesCsv, messageBody, type IssueGroupView } from "../issueGroups";

/** Cells listed under a group; the group line itself gives the range and the exact count. */
export const EXAMPLES_PER_GROUP = 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    minWidth: 0,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  line: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  text: { overflowWrap: "anywhere", minWidth: 0 },
  examples: { listStyleType: "none", margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column" },
  cellButton: { justifyContent: "flex-start", textAlign: "left", fontWeight: tokens.fontWeightRegular, minWidth: 0, paddingLeft: 0, paddingRight: 0, whiteSpace: "normal", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface IssuesPanelProps {
  readonly issues: readonly Issue[];
  readonly strings: Strings;
  /** Excel: go to a cell. */
  readonly onSelect?: ((sheet: string, cell: string) => void) | undefined;
  /** Excel: write every issue to a sheet. */
  readonly onExportSheet?: (() => void) | undefined;
  /** Makes a download URL for the CSV (a blob: URL on the page). */
  readonly csvUrl: (csv: string) => string;
  readonly headingRef?: React.Ref<HTMLHeadingElement>;
}

function groupLine(g: IssueGroupView, strings: Strings): string {
  const only = g.issues[0];
  if (g.count === 1 && only) return `${only.message}${g.hint ? `; ${g.hint}` : ""}`;
  const where = g.range ?? g.sheet ?? strings.workbookLevel;
  const count = g.range !== null ? strings.cells(g.count) : g.count > 1 ? `${g.count}` : null;
  const what = g.text ?? g.title;
  const hint = g.hint ? `; ${g.hint}` : "";
  return `${where}${count ? ` — ${count}` : ""}: ${what}${hint}`;
}

export function IssuesPanel(props: IssuesPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { strings, onSelect } = props;
  const groups = React.useMemo(() => groupIssues(props.issues), [props.issues]);
  const counts = React.useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const g of groups) c[g.severity] += g.count;
    return c;
  }, [groups]);
  const csv = React.useMemo(() => props.csvUrl(issuesCsv(props.issues)), [props.issues, props.csvUrl]);

  return (
    <section className={styles.root} aria-labelledby="issues-heading">
      <div className={styles.head}>
        <Heading level={3} id="issues-heading" ref={props.headingRef}>
          {strings.issuesTitle}
        </Heading>
        <Caption1>{strings.issueCounts(counts.error, counts.warning, counts.info)}</Caption1>
      </div>
      <ul className={styles.list} aria-label={strings.issuesTitle}>
        {groups.map((g) => {
          const line = groupLine(g, strings);
          const examples = g.count > 1 ? g.issues.filter((i) => i.cell !== null).slice(0, EXAMPLES_PER_GROUP) : [];
          return (
            <li key={g.key} className={mergeClasses(styles.item, styles[g.severity])}>
              <div className={styles.line}>
                <Badge size="small" appearance="tint" color={g.severity === "error" ? "danger" : g.severity === "warning" ? "warning" : "informative"}>
                  {strings.severity[g.severity] ?? g.severity}
                </Badge>
                {onSelect && g.sheet !== null && g.firstCell !== null ? (
                  <Button appearance="transparent" size="small" className={styles.cellButton} title={strings.goToCell(`${g.sheet}!${g.firstCell}`)} onClick={() => onSelect(g.sheet ?? "", g.firstCell ?? "")}>
                    {line}
                  </Button>
                ) : (
                  <Body1 className={styles.text}>{line}</Body1>
                )}
              </div>
              {examples.length > 0 && g.text === null ? (
                <>
                  <Caption1>{strings.issueExamples(examples.length, g.count)}</Caption1>
                  <ul className={styles.examples}>
                    {examples.map((i, n) => (
                      <li key={`${n}:${i.cell ?? ""}`}>
                        {onSelect && i.sheet !== null && i.cell !== null ? (
                          <Button appearance="transparent" size="small" className={styles.cellButton} onClick={() => onSelect(i.sheet ?? "", i.cell ?? "")}>
                            {`${i.cell}: ${messageBody(i)}`}
                          </Button>
                        ) : (
                          <Caption1 className={styles.text}>{`${i.cell ?? ""}: ${messageBody(i)}`}</Caption1>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        {props.onExportSheet ? <Button onClick={props.onExportSheet}>{strings.exportIssuesSheet}</Button> : null}
        <Link href={csv} download="Замечания ШНОР.csv">
          {strings.exportIssuesCsv}
        </Link>
      </div>
    </section>
  );
}
