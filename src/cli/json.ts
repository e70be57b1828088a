/**
 * The JSON result of DESIGN.md with a fixed key order and nothing that changes between runs
 * (no date, no path), so that the same input gives the same bytes.
 */
import { PARAMETER_LABELS, type MethodologyParameters } from "../engine/methodology";
import type { IdentificationResult } from "../engine/types";

/** Finite numbers as they are; NaN and ±Infinity (which JSON cannot hold) as null. */
function n(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}

function sortedParameters(parameters: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const known = Object.keys(PARAMETER_LABELS) as (keyof MethodologyParameters)[];
  const out: Record<string, unknown> = {};
  for (const key of known) if (key in parameters) out[key] = parameters[key];
  for (const key of Object.keys(parameters).sort()) if (!(key in out)) out[key] = parameters[key];
  return out;
}

export function resultJson(result: IdentificationResult): unknown {
  const r = result.region;
  return {
    version: result.version,
    methodology: { preset: result.methodology.preset, name: result.methodology.name, parameters: sortedParameters(result.methodology.parameters) },
    region: {
      schools: r.schools,
      latestYear: r.latestYear,
      years: [...r.years],
      swiQ1: n(r.swiQ1),
      deviantD9: n(r.deviantD9),
      nonNativeMean: n(r.nonNativeMean),
      regression: {
        slope: n(r.regression.slope),
        intercept: n(r.regression.intercept),
        r2: n(r.regression.r2),
        n: r.regression.n,
        sigma: n(r.regression.sigma),
        note: r.regression.note,
      },
      references: Object.fromEntries(Object.keys(r.references).sort().map((k) => [k, n(r.references[k] ?? null)])),
      notes: [...r.notes],
    },
    schools: result.schools.map((s) => ({
      id: s.id,
      name: s.name,
      municipality: s.municipality,
      swi: n(s.swi),
      lowSwi: s.lowSwi,
      types: [...s.types],
      shnor: s.shnor,
      shnorRules: [...s.shnorRules],
      shnsu: s.shnsu,
      nonObjectivityCount: s.nonObjectivityCount,
      group: s.group,
      riskFactors: s.riskFactors.map((f) => ({ id: f.id, name: f.name, value: f.value, detail: f.detail })),
      riskZone: s.riskZone,
      category: s.category,
      reasons: [...s.reasons],
      procedures: s.procedures.map((p) => ({
        year: p.year,
        procedure: p.procedure,
        participants: p.participants,
        lowIndex: n(p.lowIndex),
        massIndex: n(p.massIndex),
        highIndex: n(p.highIndex),
        participation: n(p.participation),
        evaluated: p.evaluated,
        lowResults: p.lowResults,
        nonObjective: p.nonObjective,
        meanScore: n(p.meanScore),
      })),
    })),
    municipalities: result.municipalities.map((m) => ({
      name: m.name,
      schools: m.schools,
      shnor: m.shnor,
      shnsu: m.shnsu,
      shnorOrShnsu: m.shnorOrShnsu,
      share: n(m.share),
    })),
    issues: result.issues.map((i) => ({ severity: i.severity, code: i.code, sheet: i.sheet, cell: i.cell, message: i.message })),
  };
}

export function resultJsonText(result: IdentificationResult): string {
  return JSON.stringify(resultJson(result), null, 2) + "\n";
}
