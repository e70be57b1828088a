/**
 * The regional processing centre's ОГЭ/ЕГЭ protocols (FORMATS.md): a preamble, then blocks opened
 * by «‹код› - ‹предмет› ‹ГГГГ.ММ.ДД›», each with its header row and data rows numbered in «№»,
 * closed by «Средние». There is no participant code: a keyed hash of the full name and document
 * stands for it, and the names go no further than the hash.
 */
import type { CellValue } from "../schema/raw";
import { looseKey } from "../schema/text";
import { normaliseCode } from "../schema/values";
import { cellText, columnPicker, filled, isBlank, isBlankMarker, markOf, numberOf, rowAt, subjectName } from "./cells";
import type { NameHasher } from "./hash";
import type { SheetReport } from "./model";
import { SheetScore, type SheetContext } from "./sheetContext";

const BLOCK = /^(\d{1,3})\s*[-–—]\s*(.+?)\s+(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?$/u;

/** Exam codes of oral parts (ЕГЭ foreign languages) and where ГВЭ begins (FORMATS.md). */
export const ORAL_CODES: readonly number[] = [29, 30, 31, 32, 33];
export const GVE_FROM = 51;

interface ProtocolColumns {
  readonly number: number;
  readonly municipality: number;
  readonly school: number;
  readonly grade: number;
  readonly surname: number;
  readonly name: number;
  readonly patronymic: number;
  readonly documents: readonly number[];
  readonly primary: number;
  readonly test: number;
  readonly mark: number;
}

function protocolColumns(row: readonly CellValue[]): ProtocolColumns | null {
  const pick = columnPicker(row);
  const school = pick("код оо", "код образовательной организации");
  const primary = pick("первичный балл");
  if (school < 0 || primary < 0) return null;
  const documents = ["серия документа", "серия", "номер документа", "номер", "документ", "серия и номер документа"].map((k) => pick(k)).filter((c) => c >= 0);
  return {
    number: pick("№", "№ п/п", "n"),
    municipality: pick("код мсу", "код ате", "мсу"),
    school,
    grade: pick("класс"),
    surname: pick("фамилия"),
    name: pick("имя"),
    patronymic: pick("отчество"),
    documents: [...new Set(documents)],
    primary,
    test: pick("тестовый балл", "балл", "балл по 100-балльной шкале"),
    mark: pick("оценка", "отметка"),
  };
}

/** Whether a sheet looks like a protocol: a block opener or a header with «Код ОО» and «Первичный балл». */
export function looksLikeProtocol(rows: readonly (readonly CellValue[])[]): boolean {
  const limit = Math.min(rows.length, 80);
  for (let r = 0; r < limit; r++) {
    const row = rows[r] ?? [];
    const first = filled(row)[0];
    if (first !== undefined && typeof first.v === "string" && BLOCK.test(cellText(first.v))) return true;
    if (protocolColumns(row) !== null) return true;
  }
  return false;
}

/** «Математика (базовый уровень)» → «Математика базовая»; other subjects as written. */
export function protocolSubject(s: string): string {
  const k = looseKey(s);
  if (/^математика/u.test(k) && /базов/u.test(k)) return "Математика базовая";
  if (/^математика/u.test(k) && /профил/u.test(k)) return "Математика профильная";
  return subjectName(s);
}

function procedureHint(text: string): "ОГЭ" | "ЕГЭ" | null {
  const k = looseKey(text);
  if (/огэ|гиа-9|основного государственного/u.test(k)) return "ОГЭ";
  if (/егэ|гиа-11|единого государственного/u.test(k)) return "ЕГЭ";
  return null;
}

/** The row's first non-blank cell (a protocol row is read once per row, so no list of them is made). */
function firstFilled(row: readonly CellValue[]): { c: number; v: CellValue } | null {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v !== undefined && !isBlank(v)) return { c, v };
  }
  return null;
}

