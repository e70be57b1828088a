/**
 * Methodologies side by side (issue 15): the same input identified under several presets (SPEC.md
 * §8), with the procedure statistics (§2) counted once and shared by every preset whose
 * statistics-relevant parameters agree, the verdicts per school, the overlap of the lists per
 * pair of methodologies, and for each school the presets disagree on a line on what made the
 * difference. Pure: no clock, no files; the same input gives the same comparison.
 */
import { ENGINE_VERSION, identifyWithStats } from "../identify";
import { PRESETS, type Methodology, type MethodologyParameters } from "../methodology";
import { procedureStats } from "../procedureStats";
import type { Category, IdentificationInput, IdentificationResult, Issue } from "../types";
import { explainStatus } from "./explain";

/**
 * The parameters {@link procedureStats} reads: presets that agree on these share one
 * computation of the statistics. (tests/engine/compare.test.ts checks, with a recording proxy,
 * that procedureStats reads no other parameter.)
 */
export const STATISTICS_PARAMETERS = ["margin", "procedureUnit", "bryanskEgeHighFrom"] as const satisfies readonly (keyof MethodologyParameters)[];

/** Short Russian names of the presets for columns and explanation lines. */
export const PRESET_LABELS: Readonly<Record<string, string>> = {
  kbr: "КБР",
  stavropol: "Ставрополь",
  bryansk: "Брянск",
  novolaksky: "Новолакский р-н",
};

/** The two lists a methodology makes. */
export type ListStatus = "shnor" | "shnsu";
export const LIST_STATUSES: readonly ListStatus[] = ["shnor", "shnsu"];
export const STATUS_NAMES: Readonly<Record<ListStatus, string>> = { shnor: "ШНОР", shnsu: "ШНСУ" };

/** A school on the ШНОР or ШНСУ list under every methodology, some of them, or none. */
export type ListedIn = "all" | "some" | "none";
export const LISTED_IN_NAMES: Readonly<Record<ListedIn, string>> = { all: "во всех", some: "в части", none: "ни в одной" };

export interface PresetCounts {
  readonly shnor: number;
  readonly shnsu: number;
  readonly shnorAndShnsu: number;
  readonly shnorOrShnsu: number;
  readonly riskZone: number;
  readonly noRisk: number;
}

export interface ComparedPreset {
  /** The preset's id ("kbr"): the key of every per-preset map below. */
  readonly id: string;
  /** Short name for columns ("КБР"); "(изм.)" when parameters were changed. */
  readonly label: string;
  readonly name: string;
  /** Index into {@link MethodologyComparison.statistics}: which computation of §2 it used. */
  readonly statistics: number;
  /** Parameters that differ from the preset's defaults, by code. */
  readonly changed: Readonly<Record<string, unknown>>;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly counts: PresetCounts;
}

/** One computation of the procedure statistics and the presets that shared it. */
export interface StatisticsRun {
  readonly presets: readonly string[];
  readonly parameters: Readonly<Record<(typeof STATISTICS_PARAMETERS)[number], unknown>>;
}

/** Why a school is on one list under some methodologies and not under others. */
export interface Explanation {
  readonly status: ListStatus;
  /** Presets listing the school, and those not listing it. */
  readonly listedBy: readonly string[];
  readonly notListedBy: readonly string[];
  /** Per group of presets with the same reason: "Брянск: критерии ЕГЭ/ОГЭ/ВПР — ОГЭ 2025: доля «2» …". */
  readonly parts: readonly string[];
  /** The parts joined into one line. */
  readonly text: string;
}

export interface ComparedSchool {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  readonly categories: Readonly<Record<string, Category>>;
  /** The ШНОР rules that fired (`shnorRules` of the identification), per preset. */
  readonly rules: Readonly<Record<string, readonly string[]>>;
  readonly shnor: Readonly<Record<string, boolean>>;
  readonly shnsu: Readonly<Record<string, boolean>>;
  /** On the ШНОР or ШНСУ list under all, some or none of the methodologies. */
  readonly listedIn: ListedIn;
  readonly explanations: readonly Explanation[];
}

