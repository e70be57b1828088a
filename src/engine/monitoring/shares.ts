/**
 * Shares n ÷ m × 100 % of seeds 001 and 002 over a group of schools, from the optional
 * monitoring columns of `Школы`. A school without an answer is left out of both n and m, and
 * the note says how many were; with no answer at all the value is "нет данных", naming the
 * columns. `all` is every school of the region: it tells a missing column from empty cells.
 */
import { int, plural } from "../format";
import type { School, SchoolMonitoring } from "../types";
import { schoolColumn } from "./definitions";
import { noData, notApplicable, share, SCHOOLS_NOUN } from "./indicatorValue";
import type { IndicatorValue } from "./types";

type Base = Pick<IndicatorValue, "id" | "source" | "name" | "year">;

/** The column is not on the sheet: no school of the region has the field (an empty cell is `null`). */
function absent(schools: readonly School[], field: keyof SchoolMonitoring): boolean {
  return schools.every((s) => s[field] === undefined);
}

function noAnswer(base: Base, schools: readonly School[], all: readonly School[], fields: readonly (keyof SchoolMonitoring)[], groupNote: string): IndicatorValue {
  const gone = fields.filter((f) => absent(all, f));
  const note =
    gone.length > 0
      ? `нет столбца ${gone.map((f) => schoolColumn(f).replace("Школы: ", "")).join(", ")} на листе «Школы»`
      : `пустые ячейки у ${int(schools.length)} ${plural(schools.length, "школы", "школ", "школ")} ${groupNote}`;
  return noData(base, "share", fields.map(schoolColumn), note);
}

/**
 * Schools answering «да» ÷ schools of the group with an answer.
 *
 * @example
 * // ШППКО: «да», «нет», «да», empty → 2 of 3 schools, 66,7 %; нет данных у 1 школы
 */
export function schoolShare(base: Base, group: readonly School[], all: readonly School[], field: keyof SchoolMonitoring, groupNote: string): IndicatorValue {
  if (group.length === 0) return notApplicable(base, "share", `нет школ ${groupNote}`);
  const answered = group.filter((s) => typeof s[field] === "boolean");
  if (answered.length === 0) return noAnswer(base, group, all, [field], groupNote);
  const yes = answered.filter((s) => s[field] === true).length;
  return share(base, yes, answered.length, SCHOOLS_NOUN, group.length - answered.length);
}

/**
 * Σ part ÷ Σ whole over the schools of the group that give both counts (seed 001: teachers of
 * ШНОР and ШНСУ with ИОМ ÷ all their teachers; seed 002 №16–17: weak pupils).
 *
 * @example
 * // teachers 20 and 10, with ИОМ 5 and 5 → 10 of 30 teachers, 33,3 %
 */
export function countShare(
  base: Base,
  group: readonly School[],
  all: readonly School[],
  part: keyof SchoolMonitoring,
  whole: keyof SchoolMonitoring,
  noun: readonly [string, string, string],
  groupNote: string,
): IndicatorValue {
  if (group.length === 0) return notApplicable(base, "share", `нет школ ${groupNote}`);
  const given = group.filter((s) => typeof s[part] === "number" && typeof s[whole] === "number");
  if (given.length === 0) return noAnswer(base, group, all, [part, whole], groupNote);
  const n = given.reduce((acc, s) => acc + (s[part] as number), 0);
  const m = given.reduce((acc, s) => acc + (s[whole] as number), 0);
  if (m === 0) return notApplicable(base, "share", `${schoolColumn(whole).replace("Школы: ", "")} = 0 ${groupNote}`);
  return share(base, n, m, noun, group.length - given.length);
}

/**
 * Seed 001's share of schools: schools answering «да» ÷ all the schools of the group, as the seed
 * writes it; a school without an answer counts as «нет» and is counted in `unanswered`. With the
 * column absent or every cell empty the value is "нет данных", as {@link schoolShare}.
 *
 * @example
 * // ШППКО: «да», «нет», «да», empty → 2 of 4 schools, 50,0 %; без ответа 1 школа (считается «нет»)
 */
export function schoolShareOfAll(base: Base, group: readonly School[], all: readonly School[], field: keyof SchoolMonitoring, groupNote: string): IndicatorValue {
  if (group.length === 0) return notApplicable(base, "share", `нет школ ${groupNote}`);
  const unanswered = group.filter((s) => typeof s[field] !== "boolean").length;
  if (unanswered === group.length) return noAnswer(base, group, all, [field], groupNote);
  const yes = group.filter((s) => s[field] === true).length;
  return withUnanswered(share(base, yes, group.length, SCHOOLS_NOUN, 0), unanswered);
}

/** Adds the count of schools without an answer to a share (and to its note). */
export function withUnanswered(v: IndicatorValue, unanswered: number): IndicatorValue {
  const note = unanswered > 0 ? `${v.note}; без ответа ${int(unanswered)} ${plural(unanswered, "школа", "школы", "школ")} (считается «нет»)` : v.note;
  return { ...v, unanswered, note };
}

/**
 * Seed 001's share of teachers: Σ part ÷ Σ `Педагогических работников` over every school of the
 * group that gives its teachers; a school without the part counts as 0 («нет») and, like a school
 * without its teachers, in `unanswered`.
 *
 * @example
 * // teachers 20, 10, 30; with ИОМ 5, 5, empty → 10 of 60 teachers, 16,7 %; без ответа 1 школа
 */
export function countShareOfAll(
  base: Base,
  group: readonly School[],
  all: readonly School[],
  part: keyof SchoolMonitoring,
  whole: keyof SchoolMonitoring,
  noun: readonly [string, string, string],
  groupNote: string,
): IndicatorValue {
  if (group.length === 0) return notApplicable(base, "share", `нет школ ${groupNote}`);
  const num = (s: School, f: keyof SchoolMonitoring): number | null => (typeof s[f] === "number" ? (s[f] as number) : null);
  if (group.every((s) => num(s, part) === null) || group.every((s) => num(s, whole) === null)) return noAnswer(base, group, all, [part, whole], groupNote);
  const withWhole = group.filter((s) => num(s, whole) !== null);
  const n = withWhole.reduce((acc, s) => acc + (num(s, part) ?? 0), 0);
  const m = withWhole.reduce((acc, s) => acc + (num(s, whole) as number), 0);
  if (m === 0) return notApplicable(base, "share", `${schoolColumn(whole).replace("Школы: ", "")} = 0 ${groupNote}`);
  const unanswered = group.filter((s) => num(s, part) === null || num(s, whole) === null).length;
  return withUnanswered(share(base, n, m, noun, 0), unanswered);
}
