/**
 * Signs of non-objectivity (seed 000, stages 1–3; SPEC.md §4 version 2). These are signs that
 * call for a review, not a verdict: "признаки необъективности — требуется проверка".
 *
 * Per school × procedure unit × year (evaluated only), five quantities: `b` below the official
 * minimum, `l` low, `m` mass and `h` high indices, `u` participation. Each gets a Wilson score
 * interval; the region's value is pooled over the evaluated schools of the unit and year.
 */
import { int, num, pct } from "./format";
import { binomialUpperTail, wilson } from "./intervals";
import type { MethodologyParameters } from "./methodology";
import { percentileInc } from "./percentile";
import type { ProcedureStat } from "./procedureStats";

export type NonObjectivitySign = "ciBetterThanRegion" | "lowParticipation" | "raisedVsJournal" | "boundaryPeak" | "highAndLow" | "massAndZeroLow";

/** The §4 quantities by their letters, and `raised` (mark above the journal mark, sign 3). */
export type Quantity = "b" | "l" | "m" | "h" | "u" | "raised";

/** Pooled regional values of one unit and year (Σ counts ÷ Σ denominators). */
export type RegionalValues = Readonly<Record<Quantity, number | null>>;

export interface ProcedureReference {
  readonly procedure: string;
  readonly year: number;
  /** Evaluated schools the percentiles are taken over. */
  readonly schools: number;
  readonly lowP90: number | null;
  readonly highP95: number | null;
  readonly lowP10: number | null;
  readonly massP95: number | null;
  readonly regional: RegionalValues;
}

/** One quantity of one school, with its interval and the region's value. */
export interface QuantityValue {
  readonly quantity: Quantity;
  readonly value: number;
  /** Wilson interval at `nonObjConfidence` (null: no denominator). */
  readonly interval: readonly [number, number] | null;
  readonly regional: number | null;
}

/** A sign that put a unit on its list, with the numbers that fired it. */
export interface SignFinding {
  readonly id: NonObjectivitySign;
  /** The main number: `h` for sign 1, `u` for 2, the raised share for 3, c0 for 4. */
  readonly value: number | null;
  readonly interval: readonly [number, number] | null;
  readonly regional: number | null;
  /** Sign 1: every quantity compared. */
  readonly quantities?: readonly QuantityValue[];
  /** Sign 4: the subject, c0 (exactly the cut for «3»), c1 (one point less) and P(X ≥ c0). */
  readonly subject?: string;
  readonly c0?: number;
  readonly c1?: number;
  readonly probability?: number;
  /** Russian explanation with the numbers. */
  readonly text: string;
}

/** Group statistics by "procedure | year" (insertion order follows the sorted input). */
export function groupByProcedureYear(stats: readonly ProcedureStat[]): Map<string, ProcedureStat[]> {
  const groups = new Map<string, ProcedureStat[]>();
  for (const s of stats) {
    const k = `${s.procedure}|${s.year}`;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [s]);
    else list.push(s);
  }
  return groups;
}

function defined(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null) out.push(v);
  return out;
}

/** A quantity's share and its denominator (the n of its interval). */
function part(s: ProcedureStat, q: Quantity): { share: number | null; n: number } {
  switch (q) {
    case "b":
      return { share: s.belowScaleMin, n: s.participants };
    case "l":
      return { share: s.low, n: s.participants };
    case "m":
      return { share: s.mass, n: s.massResults };
    case "h":
      return { share: s.high, n: s.participants };
    case "u":
      return { share: s.participation, n: s.gradeSize ?? 0 };
    case "raised":
      return { share: s.journalCompared > 0 ? s.raisedVsJournal / s.journalCompared : null, n: s.journalCompared };
  }
}

const QUANTITIES: readonly Quantity[] = ["b", "l", "m", "h", "u", "raised"];

