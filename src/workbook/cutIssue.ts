/**
 * Cells cut to Excel's 32,767-character limit when the result sheets were written become a
 * warning among the run's issues, so the pane says so as the command line does.
 */
import type { Issue } from "../engine/types";
import { cutWarning } from "./safeText";

/** `issues` and, when cells were cut (`"Лист!B3"` each, as a write report gives them), one warning naming them. */
export function withCutWarning<T extends Issue>(issues: readonly T[], cut: readonly string[] | undefined): (T | Issue)[] {
  const cells = (cut ?? []).map((c) => {
    const at = c.lastIndexOf("!");
    return { sheet: c.slice(0, at), cell: c.slice(at + 1) };
  });
  const message = cutWarning(cells);
  const first = cells[0];
  if (message === null || first === undefined) return [...issues];
  return [...issues, { severity: "warning", code: "cells-cut", sheet: first.sheet, cell: first.cell, message: message.charAt(0).toUpperCase() + message.slice(1) }];
}
