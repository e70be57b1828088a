import { mean, percentileInc } from "./percentile";
import type { Locality, SchoolTypeCode } from "./types";

/** Russian names of the six types (seed 000, Table 1), in the table's order. */
export const SCHOOL_TYPE_NAMES: Readonly<Record<SchoolTypeCode, string>> = {
  T1: "Депривированная сельская школа",
  T2: "Депривированная городская школа",
  T3: "Сельская малокомплектная школа",
  T4: "Школа в труднодоступной территории",
  T5: "Школа с высоким уровнем девиантности",
  T6: "Школа со смешанным языковым составом учащихся, с разным уровнем владения русским языком",
};

export const SCHOOL_TYPE_CODES: readonly SchoolTypeCode[] = ["T1", "T2", "T3", "T4", "T5", "T6"];

export const NO_TYPE = "Не относится";

/** Regional reference values of SPEC.md §5, with Excel's PERCENTILE.INC semantics. */
export interface SwiReferences {
  /** Q1 = PERCENTILE.INC(ИСБ, swiQuantile). */
  readonly swiQ1: number | null;
  /** D9(Ду) = PERCENTILE.INC(Ду, deviantPercentile). */
  readonly deviantD9: number | null;
  /** Mean share with non-native Russian. */
  readonly nonNativeMean: number | null;
}

/**
 * Regional references over all schools that have the needed value.
 *
 * @example
 * swiReferences([80, 50, 70, 60], [1, 2, 3, 4], [10, 20], 0.25, 0.9).swiQ1 // 57.5
 */
export function swiReferences(
  swis: readonly (number | null)[],
  registered: readonly (number | null)[],
  nonNative: readonly (number | null)[],
  swiQuantile = 0.25,
  deviantPercentile = 0.9,
): SwiReferences {
  return {
    swiQ1: percentileInc(present(swis), swiQuantile),
    deviantD9: percentileInc(present(registered), deviantPercentile),
    nonNativeMean: mean(present(nonNative)),
  };
}

function present(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) out.push(v);
  return out;
}

/** What the type criteria need to know of one school. */
export interface TypeInputs {
  readonly swi: number | null;
  readonly locality: Locality | null;
  readonly enrollment: number | null;
  readonly hardToReach: boolean | null;
  readonly nearestSchoolKm: number | null;
  readonly registered: number | null;
  readonly nonNativeShare: number | null;
}

export interface TypeParameters {
  readonly smallSchoolEnrollment: number;
  readonly remoteKm: number;
}

/** The outcome of one type criterion: met, not met, or not evaluable for lack of data. */
export type Tri = boolean | null;

export interface SchoolTypesOutcome {
  /** `null` when the school has no ИСБ or the region has no Q1. */
  readonly lowSwi: boolean | null;
  /** Types met, in the table's order (empty outside the low-ИСБ group). */
  readonly types: readonly SchoolTypeCode[];
  /** Types whose criterion lacks data (only for a school in the low-ИСБ group). */
  readonly notEvaluable: readonly SchoolTypeCode[];
  /** Every criterion's verdict (before the low-ИСБ condition). */
  readonly criteria: Readonly<Record<SchoolTypeCode, Tri>>;
}

/** "a or b" where either may be unknown: true if any is true, false if all are known false. */
export function anyTrue(...values: readonly Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  if (values.every((v) => v === false)) return false;
  return null;
}

/** Remoteness (T4 and the risk factor): hard-to-reach area, or nearest school ≥ remoteKm. */
export function isRemote(hardToReach: boolean | null, nearestSchoolKm: number | null, remoteKm: number): Tri {
  return anyTrue(hardToReach, nearestSchoolKm === null ? null : nearestSchoolKm >= remoteKm);
}

/**
 * Types T1–T6 of SPEC.md §5 (seed 000, Table 1). Every type requires ИСБ ≤ Q1.
 *
 * @example
 * schoolTypes({ swi: 50, locality: "село", enrollment: 87, hardToReach: false, nearestSchoolKm: 5,
 *   registered: 2, nonNativeShare: 0 }, { swiQ1: 57.5, deviantD9: 9, nonNativeMean: 3 },
 *   { smallSchoolEnrollment: 100, remoteKm: 30 }).types // ["T1", "T3"]
 */
export function schoolTypes(school: TypeInputs, refs: SwiReferences, params: TypeParameters): SchoolTypesOutcome {
  const lowSwi = school.swi === null || refs.swiQ1 === null ? null : school.swi <= refs.swiQ1;
  const rural: Tri = school.locality === null ? null : school.locality === "село";
  const urban: Tri = school.locality === null ? null : school.locality === "город";
  const small: Tri = school.enrollment === null ? null : school.enrollment < params.smallSchoolEnrollment;
  const criteria: Record<SchoolTypeCode, Tri> = {
    T1: rural,
    T2: urban,
    T3: rural === false || small === false ? false : rural === null || small === null ? null : true,
    T4: isRemote(school.hardToReach, school.nearestSchoolKm, params.remoteKm),
    T5: school.registered === null || refs.deviantD9 === null ? null : school.registered > refs.deviantD9,
    T6: school.nonNativeShare === null || refs.nonNativeMean === null ? null : school.nonNativeShare > refs.nonNativeMean,
  };
  const types: SchoolTypeCode[] = [];
  const notEvaluable: SchoolTypeCode[] = [];
  if (lowSwi === true) {
    for (const code of SCHOOL_TYPE_CODES) {
      if (criteria[code] === true) types.push(code);
      else if (criteria[code] === null) notEvaluable.push(code);
    }
  }
  return { lowSwi, types, notEvaluable, criteria };
}