/** Σ share × n ÷ Σ n over the schools where the quantity is known. */
export function regionalValues(evaluated: readonly ProcedureStat[]): RegionalValues {
  const out: Record<Quantity, number | null> = { b: null, l: null, m: null, h: null, u: null, raised: null };
  for (const q of QUANTITIES) {
    let num = 0;
    let den = 0;
    for (const s of evaluated) {
      const { share, n } = part(s, q);
      if (share === null || n <= 0) continue;
      num += share * n;
      den += n;
    }
    out[q] = den > 0 ? num / den : null;
  }
  return out;
}

/**
 * Regional references of one procedure unit in one year, over the schools where it was evaluated.
 *
 * @example
 * // low indices {0, 0.1, 0.2, 0.3, 0.4} → lowP90 = 0.36
 */
export function procedureReference(evaluated: readonly ProcedureStat[], params: MethodologyParameters): ProcedureReference {
  const first = evaluated[0];
  const lows = defined(evaluated.map((s) => s.low));
  return {
    procedure: first?.procedure ?? "",
    year: first?.year ?? 0,
    schools: evaluated.length,
    lowP90: percentileInc(lows, params.lowResultsPercentile),
    highP95: percentileInc(defined(evaluated.map((s) => s.high)), params.nonObjHighPercentile),
    lowP10: percentileInc(lows, params.nonObjLowPercentile),
    massP95: percentileInc(defined(evaluated.map((s) => s.mass)), params.nonObjMassPercentile),
    regional: regionalValues(evaluated),
  };
}

const NAMES: Readonly<Record<Quantity, string>> = {
  b: "ниже минимального балла",
  l: "индекс низких",
  m: "индекс массовых",
  h: "индекс высоких",
  u: "участие",
  raised: "отметка выше журнальной",
};

function interval(i: readonly [number, number] | null): string {
  return i === null ? "" : ` [${pct(i[0], 0)}; ${pct(i[1], 0)}]`;
}

function quantityText(q: QuantityValue, relation: string): string {
  return `${NAMES[q.quantity]} ${pct(q.value, 0)}${interval(q.interval)} ${relation} региона ${pct(q.regional ?? 0, 0)}`;
}

/**
 * Stage 1 for one school's unit and year: the signs that put it on the list (empty: not on it),
 * each with its numbers.
 *
 * @example
 * nonObjectivityFindings(stat, procedureReference(evaluated, p), p).map((f) => f.id) // ["ciBetterThanRegion"]
 */
export function nonObjectivityFindings(s: ProcedureStat, ref: ProcedureReference, p: MethodologyParameters): SignFinding[] {
  const value = (q: Quantity): QuantityValue | null => {
    const { share, n } = part(s, q);
    if (share === null) return null;
    return { quantity: q, value: share, interval: wilson(share, n, p.nonObjConfidence), regional: ref.regional[q] };
  };
  const found: (SignFinding | null)[] = [
    p.nonObjCiBetterThanRegion ? ciBetterThanRegion(value, p) : null,
    p.nonObjLowParticipation ? lowParticipation(value("u"), p) : null,
    p.nonObjRaisedVsJournal ? raisedVsJournal(value("raised"), s, p) : null,
    ...(p.nonObjBoundaryPeak ? boundaryPeaks(s, p) : []),
    ...(p.nonObjPercentileSigns ? percentileSigns(s, ref, p) : []),
  ];
  return found.filter((f): f is SignFinding => f !== null);
}

/** Sign 1: better than the region beyond the interval on every known quantity, and materially so. */
function ciBetterThanRegion(value: (q: Quantity) => QuantityValue | null, p: MethodologyParameters): SignFinding | null {
  const h = value("h");
  if (h === null || h.interval === null || h.regional === null || !(h.interval[0] > h.regional) || !(h.value - h.regional >= p.nonObjMinGap)) return null;
  const compared: QuantityValue[] = [h];
  let all = true;
  for (const q of ["m", "l", "b"] as const) {
    const v = value(q);
    if (v === null || v.interval === null || v.regional === null) continue;
    compared.push(v);
    const better = q === "m" ? v.interval[0] > v.regional : v.interval[1] < v.regional;
    if (!better) all = false;
  }
  if (!all) return null;
  return {
    id: "ciBetterThanRegion",
    value: h.value,
    interval: h.interval,
    regional: h.regional,
    quantities: compared,
    text: compared.map((q) => quantityText(q, q.quantity === "h" || q.quantity === "m" ? "выше" : "ниже")).join(", "),
  };
}

