/**
 * Step 2 of validation, normalise: every cell of a located sheet is read by its column's type
 * into the engine's field value; problems become issue drafts with the cell's location.
 */
import { columnList, type FieldColumn, type SheetDef, type SheetId } from "./columns";
import type { Expectation, IssueCode, IssueDraft } from "./issues";
import { formatExcelDate } from "./dateFormats";
import { dateCellKey, type CellValue } from "./raw";
import type { LocatedSheet } from "./shape";
import type { IssueSink } from "./sink";
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
} from "./values";

export type FieldValue = string | number | boolean | null;

/** One data row read into engine fields, with its 0-based sheet row index. */
export interface ReadRow<T> {
  readonly row: number;
  readonly value: T;
}

/**
 * Rows as two lists of one length: the values and their 0-based sheet rows. A million rows then
 * cost no object each besides their value (what the checks of «Результаты» and «Баллы» take).
 */
export interface RowList<T> {
  readonly values: readonly T[];
  readonly at: readonly number[];
}

/** `list` as {@link ReadRow}s. */
export function readRows<T>(list: RowList<T>): ReadRow<T>[] {
  return list.values.map((value, i) => ({ row: list.at[i]!, value }));
}

export interface ReadSheet<T> {
  readonly name: string;
  readonly headerRow: number;
  /** Field → 0-based column index, for issue locations. */
  readonly columns: ReadonlyMap<string, number>;
  /** Rows whose every non-nullable field is valid; a bad optional cell is `null` here. */
  readonly list: RowList<T>;
  /** {@link list} as {@link ReadRow}s, made when first asked for (the small sheets' checks take these). */
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
function failCell(sink: IssueSink, draft: IssueDraft, cells: FieldValue[], i: number, nullable: boolean): boolean {
  sink.push(draft);
  cells[i] = null;
  return nullable;
}

/**
 * A record of `fields`, all `null`, in that order: each row's record is a copy of it, filled in
 * place. A record built by stores through a computed key (`record[field] = …`) from `{}` turns
 * into a dictionary past 16 fields (V8's limit for keyed stores): «Результаты»' 20 fields then
 * took ~830 bytes a row instead of ~190, and every later full collection walked them. An object
 * read by `JSON.parse` has a fast, fixed shape with its fields inside it, and so have its spread
 * copies; stores to fields it already has keep that shape. (No `new Function`: the task pane's
 * content security policy forbids it.)
 */
function recordTemplate(fields: readonly string[]): Readonly<Record<string, FieldValue>> {
  return JSON.parse(JSON.stringify(Object.fromEntries(fields.map((f) => [f, null])))) as Record<string, FieldValue>;
}

/**
 * Records of «Баллы» made by an object literal: V8 learns at the literal's site that its objects
 * live on and allocates them where long-lived objects go, so a million of them are not copied by
 * every young-generation collection on the way (about three times faster than copies of the
 * template). One literal for every column present, and one each without the journal's marks or
 * without both marks (absent fields first, as the template has them); `cells` are the columns read.
 */
type RecordMaker = (cells: readonly FieldValue[]) => Record<string, FieldValue>;
const LITERAL_RECORDS: Partial<Record<SheetId, readonly RecordMaker[]>> = {
  scores: [
    (c) => ({ schoolId: c[0]!, year: c[1]!, procedure: c[2]!, grade: c[3]!, participantId: c[4]!, subject: c[5]!, score: c[6]!, mark: c[7]!, journalMark: c[8]! }),
    (c) => ({ journalMark: null, schoolId: c[0]!, year: c[1]!, procedure: c[2]!, grade: c[3]!, participantId: c[4]!, subject: c[5]!, score: c[6]!, mark: c[7]! }),
    (c) => ({ mark: null, journalMark: null, schoolId: c[0]!, year: c[1]!, procedure: c[2]!, grade: c[3]!, participantId: c[4]!, subject: c[5]!, score: c[6]! }),
  ],
};

/**
 * The literal record maker of a sheet whose record has the template's fields in its order, for
 * `read` columns in their order (checked here, so a column added to the sheet's definition only
 * means the template is used); `undefined` where there is none.
 */
function literalRecord(id: SheetId, template: Readonly<Record<string, FieldValue>>, read: readonly string[]): RecordMaker | undefined {
  const fields = Object.keys(template);
  for (const make of LITERAL_RECORDS[id] ?? []) {
    const probe = make(read);
    const keys = Object.keys(probe);
    const same = keys.length === fields.length && keys.every((k, i) => k === fields[i] && (read.includes(k) ? probe[k] === k : probe[k] === null));
    if (same) return make;
  }
  return undefined;
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
  const values: T[] = [];
  const at: number[] = [];
  const invalid: ReadSheet<T>["invalid"] = [];
  let dataRows = 0;

  // Per column: its index, and what each text seen in it was read as. Texts repeat (a school's
  // code, a subject, «ВПР» on a million rows, shared strings in an .xlsx), so each distinct text
  // is normalised once; only texts read without an issue are kept.
  const index = cols.map((c) => located.columns.get(c.field) ?? 0);
  const known = cols.map(() => new Map<string, FieldValue | typeof MISSING>());
  // Absent fields first (they are always null), then the columns read, as records always had them.
  const template = recordTemplate([...absent.map((c) => c.field), ...cols.map((c) => c.field)]);
  const fields = cols.map((c) => c.field);
  const scratch: FieldValue[] = cols.map(() => null);
  const literal = literalRecord(def.id, template, fields);
  const makeRecord =
    literal ??
    ((cells: readonly FieldValue[]): Record<string, FieldValue> => {
      const record: Record<string, FieldValue> = { ...template };
      for (let i = 0; i < cells.length; i++) record[fields[i]!] = cells[i]!;
      return record;
    });
  const absentValid = absent.every((c) => c.def.nullable);
  const rawRows = located.raw.rows;
  // Numeric columns read by the quick path below, with their bounds (±∞ where there is none).
  const quick = cols.map((c) => (c.def.type === "int" || c.def.type === "number" || c.def.type === "percent") && !fractions.has(c.field));
  const integer = cols.map((c) => c.def.type === "int");
  const low = cols.map((c) => (c.def.type === "percent" ? 0 : (c.def.min ?? -Infinity)));
  const high = cols.map((c) => (c.def.type === "percent" ? 100 : (c.def.max ?? Infinity)));
  // The last text of each column read without an issue, and its value: a school's code, the
  // procedure, the year repeat row after row, and a look-up in `known` costs a hash.
  const lastText: (string | null)[] = cols.map(() => null);
  const lastValue: FieldValue[] = cols.map(() => null);
  const prevText: (string | null)[] = cols.map(() => null);
  const prevValue: FieldValue[] = cols.map(() => null);

  for (let r = located.headerRow + 1; r < rawRows.length; r++) {
    const raw = rawRows[r] ?? [];
    let blank = true;
    for (let i = 0; i < index.length && blank; i++) blank = isBlank(raw[index[i]!]);
    if (blank) continue;
    dataRows++;
    // The row's values, column by column, made into its record at the end of the row.
    const cells = scratch;
    let valid = absentValid;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const c = index[i]!;
      const cell: CellValue = raw[c] ?? null;
      if (typeof cell === "number" && quick[i] === true && (dates === undefined || !dates.has(dateCellKey(r, c)))) {
        // The common case of a numeric column, without the general path's allocations.
        if (Number.isFinite(cell) && (integer[i] === false || Number.isInteger(cell)) && cell >= low[i]! && cell <= high[i]!) {
          cells[i] = cell;
          continue;
        }
      } else if (typeof cell === "string") {
        if (cell === lastText[i]) {
          cells[i] = lastValue[i]!;
          continue;
        }
        // A participant's subjects alternate row by row: the text before the last one.
        if (cell === prevText[i]) {
          cells[i] = prevValue[i]!;
          prevText[i] = lastText[i]!;
          prevValue[i] = lastValue[i]!;
          lastText[i] = cell;
          lastValue[i] = cells[i]!;
          continue;
        }
      }
      const col = cols[i]!.def;
      let failure: IssueCode | null = null;
      if (typeof cell === "string") {
        const hit = known[i]!.get(cell);
        if (hit === MISSING) {
          cells[i] = null;
          if (!col.nullable) {
            sink.push({ code: "value-missing", sheet, row: r, column: c, details: { header: col.header } });
            valid = false;
          }
          continue;
        }
        if (hit !== undefined) {
          cells[i] = hit;
          prevText[i] = lastText[i]!;
          prevValue[i] = lastValue[i]!;
          lastText[i] = cell;
          lastValue[i] = hit;
          continue;
        }
      } else if (typeof cell === "number" && (col.type === "int" || col.type === "number" || col.type === "percent") && !fractions.has(field)) {
        // The common case of a numeric column, without the general path's allocations.
        if (dates !== undefined && dates.has(dateCellKey(r, c))) {
          sink.push({ code: "date-in-number-column", sheet, row: r, column: c, received: cell, details: { header: col.header, date: formatExcelDate(cell, date1904) } });
          valid = col.nullable && valid;
          cells[i] = null;
          continue;
        }
        const min = col.type === "percent" ? 0 : col.min;
        const max = col.type === "percent" ? 100 : col.max;
        if (!Number.isFinite(cell)) failure = "not-a-number";
        else if (col.type === "int" && !Number.isInteger(cell)) failure = "not-an-integer";
        else if ((min !== undefined && cell < min) || (max !== undefined && cell > max)) failure = rangeCode(field, col, cell);
        else {
          cells[i] = cell;
          continue;
        }
        valid = failCell(sink, { code: failure, sheet, row: r, column: c, received: cell, expected: expectationOf(col) }, cells, i, col.nullable) && valid;
        continue;
      }
      if (cell !== null && typeof cell === "object") {
        valid = failCell(sink, { code: "cell-error", sheet, row: r, column: c, received: cell, expected: expectationOf(col) }, cells, i, col.nullable) && valid;
        continue;
      }
      if (isBlank(cell) && col.blankAs !== undefined) {
        cells[i] = col.blankAs;
        continue;
      }
      if (isBlank(cell) || (col.type !== "bool" && col.type !== "code" && col.type !== "text" && isNoDataMarker(cell))) {
        if (typeof cell === "string") remember(known[i]!, cell, MISSING);
        cells[i] = null;
        if (!col.nullable) {
          sink.push({ code: "value-missing", sheet, row: r, column: c, details: { header: col.header } });
          valid = false;
        }
        continue;
      }
      switch (col.type) {
        case "code":
          cells[i] = normaliseCode(cell);
          break;
        case "text":
          cells[i] = normaliseText(cell);
          break;
        case "subject":
          cells[i] = normaliseSubject(cell);
          break;
        case "procedure": {
          const p = normaliseProcedure(cell);
          cells[i] = p.value;
          if (!p.known && !seenNotes.has(`p:${p.value}`)) {
            seenNotes.add(`p:${p.value}`);
            sink.push({ code: "unknown-procedure", sheet, row: r, column: c, received: cell });
          }
          break;
        }
        case "bool": {
          const b = normaliseBool(cell);
          if (b.ok) cells[i] = b.value;
          else failure = b.code;
          break;
        }
        case "locality": {
          const l = normaliseLocality(cell);
          if (l.ok) cells[i] = l.value;
          else failure = l.code;
          break;
        }
        case "year": {
          const y = normaliseYear(cell);
          if (!y.ok) {
            failure = y.code;
            break;
          }
          cells[i] = y.value;
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
            cells[i] = null;
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
          cells[i] = n;
          break;
        }
      }
      if (failure !== null) {
        valid = failCell(sink, { code: failure, sheet, row: r, column: c, received: cell, expected: expectationOf(col) }, cells, i, col.nullable) && valid;
      } else if (typeof cell === "string") {
        remember(known[i]!, cell, cells[i]!);
        prevText[i] = lastText[i]!;
        prevValue[i] = lastValue[i]!;
        lastText[i] = cell;
        lastValue[i] = cells[i]!;
      }
    }
    if (valid) {
      values.push(makeRecord(cells) as unknown as T);
      at.push(r);
    }
    else invalid.push({ row: r, value: makeRecord(cells) });
  }
  const complete = absent.every((c) => c.def.nullable);
  return readSheetOf(sheet, located.headerRow, located.columns, { values, at }, invalid, dataRows, complete);
}

/** A {@link ReadSheet} whose `rows` are made from `list` when first asked for. */
export function readSheetOf<T>(
  name: string,
  headerRow: number,
  columns: ReadonlyMap<string, number>,
  list: RowList<T>,
  invalid: ReadSheet<T>["invalid"],
  dataRows: number,
  complete: boolean,
): ReadSheet<T> {
  let rows: ReadRow<T>[] | null = null;
  return {
    name,
    headerRow,
    columns,
    list,
    get rows(): ReadRow<T>[] {
      return (rows ??= readRows(list));
    },
    invalid,
    dataRows,
    complete,
  };
}
