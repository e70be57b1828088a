/**
 * Issues as an analyst can read a thousand of them: one line per kind of issue and column
 * («Школы!F2:F300 — 299 ячеек: «н/я» — ожидалось число»), counted exactly — the schema lists the
 * first hundred of a column and counts the rest in an `issues-truncated` note, which is folded
 * back into its group here — with Russian text only (no issue codes).
 */
import type { Issue, Severity } from "../engine/types";
import { formatCellRef, ISSUE_HINTS, ISSUE_TITLES, type IssueCode, type SchemaIssue } from "../schema/issues";

export interface IssueGroupView {
  readonly key: string;
  readonly severity: Severity;
  readonly sheet: string | null;
  /** Column letters, when every issue of the group is in one column. */
  readonly column: string | null;
  /** Russian name of the kind of issue. */
  readonly title: string;
  /** What the issues say, when they all say the same (without their cell). */
  readonly text: string | null;
  readonly hint: string | null;
  /** Exact number of issues, the ones not listed included. */
  readonly count: number;
  /** "Школы!F2:F300", or the one cell, or null. */
  readonly range: string | null;
  /** The first cell, to go to. */
  readonly firstCell: string | null;
  /** The issues listed (each with its own cell and message). */
  readonly issues: readonly Issue[];
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function splitCell(cell: string): { column: string; row: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  return m ? { column: m[1] ?? "", row: Number(m[2]) } : null;
}

/** The message without its location prefix ("Школы!F12: …" → "…"). */
export function messageBody(issue: Issue): string {
  if (issue.sheet !== null && issue.cell !== null) {
    const prefix = `${formatCellRef(issue.sheet, issue.cell)}: `;
    if (issue.message.startsWith(prefix)) return issue.message.slice(prefix.length);
  }
  return issue.message;
}

function title(code: string, fallback: string): string {
  return (ISSUE_TITLES as Readonly<Record<string, string | undefined>>)[code] ?? fallback;
}

/** Issues grouped by kind, sheet and column, errors first, with exact counts. */
export function groupIssues(issues: readonly Issue[]): IssueGroupView[] {
  type Acc = { severity: Severity; code: string; sheet: string | null; column: string | null; issues: Issue[]; extra: number; minRow: number; maxRow: number; order: number };
  const groups = new Map<string, Acc>();
  const truncated: SchemaIssue[] = [];
  let order = 0;
  for (const issue of issues) {
    const t = (issue as SchemaIssue).truncated;
    if (issue.code === "issues-truncated" && t !== undefined) {
      truncated.push(issue as SchemaIssue);
      continue;
    }
    const at = issue.cell === null ? null : splitCell(issue.cell);
    // Issues without a cell stay one a line: each says something of its own.
    const key = at === null ? `${order}\u0000${issue.message}` : `${issue.severity}\u0000${issue.code}\u0000${issue.sheet ?? ""}\u0000${at.column}`;
    const g = groups.get(key) ?? { severity: issue.severity, code: issue.code, sheet: issue.sheet, column: at?.column ?? null, issues: [], extra: 0, minRow: Infinity, maxRow: -Infinity, order: order++ };
    g.issues.push(issue);
    if (at !== null) {
      g.minRow = Math.min(g.minRow, at.row);
      g.maxRow = Math.max(g.maxRow, at.row);
    }
    groups.set(key, g);
  }
  for (const note of truncated) {
    const t = note.truncated;
    if (t === undefined) continue;
    const last = t.lastCell === null ? null : splitCell(t.lastCell);
    const column = last?.column ?? null;
    const g = [...groups.values()].find((x) => x.code === t.of && x.sheet === note.sheet && x.column === column);
    if (g === undefined) {
      groups.set(`${order}\u0000${note.message}`, { severity: note.severity, code: note.code, sheet: note.sheet, column: null, issues: [note], extra: 0, minRow: Infinity, maxRow: -Infinity, order: order++ });
      continue;
    }
    g.extra += t.count;
    if (last !== null) g.maxRow = Math.max(g.maxRow, last.row);
  }
  return [...groups.values()]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.order - b.order)
    .map((g): IssueGroupView => {
      const count = g.issues.length + g.extra;
      const bodies = new Set(g.issues.map(messageBody));
      const first = g.issues[0];
      const hasCells = g.column !== null && Number.isFinite(g.minRow);
      const firstCell = hasCells ? `${g.column}${g.minRow}` : null;
      const range = hasCells && g.sheet !== null ? formatCellRef(g.sheet, g.minRow === g.maxRow ? `${g.column}${g.minRow}` : `${g.column}${g.minRow}:${g.column}${g.maxRow}`) : null;
      return {
        key: `${g.severity}:${g.code}:${g.sheet ?? ""}:${g.column ?? ""}:${g.order}`,
        severity: g.severity,
        sheet: g.sheet,
        column: g.column,
        title: title(g.code, first ? messageBody(first) : ""),
        text: bodies.size === 1 && first ? messageBody(first) : null,
        hint: (ISSUE_HINTS as Readonly<Record<string, string | undefined>>)[g.code as IssueCode] ?? null,
        count,
        range,
        firstCell,
        issues: g.issues,
      };
    });
}

/** Every issue as CSV for Excel (semicolons, a BOM so that Cyrillic opens right), Russian columns, no codes. */
export function issuesCsv(issues: readonly Issue[]): string {
  const severity: Readonly<Record<Severity, string>> = { error: "ошибка", warning: "предупреждение", info: "сведения" };
  const quote = (s: string): string => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [["Важность", "Лист", "Ячейка", "Вид замечания", "Сообщение"].join(";")];
  for (const i of issues) {
    lines.push([severity[i.severity], i.sheet ?? "", i.cell ?? "", title(i.code, ""), i.message].map(quote).join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
