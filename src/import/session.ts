/**
 * One import: workbooks go in one by one (their cells can be dropped after each), every sheet is
 * recognised by its content and read by its form's reader; participants, aggregated rows, schools
 * and declared maxima are collected here, with duplicates and a participant in two schools caught
 * as they come. `assembleImport` then joins the schools and builds the sheets.
 */
import type { RawSheet, RawWorkbook } from "../schema/raw";
import { findAggregatedHeader, readFisAggregated } from "./fisAggregated";
import { findIndividualHeader, readFisIndividual } from "./fisIndividual";
import { NameHasher, type HmacFactory } from "./hash";
import type { DeclaredMax, ImportedResult, ImportedScore, ImportIssue, SeenSchool, SheetReport } from "./model";
import { looksLikeProtocol, readProtocol } from "./protocol";
import { SheetContext, type ImportSink } from "./sheetContext";
import { formatWhere } from "./text";

export interface ImportOptions {
  /** The key of the name hash: random bytes made by the shell for this run, kept in memory only. */
  readonly nameKey: Uint8Array;
  /** The procedure of protocols whose content does not say it (the user's choice). */
  readonly procedure?: "ОГЭ" | "ЕГЭ";
  /** HMAC-SHA256 of the name hash; @noble/hashes when not given (the CLI gives Node's crypto). */
  readonly hmac?: HmacFactory;
}

export function resultKey(r: { school: string; year: number; procedure: string; grade: number; subject: string }): string {
  return `${r.school}\u0000${r.year}\u0000${r.procedure}\u0000${r.grade}\u0000${r.subject}`;
}

export class ImportSession implements ImportSink {
  readonly reports: SheetReport[] = [];
  readonly issues: ImportIssue[] = [];
  readonly scores: ImportedScore[] = [];
  readonly results = new Map<string, ImportedResult>();
  /** By kind and code; the first sighting with a name wins. */
  readonly schools = new Map<string, SeenSchool>();
  readonly maxima: DeclaredMax[] = [];
  /** Participant codes seen per school × year × procedure × grade × subject. */
  private readonly units = new Map<string, Set<string>>();
  /** Hashed participants: procedure × year × code → the school and row first seen. */
  private readonly personSchool = new Map<string, ImportedScore>();
  private readonly hasher: NameHasher;

  constructor(private readonly options: ImportOptions) {
    this.hasher = new NameHasher(options.nameKey, options.hmac);
  }

  /** The participants of the unit the last row belonged to (rows come in runs of one unit). */
  private last: { s: ImportedScore; ids: Set<string> } | null = null;

  private unitIds(s: ImportedScore): Set<string> {
    const l = this.last;
    if (l !== null && l.s.school === s.school && l.s.subject === s.subject && l.s.grade === s.grade && l.s.year === s.year && l.s.procedure === s.procedure && l.s.kind === s.kind) return l.ids;
    const key = `${s.kind}\u0000${s.school}\u0000${s.year}\u0000${s.procedure}\u0000${s.grade}\u0000${s.subject}`;
    let ids = this.units.get(key);
    if (ids === undefined) this.units.set(key, (ids = new Set()));
    this.last = { s, ids };
    return ids;
  }

  score(s: ImportedScore): boolean {
    const ids = this.unitIds(s);
    if (ids.has(s.participantId)) {
      this.issue({ severity: "warning", code: "duplicate-participant", ...s.where, message: `участник ${s.participantId} уже встречался (${s.procedure} ${s.grade} кл., ${s.subject}, ${s.year}, ОО ${s.school}); повтор пропущен` });
      return false;
    }
    if (s.kind === "code") {
      const personKey = `${s.procedure}\u0000${s.year}\u0000${s.participantId}`;
      const first = this.personSchool.get(personKey);
      if (first === undefined) this.personSchool.set(personKey, s);
      else if (first.school !== s.school) {
        this.issue({
          severity: "error",
          code: "participant-two-schools",
          ...s.where,
          message: `участник ${s.participantId} (${s.procedure} ${s.year}) уже записан в ОО ${first.school} (${formatWhere(first.where)}), здесь — в ОО ${s.school}; строка пропущена`,
        });
        return false;
      }
    }
    ids.add(s.participantId);
    this.scores.push(s);
    return true;
  }

