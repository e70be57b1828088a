/**
 * The result sheets of DESIGN.md as format-neutral {@link SheetSpec}s: pure, no Excel, no file.
 * Both the task pane (Office adapter) and the CLI (file adapter) write exactly these.
 *
 * Conventions: an undefined index is an empty cell, never 0 %; yes/no is «да»/«нет»; numbers
 * stay numbers and get their Russian look from the number format, never from a string.
 */
import { withRegressionChart } from "./regressionChart";
import { handoverSheets } from "./handoverSheets";
import type { AnalysisResult } from "../engine/analyse";
import { PARAMETER_LABELS, RISK_FACTOR_NAMES } from "../engine/methodology";
import { changedParameterKeys } from "../engine/methodologyChanges";
import type { MethodologyParameters, MonitoringTarget } from "../engine/methodology";
import { GROUP_NAMES } from "../engine/regression";
import { knownText, seedFactorTotal } from "../engine/risk/profile";
import { NO_TYPE, SCHOOL_TYPE_NAMES } from "../engine/schoolTypes";
import type { Category, IdentificationResult, Issue, RiskFactorId, SchoolResult } from "../engine/types";
import { LEVELS_SHEET_NAME, levelsSheet } from "./levelsSheet";
import { nonObjectivitySheet } from "./nonObjectivitySheet";
import { MONITORING_SHEET_NAMES, monitoringSheets, monitoringTargetRows } from "./monitoringSheets";
import type { ColumnSpec, SheetSpec, SpecCell, StyledCell } from "./port";
import { ALERT_STYLE, CATEGORY_ORDER, CATEGORY_STYLES, decimal, integer, percent, REVIEW_STYLE, text, TOTAL_STYLE, yesNo } from "./sheetCells";

export { CATEGORY_ORDER, CATEGORY_STYLES, yesNo } from "./sheetCells";

export const SHEET_NAMES = {
  summary: "Итоги",
  indices: "Индексы ОП",
  municipalities: "Муниципалитеты",
  dynamics: MONITORING_SHEET_NAMES.dynamics,
  schoolDynamics: MONITORING_SHEET_NAMES.schools,
  transitions: MONITORING_SHEET_NAMES.transitions,
  procedureDynamics: MONITORING_SHEET_NAMES.procedures,
  monitoring: MONITORING_SHEET_NAMES.monitoring,
  levels: LEVELS_SHEET_NAME,
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

/** Whether the result carries the monitoring of {@link AnalysisResult} (an `identify` result does not). */
export function hasMonitoring(result: IdentificationResult | AnalysisResult): result is AnalysisResult {
  return "dynamics" in result && "monitoring" in result;
}

/**
 * All result sheets, in the order they appear in the workbook. The monitoring sheets
 * («Динамика», «Динамика школ», «Переходы», «Динамика ОП», «Мониторинг») come with an
 * {@link AnalysisResult} (`analyse`); a bare identification has none.
 */
export function resultSheets(result: IdentificationResult | AnalysisResult, context: RunContext): SheetSpec[] {
  return withRegressionChart([
    summarySheet(result),
    indicesSheet(result),
    municipalitiesSheet(result),
    ...handoverSheets(result),
    nonObjectivitySheet(result),
    ...(hasMonitoring(result) ? monitoringSheets(result) : []),
    ...(hasMonitoring(result) ? [levelsSheet(result.levels, new Map(result.schools.map((s) => [s.id, s.name])))] : []),
    parametersSheet(result, context),
    legendSheet(),
    issuesSheet(result),
  ]);
}

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
  // The denominator of «Известно факторов риска»: the methodology's rows for seed 004's factors.
  const listed = result.methodology.parameters["riskFactors"];
  const seedFactors = Array.isArray(listed) ? seedFactorTotal(listed as RiskFactorId[]) : null;
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
    percent("Результат для регрессии", 12),
    percent("Доля результатов не ниже базового уровня", 12),
    text("Факторы риска", 50),
    text("Известно факторов риска", 11),
    text("Зона риска", 9),
    text("Категория", 14),
    text("Причины", 100, true),
  ];
  const categoryColumn = 16;
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
      s.groupResult,
      s.basicOrAboveShare ?? null,
      riskFactorsText(s),
      knownText(s.riskFactorsKnown, seedFactors ?? seedFactorTotal(s.riskFactors.map((f) => f.id))),
      yesNo(s.riskZone),
      s.category,
      // One reason a line: the cell wraps, and a long list stays readable on screen and on paper.
      s.reasons.join("\n"),
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
    text("Исключено из анализа", 11),
    text("Данные", 18),
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
        yesNo(p.excluded),
        p.fromParticipants ? "баллы участников" : p.approximate ? "оценка по агрегированным данным" : "агрегированные данные",
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
  const m = rows.length;
  const styles: StyledCell[] = [{ row: m, style: TOTAL_STYLE }];
  rows.push(["Всего по региону", total.schools, total.shnor, total.shnsu, total.either, total.schools > 0 ? total.either / total.schools : null]);
  // The bar chart leaves out the regional total: it compares the municipalities.
  const charts =
    m === 0
      ? []
      : [{ type: "bar" as const, title: "Доля ШНОР ∪ ШНСУ по муниципалитетам", categories: `A2:A${m + 1}`, series: [{ name: "Доля ШНОР ∪ ШНСУ", values: `F2:F${m + 1}` }], anchor: "H2" }];
  return { name: SHEET_NAMES.municipalities, columns, rows, styles, table: null, freezeHeader: true, charts };
}

