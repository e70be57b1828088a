/**
 * The optional sheet `Профиль рисков` (SPEC.md §7 "Risk profile"): the federal 500+ profile of a
 * school names factors yes / no or by level; where it names a factor the rules compute, the
 * profile wins and the detail says so. Also the count of seed 004's factors that are known.
 */
import { num } from "../format";
import { SEED_004_FACTOR_COUNT, SEED_004_FACTOR_NUMBER, type MethodologyParameters } from "../methodology";
import type { RiskFactorId, RiskFactorValue, RiskProfileLevel, RiskProfileRow } from "../types";

/** Name of the optional sheet. */
export const RISK_PROFILE_SHEET_NAME = "Профиль рисков";

/** Every level a profile cell may hold. */
export const RISK_PROFILE_LEVELS: readonly RiskProfileLevel[] = ["да", "нет", "высокий", "средний", "низкий", "нет риска"];

/**
 * Whether a profile cell makes the factor "yes": «да» always, «нет» and «нет риска» never, a
 * level when `riskProfileYesLevels` lists it (default «высокий»).
 *
 * @example
 * profileSaysYes("высокий", { riskProfileYesLevels: ["высокий"] }) // true
 * profileSaysYes("средний", { riskProfileYesLevels: ["высокий"] }) // false
 */
export function profileSaysYes(level: RiskProfileLevel, p: Pick<MethodologyParameters, "riskProfileYesLevels">): boolean {
  if (level === "да") return true;
  if (level === "нет" || level === "нет риска") return false;
  return p.riskProfileYesLevels.includes(level);
}

/** Profiles by school code. */
export function profilesBySchool(rows: readonly RiskProfileRow[] | undefined): Map<string, RiskProfileRow["factors"]> {
  return new Map((rows ?? []).map((r) => [r.schoolId, r.factors]));
}

const VERDICT = (v: boolean | null): string => (v === null ? "нет данных" : v ? "да" : "нет");

/**
 * The factor as the profile gives it, or the computed factor where the profile is silent.
 *
 * @example
 * withProfile({ id: "teacherShortage", value: false, detail: "вакансий 0 ≤ 0", … }, "высокий", p)
 * // { value: true, detail: "профиль рисков 500+: «высокий» (расчёт: нет — вакансий 0 ≤ 0; профиль имеет приоритет)" }
 */
export function withProfile(
  factor: RiskFactorValue,
  level: RiskProfileLevel | null | undefined,
  p: Pick<MethodologyParameters, "riskProfileYesLevels">,
): RiskFactorValue & { readonly fromProfile?: true } {
  if (level === null || level === undefined) return factor;
  const value = profileSaysYes(level, p);
  const computed = factor.value === null ? "" : ` (расчёт: ${VERDICT(factor.value)} — ${factor.detail}; профиль имеет приоритет)`;
  return { ...factor, value, detail: `профиль рисков 500+: «${level}»${computed}` };
}

/**
 * How many of seed 004's twelve factors are known (yes or no) among a school's factors.
 *
 * @example
 * knownSeedFactors([{ id: "lowEquipment", value: false }, { id: "careerGuidance", value: null }, { id: "remoteness", value: true }]) // 1
 */
export function knownSeedFactors(factors: readonly Pick<RiskFactorValue, "id" | "value">[]): number {
  const known = new Set<number>();
  for (const f of factors) {
    const n = SEED_004_FACTOR_NUMBER[f.id];
    if (n !== undefined && f.value !== null) known.add(n);
  }
  return known.size;
}

/** The numbers of seed 004's factors that are not known ("нет данных") among a school's factors. */
export function unknownSeedFactorNumbers(factors: readonly Pick<RiskFactorValue, "id" | "value">[]): number[] {
  const known = new Set<number>();
  for (const f of factors) {
    const n = SEED_004_FACTOR_NUMBER[f.id];
    if (n !== undefined && f.value !== null) known.add(n);
  }
  const out: number[] = [];
  for (let n = 1; n <= SEED_004_FACTOR_COUNT; n++) if (!known.has(n)) out.push(n);
  return out;
}

/** "5 из 12" */
export function knownText(known: number): string {
  return `${num(known, 0)} из ${num(SEED_004_FACTOR_COUNT, 0)}`;
}

/** The reason line of the known factors: "известно факторов риска: 7 из 12 (нет данных по №8, 9, 10, 11, 12 перечня факторов)". */
export function knownReason(factors: readonly Pick<RiskFactorValue, "id" | "value">[]): string {
  const unknown = unknownSeedFactorNumbers(factors);
  const known = SEED_004_FACTOR_COUNT - unknown.length;
  return `известно факторов риска: ${knownText(known)}` + (unknown.length > 0 ? ` (нет данных по №${unknown.join(", ")} перечня факторов)` : "");
}

export type { RiskFactorId };
