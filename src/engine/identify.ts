/**
 * The whole identification (SPEC.md §2–§9), composed of stages (src/engine/stages), each a pure
 * function named after what it decides:
 * - procedureVerdicts — §3–§4 per school × procedure unit × year;
 * - presetRules — §8 Брянск and the Новолакский mean gap;
 * - socialProfile — §5 ИСБ, its references and the school types;
 * - latestIndices and groups — §6 the result `y` and the regression groups;
 * - riskProfile — §7 references and risk factors;
 * - schoolResult — each school's ШНОР / ШНСУ / risk zone, category and reasons;
 * - municipalities — §9 municipal counts.
 * Deterministic: the same input and methodology give the same result, whatever the order of the
 * input rows.
 */
import { num, plural } from "./format";
import type { Methodology, MethodologyParameters } from "./methodology";
import { cmp, procedureStats, type ProcedureStat } from "./procedureStats";
import { groups as regressionGroups } from "./stages/groups";
import { latestIndices } from "./stages/latestIndices";
import { municipalities } from "./stages/municipalities";
import { presetRules } from "./stages/presetRules";
import { procedureVerdicts, verdictsUpTo, type ProcedureVerdicts } from "./stages/procedureVerdicts";
import { riskProfile } from "./stages/riskProfile";
import type { JournalComparison } from "./risk/objectivity";
import { riskContext } from "./risk/schoolFactors";
import { schoolResult } from "./stages/schoolResult";
import { socialProfile } from "./stages/socialProfile";
import type { IdentificationInput, IdentificationResult, Issue } from "./types";

export { municipalities } from "./stages/municipalities";
export { SHNOR_RULE_NAMES } from "./stages/schoolResult";

/** Version of the engine, recorded in every result. */
export const ENGINE_VERSION = "0.1.0";

/**
 * Identify ШНОР, ШНСУ and the risk zone in a region.
 *
 * @example
 * const result = identify({ schools, results, scores, scales }, PRESETS.kbr);
 * result.schools[0].category // "ШНОР и ШНСУ" | "ШНОР" | "ШНСУ" | "Зона риска" | "Без рисков"
 */
export function identify(input: IdentificationInput, methodology: Methodology): IdentificationResult {
  return identifyWithStats(input, methodology, procedureStats(input.results, input.scores, input.scales, methodology.parameters));
}

/**
 * {@link identify} over procedure statistics already computed from the same input (or from a
 * later year's input and filtered to the years ≤ the input's latest: the statistics of a school,
 * year and procedure do not depend on other years). The monitoring identifies every year, and
 * this spares it recounting a million score rows each time.
 */
