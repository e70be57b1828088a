/**
 * The journal comparison of aggregated rows (FORMATS.md: ФИС ОКО «Сравнение отметок с отметками
 * по журналу», imported onto «Результаты» as «Понизили», «Подтвердили», «Повысили»): how many
 * results were compared with the journal and how many were lowered or raised against it. They
 * stand in for `Отметка по журналу` of «Баллы» where a school × year × procedure × grade has no
 * participant rows (SPEC §4 sign `raisedVsJournal`, §7 factor 4).
 */
import { ALL_SUBJECTS, type AggregatedResult } from "./types";

export interface JournalCounts {
  /** Results whose procedure mark was compared with the journal mark. */
  readonly compared: number;
  readonly lowered: number;
  readonly raised: number;
}

/**
 * One row's comparison, or null without one. The compared results are the three groups together
 * when all are given, else the row's participants (ФИС ОКО counts every participant in one group).
 *
 * @example
 * // 20 participants: 3 lowered, 12 confirmed, 5 raised → { compared: 20, lowered: 3, raised: 5 }
 * rowJournal({ participants: 20, journalLowered: 3, journalConfirmed: 12, journalRaised: 5, … })
 */
export function rowJournal(r: AggregatedResult): JournalCounts | null {
  const lowered = r.journalLowered ?? null;
  const confirmed = r.journalConfirmed ?? null;
  const raised = r.journalRaised ?? null;
  if (lowered === null && raised === null) return null;
  const compared = lowered !== null && confirmed !== null && raised !== null ? lowered + confirmed + raised : r.participants;
  return { compared, lowered: lowered ?? 0, raised: raised ?? 0 };
}

/**
 * The comparison of one school × year × procedure × grade from its aggregated rows: the sum over
 * its subject rows, or the «все» row's when no subject row has one.
 */
export function gradeJournal(rows: readonly AggregatedResult[]): JournalCounts {
  let compared = 0;
  let lowered = 0;
  let raised = 0;
  let whole: JournalCounts | null = null;
  for (const r of rows) {
    const j = rowJournal(r);
    if (j === null) continue;
    if (r.subject === ALL_SUBJECTS) {
      whole = j;
      continue;
    }
    compared += j.compared;
    lowered += j.lowered;
    raised += j.raised;
  }
  return compared === 0 && whole !== null ? whole : { compared, lowered, raised };
}