  result(r: ImportedResult): void {
    const key = resultKey(r);
    const prev = this.results.get(key);
    if (prev === undefined) {
      this.results.set(key, r);
      return;
    }
    // «Статистика по отметкам» and the journal comparison of one school fill one row.
    this.results.set(key, {
      ...prev,
      participants: prev.participants ?? r.participants,
      mark2: prev.mark2 ?? r.mark2,
      marks45: prev.marks45 ?? r.marks45,
      lowered: prev.lowered ?? r.lowered,
      confirmed: prev.confirmed ?? r.confirmed,
      raised: prev.raised ?? r.raised,
    });
  }

  school(s: SeenSchool): void {
    const key = `${s.kind}\u0000${s.code}`;
    const prev = this.schools.get(key);
    if (prev === undefined) this.schools.set(key, s);
    else if ((prev.name === null && s.name !== null) || (prev.municipality === null && s.municipality !== null)) {
      this.schools.set(key, { ...prev, name: prev.name ?? s.name, municipality: prev.municipality ?? s.municipality });
    }
  }

  declaredMax(d: DeclaredMax): void {
    this.maxima.push(d);
  }

  issue(i: ImportIssue): void {
    this.issues.push(i);
  }

  /** A file that could not be opened as a workbook. */
  addUnreadable(file: string, reason: string): void {
    this.issue({ severity: "error", code: "unreadable-file", file, sheet: null, cell: null, message: `файл не прочитан как книга Excel: ${reason}` });
    this.reports.push({ file, sheet: "", form: null, procedure: null, subjects: [], grades: [], years: [], schools: 0, rows: 0, leftOut: 0, reasons: ["не прочитан"] });
  }

  /** Recognises and reads every sheet of one workbook. */
  addWorkbook(file: string, wb: RawWorkbook): void {
    const before = this.reports.length;
    let recognised = 0;
    for (const sheet of wb.sheets) {
      const report = this.readSheet(file, sheet);
      if (report.form !== null) recognised += 1;
      this.reports.push(report);
    }
    if (recognised === 0) {
      const first = wb.sheets[0];
      this.issue({
        severity: "error",
        code: "unknown-form",
        file,
        sheet: first?.name ?? null,
        cell: first === undefined ? null : "A1",
        message:
          "ни один лист не похож на известные формы: ФИС ОКО «Индивидуальные результаты» (строка с «Код участника» и «Первичный балл»), " +
          "«Статистика по отметкам» и «Сравнение отметок с отметками по журналу» («Группы участников»), протокол РЦОИ («‹код› - ‹предмет› ‹дата›», «Код ОО», «Первичный балл»); файл пропущен",
      });
    } else {
      for (const r of this.reports.slice(before)) {
        if (r.form === null && r.reasons.length === 0) {
          this.issue({ severity: "info", code: "unknown-form", file, sheet: r.sheet, cell: "A1", message: "лист не похож на известные формы; пропущен" });
        }
      }
    }
  }

  private readSheet(file: string, sheet: RawSheet): SheetReport {
    const ctx = new SheetContext(file, sheet, this);
    if (sheet.rows.length === 0) {
      return { file, sheet: sheet.name, form: null, procedure: null, subjects: [], grades: [], years: [], schools: 0, rows: 0, leftOut: 0, reasons: ["пустой лист"] };
    }
    if (findIndividualHeader(sheet) !== null) return readFisIndividual(ctx);
    const aggregated = findAggregatedHeader(sheet);
    if (aggregated !== null) return readFisAggregated(ctx, aggregated);
    if (looksLikeProtocol(sheet.rows)) return readProtocol(ctx, this.hasher, this.options.procedure ?? null);
    return { file, sheet: sheet.name, form: null, procedure: null, subjects: [], grades: [], years: [], schools: 0, rows: 0, leftOut: 0, reasons: [] };
  }
}
