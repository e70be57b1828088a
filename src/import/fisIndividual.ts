/**
 * ФИС ОКО «Индивидуальные результаты» (FORMATS.md): one sheet per subject and grade, a title
 * block, a header row found by content, school rows «МБОУ …(edu203389) | Кол-во участников: 89»
 * and participant rows keyed by the school's login. Maps to «Баллы» with `Отметка по журналу`.
 */
import type { CellValue, RawSheet } from "../schema/raw";
import { columnPicker, filled, isBlank, isBlankMarker, markOf, numberOf, rowAt, cellText } from "./cells";
import { readFisTitle } from "./fisTitle";
import type { SheetReport } from "./model";
import { SheetScore, type SheetContext } from "./sheetContext";

/** Rows searched for the header. */
export const HEADER_SEARCH = 60;

const LOGIN = /\b(edu\d{4,})\b/i;

export interface IndividualColumns {
  readonly login: number;
  readonly municipality: number;
  readonly schoolName: number;
  readonly participant: number;
  readonly score: number;
  readonly mark: number;
  readonly journal: number;
}

function columnsOf(cells: readonly CellValue[]): IndividualColumns | null {
  const pick = columnPicker(cells);
  const participant = pick("код участника");
  const score = pick("первичный балл");
  if (participant < 0 || score < 0) return null;
  return {
    login: pick("оо", "логин оо", "логин", "код оо"),
    municipality: pick("муниципалитет", "муниципальный район", "муниципальное образование", "мо"),
    schoolName: pick("название оо", "наименование оо", "краткое наименование оо"),
    participant,
    score,
    mark: pick("отметка", "оценка"),
    journal: pick("отметка по журналу", "отметка за предыдущий период по журналу", "отметка за предыдущую четверть по журналу"),
  };
}

/**
 * The header: the first row naming both «Код участника» and «Первичный балл», or two rows that do
 * together (a header spread over two merged rows). Returns the columns and the first data row.
 */
export function findIndividualHeader(sheet: RawSheet): { row: number; dataStart: number; columns: IndividualColumns } | null {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH);
  for (let r = 0; r < limit; r++) {
    const row = rowAt(sheet, r);
    const single = columnsOf(row);
    if (single !== null) {
      // A second header row below (task numbers under a merged «Выполнение заданий») may add columns.
      const below = rowAt(sheet, r + 1);
      const merged = columnsOf(mergeRows(row, below));
      return { row: r, dataStart: r + 1, columns: merged ?? single };
    }
    const two = columnsOf(mergeRows(row, rowAt(sheet, r + 1)));
    if (two !== null) return { row: r, dataStart: r + 2, columns: two };
  }
  return null;
}

/** Column-wise: the upper row's cell, or the lower row's where the upper is blank (merged headers). */
function mergeRows(upper: readonly CellValue[], lower: readonly CellValue[]): CellValue[] {
  const n = Math.max(upper.length, lower.length);
  const out: CellValue[] = [];
  for (let c = 0; c < n; c++) out.push(isBlank(upper[c]) ? (lower[c] ?? null) : (upper[c] ?? null));
  return out;
}

