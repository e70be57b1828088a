/**
 * Writers of export-like workbooks for fixtures and tests: the ФИС ОКО forms and the processing
 * centre's protocols as FORMATS.md describes them, as rows of cells plus merged ranges, written
 * with exceljs. Used by scripts/make-export-fixtures.ts and by the end-to-end import test.
 */
import ExcelJS from "exceljs";

export type Cell = string | number | null;

export interface SheetData {
  readonly name: string;
  readonly rows: Cell[][];
  /** Merged ranges as 1-based [top, left, bottom, right]. */
  readonly merges?: readonly (readonly [number, number, number, number])[];
}

export async function writeBook(file: string, sheets: readonly SheetData[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const [t, l, b, rr] of s.merges ?? []) ws.mergeCells(t, l, b, rr);
  }
  await wb.xlsx.writeFile(file);
}

// ---------------------------------------------------------------------------------------------
// ФИС ОКО «Индивидуальные результаты»

export interface FisParticipant {
  readonly code: Cell;
  readonly cls?: Cell;
  readonly variant?: Cell;
  readonly tasks?: readonly Cell[];
  readonly score: Cell;
  readonly mark: Cell;
  readonly journal?: Cell;
  /** Write the ОО column empty (the school row above names it). */
  readonly noLogin?: boolean;
}

export interface FisSchool {
  readonly login: string;
  readonly name: string;
  readonly municipality: string;
  /** «Кол-во участников» of the school row; the participants' count by default. */
  readonly declared?: number;
  readonly participants: readonly FisParticipant[];
}

export interface FisIndividualOptions {
  readonly sheetName: string;
  readonly year: number;
  readonly subject: string;
  readonly grade: number;
  readonly max: number | string;
  readonly tasks: readonly string[];
  readonly schools: readonly FisSchool[];
  /** Header over two rows: labels merged down, «Выполнение заданий» merged across the tasks. */
  readonly mergedHeader?: boolean;
  /** Blank rows between schools. */
  readonly blankRows?: boolean;
  readonly journal?: boolean;
  /** Leave the «ВПР ‹год› …» title out (a bad fixture). */
  readonly noTitle?: boolean;
}

export function fisIndividualSheet(o: FisIndividualOptions): SheetData {
  const rows: Cell[][] = [];
  const merges: [number, number, number, number][] = [];
  rows.push(["Индивидуальные результаты"]);
  if (o.noTitle !== true) rows.push([`ВПР ${o.year} ${o.subject} ${o.grade} класс`]);
  rows.push(["Предмет:", o.subject]);
  rows.push(["Максимальный первичный балл:", o.max]);
  rows.push(["Дата:", `${o.year}-04-15`]);
  rows.push([]);
  const fixed = ["ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант"];
  const tail = ["Первичный балл", "Отметка", ...(o.journal === false ? [] : ["Отметка по журналу"])];
  const levels: Cell[] = [...fixed.map(() => null), ...o.tasks.map((_, i) => (i % 3 === 2 ? "П" : "Б"))];
  levels[0] = "Уровень сложности задания";
  rows.push(levels);
  const first = fixed.length;
  if (o.mergedHeader === true) {
    const top: Cell[] = [...fixed, "Выполнение заданий", ...o.tasks.slice(1).map(() => null), ...tail];
    const bottom: Cell[] = [...fixed.map(() => null), ...o.tasks, ...tail.map(() => null)];
    rows.push(top, bottom);
    const r = rows.length - 1; // 1-based top row of the header
    for (let c = 0; c < fixed.length; c++) merges.push([r, c + 1, r + 1, c + 1]);
    merges.push([r, first + 1, r, first + o.tasks.length]);
    for (let c = 0; c < tail.length; c++) merges.push([r, first + o.tasks.length + c + 1, r + 1, first + o.tasks.length + c + 1]);
  } else {
    rows.push([...fixed, ...o.tasks, ...tail]);
  }
  for (const s of o.schools) {
    if (o.blankRows === true) rows.push([]);
    rows.push([`${s.name}(${s.login})`, `Кол-во участников: ${s.declared ?? s.participants.length}`]);
    for (const p of s.participants) {
      const tasks = o.tasks.map((_, i) => p.tasks?.[i] ?? "X");
      rows.push([p.noLogin === true ? null : s.login, s.municipality, s.name, p.code, p.cls ?? "1", p.variant ?? 1, ...tasks, p.score, p.mark, ...(o.journal === false ? [] : [p.journal ?? null])]);
    }
  }
  return { name: o.sheetName, rows, merges };
}

// ---------------------------------------------------------------------------------------------
// ФИС ОКО aggregated forms

export interface StatisticsRow {
  readonly label: string;
  readonly schools?: Cell;
  readonly participants: Cell;
  readonly shares: readonly [Cell, Cell, Cell, Cell];
}

