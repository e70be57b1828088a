/**
 * Custom functions of the SHNOR namespace: thin shells over the engine, so a formula gives the
 * same number as the task pane and the CLI. `custom-functions-metadata-plugin` reads the JSDoc
 * below into `functions.json` and appends `CustomFunctions.associate(ID, fn)` for each function,
 * which is why they are top-level `function` declarations. Russian names and descriptions live
 * in `ru.json`, keyed by the same ids.
 *
 * Excel passes blanks and omitted optional arguments as `null` and text as it is, so arguments
 * that carry a school's data are typed `any` (a blank Ду must stay "no data", not become 0) and
 * checked in `args.ts`: a wrong argument gives #VALUE! naming it, nothing to compute gives #N/A,
 * both with a Russian message. Tuning parameters (Ш, m, k) are `?: number`.
 */
import { wilson } from "../engine/intervals";
import { attainmentLevel } from "../engine/levels";
import { KBR_PARAMETERS } from "../engine/methodology";
import { GROUP_NAMES, groupOf } from "../engine/regression";
import { NO_TYPE, SCHOOL_TYPE_NAMES, schoolTypes } from "../engine/schoolTypes";
import { countScores, share } from "../engine/subjectIndices";
import { swi as socialWellbeingIndex } from "../engine/swi";
import { bMin, thresholds } from "../engine/thresholds";
import {
  asRange,
  fraction,
  invalid,
  localityOrNull,
  nonNegative,
  notAvailable,
  numberOrNull,
  optionalNumber,
  optionalRange,
  percentShare,
  requiredNumber,
  sameShape,
  within,
} from "./args";
import { guard } from "./excelError";
import { regionalFit, regionalReferences } from "./regional";
import { checkedScale, remotenessInputs, scoresOf, swiShares } from "./checks";

const P = KBR_PARAMETERS;

/**
 * Social well-being index (ИСБ) = Ш + Дв − Дн − Ду, clipped to 0…100. Shares in percent points; when all three are between 0 and 1 they are read as fractions (a cell formatted 25 % holds 0.25).
 * @customfunction SWI SWI
 * @param parentsHigherEd Дв: share of pupils whose parents both have higher education, %.
 * @param singleParent Дн: share of pupils from single-parent families, %.
 * @param registered Ду: share of pupils on the in-school register, %.
 * @param [scale] Ш, the constant of the formula (default 85).
 * @returns ИСБ from 0 to 100.
 */
export function swiFunction(parentsHigherEd: any, singleParent: any, registered: any, scale?: number): number {
  return guard(() => {
    const shares = swiShares(parentsHigherEd, singleParent, registered);
    const base = optionalNumber(scale, "Ш", P.swiBase);
    return socialWellbeingIndex(shares.parentsHigherEd, shares.singleParent, shares.registered, base) as number;
  });
}

/**
 * Low index: the share of scores below B_min = min + m × max. Blank cells and text are ignored.
 * @customfunction LOWINDEX LOWINDEX
 * @param scores Participants' scores (a range).
 * @param minScore Minimum score of the specification.
 * @param maxScore Maximum score of the specification.
 * @param [margin] m, the share of the maximum added to the minimum (default 0.05).
 * @returns Share of scores below B_min, from 0 to 1.
 */
export function lowIndexFunction(scores: any[][], minScore: any, maxScore: any, margin?: number): number {
  return guard(() => {
    const s = checkedScale(minScore, maxScore, null);
    const m = fraction(margin, "m", P.margin);
    const values = scoresOf(scores, s.maxScore);
    const c = countScores(values, thresholds({ ...s, highScore: s.maxScore }, m));
    return share(c.belowMin, c.participants) as number;
  });
}

/**
 * Mass index: the share of scores at or above B_mid = (B_min + B_top) / 2. Blank cells and text are ignored.
 * @customfunction MASSINDEX MASSINDEX
 * @param scores Participants' scores (a range).
 * @param minScore Minimum score of the specification.
 * @param maxScore Maximum score of the specification.
 * @param highScore B_top, the score that marks the high level.
 * @param [margin] m, the share of the maximum added to the minimum (default 0.05).
 * @returns Share of scores at or above B_mid, from 0 to 1.
 */
