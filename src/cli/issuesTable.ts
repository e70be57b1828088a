/** Issues as a plain-text table for the terminal: cell (Лист!Ячейка), severity, message. */
import type { Issue } from "../engine/types";
import { formatCellRef } from "../schema";
import { terminalSafe } from "./safety";

export const SEVERITY_RU: Readonly<Record<Issue["severity"], string>> = {
  error: "ошибка",
  warning: "предупреждение",
  info: "сведения",
};

export function issueLocation(issue: Issue): string {
  if (issue.sheet === null) return "—";
  return issue.cell === null ? issue.sheet : formatCellRef(issue.sheet, issue.cell);
}

const width = (s: string): number => [...s].length;
const pad = (s: string, w: number): string => s + " ".repeat(Math.max(0, w - width(s)));

export function issuesTable(issues: readonly Issue[]): string {
  // Messages quote cell text: printed without its control characters and escape sequences.
  const rows = issues.map((i) => [terminalSafe(issueLocation(i)), SEVERITY_RU[i.severity], terminalSafe(i.message)]);
  const header = ["Ячейка", "Важность", "Сообщение"];
  const w0 = Math.max(width(header[0] as string), ...rows.map((r) => width(r[0] as string)));
  const w1 = Math.max(width(header[1] as string), ...rows.map((r) => width(r[1] as string)));
  const line = (r: readonly string[]): string => `${pad(r[0] ?? "", w0)}  ${pad(r[1] ?? "", w1)}  ${r[2] ?? ""}`.trimEnd();
  return [line(header), line(["-".repeat(w0), "-".repeat(w1), "-".repeat(9)]), ...rows.map(line)].join("\n") + "\n";
}

export function issueCounts(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
    infos: issues.filter((i) => i.severity === "info").length,
  };
}