export function fisStatisticsSheet(o: { sheetName: string; year: number; subject: string; grade: number; rows: readonly StatisticsRow[] }): SheetData {
  const rows: Cell[][] = [
    ["Статистика по отметкам"],
    [`ВПР ${o.year} ${o.subject} ${o.grade} класс`],
    ["Предмет:", o.subject],
    [],
    ["Группы участников", "Кол-во ОО", "Кол-во участников", "2", "3", "4", "5"],
  ];
  for (const r of o.rows) rows.push([r.label, r.schools ?? null, r.participants, ...r.shares]);
  return { name: o.sheetName, rows };
}

export interface JournalRow {
  readonly label: string;
  readonly participants: Cell;
  readonly lowered: readonly [Cell, Cell];
  readonly confirmed: readonly [Cell, Cell];
  readonly raised: readonly [Cell, Cell];
}

export function fisJournalSheet(o: { sheetName: string; year: number; subject: string; grade: number; rows: readonly JournalRow[] }): SheetData {
  const rows: Cell[][] = [
    ["Сравнение отметок с отметками по журналу"],
    [`ВПР ${o.year} ${o.subject} ${o.grade} класс`],
    [],
    ["Группы участников", "Кол-во участников (всего)", "Понизили (Отметка < Отметка по журналу)", null, "Подтвердили (Отметка = Отметке по журналу)", null, "Повысили (Отметка > Отметка по журналу)", null],
    [null, null, "Кол-во уч.", "%", "Кол-во уч.", "%", "Кол-во уч.", "%"],
  ];
  const merges: [number, number, number, number][] = [[4, 1, 5, 1], [4, 2, 5, 2], [4, 3, 4, 4], [4, 5, 4, 6], [4, 7, 4, 8]];
  for (const r of o.rows) rows.push([r.label, r.participants, ...r.lowered, ...r.confirmed, ...r.raised]);
  return { name: o.sheetName, rows, merges };
}

// ---------------------------------------------------------------------------------------------
// Protocols of the processing centre

export interface ProtocolPerson {
  readonly msu: Cell;
  readonly school: Cell;
  readonly cls: Cell;
  readonly surname: string;
  readonly name: string;
  readonly patronymic: string;
  readonly document?: string;
  readonly primary: Cell;
  readonly test?: Cell;
  readonly mark?: Cell;
}

export interface ProtocolBlock {
  readonly code: number;
  readonly subject: string;
  readonly date: string;
  readonly people: readonly ProtocolPerson[];
  /** Leave the header row out (a bad fixture). */
  readonly noHeader?: boolean;
}

/**
 * A protocol sheet: preamble, then per block the opener «‹код› - ‹предмет› ‹дата›», a header whose
 * merged cells leave empty columns between labels, numbered rows and a «Средние» row.
 */
export function protocolSheet(o: { sheetName: string; procedure: "ОГЭ" | "ЕГЭ"; region?: string; blocks: readonly ProtocolBlock[]; documents?: boolean; sayProcedure?: boolean }): SheetData {
  const rows: Cell[][] = [];
  const merges: [number, number, number, number][] = [];
  const ege = o.procedure === "ЕГЭ";
  rows.push([o.sayProcedure === false ? "Протокол проверки результатов экзамена" : `Протокол проверки результатов ${o.procedure}`]);
  rows.push([o.region ?? "20 - Чеченская Республика"]);
  rows.push([]);
  // Label → width in columns (merged across).
  const labels: [string, number][] = [
    ["№", 1], ["Код МСУ", 1], ["Код ОО", 1], ["Класс", 1], ["Код ППЭ", 1], ["Аудитория", 1],
    ["Фамилия", 2], ["Имя", 2], ["Отчество", 2],
    ...(o.documents === true ? ([["Номер документа", 1]] as [string, number][]) : []),
    ["Задания с кратким ответом", 3], ["Задания с развёрнутым ответом", 2], ["Первичный балл", 1],
    ...(ege ? ([["Тестовый балл", 1]] as [string, number][]) : ([["Оценка", 1]] as [string, number][])),
  ];
  const starts: number[] = [];
  let col = 0;
  for (const [, w] of labels) {
    starts.push(col);
    col += w;
  }
  for (const b of o.blocks) {
    rows.push([`${b.code} - ${b.subject} ${b.date}`]);
    if (b.noHeader !== true) {
      const header: Cell[] = new Array<Cell>(col).fill(null);
      labels.forEach(([l, w], i) => {
        header[starts[i] as number] = l;
        if (w > 1) merges.push([rows.length + 1, (starts[i] as number) + 1, rows.length + 1, (starts[i] as number) + w]);
      });
      rows.push(header);
    }
    b.people.forEach((p, n) => {
      const values: Cell[] = [
        n + 1, p.msu, p.school, p.cls, 2001, "0012", p.surname, p.name, p.patronymic,
        ...(o.documents === true ? [p.document ?? null] : []),
        "++-+1", "1(2)2(1)", p.primary, ege ? (p.test ?? null) : (p.mark ?? null),
      ];
      const row: Cell[] = new Array<Cell>(col).fill(null);
      values.forEach((v, i) => (row[starts[i] as number] = v));
      rows.push(row);
    });
    rows.push(["Средние", null, null, null, null, null, null, null, null, null, null, null, null]);
    rows.push([]);
  }
  return { name: o.sheetName, rows, merges };
}
