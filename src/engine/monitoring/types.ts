/**
 * Result types of the monitoring (seeds 001 and 002): the dynamics of the indices and of the
 * ШНОР / ШНСУ lists year on year, and the municipal and regional indicators.
 *
 * Conventions, as in the rest of the JSON result (DESIGN.md):
 * - keys are stable; every array is sorted deterministically (years ascending, then codes);
 * - shares and indices are fractions in [0, 1]; a change of an index is a difference of
 *   fractions (−0.04 is "минус 4 п.п."), or a relative change when the mode is `relative`;
 * - an undefined value is `null`, never 0 and never absent.
 *
 * Sheets: `Динамика` is meant to show {@link DynamicsResult.region} (one row per year),
 * {@link DynamicsResult.schools} (one row per school, a column per year) and
 * {@link DynamicsResult.procedures} (one row per school × procedure × pair of years);
 * `Мониторинг` shows {@link MonitoringIndicators.region} and, per municipality, the counts and
 * {@link MunicipalMonitoring.indicators}. Colour a cell green when `met === true`, red when
 * `met === false`, and leave it plain when `met === null`.
 */
import type { Category } from "../types";

/** How an indicator's `value` reads: a share, a change in index points, a relative change, or a 1/0 score. */
export type IndicatorUnit = "share" | "indexPoints" | "relativeChange" | "score" | "count";

/**
 * `ok` — computed; `noData` — the data cannot give it (`missing` names the columns or sheets
 * that would); `notApplicable` — nothing to compute over (no ШНОР and ШНСУ in the municipality,
 * no risk-zone schools).
 */
export type IndicatorStatus = "ok" | "noData" | "notApplicable";

/** One indicator's value: a row of the `Мониторинг` sheet. */
export interface IndicatorValue {
  /** Stable code, e.g. `teachersWithIom`, `lowIndexDynamics`, or `custom:<name>` for a yes/no indicator of the sheet not in seed 001. */
  readonly id: string;
  /** Where the seed defines it: "001 §1.2.4" (Ivanovo) or "002 №9" (Stavropol). Empty for a custom indicator. */
  readonly source: string;
  /** Russian name as in the seed (or as written on `Мониторинг МО`). */
  readonly name: string;
  /** The year the value is for (the later year of a dynamics pair); `null` when there is no year. */
  readonly year: number | null;
  readonly unit: IndicatorUnit;
  /** A share (fraction), a change (see {@link IndicatorUnit}) or a score 1/0. */
  readonly value: number | null;
  /** Shares: n and m of n ÷ m. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Dynamics: the earlier year and the index in each year of the pair. */
  readonly fromYear: number | null;
  readonly fromValue: number | null;
  readonly toValue: number | null;
  /** The target in the same unit as `value` (e.g. −0.03 for "low index down by 3 п.п."), when the seed sets one. */
  readonly target: number | null;
  /** `atLeast`: met when value ≥ target; `atMost`: met when value ≤ target. */
  readonly comparison: "atLeast" | "atMost" | null;
  /** Met / not met; `null` without a target or without a value. */
  readonly met: boolean | null;
  /** Seed 001 scoring: 1 when present or at/above its level (`target`), 0 otherwise; `null` for an indicator not scored or without a value. */
  readonly score: number | null;
  /** Seed 001 shares: schools of the group without an answer (counted as «нет»); `null` elsewhere. */
  readonly unanswered: number | null;
  readonly status: IndicatorStatus;
  /** Columns (`Школы: «Педагогов с ИОМ»`) or sheets that would give the value; empty when computed. */
  readonly missing: readonly string[];
  /** Plain-Russian explanation with the numbers ("3 из 4 школ; нет данных у 1 школы"). */
  readonly note: string;
}

/** Region-wide indices of one year (all evaluated procedures, participant-weighted) and the ШНОР / ШНСУ counts of that year's identification. */
export interface RegionYear {
  readonly year: number;
  /** Schools with at least one evaluated procedure that year. */
  readonly schools: number;
  /** Participants of the evaluated procedures (summed over schools and procedures). */
  readonly participants: number;
  readonly lowIndex: number | null;
  readonly massIndex: number | null;
  /**
   * Change from the previous year present (`null` for the first year): to − from, in index
   * points whatever `dynamicsMode` (−0.06 = "минус 6 п.п."); the `…TargetMet` flags follow the mode.
   */
  readonly lowChange: number | null;
  readonly massChange: number | null;
  /** The low index fell / the mass index rose by at least the target (see `dynamicsMode`). */
  readonly lowTargetMet: boolean | null;
  readonly massTargetMet: boolean | null;
  /** Counts of the identification run on the data up to this year. */
  readonly shnor: number;
  readonly shnsu: number;
  readonly shnorOrShnsu: number;
  readonly riskZone: number;
}

/** A school's status in one identification year. */
export interface SchoolYearStatus {
  readonly year: number;
  readonly shnor: boolean;
  readonly shnsu: boolean;
  readonly riskZone: boolean;
  readonly category: Category;
  /** ШНОР rules that fired that year (R1, R2, …). */
  readonly shnorRules: readonly string[];
}

/** One school across the identification years: a row of `Динамика`. */
export interface SchoolDynamics {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  /** One entry per identification year, ascending. */
  readonly years: readonly SchoolYearStatus[];
  /** Years in which the school was ШНОР. */
  readonly shnorYears: number;
  /**
   * ШНОР in each of the last `stableShnorYears` identification years. `null` when it was ШНОР
   * in every year there is but there are fewer years than that.
   */
  readonly stableShnor: boolean | null;
}

