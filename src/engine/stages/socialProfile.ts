/**
 * SPEC.md §5: the social well-being index (ИСБ) of every school, the regional references
 * (Q1, D9, mean non-native share), and each school's low-ИСБ group and types with their reasons.
 */
import { int, num } from "../format";
import type { MethodologyParameters } from "../methodology";
import { SCHOOL_TYPE_NAMES, schoolTypes, swiReferences, type SwiReferences } from "../schoolTypes";
import { swi } from "../swi";
import type { School } from "../types";

export interface SocialProfile {
  /** ИСБ of each school, in the order of the schools given. */
  readonly swis: readonly (number | null)[];
  readonly refs: SwiReferences;
}

/**
 * @example
 * socialProfile(schools, PRESETS.kbr.parameters).refs.swiQ1
 */
export function socialProfile(schools: readonly School[], p: MethodologyParameters): SocialProfile {
  const swis = schools.map((s) => swi(s.parentsHigherEd, s.singleParent, s.registered, p.swiBase));
  const computed = swiReferences(
    swis,
    schools.map((s) => s.registered),
    schools.map((s) => s.nonNativeShare),
    p.swiQuantile,
    p.deviantPercentile,
  );
  // Values of the region entered by the user replace the computed ones (SPEC §8).
  const entered = p.regionalReferences;
  const refs: SwiReferences = {
    swiQ1: entered.swiQ1 ?? computed.swiQ1,
    deviantD9: entered.deviantD9 ?? computed.deviantD9,
    nonNativeMean: entered.nonNativeMean ?? computed.nonNativeMean,
  };
  return { swis, refs };
}

/** One school's low-ИСБ group and types, with the reasons that explain them. */
export function schoolSocial(school: School, sw: number | null, refs: SwiReferences, p: MethodologyParameters) {
  const typed = schoolTypes({ ...school, swi: sw }, refs, p);
  const reasons: string[] = [];
  if (sw === null) reasons.push(`ИСБ не рассчитан: нет данных (${missingSwiParts(school).join(", ")})`);
  else if (refs.swiQ1 !== null) reasons.push(`ИСБ ${num(sw)} ${typed.lowSwi ? "≤" : ">"} Q1 ${num(refs.swiQ1)}`);
  if (typed.lowSwi === true) {
    for (const code of typed.types) reasons.push(typeReason(code, school, refs, p));
    for (const code of typed.notEvaluable) reasons.push(`${code} не оценён: нет данных`);
  }
  return { typed, reasons };
}

function missingSwiParts(s: School): string[] {
  const out: string[] = [];
  if (s.parentsHigherEd === null) out.push("Дв");
  if (s.singleParent === null) out.push("Дн");
  if (s.registered === null) out.push("Ду");
  return out;
}

function typeReason(code: keyof typeof SCHOOL_TYPE_NAMES, s: School, refs: SwiReferences, p: MethodologyParameters): string {
  const name = SCHOOL_TYPE_NAMES[code];
  switch (code) {
    case "T1":
      return `${name}: село`;
    case "T2":
      return `${name}: город`;
    case "T3":
      return `${name}: село, ${int(s.enrollment ?? 0)} обучающихся < ${int(p.smallSchoolEnrollment)}`;
    case "T4": {
      const parts: string[] = [];
      if (s.hardToReach === true) parts.push("труднодоступная местность");
      if (s.nearestSchoolKm !== null && s.nearestSchoolKm >= p.remoteKm) parts.push(`до ближайшей ОО ${num(s.nearestSchoolKm)} км ≥ ${int(p.remoteKm)}`);
      return `${name}: ${parts.join(", ")}`;
    }
    case "T5":
      return `${name}: Ду ${num(s.registered ?? 0)} % > D9 ${num(refs.deviantD9 ?? 0)} %`;
    case "T6":
      return `${name}: неродной русский ${num(s.nonNativeShare ?? 0)} % > среднего ${num(refs.nonNativeMean ?? 0)} %`;
  }
}
