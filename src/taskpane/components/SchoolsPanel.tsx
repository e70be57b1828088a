/**
 * The way into a result: every school, filtered by category and municipality and searched by
 * name or code, and a card per school (category, basis, reasons, indices by procedure and year,
 * non-objectivity, factors, recommendations and mentors when the result has them). In Excel,
 * opening a card also selects the school's row on «Итоги» (through the workspace).
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Select,
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
import type { Category } from "../../engine/types";
import type { Strings } from "../../i18n";
import { CATEGORY_ORDER } from "../../workbook/sheetCells";
import type { SchoolView } from "../resultView";
import { CategoryBadge } from "./CategoryBadge";
import { Heading } from "./Heading";
import { categoryLabel } from "./SummaryPanel";

export const SCHOOLS_PAGE = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))", gap: tokens.spacingHorizontalS },
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    "@media (min-width: 1000px)": { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.3fr)" },
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  school: { width: "100%", justifyContent: "flex-start", textAlign: "left", fontWeight: tokens.fontWeightRegular, minWidth: 0, columnGap: tokens.spacingHorizontalS },
  schoolText: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, overflowWrap: "break-word" },
  dot: { flexShrink: 0, width: "10px", height: "10px", borderRadius: tokens.borderRadiusCircular, border: `1px solid ${tokens.colorNeutralStroke1}` },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  facts: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dd: { margin: 0, overflowWrap: "break-word" },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const pct = (v: number | null): string => (v === null ? "—" : `${(v * 100).toFixed(1).replace(".", ",")} %`);

export function SchoolsPanel(props: {
  schools: readonly SchoolView[];
  strings: Strings;
  /** Excel: select the school's row on «Итоги». */
  onShowRow?: ((school: SchoolView) => void) | undefined;
  colours: Readonly<Record<Category, string>>;
}): React.JSX.Element {
  const styles = useStyles();
  const { strings } = props;
  const [category, setCategory] = React.useState<string>("");
  const [municipality, setMunicipality] = React.useState<string>("");
  const [query, setQuery] = React.useState("");
  const [limit, setLimit] = React.useState(SCHOOLS_PAGE);
  const [selected, setSelected] = React.useState<string | null>(null);
  const cardHeading = React.useRef<HTMLHeadingElement>(null);
  const itemRefs = React.useRef(new Map<string, HTMLButtonElement>());

  const municipalities = React.useMemo(() => [...new Set(props.schools.map((s) => s.municipality))].sort((a, b) => a.localeCompare(b, "ru")), [props.schools]);
  const sorted = React.useMemo(
    () => [...props.schools].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.municipality.localeCompare(b.municipality, "ru") || a.name.localeCompare(b.name, "ru")),
    [props.schools],
  );
  const q = query.trim().toLocaleLowerCase("ru");
  const filtered = sorted.filter(
    (s) => (category === "" || s.category === category) && (municipality === "" || s.municipality === municipality) && (q === "" || s.name.toLocaleLowerCase("ru").includes(q) || s.id.toLocaleLowerCase("ru").includes(q)),
  );
  const shown = filtered.slice(0, limit);
  const school = selected === null ? null : (props.schools.find((s) => s.id === selected) ?? null);

  React.useEffect(() => {
    if (selected !== null) cardHeading.current?.focus();
  }, [selected]);

  const open = (s: SchoolView): void => {
    setSelected(s.id);
    props.onShowRow?.(s);
  };
  const close = (): void => {
    const id = selected;
    setSelected(null);
    if (id !== null) setTimeout(() => itemRefs.current.get(id)?.focus(), 0);
  };

  return (
    <section className={styles.root} aria-labelledby="schools-heading">
      <Subtitle2 as="h3" id="schools-heading">
        {strings.schoolListTitle}
      </Subtitle2>
      <div className={styles.filters}>
        <Field label={strings.filterCategory}>
          <Select value={category} onChange={(_, d) => (setCategory(d.value), setLimit(SCHOOLS_PAGE))}>
            <option value="">{strings.allCategories}</option>
            {CATEGORY_ORDER.map((c) => (
              <option key={c} value={c}>
                {`${categoryLabel(c, strings)} (${props.schools.filter((s) => s.category === c).length})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.filterMunicipality}>
          <Select value={municipality} onChange={(_, d) => (setMunicipality(d.value), setLimit(SCHOOLS_PAGE))}>
            <option value="">{strings.allMunicipalities}</option>
            {municipalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.search}>
          <Input type="search" value={query} onChange={(_, d) => (setQuery(d.value), setLimit(SCHOOLS_PAGE))} />
        </Field>
      </div>
      <Caption1 role="status">{strings.shownSchools(shown.length, filtered.length)}</Caption1>
      <div className={styles.layout}>
        <div>
          {filtered.length === 0 ? <Body1>{strings.noSchoolsMatch}</Body1> : null}
          <ul className={styles.list} aria-label={strings.schoolListTitle}>
            {shown.map((s) => (
              <li key={s.id}>
                <Button
                  appearance={s.id === selected ? "outline" : "subtle"}
                  className={styles.school}
                  aria-pressed={s.id === selected}
                  ref={(el: HTMLButtonElement | null) => {
                    if (el) itemRefs.current.set(s.id, el);
                    else itemRefs.current.delete(s.id);
                  }}
                  onClick={() => open(s)}
                  icon={<span className={styles.dot} style={{ backgroundColor: props.colours[s.category] }} />}
                >
                  <span className={styles.schoolText}>
                    <span>{s.name}</span>
                    <Caption1>{`${s.municipality} · ${categoryLabel(s.category, strings)}`}</Caption1>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
          {filtered.length > shown.length ? <Button onClick={() => setLimit((l) => l + SCHOOLS_PAGE)}>{strings.moreSchools}</Button> : null}
        </div>
        {school ? <SchoolCard school={school} strings={strings} headingRef={cardHeading} onClose={close} onShowRow={props.onShowRow} /> : null}
      </div>
    </section>
  );
}

function SchoolCard(props: {
  school: SchoolView;
  strings: Strings;
  headingRef: React.Ref<HTMLHeadingElement>;
  onClose: () => void;
  onShowRow?: ((school: SchoolView) => void) | undefined;
}): React.JSX.Element {
  const styles = useStyles();
  const { school: s, strings } = props;
  const factors = s.factors.filter((f) => f.value !== false);
  return (
    <article className={styles.card} aria-labelledby="school-card-heading">
      <Heading level={4} id="school-card-heading" ref={props.headingRef}>
        {s.name}
      </Heading>
      <CategoryBadge category={s.category} label={categoryLabel(s.category, strings)} />
      <dl className={styles.facts}>
        <dt>Код ОО</dt>
        <dd className={styles.dd}>{s.id}</dd>
        <dt>{strings.municipality}</dt>
        <dd className={styles.dd}>{s.municipality}</dd>
        <dt>{strings.swi}</dt>
        <dd className={styles.dd}>{s.swi === null ? strings.noData : s.swi.toFixed(1).replace(".", ",")}</dd>
        <dt>{strings.types}</dt>
        <dd className={styles.dd}>{s.types.length === 0 ? "—" : s.types.join(", ")}</dd>
        <dt>{strings.group}</dt>
        <dd className={styles.dd}>{s.group ?? strings.noData}</dd>
        <dt>{strings.basis}</dt>
        <dd className={styles.dd}>{s.shnorRules.length === 0 ? "—" : `${strings.rules}: ${s.shnorRules.join(", ")}`}</dd>
      </dl>
      {s.reasons.length > 0 ? (
        <>
          <Subtitle2 as="h5">{strings.reasons}</Subtitle2>
          <ul className={styles.bullets}>
            {s.reasons.map((r) => (
              <li key={r}>
                <Body1>{r}</Body1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {s.procedures.length > 0 ? (
        <>
          <Subtitle2 as="h5">{strings.indices}</Subtitle2>
          <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={strings.indices}>
            <Table size="extra-small" aria-label={strings.indices}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{strings.year}</TableHeaderCell>
                  <TableHeaderCell>{strings.procedure}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{strings.participants}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{strings.lowIndex}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{strings.massIndex}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{strings.highIndex}</TableHeaderCell>
                  <TableHeaderCell>{strings.lowResults}</TableHeaderCell>
                  <TableHeaderCell>{strings.nonObjective}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...s.procedures]
                  .sort((a, b) => b.year - a.year || a.procedure.localeCompare(b.procedure, "ru"))
                  .map((p, i) => (
                    <TableRow key={`${p.year}:${p.procedure}:${i}`}>
                      <TableCell>{p.year}</TableCell>
                      <TableCell>{p.procedure}</TableCell>
                      <TableCell className={styles.number}>{p.participants}</TableCell>
                      <TableCell className={styles.number}>{pct(p.lowIndex)}</TableCell>
                      <TableCell className={styles.number}>{pct(p.massIndex)}</TableCell>
                      <TableCell className={styles.number}>{pct(p.highIndex)}</TableCell>
                      <TableCell>{p.lowResults === null ? "—" : p.lowResults ? strings.yes : strings.no}</TableCell>
                      <TableCell>{p.nonObjective ? strings.yes : strings.no}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
      {s.nonObjectivity.length > 0 ? (
        <>
          <Subtitle2 as="h5">{strings.nonObjectivity}</Subtitle2>
          <ul className={styles.bullets}>
            {s.nonObjectivity.map((n, i) => (
              <li key={i}>
                <Body1>{`${n.procedure}, ${n.year}: ${n.signs.join("; ")}`}</Body1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {factors.length > 0 ? (
        <>
          <Subtitle2 as="h5">{strings.factors}</Subtitle2>
          <ul className={styles.bullets}>
            {factors.map((f) => (
              <li key={f.name}>
                <Body1>{`${f.name}: ${f.value === null ? strings.noData : strings.yes}${f.detail ? ` (${f.detail})` : ""}`}</Body1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {s.recommendations.length > 0 ? (
        <>
          <Subtitle2 as="h5">{strings.recommendations}</Subtitle2>
          <ul className={styles.bullets}>
            {s.recommendations.map((r, i) => (
              <li key={i}>
                <Body1>{r.basis ? `${r.basis}: ${r.text}` : r.text}</Body1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {s.mentors.length > 0 ? (
        <>
          <Subtitle2 as="h5">{strings.mentors}</Subtitle2>
          <ul className={styles.bullets}>
            {s.mentors.map((m, i) => (
              <li key={i}>
                <Body1>{`${m.name} (${m.municipality})`}</Body1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className={styles.row}>
        {props.onShowRow ? <Button onClick={() => props.onShowRow?.(s)}>{strings.showOnSheet}</Button> : null}
        <Button onClick={props.onClose}>{strings.cardClose}</Button>
      </div>
    </article>
  );
}