/** A school's procedure from one year to the next present year: a row of `Динамика`. */
export interface ProcedureDynamics {
  readonly schoolId: string;
  readonly schoolName: string;
  readonly municipality: string;
  /** As the rules see it (`procedureUnit`): "ВПР 5 кл." or "ВПР". */
  readonly procedure: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** Indices of the two years; `null` where the procedure was absent or not evaluated. */
  readonly lowFrom: number | null;
  readonly lowTo: number | null;
  /** lowTo − lowFrom in index points whatever `dynamicsMode`; `lowTargetMet` follows the mode. */
  readonly lowChange: number | null;
  /** The low index fell by at least the target. */
  readonly lowTargetMet: boolean | null;
  readonly massFrom: number | null;
  readonly massTo: number | null;
  readonly massChange: number | null;
  /** The mass index rose by at least the target. */
  readonly massTargetMet: boolean | null;
  /** Why a value is missing ("2023: мало участников (7)"); `null` when all is there. */
  readonly note: string | null;
}

/** Schools entering, leaving and staying in ШНОР or ШНСУ between two consecutive identification years. */
export interface StatusTransition {
  readonly fromYear: number;
  readonly toYear: number;
  readonly status: "shnor" | "shnsu";
  /** School codes, sorted. */
  readonly entered: readonly string[];
  readonly left: readonly string[];
  readonly stayed: readonly string[];
}

/** The region's indices of one procedure unit in one year (SPEC.md §9a: dynamics per procedure), non-objective results left out. */
export interface RegionUnitYear {
  readonly year: number;
  /** "ВПР 5 кл." (or "ВПР" with `procedureUnit = procedure`). */
  readonly procedure: string;
  readonly schools: number;
  readonly participants: number;
  readonly lowIndex: number | null;
  readonly massIndex: number | null;
  /** From the previous year present in which the unit was evaluated too; `null` otherwise (a unit not held is not progress). */
  readonly lowChange: number | null;
  readonly massChange: number | null;
  readonly lowTargetMet: boolean | null;
  readonly massTargetMet: boolean | null;
}

/** The share of ШНОР and ШНСУ among the schools in one year, and its change from the previous year present (seed 000, expected result 7). */
export interface StatusShareYear {
  readonly year: number;
  readonly schools: number;
  readonly shnor: number;
  readonly shnsu: number;
  readonly shnorOrShnsu: number;
  /** Fractions of `schools`; `null` without schools. */
  readonly shnorShare: number | null;
  readonly shnsuShare: number | null;
  readonly shnorOrShnsuShare: number | null;
  /** Differences of fractions from the previous year (−0.02 = "минус 2 п.п."); `null` in the first year. */
  readonly shnorShareChange: number | null;
  readonly shnsuShareChange: number | null;
  readonly shnorOrShnsuShareChange: number | null;
}

/** Regional and municipal shares of ШНОР and ШНСУ year by year. */
export interface StatusShares {
  readonly region: readonly StatusShareYear[];
  /** By municipality name. */
  readonly municipalities: readonly { readonly name: string; readonly years: readonly StatusShareYear[] }[];
}

/** The `dynamics` section of the JSON result. */
export interface DynamicsResult {
  /** Identification years: every year present in the results, ascending. */
  readonly years: readonly number[];
  /** The parameters the targets were read with (for the sheet's header). */
  readonly targetPoints: number;
  readonly mode: "points" | "relative";
  readonly stableShnorYears: number;
  readonly region: readonly RegionYear[];
  readonly schools: readonly SchoolDynamics[];
  readonly procedures: readonly ProcedureDynamics[];
  readonly transitions: readonly StatusTransition[];
  /** The region per procedure unit and year (the `region[]` rows pool every procedure). */
  readonly regionUnits: readonly RegionUnitYear[];
  /** Seed 000, expected result 7: shares of ШНОР and ШНСУ year by year, regional and municipal. */
  readonly statusShares: StatusShares;
  readonly notes: readonly string[];
}

/** One municipality in the latest year: counts of seed 001 §1.2.1 and its indicators. */
export interface MunicipalMonitoring {
  readonly name: string;
  readonly schools: number;
  readonly shnor: number;
  readonly shnsu: number;
  readonly shnorOrShnsu: number;
  /** shnorOrShnsu ÷ schools. */
  readonly share: number | null;
  readonly riskZone: number;
  /** Seed 001 indicators in the seed's order, then custom yes/no indicators by name. */
  readonly indicators: readonly IndicatorValue[];
  /** Sum of the indicators' scores (seed 001 §1.2.6: 1 for «да» or a share at or above its level). */
  readonly score: number;
  /** Number of scored indicators, those not applicable left out (the highest possible score). */
  readonly scoreMax: number;
}

/** The `monitoring` section of the JSON result. */
export interface MonitoringIndicators {
  /** The year the indicators describe (the latest year of the results). */
  readonly year: number | null;
  readonly municipalities: readonly MunicipalMonitoring[];
  /** Seed 002 indicators 2, 3, 9–17: the dynamics ones per pair of years, the others for the latest year. */
  readonly region: readonly IndicatorValue[];
}

/** What {@link monitor} returns. */
export interface MonitoringResult {
  readonly dynamics: DynamicsResult;
  readonly monitoring: MonitoringIndicators;
}
