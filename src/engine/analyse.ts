/**
 * The whole yearly job: the identification of the latest year (SPEC.md §2–§9) together with the
 * monitoring over all years present (dynamics per seed 002, municipal indicators per seed 001,
 * regional indicators per seed 002). Shells (command line, task pane, demo) call this.
 */
import { attainment, type AttainmentResult } from "./attainment";
import { identify, identifyWithStats } from "./identify";
import { procedureStats } from "./procedureStats";
import type { Methodology } from "./methodology";
import { handOver } from "./handover";
import { monitorWith } from "./monitoring/monitor";
import type { MonitoringResult } from "./monitoring/types";
import type { IdentificationInput, IdentificationResult } from "./types";

/** The identification with the `dynamics` and `monitoring` sections of the JSON result. */
export type AnalysisResult = IdentificationResult & MonitoringResult & { readonly levels: AttainmentResult };

/**
 * Identify and monitor in one pass: the identification of the whole input is one of the
 * per-year identifications the monitoring makes anyway, so it is not computed twice, and the
 * procedure statistics are counted once for all years.
 *
 * @example
 * const result = analyse(input, PRESETS.kbr);
 * result.schools[0].category; result.dynamics.region; result.monitoring.municipalities;
 */
export function analyse(input: IdentificationInput, methodology: Methodology): AnalysisResult {
  const built = procedureStats(input.results, input.scores, input.scales, methodology.parameters);
  let full: IdentificationResult | undefined;
  const monitoring = monitorWith(input, methodology, (yearInput, m) => {
    if (m !== methodology) return identify(yearInput, m);
    // identifyByYear identifies the whole input first; the other calls are earlier years,
    // whose statistics are those of the whole input up to that year.
    if (yearInput === input) return (full = identifyWithStats(input, m, built));
    const last = latestYearOf(yearInput);
    return identifyWithStats(yearInput, m, { stats: built.stats.filter((s) => s.year <= last), issues: built.issues });
  });
  const latest = full ?? identify(input, methodology);
  const levels = attainment(input.scores, input.scales, methodology.parameters);
  const schools = latest.schools.map((s) => ({ ...s, basicOrAboveShare: levels.basicOrAboveLatest.get(s.id) ?? null }));
  // §12: recommendations and mentor schools, one step after the identification.
  return handOver({ ...latest, schools, dynamics: monitoring.dynamics, monitoring: monitoring.monitoring, levels }, input, methodology);
}

function latestYearOf(input: IdentificationInput): number {
  let last = -Infinity;
  for (const r of input.results) if (r.year > last) last = r.year;
  for (const r of input.scores) if (r.year > last) last = r.year;
  return last;
}
