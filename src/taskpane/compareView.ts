/**
 * What the pane shows of a methodology comparison (issue 15): plain data the compute worker
 * sends back — the methodologies' counts and the overlap matrices of ШНОР and ШНСУ. The pane's
 * page imports only the types (its bundle carries no engine); the worker builds it.
 */
import { overlapOf, type ListStatus, type MethodologyComparison } from "../engine/compare";

export interface OverlapView {
  /** Short names of the methodologies, in the order of the matrices' rows and columns. */
  readonly labels: readonly string[];
  readonly counts: readonly { readonly shnor: number; readonly shnsu: number; readonly riskZone: number }[];
  /**
   * Per list: `both[i][j]` schools on it under methodologies i and j (the diagonal: under i),
   * `onlyRow[i][j]` under i but not j (null on the diagonal).
   */
  readonly matrices: Readonly<Record<ListStatus, { readonly both: readonly (readonly number[])[]; readonly onlyRow: readonly (readonly (number | null)[])[] }>>;
  /** Schools on the ШНОР or ШНСУ list of all, some and none of the methodologies. */
  readonly listedIn: { readonly all: number; readonly some: number; readonly none: number };
  /** How many times the procedure statistics were computed (1: shared by all). */
  readonly statisticsRuns: number;
}

export function overlapView(c: MethodologyComparison): OverlapView {
  const ids = c.presets.map((p) => p.id);
  const matrix = (status: ListStatus) => ({
    both: ids.map((a, i) => ids.map((b) => (a === b ? (c.presets[i]?.counts[status] ?? 0) : (overlapOf(c, status, a, b)?.both ?? 0)))),
    onlyRow: ids.map((a) => ids.map((b) => (a === b ? null : (overlapOf(c, status, a, b)?.onlyFirst ?? 0)))),
  });
  const count = (k: "all" | "some" | "none"): number => c.schools.filter((s) => s.listedIn === k).length;
  return {
    labels: c.presets.map((p) => p.label),
    counts: c.presets.map((p) => ({ shnor: p.counts.shnor, shnsu: p.counts.shnsu, riskZone: p.counts.riskZone })),
    matrices: { shnor: matrix("shnor"), shnsu: matrix("shnsu") },
    listedIn: { all: count("all"), some: count("some"), none: count("none") },
    statisticsRuns: c.statistics.length,
  };
}
