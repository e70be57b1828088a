/**
 * The JSON result of DESIGN.md with a fixed key order and nothing that changes between runs
 * (no date, no path), so that the same input gives the same bytes.
 */
import type { AnalysisResult } from "../engine/analyse";
import { PARAMETER_LABELS, type MethodologyParameters } from "../engine/methodology";
import { ATTAINMENT_LEVELS, type AttainmentResult, type LevelRow } from "../engine/attainment";
import type { StatusShareYear } from "../engine/monitoring/types";
import type { DynamicsResult, IndicatorValue, MonitoringIndicators } from "../engine/monitoring/types";
import { eager, lazy, writeJson, type ListOf } from "./jsonStream";

/** Finite numbers as they are; NaN and ±Infinity (which JSON cannot hold) as null. */
function n(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}

export function sortedParameters(parameters: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const known = Object.keys(PARAMETER_LABELS) as (keyof MethodologyParameters)[];
  const out: Record<string, unknown> = {};
  for (const key of known) if (key in parameters) out[key] = parameters[key];
  for (const key of Object.keys(parameters).sort()) if (!(key in out)) out[key] = parameters[key];
  return out;
}

function indicatorJson(v: IndicatorValue): unknown {
  return {
    id: v.id,
    source: v.source,
    name: v.name,
    year: v.year,
    unit: v.unit,
    value: n(v.value),
    numerator: n(v.numerator),
    denominator: n(v.denominator),
    fromYear: v.fromYear,
    fromValue: n(v.fromValue),
    toValue: n(v.toValue),
    target: n(v.target),
    comparison: v.comparison,
    met: v.met,
    score: n(v.score),
    unanswered: v.unanswered,
    status: v.status,
    missing: [...v.missing],
    note: v.note,
  };
}

/** The `dynamics` section: keys in the order of {@link DynamicsResult}. */
export function dynamicsJson(d: DynamicsResult): unknown {
  return dynamicsParts(d, eager);
}

function dynamicsParts(d: DynamicsResult, list: ListOf): unknown {
  return {
    years: [...d.years],
    targetPoints: n(d.targetPoints),
    mode: d.mode,
    stableShnorYears: d.stableShnorYears,
    region: d.region.map((y) => ({
      year: y.year,
      schools: y.schools,
      participants: y.participants,
      lowIndex: n(y.lowIndex),
      massIndex: n(y.massIndex),
      lowChange: n(y.lowChange),
      massChange: n(y.massChange),
      lowTargetMet: y.lowTargetMet,
      massTargetMet: y.massTargetMet,
      shnor: y.shnor,
      shnsu: y.shnsu,
      shnorOrShnsu: y.shnorOrShnsu,
      riskZone: y.riskZone,
    })),
    schools: list(d.schools, (s) => ({
      id: s.id,
      name: s.name,
      municipality: s.municipality,
      years: s.years.map((y) => ({
        year: y.year,
        shnor: y.shnor,
        shnsu: y.shnsu,
        riskZone: y.riskZone,
        category: y.category,
        shnorRules: [...y.shnorRules],
      })),
      shnorYears: s.shnorYears,
      stableShnor: s.stableShnor,
    })),
    procedures: list(d.procedures, (p) => ({
      schoolId: p.schoolId,
      schoolName: p.schoolName,
      municipality: p.municipality,
      procedure: p.procedure,
      fromYear: p.fromYear,
      toYear: p.toYear,
      lowFrom: n(p.lowFrom),
      lowTo: n(p.lowTo),
      lowChange: n(p.lowChange),
      lowTargetMet: p.lowTargetMet,
      massFrom: n(p.massFrom),
      massTo: n(p.massTo),
      massChange: n(p.massChange),
      massTargetMet: p.massTargetMet,
      note: p.note,
    })),
    transitions: d.transitions.map((t) => ({
      fromYear: t.fromYear,
      toYear: t.toYear,
      status: t.status,
      entered: [...t.entered],
      left: [...t.left],
      stayed: [...t.stayed],
    })),
    regionUnits: d.regionUnits.map((u) => ({
      year: u.year,
      procedure: u.procedure,
      schools: u.schools,
      participants: u.participants,
      lowIndex: n(u.lowIndex),
      massIndex: n(u.massIndex),
      lowChange: n(u.lowChange),
      massChange: n(u.massChange),
      lowTargetMet: u.lowTargetMet,
      massTargetMet: u.massTargetMet,
    })),
    statusShares: {
      region: d.statusShares.region.map(shareYearJson),
      municipalities: d.statusShares.municipalities.map((m) => ({ name: m.name, years: m.years.map(shareYearJson) })),
    },
    notes: [...d.notes],
  };
}

