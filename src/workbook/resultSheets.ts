/**
 * The result sheets of DESIGN.md as format-neutral {@link SheetSpec}s: pure, no Excel, no file.
 * Both the task pane (Office adapter) and the CLI (file adapter) write exactly these.
 *
 * Conventions: an undefined index is an empty cell, never 0 %; yes/no is «да»/«нет»; numbers
 * stay numbers and get their Russian look from the number format, never from a string.
 */
import { PARAMETER_LABELS, RISK_FACTOR_NAMES } from "../engine/methodology";
import type { MethodologyParameters } from "../engine/methodology";
import { GROUP_NAMES } from "../engine/regression";
import { NO_TYPE, SCHOOL_TYPE_NAMES } from "../engine/schoolTypes";
import type { Category, IdentificationResult, ProcedureResult, RiskFactorId, SchoolResult } from "../engine/types";
import type { CellStyle, ColumnSpec, SheetSpec, SpecCell, StyledCell } from "./port";

/** Colours of DESIGN.md, after Excel's own cell styles ("Bad", "Neutral", "Good"). */
export const CATEGORY_STYLES: Readonly<Record<Category, CellStyle>> = {
  "ШНОР и ШНСУ": { fill: "#C00000", font: "#FFFFFF", bold: true },
  ШНОР: { fill: "#FFC7CE", font: "#9C0006" },
  ШНСУ: { fill: "#FFEB9C", font: "#9C5700" },
  "Зона риска": { fill: "#FFF2CC" },
  "Без рисков": { fill: "#C6EFCE", font: "#006100" },
};

export const CATEGORY_ORDER: readonly Category[] = ["ШНОР и ШНСУ", "ШНОР", "ШНСУ", "Зона риска", "Без рисков"];

/** Style of a «да» that calls for attention (low results, signs of non-objectivity). */
const ALERT_STYLE: CellStyle = CATEGORY_STYLES["ШНОР"];
const REVIEW_STYLE: CellStyle = CATEGORY_STYLES["ШНСУ"];
const TOTAL_STYLE: CellStyle = { bold: true };

export const SHEET_NAMES = {
  summary: "Итоги",
  indices: "Индексы ОП",
  municipalities: "Муниципалитеты",
  monitoring: "Мониторинг",
  parameters: "Параметры",
  legend: "Легенда",
  issues: "Замечания",
} as const;

/** Facts about the run that are not in the result itself (the engine has no clock and no file). */
export interface RunContext {
  /** Row counts of the input sheets, by sheet name ("Школы" → 600). */
  readonly inputRows: Readonly<Record<string, number>>;
  /** Date of the run as the shell wants it printed, e.g. "2025-06-30". */
  readonly date: string;
  /** Input file name, when there is one. */
  readonly source?: string;
}

/** Target of seed 002 indicators 2–3: the index improves by at least 3 % a year. */
export const MONITORING_TARGET = 0.03;

export function yesNo(value: boolean | null): SpecCell {
  return value === null ? null : value ? "да" : "нет";
}

/** All result sheets, in the order they appear in the workbook. */
export function resultSheets(result: IdentificationResult, context: RunContext): SheetSpec[] {
  return [
    summarySheet(result),
    indicesSheet(result),
    municipalitiesSheet(result),
    monitoringSheet(result),
    parametersSheet(result, context),
    legendSheet(),
    issuesSheet(result),
  ];
}

const text = (header: string, width: number, wrap = false): ColumnSpec =>
  wrap ? { header, width, format: "@", wrap } : { header, width, format: "@" };
const percent = (header: string, width = 12): ColumnSpec => ({ header, width, format: "0.0%" });
const decimal = (header: string, width = 10): ColumnSpec => ({ header, width, format: "0.0" });
const integer = (header: string, width = 10): ColumnSpec => ({ header, width, format: "0" });

function typesText(school: SchoolResult): SpecCell {
  if (school.lowSwi === null) return null;
  if (!school.lowSwi) return NO_TYPE;
  return school.types.map((t) => SCHOOL_TYPE_NAMES[t]).join("; ");
}

function riskFactorsText(school: SchoolResult): string {
  return school.riskFactors
    .filter((f) => f.value === true)
    .map((f) => f.name)
    .join("; ");
}

