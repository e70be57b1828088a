/**
 * The monitoring sheets (seeds 001 and 002) of an {@link AnalysisResult}, as format-neutral
 * {@link SheetSpec}s: pure, no Excel, no file.
 *
 * - «Динамика» — the region by year: low and mass index (participant-weighted), their change,
 *   target and met / not met, the ШНОР / ШНСУ / risk-zone counts and who entered or left, the
 *   shares of ШНОР / ШНСУ among the schools and their change; its first rows' first three columns
 *   (year | low | mass) are the data of a line chart; then the region per procedure unit, then
 *   each municipality by year with its own counts and shares (column «Территория»);
 * - «Динамика школ» — one row per school, its category in each identification year;
 * - «Переходы» — one row per school and transition (entered / left / stayed) between two years;
 * - «Динамика ОП» — school × procedure × pair of years: indices, change, target met;
 * - «Мониторинг» — the regional indicators of seed 002 and the municipal ones of seed 001.
 *
 * Changes of indices are written in percentage points (the JSON's fraction × 100, format
 * «+4,0 п.п.»), indices and shares as fractions with a percent format.
 */
import type { AnalysisResult } from "../engine/analyse";
import { REGIONAL_INDICATORS } from "../engine/monitoring/definitions";
import type {
  DynamicsResult,
  IndicatorUnit,
  IndicatorValue,
  MonitoringIndicators,
  MunicipalMonitoring,
  SchoolDynamics,
  StatusTransition,
} from "../engine/monitoring/types";
import type { MonitoringTarget } from "../engine/methodology";
import { columnLetters, POINTS_FORMAT, type ChartSpec, type ColumnSpec, type NumberFormat, type SheetSpec, type SpecCell, type StyledCell } from "./port";
import {
  ALERT_STYLE,
  CATEGORY_STYLES,
  GOOD_STYLE,
  general,
  integer,
  metStyle,
  percent,
  points,
  pointsColumn,
  REVIEW_STYLE,
  text,
  TOTAL_STYLE,
  yesNo,
} from "./sheetCells";

export const MONITORING_SHEET_NAMES = {
  dynamics: "Динамика",
  schools: "Динамика школ",
  transitions: "Переходы",
  procedures: "Динамика ОП",
  monitoring: "Мониторинг",
} as const;

/** The monitoring sheets in workbook order. */
export function monitoringSheets(result: Pick<AnalysisResult, "dynamics" | "monitoring">): SheetSpec[] {
  return [
    dynamicsSheet(result.dynamics),
    schoolDynamicsSheet(result.dynamics),
    transitionsSheet(result.dynamics),
    procedureDynamicsSheet(result.dynamics),
    indicatorsSheet(result.monitoring),
  ];
}

/** "3" or "2,5": a target as the seed writes it. */
function numberText(x: number): string {
  return String(x).replace(".", ",");
}

/** The dynamics target in words: «снижение не менее 3 п.п.», «рост не менее 3 % от прошлого года». */
export function dynamicsTargetText(index: "low" | "mass", d: Pick<DynamicsResult, "targetPoints" | "mode">): string {
  const verb = index === "low" ? "снижение" : "рост";
  const unit = d.mode === "points" ? "п.п." : "% от прошлого года";
  return `${verb} не менее ${numberText(d.targetPoints)} ${unit}`;
}

function transitionCount(d: DynamicsResult, toYear: number, status: StatusTransition["status"], kind: "entered" | "left"): number | null {
  const t = d.transitions.find((x) => x.toYear === toYear && x.status === status);
  return t === undefined ? null : t[kind].length;
}

