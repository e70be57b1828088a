/**
 * The whole yearly job: the identification of the latest year (SPEC.md §2–§9) together with the
 * monitoring over all years present (dynamics per seed 002, municipal indicators per seed 001,
 * regional indicators per seed 002). Shells (command line, task pane, demo) call this.
 */
import { attainmentFromCounts, type AttainmentResult } from "./attainment";
import { identify, identifyWithStats } from "./identify";
import { procedureCounts } from "./procedureStats";
import type { Methodology } from "./methodology";
import { handOver } from "./handover";
import { monitorWith } from "./monitoring/monitor";
import type { MonitoringResult } from "./monitoring/types";
import { truncateToYear } from "./monitoring/yearly";
import { journalComparisonsByYear } from "./risk/objectivity";
import { procedureVerdicts } from "./stages/procedureVerdicts";
import type { IdentificationInput, IdentificationResult } from "./types";

/** The identification with the `dynamics` and `monitoring` sections of the JSON result. */
export type AnalysisResult = IdentificationResult & MonitoringResult & { readonly levels: AttainmentResult };

/**
 * Identify and monitor in one pass: the identification of the whole input is one of the
 * per-year identifications the monitoring makes anyway, so it is not computed twice, and the
 * score rows are counted once for all years — the procedure statistics and the attainment
 * levels both come from that one count.
 *
 * @example
 * const result = analyse(input, PRESETS.kbr);
 * result.schools[0].category; result.dynamics.region; result.monitoring.municipalities;
 */
export function analyse(input: IdentificationInput, methodology: Methodology): AnalysisResult {
  const { stats, issues, counts } = procedureCounts(input.results, input.scores, input.scales, methodology.parameters);
  // The verdicts of every unit and year, once: each year's identification takes its years' share.
  const known = new Set(input.schools.map((s) => s.id));
  const verdicts = procedureVerdicts(
    stats.filter((s) => known.has(s.schoolId)),
    methodology.parameters,
  );
  // Factor 4's journal comparisons of every year, in one pass over the rows (not one per year).
  const years = [...new Set(stats.map((s) => s.year))];
  const journal = journalComparisonsByYear(input.scores, input.scales, years, methodology.parameters, input.results);
  const built = { stats, issues, verdicts, journal };
  // An earlier year's identification reads its statistics from those of the whole input (the
  // statistics of a school, year and procedure do not depend on other years), so its input
  // need not be copied row by row: only the year it ends with is remembered.
  const yearOf = new WeakMap<IdentificationInput, number>();
  const truncate = (whole: IdentificationInput, year: number): IdentificationInput => {
    const yearInput = { ...whole };
    yearOf.set(yearInput, year);
    return yearInput;
  };
  let full: IdentificationResult | undefined;
  const monitoring = monitorWith(
    input,
    methodology,
    (yearInput, m) => {
      const year = yearOf.get(yearInput);
      if (year === undefined) return m === methodology && yearInput === input ? (full = identifyWithStats(input, m, built)) : identify(yearInput, m);
      if (m !== methodology) return identify(truncateToYear(input, year), m);
      // The rows of later years stay in the input: the one rule reading rows (the journal
      // marks of factor 4) reads those of the identification's latest year only.
      return identifyWithStats(yearInput, m, { stats: stats.filter((s) => s.year <= year), issues, verdicts, journal });
    },
    truncate,
  );
  const latest = full ?? identify(input, methodology);
  const levels = attainmentFromCounts(counts, methodology.parameters);
  const schools = latest.schools.map((s) => ({ ...s, basicOrAboveShare: levels.basicOrAboveLatest.get(s.id) ?? null }));
  // §12: recommendations and mentor schools, one step after the identification.
  return handOver({ ...latest, schools, dynamics: monitoring.dynamics, monitoring: monitoring.monitoring, levels }, input, methodology);
}
