/**
 * Import of real exports (FORMATS.md, SPEC.md §11): ФИС ОКО forms and the processing centre's
 * protocols → the input sheets. Pure: the shells (CLI, task pane) read the files into raw cells,
 * make the name key and write the sheets.
 *
 * @example
 * const session = new ImportSession({ nameKey: randomBytes(32) });
 * session.addWorkbook("РУ 4.xlsx", await readXlsxFile("РУ 4.xlsx"));
 * const out = assembleImport(session, baseSheets);
 */
export { ImportSession, type ImportOptions } from "./session";
export { assembleImport, FROM_EXPORT_NOTE, RESULTS_HEADER, SCALES_HEADER, SCHOOLS_HEADER, SCORES_HEADER, type Assembled, type AssembleOptions, type OutputSheet, type Unjoined } from "./assemble";
export { NameHasher, NAME_KEY_BYTES, nobleHmac, type HmacFactory } from "./hash";
export { FORM_NAMES, type FormId, type ImportIssue, type SheetReport, type Where } from "./model";
export { reportCells, reportTable, REPORT_HEADER } from "./report";
export { formatImportIssue, formatWhere } from "./text";