/** Overlap of one list under two methodologies. */
export interface Overlap {
  readonly status: ListStatus;
  readonly first: string;
  readonly second: string;
  readonly both: number;
  readonly onlyFirst: number;
  readonly onlySecond: number;
}

export interface MethodologyComparison {
  readonly version: string;
  readonly presets: readonly ComparedPreset[];
  readonly statistics: readonly StatisticsRun[];
  readonly region: { readonly schools: number; readonly latestYear: number | null; readonly years: readonly number[] };
  readonly schools: readonly ComparedSchool[];
  /** Every pair in the order of `presets` (first before second), ШНОР then ШНСУ. */
  readonly overlap: readonly Overlap[];
  /** Issues of the identifications, each once (they share the input). */
  readonly issues: readonly Issue[];
  /** The full identification under each preset, in the order of `presets`. */
  readonly results: readonly IdentificationResult[];
}

export interface CompareOptions {
  /** The statistics function (tests count its calls); {@link procedureStats} by default. */
  readonly stats?: typeof procedureStats;
}

function statisticsKey(p: MethodologyParameters): string {
  return JSON.stringify(STATISTICS_PARAMETERS.map((k) => p[k]));
}

function changedParameters(m: Methodology): Record<string, unknown> {
  const base = PRESETS[m.preset]?.parameters as unknown as Record<string, unknown> | undefined;
  const params = m.parameters as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(params)) {
    if (base === undefined || JSON.stringify(base[key]) !== JSON.stringify(params[key])) out[key] = params[key];
  }
  return out;
}

function countsOf(r: IdentificationResult): PresetCounts {
  let shnor = 0;
  let shnsu = 0;
  let both = 0;
  let either = 0;
  let riskZone = 0;
  let noRisk = 0;
  for (const s of r.schools) {
    if (s.shnor) shnor++;
    if (s.shnsu) shnsu++;
    if (s.shnor && s.shnsu) both++;
    if (s.shnor || s.shnsu) either++;
    if (s.category === "Зона риска") riskZone++;
    if (s.category === "Без рисков") noRisk++;
  }
  return { shnor, shnsu, shnorAndShnsu: both, shnorOrShnsu: either, riskZone, noRisk };
}

/**
 * Identify `input` under each methodology and compare the verdicts.
 *
 * @param methodologies one per preset id (a preset given twice is a programming error)
 * @example
 * const c = compareMethodologies(input, [PRESETS.kbr, PRESETS.bryansk]);
 * c.statistics.length // 1: both count the indices the same way
 * c.overlap[0] // { status: "shnor", first: "kbr", second: "bryansk", both, onlyFirst, onlySecond }
 */
