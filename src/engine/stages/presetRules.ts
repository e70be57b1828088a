/**
 * The region-wide ШНОР rules of the presets (SPEC.md §8): Брянск over its latest years and the
 * Новолакский mean gap, with the notes that say when a rule cannot fire.
 */
import { bryanskRule, type BryanskOutcome } from "../bryansk";
import { plural } from "../format";
import { meanGapRule } from "../meanGap";
import type { MethodologyParameters } from "../methodology";
import type { ProcedureStat } from "../procedureStats";

export interface PresetRules {
  readonly bryansk: ReadonlyMap<string, BryanskOutcome>;
  readonly meanGap: ReadonlyMap<string, readonly string[]>;
  readonly notes: readonly string[];
}

/**
 * @example
 * presetRules(stats, keys, [2023, 2024, 2025], 2025, municipalityOf, PRESETS.bryansk.parameters).bryansk.get("0001")?.fires
 */
export function presetRules(
  stats: readonly ProcedureStat[],
  excluded: ReadonlySet<string>,
  years: readonly number[],
  latestYear: number | null,
  municipalityOf: ReadonlyMap<string, string>,
  p: MethodologyParameters,
): PresetRules {
  const notes: string[] = [];
  const bryansk = p.shnorRules.bryansk ? bryanskRule(stats, excluded, years, p) : new Map<string, BryanskOutcome>();
  if (p.shnorRules.bryansk && years.length < p.bryanskYears)
    notes.push(`Брянск: в данных ${years.length} ${plural(years.length, "год", "года", "лет")} из ${p.bryanskYears}; критерии проверены за имеющиеся годы`);
  const meanGap = p.shnorRules.meanGap && latestYear !== null ? meanGapRule(stats, municipalityOf, latestYear, p, excluded) : new Map<string, string[]>();
  if (p.shnorRules.percentile && latestYear !== null && p.r2Years > 1 && !years.includes(latestYear - p.r2Years + 1))
    notes.push(`R2 не может сработать: нет данных за ${latestYear - p.r2Years + 1} год`);
  return { bryansk, meanGap, notes };
}
