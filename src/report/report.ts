/**
 * The analytical report («аналитическая справка», SPEC.md §12) as a .docx, built with the `docx`
 * library (Node and the browser alike): the methodology and its parameters, the region in
 * numbers (categories, dynamics, municipalities), the lists with their bases, the schools with
 * signs of non-objectivity, the risk zone, the mentor schools and the recommendations per school.
 *
 * Every number comes from the same {@link AnalysisResult} the workbook is written from, and the
 * lists from the same builder as the «Перечень» sheets. Nothing about participants is written.
 * Charts are Word's own charts (their data embedded), so they are drawn wherever the report is
 * made — the command line as well as the task pane.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from "docx";
import { ChartRun } from "docx/charts";
import type { AnalysisResult } from "../engine/analyse";
import { handoverList, type ListKind, type ListRow } from "../engine/handover/lists";
import { PARAMETER_LABELS, type MethodologyParameters } from "../engine/methodology";
import { GROUP_NAMES } from "../engine/regression";
import type { Category, SchoolResult } from "../engine/types";
import { CATEGORY_ORDER, parameterCell } from "../workbook/resultSheets";

/** Facts about the run that the result does not hold (the engine has no clock and no file). */
export interface ReportContext {
  /** Date of the run as printed, e.g. "2025-06-30". */
  readonly date: string;
  /** Input file name, when there is one. */
  readonly source?: string;
  /** Draw the region's charts (default true). */
  readonly charts?: boolean;
}

const FONT = "Times New Roman";
/** Half-points: 12 pt body text, 9 pt in tables. */
const BODY_SIZE = 24;
const TABLE_SIZE = 18;
const HEADER_FILL = "D9E1F2";

