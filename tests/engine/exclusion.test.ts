/**
 * SPEC.md §4 version 2, stage 3 and "Exclusion everywhere", on small hand-computed regions.
 */
import { analyse } from "../../src/engine/analyse";
import { identify } from "../../src/engine/identify";
import { PRESETS, resolveMethodology, type Methodology } from "../../src/engine/methodology";
import type { IdentificationInput, SchoolResult } from "../../src/engine/types";
import { agg, scale, school, schoolWithSwi } from "./helpers/builders";

const byId = (schools: readonly SchoolResult[], id: string): SchoolResult => {
  const s = schools.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no school ${id}`);
  return s;
};

function kbrWith(overrides: Record<string, unknown>): Methodology {
  const m = resolveMethodology("kbr", overrides);
  if (!m.ok) throw new Error(m.errors.join());
  return m.value;
}

describe("stage 3: a school listed in two grades and three years", () => {
  // T1 wrote ВПР 5 and ВПР 6 in 2023–2025 with 12 of 30 pupils (u = 40 % < 80 %) every time.
  const results = [2023, 2024, 2025].flatMap((year) => [
    agg("T1", year, "ВПР", 5, "Математика", 12, 1, { gradeSize: 30 }),
    agg("T1", year, "ВПР", 6, "Математика", 12, 1, { gradeSize: 30 }),
    agg("T2", year, "ВПР", 5, "Математика", 20, 1, { gradeSize: 20 }),
  ]);
  const input: IdentificationInput = {
    schools: [school("T1"), school("T2")],
    results,
    scores: [],
    scales: [scale("ВПР", 5, "Математика"), scale("ВПР", 6, "Математика")],
  };
  const t1 = byId(identify(input, PRESETS.kbr).schools, "T1");

  it("counts the distinct units of the latest year: 2, not 6", () => {
    expect(t1.nonObjectivityCount).toBe(2);
  });

  it("reports the history per year beside the count", () => {
    expect(t1.nonObjectivityHistory).toEqual({ "2023": 2, "2024": 2, "2025": 2 });
    expect(t1.nonObjectivity.map((l) => `${l.procedure} ${l.year}`)).toEqual([
      "ВПР 5 кл. 2023",
      "ВПР 6 кл. 2023",
      "ВПР 5 кл. 2024",
      "ВПР 6 кл. 2024",
      "ВПР 5 кл. 2025",
      "ВПР 6 кл. 2025",
    ]);
  });

  it("explains each listing with its numbers: 12 of 30 = 40 %, Wilson [25 %; 58 %]", () => {
    // Wilson 0.4, n = 30: z²/n = 0.12805; centre (0.4 + 0.06402) / 1.12805 = 0.41135,
    // half 1.73748 · √(0.008 + 0.001067) = 0.16545 → [0.2459; 0.5768].
    const sign = t1.nonObjectivity[0]?.signs[0];
    expect(sign?.id).toBe("lowParticipation");
    expect(sign?.value).toBeCloseTo(0.4, 12);
    expect(sign?.interval?.[0]).toBeCloseTo(0.2459, 4);
    expect(sign?.interval?.[1]).toBeCloseTo(0.5768, 4);
    expect(t1.reasons.find((r) => r.startsWith("признаки необъективности"))).toMatch(
      /^признаки необъективности — требуется проверка: 2 процедуры в 2025 году \(по годам: 2023 — 2, 2024 — 2, 2025 — 2\): ВПР 5 кл\. 2023: низкая доля участников — участвовали 40 % параллели \[25 %; 58 %\] < 80 %/,
    );
  });
});

describe("exclusion everywhere", () => {
  // ИСБ 50…75; ВПР 5 maths: 20 participants each, mass index 0.40 … 0.60 on the line
  // y = 0.01·x − 0.1, low index 0.1 in 2025 and 0.2 in 2024. S6 also wrote ВПР 6 in 2025 with
  // 20 of 40 pupils (listed: u = 50 %), mass index 1.0 and low index 0.
  const mass = [0.4, 0.45, 0.5, 0.55, 0.6, 0.5];
  const ids = ["S1", "S2", "S3", "S4", "S5", "S6"];
  const input: IdentificationInput = {
    schools: ids.map((id, i) => schoolWithSwi(id, 50 + 5 * i)),
    results: [
      ...ids.map((id, i) => agg(id, 2025, "ВПР", 5, "Математика", 20, 2, { atLeastMid: Math.round((mass[i] as number) * 20) })),
      ...ids.map((id, i) => agg(id, 2024, "ВПР", 5, "Математика", 20, 4, { atLeastMid: Math.round((mass[i] as number) * 20) })),
      agg("S6", 2025, "ВПР", 6, "Математика", 20, 0, { atLeastMid: 20, gradeSize: 40 }),
    ],
    scores: [],
    scales: [scale("ВПР", 5, "Математика"), scale("ВПР", 6, "Математика")],
  };

  it("changes a group: S6 «не справляющаяся» with the listed unit left out, «эффективная» with it kept", () => {
    // Left out: y(S6) = 0.5; slope 2.5/437.5, residual −0.0714 < −σ = −0.0518.
    const out = byId(identify(input, PRESETS.kbr).schools, "S6");
    expect(out.groupResult).toBeCloseTo(0.5, 12);
    expect(out.groupResidual).toBeCloseTo(-0.071429, 5);
    expect(out.group).toBe("notCoping");
    // Kept: y(S6) = (10 + 20) / 40 = 0.75; slope 5.625/437.5, residual 0.0476 > σ = 0.0345.
    const kept = byId(identify(input, kbrWith({ excludeNonObjective: false })).schools, "S6");
    expect(kept.groupResult).toBeCloseTo(0.75, 12);
    expect(kept.groupResidual).toBeCloseTo(0.047619, 5);
    expect(kept.group).toBe("effective");
  });

  it("changes a dynamics value: the region's low index of 2025 is 0.1 left out, 12/140 kept", () => {
    const out = analyse(input, PRESETS.kbr).dynamics.region.find((y) => y.year === 2025);
    expect(out?.lowIndex).toBeCloseTo(0.1, 12);
    expect(out?.lowChange).toBeCloseTo(-0.1, 12);
    const kept = analyse(input, kbrWith({ excludeNonObjective: false })).dynamics.region.find((y) => y.year === 2025);
    expect(kept?.lowIndex).toBeCloseTo(12 / 140, 12);
    expect(kept?.lowChange).toBeCloseTo(12 / 140 - 0.2, 12);
  });

  it("marks the unit excluded, says so in the reasons and in the region's notes", () => {
    const r = identify(input, PRESETS.kbr);
    const s6 = byId(r.schools, "S6");
    expect(s6.procedures.find((p) => p.procedure === "ВПР 6 кл.")).toMatchObject({ nonObjective: true, excluded: true, lowResults: null });
    expect(s6.reasons.some((x) => x.includes("эти результаты исключены из анализа"))).toBe(true);
    expect(r.region.notes).toContain(
      "Исключены как необъективные (excludeNonObjective): 1 результат (процедура × год) у 1 школы — не учтены в низких результатах (R1/R2), правилах Брянска и Новолакского района, регрессии и группах, факторе риска учебной неуспешности, динамике и показателях мониторинга 2, 3, 13, 14; перечень — лист «Необъективность»",
    );
  });

  it("gives no group, with that reason, to a school whose every unit of the latest year is listed", () => {
    const only = { ...input, results: input.results.filter((x) => !(x.schoolId === "S6" && x.grade === 5 && x.year === 2025)) };
    const s6 = byId(identify(only, PRESETS.kbr).schools, "S6");
    expect(s6.group).toBeNull();
    expect(s6.reasons).toContain("группа не определена: все результаты последнего года с признаками необъективности исключены");
  });
});

describe("regional references entered by the user (SPEC §8)", () => {
  // Four schools of one municipality, ИСБ 50, 60, 70, 80: computed Q1 = 57.5 (PERCENTILE.INC).
  const schools = [50, 60, 70, 80].map((v, i) => schoolWithSwi(`M${i + 1}`, v));
  // ВПР 5 maths, 20 participants each, lows 0, 4, 6, 8 of 20 → computed P90 = 0.3 + 0.7 × 0.1 = 0.37.
  const results = [0, 4, 6, 8].map((below, i) => agg(`M${i + 1}`, 2025, "ВПР", 5, "Математика", 20, below, { atLeastTop: i === 0 ? 12 : 4 }));
  const input: IdentificationInput = { schools, results, scores: [], scales: [scale("ВПР", 5, "Математика")] };

  it("replace Q1: the region's 65 puts M2 (ИСБ 60) into the low-ИСБ group", () => {
    const computed = identify(input, PRESETS.kbr);
    expect(computed.region.swiQ1).toBeCloseTo(57.5, 12);
    expect(byId(computed.schools, "M2").lowSwi).toBe(false);
    const entered = identify(input, kbrWith({ regionalReferences: { swiQ1: 65 } }));
    expect(entered.region.swiQ1).toBe(65);
    expect(byId(entered.schools, "M2").lowSwi).toBe(true);
    expect(byId(entered.schools, "M2").reasons[0]).toBe("ИСБ 60,0 ≤ Q1 65,0");
    expect(entered.region.notes).toContain("Региональные значения введены пользователем (regionalReferences), вместо рассчитанных: Q1 ИСБ = 65,0");
  });

  it("replace a unit's P90 and regional high index", () => {
    // Computed: H = (12 + 4 + 4 + 4) / 80 = 0.3; M1's h = 0.6, L(0.6, 20) = 0.3866 > 0.3, gap 0.3;
    // l = 0, U(0, 20) = 0.1921 / 1.1921 = 0.1611 < L = 18 / 80 = 0.225 → listed.
    expect(byId(identify(input, PRESETS.kbr).schools, "M1").nonObjectivityCount).toBe(1);
    // Entered H = 0.5: L(h) = 0.3866 is not above it → not listed. Entered P90 0.25 → M3 (0.3) and M4 (0.4) record low results.
    const m = kbrWith({ regionalReferences: { units: { "ВПР 5 кл.|2025": { h: 0.5, lowP90: 0.25 } } } });
    const r = identify(input, m);
    expect(byId(r.schools, "M1").nonObjectivityCount).toBe(0);
    expect(r.region.references["lowP90:ВПР 5 кл.|2025"]).toBe(0.25);
    expect(r.schools.map((s) => s.procedures[0]?.lowResults)).toEqual([false, false, true, true]);
    expect(r.region.notes).toContain("Региональные значения введены пользователем (regionalReferences), вместо рассчитанных: ВПР 5 кл. 2025: h = 0,500, lowP90 = 0,250");
  });

  it("reject a share outside [0, 1]", () => {
    const bad = resolveMethodology("kbr", { regionalReferences: { units: { "ВПР 5 кл.|2025": { h: 1.5 } } } });
    expect(bad.ok).toBe(false);
  });
});