export function compareMethodologies(input: IdentificationInput, methodologies: readonly Methodology[], options: CompareOptions = {}): MethodologyComparison {
  const stats = options.stats ?? procedureStats;
  const ids = methodologies.map((m) => m.preset as string);
  if (new Set(ids).size !== ids.length) throw new RangeError(`compareMethodologies: a preset is given twice (${ids.join(", ")})`);

  // §2 once per distinct set of the parameters it reads.
  const runs: { key: string; presets: string[]; parameters: Record<string, unknown>; built: ReturnType<typeof procedureStats> }[] = [];
  const runOf: number[] = [];
  for (const m of methodologies) {
    const key = statisticsKey(m.parameters);
    let i = runs.findIndex((r) => r.key === key);
    if (i < 0) {
      i = runs.length;
      runs.push({
        key,
        presets: [],
        parameters: Object.fromEntries(STATISTICS_PARAMETERS.map((k) => [k, m.parameters[k]])),
        built: stats(input.results, input.scores, input.scales, m.parameters),
      });
    }
    runs[i]?.presets.push(m.preset);
    runOf.push(i);
  }

  const results = methodologies.map((m, i) => identifyWithStats(input, m, (runs[runOf[i] as number] as (typeof runs)[number]).built));

  const presets = comparedPresets(methodologies, results, runOf);

  // Schools: every identification lists the same schools, sorted by id.
  const first = results[0];
  const schools: ComparedSchool[] = (first?.schools ?? []).map((s, row) => {
    const per = results.map((r) => r.schools[row]);
    const byPreset = <T>(pick: (x: NonNullable<(typeof per)[number]>) => T): Record<string, T> =>
      Object.fromEntries(per.map((x, i) => [ids[i] as string, pick(x as NonNullable<typeof x>)]));
    const listed = per.map((x) => x !== undefined && (x.shnor || x.shnsu));
    const listedIn: ListedIn = listed.every(Boolean) ? "all" : listed.some(Boolean) ? "some" : "none";
    const explanations: Explanation[] = [];
    for (const status of LIST_STATUSES) {
      const on = per.map((x) => x !== undefined && x[status]);
      if (on.every(Boolean) || !on.some(Boolean)) continue;
      explanations.push(explainStatus(status, presets, results, row, on));
    }
    return {
      id: s.id,
      name: s.name,
      municipality: s.municipality,
      categories: byPreset((x) => x.category),
      rules: byPreset((x) => [...x.shnorRules]),
      shnor: byPreset((x) => x.shnor),
      shnsu: byPreset((x) => x.shnsu),
      listedIn,
      explanations,
    };
  });

  const overlap = overlaps(ids, schools);
  const issues = distinctIssues(results);

  return {
    version: ENGINE_VERSION,
    presets,
    statistics: runs.map((r) => ({ presets: r.presets, parameters: r.parameters as StatisticsRun["parameters"] })),
    region: { schools: first?.region.schools ?? 0, latestYear: first?.region.latestYear ?? null, years: first?.region.years ?? [] },
    schools,
    overlap,
    issues,
    results,
  };
}

/** Each preset's label, changed parameters, statistics run and counts. */
function comparedPresets(methodologies: readonly Methodology[], results: readonly IdentificationResult[], runOf: readonly number[]): ComparedPreset[] {
  return methodologies.map((m, i) => {
    const changed = changedParameters(m);
    const label = (PRESET_LABELS[m.preset] ?? m.preset) + (Object.keys(changed).length > 0 ? " (изм.)" : "");
    return {
      id: m.preset,
      label,
      name: m.name,
      statistics: runOf[i] as number,
      changed,
      parameters: (results[i] as IdentificationResult).methodology.parameters,
      counts: countsOf(results[i] as IdentificationResult),
    };
  });
}

/** How many schools each pair of presets lists together or alone, per status, in the order of LIST_STATUSES. */
function overlaps(ids: readonly string[], schools: readonly ComparedSchool[]): Overlap[] {
  const overlap: Overlap[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      for (const status of LIST_STATUSES) {
        let both = 0;
        let onlyFirst = 0;
        let onlySecond = 0;
        for (const s of schools) {
          const a = s[status][ids[i] as string] === true;
          const b = s[status][ids[j] as string] === true;
          if (a && b) both++;
          else if (a) onlyFirst++;
          else if (b) onlySecond++;
        }
        overlap.push({ status, first: ids[i] as string, second: ids[j] as string, both, onlyFirst, onlySecond });
      }
  overlap.sort((a, b) => LIST_STATUSES.indexOf(a.status) - LIST_STATUSES.indexOf(b.status));
  return overlap;
}

/** Every identification's issues once (the same issue from several presets is said once). */
function distinctIssues(results: readonly IdentificationResult[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const r of results)
    for (const issue of r.issues) {
      const k = JSON.stringify([issue.severity, issue.code, issue.sheet, issue.cell, issue.message]);
      if (seen.has(k)) continue;
      seen.add(k);
      issues.push(issue);
    }
  return issues;
}

/** Overlap of `status` between two presets, or undefined when either is not compared. */
export function overlapOf(c: MethodologyComparison, status: ListStatus, first: string, second: string): Overlap | undefined {
  const direct = c.overlap.find((o) => o.status === status && o.first === first && o.second === second);
  if (direct) return direct;
  const back = c.overlap.find((o) => o.status === status && o.first === second && o.second === first);
  return back && { status, first, second, both: back.both, onlyFirst: back.onlySecond, onlySecond: back.onlyFirst };
}
