/**
 * Monitoring of the work with ШНОР and ШНСУ (seeds 001 and 002): the public API.
 *
 * `monitor(input, methodology)` runs `identify` once per year present in the results; the lead's
 * wiring that already holds an identification may call `monitorWith` with its own function.
 */
import { identify } from "../identify";
import type { Methodology } from "../methodology";
import type { IdentificationInput } from "../types";
import { monitorWith } from "./monitor";
import type { MonitoringResult } from "./types";

/**
 * Dynamics and monitoring indicators of a region.
 *
 * @example
 * const { dynamics, monitoring } = monitor(input, PRESETS.kbr);
 * dynamics.transitions // schools entering, leaving, staying in ШНОР / ШНСУ year on year
 * monitoring.region    // seed 002 №2, 3, 9–17 with targets and met / not met
 */
export function monitor(input: IdentificationInput, methodology: Methodology): MonitoringResult {
  return monitorWith(input, methodology, identify);
}

export { monitorWith } from "./monitor";
export { identifyByYear, pooledIndices, truncateToYear, type IdentifyFn, type Pooled } from "./yearly";
export { dynamics, procedureDynamics, schoolDynamics, transitions, type YearlyIdentifications } from "./dynamics";
export { municipalMonitoring, knownYesNoIndicator, indicatorKey } from "./municipal";
export { regionalIndicators } from "./regional";
export { changeMeetsTarget, changeTarget, indexChange, meets, targetFor } from "./change";
export {
  MONITORING_COLUMN_HEADERS,
  MUNICIPAL_INDICATORS,
  MUNICIPAL_INDICATORS_SHEET_NAME,
  REGIONAL_INDICATORS,
  YES_NO_INDICATORS,
  schoolColumn,
  type MunicipalIndicator,
  type MunicipalIndicatorDef,
  type RegionalIndicator,
  type RegionalIndicatorDef,
  type SchoolGroup,
} from "./definitions";
export type * from "./types";