/** A school row: one to three cells, the login in brackets, maybe «Кол-во участников: 89». */
function schoolRow(row: readonly CellValue[]): { login: string; name: string; declared: number | null } | null {
  const cells = filled(row);
  if (cells.length === 0 || cells.length > 3) return null;
  const text = cells.map((x) => cellText(x.v)).join(" | ");
  const m = LOGIN.exec(text);
  if (m === null) return null;
  const name = text.slice(0, m.index).replace(/[(\s|]+$/u, "").trim();
  const count = /кол-?во\s+участников\s*:?\s*\|?\s*(\d+)/iu.exec(text);
  return { login: (m[1] ?? "").toLowerCase(), name, declared: count === null ? null : Number(count[1]) };
}

export function readFisIndividual(ctx: SheetContext): SheetReport {
  const sheet = ctx.sheet;
  const header = findIndividualHeader(sheet);
  const base = { file: ctx.file, sheet: sheet.name, form: "fisIndividual" as const, procedure: "ВПР" };
  const empty = (): SheetReport => ({ ...base, subjects: [], grades: [], years: [], schools: 0, rows: 0, leftOut: 0, reasons: ctx.reasons() });
  if (header === null) {
    ctx.issue("error", "header-missing", 0, 0, "не найдена строка заголовков с «Код участника» и «Первичный балл»; лист пропущен");
    return empty();
  }
  const title = readFisTitle(sheet, header.row);
  if (title === null) {
    ctx.issue("error", "title-missing", 0, 0, "не найден заголовок «ВПР ‹год› ‹предмет› ‹N› класс» над таблицей: год, предмет и класс неизвестны; лист пропущен");
    return empty();
  }
  const cols = header.columns;
  if (title.max !== null && title.maxAt !== null) {
    ctx.sink.declaredMax({ procedure: "ВПР", grade: title.grade, subject: title.subject, year: title.year, max: title.max, where: ctx.where(title.maxAt.row, title.maxAt.column) });
  }
  const schools = new Set<string>();
  let rows = 0;
  let current: { login: string; declared: number | null; row: number; seen: number } | null = null;
  const closeSchool = (): void => {
    if (current !== null && current.declared !== null && current.declared !== current.seen) {
      ctx.issue("warning", "count-mismatch", current.row, 0, `у школы ${current.login} заявлено участников: ${current.declared}, строк участников: ${current.seen}`);
    }
  };
  let lastLoginCell: CellValue | undefined;
  let lastLogin: string | null = null;
  for (let r = header.dataStart; r < sheet.rows.length; r++) {
    const row = rowAt(sheet, r);
    if (row.length === 0 || row.every((v) => isBlank(v))) continue;
    const participantCell = row[cols.participant];
    const loginCell = cols.login >= 0 ? row[cols.login] : undefined;
    if (isBlank(participantCell)) {
      const sr = schoolRow(row);
      if (sr !== null) {
        closeSchool();
        current = { login: sr.login, declared: sr.declared, row: r, seen: 0 };
        ctx.sink.school({ code: sr.login, kind: "login", name: sr.name === "" ? null : sr.name, municipality: null, where: ctx.where(r, 0) });
        continue;
      }
      // Sub-headers (task numbers), totals and notes carry no score: nothing to leave out.
      if (isBlankMarker(row[cols.score])) continue;
      ctx.leaveOut(r, cols.participant, "нет кода участника");
      continue;
    }
    // A school's rows repeat its login cell: the last one's reading is reused.
    if (loginCell !== lastLoginCell || lastLogin === null) {
      lastLoginCell = loginCell;
      lastLogin = typeof loginCell === "string" ? (LOGIN.exec(loginCell)?.[1]?.toLowerCase() ?? loginCell.trim()) : loginCell === undefined || loginCell === null ? "" : cellText(loginCell);
    }
    let login = lastLogin;
    if (login === "" && current !== null) login = current.login;
    if (current !== null && login === current.login) current.seen += 1;
    if (login === "") {
      ctx.leaveOut(r, cols.login >= 0 ? cols.login : 0, "не указана школа (логин ОО)");
      continue;
    }
    const scoreCell = row[cols.score];
    const score = numberOf(scoreCell);
    if (score === null || score < 0) {
      ctx.leaveOut(r, cols.score, isBlankMarker(scoreCell) ? "нет первичного балла" : "первичный балл не число", isBlankMarker(scoreCell) ? undefined : `«${cellText(scoreCell ?? null)}»`);
      continue;
    }
    if (title.max !== null && score > title.max) {
      ctx.sink.issue({ severity: "error", code: "score-above-max", ...ctx.where(r, cols.score), message: `первичный балл ${score} больше максимального ${title.max}; строка пропущена` });
      ctx.leftOut += 1;
      ctx.leftOutReasons.set("балл выше максимального", (ctx.leftOutReasons.get("балл выше максимального") ?? 0) + 1);
      continue;
    }
    const name = cols.schoolName >= 0 ? row[cols.schoolName] : undefined;
    const municipality = cols.municipality >= 0 ? row[cols.municipality] : undefined;
    if (!schools.has(login)) {
      schools.add(login);
      ctx.sink.school({
        code: login,
        kind: "login",
        name: typeof name === "string" && name.trim() !== "" ? cellText(name) : null,
        municipality: typeof municipality === "string" && municipality.trim() !== "" ? cellText(municipality) : null,
        where: ctx.where(r, cols.login >= 0 ? cols.login : 0),
      });
    }
    const accepted = ctx.sink.score(
      new SheetScore(
        login,
        "login",
        title.year,
        "ВПР",
        title.grade,
        cellText(participantCell ?? null),
        title.subject,
        score,
        cols.mark >= 0 ? markOf(row[cols.mark]) : null,
        cols.journal >= 0 ? markOf(row[cols.journal]) : null,
        ctx.ref,
        r,
        cols.participant,
      ),
    );
    if (accepted) rows += 1;
    else ctx.leftOut += 1;
  }
  closeSchool();
  return { ...base, subjects: [title.subject], grades: [title.grade], years: [title.year], schools: schools.size, rows, leftOut: ctx.leftOut, reasons: ctx.reasons() };
}
