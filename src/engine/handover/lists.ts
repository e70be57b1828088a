/**
 * The lists for a regional order's annex (SPEC.md §12 «Перечень»): ШНОР, ШНСУ and risk-zone
 * schools, each with its basis in one readable line. The «Перечень» sheets and the report are
 * both made from these rows, so they cannot disagree.
 */
import { compareRu } from "../stats/order";
import { num } from "../format";
import { RISK_FACTOR_NAMES } from "../methodology";
import { SCHOOL_TYPE_NAMES } from "../schoolTypes";
import type { Category, IdentificationResult, RiskFactorId, SchoolResult } from "../types";

export type ListKind = "shnor" | "shnsu" | "riskZone";

export interface ListRow {
  /** 1-based number in the list. */
  readonly n: number;
  readonly municipality: string;
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly basis: string;
}

/** ШНОР rule codes in words (short forms of the rules of §3 and §8). */
const RULE_TEXT: Readonly<Record<string, string>> = {
  R1: "R1 — низкие результаты не менее чем по двум процедурам последнего года",
  R2: "R2 — низкие результаты в каждом из последних лет",
  BRYANSK: "критерии ЕГЭ / ОГЭ / ВПР Брянской области в каждом из последних лет",
  MEANGAP: "средний балл ниже среднего по муниципалитету",
};

function shnorBasis(s: SchoolResult, latestYear: number | null): string {
  const rules = s.shnorRules.map((r) => RULE_TEXT[r] ?? (r in RISK_FACTOR_NAMES ? `критерий «${RISK_FACTOR_NAMES[r as RiskFactorId]}»` : r));
  const low = s.procedures.filter((p) => p.lowResults === true && p.year === latestYear).map((p) => p.procedure);
  const parts = [rules.join("; ")];
  if (low.length > 0) parts.push(`низкие результаты ${latestYear ?? ""}: ${[...new Set(low)].join(", ")}`);
  return parts.filter((x) => x !== "").join("; ");
}

function shnsuBasis(s: SchoolResult, swiQ1: number | null): string {
  if (s.lowSwi === true && s.swi !== null) {
    const types = s.types.map((t) => `${t} ${SCHOOL_TYPE_NAMES[t]}`);
    return `ИСБ ${num(s.swi)} ≤ Q1 ${swiQ1 === null ? "—" : num(swiQ1)}${types.length > 0 ? `; ${types.join("; ")}` : ""}`;
  }
  const reason = s.reasons.find((r) => r.startsWith("ШНСУ:"));
  return reason !== undefined ? reason.slice("ШНСУ:".length).trim() : "ШНСУ по правилу методики";
}

function riskBasis(s: SchoolResult): string {
  const yes = s.riskFactors.filter((f) => f.value === true).map((f) => f.name);
  const known = s.riskFactors.filter((f) => f.value !== null).length;
  return `факторы риска (${yes.length} из ${known} известных): ${yes.join("; ")}`;
}

/** The basis of a school's place on a list, in one line. */
export function listBasis(s: SchoolResult, kind: ListKind, result: Pick<IdentificationResult, "region">): string {
  if (kind === "shnor") return shnorBasis(s, result.region.latestYear);
  if (kind === "shnsu") return shnsuBasis(s, result.region.swiQ1);
  return riskBasis(s);
}

/**
 * A list in the order of an order's annex: by municipality, then school name (Russian collation),
 * then code.
 *
 * @example handoverList(result, "shnor")[0] // { n: 1, municipality: "…", id: "…", basis: "R1 — …" }
 */
export function handoverList(result: Pick<IdentificationResult, "schools" | "region">, kind: ListKind): ListRow[] {
  const on = kind === "shnor" ? (s: SchoolResult) => s.shnor : kind === "shnsu" ? (s: SchoolResult) => s.shnsu : (s: SchoolResult) => s.riskZone;
  return result.schools
    .filter(on)
    .slice()
    .sort((a, b) => compareRu(a.municipality, b.municipality) || compareRu(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((s, i) => ({ n: i + 1, municipality: s.municipality, id: s.id, name: s.name, category: s.category, basis: listBasis(s, kind, result) }));
}
