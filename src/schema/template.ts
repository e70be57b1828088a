/**
 * The input template as data, for the `template` command and the task pane's "insert template":
 * sheets with their headers in order, drop-down lists, and example `Шкалы` rows.
 */
import type { Scale } from "../engine/types";
import { columnList, type ColumnType, type SheetId } from "./columns";
import type { CellValue } from "./raw";
import { INPUT_SHEETS, SCALES_SHEET } from "./sheets";
import { CANONICAL_PROCEDURES } from "./values";
import { RISK_PROFILE_LEVELS } from "../engine/risk/profile";

/** Drop-down lists of the template. */
export const TEMPLATE_LISTS = {
  yesNo: ["да", "нет"],
  locality: ["город", "село"],
  procedures: CANONICAL_PROCEDURES,
} as const satisfies Readonly<Record<string, readonly string[]>>;

export interface TemplateColumn {
  readonly header: string;
  /** Engine field the column fills; `null` for a column that is for people only. */
  readonly field: string | null;
  readonly type: ColumnType | null;
  readonly required: boolean;
  /** Values of the cell's drop-down list, or `null` for a free cell. */
  readonly list: readonly string[] | null;
  /** Russian hint (a cell comment or a note row). */
  readonly note: string;
}

export interface TemplateSheet {
  readonly id: SheetId;
  readonly name: string;
  /** Whether the analyst must fill the sheet (Результаты or Баллы: at least one of them). */
  readonly required: boolean;
  readonly columns: readonly TemplateColumn[];
}

/** Column that marks the example rows of `Шкалы`; parsing ignores it. */
export const EXAMPLE_NOTE_HEADER = "Примечание";
export const EXAMPLE_NOTE = "пример — сверьте со спецификацией и рекомендациями текущего года";

function listFor(type: ColumnType): readonly string[] | null {
  if (type === "bool") return TEMPLATE_LISTS.yesNo;
  if (type === "locality") return TEMPLATE_LISTS.locality;
  if (type === "procedure") return TEMPLATE_LISTS.procedures;
  return null;
}

const REQUIRED: Readonly<Record<SheetId, boolean>> = { schools: true, results: false, scores: false, scales: true, municipalIndicators: false, recommendations: false, riskProfiles: false };

/** The four input sheets with headers in template order. */
export const TEMPLATE_SHEETS: readonly TemplateSheet[] = INPUT_SHEETS.map((def) => {
  const columns: TemplateColumn[] = columnList(def).map(({ field, def: col }) => ({
    header: col.header,
    field,
    type: col.type,
    required: col.required,
    list: def.id === "riskProfiles" && field !== "schoolId" ? RISK_PROFILE_LEVELS : listFor(col.type),
    note: col.note,
  }));
  if (def.id === "scales") {
    columns.push({ header: EXAMPLE_NOTE_HEADER, field: null, type: null, required: false, list: null, note: "пометка для людей; не читается" });
  }
  return { id: def.id, name: def.name, required: REQUIRED[def.id], columns };
});

/** A `Шкалы` row shipped as an example: the analyst must confirm it for the year. */
export interface ExampleScale extends Scale {
  readonly example: true;
}

type Row = readonly [subject: string, max: number, cut3: number, cut4: number, cut5: number, mass: boolean];

/**
 * ВПР: primary-score scales and mark cut-offs as in ФИОКО's 2024 recommendations, as far as we
 * know them. They change from year to year and MUST be confirmed against the year's
 * recommendations. ВПР has no official minimum: the score for «3» stands for it, and the score
 * for «5» for the high score. Russian and maths (and «Окружающий мир» in grade 4) are written by
 * the whole grade; the other subjects are assigned at random, hence not mass.
 */