export function massIndexFunction(
  scores: any[][],
  minScore: any,
  maxScore: any,
  highScore: any,
  margin?: number,
): number {
  return guard(() => {
    const s = checkedScale(minScore, maxScore, highScore);
    const m = fraction(margin, "m", P.margin);
    const values = scoresOf(scores, s.maxScore);
    const c = countScores(values, thresholds(s, m));
    return share(c.atLeastMid, c.participants) as number;
  });
}

/**
 * High index: the share of scores at or above B_top. Blank cells and text are ignored.
 * @customfunction HIGHINDEX HIGHINDEX
 * @param scores Participants' scores (a range).
 * @param highScore B_top, the score that marks the high level.
 * @returns Share of scores at or above B_top, from 0 to 1.
 */
export function highIndexFunction(scores: any[][], highScore: any): number {
  return guard(() => {
    const top = nonNegative(requiredNumber(highScore, "высокий_балл"), "высокий_балл");
    const values = scoresOf(scores, null);
    const c = countScores(values, { bMin: top, bMid: top, bTop: top });
    return share(c.atLeastTop, c.participants) as number;
  });
}

/**
 * B_min = min + m × max: the score below which a result is low.
 * @customfunction BMIN BMIN
 * @param minScore Minimum score of the specification.
 * @param maxScore Maximum score of the specification.
 * @param [margin] m, the share of the maximum added to the minimum (default 0.05).
 * @returns B_min.
 */
export function bMinFunction(minScore: any, maxScore: any, margin?: number): number {
  return guard(() => {
    const s = checkedScale(minScore, maxScore, null);
    return bMin(s.minScore, s.maxScore, fraction(margin, "m", P.margin));
  });
}

/**
 * Attainment level of a result by its share of the maximum: низкий (below 25 %), пониженный, базовый (from 50 %), повышенный (from 65 %), высокий (from 85 %).
 * @customfunction LEVEL LEVEL
 * @param score The score.
 * @param maxScore Maximum score of the specification.
 * @returns The level's name.
 */
export function levelFunction(score: any, maxScore: any): string {
  return guard(() => {
    const max = requiredNumber(maxScore, "макс_балл");
    if (!(max > 0)) throw invalid(`макс_балл: ${max} — ожидалось положительное число`);
    const value = within(requiredNumber(score, "балл"), 0, max, "балл");
    return attainmentLevel(value, max, P.levelCuts) as string;
  });
}

/**
 * Every school type (T1…T6) the school meets, in the table's order, joined by "; ", or "Не относится" when ИСБ is above the region's Q1. Criteria without data are listed as "(не оценено: …)".
 * @customfunction SCHOOLTYPE SCHOOLTYPE
 * @param swi The school's ИСБ.
 * @param swiRange ИСБ of every school of the region (for Q1).
 * @param locality Locality: город or село.
 * @param enrollment Number of pupils.
 * @param [hardToReach] Hard-to-reach area (да/нет, TRUE/FALSE) or the distance to the nearest school, km.
 * @param [registered] Ду: share of pupils on the in-school register, % (for T5).
 * @param [registeredRange] Ду of every school of the region (for D9).
 * @param [nonNative] Share of pupils whose native language is not Russian, % (for T6).
 * @param [nonNativeRange] The same share for every school of the region (for the mean).
 * @param [asCodes] TRUE to return the codes T1…T6 instead of the names.
 * @returns The school's types.
 */
