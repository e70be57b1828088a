/**
 * `parseWorkbook`: the workbook contract of SPEC.md §1 applied to raw cell values, in three
 * steps — shape, normalise, cross-row rules — collecting every issue in one pass.
 */
import type { AggregatedResult, IdentificationInput, ParticipantScore, Scale, School, YearSchool } from "../../../src/engine/types";
import type { SheetDef } from "../../../src/schema/columns";
import { toIssue, type SchemaIssue } from "../../../src/schema/issues";
import type { RawWorkbook } from "../../../src/schema/raw";
import { readSheet, type ReadRow, type ReadSheet } from "./readSheet";
import {
  checkAgainstScales,
  checkCounts,
  checkDuplicateKeys,
  checkDuplicateParts,
  checkDuplicateSchools,
  checkScaleRows,
  checkScaleYears,
  checkUnknownSchools,
  flagOverriddenResults,
  groupKey,
  scaleKey,
  scaleKeyText,
  yearScaleKey,
} from "./rules";
import { findSheet, locateSheet, sheetNameMatches } from "../../../src/schema/shape";
import { checkMonitoringCounts, checkMunicipalIndicators, dropAbsentMonitoringFields } from "../../../src/schema/monitoringRules";
import { MUNICIPAL_INDICATORS_SHEET } from "../../../src/schema/monitoringSheets";
import { checkRecommendations, RECOMMENDATIONS_SHEET } from "../../../src/schema/recommendationsSheet";
import { checkRiskProfiles, RISK_PROFILE_SHEET } from "../../../src/schema/riskProfileSheet";
import { checkResultPresence } from "./resultPresence";
import { RESULTS_SHEET, SCALES_SHEET, SCHOOLS_SHEET, SCORES_SHEET } from "../../../src/schema/sheets";
import { IssueSink } from "../../../src/schema/sink";
import { joinContinuations } from "../../../src/schema/continuation";
import { unifySpellings } from "../../../src/schema/spellings";
import type { ReadSheet as LiveReadSheet } from "../../../src/schema/readSheet";
import { looseKey } from "../../../src/schema/text";

export type ParseResult =
  | { readonly ok: true; readonly input: IdentificationInput; readonly issues: SchemaIssue[] }
  | { readonly ok: false; readonly issues: SchemaIssue[] };

function emptySheet<T>(name: string): ReadSheet<T> {
  return { name, headerRow: 0, columns: new Map(), rows: [], invalid: [], dataRows: 0, complete: false };
}

/** Finds, locates and reads one sheet; `null` when the sheet is absent or has no header row. */
function load<T>(wb: RawWorkbook, def: SheetDef<T>, sink: IssueSink): { sheet: ReadSheet<T> | null } {
  const raw = findSheet(wb, def as SheetDef<unknown>, sink);
  if (raw === null) return { sheet: null };
  const located = locateSheet(raw, def as SheetDef<unknown>, sink);
  if (located === null) return { sheet: null };
  const sheet = readSheet(located, def, sink, wb.date1904 === true);
  if (sheet.dataRows === 0) sink.push({ code: "sheet-no-rows", sheet: raw.name, row: null, column: null });
  return { sheet };
}

/**
 * One spelling per subject: the first seen (Шкалы first), so "русский язык" in `Баллы` meets
 * "Русский язык" in `Шкалы` and the engine can match subjects exactly.
 */
function unifySubjects<T extends { subject: string }>(rows: ReadRow<T>[], spelling: Map<string, string>): ReadRow<T>[] {
  // Rows come grouped by subject: a subject spelt as the previous row's is already the one kept.
  let kept = "";
  return rows.map((r) => {
    if (kept !== "" && r.value.subject === kept) return r;
    const k = looseKey(r.value.subject);
    const s = spelling.get(k);
    if (s === r.value.subject) kept = s;
    if (s === undefined) {
      spelling.set(k, r.value.subject);
      kept = r.value.subject;
      return r;
    }
    return s === r.value.subject ? r : { row: r.row, value: { ...r.value, subject: s } };
  });
}

function scaleRowKey(s: Pick<Scale, "procedure" | "grade" | "subject" | "year">): string {
  const k = scaleKey(s.procedure, s.grade, s.subject);
  return s.year === undefined || s.year === null ? k : yearScaleKey(s.year, k);
}

/** `Логин ФИС ОКО` is left out of the rows of a «Школы» without that column, as the monitoring columns are. */
function dropAbsentFisLogin(sheet: ReadSheet<School>, rows: ReadRow<School>[]): ReadRow<School>[] {
  if (sheet.columns.has("fisLogin")) return rows;
  return rows.map((r) => {
    const { fisLogin: _absent, ...value } = r.value;
    return { row: r.row, value };
  });
}

/**
 * The optional `Год` of `Школы`: the latest year's rows (and rows without a year) go to the
 * identification, without the field; earlier years' rows to `earlierSchools` (seed 001 §1.2.5).
 */
