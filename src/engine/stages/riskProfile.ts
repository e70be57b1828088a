/**
 * SPEC.md §7 (and §8 Ставрополь): the regional references the risk factors compare with, and
 * each school's factors evaluated against them.
 */
import type { MethodologyParameters } from "../methodology";
import { percentileInc } from "../percentile";
import { type RiskInputs, type RiskReferences } from "../riskFactors";
import { objectivityInputs, schoolFactor, schoolFactors, type RiskContext, type UnitVerdict } from "../risk/schoolFactors";
import type { SwiReferences } from "../schoolTypes";
import { equipmentCoefficient, staffIndex } from "../staffIndex";
import type { RiskFactorId, RiskFactorValue, School } from "../types";
import type { PooledIndices } from "./latestIndices";

export interface RiskProfile {
  readonly refs: RiskReferences;
  readonly staff: ReadonlyMap<string, number | null>;
  readonly equipment: ReadonlyMap<string, number | null>;
  /** The references as they are recorded in the result's `region.references`. */
  readonly references: Readonly<Record<string, number | null>>;
  /** What the factors need of one school. */
  readonly inputs: (school: School) => RiskInputs;
  /** One factor of one school (the 500+ profile winning where it names the factor). */
  readonly factor: (id: RiskFactorId, school: School) => RiskFactorValue;
  /** The school's factors of `riskFactors`, how many of seed 004's twelve are known, and the reason lines. */
  readonly all: (school: School) => ReturnType<typeof schoolFactors>;
}

/**
 * @example
 * riskProfile(schools, latest, swiRefs, PRESETS.kbr.parameters).factor("teacherShortage", school).value
 */
export function riskProfile(
  schools: readonly School[],
  latest: ReadonlyMap<string, PooledIndices>,
  swiRefs: SwiReferences,
  p: MethodologyParameters,
  /** Factor 4's lists and journal marks and the 500+ profiles (SPEC.md §7); without them those factors are «нет данных». */
  objectivity: { readonly ctx: RiskContext; readonly verdicts: ReadonlyMap<string, readonly UnitVerdict[]> } = {
    ctx: { latestYear: null, journal: new Map(), profiles: new Map() },
    verdicts: new Map(),
  },
): RiskProfile {
  const staff = new Map(schools.map((s) => [s.id, staffIndex(s)]));
  const equipment = new Map(schools.map((s) => [s.id, equipmentCoefficient(s, p.minComputersPer100)]));
  const refs: RiskReferences = {
    qualifiedP25: percentileInc(present(schools.map((s) => s.qualifiedTeachersShare)), p.qualifiedTeachersPercentile),
    failureP75: percentileInc(present(schools.map((s) => latest.get(s.id)?.low ?? null)), p.failureRiskPercentile),
    disabledP75: percentileInc(present(schools.map((s) => s.disabledShare)), p.disabledPercentile),
    nonNativeMean: swiRefs.nonNativeMean,
    staffIndexP25: percentileInc(present(schools.map((s) => staff.get(s.id) ?? null)), p.staffIndexPercentile),
    equipmentP25: percentileInc(present(schools.map((s) => equipment.get(s.id) ?? null)), p.equipmentPercentile),
  };
  const references = {
    qualifiedTeachersP25: refs.qualifiedP25,
    failureRiskP75: refs.failureP75,
    disabledP75: refs.disabledP75,
    staffIndexP25: refs.staffIndexP25,
    equipmentP25: refs.equipmentP25,
  };
  const inputs = (school: School): RiskInputs => ({
    school,
    latestLowIndex: latest.get(school.id)?.low ?? null,
    staffIndex: staff.get(school.id) ?? null,
    equipmentCoefficient: equipment.get(school.id) ?? null,
    ...objectivityInputs(objectivity.ctx, school.id, objectivity.verdicts.get(school.id) ?? []),
  });
  const factor = (id: RiskFactorId, school: School) => schoolFactor(objectivity.ctx, id, inputs(school), refs, p);
  const all = (school: School) => schoolFactors(objectivity.ctx, p.riskFactors, inputs(school), refs, p);
  return { refs, staff, equipment, references, inputs, factor, all };
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}
