/**
 * The monitoring as one pure function over the input: identification year by year, the
 * dynamics, and the municipal (seed 001) and regional (seed 002) indicators.
 */
import type { Methodology } from "../methodology";
import type { IdentificationInput } from "../types";
import { dynamics } from "./dynamics";
import { municipalMonitoring } from "./municipal";
import { withRisksRemovedYearOnYear } from "./risksRemoved";
import { regionalIndicators } from "./regional";
import type { MonitoringResult } from "./types";
import { identifyByYear, type IdentifyFn } from "./yearly";

/**
 * Monitoring with a given identification function. `identifyFn` must not itself run the
 * monitoring (it is called once per year present in the results).
 *
 * @example
 * const m = monitorWith(input, PRESETS.kbr, identify);
 * m.dynamics.region.map((y) => y.lowIndex) // the region's low index, year by year
 */
export function monitorWith(
  input: IdentificationInput,
  methodology: Methodology,
  identifyFn: IdentifyFn,
  truncate?: (input: IdentificationInput, year: number) => IdentificationInput,
): MonitoringResult {
  const p = methodology.parameters;
  const byYear = identifyByYear(input, methodology, identifyFn, truncate);
  const yearly = byYear.filter((y): y is { year: number; result: (typeof byYear)[number]["result"] } => y.year !== null);
  const latest = byYear[byYear.length - 1]?.result;
  if (latest === undefined) throw new Error("cannot happen: identifyByYear returns at least one identification");
  const year = latest.region.latestYear;
  const yearOnYear = withRisksRemovedYearOnYear(input.schools, input.earlierSchools ?? [], year, p);
  return {
    dynamics: dynamics(yearly, p),
    monitoring: {
      year,
      municipalities: municipalMonitoring(
        latest,
        yearOnYear.schools,
        input.municipalIndicators ?? [],
        year,
        p.municipalShareLevel,
        yearOnYear.computed,
        p.municipalIdentificationLevel,
      ),
      region: regionalIndicators(yearly, input, p),
    },
  };
}
