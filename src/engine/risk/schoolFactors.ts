/**
 * The risk factors of one school as identify reports them (SPEC.md §7): each factor's rule,
 * factor 4 from the non-objectivity lists and the journal marks, and the 500+ profile over all.
 * identify.ts calls only this module, so the factor wiring stays a few lines there.
 */
import type { MethodologyParameters } from "../methodology";
import { riskFactor, type RiskInputs, type RiskReferences } from "../riskFactors";
import type { IdentificationInput, RiskFactorId, RiskFactorValue, RiskProfileRow } from "../types";
import { journalComparisons, type JournalComparison } from "./objectivity";
import { knownReason, knownSeedFactors, profilesBySchool, withProfile } from "./profile";

/** What the factors read besides a school's own row, computed once per identification. */
export interface RiskContext {
  readonly latestYear: number | null;
  readonly journal: ReadonlyMap<string, JournalComparison>;
  readonly profiles: ReadonlyMap<string, RiskProfileRow["factors"]>;
}

/** `journal`: the latest year's comparisons when already made (analyse makes every year's in one pass). */
export function riskContext(input: IdentificationInput, latestYear: number | null, p: MethodologyParameters, journal?: ReadonlyMap<string, JournalComparison>): RiskContext {
  return { latestYear, journal: journal ?? journalComparisons(input.scores, input.scales, latestYear, p, input.results), profiles: profilesBySchool(input.riskProfiles) };
}

/** A procedure unit of a school as identify holds it (the fields factor 4 reads). */
export interface UnitVerdict {
  readonly stat: { readonly procedure: string; readonly year: number };
  readonly evaluated: boolean;
  readonly findings: readonly unknown[];
}

/** Factor 4's inputs of one school: its listed units of the latest year and its journal comparison. */
export function objectivityInputs(ctx: RiskContext, schoolId: string, units: readonly UnitVerdict[]): Pick<RiskInputs, "latestNonObjective" | "journal"> {
  const latest = units.filter((u) => u.evaluated && u.stat.year === ctx.latestYear);
  return {
    latestNonObjective: latest.length === 0 ? null : latest.filter((u) => u.findings.length > 0).map((u) => `${u.stat.procedure} ${u.stat.year}`),
    journal: ctx.journal.get(schoolId) ?? null,
  };
}

/** One factor of one school, the profile winning where it names the factor. */
export function schoolFactor(ctx: RiskContext, id: RiskFactorId, input: RiskInputs, refs: RiskReferences, p: MethodologyParameters): RiskFactorValue {
  return withProfile(riskFactor(id, input, refs, p), ctx.profiles.get(input.school.id)?.[id], p);
}

/** The school's factors of `ids`, how many of seed 004's twelve are known, and the reason lines. */
export function schoolFactors(
  ctx: RiskContext,
  ids: readonly RiskFactorId[],
  input: RiskInputs,
  refs: RiskReferences,
  p: MethodologyParameters,
): { readonly factors: RiskFactorValue[]; readonly known: number; readonly reasons: string[] } {
  const profile = ctx.profiles.get(input.school.id);
  const reasons: string[] = [];
  const factors = ids.map((id) => {
    const computed = riskFactor(id, input, refs, p);
    const f = withProfile(computed, profile?.[id], p);
    // A profile that turns a computed "yes" into "no" leaves no trace in the list of yes factors.
    if (computed.value === true && f.value === false) reasons.push(`${f.name}: ${f.detail}`);
    return f;
  });
  reasons.push(knownReason(factors));
  return { factors, known: knownSeedFactors(factors), reasons };
}
