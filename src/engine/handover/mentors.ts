/**
 * Mentor (curator) schools for each ШНОР (SPEC.md §12; seeds 001–004 ask for a school-curator
 * for every ШНОР). A candidate is in the group «эффективная» — or, where there is no
 * regression, has a mass index above the region's — is not ШНОР, is not on a non-objectivity
 * list, has the same locality type and an ИСБ within `mentorSwiWindow` points of the school's.
 * Candidates of the same municipality come first, then the nearest by ИСБ; ties go to the
 * higher result, then to the lower code. Up to `mentorMaxCount`; none found is said.
 */
import { num } from "../format";
import type { MethodologyParameters } from "../methodology";
import type { Group, IdentificationResult, Locality, SchoolResult } from "../types";

/** A candidate mentor school as the JSON's `mentors` lists it. */
export interface MentorCandidate {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  readonly swi: number | null;
  readonly group: Group | null;
}

/** The mentors of one ШНОР and the sentence that says how they were chosen or why there are none. */
export interface MentorChoice {
  readonly mentors: readonly MentorCandidate[];
  readonly note: string;
}

type MentorParameters = Pick<MethodologyParameters, "mentorSwiWindow" | "mentorMaxCount">;

/**
 * A school's mass index of its latest year: procedures evaluated and not on a non-objectivity
 * list, pooled by participants (null without such procedures).
 */
export function latestMassIndex(school: SchoolResult, latestYear: number | null): number | null {
  let sum = 0;
  let weight = 0;
  for (const p of school.procedures) {
    if (p.year !== latestYear || !p.evaluated || p.nonObjective || p.massIndex === null) continue;
    sum += p.massIndex * p.participants;
    weight += p.participants;
  }
  return weight > 0 ? sum / weight : null;
}

/** The region's mass index of the latest year, pooled the same way over all schools. */
export function regionalMassIndex(schools: readonly SchoolResult[], latestYear: number | null): number | null {
  let sum = 0;
  let weight = 0;
  for (const s of schools) {
    for (const p of s.procedures) {
      if (p.year !== latestYear || !p.evaluated || p.nonObjective || p.massIndex === null) continue;
      sum += p.massIndex * p.participants;
      weight += p.participants;
    }
  }
  return weight > 0 ? sum / weight : null;
}

const LOCALITY_WORD: Readonly<Record<Locality, string>> = { город: "городские", село: "сельские" };

/**
 * Mentors for every ШНОР of a result, by school code.
 *
 * @example
 * chooseMentors(result, new Map([["001", "село"], …]), { mentorSwiWindow: 10, mentorMaxCount: 3 }).get("001")
 * // { mentors: [{ id: "014", … }], note: "…" }
 */
export function chooseMentors(
  result: Pick<IdentificationResult, "schools" | "region">,
  localities: ReadonlyMap<string, Locality | null>,
  p: MentorParameters,
): Map<string, MentorChoice> {
  const latest = result.region.latestYear;
  const withRegression = result.region.regression.slope !== null;
  const regional = withRegression ? null : regionalMassIndex(result.schools, latest);
  const results = new Map<string, number | null>();
  const strong = (s: SchoolResult): boolean => {
    if (withRegression) return s.group === "effective";
    if (regional === null) return false;
    const mass = latestMassIndex(s, latest);
    results.set(s.id, mass);
    return mass !== null && mass > regional;
  };
  const onList = (s: SchoolResult): boolean => s.nonObjectivityCount > 0 || s.procedures.some((q) => q.year === latest && q.nonObjective);
  const pool = result.schools.filter((s) => !s.shnor && !onList(s) && strong(s));
  const basis = withRegression
    ? "группа «эффективная» по регрессии на ИСБ"
    : regional === null
      ? "индекс массовых результатов выше регионального (регрессии нет, региональное значение не рассчитано)"
      : `индекс массовых результатов выше регионального ${num(regional * 100)} % (регрессии нет)`;
  const resultOf = (s: SchoolResult): number => (withRegression ? (s.groupResidual ?? -Infinity) : (results.get(s.id) ?? -Infinity));

  const out = new Map<string, MentorChoice>();
  for (const school of result.schools) {
    if (!school.shnor) continue;
    const locality = localities.get(school.id) ?? null;
    if (school.swi === null || locality === null) {
      const missing = [school.swi === null ? "ИСБ" : null, locality === null ? "местность" : null].filter((x) => x !== null).join(", ");
      out.set(school.id, { mentors: [], note: `Наставник не подобран: у школы нет данных (${missing})` });
      continue;
    }
    const swi = school.swi;
    const candidates = pool
      .filter((c) => c.id !== school.id && c.swi !== null && localities.get(c.id) === locality && Math.abs(c.swi - swi) <= p.mentorSwiWindow)
      .sort((a, b) => {
        const ma = a.municipality === school.municipality ? 0 : 1;
        const mb = b.municipality === school.municipality ? 0 : 1;
        if (ma !== mb) return ma - mb;
        const da = Math.abs((a.swi as number) - swi);
        const db = Math.abs((b.swi as number) - swi);
        if (da !== db) return da - db;
        const ra = resultOf(a);
        const rb = resultOf(b);
        if (ra !== rb) return rb - ra;
        return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      })
      .slice(0, Math.max(0, Math.floor(p.mentorMaxCount)));
    const rule = `${basis}, не ШНОР, без признаков необъективности, ${LOCALITY_WORD[locality]}, ИСБ ${num(swi)} ± ${num(p.mentorSwiWindow)}`;
    const note =
      candidates.length === 0
        ? `Наставник не найден: нет школ, отвечающих условиям (${rule})`
        : `${candidates.length} из ${Math.floor(p.mentorMaxCount)}: ${rule}; сначала свой муниципалитет, затем ближайшие по ИСБ`;
    out.set(school.id, {
      mentors: candidates.map((c) => ({ id: c.id, name: c.name, municipality: c.municipality, swi: c.swi, group: c.group })),
      note,
    });
  }
  return out;
}
