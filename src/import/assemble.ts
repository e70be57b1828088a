/**
 * From what the readers collected to the input sheets (SPEC.md §1): schools joined through
 * `Логин ФИС ОКО` and `Код ОО` of «Школы» (the base workbook's: `--schools` or the output's own),
 * unknown schools added with a warning, declared maxima checked against «Шкалы», «Шкалы» inferred
 * where the base has no row, «Баллы» continued on «Баллы 2», … past Excel's row limit.
 *
 * The base workbook's sheets are kept: «Школы» and «Шкалы» get rows appended, «Результаты» and
 * «Баллы» lose the rows that the import replaces (same year, procedure, grade and subject) and
 * get the imported ones; any other sheet is copied as it is.
 */
import type { SheetDef } from "../schema/columns";
import { EXCEL_MAX_ROWS, findHeader, joinContinuations, continuationNumber } from "../schema/continuation";
import { cellAddress } from "../schema/issues";
import type { CellValue, RawSheet } from "../schema/raw";
import { headerIndex, sheetNameMatches } from "../schema/shape";
import { RESULTS_SHEET, SCALES_SHEET, SCHOOLS_SHEET, SCORES_SHEET } from "../schema/sheets";
import { EXAMPLE_NOTE, EXAMPLE_NOTE_HEADER, EXAMPLE_SCALES } from "../schema/template";
import { headerKey, looseKey } from "../schema/text";
import { isBlank, normaliseCode, normaliseProcedure, parseNumber } from "../schema/values";
import type { ImportedScore, ImportIssue, SeenSchool, Where } from "./model";
import { inferCuts, MarkEvidence } from "./scales";
import type { ImportSession } from "./session";
import { formatWhere } from "./text";

/** A sheet to write: every row, the first being its header (or a title above it, kept from the base). */
export interface OutputSheet {
  readonly name: string;
  /** Index of the header row among `rows()`. */
  readonly headerRow: number;
  /** Number of rows `rows()` yields. */
  readonly rowCount: number;
  /** 0-based columns holding codes and text (written with the text format). */
  readonly textColumns: readonly number[];
  rows(): Iterable<readonly CellValue[]>;
}

export interface AssembleOptions {
  /** The base workbook's name for messages (`--schools` file or the output). */
  readonly baseName?: string;
  /** Data rows per «Баллы» sheet (Excel's limit less the header; smaller in tests). */
  readonly rowsPerSheet?: number;
}

/** A code the exports name that «Школы» does not have, with the name and place it was seen. */
export interface Unjoined {
  readonly code: string;
  readonly kind: "login" | "code";
  readonly name: string | null;
  readonly municipality: string | null;
  readonly where: Where;
}

export interface Assembled {
  readonly sheets: readonly OutputSheet[];
  readonly issues: readonly ImportIssue[];
  /** Nothing may be written: nothing usable was found, or a school could not be joined unambiguously. */
  readonly fatal: string | null;
  readonly unjoined: readonly Unjoined[];
  readonly participantRows: number;
  readonly resultRows: number;
  readonly inferredScales: number;
}

export const SCORES_HEADER: readonly string[] = ["Код ОО", "Год", "Процедура", "Класс", "Код участника", "Предмет", "Балл", "Отметка", "Отметка по журналу"];
export const RESULTS_HEADER: readonly string[] = [
  "Код ОО", "Год", "Процедура", "Класс", "Предмет", "Участников", "Отметка «2»", "Отметки «4» и «5»",
  "Понизили (Отметка < Отметка по журналу)", "Подтвердили (Отметка = Отметке по журналу)", "Повысили (Отметка > Отметка по журналу)",
];
export const SCALES_HEADER: readonly string[] = [
  "Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый", "Балл для «3»", "Балл для «4»", "Балл для «5»", "Год", EXAMPLE_NOTE_HEADER,
];
export const SCHOOLS_HEADER: readonly string[] = ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %", "Логин ФИС ОКО"];

/** The note on «Шкалы» rows inferred from exports. */
export const FROM_EXPORT_NOTE = "из выгрузки — сверьте со спецификацией года";

// ---------------------------------------------------------------------------------------------
// Tables of the base workbook