/** Codes of the regional values the user entered (`regionalReferences`, SPEC §8): "swiQ1", "lowP90:ВПР 5 кл.|2025". */
function enteredReferenceCodes(value: unknown): Set<string> {
  const out = new Set<string>();
  if (typeof value !== "object" || value === null) return out;
  const r = value as { swiQ1?: unknown; deviantD9?: unknown; nonNativeMean?: unknown; units?: Record<string, Record<string, unknown>> };
  for (const k of ["swiQ1", "deviantD9", "nonNativeMean"] as const) if (typeof r[k] === "number") out.add(k);
  for (const [unit, refs] of Object.entries(r.units ?? {})) if (typeof refs?.["lowP90"] === "number") out.add(`lowP90:${unit}`);
  return out;
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
    const rule = value as { kind?: unknown; factors?: unknown; minCount?: unknown; groups?: unknown };
    if (rule.kind === "lowSwi") return "группа низкого ИСБ (ИСБ ≤ Q1)";
    if (rule.kind === "allGroups" && Array.isArray(rule.groups))
      return rule.groups.map((g) => (Array.isArray(g) ? `(${g.map((f) => RISK_FACTOR_NAMES[f as RiskFactorId] ?? String(f)).join(" или ")})` : String(g))).join(" и ");
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

/** Seed 002 targets, one row per indicator and step (rather than the raw object). */
function targetRows(value: unknown): { label: string; code: string; value: number }[] | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return monitoringTargetRows(value as Readonly<Record<string, readonly MonitoringTarget[]>>);
}

const REFERENCE_LABELS: Readonly<Record<string, string>> = {};

export function parametersSheet(result: IdentificationResult | AnalysisResult, context: RunContext): SheetSpec {
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
  const changed = changedParameterKeys(result.methodology);
  rows.push([
    "Методика",
    "Изменено относительно методики",
    "changed",
    changed.length === 0 ? "ничего — все значения методики" : changed.map((k) => (PARAMETER_LABELS as Readonly<Record<string, string>>)[k] ?? k).join("; "),
  ]);
  section("Параметры методики");
  for (const key of Object.keys(PARAMETER_LABELS) as (keyof MethodologyParameters)[]) {
    if (!(key in result.methodology.parameters)) continue;
    const value = result.methodology.parameters[key];
    const targets = key === "monitoringTargets" ? targetRows(value) : null;
    if (targets === null) {
      rows.push(["Параметры методики", PARAMETER_LABELS[key], key, parameterCell(key, value)]);
      continue;
    }
    for (const t of targets) {
      // №1 and №8 are counts; the other targets are shares.
      styles.push({ row: rows.length, column: 3, style: { numberFormat: /^monitoringTargets\.(1|8)\./.test(t.code) ? "0" : "0%" } });
      rows.push(["Параметры методики", t.label, t.code, t.value]);
    }
  }
  for (const [key, value] of Object.entries(result.methodology.parameters)) {
    if (key in PARAMETER_LABELS) continue;
    rows.push(["Параметры методики", key, key, parameterCell(key, value)]);
  }
  section("Региональные значения");
  const r = result.region;
  const entered = enteredReferenceCodes(result.methodology.parameters["regionalReferences"]);
  const reference = (label: string, code: string, value: SpecCell): void => {
    rows.push(["Региональные значения", entered.has(code) ? `${label} — введено пользователем` : label, code, value]);
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
  if (hasMonitoring(result)) {
    section("Мониторинг");
    const d = result.dynamics;
    const monitoring = (label: string, code: string, value: SpecCell): void => {
      rows.push(["Мониторинг", label, code, value]);
    };
    monitoring("Годы выявления", "dynamics.years", d.years.join("; "));
    monitoring("Год показателей мониторинга", "monitoring.year", result.monitoring.year);
    d.notes.forEach((note) => monitoring("Примечание", "dynamics.note", note));
  }
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
  return issuesSheetOf(result.issues);
}

/** «Замечания» of a list of issues (the pane exports a validation's issues with it). */
export function issuesSheetOf(issues: readonly Issue[]): SheetSpec {
  const columns: ColumnSpec[] = [text("Важность", 15), text("Ячейка", 18), text("Код", 24), text("Сообщение", 110)];
  const rows: SpecCell[][] = issues.map((i) => [
    SEVERITY_NAMES[i.severity] ?? i.severity,
    i.sheet === null ? null : i.cell === null ? i.sheet : `${i.sheet}!${i.cell}`,
    i.code,
    i.message,
  ]);
  return { name: SHEET_NAMES.issues, columns, rows, styles: [], table: null, freezeHeader: true };
}
