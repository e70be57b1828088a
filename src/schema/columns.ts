/**
 * The language of sheet definitions: a column's Russian header, synonyms, type, range and the
 * engine field it fills. Types are tied to the engine's field types so a definition that does
 * not fit its field does not compile.
 */
import type { Locality } from "../engine/types";

/**
 * How a cell is read:
 * - `code` — identifier kept as text (7013 → "7013", "07013" keeps its zero);
 * - `text` — trimmed text with collapsed spaces;
 * - `procedure` — ВПР/ОГЭ/ЕГЭ/РДР in canonical spelling, other names kept;
 * - `subject` — trimmed text, first letter capitalised;
 * - `int`, `number` — numbers, also text with a decimal comma ("12,5");
 * - `percent` — percent points 0–100, "12,5%" accepted, a column of fractions is scaled;
 * - `bool` — да/нет, yes/no, 1/0, +/-;
 * - `year` — 2000–2100, "2023/2024" read as 2024;
 * - `locality` — город/село and variants ("сельская", "городская").
 */
export type ColumnType = "code" | "text" | "procedure" | "subject" | "int" | "number" | "percent" | "bool" | "year" | "locality";

type TypeFor<V> = [V] extends [boolean]
  ? "bool"
  : [V] extends [Locality]
    ? "locality"
    : [V] extends [number]
      ? "int" | "number" | "percent" | "year"
      : [V] extends [string]
        ? "code" | "text" | "procedure" | "subject"
        : never;

/** Definition of one column whose values fill an engine field of type `V`. */
export type ColumnDef<V> = {
  /** Header as the template writes it. */
  readonly header: string;
  /** Other accepted headers: English names and common Russian variants. */
  readonly synonyms: readonly string[];
  readonly type: TypeFor<NonNullable<V>>;
  /** Inclusive bounds; for `percent` 0–100 and `year` 2000–2100 are implied. */
  readonly min?: number;
  readonly max?: number;
  /** The column must be present on the sheet. */
  readonly required: boolean;
  /** Whether an empty cell is allowed (the field is then `null`). Follows the engine type. */
  readonly nullable: null extends V ? true : false;
  /** One-line Russian hint for the template. */
  readonly note: string;
  /** A blank cell reads as this value instead of being missing (`Предмет` «все» on «Результаты»). */
  readonly blankAs?: string;
};

/** Columns of a sheet, one per field of the engine row type `T`, in template order. */
export type ColumnsOf<T> = { readonly [K in keyof T]-?: ColumnDef<T[K]> };

export type SheetId = "schools" | "results" | "scores" | "scales" | "municipalIndicators" | "recommendations" | "riskProfiles";

export interface SheetDef<T> {
  readonly id: SheetId;
  /** Russian name as the template writes it. */
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly columns: ColumnsOf<T>;
}

/** A column definition with its engine field name, for iteration. */
export interface FieldColumn {
  readonly field: string;
  readonly def: ColumnDef<unknown> & { readonly type: ColumnType; readonly nullable: boolean };
}

/** The columns of a sheet as a list in template order. */
export function columnList<T>(sheet: SheetDef<T>): readonly FieldColumn[] {
  return Object.entries(sheet.columns).map(([field, def]) => ({ field, def: def as FieldColumn["def"] }));
}
