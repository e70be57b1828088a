/**
 * SPEC.md §6: regress each school's result `y` on ИСБ and sort the schools into эффективная /
 * обычная / не справляющаяся by their residual.
 */
import { num } from "../format";
import type { MethodologyParameters } from "../methodology";
import { fitLine, GROUP_NAMES, groupOf, type FitOutcome } from "../regression";
import type { Group, School } from "../types";
import type { PooledIndices } from "./latestIndices";

export interface Groups {
  readonly fit: FitOutcome;
  /** Schools with both ИСБ and `y`: the regression's points. */
  readonly points: number;
  readonly bySchool: ReadonlyMap<string, { readonly group: Group; readonly residual: number }>;
  /** The result `y` of each school (null: none). */
  readonly y: (id: string) => number | null;
  readonly notes: readonly string[];
}

/**
 * @example
 * groups(schools, swis, latest, PRESETS.kbr.parameters).bySchool.get("0001")?.group // "effective"
 */
export function groups(
  schools: readonly School[],
  swis: readonly (number | null)[],
  latest: ReadonlyMap<string, PooledIndices>,
  p: MethodologyParameters,
): Groups {
  const y = (id: string): number | null => {
    const l = latest.get(id);
    if (l === undefined) return null;
    if (p.groupResult === "massIndex") return l.mass;
    if (p.groupResult === "highIndex") return l.high;
    return l.low === null ? null : 1 - l.low;
  };
  const points = schools.map((s, i) => ({ id: s.id, x: swis[i] ?? null, y: y(s.id) })).filter((q) => q.x !== null && q.y !== null);
  const fit = fitLine(
    points.map((q) => q.x as number),
    points.map((q) => q.y as number),
  );
  const bySchool = new Map<string, { group: Group; residual: number }>();
  const notes: string[] = [];
  if (fit.ok) points.forEach((q, i) => bySchool.set(q.id, { group: groupOf(fit.value.residuals[i] as number, fit.value.sigma, p.groupK), residual: fit.value.residuals[i] as number }));
  else notes.push(`Группы (эффективная / обычная / не справляющаяся) не определены: ${fit.reason}`);
  return { fit, points: points.length, bySchool, y, notes };
}

/** The reason that explains a school's group (null: no group). */
export function groupReason(g: Groups, id: string, p: MethodologyParameters): string | null {
  const entry = g.bySchool.get(id);
  if (entry === undefined || !g.fit.ok) return null;
  const sigma = g.fit.value.sigma;
  return `${GROUP_NAMES[entry.group]}: остаток ${num(entry.residual, 3)} ${entry.group === "effective" ? ">" : entry.group === "notCoping" ? "<" : "в пределах ±"} ${entry.group === "notCoping" ? "−" : ""}${num(p.groupK, 1)}σ = ${num(p.groupK * sigma, 3)}`;
}