const pct = (v: number | null, digits = 1): string => (v === null || !Number.isFinite(v) ? "—" : `${(v * 100).toFixed(digits).replace(".", ",")} %`);
const dec = (v: number | null, digits = 1): string => (v === null || !Number.isFinite(v) ? "—" : v.toFixed(digits).replace(".", ",").replace("-", "−"));
const pp = (v: number | null): string => (v === null || !Number.isFinite(v) ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v * 100).toFixed(1).replace(".", ",")} п.п.`);

/** Text width of the page in twips: A4 portrait (11906) less the margins (1418 + 850). */
const TEXT_WIDTH = 9638;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/**
 * Body text. Formatting lives in the document's styles rather than on each run: a 2,000-school
 * report has tens of thousands of paragraphs, and the XML of per-run properties is what makes it
 * slow to write.
 */
function para(text: string, options: { bold?: boolean; italic?: boolean; size?: number; align?: Align } = {}): Paragraph {
  const plain = options.bold === undefined && options.italic === undefined && options.size === undefined;
  return new Paragraph({
    style: "Body",
    ...(options.align === undefined ? {} : { alignment: options.align }),
    children: [
      plain
        ? new TextRun(text)
        : new TextRun({ text, ...(options.bold ? { bold: true } : {}), ...(options.italic ? { italics: true } : {}), ...(options.size === undefined ? {} : { size: options.size }) }),
    ],
  });
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
}

/** A measure: «— text (основание: basis)». */
function measure(text: string, basis: string): Paragraph {
  return new Paragraph({ style: "Measure", children: [new TextRun(`— ${text}`), new TextRun({ text: ` (основание: ${basis})`, style: "Basis" })] });
}

function cell(text: string | number, header: boolean): TableCell {
  const style = header ? "CellHead" : "Cell";
  return new TableCell({
    ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } } : {}),
    // One paragraph a line: a run's "\n" is no line break in Word.
    children: String(text)
      .split("\n")
      .map((line) => new Paragraph({ style, children: [new TextRun(line)] })),
  });
}

/** A Word table with a header row repeated on every page; `widths` in percent of the text width. */
function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[], widths?: readonly number[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
  const percents = widths ?? headers.map(() => 100 / headers.length);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: percents.map((w) => Math.round((w / 100) * TEXT_WIDTH)),
    layout: TableLayoutType.FIXED,
    margins: { top: 20, bottom: 20, left: 60, right: 60 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, false)) })),
    ],
  });
}

function chart(run: () => ChartRun): Paragraph[] {
  try {
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run()] })];
  } catch {
    // A chart the library cannot draw (no data at all) is left out; the table above has the numbers.
    return [];
  }
}

/** Counts per category, in the legend's order, from the result's schools. */
export function categoryCounts(result: Pick<AnalysisResult, "schools">): { category: Category; count: number }[] {
  const counts = new Map<Category, number>();
  for (const s of result.schools) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return CATEGORY_ORDER.map((category) => ({ category, count: counts.get(category) ?? 0 }));
}

function methodologySection(result: AnalysisResult): FileChild[] {
  const r = result.region;
  const out: FileChild[] = [heading("1. Методика и параметры", 1)];
  out.push(
    para(
      `Выявление проведено по методике «${result.methodology.name}» (код «${result.methodology.preset}»). ` +
        "ШНОР — школы с низкими образовательными результатами по правилам методики; ШНСУ — школы, функционирующие в неблагоприятных социальных условиях " +
        "(группа низкого индекса социального благополучия, ИСБ = Ш + Дв − Дн − Ду, ИСБ ≤ первого квартиля региона, или правило методики); " +
        "зона риска — школы, не отнесённые к ШНОР, у которых набрано не меньше установленного числа факторов риска. " +
        "Результаты с признаками необъективности — это признаки, требующие проверки, а не вывод.",
    ),
  );
  out.push(heading("1.1. Параметры методики", 2));
  const params = result.methodology.parameters;
  const rows: string[][] = [];
  for (const key of Object.keys(PARAMETER_LABELS) as (keyof MethodologyParameters)[]) {
    if (!(key in params) || key === "monitoringTargets") continue;
    const value = parameterCell(key, params[key]);
    rows.push([PARAMETER_LABELS[key], key, value === null ? "—" : typeof value === "number" ? String(value).replace(".", ",") : value]);
  }
  out.push(table(["Параметр", "Код", "Значение"], rows, [55, 20, 25]));
  out.push(heading("1.2. Региональные значения", 2));
  const reg = r.regression;
  out.push(
    table(
      ["Показатель", "Значение"],
      [
        ["Школ в регионе", r.schools],
        ["Последний год", r.latestYear ?? "—"],
        ["Годы в данных", r.years.join(", ")],
        ["Q1 ИСБ (ПРОЦЕНТИЛЬ.ВКЛ)", dec(r.swiQ1)],
        ["D9 доли обучающихся на учёте, %", dec(r.deviantD9)],
        ["Среднее: доля с неродным русским языком, %", dec(r.nonNativeMean)],
        ["Регрессия результата на ИСБ: наклон / свободный член", `${dec(reg.slope, 4)} / ${dec(reg.intercept, 4)}`],
        ["Регрессия: R², n, σ остатков", `${dec(reg.r2, 3)}; ${reg.n}; ${dec(reg.sigma, 4)}`],
        ...(reg.note === null ? [] : [["Регрессия: примечание", reg.note]]),
      ],
      [60, 40],
    ),
  );
  return out;
}

function regionSection(result: AnalysisResult, charts: boolean): FileChild[] {
  const out: FileChild[] = [heading("2. Регион в цифрах", 1), heading("2.1. Категории школ", 2)];
  const n = result.schools.length;
  const counts = categoryCounts(result);
  const shnor = result.schools.filter((s) => s.shnor).length;
  const shnsu = result.schools.filter((s) => s.shnsu).length;
  out.push(
    para(
      `В ${result.region.latestYear ?? "последнем"} году из ${n} школ региона ${shnor} отнесены к ШНОР, ${shnsu} — к ШНСУ ` +
        `(из них к обеим категориям — ${counts.find((c) => c.category === "ШНОР и ШНСУ")?.count ?? 0}); ` +
        `в зоне риска — ${counts.find((c) => c.category === "Зона риска")?.count ?? 0}.`,
    ),
  );
  out.push(table(["Категория", "Школ", "Доля"], counts.map((c) => [c.category, c.count, pct(n > 0 ? c.count / n : null)]), [50, 25, 25]));
  if (charts && n > 0)
    out.push(
      ...chart(
        () =>
          new ChartRun({
            type: "column",
            title: "Школы по категориям",
            categories: counts.map((c) => c.category),
            series: [{ name: "Школ", values: counts.map((c) => c.count) }],
            legend: false,
            transformation: { width: 560, height: 260 },
          }),
      ),
    );

  out.push(heading("2.2. Динамика", 2));
  const d = result.dynamics;
  if (d.region.length === 0) out.push(para("Данных о динамике нет."));
  else {
    out.push(
      table(
        ["Год", "Школ", "Индекс низких", "Изменение", "Индекс массовых", "Изменение", "ШНОР", "ШНСУ", "Зона риска"],
        d.region.map((y) => [y.year, y.schools, pct(y.lowIndex), pp(y.lowChange), pct(y.massIndex), pp(y.massChange), y.shnor, y.shnsu, y.riskZone]),
      ),
    );
    if (charts && d.region.length > 0)
      out.push(
        ...chart(
          () =>
            new ChartRun({
              type: "line",
              title: "Индексы низких и массовых результатов по годам",
              categories: d.region.map((y) => String(y.year)),
              series: [
                { name: "Индекс низких результатов", values: d.region.map((y) => (y.lowIndex === null ? null : Math.round(y.lowIndex * 1000) / 10)) },
                { name: "Индекс массовых результатов", values: d.region.map((y) => (y.massIndex === null ? null : Math.round(y.massIndex * 1000) / 10)) },
              ],
              markers: true,
              transformation: { width: 560, height: 260 },
            }),
        ),
      );
  }
  for (const note of d.notes) out.push(para(note, { italic: true }));

  out.push(heading("2.3. Муниципалитеты", 2));
  const m = result.municipalities;
  out.push(
    table(
      ["Муниципалитет", "Школ", "ШНОР", "ШНСУ", "ШНОР ∪ ШНСУ", "Доля ШНОР ∪ ШНСУ"],
      m.map((x) => [x.name, x.schools, x.shnor, x.shnsu, x.shnorOrShnsu, pct(x.share)]),
      [40, 10, 10, 10, 15, 15],
    ),
  );
  if (charts && m.length > 0)
    out.push(
      ...chart(
        () =>
          new ChartRun({
            type: "bar",
            title: "Доля ШНОР ∪ ШНСУ по муниципалитетам, %",
            categories: m.map((x) => x.name),
            series: [{ name: "Доля ШНОР ∪ ШНСУ, %", values: m.map((x) => Math.round(x.share * 1000) / 10) }],
            legend: false,
            transformation: { width: 560, height: Math.min(900, 80 + 18 * m.length) },
          }),
      ),
    );
  return out;
}

const LIST_TITLES: Readonly<Record<ListKind, string>> = {
  shnor: "Перечень школ с низкими образовательными результатами (ШНОР)",
  shnsu: "Перечень школ, функционирующих в неблагоприятных социальных условиях (ШНСУ)",
  riskZone: "Перечень школ зоны риска снижения образовательных результатов",
};

function listTable(rows: readonly ListRow[]): Table {
  return table(
    ["№", "Муниципалитет", "Код ОО", "Наименование ОО", "Категория", "Основание"],
    rows.map((r) => [r.n, r.municipality, r.id, r.name, r.category, r.basis]),
    [5, 15, 8, 24, 10, 38],
  );
}

function listSection(result: AnalysisResult, kind: ListKind, number: number): FileChild[] {
  const rows = handoverList(result, kind);
  const out: FileChild[] = [heading(`${number}. ${LIST_TITLES[kind]}`, 1)];
  out.push(para(rows.length === 0 ? "Таких школ нет." : `Школ в перечне: ${rows.length}.`));
  if (rows.length > 0) out.push(listTable(rows));
  return out;
}

function nonObjectivitySection(result: AnalysisResult, number: number): FileChild[] {
  const latest = result.region.latestYear;
  const schools = result.schools.filter((s) => s.nonObjectivityCount > 0);
  const out: FileChild[] = [heading(`${number}. Школы с признаками необъективности результатов`, 1)];
  out.push(
    para(
      "Признаки необъективности — требуется проверка; это не вывод о необъективности. " +
        (schools.length === 0 ? "В последнем году таких школ нет." : `В последнем году признаки найдены у ${schools.length} школ.`),
    ),
  );
  if (schools.length > 0)
    out.push(
      table(
        ["Муниципалитет", "Код ОО", "Наименование ОО", "Списков", "Процедуры", "Признаки"],
        sortSchools(schools).map((s) => [
          s.municipality,
          s.id,
          s.name,
          s.nonObjectivityCount,
          [...new Set(s.procedures.filter((p) => p.year === latest && p.nonObjective).map((p) => p.procedure))].join(", "),
          s.reasons.filter((r) => r.includes("необъектив")).join("; "),
        ]),
        [15, 8, 22, 7, 13, 35],
      ),
    );
  return out;
}

function sortSchools(schools: readonly SchoolResult[]): SchoolResult[] {
  return schools.slice().sort((a, b) => a.municipality.localeCompare(b.municipality, "ru") || a.name.localeCompare(b.name, "ru") || (a.id < b.id ? -1 : 1));
}

function mentorsSection(result: AnalysisResult, number: number): FileChild[] {
  const shnor = sortSchools(result.schools.filter((s) => s.shnor));
  const p = result.methodology.parameters as Partial<MethodologyParameters>;
  const out: FileChild[] = [heading(`${number}. Школы-наставники для ШНОР`, 1)];
  out.push(
    para(
      "Кандидаты в школы-кураторы: группа «эффективная» (без регрессии — индекс массовых результатов выше регионального), не ШНОР, без признаков необъективности, " +
        `тот же тип местности, ИСБ в пределах ${String(p.mentorSwiWindow ?? "—").replace(".", ",")} пунктов; сначала свой муниципалитет, затем ближайшие по ИСБ; не больше ${String(p.mentorMaxCount ?? "—")}.`,
    ),
  );
  if (shnor.length === 0) {
    out.push(para("ШНОР нет."));
    return out;
  }
  const rows: string[][] = [];
  for (const s of shnor) {
    const mentors = s.mentors ?? [];
    rows.push([
      `${s.name} (${s.id}), ${s.municipality}, ИСБ ${dec(s.swi)}`,
      mentors.length === 0 ? "не найден" : mentors.map((m, i) => `${i + 1}. ${m.name} (${m.id}), ${m.municipality}, ИСБ ${dec(m.swi)}${m.group === null ? "" : `, ${GROUP_NAMES[m.group]}`}`).join("\n"),
      s.mentorsNote ?? "",
    ]);
  }
  out.push(table(["ШНОР", "Кандидаты", "Как подобраны"], rows, [30, 40, 30]));
  return out;
}

function recommendationsSection(result: AnalysisResult, number: number): FileChild[] {
  const schools = sortSchools(result.schools.filter((s) => (s.recommendations ?? []).length > 0));
  const out: FileChild[] = [heading(`${number}. Адресные рекомендации`, 1)];
  out.push(
    para(
      "Каждой школе — меры по её собственным основаниям: категории ШНОР и ШНСУ, правила и типы, признаки необъективности и факторы риска; одна мера не повторяется. " +
        (schools.length === 0 ? "Школ с рекомендациями нет." : `Рекомендации адресованы ${schools.length} школам.`),
    ),
  );
  for (const s of schools) {
    out.push(new Paragraph({ style: "SchoolHead", children: [new TextRun(`${s.name} (${s.id}), ${s.municipality} — ${s.category}`)] }));
    for (const r of s.recommendations ?? []) out.push(measure(r.text, r.basis));
  }
  return out;
}

/**
 * The report as a docx {@link Document}.
 *
 * @example
 * const doc = buildReport(result, { date: "2025-06-30", source: "регион.xlsx" });
 */
export function buildReport(result: AnalysisResult, context: ReportContext): Document {
  const charts = context.charts ?? true;
  const title: FileChild[] = [
    para("Аналитическая справка", { bold: true, size: 32, align: AlignmentType.CENTER }),
    para("по результатам выявления школ с низкими образовательными результатами (ШНОР) и школ, функционирующих в неблагоприятных социальных условиях (ШНСУ)", {
      size: 26,
      align: AlignmentType.CENTER,
    }),
    para(
      `Методика: ${result.methodology.name}. Год выявления: ${result.region.latestYear ?? "—"}. Школ: ${result.schools.length}. Дата: ${context.date}.` +
        (context.source === undefined ? "" : ` Исходные данные: ${context.source}.`),
      { align: AlignmentType.CENTER },
    ),
    para(charts ? "Диаграммы построены по данным справки." : "Диаграммы в эту справку не включены: данные для них — в таблицах разделов 2.1–2.3.", {
      italic: true,
      size: TABLE_SIZE,
      align: AlignmentType.CENTER,
    }),
    para("Содержание", { bold: true, size: 28, align: AlignmentType.LEFT }),
    new TableOfContents("Содержание", { hyperlink: true, headingStyleRange: "1-2" }),
  ];
  const body: FileChild[] = [
    ...methodologySection(result),
    ...regionSection(result, charts),
    ...listSection(result, "shnor", 3),
    ...listSection(result, "shnsu", 4),
    ...nonObjectivitySection(result, 5),
    ...listSection(result, "riskZone", 6),
    ...mentorsSection(result, 7),
    ...recommendationsSection(result, 8),
  ];
  return new Document({
    creator: "ШНОР",
    title: "Аналитическая справка ШНОР и ШНСУ",
    description: `Методика: ${result.methodology.name}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: "Body", name: "Текст справки", run: { font: FONT, size: BODY_SIZE }, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 } } },
        { id: "Cell", name: "Текст таблицы", run: { font: FONT, size: TABLE_SIZE }, paragraph: { spacing: { before: 0, after: 0 } } },
        { id: "CellHead", name: "Заголовок таблицы", basedOn: "Cell", run: { font: FONT, size: TABLE_SIZE, bold: true }, paragraph: { spacing: { before: 0, after: 0 } } },
        { id: "SchoolHead", name: "Школа", run: { font: FONT, size: BODY_SIZE, bold: true }, paragraph: { keepNext: true, spacing: { before: 160, after: 60 } } },
        { id: "Measure", name: "Мера", run: { font: FONT, size: BODY_SIZE }, paragraph: { indent: { left: 567, hanging: 283 }, spacing: { after: 60 } } },
      ],
      characterStyles: [{ id: "Basis", name: "Основание меры", run: { italics: true, size: TABLE_SIZE } }],
    },
    features: { updateFields: true },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 850 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["Страница ", PageNumber.CURRENT, " из ", PageNumber.TOTAL_PAGES], size: TABLE_SIZE, font: FONT })],
              }),
            ],
          }),
        },
        children: [...title, ...body],
      },
    ],
  });
}

/** The report's bytes (.docx). */
export async function reportBytes(result: AnalysisResult, context: ReportContext): Promise<Uint8Array> {
  return Packer.pack(buildReport(result, context), "uint8array");
}
