/**
 * Step 2 of validation, normalise: every cell of a located sheet is read by its column's type
 * into the engine's field value; problems become issue drafts with the cell's location.
 */
import { columnList, type FieldColumn, type SheetDef } from "../../../src/schema/columns";
import type { Expectation, IssueCode, IssueDraft } from "../../../src/schema/issues";
import { formatExcelDate } from "../../../src/schema/dateFormats";
import { dateCellKey, type CellValue } from "../../../src/schema/raw";
import type { LocatedSheet } from "../../../src/schema/shape";
import type { IssueSink } from "../../../src/schema/sink";
import {
  cellText,
  isBlank,
  isNoDataMarker,
  normaliseBool,
  normaliseCode,
  normaliseLocality,
  normaliseProcedure,
  normaliseSubject,
  normaliseText,
  normaliseYear,
  parseNumber,
} from "../../../src/schema/values";

export type FieldValue = string | number | boolean | null;

/** One data row read into engine fields, with its 0-based sheet row index. */
export interface ReadRow<T> {
  readonly row: number;
  readonly value: T;
}

export interface ReadSheet<T> {
  readonly name: string;
  readonly headerRow: number;
  /** Field → 0-based column index, for issue locations. */
  readonly columns: ReadonlyMap<string, number>;
  /** Rows whose every non-nullable field is valid; a bad optional cell is `null` here. */
  readonly rows: ReadRow<T>[];
  /** Rows dropped for a bad required cell, with what could be read (few; kept for cross-row context). */
  readonly invalid: { readonly row: number; readonly value: Readonly<Record<string, FieldValue>> }[];
  /** Data rows that were not blank, valid or not. */
  readonly dataRows: number;
  /** Every column whose cells cannot be empty is present, so rows can be trusted as a whole. */
  readonly complete: boolean;
}

/** What a column expects, for messages. */
export function expectationOf(col: FieldColumn["def"]): Expectation {
  switch (col.type) {
    case "int":
    case "number":
      return { kind: "number", integer: col.type === "int", min: col.min ?? null, max: col.max ?? null };
    case "percent":
      return { kind: "number", integer: false, min: 0, max: 100 };
    case "year":
      return { kind: "year", min: 2000, max: 2100 };
    case "bool":
      return { kind: "bool" };
    case "locality":
      return { kind: "locality" };
    default:
      return { kind: "value" };
  }
}

function rangeCode(field: string, col: FieldColumn["def"], n: number): IssueCode {
  if (col.type === "percent") return "percent-out-of-range";
  if (field === "grade") return "grade-out-of-range";
  if (col.min === 0 && n < 0) return "negative-value";
  return "value-out-of-range";
}

/**
 * Percent columns that hold fractions: no value written with "%", every value in [0, 1] and at
 * least one strictly between (SPEC.md §1: "almost surely fractions").
 */
function fractionColumns(located: LocatedSheet, percentCols: readonly FieldColumn[]): Set<string> {
  const out = new Set<string>();
  for (const { field } of percentCols) {
    const c = located.columns.get(field);
    if (c === undefined) continue;
    let inside = false;
    let fraction = true;
    for (let r = located.headerRow + 1; r < located.raw.rows.length && fraction; r++) {
      const v = located.raw.rows[r]?.[c];
      if (v === undefined || isBlank(v) || (typeof v === "object" && v !== null)) continue;
      const n = parseNumber(v, true);
      if (n === null) continue;
      if (n.hadPercentSign || n.value < 0 || n.value > 1) fraction = false;
      else if (n.value > 0 && n.value < 1) inside = true;
    }
    if (fraction && inside) out.add(field);
  }
  return out;
}

/** A text that reads as no value (blank, «-», «н/д») in a column's cache of texts read. */
const MISSING = Symbol("missing");

/** Distinct texts remembered per column at most (a column of unique names must not hold them all twice). */
const KNOWN_TEXTS = 100_000;