export function summarySheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Код ОО", 10),
    text("Наименование", 42),
    text("Муниципалитет", 26),
    decimal("ИСБ", 8),
    text("Группа низкого ИСБ", 11),
    text("Типы", 40),
    text("ШНОР", 7),
    text("Правило ШНОР", 13),
    text("ШНСУ", 7),
    integer("Признаки необъективности", 15),
    text("Группа", 18),
    text("Факторы риска", 50),
    text("Зона риска", 9),
    text("Категория", 14),
    text("Причины", 100),
  ];
  const categoryColumn = 13;
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  result.schools.forEach((s, i) => {
    rows.push([
      s.id,
      s.name,
      s.municipality,
      s.swi,
      yesNo(s.lowSwi),
      typesText(s),
      yesNo(s.shnor),
      s.shnorRules.join(", "),
      yesNo(s.shnsu),
      s.nonObjectivityCount,
      s.group === null ? null : GROUP_NAMES[s.group],
      riskFactorsText(s),
      yesNo(s.riskZone),
      s.category,
      s.reasons.join("; "),
    ]);
    styles.push({ row: i, column: categoryColumn, style: CATEGORY_STYLES[s.category] });
  });
  return { name: SHEET_NAMES.summary, columns, rows, styles, table: { name: "ШНОР_Итоги" }, freezeHeader: true };
}

export function indicesSheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Код ОО", 10),
    text("Наименование", 42),
    integer("Год", 7),
    text("Процедура", 11),
    integer("Участников", 11),
    percent("Индекс низких результатов", 13),
    percent("Индекс массовых результатов", 13),
    percent("Индекс высоких результатов", 13),
    percent("Участие", 10),
    decimal("Средний балл", 9),
    text("Оценивалась", 11),
    text("Низкие результаты", 11),
    text("Признаки необъективности", 15),
  ];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  for (const s of result.schools) {
    for (const p of s.procedures) {
      const row = rows.length;
      rows.push([
        s.id,
        s.name,
        p.year,
        p.procedure,
        p.participants,
        p.lowIndex,
        p.massIndex,
        p.highIndex,
        p.participation,
        p.meanScore,
        yesNo(p.evaluated),
        yesNo(p.lowResults),
        yesNo(p.nonObjective),
      ]);
      if (p.lowResults === true) styles.push({ row, column: 11, style: ALERT_STYLE });
      if (p.nonObjective) styles.push({ row, column: 12, style: REVIEW_STYLE });
    }
  }
  return { name: SHEET_NAMES.indices, columns, rows, styles, table: { name: "ШНОР_Индексы" }, freezeHeader: true };
}

export function municipalitiesSheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Муниципалитет", 30),
    integer("Школ", 8),
    integer("ШНОР", 8),
    integer("ШНСУ", 8),
    integer("ШНОР ∪ ШНСУ", 12),
    percent("Доля ШНОР ∪ ШНСУ", 12),
  ];
  const rows: SpecCell[][] = result.municipalities.map((m) => [m.name, m.schools, m.shnor, m.shnsu, m.shnorOrShnsu, m.share]);
  const total = result.municipalities.reduce(
    (acc, m) => ({
      schools: acc.schools + m.schools,
      shnor: acc.shnor + m.shnor,
      shnsu: acc.shnsu + m.shnsu,
      either: acc.either + m.shnorOrShnsu,
    }),
    { schools: 0, shnor: 0, shnsu: 0, either: 0 },
  );
  const styles: StyledCell[] = [{ row: rows.length, style: TOTAL_STYLE }];
  rows.push(["Всего по региону", total.schools, total.shnor, total.shnsu, total.either, total.schools > 0 ? total.either / total.schools : null]);
  return { name: SHEET_NAMES.municipalities, columns, rows, styles, table: null, freezeHeader: true };
}

/** Participant-weighted mean of one index over the schools' procedure rows; null without participants. */
function weighted(procedures: readonly ProcedureResult[], pick: (p: ProcedureResult) => number | null): number | null {
  let sum = 0;
  let weight = 0;
  for (const p of procedures) {
    const v = pick(p);
    if (v === null || p.participants <= 0) continue;
    sum += v * p.participants;
    weight += p.participants;
  }
  return weight > 0 ? sum / weight : null;
}

export interface MonitoringRow {
  readonly indicator: string;
  readonly procedure: string;
  readonly year: number;
  readonly value: number | null;
  readonly previous: number | null;
  /** Relative improvement on the previous year (a fall for the low index, a rise for the mass index). */
  readonly change: number | null;
  readonly met: boolean | null;
}

const ALL_PROCEDURES = "Все процедуры";
const LOW_INDICATOR = "2. Динамика индекса низких результатов";
const MASS_INDICATOR = "3. Динамика индекса массовых результатов";

/**
 * Seed 002 indicators 2–3 at region level: per year, the participant-weighted low and mass
 * index (all procedures pooled, then each procedure), and its relative improvement on the
 * previous year against the target "не менее 3 %". The seed gives no formula for "динамика";
 * the default reads it as relative change, improvement meaning a lower low index and a higher
 * mass index.
 */
