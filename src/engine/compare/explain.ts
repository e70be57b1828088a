/**
 * One line on why the methodologies disagree about a school (issue 15), built from the
 * identification results' structured data: the rules that fired (`shnorRules`), the procedures'
 * indices and verdicts with the regional P90 (`procedures`, `region.references`), the preset rules'
 * findings (`shnorFindings`), ИСБ and Q1, and the risk factors.
 *
 * @example
 * // "Брянск: критерии ЕГЭ/ОГЭ/ВПР — ВПР 2025: «2» получили …; КБР, Ставрополь: R1/R2 не выполнены: низких результатов нет"
 */
import { num, pct } from "../format";
import type { MethodologyParameters } from "../methodology";
import type { IdentificationResult, SchoolResult } from "../types";
import type { ComparedPreset, Explanation, ListStatus } from "./compare";

const BRYANSK = "критерии ЕГЭ/ОГЭ/ВПР";
const MEANGAP = "средний балл ниже муниципального";
/** Between the findings of one methodology (their own texts carry commas). */
const AND = " + ";

function paramsOf(r: IdentificationResult): MethodologyParameters {
  return r.methodology.parameters as unknown as MethodologyParameters;
}

/** The years R1/R2 look at: the latest and the R2 window before it. */
function windowStart(r: IdentificationResult, p: MethodologyParameters): number {
  const latest = r.region.latestYear ?? 0;
  return latest - Math.max(1, p.r2Years) + 1;
}

/** "ВПР 5 кл. 2025 50,0 % ≥ P90 29,0 %" for each procedure that recorded low results in the R1/R2 window. */
function lowResultsList(r: IdentificationResult, s: SchoolResult, p: MethodologyParameters): string[] {
  const from = windowStart(r, p);
  const label = `P${num(p.lowResultsPercentile * 100, 0)}`;
  return s.procedures
    .filter((x) => x.lowResults === true && x.year >= from)
    .sort((a, b) => b.year - a.year || (a.procedure < b.procedure ? -1 : a.procedure > b.procedure ? 1 : 0))
    .map((x) => {
      const p90 = r.region.references[`lowP90:${x.procedure}|${x.year}`];
      const value = x.lowIndex === null ? "" : ` ${pct(x.lowIndex)}`;
      return `${x.procedure} ${x.year}${value}${typeof p90 === "number" ? ` ≥ ${label} ${pct(p90)}` : ""}`;
    });
}

function findings(s: SchoolResult, rule: string): string[] {
  return (s.shnorFindings ?? []).filter((f) => f.rule === rule).map((f) => f.text);
}

function shnorListed(r: IdentificationResult, s: SchoolResult, p: MethodologyParameters): string {
  const pieces: string[] = [];
  const percentile = s.shnorRules.filter((x) => x === "R1" || x === "R2");
  if (percentile.length > 0) pieces.push(`${percentile.join(", ")} — низкие результаты: ${lowResultsList(r, s, p).join(", ")}`);
  for (const rule of s.shnorRules) {
    if (rule === "R1" || rule === "R2") continue;
    const found = findings(s, rule);
    if (rule === "BRYANSK") pieces.push(`${BRYANSK} — ${found.join(AND)}`);
    else if (rule === "MEANGAP") pieces.push(`${MEANGAP} — ${found.join(AND)}`);
    else pieces.push(found.length > 0 ? found.join(AND) : rule);
  }
  return pieces.join(AND);
}