/** «Динамика»: one row per identification year, and a line chart of the two indices. */
export function dynamicsSheet(d: DynamicsResult): SheetSpec {
  const columns: ColumnSpec[] = [
    integer("Год", 7),
    percent("Индекс низких результатов", 13),
    percent("Индекс массовых результатов", 13),
    integer("Школ", 7),
    integer("Участников", 11),
    pointsColumn("Изменение индекса низких результатов", 14),
    text("Цель (низкие)", 22),
    text("Низкие: цель выполнена", 11),
    pointsColumn("Изменение индекса массовых результатов", 14),
    text("Цель (массовые)", 22),
    text("Массовые: цель выполнена", 11),
    integer("ШНОР", 7),
    integer("ШНСУ", 7),
    integer("ШНОР и ШНСУ", 10),
    integer("ШНОР ∪ ШНСУ", 10),
    integer("Зона риска", 8),
    integer("Вошли в ШНОР", 9),
    integer("Вышли из ШНОР", 9),
    integer("Вошли в ШНСУ", 9),
    integer("Вышли из ШНСУ", 9),
    // Seed 000, expected result 7: shares of the region's schools and their change.
    percent("Доля ШНОР", 9),
    pointsColumn("Изменение доли ШНОР", 11),
    percent("Доля ШНСУ", 9),
    pointsColumn("Изменение доли ШНСУ", 11),
    percent("Доля ШНОР ∪ ШНСУ", 10),
    pointsColumn("Изменение доли ШНОР ∪ ШНСУ", 11),
    // SPEC.md §9a: the rows above pool every procedure; the rows below them give each procedure unit.
    text("Процедура", 22),
    // «Регион» for the region's rows; the municipal block (seed 000, expected result 7) names its municipality.
    text("Территория", 26),
  ];
  const shareOf = new Map(d.statusShares.region.map((s) => [s.year, s]));
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  d.region.forEach((y, i) => {
    const first = i === 0;
    rows.push([
      y.year,
      y.lowIndex,
      y.massIndex,
      y.schools,
      y.participants,
      points(y.lowChange),
      first ? null : dynamicsTargetText("low", d),
      yesNo(y.lowTargetMet),
      points(y.massChange),
      first ? null : dynamicsTargetText("mass", d),
      yesNo(y.massTargetMet),
      y.shnor,
      y.shnsu,
      y.shnor + y.shnsu - y.shnorOrShnsu,
      y.shnorOrShnsu,
      y.riskZone,
      transitionCount(d, y.year, "shnor", "entered"),
      transitionCount(d, y.year, "shnor", "left"),
      transitionCount(d, y.year, "shnsu", "entered"),
      transitionCount(d, y.year, "shnsu", "left"),
      shareOf.get(y.year)?.shnorShare ?? null,
      points(shareOf.get(y.year)?.shnorShareChange ?? null),
      shareOf.get(y.year)?.shnsuShare ?? null,
      points(shareOf.get(y.year)?.shnsuShareChange ?? null),
      shareOf.get(y.year)?.shnorOrShnsuShare ?? null,
      points(shareOf.get(y.year)?.shnorOrShnsuShareChange ?? null),
      POOLED_PROCEDURES,
      REGION_TERRITORY,
    ]);
    for (const [column, met] of [
      [7, y.lowTargetMet],
      [10, y.massTargetMet],
    ] as const) {
      const style = metStyle(met);
      if (style !== null) styles.push({ row: i, column, style });
    }
  });
  const n = rows.length;
  // Per procedure unit, after the pooled rows (the line chart reads only those).
  for (const u of d.regionUnits) {
    const row = rows.length;
    const first = u.lowChange === null && u.massChange === null;
    rows.push([
      u.year,
      u.lowIndex,
      u.massIndex,
      u.schools,
      u.participants,
      points(u.lowChange),
      first ? null : dynamicsTargetText("low", d),
      yesNo(u.lowTargetMet),
      points(u.massChange),
      first ? null : dynamicsTargetText("mass", d),
      yesNo(u.massTargetMet),
      ...new Array<SpecCell>(15).fill(null),
      u.procedure,
      REGION_TERRITORY,
    ]);
    for (const [column, met] of [
      [7, u.lowTargetMet],
      [10, u.massTargetMet],
    ] as const) {
      const style = metStyle(met);
      if (style !== null) styles.push({ row, column, style });
    }
  }
  // Each municipality's ШНОР / ШНСУ counts and shares of its own schools per year, with their change.
  for (const mo of d.statusShares.municipalities) {
    for (const y of mo.years) {
      rows.push([
        y.year,
        null,
        null,
        y.schools,
        ...new Array<SpecCell>(7).fill(null),
        y.shnor,
        y.shnsu,
        y.shnor + y.shnsu - y.shnorOrShnsu,
        y.shnorOrShnsu,
        ...new Array<SpecCell>(5).fill(null),
        y.shnorShare,
        points(y.shnorShareChange),
        y.shnsuShare,
        points(y.shnsuShareChange),
        y.shnorOrShnsuShare,
        points(y.shnorOrShnsuShareChange),
        null,
        mo.name,
      ]);
    }
  }
  const charts: ChartSpec[] =
    n === 0
      ? []
      : [
          {
            type: "line",
            title: "Индексы низких и массовых результатов по годам",
            categories: `A2:A${n + 1}`,
            series: [
              { name: "Индекс низких результатов", values: `B2:B${n + 1}` },
              { name: "Индекс массовых результатов", values: `C2:C${n + 1}` },
            ],
            anchor: `${columnLetters(columns.length + 1)}2`,
          },
        ];
  return { name: MONITORING_SHEET_NAMES.dynamics, columns, rows, styles, table: null, freezeHeader: true, charts };
}

/** The «Территория» of the region's rows of «Динамика» (the municipal rows name their municipality). */
export const REGION_TERRITORY = "Регион";

/** The «Процедура» of the pooled rows of «Динамика». */
export const POOLED_PROCEDURES = "все процедуры (сводно)";