export function monitoringRows(result: IdentificationResult): MonitoringRow[] {
  const all = result.schools.flatMap((s) => s.procedures);
  const procedures = [...new Set(all.map((p) => p.procedure))].sort((a, b) => a.localeCompare(b, "ru"));
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);
  const rows: MonitoringRow[] = [];
  for (const [indicator, pick, sign] of [
    [LOW_INDICATOR, (p: ProcedureResult) => p.lowIndex, -1],
    [MASS_INDICATOR, (p: ProcedureResult) => p.massIndex, 1],
  ] as const) {
    for (const procedure of [ALL_PROCEDURES, ...procedures]) {
      const scoped = procedure === ALL_PROCEDURES ? all : all.filter((p) => p.procedure === procedure);
      let previous: number | null = null;
      years.forEach((year, i) => {
        const value = weighted(
          scoped.filter((p) => p.year === year),
          pick,
        );
        const change =
          i === 0 || value === null || previous === null || previous === 0 ? null : (sign * (value - previous)) / previous;
        rows.push({
          indicator,
          procedure,
          year,
          value,
          previous: i === 0 ? null : previous,
          change,
          met: change === null ? null : change >= MONITORING_TARGET - 1e-12,
        });
        previous = value;
      });
    }
  }
  return rows;
}

export function monitoringSheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [
    text("Показатель", 42),
    text("Процедура", 14),
    integer("Год", 7),
    percent("Значение", 11),
    percent("Предыдущий год", 11),
    percent("Динамика", 11),
    text("Цель", 14),
    text("Выполнено", 10),
    text("Как считается", 70),
  ];
  const styles: StyledCell[] = [];
  const rows: SpecCell[][] = monitoringRows(result).map((r, i) => {
    if (r.met !== null) styles.push({ row: i, column: 7, style: r.met ? CATEGORY_STYLES["Без рисков"] : ALERT_STYLE });
    return [
      r.indicator,
      r.procedure,
      r.year,
      r.value,
      r.previous,
      r.change,
      "не менее 3 %",
      yesNo(r.met),
      r.indicator === LOW_INDICATOR
        ? "снижение индекса к предыдущему году, в % от его значения (взвешено по участникам)"
        : "рост индекса к предыдущему году, в % от его значения (взвешено по участникам)",
    ];
  });
  return { name: SHEET_NAMES.monitoring, columns, rows, styles, table: null, freezeHeader: true };
}

/** A parameter value as a cell: numbers stay numbers, lists and rules become readable text. */
export function parameterCell(key: string, value: unknown): SpecCell {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "да" : "нет";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    if (key === "riskFactors") return value.map((f) => RISK_FACTOR_NAMES[f as RiskFactorId] ?? String(f)).join("; ");
    return value.map((v) => (typeof v === "number" ? String(v).replace(".", ",") : String(v))).join("; ");
  }
  if (key === "shnsuRule" && typeof value === "object" && value !== null) {
    const rule = value as { kind?: unknown; factors?: unknown; minCount?: unknown };
    if (rule.kind === "lowSwi") return "группа низкого ИСБ (ИСБ ≤ Q1)";
    if (rule.kind === "factors" && Array.isArray(rule.factors))
      return `не менее ${String(rule.minCount)} из: ${rule.factors.map((f) => RISK_FACTOR_NAMES[f as RiskFactorId] ?? String(f)).join("; ")}`;
  }
  if (key === "shnorRules" && typeof value === "object" && value !== null) {
    const names: Record<string, string> = { percentile: "§3 (R1/R2)", bryansk: "Брянск", meanGap: "Новолакский район" };
    const rules = value as Record<string, unknown>;
    const parts = Object.entries(rules)
      .filter(([, on]) => on === true)
      .map(([k]) => names[k] ?? k);
    const factors = rules["factors"];
    if (Array.isArray(factors) && factors.length > 0)
      parts.push(`факторы: ${factors.map((f) => RISK_FACTOR_NAMES[f as RiskFactorId] ?? String(f)).join(", ")}`);
    return parts.join("; ");
  }
  return JSON.stringify(value);
}

const REFERENCE_LABELS: Readonly<Record<string, string>> = {};