export function schoolTypeFunction(
  swi: any,
  swiRange: any[][],
  locality: any,
  enrollment: any,
  hardToReach?: any,
  registered?: any,
  registeredRange?: any[][],
  nonNative?: any,
  nonNativeRange?: any[][],
  asCodes?: boolean,
): string {
  return guard(() => {
    const ownSwi = within(requiredNumber(swi, "ИСБ"), 0, 100, "ИСБ");
    const regRange = optionalRange(registeredRange, "Ду_региона");
    const nnRange = optionalRange(nonNativeRange, "неродной_региона");
    const reg = percentShare(registered, "Ду");
    const nn = percentShare(nonNative, "неродной");
    if (reg !== null && regRange === null) throw invalid("Ду_региона: не указан — без него не найти D9(Ду) для типа T5");
    if (nn !== null && nnRange === null)
      throw invalid("неродной_региона: не указан — без него не найти среднее для типа T6");
    const refs = regionalReferences(asRange(swiRange, "ИСБ_региона"), regRange, nnRange, P.swiQuantile, P.deviantPercentile);
    if (refs.swiQ1 === null) throw notAvailable("ИСБ_региона: в диапазоне нет ни одного числа — Q1 не найти");
    const count = numberOrNull(enrollment, "численность");
    const outcome = schoolTypes(
      {
        swi: ownSwi,
        locality: localityOrNull(locality, "местность"),
        enrollment: count === null ? null : nonNegative(count, "численность"),
        ...remotenessInputs(hardToReach, "труднодоступность"),
        registered: reg,
        nonNativeShare: nn,
      },
      refs,
      { smallSchoolEnrollment: P.smallSchoolEnrollment, remoteKm: P.remoteKm },
    );
    const codes = asCodes === true;
    const met = outcome.types.map((t) => (codes ? t : SCHOOL_TYPE_NAMES[t]));
    const text = met.length > 0 ? met.join("; ") : NO_TYPE;
    return outcome.notEvaluable.length > 0 ? `${text} (не оценено: ${outcome.notEvaluable.join(", ")})` : text;
  });
}

/**
 * Group of the school by the regression of a result on ИСБ over the region: эффективная (residual above k·σ), не справляющаяся (below −k·σ) or обычная.
 * @customfunction SWIGROUP SWIGROUP
 * @param result The school's result (e.g. its mass index).
 * @param swi The school's ИСБ.
 * @param resultRange The result of every school of the region.
 * @param swiRange ИСБ of every school of the region, row for row with resultRange.
 * @param [k] The multiple of σ (default 1).
 * @returns эффективная, обычная or не справляющаяся.
 */
export function swiGroupFunction(result: any, swi: any, resultRange: any[][], swiRange: any[][], k?: number): string {
  return guard(() => {
    const y = numberOrNull(result, "результат");
    const x = within(requiredNumber(swi, "ИСБ"), 0, 100, "ИСБ");
    const kk = nonNegative(optionalNumber(k, "k", P.groupK), "k");
    const ys = asRange(resultRange, "результаты_региона");
    const xs = asRange(swiRange, "ИСБ_региона");
    sameShape(ys, "результаты_региона", xs, "ИСБ_региона");
    if (y === null) throw notAvailable("результат: пусто — школа без результата не относится ни к одной группе");
    const fit = regionalFit(ys, xs);
    if (!fit.ok) throw notAvailable(fit.reason);
    const residual = y - (fit.value.intercept + fit.value.slope * x);
    return GROUP_NAMES[groupOf(residual, fit.value.sigma, kk)];
  });
}

/**
 * Wilson score interval of a share observed on n participants (SPEC §4: a school's share against the region's). Returns the lower and upper bounds side by side (a 1×2 array).
 * @customfunction WILSON WILSON
 * @param share The share, from 0 to 1 (0.5 for 10 of 20; a cell formatted 50 % holds 0.5).
 * @param n The number of participants the share is taken over.
 * @param [level] Confidence level, between 0 and 1 (default 0.95).
 * @returns The lower and upper bounds, from 0 to 1.
 */
export function wilsonFunction(share: any, n: any, level?: number): number[][] {
  return guard(() => {
    const p = within(requiredNumber(share, "доля"), 0, 1, "доля", "ожидалась доля");
    const count = requiredNumber(n, "n");
    if (!(count > 0)) throw invalid(`n: ${String(count).replace(".", ",")} — ожидалось число участников больше 0`);
    const conf = optionalNumber(level, "уровень", P.nonObjConfidence);
    if (!(conf > 0 && conf < 1)) throw invalid(`уровень: ${String(conf).replace(".", ",")} — ожидалось число больше 0 и меньше 1`);
    const interval = wilson(p, count, conf);
    if (interval === null) throw notAvailable("n: нет участников — интервал не определён");
    return [[interval[0], interval[1]]];
  });
}
