/**
 * The optional sheet `Профиль рисков` (SPEC.md §7 "Risk profile"): the federal 500+ profile of a
 * school names factors yes / no or by level; where it names a factor the rules compute, the
 * profile wins and the detail says so. Also the count of seed 004's factors that are known, among
 * the methodology's own factor rows.
 */
import { num } from "../format";
import { SEED_004_FACTOR_COUNT, SEED_004_FACTOR_LABEL, SEED_004_FACTOR_NUMBER, type MethodologyParameters } from "../methodology";
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
 * How many of a school's factor rows that stand for seed 004's factors are known (yes or no).
 * The rows are the methodology's own list: twelve for КБР, eleven for Ставрополь (its staff
 * index is one row for seed 004's №2 and №3).
 *
 * @example
 * knownSeedFactors([{ id: "lowEquipment", value: false }, { id: "careerGuidance", value: null }, { id: "remoteness", value: true }]) // 1
 */
export function knownSeedFactors(factors: readonly Pick<RiskFactorValue, "id" | "value">[]): number {
  return seedRows(factors).filter((f) => f.value !== null).length;
}

/**
 * How many of a methodology's factor rows stand for seed 004's factors: the "12" of "5 из 12".
 *
 * @example
 * seedFactorTotal(PRESETS.stavropol.parameters.riskFactors) // 11
 */
export function seedFactorTotal(ids: readonly RiskFactorId[]): number {
  return seedRows(ids.map((id) => ({ id }))).length;
}

/** The factor rows with a seed 004 number, each factor once. */
function seedRows<F extends Pick<RiskFactorValue, "id">>(factors: readonly F[]): F[] {
  const seen = new Set<RiskFactorId>();
  return factors.filter((f) => {
    if (SEED_004_FACTOR_NUMBER[f.id] === undefined || seen.has(f.id)) return false;
    seen.add(f.id);
    return true;
  });
}

/** The seed 004 numbers ("3", "2–3" for the staff index) of the rows that are not known ("нет данных"), in seed order. */
export function unknownSeedFactorNumbers(factors: readonly Pick<RiskFactorValue, "id" | "value">[]): string[] {
  return seedRows(factors)
    .filter((f) => f.value === null)
    .sort((a, b) => (SEED_004_FACTOR_NUMBER[a.id] ?? 0) - (SEED_004_FACTOR_NUMBER[b.id] ?? 0))
    .map((f) => SEED_004_FACTOR_LABEL[f.id] ?? String(SEED_004_FACTOR_NUMBER[f.id]));
}

/** "5 из 12"; `total` is the methodology's number of rows for seed 004's factors (default twelve). */
export function knownText(known: number, total: number = SEED_004_FACTOR_COUNT): string {
  return `${num(known, 0)} из ${num(total, 0)}`;
}

/** The reason line of the known factors: "известно факторов риска: 7 из 12 (нет данных по №8, 9, 10, 11, 12 перечня факторов)". */
export function knownReason(factors: readonly Pick<RiskFactorValue, "id" | "value">[]): string {
  const unknown = unknownSeedFactorNumbers(factors);
  return (
    `известно факторов риска: ${knownText(knownSeedFactors(factors), seedFactorTotal(factors.map((f) => f.id)))}` +
    (unknown.length > 0 ? ` (нет данных по №${unknown.join(", ")} перечня факторов)` : "")
  );
}

export type { RiskFactorId };