export function parametersSheet(result: IdentificationResult, context: RunContext): SheetSpec {
  const columns: ColumnSpec[] = [text("Раздел", 22), text("Параметр", 70), text("Код", 28), { header: "Значение", width: 40, format: "General" }];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  const section = (name: string): void => {
    styles.push({ row: rows.length, style: TOTAL_STYLE });
    rows.push([name, null, null, null]);
  };
  section("Методика");
  rows.push(["Методика", "Название", "preset", result.methodology.name]);
  rows.push(["Методика", "Код пресета", "preset", result.methodology.preset]);
  section("Параметры методики");
  for (const key of Object.keys(PARAMETER_LABELS) as (keyof MethodologyParameters)[]) {
    if (!(key in result.methodology.parameters)) continue;
    rows.push(["Параметры методики", PARAMETER_LABELS[key], key, parameterCell(key, result.methodology.parameters[key])]);
  }
  for (const [key, value] of Object.entries(result.methodology.parameters)) {
    if (key in PARAMETER_LABELS) continue;
    rows.push(["Параметры методики", key, key, parameterCell(key, value)]);
  }
  section("Региональные значения");
  const r = result.region;
  const reference = (label: string, code: string, value: SpecCell): void => {
    rows.push(["Региональные значения", label, code, value]);
  };
  reference("Школ в регионе", "schools", r.schools);
  reference("Последний год", "latestYear", r.latestYear);
  reference("Годы в данных", "years", r.years.join("; "));
  reference("Q1 ИСБ (PERCENTILE.INC)", "swiQ1", r.swiQ1);
  reference("D9 Ду (PERCENTILE.INC)", "deviantD9", r.deviantD9);
  reference("Среднее: доля с неродным русским языком, %", "nonNativeMean", r.nonNativeMean);
  reference("Регрессия на ИСБ: наклон", "regression.slope", r.regression.slope);
  reference("Регрессия на ИСБ: свободный член", "regression.intercept", r.regression.intercept);
  reference("Регрессия на ИСБ: R²", "regression.r2", r.regression.r2);
  reference("Регрессия на ИСБ: число школ n", "regression.n", r.regression.n);
  reference("Регрессия на ИСБ: σ остатков", "regression.sigma", r.regression.sigma);
  if (r.regression.note !== null) reference("Регрессия на ИСБ: примечание", "regression.note", r.regression.note);
  for (const key of Object.keys(r.references).sort()) {
    reference(REFERENCE_LABELS[key] ?? key, key, r.references[key] ?? null);
  }
  r.notes.forEach((note) => reference("Примечание", "note", note));
  section("Входные данные");
  if (context.source !== undefined) rows.push(["Входные данные", "Файл", "source", context.source]);
  for (const [sheet, count] of Object.entries(context.inputRows)) {
    rows.push(["Входные данные", `Строк на листе «${sheet}»`, "rows", count]);
  }
  section("Запуск");
  rows.push(["Запуск", "Дата", "date", context.date]);
  rows.push(["Запуск", "Версия", "version", result.version]);
  return { name: SHEET_NAMES.parameters, columns, rows, styles, table: null, freezeHeader: true };
}

const CATEGORY_MEANING: Readonly<Record<Category, string>> = {
  "ШНОР и ШНСУ": "школа с низкими результатами, функционирующая в неблагоприятных социальных условиях",
  ШНОР: "школа с низкими образовательными результатами",
  ШНСУ: "школа, функционирующая в неблагоприятных социальных условиях (группа низкого ИСБ или правило методики)",
  "Зона риска": "не ШНОР, но набрано не меньше установленного числа факторов риска",
  "Без рисков": "ни одного из признаков выше",
};

export function legendSheet(): SheetSpec {
  const columns: ColumnSpec[] = [text("Обозначение", 26), text("Что означает", 100)];
  const rows: SpecCell[][] = [];
  const styles: StyledCell[] = [];
  CATEGORY_ORDER.forEach((c, i) => {
    rows.push([c, CATEGORY_MEANING[c]]);
    styles.push({ row: i, column: 0, style: CATEGORY_STYLES[c] });
  });
  styles.push({ row: rows.length, column: 0, style: ALERT_STYLE });
  rows.push(["да", "«Индексы ОП», «Низкие результаты»: процедура зафиксировала низкие результаты"]);
  styles.push({ row: rows.length, column: 0, style: REVIEW_STYLE });
  rows.push(["да", "«Индексы ОП», «Признаки необъективности»: признаки необъективности — требуется проверка, это не вывод"]);
  rows.push(["(пусто)", "индекс не определён (нет участников) — это не 0 %"]);
  rows.push(["Перцентили", "по правилам PERCENTILE.INC (ПРОЦЕНТИЛЬ.ВКЛ) Excel — их можно проверить формулой"]);
  return { name: SHEET_NAMES.legend, columns, rows, styles, table: null, freezeHeader: true };
}

const SEVERITY_NAMES: Readonly<Record<string, string>> = { error: "ошибка", warning: "предупреждение", info: "сведения" };

export function issuesSheet(result: IdentificationResult): SheetSpec {
  const columns: ColumnSpec[] = [text("Важность", 15), text("Ячейка", 18), text("Код", 24), text("Сообщение", 110)];
  const rows: SpecCell[][] = result.issues.map((i) => [
    SEVERITY_NAMES[i.severity] ?? i.severity,
    i.sheet === null ? null : i.cell === null ? i.sheet : `${i.sheet}!${i.cell}`,
    i.code,
    i.message,
  ]);
  return { name: SHEET_NAMES.issues, columns, rows, styles: [], table: null, freezeHeader: true };
}
