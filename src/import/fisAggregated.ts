/**
 * The aggregated ФИС ОКО forms (FORMATS.md): «Статистика по отметкам» (shares of marks per school,
 * to «Результаты» as counts) and «Сравнение отметок с отметками по журналу» (per school, how many
 * lowered, confirmed and raised their journal mark: SPEC.md §4 `raisedVsJournal`). Rows name
 * schools as «…(edu203389)» and municipalities as «…(reg20_m012)».
 */
import type { CellValue, RawSheet } from "../schema/raw";
import { cellText, columnKey, isBlank, numberOf, rowAt } from "./cells";
import { readFisTitle } from "./fisTitle";
import type { SheetReport } from "./model";
import type { SheetContext } from "./sheetContext";
import { HEADER_SEARCH } from "./fisIndividual";

const SCHOOL = /^(.*?)\(\s*(edu\d{4,})\s*\)\s*$/iu;
const MUNICIPALITY = /^(.*?)\(\s*(reg\d+_m\d+)\s*\)\s*$/iu;

export type AggregatedKind = "fisStatistics" | "fisJournal";

interface AggregatedHeader {
  readonly kind: AggregatedKind;
  readonly row: number;
  readonly dataStart: number;
  readonly group: number;
  readonly participants: number;
  /** Statistics: the columns of «2», «3», «4», «5». */
  readonly marks: readonly [number, number, number, number] | null;
  /** Journal: the count columns of lowered, confirmed, raised. */
  readonly journal: readonly [number, number, number] | null;
}

function keysOf(row: readonly CellValue[]): Map<string, number> {
  const at = new Map<string, number>();
  row.forEach((v, c) => {
    const k = typeof v === "number" ? String(v) : columnKey(v);
    if (k !== "" && !at.has(k)) at.set(k, c);
  });
  return at;
}

/** The header of an aggregated form: «Группы участников» and either marks or journal columns. */
export function findAggregatedHeader(sheet: RawSheet): AggregatedHeader | null {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH);
  for (let r = 0; r < limit; r++) {
    const at = keysOf(rowAt(sheet, r));
    const group = at.get("группы участников");
    if (group === undefined) continue;
    const participants = at.get("кол-во участников") ?? at.get("кол-во участников всего") ?? at.get("количество участников") ?? -1;
    const lowered = at.get("понизили");
    const confirmed = at.get("подтвердили");
    const raised = at.get("повысили");
    if (lowered !== undefined && confirmed !== undefined && raised !== undefined) {
      // A two-row header: «Понизили (…)» over «Кол-во» | «%»; the count is the column not marked «%».
      const below = rowAt(sheet, r + 1);
      const count = (c: number): number => (columnKey(below[c]) === "%" && columnKey(below[c + 1]) !== "%" ? c + 1 : c);
      const twoRows = !isBlank(below[lowered]) || !isBlank(below[lowered + 1]);
      const groupBelow = below[group];
      const dataStart = twoRows && (groupBelow === undefined || isBlank(groupBelow)) ? r + 2 : r + 1;
      return { kind: "fisJournal", row: r, dataStart, group, participants, marks: null, journal: [count(lowered), count(confirmed), count(raised)] };
    }
    const m2 = at.get("2");
    const m3 = at.get("3");
    const m4 = at.get("4");
    const m5 = at.get("5");
    if (m2 !== undefined && m3 !== undefined && m4 !== undefined && m5 !== undefined) {
      return { kind: "fisStatistics", row: r, dataStart: r + 1, group, participants, marks: [m2, m3, m4, m5], journal: null };
    }
  }
  return null;
}

export function readFisAggregated(ctx: SheetContext, header: AggregatedHeader): SheetReport {
  const sheet = ctx.sheet;
  const base = { file: ctx.file, sheet: sheet.name, form: header.kind, procedure: "ВПР" };
  const title = readFisTitle(sheet, header.row);
  if (title === null) {
    ctx.issue("error", "title-missing", 0, 0, "не найден заголовок «ВПР ‹год› ‹предмет› ‹N› класс» над таблицей: год, предмет и класс неизвестны; лист пропущен");
    return { ...base, subjects: [], grades: [], years: [], schools: 0, rows: 0, leftOut: 0, reasons: [] };
  }
  if (header.participants < 0) {
    ctx.issue("error", "header-missing", header.row, header.group, "в строке заголовков нет столбца «Кол-во участников»; лист пропущен");
    return { ...base, subjects: [title.subject], grades: [title.grade], years: [title.year], schools: 0, rows: 0, leftOut: 0, reasons: [] };
  }
  let municipality: string | null = null;
  let rows = 0;
  for (let r = header.dataStart; r < sheet.rows.length; r++) {
    const row = rowAt(sheet, r);
    const label = row[header.group];
    if (typeof label !== "string") continue;
    const text = cellText(label);
    const mm = MUNICIPALITY.exec(text);
    if (mm !== null) {
      municipality = (mm[1] ?? "").trim() || null;
      continue;
    }
    const sm = SCHOOL.exec(text);
    if (sm === null) continue; // the whole sample, the region, other groups
    const login = (sm[2] ?? "").toLowerCase();
    const name = (sm[1] ?? "").trim();
    const n = numberOf(row[header.participants]);
    if (n === null || n < 0 || !Number.isInteger(n)) {
      ctx.leaveOut(r, header.participants, "число участников не целое число");
      continue;
    }
    ctx.sink.school({ code: login, kind: "login", name: name === "" ? null : name, municipality, where: ctx.where(r, header.group) });
    let mark2: number | null = null;
    let marks45: number | null = null;
    let lowered: number | null = null;
    let confirmed: number | null = null;
    let raised: number | null = null;
    if (header.marks !== null) {
      const shares = header.marks.map((c) => numberOf(row[c]));
      if (shares.some((s) => s === null || s < 0)) {
        ctx.leaveOut(r, header.marks[0], "доли отметок не числа");
        continue;
      }
      const [p2, , p4, p5] = shares as number[];
      const sum = (shares as number[]).reduce((a, b) => a + b, 0);
      // Percent points as ФИС ОКО writes them; a row of fractions (sum ≈ 1) is scaled.
      const scale = sum > 0 && sum <= 1.0001 ? 1 : 0.01;
      mark2 = Math.round((p2 ?? 0) * scale * n);
      marks45 = Math.round(((p4 ?? 0) + (p5 ?? 0)) * scale * n);
    } else if (header.journal !== null) {
      const counts = header.journal.map((c) => numberOf(row[c]));
      if (counts.some((x) => x === null || x < 0 || !Number.isInteger(x))) {
        ctx.leaveOut(r, header.journal[0], "числа понизивших, подтвердивших и повысивших отметку не целые");
        continue;
      }
      [lowered, confirmed, raised] = counts as number[] as [number, number, number];
    }
    ctx.sink.result({
      school: login,
      year: title.year,
      procedure: "ВПР",
      grade: title.grade,
      subject: title.subject,
      participants: n,
      mark2,
      marks45,
      lowered,
      confirmed,
      raised,
      where: ctx.where(r, header.group),
    });
    rows += 1;
  }
  return { ...base, subjects: [title.subject], grades: [title.grade], years: [title.year], schools: rows, rows, leftOut: ctx.leftOut, reasons: ctx.reasons() };
}
