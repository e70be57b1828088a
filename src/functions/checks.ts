/**
 * Checks shared by several functions, built from the argument helpers of `args.ts`.
 */
import {
  asRange,
  type Cell,
  invalid,
  nonNegative,
  notAvailable,
  numberOrNull,
  numbersOf,
  percentShare,
  requiredNumber,
  shown,
  within,
  yesNoOrNull,
} from "./args";

/**
 * Дв, Дн, Ду in percent points. When all three lie in [0, 1] they came from percent-formatted
 * cells (25 % is stored as 0.25) and are scaled to percent points; a blank gives #N/A.
 */
export function swiShares(
  parentsHigherEd: Cell,
  singleParent: Cell,
  registered: Cell,
): { parentsHigherEd: number; singleParent: number; registered: number } {
  const dv = percentShare(parentsHigherEd, "Дв");
  const dn = percentShare(singleParent, "Дн");
  const du = percentShare(registered, "Ду");
  const missing = [dv === null ? "Дв" : null, dn === null ? "Дн" : null, du === null ? "Ду" : null].filter((x) => x);
  if (dv === null || dn === null || du === null) throw notAvailable(`ИСБ не вычисляется: нет значения ${missing.join(", ")}`);
  const fractions = dv <= 1 && dn <= 1 && du <= 1;
  const k = fractions ? 100 : 1;
  return { parentsHigherEd: dv * k, singleParent: dn * k, registered: du * k };
}

/** Minimum and maximum score (and B_top when given) of a specification, consistent with each other. */
export function checkedScale(
  minScore: Cell,
  maxScore: Cell,
  highScore: Cell | null,
): { minScore: number; maxScore: number; highScore: number } {
  const max = requiredNumber(maxScore, "макс_балл");
  if (!(max > 0)) throw invalid(`макс_балл: ${shown(max)} — ожидалось положительное число`);
  const min = within(requiredNumber(minScore, "мин_балл"), 0, max, "мин_балл");
  const top = highScore === null ? max : within(requiredNumber(highScore, "высокий_балл"), min, max, "высокий_балл");
  return { minScore: min, maxScore: max, highScore: top };
}

/** The numeric scores of a range; #N/A when there are none, #VALUE! for a score off the scale. */
export function scoresOf(scores: Cell, maxScore: number | null): number[] {
  const values = numbersOf(asRange(scores, "баллы"));
  if (values.length === 0) throw notAvailable("баллы: в диапазоне нет ни одного числа — индекс не определён");
  for (const v of values) {
    if (v < 0 || (maxScore !== null && v > maxScore))
      throw invalid(
        `баллы: ${shown(v)} — ожидался балл от 0${maxScore === null ? "" : ` до ${shown(maxScore)}`}`,
      );
  }
  return values;
}

/**
 * The one remoteness argument of SCHOOLTYPE stands for the whole T4 criterion ("труднодоступная
 * местность = да, или до ближайшей ОО ≥ 30 км"): да/нет answers it, a number is the distance.
 * "нет" therefore also means "not far" (distance 0), so that an answered criterion is never
 * reported as "не оценено"; a blank leaves both unknown.
 */
export function remotenessInputs(
  value: Cell,
  arg: string,
): { hardToReach: boolean | null; nearestSchoolKm: number | null } {
  if (typeof value === "number") return { hardToReach: false, nearestSchoolKm: nonNegative(value, arg) };
  if (typeof value === "string" && /\d/.test(value)) {
    const km = numberOrNull(value, arg);
    if (km !== null) return { hardToReach: false, nearestSchoolKm: nonNegative(km, arg) };
  }
  const yes = yesNoOrNull(value, arg, "«да», «нет» или расстояние в км");
  return yes === null ? { hardToReach: null, nearestSchoolKm: null } : { hardToReach: yes, nearestSchoolKm: yes ? null : 0 };
}
