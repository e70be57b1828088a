/**
 * The region-wide ШНОР rules of the presets (SPEC.md §8): Брянск over its latest years and the
 * Новолакский mean gap, with the notes that say when a rule cannot fire.
 */
import { bryanskRule, type BryanskOutcome } from "../bryansk";
import { plural } from "../format";
import type { Issue } from "../types";
import { meanGapRule } from "../meanGap";
import type { MethodologyParameters } from "../methodology";
import type { ProcedureStat } from "../procedureStats";

export interface PresetRules {
  readonly bryansk: ReadonlyMap<string, BryanskOutcome>;
  readonly meanGap: ReadonlyMap<string, readonly string[]>;
  readonly notes: readonly string[];
  readonly issues: readonly Issue[];
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
  const issues: Issue[] = [];
  let bryansk: ReadonlyMap<string, BryanskOutcome> = new Map();
  if (p.shnorRules.bryansk) {
    const b = bryanskRule(stats, excluded, years, p);
    bryansk = b.bySchool;
    issues.push(...b.issues);
    if (b.short) {
      const candidates = [...b.bySchool.values()].filter((o) => o.candidate).length;
      const span = [...b.years].reverse().join(", ");
      notes.push(
        `Брянск: в данных ${b.years.length} ${plural(b.years.length, "год", "года", "лет")} подряд (${span || "нет"}) из ${p.bryanskYears} — правило не срабатывает; ` +
          `кандидаты (данных меньше ${p.bryanskYears} лет): ${candidates}`,
      );
    }
  }
  const meanGap = p.shnorRules.meanGap && latestYear !== null ? meanGapRule(stats, municipalityOf, latestYear, p, excluded) : new Map<string, string[]>();
  if (p.shnorRules.percentile && latestYear !== null && p.r2Years > 1 && !years.includes(latestYear - p.r2Years + 1))
    notes.push(`R2 не может сработать: нет данных за ${latestYear - p.r2Years + 1} год`);
  return { bryansk, meanGap, notes, issues };
}
