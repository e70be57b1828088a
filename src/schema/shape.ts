/**
 * Step 1 of validation, the shape: which raw sheet is which input sheet, where its header row
 * is, and which column holds which field.
 */
import { columnList, type SheetDef } from "./columns";
import type { RawSheet, RawWorkbook } from "./raw";
import { SILENT_HEADERS } from "./sheets";
import type { IssueSink } from "./sink";
import { headerKey, looseKey } from "./text";
import { cellText, isBlank } from "./values";

/** The header row is looked for in this many first rows. */
export const HEADER_SEARCH_ROWS = 20;

/** A raw sheet matched to its definition, with its header row and field → column index. */
export interface LocatedSheet {
  readonly raw: RawSheet;
  /** 0-based index of the header row. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, number>;
}

/** Header key → field, over the header and every synonym of every column. */
export function headerIndex(def: SheetDef<unknown>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const { field, def: col } of columnList(def)) {
    for (const h of [col.header, ...col.synonyms]) map.set(headerKey(h), field);
  }
  return map;
}

const SILENT = new Set(SILENT_HEADERS.map(headerKey));

/** Does a sheet name denote this input sheet? */
export function sheetNameMatches(def: SheetDef<unknown>, name: string): boolean {
  const key = headerKey(name);
  return [def.name, ...def.synonyms].some((n) => headerKey(n) === key);
}

/**
 * The raw sheet for a definition: the first visible one whose name matches (a hidden sheet only
 * when no visible one does); the other matches are reported, hidden ones marked as such.
 */
export function findSheet(wb: RawWorkbook, def: SheetDef<unknown>, sink: IssueSink): RawSheet | null {
  const matches = wb.sheets.filter((s) => sheetNameMatches(def, s.name));
  const hits = [...matches.filter((s) => s.hidden !== true), ...matches.filter((s) => s.hidden === true)];
  const first = hits[0];
  if (first === undefined) return null;
  for (const other of hits.slice(1)) {
    sink.push({ code: "sheet-duplicate", sheet: first.name, row: null, column: null, details: { sheet: def.name, other: other.name, ...(other.hidden === true ? { otherHidden: "да" } : {}) } });
  }
  return first;
}

/**
 * Finds the header row (the row within the first {@link HEADER_SEARCH_ROWS} that names the most
 * known columns, at least two) and maps its cells to fields. Reports missing required columns,
 * repeated columns and unknown ones.
 */
export function locateSheet(raw: RawSheet, def: SheetDef<unknown>, sink: IssueSink): LocatedSheet | null {
  const index = headerIndex(def);
  let best = -1;
  let bestHits = 1;
  const limit = Math.min(raw.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = raw.rows[r] ?? [];
    const fields = new Set<string>();
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      const f = index.get(headerKey(cell));
      if (f !== undefined) fields.add(f);
    }
    if (fields.size > bestHits) {
      best = r;
      bestHits = fields.size;
    }
  }
  const cols = columnList(def);
  if (best < 0) {
    sink.push({
      code: "header-row-not-found",
      sheet: raw.name,
      row: null,
      column: null,
      details: { rows: HEADER_SEARCH_ROWS, example: cols.map((c) => c.def.header).slice(0, 3).join("», «") },
    });
    return null;
  }
  const header = raw.rows[best] ?? [];
  const columns = new Map<string, number>();
  header.forEach((cell, c) => {
    if (isBlank(cell) || cell === null) return;
    const text = cellText(cell);
    const key = headerKey(text);
    const field = index.get(key);
    if (field === undefined) {
      if (!SILENT.has(key) && !SILENT.has(looseKey(text))) {
        sink.push({ code: "column-ignored", sheet: raw.name, row: best, column: c, details: { header: text } });
      }
      return;
    }
    const firstCol = columns.get(field);
    if (firstCol !== undefined) {
      const name = header[firstCol];
      sink.push({
        code: "column-duplicate",
        sheet: raw.name,
        row: best,
        column: c,
        details: { header: text, first: `«${name === undefined || name === null ? "" : cellText(name)}»` },
      });
      return;
    }
    columns.set(field, c);
  });
  for (const { field, def: col } of cols) {
    if (col.required && !columns.has(field)) {
      sink.push({ code: "column-missing", sheet: raw.name, row: null, column: null, details: { header: col.header } });
    }
  }
  return { raw, headerRow: best, columns };
}
