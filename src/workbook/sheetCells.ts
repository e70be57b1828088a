/**
 * Building blocks shared by the result sheets ({@link ./resultSheets}) and the monitoring sheets
 * ({@link ./monitoringSheets}): the colours of DESIGN.md, column kinds and cell conventions.
 *
 * Conventions: an undefined value is an empty cell, never 0; yes/no is «да»/«нет»; numbers stay
 * numbers and get their Russian look from the number format, never from a string.
 */
import type { Category } from "../engine/types";
import { POINTS_FORMAT, type CellStyle, type ColumnSpec, type SpecCell } from "./port";

/** Colours of DESIGN.md, after Excel's own cell styles ("Bad", "Neutral", "Good"). */
export const CATEGORY_STYLES: Readonly<Record<Category, CellStyle>> = {
  "ШНОР и ШНСУ": { fill: "#C00000", font: "#FFFFFF", bold: true },
  ШНОР: { fill: "#FFC7CE", font: "#9C0006" },
  ШНСУ: { fill: "#FFEB9C", font: "#9C5700" },
  // Not Excel's pale "#FFF2CC": next to ШНСУ's "#FFEB9C" it read as the same colour (1.07:1).
  // A light orange with Excel's dark orange text: 1.40:1 against ШНСУ's fill, text 4.8:1.
  "Зона риска": { fill: "#F6BC94", font: "#833C0B" },
  "Без рисков": { fill: "#C6EFCE", font: "#006100" },
};

export const CATEGORY_ORDER: readonly Category[] = ["ШНОР и ШНСУ", "ШНОР", "ШНСУ", "Зона риска", "Без рисков"];

/** A «да» that calls for attention (low results), and a target not met: Excel's "Bad". */
export const ALERT_STYLE: CellStyle = CATEGORY_STYLES["ШНОР"];
/** Something to review (signs of non-objectivity): Excel's "Neutral". */
export const REVIEW_STYLE: CellStyle = CATEGORY_STYLES["ШНСУ"];
/** A target met: Excel's "Good". */
export const GOOD_STYLE: CellStyle = CATEGORY_STYLES["Без рисков"];
export const TOTAL_STYLE: CellStyle = { bold: true };

/** Green when met, red when not, nothing when unknown. */
export function metStyle(met: boolean | null): CellStyle | null {
  return met === null ? null : met ? GOOD_STYLE : ALERT_STYLE;
}

export function yesNo(value: boolean | null): SpecCell {
  return value === null ? null : value ? "да" : "нет";
}

/** A change of an index (a difference of fractions) in percentage points: −0.04 → −4 (see {@link POINTS_FORMAT}). */
export function points(change: number | null): number | null {
  // Rounded off binary noise: 0.2 − 0.26 is −0.06000000000000002, not −6.000000000000002 points.
  return change === null || !Number.isFinite(change) ? null : Math.round(change * 1e11) / 1e9;
}

export const text = (header: string, width: number, wrap = false): ColumnSpec =>
  wrap ? { header, width, format: "@", wrap } : { header, width, format: "@" };
export const percent = (header: string, width = 12): ColumnSpec => ({ header, width, format: "0.0%" });
export const decimal = (header: string, width = 10): ColumnSpec => ({ header, width, format: "0.0" });
export const integer = (header: string, width = 10): ColumnSpec => ({ header, width, format: "0" });
export const pointsColumn = (header: string, width = 12): ColumnSpec => ({ header, width, format: POINTS_FORMAT });
export const general = (header: string, width = 12): ColumnSpec => ({ header, width, format: "General" });