interface Table {
  readonly sheet: RawSheet;
  readonly headerRow: number;
  readonly header: CellValue[];
  /** Field (or the header key of a column without a field) → column. */
  readonly columns: Map<string, number>;
}

function tableOf(sheet: RawSheet, def: SheetDef<unknown>): Table | null {
  const h = findHeader(sheet, def);
  if (h === null) return null;
  const header = [...(sheet.rows[h.row] ?? [])];
  const columns = new Map<string, number>(h.fields);
  header.forEach((v, c) => {
    if (typeof v !== "string") return;
    const k = headerKey(v);
    if (!columns.has(k)) columns.set(k, c);
  });
  return { sheet, headerRow: h.row, header, columns };
}

/** Our header cells → field names (or header keys), so base and import columns meet. */
function keysOf(header: readonly string[], def: SheetDef<unknown>): string[] {
  const index = headerIndex(def);
  return header.map((h) => index.get(headerKey(h)) ?? headerKey(h));
}

/** The output header: the base's, then our columns it lacks; and where each of our columns lands. */
function unionHeader(base: Table | null, ours: readonly string[], def: SheetDef<unknown>): { header: CellValue[]; at: number[] } {
  if (base === null) return { header: [...ours], at: ours.map((_, i) => i) };
  const header = [...base.header];
  const at = keysOf(ours, def).map((k, i) => {
    const c = base.columns.get(k);
    if (c !== undefined) return c;
    header.push(ours[i] ?? "");
    return header.length - 1;
  });
  return { header, at };
}

function placed(values: readonly CellValue[], at: readonly number[], width: number): CellValue[] {
  const row: CellValue[] = new Array<CellValue>(width).fill(null);
  values.forEach((v, i) => {
    const c = at[i];
    if (c !== undefined) row[c] = v;
  });
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return row;
}

function cell(t: Table, row: readonly CellValue[], field: string): CellValue {
  const c = t.columns.get(field);
  return c === undefined ? null : (row[c] ?? null);
}

function numberCell(v: CellValue): number | null {
  return parseNumber(v, false)?.value ?? null;
}

/** Year × procedure × grade × subject of a row (the unit an import replaces). */
function unitKey(year: number | null, procedure: string, grade: number | null, subject: string): string {
  return `${year ?? ""}\u0000${procedure}\u0000${grade ?? ""}\u0000${looseKey(subject)}`;
}

function baseUnitKey(t: Table, row: readonly CellValue[]): string {
  const year = numberCell(cell(t, row, "year"));
  return unitKey(year, normaliseProcedure(cell(t, row, "procedure")).value, numberCell(cell(t, row, "grade")), String(cell(t, row, "subject") ?? ""));
}

/**
 * Whether the «Школы» rows of one code are one school's rows of different years (the optional
 * «Год» column, SPEC §1): then the code joins; the same code twice in one year (or without a
 * year) stays ambiguous.
 */
function distinctYears(t: Table | null, rows: readonly number[]): boolean {
  if (t === null || !t.columns.has("year")) return false;
  const years = rows.map((r) => numberCell(cell(t, t.sheet.rows[r] ?? [], "year")));
  return years.every((y) => y !== null) && new Set(years).size === years.length;
}

function scaleKey(procedure: string, grade: number, subject: string): string {
  return `${procedure}\u0000${grade}\u0000${looseKey(subject)}`;
}

function isMassSubject(procedure: string, subject: string): boolean {
  const k = looseKey(subject);
  return k.startsWith("русский язык") || k.startsWith("математика");
}

// ---------------------------------------------------------------------------------------------

