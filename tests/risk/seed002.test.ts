/**
 * Seed 002 №1–№17 in `monitoring.region` (SPEC.md §9a): №1 from the methodology in use, №4, 5,
 * 7 from the yes/no columns of «Школы» over the year's ШНОР, №6 from «Мониторинг МО», №8 from
 * the regional value; each with the seed's target and met, and «нет данных» naming the column.
 */
import { monitor, PRESETS, resolveMethodology, type IdentificationInput, type IdentificationResult, type IndicatorValue } from "../../src/engine";
import { methodologyIndicator, municipalYesNo, regionalCount, shnorShare } from "../../src/engine/monitoring/regional";
import { school } from "../engine/helpers/builders";
import { threeYearRegion } from "../monitoring/region";

const base = { id: "x", source: "002 №4", name: "x", year: 2025 };
const latestWith = (shnor: readonly string[]): IdentificationResult => ({ schools: shnor.map((id) => ({ id, shnor: true })) }) as unknown as IdentificationResult;

describe("№1: the methodology's named indicators", () => {
  it.each([
    ["kbr", 4, "есть: кластерный подход (типы школ по территории и комплектности, профили рисков); показатель R1 (низкие результаты не менее чем по двум процедурам); показатель R2 (низкие результаты в каждом из двух лет); индекс социального благополучия; нет: индекс кадрового состава; коэффициент материально-технического оснащения"],
    ["stavropol", 6, null],
    ["bryansk", 1, null], // no R1/R2 (its own rule), no ИСБ rule, no Stavropol indices
  ] as const)("%s → %i of 6", (preset, value, note) => {
    const v = methodologyIndicator(base, PRESETS[preset].parameters);
    expect([v.value, v.numerator, v.denominator, v.unit, v.status]).toEqual([value, value, 6, "count", "ok"]);
    if (note !== null) expect(v.note).toBe(note);
  });

  it("has the seed's target 6, met only by Ставрополь", () => {
    const kbr = monitor(threeYearRegion(), PRESETS.kbr).monitoring.region.find((i) => i.id === "methodologyIndicators");
    expect([kbr?.source, kbr?.year, kbr?.target, kbr?.comparison, kbr?.met]).toEqual(["002 №1", 2025, 6, "atLeast", false]);
    const st = monitor(threeYearRegion(), PRESETS.stavropol).monitoring.region.find((i) => i.id === "methodologyIndicators");
    expect(st?.met).toBe(true);
  });
});

describe("№4, 5, 7: shares of the year's ШНОР", () => {
  const schools = [
    school("A", { seminarParticipation: true }),
    school("B", { seminarParticipation: true }),
    school("C", { seminarParticipation: false }),
    school("D", { seminarParticipation: null }),
    school("E", { seminarParticipation: true }), // not ШНОР
  ];

  it("counts «да» over all ШНОР, an unanswered one as «нет»", () => {
    const v = shnorShare(base, schools, latestWith(["A", "B", "C", "D"]), "seminarParticipation");
    expect([v.value, v.numerator, v.denominator, v.status]).toEqual([0.5, 2, 4, "ok"]);
    expect(v.note).toBe("2 из 4 ШНОР; 50,0 %; без ответа 1 — считаются «нет»");
  });

  it.each<[string, ReturnType<typeof school>[], readonly string[], IndicatorValue["status"], readonly string[], string]>([
    ["no column", [school("A")], ["A"], "noData", ["Школы: «Участие в семинаре-совещании»"], "нет столбца «Участие в семинаре-совещании» на листе «Школы»"],
    ["empty cells only", [school("A", { seminarParticipation: null })], ["A"], "noData", ["Школы: «Участие в семинаре-совещании»"], "пустые ячейки у всех 1 ШНОР"],
    ["no ШНОР", schools, [], "notApplicable", [], "нет ШНОР в 2025 году"],
  ])("%s", (_, list, shnor, status, missing, note) => {
    const v = shnorShare(base, list, latestWith(shnor), "seminarParticipation");
    expect([v.status, v.missing, v.note, v.value]).toEqual([status, missing, note, null]);
  });

  it("carries the seed's targets: №4 100 %, №5 30 %, №7 100 % (S09 is the only ШНОР of 2025)", () => {
    const input = threeYearRegion();
    const withColumns: IdentificationInput = {
      ...input,
      schools: input.schools.map((s) => (s.id === "S09" ? { ...s, seminarParticipation: true, dpoTraining: false, webinarParticipation: null } : { ...s, seminarParticipation: null, dpoTraining: null, webinarParticipation: true })),
    };
    const region = monitor(withColumns, PRESETS.kbr).monitoring.region;
    const pick = (id: string) => region.find((i) => i.id === id) as IndicatorValue;
    expect([pick("shnorSeminarShare").value, pick("shnorSeminarShare").target, pick("shnorSeminarShare").met]).toEqual([1, 1, true]);
    expect([pick("shnorDpoShare").value, pick("shnorDpoShare").target, pick("shnorDpoShare").met]).toEqual([0, 0.3, false]);
    expect([pick("shnorWebinarShare").status, pick("shnorWebinarShare").target]).toEqual(["noData", 1]);
  });
});

