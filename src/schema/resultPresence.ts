/**
 * Cross-sheet rule: there must be procedure results to identify from. A workbook whose
 * «Результаты» and «Баллы» hold no rows at all, or whose «Результаты» rows of a procedure carry
 * no count any index can be computed from (and «Баллы» has no participant for that procedure),
 * would otherwise be identified with every index undefined and 0 ШНОР shown as a success.
 */
import type { AggregatedResult, ParticipantScore } from "../engine/types";
import type { ReadSheet, RowList } from "./readSheet";
import { NestedMap } from "./keys";
import type { IssueSink } from "./sink";

/** A count an index (or a preset's criterion) is computed from: below Bmin, at least Bmid or Btop, marks «2», «4» and «5». */
const hasCounts = (r: AggregatedResult): boolean => r.belowMin !== null || r.atLeastMid !== null || r.atLeastTop !== null || r.mark2 !== null || r.marks45 !== null;
const hasMean = (r: AggregatedResult): boolean => r.meanScore !== null;

/**
 * Pushes `no-results` when neither results sheet has a single row (read or not: a sheet whose
 * rows all have errors already says so), and `results-without-counts` once per procedure and
 * year whose aggregated rows have no counts and no participant scores to replace them.
 */
export function checkResultPresence(
  results: ReadSheet<AggregatedResult>,
  resultRows: RowList<AggregatedResult>,
  scores: ReadSheet<ParticipantScore>,
  scoreRows: RowList<ParticipantScore>,
  anyResultsSheet: boolean,
  sink: IssueSink,
): void {
  if (!anyResultsSheet) return; // `results-sheet-missing` already says it
  const rowsSeen = results.list.values.length + results.invalid.length + scores.list.values.length + scores.invalid.length;
  if (rowsSeen === 0) {
    sink.push({ code: "no-results", sheet: null, row: null, column: null });
    return;
  }
  const scored = new Set<string>();
  const seen = new NestedMap<true>(2);
  let last: ParticipantScore | null = null;
  for (const value of scoreRows.values) {
    // Rows come grouped: a run of one procedure and year needs one look-up.
    if (last !== null && value.procedure === last.procedure && value.year === last.year) continue;
    last = value;
    if (seen.getOrSet([value.procedure, value.year], true) === undefined) scored.add(`${value.procedure}\u0000${value.year}`);
  }
  type Group = { procedure: string; year: number; first: number; last: number; rows: number; counted: boolean; mean: boolean };
  const groups = new Map<string, Group>();
  // Rows come grouped: a run of one procedure and year is one group (or none, where scored).
  let lastValue: AggregatedResult | null = null;
  let lastGroup: Group | null = null;
  for (let i = 0; i < resultRows.values.length; i++) {
    const value = resultRows.values[i]!;
    const row = resultRows.at[i]!;
    let g: Group | null;
    if (lastValue !== null && value.procedure === lastValue.procedure && value.year === lastValue.year) g = lastGroup;
    else {
      const key = `${value.procedure}\u0000${value.year}`;
      g = scored.has(key) ? null : (groups.get(key) ?? null);
      if (g === null && !scored.has(key)) {
        g = { procedure: value.procedure, year: value.year, first: row, last: row, rows: 0, counted: false, mean: false };
        groups.set(key, g);
      }
      lastValue = value;
      lastGroup = g;
    }
    if (g === null) continue;
    g.rows++;
    g.first = Math.min(g.first, row);
    g.last = Math.max(g.last, row);
    g.counted ||= hasCounts(value);
    g.mean ||= hasMean(value);
  }
  for (const g of groups.values()) {
    if (g.counted) continue;
    sink.push({
      // Mean scores alone serve only the mean-gap rule (Новолакский район): a warning, not an error.
      code: g.mean ? "results-mean-only" : "results-without-counts",
      sheet: results.name,
      row: g.first,
      column: results.columns.get("belowMin") ?? results.columns.get("participants") ?? null,
      details: { procedure: g.procedure, year: g.year, rows: g.rows, firstRow: g.first + 1, lastRow: g.last + 1 },
    });
  }
}
