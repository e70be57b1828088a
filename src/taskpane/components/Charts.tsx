/**
 * The result's charts drawn in the pane as plain SVG: horizontal bars (categories, municipalities),
 * lines over the years (indices) and 100 % stacked bars (the region's attainment levels per
 * procedure). Each chart is an image with a text alternative that carries
 * every number, so a screen reader gets what the eye gets. Sized by the pane's width (viewBox).
 *
 * Why not a chart library: Fluent's own charts (@fluentui/react-charts) pull a dozen d3 modules
 * shipped as ES modules only (the project's CommonJS jest cannot load them without reconfiguring
 * the whole test setup) and add interactive parts each of which must pass axe; four static charts
 * are a few dozen lines of SVG.
 */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  svg: { width: "100%", height: "auto", display: "block" },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  swatch: { display: "inline-block", width: "12px", height: "12px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
});

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Text at the bar's end ("12", "25,0 %"). */
  readonly text: string;
  readonly colour: string;
  readonly border?: string;
}

const LABEL_W = 150;
const W = 480;

/** Horizontal bars, one per row, labelled at the left and valued at the right. */
export function BarChart(props: { title: string; bars: readonly Bar[]; max?: number }): React.JSX.Element {
  const styles = useStyles();
  const row = 24;
  const h = props.bars.length * row + 4;
  const max = props.max ?? Math.max(1, ...props.bars.map((b) => b.value));
  const room = W - LABEL_W - 60;
  const alt = `${props.title}: ${props.bars.map((b) => `${b.label} — ${b.text}`).join("; ")}`;
  return (
    <figure className={styles.figure}>
      <Subtitle2 as="h4">{props.title}</Subtitle2>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={alt}>
        {props.bars.map((b, i) => {
          const y = i * row + 2;
          const w = Math.max(1, (b.value / max) * room);
          const label = b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label;
          return (
            <g key={`${b.label}:${i}`}>
              <text x={LABEL_W - 6} y={y + row / 2 + 4} textAnchor="end" fontSize="12" fill={tokens.colorNeutralForeground1}>
                {label}
              </text>
              <rect x={LABEL_W} y={y + 3} width={w} height={row - 8} fill={b.colour} stroke={b.border ?? "none"} />
              <text x={LABEL_W + w + 4} y={y + row / 2 + 4} fontSize="12" fill={tokens.colorNeutralForeground1}>
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export interface Series {
  readonly name: string;
  readonly colour: string;
  readonly dashed?: boolean;
  readonly values: readonly (number | null)[];
}

/** Lines over the years; a missing value breaks the line. `format` writes a value ("12,5 %"). */
export function LineChart(props: { title: string; years: readonly number[]; series: readonly Series[]; format: (v: number) => string }): React.JSX.Element {
  const styles = useStyles();
  const h = 180;
  const left = 48;
  const right = 16;
  const top = 12;
  const bottom = 28;
  const values = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1e-9, ...values) * 1.1;
  const n = props.years.length;
  const x = (i: number): number => (n <= 1 ? (left + W - right) / 2 : left + (i * (W - left - right)) / (n - 1));
  const y = (v: number): number => top + (1 - v / max) * (h - top - bottom);
  const alt = `${props.title}: ${props.series
    .map((s) => `${s.name} — ${props.years.map((year, i) => `${year}: ${s.values[i] === null || s.values[i] === undefined ? "нет данных" : props.format(s.values[i] as number)}`).join(", ")}`)
    .join("; ")}`;
  return (
    <figure className={styles.figure}>
      <Subtitle2 as="h4">{props.title}</Subtitle2>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={alt}>
        <line x1={left} y1={y(0)} x2={W - right} y2={y(0)} stroke={tokens.colorNeutralStroke1} />
        {[0.5, 1].map((f) => (
          <g key={f}>
            <line x1={left} y1={y(max * f / 1.1)} x2={W - right} y2={y(max * f / 1.1)} stroke={tokens.colorNeutralStroke2} strokeDasharray="2 3" />
            <text x={left - 4} y={y(max * f / 1.1) + 4} textAnchor="end" fontSize="11" fill={tokens.colorNeutralForeground2}>
              {props.format(max * f / 1.1)}
            </text>
          </g>
        ))}
        {props.years.map((year, i) => (
          <text key={year} x={x(i)} y={h - 8} textAnchor="middle" fontSize="11" fill={tokens.colorNeutralForeground2}>
            {year}
          </text>
        ))}
        {props.series.map((s) => {
          const segments: string[] = [];
          let current = "";
          s.values.forEach((v, i) => {
            if (v === null) {
              if (current) segments.push(current);
              current = "";
              return;
            }
            current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g key={s.name}>
              {segments.map((d) => (
                <path key={d} d={d} fill="none" stroke={s.colour} strokeWidth={2} strokeDasharray={s.dashed ? "6 4" : undefined} />
              ))}
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={s.colour} />))}
            </g>
          );
        })}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        {props.series.map((s) => (
          <Caption1 key={s.name}>
            <span className={styles.swatch} style={{ backgroundColor: s.colour }} />
            {s.name}
          </Caption1>
        ))}
      </div>
    </figure>
  );
}

export interface StackedSegment {
  readonly name: string;
  readonly colour: string;
  /** Text on the segment, chosen for contrast with `colour` (≥ 4.5:1). */
  readonly ink: string;
}

export interface StackedRow {
  readonly label: string;
  /** One value per segment, in the order of the chart's segments. */
  readonly values: readonly number[];
}

/**
 * 100 % stacked horizontal bars, one per row: each row's values as shares of its total, segments
 * in the legend's order, the share written on a segment wide enough for it. The text alternative
 * gives every row's total and each segment's value and share.
 */
export function StackedBarChart(props: {
  title: string;
  segments: readonly StackedSegment[];
  rows: readonly StackedRow[];
  /** "результатов" in "ВПР 5 кл. — 1200 результатов: …". */
  totalName: string;
}): React.JSX.Element {
  const styles = useStyles();
  const row = 26;
  const h = props.rows.length * row + 4;
  const room = W - LABEL_W - 8;
  const share = (v: number, total: number): string => (total > 0 ? `${((v / total) * 100).toFixed(1).replace(".", ",")} %` : "—");
  const alt = `${props.title}: ${props.rows
    .map((r) => {
      const total = r.values.reduce((a, b) => a + b, 0);
      return `${r.label} — ${props.totalName} ${total}: ${props.segments.map((s, i) => `${s.name} ${r.values[i] ?? 0} (${share(r.values[i] ?? 0, total)})`).join(", ")}`;
    })
    .join("; ")}`;
  return (
    <figure className={styles.figure}>
      <Subtitle2 as="h4">{props.title}</Subtitle2>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${h}`} role="img" aria-label={alt}>
        {props.rows.map((r, i) => {
          const y = i * row + 2;
          const total = r.values.reduce((a, b) => a + b, 0);
          const label = r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label;
          let x = LABEL_W;
          return (
            <g key={`${r.label}:${i}`}>
              <text x={LABEL_W - 6} y={y + row / 2 + 4} textAnchor="end" fontSize="12" fill={tokens.colorNeutralForeground1}>
                {label}
              </text>
              {props.segments.map((s, j) => {
                const v = r.values[j] ?? 0;
                const w = total > 0 ? (v / total) * room : 0;
                const at = x;
                x += w;
                if (w <= 0) return null;
                const pct = Math.round((v / total) * 100);
                return (
                  <g key={s.name}>
                    <rect x={at} y={y + 2} width={w} height={row - 6} fill={s.colour} stroke="#FFFFFF" strokeWidth={1} />
                    {w >= 30 ? (
                      <text x={at + w / 2} y={y + row / 2 + 3} textAnchor="middle" fontSize="11" fill={s.ink}>
                        {pct}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <rect x={LABEL_W} y={y + 2} width={room} height={row - 6} fill="none" stroke="#767676" strokeWidth={1} />
            </g>
          );
        })}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        {props.segments.map((s) => (
          <Caption1 key={s.name}>
            <span className={styles.swatch} style={{ backgroundColor: s.colour, outline: "1px solid #767676" }} />
            {s.name}
          </Caption1>
        ))}
      </div>
    </figure>
  );
}