function splitSchoolYears(rows: readonly ReadRow<School>[]): { latest: ReadRow<School>[]; earlier: YearSchool[] } {
  const years = rows.map((r) => r.value.year).filter((y): y is number => typeof y === "number");
  const last = years.length === 0 ? null : Math.max(...years);
  const latest: ReadRow<School>[] = [];
  const earlier: YearSchool[] = [];
  for (const r of rows) {
    const { year, ...value } = r.value;
    if (last !== null && typeof year === "number" && year < last) earlier.push({ ...value, year });
    else latest.push({ row: r.row, value });
  }
  return { latest, earlier };
}

/**
 * Parses the analyst's workbook into the engine's input. Every issue is found in one pass;
 * `ok` is `false` when at least one is an error, and then no input is returned.
 *
 * @example
 * const parsed = parseWorkbook(await readXlsx(bytes));
 * if (!parsed.ok) for (const i of parsed.issues) console.error(i.message);
 */
export function parseWorkbook(input: RawWorkbook): ParseResult {
  const sink = new IssueSink();
  // «Баллы 2», «Баллы 3», … (past Excel's row limit) are read as one «Баллы».
  const joined = joinContinuations(input, SCORES_SHEET as SheetDef<unknown>);
  const wb = joined.workbook;

  // Step 1 and 2: shape and normalise, sheet by sheet.
  const present = (def: SheetDef<unknown>): boolean => wb.sheets.some((s) => sheetNameMatches(def, s.name));
  const missing = (def: SheetDef<unknown>): void =>
    sink.push({ code: "sheet-missing", sheet: null, row: null, column: null, details: { sheet: def.name, names: [def.name, ...def.synonyms].join(", ") } });
  if (!present(SCHOOLS_SHEET as SheetDef<unknown>)) missing(SCHOOLS_SHEET as SheetDef<unknown>);
  if (!present(RESULTS_SHEET as SheetDef<unknown>) && !present(SCORES_SHEET as SheetDef<unknown>)) {
    sink.push({ code: "results-sheet-missing", sheet: null, row: null, column: null });
  }
  if (!present(SCALES_SHEET as SheetDef<unknown>)) missing(SCALES_SHEET as SheetDef<unknown>);
  const schoolsLoad = load(wb, SCHOOLS_SHEET, sink);
  const resultsLoad = load(wb, RESULTS_SHEET, sink);
  const scoresLoad = load(wb, SCORES_SHEET, sink);
  const scalesLoad = load(wb, SCALES_SHEET, sink);
  // Optional: `Мониторинг МО` (seed 001's municipal yes/no answers); absent means no such data.
  const municipalLoad = load(wb, MUNICIPAL_INDICATORS_SHEET, sink);
  // Optional: `Рекомендации` (SPEC §12, the user's measures replacing the built-in ones).
  const recommendationsLoad = load(wb, RECOMMENDATIONS_SHEET, sink);
  // Optional: `Профиль рисков` (SPEC §7, the federal 500+ profiles).
  const profileLoad = load(wb, RISK_PROFILE_SHEET, sink);
  const schools = schoolsLoad.sheet ?? emptySheet<School>(SCHOOLS_SHEET.name);
  const results = resultsLoad.sheet ?? emptySheet<AggregatedResult>(RESULTS_SHEET.name);
  const scores = scoresLoad.sheet ?? emptySheet<ParticipantScore>(SCORES_SHEET.name);
  const scales = scalesLoad.sheet ?? emptySheet<Scale>(SCALES_SHEET.name);

  // Step 3: cross-row rules.
  // A rule that needs another sheet runs only when that sheet could be read as a whole, so one
  // missing sheet or column does not echo as an issue on every row that refers to it.
  checkDuplicateSchools(schools, sink);
  // A school row without a readable code might be the school a result refers to.
  const idsComplete = schools.complete && schools.invalid.every((r) => typeof r.value["id"] === "string");
  const known = idsComplete ? new Set(schools.rows.map((r) => r.value.id)) : null;
  for (const r of schools.invalid) if (known !== null && typeof r.value["id"] === "string") known.add(r.value["id"]);

  const spelling = new Map<string, string>();
  let scaleRows = unifySubjects(scales.rows, spelling);
  scaleRows = checkDuplicateKeys(
    scales,
    scaleRows,
    (s) => scaleRowKey(s),
    (s) => (s.year == null ? "" : `${s.year} год, `) + scaleKeyText(s.procedure, s.grade, s.subject),
    "duplicate-scale",
    "subject",
    sink,
  );
  // Rows that name a year are keyed by it too; the results look up their year's row first.
  const years = new Set([...results.rows, ...scores.rows].map((r) => r.value.year));
  if (results.complete && scores.complete) scaleRows = checkScaleYears(scales, scaleRows, years, sink);
  const scaleMap = scales.complete ? new Map<string, Scale | null>(scaleRows.map((r) => [scaleRowKey(r.value), r.value])) : null;
  for (const r of scales.invalid) {
    const { procedure, grade, subject, year } = r.value;
    if (scaleMap !== null && typeof procedure === "string" && typeof grade === "number" && typeof subject === "string") {
      const k = scaleRowKey({ procedure, grade, subject, year: typeof year === "number" ? year : null });
      if (!scaleMap.has(k)) scaleMap.set(k, null);
    }
  }
  scaleRows = checkScaleRows(scales, scaleRows, sink);
  // A threshold row that exists but is wrong answers "is there a scale" yet gives no maximum.
  const validScales = new Set(scaleRows.map((r) => r.value));
  for (const [k, v] of scaleMap ?? []) if (v !== null && !validScales.has(v)) scaleMap?.set(k, null);

  let resultRows = unifySubjects(results.rows, spelling);
  if (known !== null) resultRows = checkUnknownSchools({ ...results, rows: resultRows }, known, sink);
  resultRows = checkDuplicateKeys(
    results,
    resultRows,
    (v) => `${groupKey(v)}\u0000${looseKey(v.subject)}`,
    (v) => `ОО ${v.schoolId}, ${v.year} год, ${scaleKeyText(v.procedure, v.grade, v.subject)}`,
    "duplicate-result",
    "subject",
    sink,
  );
  resultRows = checkCounts(results, resultRows, sink);
  if (scaleMap !== null) resultRows = checkAgainstScales(results, resultRows, scaleMap, "meanScore", (v) => v.meanScore, sink);

  let scoreRows = unifySubjects(scores.rows, spelling);
  if (known !== null) scoreRows = checkUnknownSchools({ ...scores, rows: scoreRows }, known, sink);
  scoreRows = checkDuplicateParts(
    scores,
    scoreRows,
    6,
    (v) => [v.schoolId, v.year, v.procedure, v.grade, looseKey(v.subject), v.participantId],
    (v) => `${v.participantId} (ОО ${v.schoolId}, ${v.year} год, ${scaleKeyText(v.procedure, v.grade, v.subject)})`,
    "duplicate-score",
    "participantId",
    sink,
  );
  if (scaleMap !== null) scoreRows = checkAgainstScales(scores, scoreRows, scaleMap, "score", (v) => v.score, sink);

  flagOverriddenResults(results, resultRows, scoreRows, sink);
  checkResultPresence(results, resultRows, scores, scoreRows, present(RESULTS_SHEET as SheetDef<unknown>) || present(SCORES_SHEET as SheetDef<unknown>), sink);

  // One spelling per municipality (case, ё, Latin look-alikes), with a warning where spellings merged.
  const unified = unifySpellings(live(schools), schools.rows, "municipality", "муниципалитет", sink);
  const schoolYears = splitSchoolYears(checkMonitoringCounts(live(schools), dropAbsentFisLogin(schools, dropAbsentMonitoringFields(live(schools), unified.rows)), sink));
  const schoolRows = schoolYears.latest;
  const municipalities = schools.complete && schools.invalid.length === 0 ? new Set(unified.spelling.values()) : null;
  const municipalSheet = municipalLoad.sheet;
  const municipalRows =
    municipalSheet === null
      ? null
      : checkMunicipalIndicators(
          live({ ...municipalSheet, rows: unifySpellings(live(municipalSheet), municipalSheet.rows, "municipality", "муниципалитет", sink, { sheet: schools.name, spelling: unified.spelling }).rows }),
          municipalities,
          sink,
        );

  const recommendationRows = recommendationsLoad.sheet === null ? null : checkRecommendations(live(recommendationsLoad.sheet), sink);
  const profileRows = profileLoad.sheet === null ? null : checkRiskProfiles(live(profileLoad.sheet), known, sink);

  const issues = sink.finish().map((d) => toIssue(joined.relocate(d)));
  if (issues.some((i) => i.severity === "error")) return { ok: false, issues };
  return {
    ok: true,
    issues,
    input: {
      schools: schoolRows.map((r) => r.value),
      results: resultRows.map((r) => r.value),
      scores: scoreRows.map((r) => r.value),
      scales: scaleRows.map((r) => r.value),
      ...(municipalRows === null ? {} : { municipalIndicators: municipalRows.map((r) => r.value) }),
      ...(recommendationRows === null ? {} : { recommendations: recommendationRows.map((r) => r.value) }),
      ...(profileRows === null ? {} : { riskProfiles: profileRows.map((r) => r.value) }),
      ...(schoolYears.earlier.length === 0 ? {} : { earlierSchools: schoolYears.earlier }),
    },
  };
}

/**
 * A read sheet of the old shape as the live modules take it (they read `rows` only): the modules
 * the speed work left unchanged (spellings, monitoringRules, recommendationsSheet,
 * riskProfileSheet) are the live ones, not copies.
 */
function live<T>(sheet: ReadSheet<T>): LiveReadSheet<T> {
  return { ...sheet, list: { values: sheet.rows.map((r) => r.value), at: sheet.rows.map((r) => r.row) } };
}
