import type { IssueCode, IssueDraft } from "./issues";

/** Issues of one code in one column shown before the rest are summarised. */
export const ISSUES_PER_COLUMN = 100;

/**
 * Collects issue drafts in the order found. A systematic mistake in a million-row sheet must not
 * bury the other issues: past {@link ISSUES_PER_COLUMN} of one code in one column of one sheet,
 * the rest are counted and reported as one `issues-truncated` note.
 */
export class IssueSink {
  private readonly drafts: IssueDraft[] = [];
  private readonly counts = new Map<string, { code: IssueCode; sheet: string | null; column: number | null; n: number; lastRow: number | null }>();

  push(draft: IssueDraft): void {
    const key = `${draft.code}\u0000${draft.sheet ?? ""}\u0000${draft.column ?? ""}`;
    const entry = this.counts.get(key);
    if (entry === undefined) {
      this.counts.set(key, { code: draft.code, sheet: draft.sheet, column: draft.column, n: 1, lastRow: draft.row });
    } else {
      entry.n += 1;
      if (draft.row !== null && (entry.lastRow === null || draft.row > entry.lastRow)) entry.lastRow = draft.row;
      if (entry.n > ISSUES_PER_COLUMN) return;
    }
    this.drafts.push(draft);
  }

  /** All drafts, then one summary per truncated group. */
  finish(): IssueDraft[] {
    const out = [...this.drafts];
    for (const e of this.counts.values()) {
      if (e.n > ISSUES_PER_COLUMN) {
        out.push({ code: "issues-truncated", sheet: e.sheet, row: null, column: e.column, details: { count: e.n - ISSUES_PER_COLUMN, of: e.code, ...(e.lastRow === null ? {} : { lastRow: e.lastRow }) } });
      }
    }
    return out;
  }
}