/** «да», «нет» or «нет данных» (fewer identification years than the stable window). */
function stableText(s: SchoolDynamics): string {
  return s.stableShnor === null ? "нет данных" : s.stableShnor ? "да" : "нет";
}

function rulesByYear(s: SchoolDynamics): string {
  return s.years
    .filter((y) => y.shnorRules.length > 0)
    .map((y) => `${y.year}: ${y.shnorRules.join(", ")}`)
    .join("; ");
}

/** «Динамика школ»: one row per school, its category in each identification year. */
export function schoolDynamicsSheet(d: DynamicsResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Код ОО", 10),
    text("Наименование", 42),
    text("Муниципалитет", 26),
    ...d.years.map((y) => text(`Категория ${y}`, 14)),
    integer("Лет в ШНОР", 8),
    text(`Устойчиво ШНОР (${d.stableShnorYears} посл. г.)`, 12),
    text("Правила ШНОР по годам", 30),
  ];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  const stableColumn = 3 + d.years.length + 1;
  d.schools.forEach((s, i) => {
    const byYear = new Map(s.years.map((y) => [y.year, y]));
    const categories = d.years.map((year, j) => {
      const status = byYear.get(year);
      if (status !== undefined) styles.push({ row: i, column: 3 + j, style: CATEGORY_STYLES[status.category] });
      return status?.category ?? null;
    });
    rows.push([s.id, s.name, s.municipality, ...categories, s.shnorYears, stableText(s), rulesByYear(s)]);
    if (s.stableShnor === true) styles.push({ row: i, column: stableColumn, style: ALERT_STYLE });
  });
  return { name: MONITORING_SHEET_NAMES.schools, columns, rows, styles, table: { name: "ШНОР_ДинамикаШкол" }, freezeHeader: true };
}

const STATUS_NAMES: Readonly<Record<StatusTransition["status"], string>> = { shnor: "ШНОР", shnsu: "ШНСУ" };
const KINDS = [
  ["entered", "вошла"],
  ["left", "вышла"],
  ["stayed", "осталась"],
] as const;

/** «Переходы»: one row per school and transition between consecutive identification years, ШНОР first. */
export function transitionsSheet(d: DynamicsResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Статус", 8),
    integer("С года", 7),
    integer("Год", 7),
    text("Переход", 10),
    text("Код ОО", 10),
    text("Наименование", 42),
    text("Муниципалитет", 26),
  ];
  const schools = new Map(d.schools.map((s) => [s.id, s]));
  const ordered = [...d.transitions].sort((a, b) => (a.status === b.status ? a.toYear - b.toYear : a.status === "shnor" ? -1 : 1));
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  for (const t of ordered) {
    for (const [kind, label] of KINDS) {
      for (const id of t[kind]) {
        const school = schools.get(id);
        if (kind !== "stayed") styles.push({ row: rows.length, column: 3, style: kind === "entered" ? ALERT_STYLE : GOOD_STYLE });
        rows.push([STATUS_NAMES[t.status], t.fromYear, t.toYear, label, id, school?.name ?? null, school?.municipality ?? null]);
      }
    }
  }
  return { name: MONITORING_SHEET_NAMES.transitions, columns, rows, styles, table: { name: "ШНОР_Переходы" }, freezeHeader: true };
}

/** «Динамика ОП»: one row per school × procedure × pair of consecutive years. */
export function procedureDynamicsSheet(d: DynamicsResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Код ОО", 10),
    text("Наименование", 42),
    text("Муниципалитет", 26),
    text("Процедура", 12),
    integer("С года", 7),
    integer("Год", 7),
    percent("Низкие: было", 10),
    percent("Низкие: стало", 10),
    pointsColumn("Низкие: изменение", 12),
    text("Низкие: цель выполнена", 11),
    percent("Массовые: было", 10),
    percent("Массовые: стало", 10),
    pointsColumn("Массовые: изменение", 12),
    text("Массовые: цель выполнена", 11),
    text("Примечание", 40),
  ];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  d.procedures.forEach((p, i) => {
    rows.push([
      p.schoolId,
      p.schoolName,
      p.municipality,
      p.procedure,
      p.fromYear,
      p.toYear,
      p.lowFrom,
      p.lowTo,
      points(p.lowChange),
      yesNo(p.lowTargetMet),
      p.massFrom,
      p.massTo,
      points(p.massChange),
      yesNo(p.massTargetMet),
      p.note,
    ]);
    for (const [column, met] of [
      [9, p.lowTargetMet],
      [13, p.massTargetMet],
    ] as const) {
      const style = metStyle(met);
      if (style !== null) styles.push({ row: i, column, style });
    }
  });
  return { name: MONITORING_SHEET_NAMES.procedures, columns, rows, styles, table: { name: "ШНОР_ДинамикаОП" }, freezeHeader: true };
}