/** Sign 2: low participation, where the grade size is known. */
function lowParticipation(u: QuantityValue | null, p: MethodologyParameters): SignFinding | null {
  if (u === null || !(u.value < p.nonObjMinParticipation)) return null;
  return {
    id: "lowParticipation",
    value: u.value,
    interval: u.interval,
    regional: u.regional,
    text: `участвовали ${pct(u.value, 0)} параллели${interval(u.interval)} < ${pct(p.nonObjMinParticipation, 0)}`,
  };
}

/** Sign 3: the procedure mark above the journal mark more often than in the region. */
function raisedVsJournal(r: QuantityValue | null, s: ProcedureStat, p: MethodologyParameters): SignFinding | null {
  if (r === null || r.interval === null || r.regional === null || !(r.interval[0] > r.regional) || !(r.value >= p.nonObjRaisedMinShare)) return null;
  return {
    id: "raisedVsJournal",
    value: r.value,
    interval: r.interval,
    regional: r.regional,
    text: `${quantityText(r, "выше")} (${int(s.raisedVsJournal)} из ${int(s.journalCompared)} результатов; порог ${pct(p.nonObjRaisedMinShare, 0)})`,
  };
}

/** Sign 4: a peak at the score for «3» in a mass subject (one-sided binomial test). */
function boundaryPeaks(s: ProcedureStat, p: MethodologyParameters): SignFinding[] {
  const out: SignFinding[] = [];
  for (const sub of s.subjects) {
    if (!sub.mass || sub.participants < p.nonObjPeakMinParticipants || sub.atCut3 === null || sub.belowCut3ByOne === null) continue;
    const c0 = sub.atCut3;
    const c1 = sub.belowCut3ByOne;
    if (c0 < p.nonObjPeakRatio * Math.max(c1, 1)) continue;
    const probability = binomialUpperTail(c0, c0 + c1, 0.5);
    if (probability >= p.nonObjPeakAlpha) continue;
    out.push({
      id: "boundaryPeak",
      value: c0,
      interval: null,
      regional: null,
      subject: sub.subject,
      c0,
      c1,
      probability,
      text: `${sub.subject}${s.grades.length > 1 ? ` (${sub.grade} кл.)` : ""}: ровно балл для «3» у ${int(c0)}, на балл ниже у ${int(c1)} из ${int(sub.participants)}; P = ${probability < 0.0001 ? "< 0,0001" : num(probability, 4)} < ${num(p.nonObjPeakAlpha, 2)}`,
    });
  }
  return out;
}

/** Sign 5, version 1: the percentile signs (off by default). */
function percentileSigns(s: ProcedureStat, ref: ProcedureReference, p: MethodologyParameters): SignFinding[] {
  const out: SignFinding[] = [];
  if (s.high !== null && s.low !== null && ref.highP95 !== null && ref.lowP10 !== null && s.high > ref.highP95 && s.low < ref.lowP10)
    out.push({
      id: "highAndLow",
      value: s.high,
      interval: null,
      regional: ref.highP95,
      text: `индекс высоких ${pct(s.high, 0)} выше P${num(p.nonObjHighPercentile * 100, 0)} ${pct(ref.highP95, 0)} при индексе низких ${pct(s.low, 0)} ниже P${num(p.nonObjLowPercentile * 100, 0)} ${pct(ref.lowP10, 0)}`,
    });
  if (s.mass !== null && s.low !== null && ref.massP95 !== null && s.mass > ref.massP95 && s.low === 0)
    out.push({
      id: "massAndZeroLow",
      value: s.mass,
      interval: null,
      regional: ref.massP95,
      text: `индекс массовых ${pct(s.mass, 0)} выше P${num(p.nonObjMassPercentile * 100, 0)} ${pct(ref.massP95, 0)} при нулевом индексе низких`,
    });
  return out;
}