const VPR: Readonly<Record<number, readonly Row[]>> = {
  4: [
    ["Русский язык", 38, 14, 24, 33, true],
    ["Математика", 20, 6, 10, 15, true],
    ["Окружающий мир", 32, 8, 18, 26, true],
  ],
  5: [
    ["Русский язык", 45, 18, 29, 39, true],
    ["Математика", 20, 7, 12, 16, true],
    ["История", 15, 4, 8, 12, false],
    ["Биология", 29, 12, 18, 24, false],
  ],
  6: [
    ["Русский язык", 51, 25, 35, 45, true],
    ["Математика", 20, 6, 10, 14, true],
    ["История", 20, 6, 11, 16, false],
    ["Биология", 24, 10, 15, 20, false],
    ["География", 37, 10, 20, 30, false],
    ["Обществознание", 23, 8, 14, 19, false],
  ],
  7: [
    ["Русский язык", 47, 20, 29, 39, true],
    ["Математика", 19, 7, 12, 16, true],
    ["История", 25, 7, 13, 19, false],
    ["Биология", 28, 11, 18, 24, false],
    ["География", 37, 10, 20, 30, false],
    ["Обществознание", 23, 8, 14, 19, false],
    ["Физика", 18, 5, 8, 11, false],
  ],
  8: [
    ["Русский язык", 51, 23, 34, 44, true],
    ["Математика", 25, 7, 13, 19, true],
    ["История", 24, 6, 12, 18, false],
    ["Биология", 28, 13, 20, 25, false],
    ["География", 37, 10, 20, 30, false],
    ["Обществознание", 23, 8, 14, 19, false],
    ["Физика", 18, 5, 8, 11, false],
  ],
};

/**
 * ОГЭ, grade 9: primary-score scales of FIPI's 2024 specifications and Рособрнадзор's 2024
 * recommendations for marks, as far as we know them; to be confirmed for the year. The minimum
 * is the score for «3», the high score that for «5». Russian and maths are compulsory.
 */
const OGE: readonly Row[] = [
  ["Русский язык", 33, 15, 23, 29, true],
  ["Математика", 31, 8, 15, 22, true],
  ["Физика", 45, 11, 22, 34, false],
  ["Химия", 40, 10, 21, 31, false],
  ["Биология", 48, 13, 24, 37, false],
  ["География", 31, 12, 19, 25, false],
  ["Обществознание", 37, 14, 24, 32, false],
  ["История", 37, 11, 21, 30, false],
  ["Информатика", 19, 5, 11, 17, false],
  ["Английский язык", 68, 29, 46, 58, false],
];

/**
 * ЕГЭ, grade 11: test scores 0–100 with Рособрнадзор's minimum scores (2024), 81 as a default
 * high score; no marks. «Математика базовая» is marked on the five-point scale from a primary
 * score 0–21 (7/12/17 for «3»/«4»/«5»). To be confirmed for the year.
 */
const EGE_MIN: readonly (readonly [subject: string, min: number, mass: boolean])[] = [
  ["Русский язык", 24, true],
  ["Математика профильная", 27, true],
  ["Физика", 36, false],
  ["Химия", 36, false],
  ["Информатика", 40, false],
  ["Биология", 36, false],
  ["История", 32, false],
  ["География", 37, false],
  ["Обществознание", 42, false],
  ["Литература", 32, false],
  ["Английский язык", 22, false],
];

/** Default B_top of ЕГЭ on the 100-point scale. */
export const EGE_HIGH_SCORE = 81;

function fromRow(procedure: string, grade: number, [subject, max, cut3, cut4, cut5, mass]: Row): ExampleScale {
  return { procedure, grade, subject, minScore: cut3, maxScore: max, highScore: cut5, mass, cut3, cut4, cut5, example: true };
}

/** Example `Шкалы` rows for the template: ВПР 4–8, ОГЭ 9, ЕГЭ 11. */
export const EXAMPLE_SCALES: readonly ExampleScale[] = [
  ...Object.entries(VPR).flatMap(([grade, rows]) => rows.map((r) => fromRow("ВПР", Number(grade), r))),
  ...OGE.map((r) => fromRow("ОГЭ", 9, r)),
  ...EGE_MIN.map(([subject, min, mass]): ExampleScale => ({
    procedure: "ЕГЭ", grade: 11, subject, minScore: min, maxScore: 100, highScore: EGE_HIGH_SCORE, mass, cut3: null, cut4: null, cut5: null, example: true,
  })),
  fromRow("ЕГЭ", 11, ["Математика базовая", 21, 7, 12, 17, true]),
];

/** A `Шкалы` row as cells in template column order, booleans as «да»/«нет», with the example note. */
export function scaleToRow(scale: Scale & { readonly example?: boolean }): CellValue[] {
  const cells: CellValue[] = columnList(SCALES_SHEET).map(({ field }) => {
    const v = (scale as unknown as Record<string, string | number | boolean | null>)[field] ?? null;
    return typeof v === "boolean" ? (v ? "да" : "нет") : v;
  });
  cells.push(scale.example === true ? EXAMPLE_NOTE : null);
  return cells;
}
