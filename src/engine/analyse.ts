/**
 * The whole yearly job: the identification of the latest year (SPEC.md §2–§9) together with the
 * monitoring over all years present (dynamics per seed 002, municipal indicators per seed 001,
 * regional indicators per seed 002). Shells (command line, task pane, demo) call this.
 */
import { identify } from "./identify";
import type { Methodology } from "./methodology";
import { monitorWith } from "./monitoring/monitor";
import type { MonitoringResult } from "./monitoring/types";
import type { IdentificationInput, IdentificationResult } from "./types";

/** The identification with the `dynamics` and `monitoring` sections of the JSON result. */
export type AnalysisResult = IdentificationResult & MonitoringResult;

/**
 * Identify and monitor in one pass: the identification of the whole input is one of the
 * per-year identifications the monitoring makes anyway, so it is not computed twice.
 *
 * @example
 * const result = analyse(input, PRESETS.kbr);
 * result.schools[0].category; result.dynamics.region; result.monitoring.municipalities;
 */
export function analyse(input: IdentificationInput, methodology: Methodology): AnalysisResult {
  let full: IdentificationResult | undefined;
  const monitoring = monitorWith(input, methodology, (yearInput, m) => {
    const result = identify(yearInput, m);
    // identifyByYear identifies the whole input first; the other calls are earlier years.
    if (yearInput === input) full = result;
    return result;
  });
  const latest = full ?? identify(input, methodology);
  return { ...latest, dynamics: monitoring.dynamics, monitoring: monitoring.monitoring };
}
