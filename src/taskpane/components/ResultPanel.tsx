/**
 * Step «Результат» once a run is done: the summary by category, what was changed in the
 * methodology, the charts, the result sheets (in Excel each opens with a click), and the schools
 * with their cards.
 */
import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Category } from "../../engine/types";
import type { Strings } from "../../i18n";
import { CATEGORY_ORDER, CATEGORY_STYLES } from "../../workbook/sheetCells";
import type { ResultView, SchoolView } from "../resultView";
import type { Summary } from "../summary";
import { BarChart, LineChart, StackedBarChart, type StackedSegment } from "./Charts";
import { ParameterCode } from "./ParameterCode";
import { SchoolsPanel } from "./SchoolsPanel";
import { categoryLabel, SummaryPanel } from "./SummaryPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  charts: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(280px, 1fr))", gap: tokens.spacingHorizontalL },
  sheets: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Fills of the categories in the charts and the list: the result sheets' own colours. */
export const CATEGORY_FILLS: Readonly<Record<Category, string>> = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, CATEGORY_STYLES[c].fill ?? "#FFFFFF"])) as Record<Category, string>;

/** The five attainment levels, red (низкий) to blue (высокий), with text inks of ≥ 4.5:1 contrast on them. */
export const LEVEL_FILLS: readonly { readonly colour: string; readonly ink: string }[] = [
  { colour: "#B2182B", ink: "#FFFFFF" },
  { colour: "#EF8A62", ink: "#000000" },
  { colour: "#BDBDBD", ink: "#000000" },
  { colour: "#67A9CF", ink: "#000000" },
  { colour: "#2166AC", ink: "#FFFFFF" },
];

const percent = (v: number): string => `${(v * 100).toFixed(1).replace(".", ",")} %`;

export function ResultPanel(props: {
  summary: Summary;
  view: ResultView | null;
  strings: Strings;
  /** Result sheets as written (Excel: their actual names). */
  sheets: readonly string[];
  /** Excel: open a result sheet. */
  onOpenSheet?: ((sheet: string) => void) | undefined;
  /** Excel: select a school's row on «Итоги». */
  onShowRow?: ((school: SchoolView) => void) | undefined;
}): React.JSX.Element {
  const styles = useStyles();
  const { summary, view, strings } = props;
  const [codeMount, setCodeMount] = React.useState<HTMLElement | null>(null);
  const municipalities = view ? [...view.municipalities].sort((a, b) => b.share - a.share || a.name.localeCompare(b.name, "ru")).slice(0, 12) : [];
  return (
    <div className={styles.root}>
      <SummaryPanel summary={summary} strings={strings} />
      {view ? (
        <section className={styles.section} aria-labelledby="changed-heading">
          <Subtitle2 as="h3" id="changed-heading">
            {strings.changedTitle}
          </Subtitle2>
          {view.changed.length === 0 ? (
            <Body1>{strings.changedNone}</Body1>
          ) : (
            <ul className={styles.bullets}>
              {view.changed.map((c) => (
                <li key={c.key}>
                  <Body1>{`${c.label}: ${c.from} → ${c.to}`}</Body1> <ParameterCode code={c.key} strings={strings} mountNode={codeMount} />
                </li>
              ))}
            </ul>
          )}
          <div ref={setCodeMount} />
        </section>
      ) : null}
      {props.sheets.length > 0 ? (
        <section className={styles.section} aria-labelledby="sheets-heading">
          <Subtitle2 as="h3" id="sheets-heading">
            {strings.sheetsTitle}
          </Subtitle2>
          {props.onOpenSheet ? (
            <div className={styles.sheets}>
              {props.sheets.map((name) => (
                <Button key={name} size="small" appearance="secondary" aria-label={strings.openSheet(name)} onClick={() => props.onOpenSheet?.(name)}>
                  {name}
                </Button>
              ))}
            </div>
          ) : (
            <Caption1>{strings.sheetsInFile(props.sheets.map((s) => `«${s}»`).join(", "))}</Caption1>
          )}
        </section>
      ) : null}
      {view ? (
        <section className={styles.section} aria-labelledby="charts-heading">
          <Subtitle2 as="h3" id="charts-heading">
            {strings.chartsTitle}
          </Subtitle2>
          <div className={styles.charts}>
            <BarChart
              title={strings.chartCategories}
              bars={summary.byCategory.map((c) => ({ label: categoryLabel(c.category, strings), value: c.count, text: String(c.count), colour: CATEGORY_FILLS[c.category], border: "#767676" }))}
            />
            {municipalities.length > 0 ? (
              <BarChart title={strings.chartMunicipalities} max={1} bars={municipalities.map((m) => ({ label: m.name, value: m.share, text: percent(m.share), colour: "#C00000" }))} />
            ) : null}
            {view.years.length > 0 ? (
              <LineChart
                title={strings.chartDynamics}
                years={view.years.map((y) => y.year)}
                format={percent}
                series={[
                  { name: strings.lowIndexName, colour: "#C00000", values: view.years.map((y) => y.lowIndex) },
                  { name: strings.massIndexName, colour: "#0F6CBD", dashed: true, values: view.years.map((y) => y.massIndex) },
                ]}
              />
            ) : null}
            {view.years.length > 0 ? (
              <LineChart
                title={strings.chartLevels}
                years={view.years.map((y) => y.year)}
                format={(v) => String(Math.round(v))}
                series={[
                  { name: strings.shnor, colour: "#C00000", values: view.years.map((y) => y.shnor) },
                  { name: strings.shnsu, colour: "#9C5700", dashed: true, values: view.years.map((y) => y.shnsu) },
                  { name: strings.riskZone, colour: "#833C0B", values: view.years.map((y) => y.riskZone) },
                ]}
              />
            ) : null}
            {view.levels ? (
              <StackedBarChart
                title={strings.chartAttainment(view.levels.year)}
                totalName={strings.attainmentResults}
                segments={view.levels.levels.map((name, i): StackedSegment => ({ name, ...(LEVEL_FILLS[i] ?? { colour: "#767676", ink: "#FFFFFF" }) }))}
                rows={view.levels.units.map((u) => ({ label: u.procedure, values: u.counts }))}
              />
            ) : null}
          </div>
        </section>
      ) : null}
      {view ? <SchoolsPanel schools={view.schools} strings={strings} onShowRow={props.onShowRow} colours={CATEGORY_FILLS} /> : null}
    </div>
  );
}
