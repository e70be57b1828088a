/** Builders of {@link IndicatorValue} rows, so that every indicator has every key. */
import { int, pct, plural } from "../format";
import type { IndicatorValue } from "./types";

type Base = Pick<IndicatorValue, "id" | "source" | "name" | "year">;

const EMPTY: Omit<IndicatorValue, "id" | "source" | "name" | "year" | "unit" | "status" | "note"> = {
  value: null,
  numerator: null,
  denominator: null,
  fromYear: null,
  fromValue: null,
  toValue: null,
  target: null,
  comparison: null,
  met: null,
  score: null,
  unanswered: null,
  missing: [],
};

/** A value the data cannot give, naming what would give it. */
export function noData(base: Base, unit: IndicatorValue["unit"], missing: readonly string[], note: string): IndicatorValue {
  return { ...base, ...EMPTY, unit, status: "noData", missing, note };
}

/** Nothing to compute over (an empty group). */
export function notApplicable(base: Base, unit: IndicatorValue["unit"], note: string): IndicatorValue {
  return { ...base, ...EMPTY, unit, status: "notApplicable", note };
}

/** A computed value with whatever else the indicator has (dynamics' years, target, …). */
export function computed(
  base: Base,
  unit: IndicatorValue["unit"],
  value: number,
  note: string,
  more: Partial<Omit<IndicatorValue, "id" | "source" | "name" | "year" | "unit" | "value" | "status" | "note">> = {},
): IndicatorValue {
  return { ...base, ...EMPTY, ...more, unit, value, status: "ok", note };
}

/** n ÷ m, with "n из m <noun>" and how many were left out for lack of data. */
export function share(base: Base, n: number, m: number, noun: readonly [string, string, string], withoutData: number): IndicatorValue {
  const parts = [`${int(n)} из ${int(m)} ${plural(m, ...noun)}`, pct(n / m)];
  if (withoutData > 0) parts.push(`нет данных у ${int(withoutData)} ${plural(withoutData, "школы", "школ", "школ")}`);
  return { ...base, ...EMPTY, unit: "share", value: n / m, numerator: n, denominator: m, status: "ok", note: parts.join("; ") };
}

export const SCHOOLS_NOUN: readonly [string, string, string] = ["школы", "школ", "школ"];
export const TEACHERS_NOUN: readonly [string, string, string] = ["педагога", "педагогов", "педагогов"];
export const PUPILS_NOUN: readonly [string, string, string] = ["обучающегося", "обучающихся", "обучающихся"];
