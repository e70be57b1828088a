/**
 * Issues of the workbook contract as data, and the one place that turns them into Russian text
 * and cell addresses. Checks create {@link IssueDraft}s with a code, a location and the
 * expected/received values; {@link toIssue} makes the message (STYLE.md, "Issues are data").
 */
import { plural } from "../engine/format";
import type { Issue, Severity } from "../engine/types";
import { FORMULA_WITHOUT_VALUE, type CellValue } from "./raw";

/** Every issue the schema can report. Severity is fixed per code, see {@link ISSUE_SEVERITY}. */
export const ISSUE_CODES = [
  // shape
  "sheet-missing",
  "results-sheet-missing",
  "sheet-duplicate",
  "header-row-not-found",
  "column-missing",
  "column-duplicate",
  "column-ignored",
  "sheet-no-rows",
  // normalise
  "cell-error",
  "value-missing",
  "not-a-number",
  "date-in-number-column",
  "not-an-integer",
  "not-a-boolean",
  "not-a-locality",
  "not-a-year",
  "percent-out-of-range",
  "negative-value",
  "grade-out-of-range",
  "year-out-of-range",
  "value-out-of-range",
  "academic-year",
  "fraction-percent",
  "unknown-procedure",
  // cross-row
  "spellings-merged",
  "duplicate-school-id",
  "duplicate-result",
  "duplicate-score",
  "duplicate-scale",
  "unknown-school",
  "scale-missing",
  "counts-inconsistent",
  "score-above-max",
  "scale-min-above-max",
  "scale-high-above-max",
  "scale-high-below-min",
  "scale-cuts-unordered",
  "results-overridden-by-scores",
  "scale-year-without-results",
  "issues-truncated",
  "no-results",
  "results-without-counts",
  "results-mean-only",
  // optional monitoring sheet
  "unknown-municipality",
  "duplicate-municipal-indicator",
  "unknown-indicator",
  // optional recommendations sheet (SPEC §12)
  "unknown-basis",
  // optional risk profile sheet (SPEC §7)
  "duplicate-risk-profile",
  "not-a-profile-level",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export const ISSUE_SEVERITY: Readonly<Record<IssueCode, Severity>> = {
  "sheet-missing": "error",
  "results-sheet-missing": "error",
  "sheet-duplicate": "warning",
  "header-row-not-found": "error",
  "column-missing": "error",
  "column-duplicate": "warning",
  "column-ignored": "info",
  "sheet-no-rows": "warning",
  "cell-error": "error",
  "value-missing": "error",
  "not-a-number": "error",
  "date-in-number-column": "error",
  "not-an-integer": "error",
  "not-a-boolean": "error",
  "not-a-locality": "error",
  "not-a-year": "error",
  "percent-out-of-range": "error",
  "negative-value": "error",
  "grade-out-of-range": "error",
  "year-out-of-range": "error",
  "value-out-of-range": "error",
  "academic-year": "info",
  "fraction-percent": "warning",
  "unknown-procedure": "info",
  "spellings-merged": "warning",
  "duplicate-school-id": "error",
  "duplicate-result": "error",
  "duplicate-score": "error",
  "duplicate-scale": "error",
  "unknown-school": "error",
  "scale-missing": "error",
  "counts-inconsistent": "error",
  "score-above-max": "error",
  "scale-min-above-max": "error",
  "scale-high-above-max": "error",
  "scale-high-below-min": "error",
  "scale-cuts-unordered": "error",
  "results-overridden-by-scores": "warning",
  "scale-year-without-results": "warning",
  "issues-truncated": "info",
  "no-results": "error",
  "results-without-counts": "error",
  "results-mean-only": "warning",
  "unknown-municipality": "warning",
  "duplicate-municipal-indicator": "error",
  "unknown-indicator": "info",
  "unknown-basis": "error",
  "duplicate-risk-profile": "error",
  "not-a-profile-level": "error",
};

/**
 * A short Russian name of each kind of issue, for a group of issues of one kind («Школы!F2:F300 —
 * 299 ячеек: ожидалось число») and for the note that counts the ones not listed.
 */
export const ISSUE_TITLES: Readonly<Record<IssueCode, string>> = {
  "sheet-missing": "нет обязательного листа",
  "results-sheet-missing": "нет листа с результатами",
  "sheet-duplicate": "лист похож на другой и не читается",
  "header-row-not-found": "не найдена строка заголовков",
  "column-missing": "нет обязательного столбца",
  "column-duplicate": "столбец повторяется",
  "column-ignored": "столбец не распознан",
  "sheet-no-rows": "на листе нет данных",
  "cell-error": "ошибка Excel в ячейке",
  "value-missing": "пустая обязательная ячейка",
  "not-a-number": "ожидалось число",
  "date-in-number-column": "дата в числовом столбце",
  "not-an-integer": "ожидалось целое число",
  "not-a-boolean": "ожидалось «да» или «нет»",
  "not-a-locality": "ожидалось «город» или «село»",
  "not-a-year": "ожидался год",
  "percent-out-of-range": "процент вне 0–100",
  "negative-value": "отрицательное значение",
  "grade-out-of-range": "класс вне допустимого",
  "year-out-of-range": "год вне допустимого",
  "value-out-of-range": "значение вне допустимого",
  "academic-year": "учебный год прочитан как год окончания",
  "fraction-percent": "доли прочитаны как проценты",
  "unknown-procedure": "процедура не из списка",
  "spellings-merged": "одно название записано по-разному",
  "duplicate-school-id": "код ОО повторяется",
  "duplicate-result": "строка результатов повторяется",
  "duplicate-score": "балл участника повторяется",
  "duplicate-scale": "шкала повторяется",
  "unknown-school": "код ОО нет на листе «Школы»",
  "scale-missing": "нет шкалы для процедуры",
  "counts-inconsistent": "числа участников не сходятся",
  "score-above-max": "балл больше максимального",
  "scale-min-above-max": "минимальный балл больше максимального",
  "scale-high-above-max": "высокий балл больше максимального",
  "scale-high-below-min": "высокий балл меньше минимального",
  "scale-cuts-unordered": "баллы отметок не по возрастанию",
  "results-overridden-by-scores": "результаты заменены баллами участников",
  "scale-year-without-results": "шкала года без результатов",
  "issues-truncated": "замечания не показаны",
  "no-results": "нет результатов процедур",
  "results-without-counts": "нет чисел участников для индексов",
  "results-mean-only": "только средний балл",
  "unknown-municipality": "муниципалитета нет на листе «Школы»",
  "duplicate-municipal-indicator": "ответ повторяется",
  "unknown-indicator": "показатель не из перечня",
  "unknown-basis": "основание рекомендации не найдено",
  "duplicate-risk-profile": "школа повторяется в профиле рисков",
  "not-a-profile-level": "неизвестный уровень риска в профиле",
};

/** What to do about an issue of a kind, where one short hint fits every cell of the kind. */
export const ISSUE_HINTS: Readonly<Partial<Record<IssueCode, string>>> = {
  "not-a-number": "оставьте ячейку пустой, если данных нет",
  "not-an-integer": "оставьте ячейку пустой, если данных нет",
  "date-in-number-column": "задайте ячейке числовой формат и введите число",
  "cell-error": "исправьте формулу или замените её значением",
  "value-missing": "заполните ячейку или удалите строку",
  "unknown-school": "добавьте школу на лист «Школы» или исправьте код",
  "scale-missing": "добавьте строку на лист «Шкалы»",
  "percent-out-of-range": "проценты — числа от 0 до 100",
};

/** What a cell should have held; the formatter turns it into "ожидалось …". */
export type Expectation =
  | { readonly kind: "number"; readonly integer: boolean; readonly min: number | null; readonly max: number | null }
  | { readonly kind: "year"; readonly min: number; readonly max: number }
  | { readonly kind: "bool" }
  | { readonly kind: "locality" }
  | { readonly kind: "value" };

/** An issue before its message is made. `row`/`column` are 0-based indices into the sheet. */
export interface IssueDraft {
  readonly code: IssueCode;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: number | null;
  readonly received?: CellValue;
  readonly expected?: Expectation;
  /** Code-specific facts for the message (header names, keys, counts, row numbers). */
  readonly details?: Readonly<Record<string, string | number>>;
}

/** An issue of the schema: the engine's {@link Issue} with its code narrowed. */
export interface SchemaIssue extends Issue {
  readonly code: IssueCode;
  /**
   * `issues-truncated` only: the kind of the issues not listed, how many, and the cell of the
   * last of them (so that a list can say «Баллы!G2:G151 — 150 ячеек» exactly).
   */
  readonly truncated?: { readonly of: IssueCode; readonly count: number; readonly lastCell: string | null };
}

/** Column letters of a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of 0-based row and column indices: (11, 5) → "F12". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** Sheet-qualified reference as Excel writes it: ("Школы", "F12") → "Школы!F12"; quotes names with spaces. */
export function formatCellRef(sheet: string, cell: string): string {
  const needsQuotes = /[\s'!()\-,;{}]/u.test(sheet);
  const name = needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${cell}`;
}

/** A number as Russian text: 12.5 → "12,5". */
export function formatNumberRu(n: number): string {
  return String(n).replace(".", ",");
}

function receivedText(v: CellValue | undefined): string {
  if (v === undefined || v === null) return "пусто";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  if (typeof v === "number") return formatNumberRu(v);
  return v;
}

function expectedText(e: Expectation | undefined): string {
  if (e === undefined) return "ожидалось значение";
  switch (e.kind) {
    case "number": {
      const noun = e.integer ? "целое число" : "число";
      if (e.min !== null && e.max !== null) return `ожидалось ${noun} от ${formatNumberRu(e.min)} до ${formatNumberRu(e.max)}`;
      if (e.min !== null) return `ожидалось ${noun} не меньше ${formatNumberRu(e.min)}`;
      if (e.max !== null) return `ожидалось ${noun} не больше ${formatNumberRu(e.max)}`;
      return `ожидалось ${noun}`;
    }
    case "year":
      return `ожидался год от ${e.min} до ${e.max} (например, 2024 или 2023/2024)`;
    case "bool":
      return "ожидалось «да» или «нет»";
    case "locality":
      return "ожидалось «город» или «село»";
    case "value":
      return "ожидалось значение";
  }
}

function d(draft: IssueDraft, key: string): string {
  const v = draft.details?.[key];
  return v === undefined ? "" : typeof v === "number" ? formatNumberRu(v) : v;
}

/** "2 строки (строки 2–3)" of a group of rows. */
function rowsText(draft: IssueDraft): string {
  const n = Number(draft.details?.["rows"] ?? 0);
  const first = d(draft, "firstRow");
  const last = d(draft, "lastRow");
  return `${n} ${plural(n, "строка", "строки", "строк")} (${first === last ? `строка ${first}` : `строки ${first}–${last}`})`;
}

function body(draft: IssueDraft): string {
  const got = `«${receivedText(draft.received)}»`;
  switch (draft.code) {
    case "sheet-missing":
      return `нет обязательного листа «${d(draft, "sheet")}» (ожидаемые названия: ${d(draft, "names")})`;
    case "results-sheet-missing":
      return "нет ни листа «Результаты», ни листа «Баллы»: нужен хотя бы один из них";
    case "sheet-duplicate":
      return `${d(draft, "otherHidden") === "да" ? "скрытый " : ""}лист «${d(draft, "other")}» тоже похож на лист «${d(draft, "sheet")}» и не читается; используется «${draft.sheet ?? ""}»`;
    case "header-row-not-found":
      return `в первых ${d(draft, "rows")} строках не найдена строка заголовков (например, «${d(draft, "example")}»)`;
    case "column-missing":
      return `нет обязательного столбца «${d(draft, "header")}»`;
    case "column-duplicate":
      return `столбец «${d(draft, "header")}» повторяет столбец ${d(draft, "first")} и не читается`;
    case "column-ignored":
      return `столбец «${d(draft, "header")}» не распознан и не читается`;
    case "sheet-no-rows":
      return "на листе нет строк с данными";
    case "cell-error":
      if (typeof draft.received === "object" && draft.received?.error === FORMULA_WITHOUT_VALUE) {
        return "формула без вычисленного значения: откройте и сохраните книгу в Excel";
      }
      return `ошибка Excel ${got} в ячейке — ${expectedText(draft.expected)}`;
    case "value-missing":
      return `пустая ячейка в обязательном столбце «${d(draft, "header")}»`;
    case "date-in-number-column":
      return `дата ${d(draft, "date")} в числовом столбце «${d(draft, "header")}» — введите число`;
    case "not-a-number":
    case "not-an-integer":
    case "not-a-boolean":
    case "not-a-locality":
    case "not-a-year":
    case "percent-out-of-range":
    case "negative-value":
    case "grade-out-of-range":
    case "year-out-of-range":
    case "value-out-of-range":
      return `${got} — ${expectedText(draft.expected)}`;
    case "academic-year":
      return `${got} прочитан как ${d(draft, "year")} год (год окончания учебного года)`;
    case "fraction-percent":
      return `все значения столбца «${d(draft, "header")}» лежат от 0 до 1 — прочитаны как доли и умножены на 100`;
    case "unknown-procedure":
      return `процедура ${got} не из списка ВПР, ОГЭ, ЕГЭ, РДР — используется как есть`;
    case "spellings-merged":
      return `${d(draft, "what")} записан по-разному: ${d(draft, "spellings")} — читается как один, «${d(draft, "chosen")}»${d(draft, "from") === "" ? "" : ` (как на листе «${d(draft, "from")}»)`}`;
    case "duplicate-school-id":
      return `код ОО ${got} уже встречался в строке ${d(draft, "firstRow")}`;
    case "duplicate-result":
      return `строка ${d(draft, "key")} уже встречалась в строке ${d(draft, "firstRow")}`;
    case "duplicate-score":
      return `балл участника ${d(draft, "key")} уже встречался в строке ${d(draft, "firstRow")}`;
    case "duplicate-scale":
      return `шкала ${d(draft, "key")} уже задана в строке ${d(draft, "firstRow")}`;
    case "unknown-school":
      if (d(draft, "twin") !== "") {
        return `код ОО ${got} нет на листе «Школы», но там есть «${d(draft, "twin")}»: похоже, потерян ведущий ноль (число в формате «00000» хранит код без нулей) — задайте столбцу «Код ОО» текстовый формат и введите коды заново`;
      }
      return `код ОО ${got} нет на листе «Школы»`;
    case "scale-missing":
      return `нет строки на листе «Шкалы» для ${d(draft, "key")}`;
    case "counts-inconsistent":
      return `${d(draft, "left")} = ${d(draft, "leftValue")} больше, чем ${d(draft, "right")} = ${d(draft, "rightValue")}`;
    case "score-above-max":
      return `${got} больше максимального балла ${d(draft, "max")} для ${d(draft, "key")}`;
    case "scale-min-above-max":
      return `минимальный балл ${d(draft, "min")} больше максимального ${d(draft, "max")}`;
    case "scale-high-above-max":
      return `высокий балл ${d(draft, "high")} больше максимального ${d(draft, "max")}`;
    case "scale-high-below-min":
      return `высокий балл ${d(draft, "high")} меньше минимального ${d(draft, "min")}`;
    case "scale-cuts-unordered":
      return `баллы для отметок должны расти и не превышать максимум ${d(draft, "max")}: ${d(draft, "cuts")}`;
    case "results-overridden-by-scores":
      return `для ${d(draft, "key")} есть баллы участников на листе «Баллы»; показатели строк листа «Результаты» (${d(draft, "rows")} шт.) не используются, кроме численности параллели`;
    case "scale-year-without-results":
      return `строка шкалы относится к ${d(draft, "year")} году, а результатов за этот год нет — строка не используется`;
    case "issues-truncated":
      return `ещё ${d(draft, "count")} таких же замечаний («${ISSUE_TITLES[draft.details?.["of"] as IssueCode] ?? d(draft, "of")}») не показаны`;
    case "no-results":
      return "нет ни одной строки результатов: листы «Результаты» и «Баллы» пусты — выявлять не из чего. Заполните хотя бы один из них (или вставьте шаблон с демо-регионом)";
    case "results-without-counts":
      return `${d(draft, "procedure")} ${d(draft, "year")} года: ${rowsText(draft)}, но ни в одной нет чисел участников «Ниже Bmin», «Не ниже Bmid», «Не ниже Btop», «Отметка «2»», «Отметки «4» и «5»» и нет баллов на листе «Баллы» — индексы посчитать не из чего. Заполните эти столбцы или добавьте баллы участников`;
    case "results-mean-only":
      return `${d(draft, "procedure")} ${d(draft, "year")} года: ${rowsText(draft)} только со средним баллом — индексы низких и массовых результатов не вычисляются, средний балл нужен лишь правилу Новолакского района`;
    case "unknown-municipality":
      return `муниципалитета ${got} нет на листе «Школы» — строка не учитывается`;
    case "duplicate-municipal-indicator":
      return `ответ ${d(draft, "key")} уже дан в строке ${d(draft, "firstRow")}`;
    case "unknown-indicator":
      return `показатель ${got} не из перечня мониторинга (аналитическая справка, распространение успешных практик, мониторинг ресурсов зоны риска) — учитывается как отдельный показатель да/нет`;
    case "duplicate-risk-profile":
      return `профиль школы ${got} уже задан в строке ${d(draft, "firstRow")}`;
    case "not-a-profile-level":
      return `${got} — ожидалось «да», «нет» или уровень профиля рисков: «высокий», «средний», «низкий», «нет риска»`;
    case "unknown-basis":
      return `основание ${got} не найдено: укажите фактор риска (как на листе «Итоги»), «ШНОР», «ШНОР (R1)», «ШНСУ», тип (T1–T6) или «Признаки необъективности» (полный список — лист «Адресные рекомендации» результата)`;
  }
}

/** Location prefix: "Школы!F12", or the sheet alone, or nothing. */
function location(draft: IssueDraft): { cell: string | null; prefix: string } {
  if (draft.sheet === null) return { cell: null, prefix: "" };
  if (draft.row === null) {
    const cell = draft.column === null ? null : columnLetters(draft.column);
    return { cell: null, prefix: cell === null ? `Лист «${draft.sheet}»: ` : `Лист «${draft.sheet}», столбец ${cell}: ` };
  }
  const cell = cellAddress(draft.row, draft.column ?? 0);
  return { cell, prefix: `${formatCellRef(draft.sheet, cell)}: ` };
}

/** The one formatter: a draft becomes an {@link Issue} with its Russian message. */
export function toIssue(draft: IssueDraft): SchemaIssue {
  const { cell, prefix } = location(draft);
  const issue: SchemaIssue = {
    severity: ISSUE_SEVERITY[draft.code],
    code: draft.code,
    sheet: draft.sheet,
    cell,
    message: prefix + body(draft),
  };
  if (draft.code !== "issues-truncated") return issue;
  const lastRow = draft.details?.["lastRow"];
  const lastCell = typeof lastRow === "number" ? cellAddress(lastRow, draft.column ?? 0) : null;
  return { ...issue, truncated: { of: draft.details?.["of"] as IssueCode, count: Number(draft.details?.["count"] ?? 0), lastCell } };
}