function shnorNotListed(r: IdentificationResult, s: SchoolResult, p: MethodologyParameters): string {
  const pieces: string[] = [];
  if (p.shnorRules.percentile) {
    if (r.region.latestYear === null) pieces.push("R1/R2: нет результатов оценочных процедур");
    else {
      const flagged = lowResultsList(r, s, p);
      const from = windowStart(r, p);
      const excluded = s.procedures.filter((x) => x.year >= from && x.evaluated && x.nonObjective && x.lowResults === null).map((x) => `${x.procedure} ${x.year}`);
      pieces.push(
        "R1/R2 не выполнены: " +
          (flagged.length > 0 ? `низкие результаты только по ${flagged.join(", ")}` : "низких результатов нет") +
          (excluded.length > 0 ? `, не учтены из-за признаков необъективности: ${excluded.join(", ")}` : ""),
      );
    }
  }
  if (p.shnorRules.bryansk) {
    const years = [...r.region.years].sort((a, b) => b - a).slice(0, Math.max(0, p.bryanskYears));
    const held = new Set((s.shnorFindings ?? []).filter((f) => f.rule === "BRYANSK").map((f) => f.year));
    const missing = years.filter((y) => !held.has(y)).sort((a, b) => a - b);
    const texts = findings(s, "BRYANSK");
    if (years.length === 0) pieces.push(`${BRYANSK}: нет результатов`);
    else if (missing.length === years.length) pieces.push(`${BRYANSK} не выполнены (${[...years].sort((a, b) => a - b).join(", ")})`);
    else if (missing.length > 0) pieces.push(`${BRYANSK} выполнены не в каждом году: нет в ${missing.join(", ")}; есть ${texts.join(AND)}`);
    else pieces.push(`${BRYANSK} выполнены, но лет в данных ${years.length} из ${p.bryanskYears}: ${texts.join(AND)}`);
  }
  if (pieces.length === 0) pieces.push("правила ШНОР не сработали");
  return pieces.join(AND);
}

function shnsuText(r: IdentificationResult, s: SchoolResult, p: MethodologyParameters): string {
  const rule = p.shnsuRule;
  if (rule.kind === "lowSwi") {
    if (s.swi === null) return "ИСБ не рассчитан: нет данных";
    if (r.region.swiQ1 === null) return "Q1 ИСБ не определён";
    return `ИСБ ${num(s.swi)} ${s.lowSwi === true ? "≤" : ">"} Q1 ${num(r.region.swiQ1)}`;
  }
  if (rule.kind === "allGroups") {
    // Брянск v2: every group needs one factor that holds («удалённость» и «ресурсная недостаточность»).
    const parts = rule.groups.map((group) => {
      const values = group.map((id) => s.riskFactors.find((f) => f.id === id) ?? null);
      const met = values.filter((f) => f !== null && f.value === true);
      const names = values.map((f, i) => f?.name ?? group[i] ?? "").join(" или ");
      return met.length > 0 ? `${met.map((f) => `${f?.name} — ${f?.detail}`).join(AND)}` : `не выполнено: ${names}`;
    });
    return `нужны все условия: ${parts.join(AND)}`;
  }
  const values = rule.factors.map((id) => s.riskFactors.find((f) => f.id === id) ?? null);
  const met = values.filter((f) => f !== null && f.value === true);
  const unknown = rule.factors.filter((_, i) => values[i] === null || values[i]?.value === null);
  return (
    `условий ${met.length} из ${rule.factors.length} (нужно ${rule.minCount})` +
    (met.length > 0 ? `: ${met.map((f) => `${f?.name} — ${f?.detail}`).join(AND)}` : "") +
    (unknown.length > 0 ? `, нет данных: ${unknown.length}` : "")
  );
}

/**
 * The explanation of `status` for the school in row `row` of every result, where `on[i]` says
 * whether preset `i` lists it. Presets giving the same reason share one part; the presets that
 * list the school come first.
 */
export function explainStatus(
  status: ListStatus,
  presets: readonly ComparedPreset[],
  results: readonly IdentificationResult[],
  row: number,
  on: readonly boolean[],
): Explanation {
  const reasons = results.map((r, i) => {
    const s = r.schools[row] as SchoolResult;
    const p = paramsOf(r);
    if (status === "shnsu") return shnsuText(r, s, p);
    return on[i] ? shnorListed(r, s, p) : shnorNotListed(r, s, p);
  });
  const order = [...presets.keys()].sort((a, b) => Number(on[b]) - Number(on[a]) || a - b);
  const groups: { labels: string[]; text: string }[] = [];
  for (const i of order) {
    const text = reasons[i] as string;
    const label = (presets[i] as ComparedPreset).label;
    const g = groups.find((x) => x.text === text);
    if (g) g.labels.push(label);
    else groups.push({ labels: [label], text });
  }
  const parts = groups.map((g) => `${g.labels.join(", ")}: ${g.text}`);
  return {
    status,
    listedBy: presets.filter((_, i) => on[i]).map((x) => x.id),
    notListedBy: presets.filter((_, i) => !on[i]).map((x) => x.id),
    parts,
    text: parts.join("; "),
  };
}
