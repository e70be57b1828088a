/**
 * The JSON of `shnor compare … --json` (issue 15): fixed key order, per-preset maps keyed in the
 * order of `presets`, nothing that changes between runs, so the same input gives the same bytes.
 */
import type { MethodologyComparison } from "../engine/compare";
import { sortedParameters } from "./json";

export function compareJson(c: MethodologyComparison): unknown {
  const ids = c.presets.map((p) => p.id);
  const keyed = <T>(map: Readonly<Record<string, T>>, copy: (v: T) => unknown = (v) => v): Record<string, unknown> =>
    Object.fromEntries(ids.map((id) => [id, map[id] === undefined ? null : copy(map[id] as T)]));
  return {
    version: c.version,
    presets: c.presets.map((p) => ({
      id: p.id,
      label: p.label,
      name: p.name,
      statistics: p.statistics,
      counts: {
        shnor: p.counts.shnor,
        shnsu: p.counts.shnsu,
        shnorAndShnsu: p.counts.shnorAndShnsu,
        shnorOrShnsu: p.counts.shnorOrShnsu,
        riskZone: p.counts.riskZone,
        noRisk: p.counts.noRisk,
      },
      changed: sortedParameters(p.changed),
      parameters: sortedParameters(p.parameters),
    })),
    statistics: c.statistics.map((s) => ({ presets: [...s.presets], parameters: { ...s.parameters } })),
    region: { schools: c.region.schools, latestYear: c.region.latestYear, years: [...c.region.years] },
    schools: c.schools.map((s) => ({
      id: s.id,
      name: s.name,
      municipality: s.municipality,
      categories: keyed(s.categories),
      rules: keyed(s.rules, (r) => [...r]),
      shnor: keyed(s.shnor),
      shnsu: keyed(s.shnsu),
      listedIn: s.listedIn,
      explanations: s.explanations.map((e) => ({ status: e.status, listedBy: [...e.listedBy], notListedBy: [...e.notListedBy], text: e.text })),
    })),
    overlap: c.overlap.map((o) => ({ status: o.status, first: o.first, second: o.second, both: o.both, onlyFirst: o.onlyFirst, onlySecond: o.onlySecond })),
    issues: c.issues.map((i) => ({ severity: i.severity, code: i.code, sheet: i.sheet, cell: i.cell, message: i.message })),
  };
}

export function compareJsonText(c: MethodologyComparison): string {
  return JSON.stringify(compareJson(c), null, 2) + "\n";
}
