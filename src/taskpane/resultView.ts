/**
 * What the pane shows of a result beyond the counts: every school with its reasons, indices and
 * factors (the school list and card), municipalities and the years (the charts). Built in the
 * compute worker from the analysis, plain data that survives structured cloning.
 *
 * Fields other issues add to a school (non-objectivity listings, recommendations, mentors) are
 * read when present, so the card shows them as soon as the engine has them.
 */
import type { AnalysisResult } from "../engine/analyse";
import { ATTAINMENT_LEVELS } from "../engine/attainment";
import { PARAMETER_LABELS, PRESETS, type PresetId } from "../engine/methodology";
import type { Category, IdentificationResult, SchoolResult } from "../engine/types";
import { changedParameterKeys } from "../engine/methodologyChanges";
import { parameterMeta, valueSummary } from "./parameterMeta";

export interface ProcedureView {
  readonly year: number;
  readonly procedure: string;
  readonly participants: number;
  readonly lowIndex: number | null;
  readonly massIndex: number | null;
  readonly highIndex: number | null;
  readonly lowResults: boolean | null;
  readonly nonObjective: boolean;
}

export interface SchoolView {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  readonly category: Category;
  readonly shnorRules: readonly string[];
  readonly swi: number | null;
  readonly types: readonly string[];
  readonly group: string | null;
  readonly reasons: readonly string[];
  readonly procedures: readonly ProcedureView[];
  readonly factors: readonly { readonly name: string; readonly value: boolean | null; readonly detail: string }[];
  readonly nonObjectivity: readonly { readonly procedure: string; readonly year: number; readonly signs: readonly string[] }[];
  readonly recommendations: readonly { readonly basis: string; readonly text: string }[];
  readonly mentors: readonly { readonly name: string; readonly municipality: string }[];
  /** 1-based row of the school on «Итоги» (the header is row 1). */
  readonly row: number;
}

export interface YearView {
  readonly year: number;
  readonly lowIndex: number | null;
  readonly massIndex: number | null;
  readonly shnor: number;
  readonly shnsu: number;
  readonly riskZone: number;
}

/** The region's results over the five attainment levels (seed 000), per procedure unit, in one year. */
export interface LevelsView {
  readonly year: number;
  /** Level names, lowest first («низкий» … «высокий»). */
  readonly levels: readonly string[];
  readonly units: readonly {
    readonly procedure: string;
    /** Results (participant × subject) with a level. */
    readonly results: number;
    /** Per level, in {@link LevelsView.levels} order. */
    readonly counts: readonly number[];
    readonly basicOrAbove: number | null;
  }[];
}

export interface ChangedParameter {
  readonly key: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface ResultView {
  readonly schools: readonly SchoolView[];
  readonly municipalities: readonly { readonly name: string; readonly schools: number; readonly shnorOrShnsu: number; readonly share: number }[];
  readonly years: readonly YearView[];
  /** The region's levels in the latest year of the scores; null without «Баллы». */
  readonly levels: LevelsView | null;
  /** Parameters that differ from the methodology's own values. */
  readonly changed: readonly ChangedParameter[];
}

const GROUP_NAMES_RU: Readonly<Record<string, string>> = { effective: "эффективная", ordinary: "обычная", notCoping: "не справляющаяся" };

function list<T>(school: SchoolResult, key: string, map: (item: Record<string, unknown>) => T | null): T[] {
  const v = (school as unknown as Record<string, unknown>)[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item) => {
    if (typeof item !== "object" || item === null) return [];
    const out = map(item as Record<string, unknown>);
    return out === null ? [] : [out];
  });
}

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** A sign of non-objectivity as text: its `text`/`description` when the engine gives one, else its id and value. */
function signText(sign: Record<string, unknown>): string {
  const text = str(sign["text"]) || str(sign["description"]) || str(sign["name"]);
  if (text) return text;
  const value = typeof sign["value"] === "number" ? ` (${String(sign["value"]).replace(".", ",")})` : "";
  return `${str(sign["id"])}${value}`;
}

/** Parameters of a result that differ from its preset's values, in Russian. */
export function changedParameters(methodology: IdentificationResult["methodology"]): ChangedParameter[] {
  const preset = methodology.preset as PresetId;
  const base = PRESETS[preset]?.parameters as unknown as Record<string, unknown> | undefined;
  if (!base) return [];
  const out: ChangedParameter[] = [];
  for (const key of changedParameterKeys(methodology)) {
    const value = methodology.parameters[key];
    const meta = parameterMeta(key, preset);
    out.push({ key, label: meta.label || ((PARAMETER_LABELS as Record<string, string>)[key] ?? key), from: valueSummary(meta, base[key]), to: valueSummary(meta, value) });
  }
  return out;
}

export function resultView(result: IdentificationResult | AnalysisResult): ResultView {
  const schools = result.schools.map(
    (s, i): SchoolView => ({
      id: s.id,
      name: s.name,
      municipality: s.municipality,
      category: s.category,
      shnorRules: s.shnorRules,
      swi: s.swi,
      types: s.types,
      group: s.group === null ? null : (GROUP_NAMES_RU[s.group] ?? s.group),
      reasons: s.reasons,
      procedures: s.procedures.map((p) => ({
        year: p.year,
        procedure: p.procedure,
        participants: p.participants,
        lowIndex: p.lowIndex,
        massIndex: p.massIndex,
        highIndex: p.highIndex,
        lowResults: p.lowResults,
        nonObjective: p.nonObjective,
      })),
      factors: s.riskFactors.map((f) => ({ name: f.name, value: f.value, detail: f.detail })),
      nonObjectivity: list(s, "nonObjectivity", (n) => ({
        procedure: str(n["procedure"]),
        year: Number(n["year"]),
        signs: Array.isArray(n["signs"]) ? (n["signs"] as unknown[]).filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null).map(signText) : [],
      })),
      recommendations: list(s, "recommendations", (r) => (str(r["text"]) ? { basis: str(r["basis"]), text: str(r["text"]) } : null)),
      mentors: list(s, "mentors", (m) => (str(m["name"]) ? { name: str(m["name"]), municipality: str(m["municipality"]) } : null)),
      row: i + 2,
    }),
  );
  const years: YearView[] =
    "dynamics" in result
      ? result.dynamics.region.map((y) => ({ year: y.year, lowIndex: y.lowIndex, massIndex: y.massIndex, shnor: y.shnor, shnsu: y.shnsu, riskZone: y.riskZone }))
      : [];
  return {
    schools,
    levels: "levels" in result ? levelsView(result.levels) : null,
    municipalities: result.municipalities.map((m) => ({ name: m.name, schools: m.schools, shnorOrShnsu: m.shnorOrShnsu, share: m.share })),
    years,
    changed: changedParameters(result.methodology),
  };
}

/** The region's rows of the latest year as the «Уровни» sheet's chart draws them; null when no result has a level. */
export function levelsView(levels: AnalysisResult["levels"]): LevelsView | null {
  const year = levels.latestYear;
  if (year === null) return null;
  const units = levels.region
    .filter((r) => r.year === year && r.results > 0)
    .map((r) => ({ procedure: r.procedure, results: r.results, counts: [...r.counts], basicOrAbove: r.basicOrAbove }));
  return units.length === 0 ? null : { year, levels: [...ATTAINMENT_LEVELS], units };
}
