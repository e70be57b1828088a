/**
 * Cross-sheet rule: there must be procedure results to identify from. A workbook whose
 * «Результаты» and «Баллы» hold no rows at all, or whose «Результаты» rows of a procedure carry
 * no count any index can be computed from (and «Баллы» has no participant for that procedure),
 * would otherwise be identified with every index undefined and 0 ШНОР shown as a success.
 */
import type { AggregatedResult, ParticipantScore } from "../../../src/engine/types";
import type { ReadRow, ReadSheet } from "./readSheet";
import { NestedMap } from "../../../src/schema/keys";
import type { IssueSink } from "../../../src/schema/sink";

/** The count columns of «Результаты» an index (or a preset's criterion) is computed from. */
const COUNT_FIELDS = ["belowMin", "atLeastMid", "atLeastTop", "mark2", "marks45"] as const;

const hasCounts = (r: AggregatedResult): boolean => COUNT_FIELDS.some((f) => r[f] !== null);
const hasMean = (r: AggregatedResult): boolean => r.meanScore !== null;

/**
 * Pushes `no-results` when neither results sheet has a single row (read or not: a sheet whose
 * rows all have errors already says so), and `results-without-counts` once per procedure and
 * year whose aggregated rows have no counts and no participant scores to replace them.
 */
export function checkResultPresence(
  results: ReadSheet<AggregatedResult>,
  resultRows: readonly ReadRow<AggregatedResult>[],
  scores: ReadSheet<ParticipantScore>,
  scoreRows: readonly ReadRow<ParticipantScore>[],
  anyResultsSheet: boolean,
  sink: IssueSink,
): void {
  if (!anyResultsSheet) return; // `results-sheet-missing` already says it
  const rowsSeen = results.rows.length + results.invalid.length + scores.rows.length + scores.invalid.length;
  if (rowsSeen === 0) {
    sink.push({ code: "no-results", sheet: null, row: null, column: null });
    return;
  }
  const scored = new Set<string>();
  const seen = new NestedMap<true>(2);
  for (const { value } of scoreRows) {
    if (seen.getOrSet([value.procedure, value.year], true) === undefined) scored.add(`${value.procedure}\u0000${value.year}`);
  }
  const groups = new Map<string, { procedure: string; year: number; first: number; last: number; rows: number; counted: boolean; mean: boolean }>();
  for (const { row, value } of resultRows) {
    const key = `${value.procedure}\u0000${value.year}`;
    if (scored.has(key)) continue;
    const g = groups.get(key) ?? { procedure: value.procedure, year: value.year, first: row, last: row, rows: 0, counted: false, mean: false };
    g.rows++;
    g.first = Math.min(g.first, row);
    g.last = Math.max(g.last, row);
    g.counted ||= hasCounts(value);
    g.mean ||= hasMean(value);
    groups.set(key, g);
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