function shareYearJson(y: StatusShareYear): unknown {
  return {
    year: y.year,
    schools: y.schools,
    shnor: y.shnor,
    shnsu: y.shnsu,
    shnorOrShnsu: y.shnorOrShnsu,
    shnorShare: n(y.shnorShare),
    shnsuShare: n(y.shnsuShare),
    shnorOrShnsuShare: n(y.shnorOrShnsuShare),
    shnorShareChange: n(y.shnorShareChange),
    shnsuShareChange: n(y.shnsuShareChange),
    shnorOrShnsuShareChange: n(y.shnorOrShnsuShareChange),
  };
}

/** The `monitoring` section: keys in the order of {@link MonitoringIndicators}. */
export function monitoringJson(m: MonitoringIndicators): unknown {
  return {
    year: m.year,
    municipalities: m.municipalities.map((mo) => ({
      name: mo.name,
      schools: mo.schools,
      shnor: mo.shnor,
      shnsu: mo.shnsu,
      shnorOrShnsu: mo.shnorOrShnsu,
      share: n(mo.share),
      riskZone: mo.riskZone,
      indicators: mo.indicators.map(indicatorJson),
      score: mo.score,
      scoreMax: mo.scoreMax,
    })),
    region: m.region.map(indicatorJson),
  };
}

/** The `levels` section: seed 000's attainment levels per procedure unit, region and schools. */
export function levelsJson(l: AttainmentResult): unknown {
  return levelsParts(l, eager);
}

function levelsParts(l: AttainmentResult, list: ListOf): unknown {
  // A school's row starts with its id; the region's has none (two literals: no spread per row).
  const row = (r: LevelRow) =>
    r.schoolId === null
      ? { year: r.year, procedure: r.procedure, results: r.results, counts: [...r.counts], basicOrAbove: n(r.basicOrAbove) }
      : { schoolId: r.schoolId, year: r.year, procedure: r.procedure, results: r.results, counts: [...r.counts], basicOrAbove: n(r.basicOrAbove) };
  return { levels: [...ATTAINMENT_LEVELS], cuts: [...l.cuts], latestYear: l.latestYear, region: l.region.map(row), schools: list(l.schools, row) };
}

export function resultJson(result: AnalysisResult): unknown {
  return resultParts(result, eager);
}

/**
 * The JSON result's tree, its long lists made by `list`: mapped at once ({@link resultJson}), or
 * one element at a time as the text is written ({@link writeResultJson}).
 */
function resultParts(result: AnalysisResult, list: ListOf): unknown {
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
    schools: list(result.schools, (s) => ({
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
      nonObjectivityHistory: { ...s.nonObjectivityHistory },
      nonObjectivity: s.nonObjectivity.map((l) => ({
        procedure: l.procedure,
        year: l.year,
        signs: l.signs.map((g) => ({
          id: g.id,
          value: n(g.value),
          interval: g.interval === null ? null : [n(g.interval[0]), n(g.interval[1])],
          regional: n(g.regional),
          ...(g.quantities === undefined
            ? {}
            : { quantities: g.quantities.map((q) => ({ quantity: q.quantity, value: n(q.value), interval: q.interval === null ? null : [n(q.interval[0]), n(q.interval[1])], regional: n(q.regional) })) }),
          ...(g.subject === undefined ? {} : { subject: g.subject, c0: g.c0, c1: g.c1, probability: n(g.probability ?? null) }),
          text: g.text,
        })),
      })),
      group: s.group,
      groupResult: n(s.groupResult),
      riskFactors: s.riskFactors.map((f) => ({ id: f.id, name: f.name, value: f.value, detail: f.detail })),
      riskFactorsKnown: s.riskFactorsKnown,
      basicOrAboveShare: n(s.basicOrAboveShare ?? null),
      riskZone: s.riskZone,
      category: s.category,
      reasons: [...s.reasons],
      recommendations: (s.recommendations ?? []).map((r) => ({ basis: r.basis, text: r.text })),
      mentors: (s.mentors ?? []).map((m) => ({ id: m.id, name: m.name, municipality: m.municipality, swi: n(m.swi), group: m.group })),
      mentorsNote: s.mentorsNote ?? null,
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
        excluded: p.excluded,
        approximate: p.approximate,
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
    dynamics: dynamicsParts(result.dynamics, list),
    monitoring: monitoringJson(result.monitoring),
    levels: levelsParts(result.levels, list),
    issues: list(result.issues, (i) => ({ severity: i.severity, code: i.code, sheet: i.sheet, cell: i.cell, message: i.message })),
  };
}

export function resultJsonText(result: AnalysisResult): string {
  return JSON.stringify(resultJson(result), null, 2) + "\n";
}

/**
 * {@link resultJsonText}'s text through `out`, piece by piece: the schools, the schools' dynamics,
 * the procedures' dynamics, the schools' levels and the issues are made one element at a time,
 * so neither the tree nor the ~67 MB text of a large region is held whole.
 */
export function writeResultJson(result: AnalysisResult, out: (text: string) => void): void {
  writeJson(resultParts(result, lazy), out);
  out("\n");
}