describe("№6: «Педагогический десант» over the municipalities", () => {
  const schools = [school("A", { municipality: "Район 1" }), school("B", { municipality: "Район 2" }), school("C", { municipality: "Район 3" }), school("D", { municipality: "Район 4" })];
  const input = (rows: IdentificationInput["municipalIndicators"]): IdentificationInput => ({ schools, results: [], scores: [], scales: [], ...(rows === undefined ? {} : { municipalIndicators: rows }) });

  it("takes the year's answer (else the one without a year), a missing one as «нет»", () => {
    const v = municipalYesNo(
      base,
      input([
        { municipality: "Район 1", indicator: "Педагогический десант", year: 2025, value: true },
        { municipality: "Район 1", indicator: "Педагогический десант", year: 2024, value: false },
        { municipality: "Район 2", indicator: "педагогический  десант", year: null, value: true },
        { municipality: "Район 3", indicator: "Педагогический десант", year: 2025, value: false },
      ]),
    );
    expect([v.value, v.numerator, v.denominator]).toEqual([0.5, 2, 4]);
    expect(v.note).toBe("2 из 4 муниципалитетов; 50,0 %; без ответа 1 — считаются «нет»");
  });

  it("names the sheet when there is no row", () => {
    const v = municipalYesNo(base, input([{ municipality: "Район 1", indicator: "Аналитическая справка", year: 2025, value: true }]));
    expect([v.status, v.missing]).toEqual(["noData", ["Мониторинг МО: «Педагогический десант»"]]);
  });

  it("is not one of seed 001's custom indicators of the municipality", () => {
    const withRows: IdentificationInput = {
      ...threeYearRegion(),
      municipalIndicators: [{ municipality: "Район А", indicator: "Педагогический десант", year: 2025, value: true }],
    };
    const m = monitor(withRows, PRESETS.kbr).monitoring;
    expect(m.municipalities.flatMap((x) => x.indicators).some((i) => i.id.startsWith("custom:"))).toBe(false);
    const six = m.region.find((i) => i.id === "pedagogicalLandingShare");
    // Район А yes, Район Б no answer → 1 of 2 = 50 % ≥ 10 %.
    expect([six?.value, six?.target, six?.met]).toEqual([0.5, 0.1, true]);
  });
});

describe("№8: network communities, a regional value", () => {
  it("sums the municipalities' counts of «Мониторинг МО» for the year", () => {
    const rows = [
      { municipality: "Район 1", indicator: "Сетевых сообществ", year: 2025, value: null, count: 4 },
      { municipality: "Район 2", indicator: "Сетевые сообщества", year: 2025, value: null, count: 3 },
      { municipality: "Район 2", indicator: "Сетевых сообществ", year: 2024, value: null, count: 9 },
    ];
    expect(regionalCount(base, PRESETS.kbr.parameters, { municipalIndicators: rows })).toMatchObject({ status: "ok", value: 7, note: "7: сумма по 2 муниципалитетам (лист «Мониторинг МО»)" });
  });

  it("is «нет данных» naming the sheet's column and the parameter until given; the parameter wins", () => {
    expect(regionalCount(base, PRESETS.kbr.parameters, {})).toMatchObject({
      status: "noData",
      missing: ["Мониторинг МО: «Сетевых сообществ» (столбец «Количество»)", "Параметры: networkCommunities"],
    });
    const m = resolveMethodology("kbr", { networkCommunities: 5 });
    if (!m.ok) throw new Error(m.errors.join());
    const eight = monitor(threeYearRegion(), m.value).monitoring.region.find((i) => i.id === "networkCommunities");
    expect([eight?.value, eight?.unit, eight?.target, eight?.met]).toEqual([5, "count", 6, false]);
    expect(resolveMethodology("kbr", { networkCommunities: 2.5 }).ok).toBe(false);
  });
});

describe("monitoring.region holds all seventeen", () => {
  it("in the seed's order", () => {
    const numbers = monitor(threeYearRegion(), PRESETS.kbr).monitoring.region.map((i) => Number(i.source.replace("002 №", "")));
    expect([...new Set(numbers)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });
});