export function identifyWithStats(
  input: IdentificationInput,
  methodology: Methodology,
  built: {
    readonly stats: readonly ProcedureStat[];
    readonly issues: readonly Issue[];
    /**
     * {@link procedureVerdicts} of these statistics of the input's schools under the same
     * methodology, possibly with later years: an earlier year's identification reuses them.
     */
    readonly verdicts?: ProcedureVerdicts;
    /** Factor 4's journal comparisons per year, of the same input and methodology, when already made. */
    readonly journal?: ReadonlyMap<number, ReadonlyMap<string, JournalComparison>>;
  },
): IdentificationResult {
  const p = methodology.parameters;
  const notes: string[] = [];

  const schools = [...input.schools].sort((a, b) => cmp(a.id, b.id));
  const known = new Set(schools.map((s) => s.id));
  const municipalityOf = new Map(schools.map((s) => [s.id, s.municipality]));

  // §2 indices
  const stats = built.stats.filter((s) => known.has(s.schoolId));
  const years = [...new Set(stats.map((s) => s.year))].sort((a, b) => a - b);
  const latestYear = years.length > 0 ? (years[years.length - 1] as number) : null;
  if (latestYear === null) notes.push("Нет результатов оценочных процедур: ШНОР по результатам не определяется");

  const verdicts = built.verdicts !== undefined ? verdictsUpTo(built.verdicts, latestYear) : procedureVerdicts(stats, p);
  notes.push(exclusionNote(verdicts.excluded, verdicts.nonObjectiveKeys, p));
  const entered = enteredReferences(p);
  if (entered.length > 0) notes.push(`Региональные значения введены пользователем (regionalReferences), вместо рассчитанных: ${entered.join("; ")}`);
  const rules = presetRules(stats, verdicts.excluded, years, latestYear, municipalityOf, p);
  notes.push(...rules.notes);
  const social = socialProfile(schools, p);
  const latest = latestIndices(schools, verdicts.bySchool, latestYear);
  const groups = regressionGroups(schools, social.swis, latest, p);
  notes.push(...groups.notes);
  const risk = riskProfile(schools, latest, social.refs, p, { ctx: riskContext(input, latestYear, p, latestYear === null ? undefined : built.journal?.get(latestYear)), verdicts: verdicts.bySchool });

  const stages = { latestYear, verdicts: verdicts.bySchool, social, presetRules: rules, groups, risk };
  const results = schools.map((school, i) => schoolResult(school, i, stages, p));
  const fit = groups.fit;

  return {
    version: ENGINE_VERSION,
    methodology: { preset: methodology.preset, name: methodology.name, parameters: plainParameters(p) },
    region: {
      schools: schools.length,
      latestYear,
      years,
      swiQ1: social.refs.swiQ1,
      deviantD9: social.refs.deviantD9,
      nonNativeMean: social.refs.nonNativeMean,
      regression: fit.ok
        ? { slope: fit.value.slope, intercept: fit.value.intercept, r2: fit.value.r2, n: fit.value.n, sigma: fit.value.sigma, note: null }
        : { slope: null, intercept: null, r2: null, n: groups.points, sigma: null, note: fit.reason },
      references: { ...verdicts.references, ...risk.references },
      notes,
    },
    schools: results,
    municipalities: municipalities(results),
    issues: [...built.issues, ...rules.issues],
  };
}

/** The entered regional values as "code = value" texts, in a fixed order. */
function enteredReferences(p: MethodologyParameters): string[] {
  const r = p.regionalReferences;
  const out: string[] = [];
  if (r.swiQ1 !== undefined) out.push(`Q1 ИСБ = ${num(r.swiQ1)}`);
  if (r.deviantD9 !== undefined) out.push(`D9 Ду = ${num(r.deviantD9)}`);
  if (r.nonNativeMean !== undefined) out.push(`среднее неродной русский = ${num(r.nonNativeMean)}`);
  for (const unit of Object.keys(r.units ?? {}).sort(cmp)) {
    const refs = r.units?.[unit] ?? {};
    const parts = Object.entries(refs).map(([k, v]) => `${k} = ${num(v as number, 3)}`);
    if (parts.length > 0) out.push(`${unit.replace("|", " ")}: ${parts.join(", ")}`);
  }
  return out;
}

/** What `excludeNonObjective` left out, for «Параметры» (SPEC §4 "Exclusion everywhere"). */
function exclusionNote(excluded: ReadonlySet<string>, listed: ReadonlySet<string>, p: MethodologyParameters): string {
  const schools = (keys: ReadonlySet<string>) => new Set([...keys].map((k) => k.slice(0, k.indexOf("|")))).size;
  if (!p.excludeNonObjective)
    return `Результаты с признаками необъективности не исключались (excludeNonObjective = нет): ${listed.size} ${plural(listed.size, "результат", "результата", "результатов")} (процедура × год) у ${schools(listed)} ${plural(schools(listed), "школы", "школ", "школ")} учтены во всех правилах`;
  return (
    `Исключены как необъективные (excludeNonObjective): ${excluded.size} ${plural(excluded.size, "результат", "результата", "результатов")} (процедура × год) у ${schools(excluded)} ${plural(schools(excluded), "школы", "школ", "школ")} — ` +
    "не учтены в низких результатах (R1/R2), правилах Брянска и Новолакского района, регрессии и группах, факторе риска учебной неуспешности, динамике и показателях мониторинга 2, 3, 13, 14; перечень — лист «Необъективность»"
  );
}

function plainParameters(p: MethodologyParameters): Record<string, unknown> {
  return JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
}