interface Block {
  readonly code: number;
  readonly subject: string;
  readonly year: number;
  readonly row: number;
  readonly column: number;
  columns: ProtocolColumns | null;
  procedure: "ОГЭ" | "ЕГЭ" | null;
  skip: boolean;
  reportedNoHeader: boolean;
}

export function readProtocol(ctx: SheetContext, hasher: NameHasher, fileHint: "ОГЭ" | "ЕГЭ" | null): SheetReport {
  const sheet = ctx.sheet;
  let hint = fileHint;
  let block: Block | null = null;
  let looseHeader: ProtocolColumns | null = null;
  const subjects = new Set<string>();
  const grades = new Set<number>();
  const years = new Set<number>();
  const procedures = new Set<string>();
  const schools = new Set<string>();
  let rows = 0;

  for (let r = 0; r < sheet.rows.length; r++) {
    const row = rowAt(sheet, r);
    const first = firstFilled(row);
    if (first === null) continue;
    const firstText = typeof first.v === "string" ? cellText(first.v) : null;
    if (firstText !== null && !(typeof first.v === "string" && /^\d+$/u.test(first.v))) {
      const m = BLOCK.exec(firstText);
      if (m !== null) {
        const code = Number(m[1]);
        block = {
          code,
          subject: protocolSubject(m[2] ?? ""),
          year: Number(m[3]),
          row: r,
          column: first.c,
          columns: looseHeader,
          procedure: null,
          skip: false,
          reportedNoHeader: false,
        };
        looseHeader = null;
        if (code >= GVE_FROM) {
          block.skip = true;
          ctx.issue("info", "block-left-out", r, first.c, `блок «${firstText}» — ГВЭ (код ${code} ≥ ${GVE_FROM}), не ОГЭ/ЕГЭ; пропущен`);
        } else if (ORAL_CODES.includes(code)) {
          block.skip = true;
          ctx.issue("info", "block-left-out", r, first.c, `блок «${firstText}» — устная часть экзамена (код ${code}); пропущен`);
        }
        continue;
      }
      if (/^средн/iu.test(firstText)) {
        block = null;
        continue;
      }
    }
    // A numbered row of a block with a header is data: no need to look for labels in it.
    const numbered: boolean = block?.columns !== null && block?.columns !== undefined && block.columns.number >= 0 && typeof row[block.columns.number] === "number";
    const header: ProtocolColumns | null = numbered ? null : protocolColumns(row);
    if (header !== null) {
      if (block !== null) block.columns = header;
      else looseHeader = header;
      continue;
    }
    // Preamble and captions: a procedure named in words.
    if (block === null || block.columns === null) {
      for (const { v } of filled(row)) if (typeof v === "string") hint = hint ?? procedureHint(v);
    }
    const numberCell = block?.columns !== null && block?.columns !== undefined && block.columns.number >= 0 ? row[block.columns.number] : first.v;
    const isData = typeof numberCell === "number" || (typeof numberCell === "string" && /^\d+$/u.test(numberCell.trim()));
    if (!isData) continue;
    if (block === null) {
      // Data before any «‹код› - ‹предмет› ‹дата›» row: its subject and year are unknown.
      if (looseHeader !== null) {
        ctx.issue("error", "block-without-header", r, first.c, "строка участника вне блока: нет строки «‹код› - ‹предмет› ‹ГГГГ.ММ.ДД›» над ней; пропущена");
        ctx.leftOut += 1;
      }
      continue;
    }
    if (block.skip) continue;
    const cols = block.columns;
    if (cols === null) {
      if (!block.reportedNoHeader) {
        block.reportedNoHeader = true;
        ctx.issue("error", "block-without-header", block.row, block.column, `у блока «${block.code} - ${block.subject}» нет строки заголовков («№», «Код ОО», «Фамилия», …, «Первичный балл»); блок пропущен`);
      }
      ctx.leftOut += 1;
      ctx.leftOutReasons.set("блок без строки заголовков", (ctx.leftOutReasons.get("блок без строки заголовков") ?? 0) + 1);
      continue;
    }
    // The procedure: the file's words, else the class (9 or 11), else the score columns.
    const gradeText = cols.grade >= 0 ? cellText(row[cols.grade] ?? null) : "";
    const gradeDigits = /^(\d{1,2})/u.exec(gradeText);
    if (block.procedure === null) {
      const g = gradeDigits === null ? null : Number(gradeDigits[1]);
      block.procedure = hint ?? (g === 9 ? "ОГЭ" : g === 11 ? "ЕГЭ" : cols.test >= 0 ? "ЕГЭ" : cols.mark >= 0 ? "ОГЭ" : null);
      if (block.procedure === null) {
        block.skip = true;
        ctx.issue("error", "procedure-unknown", block.row, block.column, `не понять, ОГЭ это или ЕГЭ: в файле нет слов «ОГЭ»/«ЕГЭ», класс и столбцы баллов не подсказывают; блок «${block.code} - ${block.subject}» пропущен`);
        continue;
      }
    }
    const procedure = block.procedure;
    const grade = gradeDigits === null ? (procedure === "ОГЭ" ? 9 : 11) : Number(gradeDigits[1]);
    const schoolCell = row[cols.school];
    if (isBlank(schoolCell)) {
      ctx.leaveOut(r, cols.school, "не указан код ОО");
      continue;
    }
    const school = normaliseCode(schoolCell ?? null);
    // ЕГЭ: the test score, except basic mathematics, marked on the five-point scale from its primary score.
    const basic = block.subject === "Математика базовая";
    const scoreColumn = procedure === "ЕГЭ" && cols.test >= 0 && !basic ? cols.test : cols.primary;
    const scoreCell = row[scoreColumn];
    const score = numberOf(scoreCell);
    if (score === null || score < 0) {
      // Absent or annulled: not a zero. The cell is a score, never a name, so it may be quoted.
      ctx.leaveOut(r, scoreColumn, isBlankMarker(scoreCell) ? "нет балла (неявка или аннулирован)" : "балл не число", isBlankMarker(scoreCell) ? undefined : `«${cellText(scoreCell ?? null)}»`);
      continue;
    }
    const part = (c: number): string => (c >= 0 && typeof row[c] !== "object" ? cellText(row[c] ?? null) : "");
    const surname = part(cols.surname);
    const given = part(cols.name);
    if (surname === "" && given === "") {
      ctx.leaveOut(r, cols.surname >= 0 ? cols.surname : cols.school, "нет фамилии и имени участника");
      continue;
    }
    const participantId = hasher.code(surname, given, part(cols.patronymic), cols.documents.map(part).join(""));
    if (!schools.has(school)) {
      schools.add(school);
      const msu = cols.municipality >= 0 ? row[cols.municipality] : undefined;
      ctx.sink.school({ code: school, kind: "code", name: null, municipality: msu === undefined || isBlank(msu) ? null : `код МСУ ${normaliseCode(msu ?? null)}`, where: ctx.where(r, cols.school) });
    }
    const accepted = ctx.sink.score(
      new SheetScore(
        school,
        "code",
        block.year,
        procedure,
        grade,
        participantId,
        block.subject,
        score,
        cols.mark >= 0 ? markOf(row[cols.mark]) : basic && cols.test >= 0 ? markOf(row[cols.test]) : null,
        null,
        ctx.ref,
        r,
        cols.school,
      ),
    );
    if (!accepted) {
      ctx.leftOut += 1;
      continue;
    }
    rows += 1;
    subjects.add(block.subject);
    grades.add(grade);
    years.add(block.year);
    procedures.add(procedure);
  }
  return {
    file: ctx.file,
    sheet: sheet.name,
    form: "protocol",
    procedure: procedures.size === 0 ? hint : [...procedures].join(", "),
    subjects: [...subjects],
    grades: [...grades].sort((a, b) => a - b),
    years: [...years].sort((a, b) => a - b),
    schools: schools.size,
    rows,
    leftOut: ctx.leftOut,
    reasons: ctx.reasons(),
  };
}
