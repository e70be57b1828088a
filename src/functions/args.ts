/**
 * Argument checking for the custom functions. Excel hands a function whatever the cells hold
 * (numbers, text, booleans, `null` for blanks and omitted optionals), so every argument is
 * checked here and a bad one becomes an `ArgumentProblem` naming it in Russian; `guard` turns
 * that into #VALUE! or #N/A.
 */
import type { Locality } from "../engine/types";

/** #VALUE! — the argument is wrong; #N/A — the arguments are fine but there is nothing to compute. */
export type ProblemKind = "invalidValue" | "notAvailable";

export class ArgumentProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
  ) {
    super(message);
    this.name = "ArgumentProblem";
  }
}

export function invalid(message: string): ArgumentProblem {
  return new ArgumentProblem("invalidValue", message);
}

export function notAvailable(message: string): ArgumentProblem {
  return new ArgumentProblem("notAvailable", message);
}

/** A cell value as Excel passes it to an `any` parameter. */
export type Cell = unknown;

/** Shows a received value in a message: «abc», 120, ИСТИНА. */
export function shown(value: Cell): string {
  if (typeof value === "string") return `«${value}»`;
  if (typeof value === "boolean") return value ? "ИСТИНА" : "ЛОЖЬ";
  if (typeof value === "number") return String(value).replace(".", ",");
  return String(value);
}

function isBlank(value: Cell): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * A number from a scalar argument, or `null` for a blank cell. Text that reads as a number
 * ("12,5", "25 %") is accepted, since Russian workbooks often hold numbers stored as text.
 */
export function numberOrNull(value: Cell, arg: string): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalid(`${arg}: ${shown(value)} — ожидалось число`);
    return value;
  }
  if (typeof value === "string") {
    const parsed = parseNumberText(value);
    if (parsed !== null) return parsed;
  }
  throw invalid(`${arg}: ${shown(value)} — ожидалось число`);
}

function parseNumberText(text: string): number | null {
  const m = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(text.replace(/[\u00a0\u202f ]/g, ""));
  if (!m || m[1] === undefined) return null;
  const n = Number(m[1].replace(",", "."));
  return m[2] === "%" ? n / 100 : n;
}

/** A number that must be present: a blank gives #N/A (nothing to compute), text gives #VALUE!. */
export function requiredNumber(value: Cell, arg: string): number {
  const n = numberOrNull(value, arg);
  if (n === null) throw notAvailable(`${arg}: пустая ячейка — нечего вычислять`);
  return n;
}

/** An omitted optional argument (Excel passes `null`) takes its default. */
export function optionalNumber(value: Cell, arg: string, fallback: number): number {
  return numberOrNull(value, arg) ?? fallback;
}

/** Checks lo ≤ n ≤ hi and says which argument and which interval otherwise. */
export function within(n: number, lo: number, hi: number, arg: string, expected = "ожидалось число"): number {
  if (n < lo || n > hi) throw invalid(`${arg}: ${shown(n)} — ${expected} от ${shown(lo)} до ${shown(hi)}`);
  return n;
}

export function nonNegative(n: number, arg: string): number {
  if (n < 0) throw invalid(`${arg}: ${shown(n)} — ожидалось неотрицательное число`);
  return n;
}

/** A share in percent points (0–100); a fraction from a percent-formatted cell is also in range. */
export function percentShare(value: Cell, arg: string): number | null {
  const n = numberOrNull(value, arg);
  return n === null ? null : within(n, 0, 100, arg, "ожидалась доля в процентах");
}

/** A fraction in [0, 1] (margin, quantile): "5 %" formatted cells hold 0.05. */
export function fraction(value: Cell, arg: string, fallback: number): number {
  return within(optionalNumber(value, arg, fallback), 0, 1, arg, "ожидалась доля");
}

const YES = new Set(["да", "истина", "true", "1", "есть", "+"]);
const NO = new Set(["нет", "ложь", "false", "0", "-", "—"]);


/** да/нет, TRUE/FALSE (ИСТИНА/ЛОЖЬ), 1/0; `null` for a blank. */
export function yesNoOrNull(value: Cell, arg: string, expected = "«да» или «нет»"): boolean | null {
  if (isBlank(value)) return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value === "string") {
    const t = value.trim().toLowerCase();
    if (YES.has(t)) return true;
    if (NO.has(t)) return false;
  }
  throw invalid(`${arg}: ${shown(value)} — ожидалось ${expected}`);
}

const URBAN = new Set(["город", "городская", "городская местность", "г", "г.", "city", "urban"]);
const RURAL = new Set(["село", "сельская", "сельская местность", "с", "с.", "village", "rural"]);

/** `Местность`: город | село (case, ё and the common adjectives accepted); `null` for a blank. */
export function localityOrNull(value: Cell, arg: string): Locality | null {
  if (isBlank(value)) return null;
  if (typeof value === "string") {
    const t = value.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
    if (URBAN.has(t)) return "город";
    if (RURAL.has(t)) return "село";
  }
  throw invalid(`${arg}: ${shown(value)} — ожидалось «город» или «село»`);
}

/** A range as Excel passes it: rows of cells. A single cell may also arrive as a scalar. */
export type Range = readonly (readonly Cell[])[];

export function asRange(value: Cell, arg: string): Range {
  if (Array.isArray(value)) {
    if (value.every((row) => Array.isArray(row))) return value as Range;
    return [value as Cell[]];
  }
  if (value === null || value === undefined) throw notAvailable(`${arg}: диапазон не указан`);
  return [[value]];
}

export function optionalRange(value: Cell, arg: string): Range | null {
  return value === null || value === undefined ? null : asRange(value, arg);
}

/** Number of rows × columns, to check that paired ranges line up. */
export function shapeOf(range: Range): { rows: number; cols: number; cells: number } {
  let cells = 0;
  for (const row of range) cells += row.length;
  return { rows: range.length, cols: range[0]?.length ?? 0, cells };
}

export function sameShape(a: Range, argA: string, b: Range, argB: string): void {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (sa.rows !== sb.rows || sa.cols !== sb.cols || sa.cells !== sb.cells)
    throw invalid(
      `${argA} (${sa.rows}×${sa.cols}) и ${argB} (${sb.rows}×${sb.cols}) — диапазоны разного размера`,
    );
}

/**
 * The numbers of a range in reading order. Blanks, text and logical values are skipped, as
 * Excel's PERCENTILE.INC and AVERAGE skip them in a reference.
 */
export function numbersOf(range: Range): number[] {
  const out: number[] = [];
  for (const row of range) for (const v of row) if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  return out;
}