/** How a unit reads in the «Единица» column, and the format its values get. */
export const UNIT_LOOK: Readonly<Record<IndicatorUnit, { readonly label: string; readonly format: NumberFormat }>> = {
  share: { label: "доля", format: "0.0%" },
  indexPoints: { label: "п.п.", format: POINTS_FORMAT },
  relativeChange: { label: "% к прошлому году", format: "0.0%" },
  score: { label: "балл (1/0)", format: "0" },
  count: { label: "количество", format: "0" },
};

/** A value of an indicator as its cell holds it: index points × 100, everything else as is. */
export function indicatorCell(value: number | null, unit: IndicatorUnit): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === "indexPoints" ? points(value) : value;
}

const STATUS_LABELS: Readonly<Record<IndicatorValue["status"], string>> = {
  ok: "рассчитан",
  noData: "нет данных",
  notApplicable: "не применимо",
};

const COMPARISON_LABELS = { atLeast: "не менее", atMost: "не более" } as const;

const REGION_LEVEL = "Регион";

/** «Мониторинг»: the regional indicators of seed 002, then each municipality's of seed 001 and its score. */
export function indicatorsSheet(m: MonitoringIndicators): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Уровень", 24),
    text("Источник", 11),
    text("Код", 24),
    text("Показатель", 60, true),
    integer("Год", 7),
    integer("С года", 7),
    general("Значение", 12),
    text("Единица", 10),
    text("Условие", 9),
    general("Цель", 11),
    text("Выполнено", 10),
    text("Статус", 12),
    text("Каких данных нет", 40, true),
    text("Примечание", 50, true),
  ];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  const indicatorRow = (level: string, v: IndicatorValue): void => {
    const row = rows.length;
    const look = UNIT_LOOK[v.unit];
    rows.push([
      level,
      v.source,
      v.id,
      v.name,
      v.year,
      v.fromYear,
      indicatorCell(v.value, v.unit),
      look.label,
      v.comparison === null ? null : COMPARISON_LABELS[v.comparison],
      indicatorCell(v.target, v.unit),
      yesNo(v.met),
      STATUS_LABELS[v.status],
      v.missing.length > 0 ? v.missing.join("; ") : null,
      v.note,
    ]);
    styles.push({ row, column: 6, style: { numberFormat: look.format } }, { row, column: 9, style: { numberFormat: look.format } });
    const met = metStyle(v.met);
    if (met !== null) styles.push({ row, column: 10, style: met });
    if (v.status === "noData") styles.push({ row, column: 11, style: REVIEW_STYLE });
  };
  for (const v of m.region) indicatorRow(REGION_LEVEL, v);
  for (const mo of m.municipalities) {
    for (const v of mo.indicators) indicatorRow(mo.name, v);
    scoreRow(mo, m.year, rows, styles);
  }
  return { name: MONITORING_SHEET_NAMES.monitoring, columns, rows, styles, table: { name: "ШНОР_Мониторинг" }, freezeHeader: true };
}

function scoreRow(mo: MunicipalMonitoring, year: number | null, rows: SpecCell[][], styles: StyledCell[]): void {
  styles.push({ row: rows.length, style: TOTAL_STYLE }, { row: rows.length, column: 6, style: { numberFormat: "0" } });
  rows.push([
    mo.name,
    "001",
    "score",
    "Сумма баллов по показателям методики Иваново (1 — есть или не ниже уровня)",
    year,
    null,
    mo.score,
    "балл",
    null,
    null,
    null,
    "рассчитан",
    null,
    `${mo.score} из ${mo.scoreMax}; школ ${mo.schools}, ШНОР ${mo.shnor}, ШНСУ ${mo.shnsu}, зона риска ${mo.riskZone}`,
  ]);
}

/** The targets of seed 002's indicators as rows of «Параметры»: one per indicator and step. */
export function monitoringTargetRows(targets: Readonly<Record<string, readonly MonitoringTarget[]>>): { label: string; code: string; value: number }[] {
  const names = new Map(REGIONAL_INDICATORS.map((i) => [String(i.number), i]));
  const keys = Object.keys(targets).sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: { label: string; code: string; value: number }[] = [];
  for (const key of keys) {
    const ind = names.get(key);
    const steps = [...(targets[key] ?? [])].sort((a, b) => a.fromYear - b.fromYear);
    for (const step of steps) {
      const what = ind === undefined ? "" : ` «${ind.name}»`;
      const how = ind === undefined ? "" : `: ${COMPARISON_LABELS[ind.comparison]}`;
      out.push({
        label: `Цель показателя №${key}${what} с ${step.fromYear} г.${how}`,
        code: `monitoringTargets.${key}.${step.fromYear}`,
        value: step.value,
      });
    }
  }
  return out;
}