export function assembleImport(session: ImportSession, base: readonly RawSheet[] | null, options: AssembleOptions = {}): Assembled {
  const issues: ImportIssue[] = [...session.issues];
  const baseName = options.baseName ?? "Школы";
  const rowsPerSheet = options.rowsPerSheet ?? EXCEL_MAX_ROWS - 1;
  const baseSheets = base ?? [];
  const find = (def: SheetDef<unknown>): RawSheet | null => baseSheets.find((s) => sheetNameMatches(def, s.name)) ?? null;
  const schoolsSheet = find(SCHOOLS_SHEET as SheetDef<unknown>);
  const scalesSheet = find(SCALES_SHEET as SheetDef<unknown>);
  const resultsSheet = find(RESULTS_SHEET as SheetDef<unknown>);
  const joinedScores = joinContinuations({ sheets: baseSheets }, SCORES_SHEET as SheetDef<unknown>).workbook.sheets.find((s) => sheetNameMatches(SCORES_SHEET as SheetDef<unknown>, s.name)) ?? null;
  const schoolsT = schoolsSheet === null ? null : tableOf(schoolsSheet, SCHOOLS_SHEET as SheetDef<unknown>);
  const scalesT = scalesSheet === null ? null : tableOf(scalesSheet, SCALES_SHEET as SheetDef<unknown>);
  const resultsT = resultsSheet === null ? null : tableOf(resultsSheet, RESULTS_SHEET as SheetDef<unknown>);
  const scoresT = joinedScores === null ? null : tableOf(joinedScores, SCORES_SHEET as SheetDef<unknown>);
  const baseWhere = (sheet: RawSheet, row: number, column: number): Where => ({ file: baseName, sheet: sheet.name, cell: cellAddress(row, column) });

  // --- The base's schools: code → row, login → codes.
  const codes = new Map<string, number[]>();
  const logins = new Map<string, { code: string; row: number }[]>();
  if (schoolsT !== null) {
    for (let r = schoolsT.headerRow + 1; r < schoolsT.sheet.rows.length; r++) {
      const row = schoolsT.sheet.rows[r] ?? [];
      const id = cell(schoolsT, row, "id");
      if (isBlank(id)) continue;
      const code = normaliseCode(id);
      codes.set(code, [...(codes.get(code) ?? []), r]);
      const login = cell(schoolsT, row, "fisLogin");
      if (!isBlank(login)) {
        const l = normaliseCode(login).toLowerCase();
        logins.set(l, [...(logins.get(l) ?? []), { code, row: r }]);
      }
    }
  }

  // --- Join every school the exports name.
  const joined = new Map<string, string>();
  const unjoined: Unjoined[] = [];
  const added: SeenSchool[] = [];
  let ambiguous = 0;
  for (const [key, s] of session.schools) {
    if (s.kind === "login") {
      const hits = logins.get(s.code.toLowerCase()) ?? [];
      if (hits.length > 1 && new Set(hits.map((h) => h.code)).size > 1) {
        ambiguous += 1;
        const list = hits.map((h) => `${h.code} (${formatWhere(baseWhere(schoolsT?.sheet as RawSheet, h.row, schoolsT?.columns.get("fisLogin") ?? 0))})`).join(", ");
        issues.push({ severity: "error", code: "join-ambiguous", ...s.where, message: `логин ${s.code} указан у нескольких школ листа «Школы»: ${list}; школу не определить` });
        continue;
      }
      const hit = hits[0];
      if (hit !== undefined) {
        joined.set(key, hit.code);
        continue;
      }
    }
    const rows = codes.get(s.code);
    if (rows !== undefined && rows.length > 1 && !distinctYears(schoolsT, rows)) {
      ambiguous += 1;
      issues.push({ severity: "error", code: "join-ambiguous", ...s.where, message: `код ОО ${s.code} встречается на листе «Школы» ${rows.length} раза (строки ${rows.map((r) => r + 1).join(", ")}); школу не определить` });
      continue;
    }
    if (rows !== undefined) {
      joined.set(key, s.code);
      continue;
    }
    // A login that is also another kind of code (or a regional code given as a login) joins as itself once.
    const sameCode = added.find((a) => a.code === s.code);
    joined.set(key, s.code);
    if (sameCode !== undefined) continue;
    unjoined.push({ code: s.code, kind: s.kind, name: s.name, municipality: s.municipality, where: s.where });
    added.push(s);
    const seen = [s.name === null ? null : `«${s.name}»`, s.municipality === null ? null : `муниципалитет «${s.municipality}»`].filter((x) => x !== null).join(", ");
    issues.push({
      severity: "warning",
      code: "school-added",
      ...s.where,
      message:
        `${s.kind === "login" ? `логин ФИС ОКО ${s.code}` : `код ОО ${s.code}`}${seen === "" ? "" : ` (${seen})`} не найден на листе «Школы»` +
        `${s.kind === "login" ? " (нет в столбце «Логин ФИС ОКО»)" : ""}: школа добавлена на лист «Школы» без социальных показателей — заполните их`,
    });
  }
  const codeOf = (kind: "login" | "code", code: string): string | null => joined.get(`${kind}\u0000${code}`) ?? null;

  // --- Declared maxima against the base's «Шкалы» and against each other.
  const baseScales = new Map<string, { max: number | null; year: number | null; where: Where }[]>();
  if (scalesT !== null) {
    for (let r = scalesT.headerRow + 1; r < scalesT.sheet.rows.length; r++) {
      const row = scalesT.sheet.rows[r] ?? [];
      const grade = numberCell(cell(scalesT, row, "grade"));
      const subject = cell(scalesT, row, "subject");
      if (grade === null || isBlank(subject)) continue;
      const k = scaleKey(normaliseProcedure(cell(scalesT, row, "procedure")).value, grade, String(subject));
      const yearCol = scalesT.columns.get("year") ?? scalesT.columns.get("год");
      const year = yearCol === undefined ? null : numberCell(row[yearCol] ?? null);
      baseScales.set(k, [...(baseScales.get(k) ?? []), { max: numberCell(cell(scalesT, row, "maxScore")), year, where: baseWhere(scalesT.sheet, r, scalesT.columns.get("maxScore") ?? 0) }]);
    }
  }
  const baseScaleFor = (procedure: string, grade: number, subject: string, year: number) => {
    const rows = baseScales.get(scaleKey(procedure, grade, subject)) ?? [];
    return rows.find((r) => r.year === year) ?? rows.find((r) => r.year === null) ?? null;
  };
  const rejected = new Set<string>();
  const sheetId = (w: Where): string => `${w.file}\u0000${w.sheet ?? ""}`;
  const maxOf = new Map<string, { max: number; where: Where }>();
  for (const d of session.maxima) {
    const b = baseScaleFor(d.procedure, d.grade, d.subject, d.year);
    if (b !== null && b.max !== null && b.max !== d.max) {
      rejected.add(sheetId(d.where));
      issues.push({
        severity: "error",
        code: "max-differs",
        ...d.where,
        message: `максимальный первичный балл ${d.max} (${d.procedure} ${d.grade} кл., ${d.subject}, ${d.year}) не совпадает со шкалой: ${b.max} (${formatWhere(b.where)}); лист пропущен — исправьте «Шкалы» или проверьте файл`,
      });
      continue;
    }
    const k = `${scaleKey(d.procedure, d.grade, d.subject)}\u0000${d.year}`;
    const first = maxOf.get(k);
    if (first === undefined) maxOf.set(k, { max: d.max, where: d.where });
    else if (first.max !== d.max) {
      rejected.add(sheetId(d.where));
      issues.push({
        severity: "error",
        code: "max-differs",
        ...d.where,
        message: `максимальный первичный балл ${d.max} (${d.procedure} ${d.grade} кл., ${d.subject}, ${d.year}) не совпадает с ${first.max} (${formatWhere(first.where)}); лист пропущен`,
      });
    }
  }

  // --- Scores kept: joined school, sheet not rejected.
  const scores: { s: ImportedScore; code: string }[] = [];
  const evidence = new Map<string, { procedure: string; grade: number; subject: string; year: number; e: MarkEvidence }>();
  // Rows come in runs of one sheet, school and subject: the last lookups are reused.
  let lastSchool: { kind: string; school: string; code: string | null } | null = null;
  let lastEv: { procedure: string; grade: number; subject: string; year: number; e: MarkEvidence } | null = null;
  for (const s of session.scores) {
    if (rejected.size > 0 && rejected.has(sheetId(s.where))) continue;
    if (lastSchool === null || lastSchool.school !== s.school || lastSchool.kind !== s.kind) lastSchool = { kind: s.kind, school: s.school, code: codeOf(s.kind, s.school) };
    const code = lastSchool.code;
    if (code === null) continue;
    scores.push({ s, code });
    let ev: { procedure: string; grade: number; subject: string; year: number; e: MarkEvidence } | null = lastEv;
    if (ev === null || ev.subject !== s.subject || ev.grade !== s.grade || ev.year !== s.year || ev.procedure !== s.procedure) {
      const k = `${scaleKey(s.procedure, s.grade, s.subject)}\u0000${s.year}`;
      ev = evidence.get(k) ?? null;
      if (ev === null) {
        ev = { procedure: s.procedure, grade: s.grade, subject: s.subject, year: s.year, e: new MarkEvidence() };
        evidence.set(k, ev);
      }
      lastEv = ev;
    }
    ev.e.add(s);
  }
  const results = [...session.results.values()].filter((r) => !rejected.has(sheetId(r.where)) && codeOf("login", r.school) !== null);

  // --- «Шкалы» for what the base lacks.
  const inferred: CellValue[][] = [];
  const byScale = new Map<string, { year: number; row: CellValue[] }[]>();
  const PROCEDURE_ORDER = ["ВПР", "ОГЭ", "ЕГЭ"];
  const order = (p: string): number => (PROCEDURE_ORDER.includes(p) ? PROCEDURE_ORDER.indexOf(p) : PROCEDURE_ORDER.length);
  const sortedEvidence = [...evidence.values()].sort(
    (a, b) => order(a.procedure) - order(b.procedure) || a.procedure.localeCompare(b.procedure) || a.grade - b.grade || a.subject.localeCompare(b.subject, "ru") || a.year - b.year,
  );
  for (const ev of sortedEvidence) {
    const label = `${ev.procedure} ${ev.grade} кл., ${ev.subject}, ${ev.year}`;
    const cuts = inferCuts(ev.e);
    const b = baseScaleFor(ev.procedure, ev.grade, ev.subject, ev.year);
    if (b !== null) {
      if (!cuts.ok) issues.push({ severity: "warning", code: "marks-inconsistent", ...cuts.where, message: `${label}: ${cuts.message} (шкала взята с листа «Шкалы»)` });
      continue;
    }
    const declared = maxOf.get(`${scaleKey(ev.procedure, ev.grade, ev.subject)}\u0000${ev.year}`)?.max ?? null;
    const example = EXAMPLE_SCALES.find((x) => x.procedure === ev.procedure && x.grade === ev.grade && looseKey(x.subject) === looseKey(ev.subject)) ?? null;
    const mass = example?.mass ?? isMassSubject(ev.procedure, ev.subject);
    let row: CellValue[] | null = null;
    if (!cuts.ok) {
      issues.push({ severity: "error", code: "marks-inconsistent", ...cuts.where, message: `${label}: ${cuts.message}; шкала не выведена — добавьте её строку на лист «Шкалы»` });
    } else if (cuts.cut3 !== null && cuts.cut5 !== null && (declared ?? example?.maxScore ?? null) !== null) {
      const max = (declared ?? example?.maxScore) as number;
      const note = declared === null ? `${FROM_EXPORT_NOTE} (максимальный балл — из примера шаблона)` : FROM_EXPORT_NOTE;
      row = [ev.procedure, ev.grade, ev.subject, cuts.cut3, max, cuts.cut5, mass ? "да" : "нет", cuts.cut3, cuts.cut4, cuts.cut5, ev.year, note];
      issues.push({ severity: "info", code: "scale-inferred", file: ev.e.spans.get(3)?.minWhere.file ?? "", sheet: null, cell: null, message: `${label}: шкала выведена из выгрузки: максимум ${max}, «3» от ${cuts.cut3}, «4» от ${cuts.cut4 ?? "—"}, «5» от ${cuts.cut5}` });
    } else if (example !== null) {
      row = [example.procedure, example.grade, example.subject, example.minScore, example.maxScore, example.highScore, example.mass ? "да" : "нет", example.cut3, example.cut4, example.cut5, ev.year, EXAMPLE_NOTE];
      issues.push({ severity: "warning", code: "scale-example", file: baseName, sheet: null, cell: null, message: `${label}: по отметкам шкалу не вывести, на лист «Шкалы» записан пример шаблона — сверьте его со спецификацией года` });
    } else {
      issues.push({ severity: "error", code: "scale-missing", file: baseName, sheet: null, cell: null, message: `${label}: шкала не выведена (нет отметок «3» и «5» или максимального балла) — добавьте её строку на лист «Шкалы»` });
    }
    if (row !== null) {
      const k = scaleKey(ev.procedure, ev.grade, ev.subject);
      byScale.set(k, [...(byScale.get(k) ?? []), { year: ev.year, row }]);
    }
  }
  // One row without a year when every year agrees; a row per year otherwise.
  for (const rows of byScale.values()) {
    const same = rows.every((r) => JSON.stringify(r.row.slice(3, 10)) === JSON.stringify(rows[0]?.row.slice(3, 10)));
    if (same && rows[0] !== undefined) inferred.push([...rows[0].row.slice(0, 10), null, rows[0].row[11] ?? null]);
    else for (const r of rows) inferred.push(r.row);
  }
  const scaleYears = inferred.some((r) => r[10] !== null);

  const participantRows = scores.length;
  const fatal =
    ambiguous > 0
      ? `школы не сопоставлены однозначно (${ambiguous}): исправьте «Логин ФИС ОКО» и «Код ОО» на листе «Школы»`
      : participantRows === 0 && results.length === 0
        ? "в файлах не найдено ни одной пригодной строки участников или результатов школ"
        : null;

  // --- The sheets.
  const out: OutputSheet[] = [];
  // Школы
  {
    const { header, at } = unionHeader(schoolsT, SCHOOLS_HEADER, SCHOOLS_SHEET as SheetDef<unknown>);
    const fresh = added.map((s) => placed([s.kind === "login" ? s.code : s.code, s.name ?? `ОО ${s.code}`, s.municipality ?? "не указан", null, null, null, null, null, s.kind === "login" ? s.code : null], at, header.length));
    const baseRows = schoolsT?.sheet.rows ?? [];
    const headerRow = schoolsT?.headerRow ?? 0;
    out.push({
      name: schoolsSheet?.name ?? "Школы",
      headerRow,
      rowCount: (schoolsT === null ? 1 : baseRows.length) + fresh.length,
      textColumns: [at[0] ?? 0, at[1] ?? 1, at[2] ?? 2, at[8] ?? 8],
      *rows() {
        if (schoolsT === null) yield header;
        else for (let r = 0; r < baseRows.length; r++) yield r === headerRow ? header : (baseRows[r] ?? []);
        yield* fresh;
      },
    });
  }
  // Результаты
  const importedResultUnits = new Set(results.map((r) => `${codeOf("login", r.school)}\u0000${unitKey(r.year, r.procedure, r.grade, r.subject)}`));
  if (resultsT !== null || results.length > 0) {
    const { header, at } = unionHeader(resultsT, RESULTS_HEADER, RESULTS_SHEET as SheetDef<unknown>);
    const baseRows = resultsT?.sheet.rows ?? [];
    const headerRow = resultsT?.headerRow ?? 0;
    let replaced = 0;
    const keptBase: (readonly CellValue[])[] = [];
    if (resultsT !== null) {
      for (let r = headerRow + 1; r < baseRows.length; r++) {
        const row = baseRows[r] ?? [];
        if (importedResultUnits.has(`${normaliseCode(cell(resultsT, row, "schoolId"))}\u0000${baseUnitKey(resultsT, row)}`)) replaced += 1;
        else keptBase.push(row);
      }
    }
    if (replaced > 0) issues.push({ severity: "info", code: "results-replaced", file: baseName, sheet: resultsT?.sheet.name ?? null, cell: null, message: `строк «Результаты», замещённых импортом: ${replaced}` });
    out.push({
      name: resultsSheet?.name ?? "Результаты",
      headerRow,
      rowCount: headerRow + 1 + keptBase.length + results.length,
      textColumns: [at[0] ?? 0, at[2] ?? 2, at[4] ?? 4],
      *rows() {
        for (let r = 0; r < headerRow; r++) yield baseRows[r] ?? [];
        yield header;
        yield* keptBase;
        for (const x of results) {
          yield placed([codeOf("login", x.school), x.year, x.procedure, x.grade, x.subject, x.participants, x.mark2, x.marks45, x.lowered, x.confirmed, x.raised], at, header.length);
        }
      },
    });
  }
  // Баллы, «Баллы 2», …
  const importedUnits = new Set([...evidence.values()].map((ev) => unitKey(ev.year, ev.procedure, ev.grade, ev.subject)));
  if (scoresT !== null || scores.length > 0) {
    const { header, at } = unionHeader(scoresT, SCORES_HEADER, SCORES_SHEET as SheetDef<unknown>);
    const baseRows = scoresT?.sheet.rows ?? [];
    const headerRow = scoresT?.headerRow ?? 0;
    const keptBase: (readonly CellValue[])[] = [];
    if (scoresT !== null) {
      for (let r = headerRow + 1; r < baseRows.length; r++) {
        const row = baseRows[r] ?? [];
        if (row.length > 0 && !importedUnits.has(baseUnitKey(scoresT, row))) keptBase.push(row);
      }
    }
    const total = keptBase.length + scores.length;
    const sheetsNeeded = Math.max(1, Math.ceil(total / rowsPerSheet));
    const name = joinedScores?.name ?? "Баллы";
    const width = header.length;
    const identity = width === at.length && at.every((c, i) => c === i);
    const dataRow = (i: number): readonly CellValue[] => {
      if (i < keptBase.length) return keptBase[i] ?? [];
      const x = scores[i - keptBase.length];
      if (x === undefined) return [];
      const { s, code } = x;
      const values: CellValue[] = [code, s.year, s.procedure, s.grade, s.participantId, s.subject, s.score, s.mark, s.journalMark];
      if (!identity) return placed(values, at, width);
      // Our own header (no base «Баллы»): the values are the row already, less trailing blanks.
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
      return values;
    };
    for (let part = 0; part < sheetsNeeded; part++) {
      const from = part * rowsPerSheet;
      const to = Math.min(total, from + rowsPerSheet);
      const first = part === 0;
      out.push({
        name: first ? name : `${name} ${part + 1}`,
        headerRow: first ? headerRow : 0,
        rowCount: (first ? headerRow + 1 : 1) + (to - from),
        textColumns: [at[0] ?? 0, at[2] ?? 2, at[4] ?? 4, at[5] ?? 5],
        *rows() {
          if (first) for (let r = 0; r < headerRow; r++) yield baseRows[r] ?? [];
          yield header;
          for (let i = from; i < to; i++) yield dataRow(i);
        },
      });
    }
  }
  // Шкалы
  {
    // The base's «Шкалы» gets no «Год» or «Примечание» column that no imported row needs.
    const ours = SCALES_HEADER.filter((h) => (h !== "Год" || scaleYears) && (h !== EXAMPLE_NOTE_HEADER || scalesT === null || inferred.length > 0));
    const { header, at } = unionHeader(scalesT, ours, SCALES_SHEET as SheetDef<unknown>);
    const rows = inferred.map((r) => placed(scaleYears ? r : [...r.slice(0, 10), r[11] ?? null], at, header.length));
    const baseRows = scalesT?.sheet.rows ?? [];
    const headerRow = scalesT?.headerRow ?? 0;
    out.push({
      name: scalesSheet?.name ?? "Шкалы",
      headerRow,
      rowCount: (scalesT === null ? 1 : baseRows.length) + rows.length,
      textColumns: [at[0] ?? 0, at[2] ?? 2],
      *rows() {
        if (scalesT === null) yield header;
        else for (let r = 0; r < baseRows.length; r++) yield r === headerRow ? header : (baseRows[r] ?? []);
        yield* rows;
      },
    });
  }
  // Every other sheet of the base, as it is.
  const handled = new Set<RawSheet | null>([schoolsSheet, scalesSheet, resultsSheet]);
  for (const s of baseSheets) {
    if (handled.has(s) || sheetNameMatches(SCORES_SHEET as SheetDef<unknown>, s.name) || continuationNumber(SCORES_SHEET as SheetDef<unknown>, s.name) !== null) continue;
    out.push({ name: s.name, headerRow: 0, rowCount: s.rows.length, textColumns: [], rows: () => s.rows });
  }

  return { sheets: out, issues, fatal, unjoined, participantRows, resultRows: results.length, inferredScales: inferred.length };
}
