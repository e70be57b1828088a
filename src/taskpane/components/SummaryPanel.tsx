/** After «Выявить»: schools per category in coloured badges, totals and the top municipalities. */
import {
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Category } from "../../engine";
import type { Strings } from "../../i18n";
import type { Summary } from "../summary";
import { CategoryBadge } from "./CategoryBadge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalXS },
  totals: { display: "flex", columnGap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  table: { tableLayout: "auto", width: "100%" },
  // Names wrap between words (hyphenated where the browser can), never mid-word at 350 px.
  name: { overflowWrap: "break-word", hyphens: "auto" },
  number: { textAlign: "right", whiteSpace: "nowrap", paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export function categoryLabel(category: Category, strings: Strings): string {
  switch (category) {
    case "ШНОР и ШНСУ":
      return strings.both;
    case "ШНОР":
      return strings.shnor;
    case "ШНСУ":
      return strings.shnsu;
    case "Зона риска":
      return strings.riskZone;
    case "Без рисков":
      return strings.noRisk;
  }
}

const percent = (x: number): string => `${(x * 100).toFixed(1).replace(".", ",")} %`;

export function SummaryPanel(props: { summary: Summary; strings: Strings }): React.JSX.Element {
  const styles = useStyles();
  const { summary, strings } = props;
  return (
    <section className={styles.root} aria-label={strings.summaryTitle}>
      <Subtitle2 as="h3">{strings.summaryTitle}</Subtitle2>
      <Caption1>{strings.summarySchools(summary.schools, summary.methodology)}</Caption1>
      <div className={styles.grid} role="list" aria-label={strings.categoryCounts}>
        {summary.byCategory.map((c) => (
          <div role="listitem" key={c.category} aria-label={`${categoryLabel(c.category, strings)}: ${c.count}`}>
            <CategoryBadge category={c.category} label={categoryLabel(c.category, strings)} count={c.count} />
          </div>
        ))}
      </div>
      <div className={styles.totals}>
        <Body1>{strings.totalShnor(summary.shnor)}</Body1>
        <Body1>{strings.totalShnsu(summary.shnsu)}</Body1>
      </div>
      {summary.topMunicipalities.length === 0 ? null : (
        <>
          <Subtitle2 as="h4">{strings.topMunicipalities}</Subtitle2>
          <Table size="small" className={styles.table} aria-label={strings.topMunicipalities}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.name}>{strings.municipality}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{strings.schools}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{strings.shnorOrShnsu}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{strings.share}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.topMunicipalities.map((m) => (
                <TableRow key={m.name}>
                  <TableCell className={styles.name}>{m.name}</TableCell>
                  <TableCell className={styles.number}>{m.schools}</TableCell>
                  <TableCell className={styles.number}>{m.shnorOrShnsu}</TableCell>
                  <TableCell className={styles.number}>{percent(m.share)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