function remember(known: Map<string, FieldValue | typeof MISSING>, text: string, value: FieldValue | typeof MISSING): void {
  if (known.size < KNOWN_TEXTS) known.set(text, value);
}

/** Reports a bad cell, empties its field; returns whether the row stays valid. */
function failCell(sink: IssueSink, draft: IssueDraft, record: Record<string, FieldValue>, field: string, nullable: boolean): boolean {
  sink.push(draft);
  record[field] = null;
  return nullable;
}

/** Reads the data rows of a located sheet. Blank rows are skipped silently. */
export function readSheet<T>(located: LocatedSheet, def: SheetDef<T>, sink: IssueSink, date1904 = false): ReadSheet<T> {
  const sheet = located.raw.name;
  const dates = located.raw.dateCells;
  const cols = columnList(def).filter((c) => located.columns.has(c.field));
  const absent = columnList(def).filter((c) => !located.columns.has(c.field));
  const fractions = fractionColumns(located, cols.filter((c) => c.def.type === "percent"));
  for (const field of fractions) {
    const column = located.columns.get(field) ?? null;
    const header = located.raw.rows[located.headerRow]?.[column ?? 0] ?? null;
    sink.push({ code: "fraction-percent", sheet, row: located.headerRow, column, details: { header: header === null ? field : cellText(header) } });
  }
  const seenNotes = new Set<string>();
  const rows: ReadRow<T>[] = [];
  const invalid: ReadSheet<T>["invalid"] = [];
  let dataRows = 0;

  // Per column: its index, and what each text seen in it was read as. Texts repeat (a school's
  // code, a subject, «ВПР» on a million rows, shared strings in an .xlsx), so each distinct text
  // is normalised once; only texts read without an issue are kept.
  const index = cols.map((c) => located.columns.get(c.field) ?? 0);
  const known = cols.map(() => new Map<string, FieldValue | typeof MISSING>());
  const absentFields = absent.map((c) => c.field);
  const absentValid = absent.every((c) => c.def.nullable);
  const rawRows = located.raw.rows;

  for (let r = located.headerRow + 1; r < rawRows.length; r++) {
    const raw = rawRows[r] ?? [];
    let blank = true;
    for (let i = 0; i < index.length && blank; i++) blank = isBlank(raw[index[i]!]);
    if (blank) continue;
    dataRows++;
    const record: Record<string, FieldValue> = {};
    let valid = absentValid;
    for (const field of absentFields) record[field] = null;
    for (let i = 0; i < cols.length; i++) {
      const { field, def: col } = cols[i]!;
      const c = index[i]!;
      const cell: CellValue = raw[c] ?? null;
      let failure: IssueCode | null = null;
      if (typeof cell === "string") {
        const hit = known[i]!.get(cell);
        if (hit === MISSING) {
          record[field] = null;
          if (!col.nullable) {
            sink.push({ code: "value-missing", sheet, row: r, column: c, details: { header: col.header } });
            valid = false;
          }
          continue;
        }
        if (hit !== undefined) {
          record[field] = hit;
          continue;
        }
      } else if (typeof cell === "number" && (col.type === "int" || col.type === "number" || col.type === "percent") && !fractions.has(field)) {
        // The common case of a numeric column, without the general path's allocations.
        if (dates !== undefined && dates.has(dateCellKey(r, c))) {
          sink.push({ code: "date-in-number-column", sheet, row: r, column: c, received: cell, details: { header: col.header, date: formatExcelDate(cell, date1904) } });
          valid = col.nullable && valid;
          record[field] = null;
          continue;
        }
        const min = col.type === "percent" ? 0 : col.min;
        const max = col.type === "percent" ? 100 : col.max;
        if (!Number.isFinite(cell)) failure = "not-a-number";
        else if (col.type === "int" && !Number.isInteger(cell)) failure = "not-an-integer";
        else if ((min !== undefined && cell < min) || (max !== undefined && cell > max)) failure = rangeCode(field, col, cell);
        else {
          record[field] = cell;
          continue;
        }
        valid = failCell(sink, { code: failure, sheet, row: r, column: c, received: cell, expected: expectationOf(col) }, record, field, col.nullable) && valid;
        continue;
      }
      if (cell !== null && typeof cell === "object") {
        valid = failCell(sink, { code: "cell-error", sheet, row: r, column: c, received: cell, expected: expectationOf(col) }, record, field, col.nullable) && valid;
        continue;
      }
      if (isBlank(cell) && col.blankAs !== undefined) {
        record[field] = col.blankAs;
        continue;
      }
      if (isBlank(cell) || (col.type !== "bool" && col.type !== "code" && col.type !== "text" && isNoDataMarker(cell))) {
        if (typeof cell === "string") remember(known[i]!, cell, MISSING);
        record[field] = null;
        if (!col.nullable) {
          sink.push({ code: "value-missing", sheet, row: r, column: c, details: { header: col.header } });
          valid = false;
        }
        continue;
      }
      switch (col.type) {
        case "code":
          record[field] = normaliseCode(cell);
          break;
        case "text":
          record[field] = normaliseText(cell);
          break;
        case "subject":
          record[field] = normaliseSubject(cell);
          break;
        case "procedure": {
          const p = normaliseProcedure(cell);
          record[field] = p.value;
          if (!p.known && !seenNotes.has(`p:${p.value}`)) {
            seenNotes.add(`p:${p.value}`);
            sink.push({ code: "unknown-procedure", sheet, row: r, column: c, received: cell });
          }
          break;
        }
        case "bool": {
          const b = normaliseBool(cell);
          if (b.ok) record[field] = b.value;
          else failure = b.code;
          break;
        }
        case "locality": {
          const l = normaliseLocality(cell);
          if (l.ok) record[field] = l.value;
          else failure = l.code;
          break;
        }
        case "year": {
          const y = normaliseYear(cell);
          if (!y.ok) {
            failure = y.code;
            break;
          }
          record[field] = y.value;
          const noteKey = `y:${cellText(cell)}`;
          if (y.note !== undefined && !seenNotes.has(noteKey)) {
            seenNotes.add(noteKey);
            sink.push({ code: y.note.code, sheet, row: r, column: c, received: cell, details: y.note.details });
          }
          break;
        }
        case "int":
        case "number":
        case "percent": {
          if (dates !== undefined && typeof cell === "number" && dates.has(dateCellKey(r, c))) {
            sink.push({ code: "date-in-number-column", sheet, row: r, column: c, received: cell, details: { header: col.header, date: formatExcelDate(cell, date1904) } });
            valid = col.nullable && valid;
            record[field] = null;
            continue;
          }
          const parsed = parseNumber(cell, col.type === "percent");
          if (parsed === null) {
            failure = "not-a-number";
            break;
          }
          // toPrecision drops the binary noise of ×100 (0.07 × 100 = 7.000000000000001).
          const n = fractions.has(field) ? Number((parsed.value * 100).toPrecision(12)) : parsed.value;
          if (col.type === "int" && !Number.isInteger(n)) {
            failure = "not-an-integer";
            break;
          }
          const min = col.type === "percent" ? 0 : col.min;
          const max = col.type === "percent" ? 100 : col.max;
          if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
            failure = rangeCode(field, col, n);
            break;
          }
          record[field] = n;
          break;
        }
      }
      if (failure !== null) {
        valid = failCell(sink, { code: failure, sheet, row: r, column: c, received: cell, expected: expectationOf(col) }, record, field, col.nullable) && valid;
      } else if (typeof cell === "string") {
        remember(known[i]!, cell, record[field]!);
      }
    }
    if (valid) rows.push({ row: r, value: record as unknown as T });
    else invalid.push({ row: r, value: record });
  }
  const complete = absent.every((c) => c.def.nullable);
  return { name: sheet, headerRow: located.headerRow, columns: located.columns, rows, invalid, dataRows, complete };
}
