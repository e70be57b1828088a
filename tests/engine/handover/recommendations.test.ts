/**
 * Addressed recommendations (SPEC.md §12): the built-in table covers every risk factor (seed
 * 004's twelve by name, SPEC §7's table, the Ставрополь indices), the ШНОР and ШНСУ bases and
 * non-objectivity; a school gets the measures of its own bases only, in a fixed order, each
 * once; the user's rows replace the measures of their basis.
 */
import {
  basisKey,
  findBasis,
  recommendationsFor,
  recommendationTable,
  RECOMMENDATION_TABLE,
} from "../../../src/engine/handover/recommendations";
import { RISK_FACTOR_IDS, RISK_FACTOR_NAMES } from "../../../src/engine/methodology";
import type { RiskFactorValue, SchoolResult } from "../../../src/engine/types";

/** Seed 004's twelve risk factors, as the seed writes them. */
const SEED_004_FACTORS = [
  "Низкий уровень оснащения школы",
  "Дефицит педагогических кадров",
  "Недостаточная предметная и методическая компетентность",
  "Отсутствие или недостаточная эффективность системы объективной оценки результатов обучения",
  "Высокая доля обучающихся с рисками учебной неуспешности",
  "Высокая доля обучающихся с инклюзией",
  "Низкое качество адаптации мигрантов, преодоления языковых и культурных барьеров",
  "Низкое качество профориентационной работы",
  "Пониженный уровень школьного благополучия",
  "Низкая вовлеченность учителей в образовательный процесс",
  "Низкая учебная мотивация школьников",
  "Проблемы с вовлеченностью родителей",
];

/** SPEC §7's first table, as SPEC writes the names. */
const SPEC_FACTORS = [
  "Дефицит педагогических кадров",
  "Низкий уровень оснащения школы",
  "Недостаточная предметная и методическая компетентность педагогов",
  "Нет узких специалистов",
  "Высокая доля обучающихся с рисками учебной неуспешности",
  "Высокая доля обучающихся с ОВЗ",
  "Низкое качество преодоления языковых и культурных барьеров",
  "Низкая доля продолжающих обучение",
  "Низкое участие в олимпиадах",
  "Удалённость / труднодоступность",
];

const factor = (id: string, name: string, value: boolean | null): RiskFactorValue => ({ id: id as RiskFactorValue["id"], name, value, detail: "" });

function school(options: Partial<SchoolResult>): SchoolResult {
  return {
    id: "001",
    name: "Школа",
    municipality: "Район",
    swi: 50,
    lowSwi: false,
    types: [],
    typesNotEvaluable: [],
    shnor: false,
    shnorRules: [],
    shnsu: false,
    nonObjectivityCount: 0,
    nonObjectivityHistory: {},
    nonObjectivity: [],
    group: "ordinary",
    groupResult: null,
    groupResidual: null,
    riskFactors: [],
    riskFactorsKnown: 0,
    riskZone: false,
    category: "Без рисков",
    reasons: [],
    procedures: [],
    staffIndex: null,
    equipmentCoefficient: null,
    ...options,
  };
}

const measuresOf = (key: string): readonly string[] => RECOMMENDATION_TABLE.find((e) => e.key === key)?.measures ?? [];

describe("the built-in table", () => {
  it.each([...SEED_004_FACTORS, ...SPEC_FACTORS])("has measures for «%s»", (name) => {
    const entry = findBasis(name);
    expect(entry).not.toBeNull();
    expect(entry?.measures.length).toBeGreaterThan(0);
  });

  it("has measures for every risk factor id of the engine (seed 004's 4 and 8–12 under the ids of SPEC §7's second table), under its Russian name too", () => {
    for (const id of ["objectiveAssessment", "careerGuidance", "wellbeing", "teacherEngagement", "motivation", "parents"]) expect(findBasis(id)?.key).toBe(id);
    for (const id of RISK_FACTOR_IDS) {
      expect(findBasis(id)?.key).toBe(id);
      expect(findBasis(RISK_FACTOR_NAMES[id])?.key).toBe(id);
    }
  });

  it("has the ШНОР and ШНСУ bases, the six types, non-objectivity and the group", () => {
    for (const key of ["shnor", "shnor:R1", "shnor:R2", "shnor:BRYANSK", "shnor:MEANGAP", "shnsu", "type:T1", "type:T2", "type:T3", "type:T4", "type:T5", "type:T6", "nonObjectivity", "group:notCoping"])
      expect(measuresOf(key).length).toBeGreaterThan(0);
  });

  it("words the measures the seeds name (SPEC §12's examples among them)", () => {
    const all = RECOMMENDATION_TABLE.flatMap((e) => e.measures).join("\n");
    for (const phrase of ["школу-куратора", "сетев", "повышение квалификации", "индивидуальные образовательные маршруты", "дополнительные занятия", "психолог", "независимыми", "перекрёстной проверкой", "профориентац", "родител", "методический выезд"])
      expect(all).toContain(phrase);
    expect(measuresOf("teacherShortage").join(" ")).toMatch(/подбор педагогов.*сетевые педагоги/s);
    expect(measuresOf("nonObjectivity").join(" ")).toMatch(/ВПР с независимыми наблюдателями и перекрёстной проверкой/);
  });

  it("matches a basis whatever its case, «ё», punctuation or a «Фактор риска:» prefix", () => {
    expect(basisKey("  Проблемы с вовлечённостью  РОДИТЕЛЕЙ. ")).toBe("проблемы с вовлеченностью родителей");
    expect(findBasis("Фактор риска: дефицит педагогических кадров")?.key).toBe("teacherShortage");
    expect(findBasis("T3")?.key).toBe("type:T3");
    expect(findBasis("ШНОР (R1)")?.key).toBe("shnor:R1");
    expect(findBasis("что-то своё")).toBeNull();
  });
});

describe("recommendationsFor", () => {
  it("gives a ШНОР and ШНСУ school the measures of its own bases in order: ШНОР, rule, ШНСУ, type, non-objectivity, group, factors", () => {
    const s = school({
      shnor: true,
      shnorRules: ["R1"],
      shnsu: true,
      lowSwi: true,
      types: ["T3"],
      nonObjectivityCount: 1,
      group: "notCoping",
      riskFactors: [factor("teacherShortage", "Дефицит педагогических кадров", true), factor("lowEquipment", "Низкий уровень оснащения школы", false), factor("remoteness", "Удалённость / труднодоступность", null)],
    });
    const recs = recommendationsFor(s);
    const expected = [
      ...measuresOf("shnor").map((text) => ({ basis: "ШНОР", text })),
      ...measuresOf("shnor:R1").map((text) => ({ basis: "ШНОР (R1)", text })),
      ...measuresOf("shnsu").map((text) => ({ basis: "ШНСУ", text })),
      ...measuresOf("type:T3").map((text) => ({ basis: "Тип T3: Сельская малокомплектная школа", text })),
      ...measuresOf("nonObjectivity").map((text) => ({ basis: "Признаки необъективности", text })),
      ...measuresOf("group:notCoping").map((text) => ({ basis: "Группа «не справляющаяся»", text })),
      ...measuresOf("teacherShortage").map((text) => ({ basis: "Фактор риска: Дефицит педагогических кадров", text })),
    ];
    expect(recs).toEqual(expected);
  });

  it("gives a school without bases nothing, and a factor that is «нет» or «нет данных» nothing", () => {
    expect(recommendationsFor(school({}))).toEqual([]);
    expect(recommendationsFor(school({ riskFactors: [factor("teacherShortage", "Дефицит педагогических кадров", false), factor("lowEquipment", "Низкий уровень оснащения школы", null)] }))).toEqual([]);
  });

  it("finds a factor by its seed-004 name when its id is not in the table (a factor added later)", () => {
    const recs = recommendationsFor(school({ riskFactors: [factor("parentsInvolvement", "Проблемы с вовлеченностью родителей", true)] }));
    expect(recs.map((r) => r.text)).toEqual(measuresOf("parents"));
    expect(recs[0]?.basis).toBe("Фактор риска: Проблемы с вовлеченностью родителей");
  });

  it("gives a listed school whose factor 4 also fires the cross-checked ВПР once", () => {
    const recs = recommendationsFor(
      school({ nonObjectivityCount: 1, riskFactors: [factor("objectiveAssessment", "Отсутствие или недостаточная эффективность системы объективной оценки результатов обучения", true)] }),
    );
    expect(recs.filter((r) => r.text.includes("независимыми наблюдателями"))).toEqual([{ basis: "Признаки необъективности", text: measuresOf("nonObjectivity")[0] }]);
    expect(recs.map((r) => r.text)).toContain(measuresOf("objectiveAssessment")[0]);
  });

  it("never repeats a measure given under an earlier basis", () => {
    const table = recommendationTable([
      { basis: "ШНОР", text: "Закрепить куратора." },
      { basis: "Дефицит педагогических кадров", text: "закрепить  куратора" },
      { basis: "Дефицит педагогических кадров", text: "Найти учителей." },
    ]);
    const recs = recommendationsFor(school({ shnor: true, riskFactors: [factor("teacherShortage", "Дефицит педагогических кадров", true)] }), table);
    expect(recs).toEqual([
      { basis: "ШНОР", text: "Закрепить куратора." },
      { basis: "Фактор риска: Дефицит педагогических кадров", text: "Найти учителей." },
    ]);
  });

  it("lets the user's rows replace a basis's measures and leaves the other bases built in", () => {
    const table = recommendationTable([{ basis: "фактор риска: низкий уровень оснащения школы", text: "Купить 20 ноутбуков." }, { basis: "неизвестно", text: "x" }]);
    expect(table.find((e) => e.key === "lowEquipment")?.measures).toEqual(["Купить 20 ноутбуков."]);
    expect(table.find((e) => e.key === "teacherShortage")?.measures).toEqual(measuresOf("teacherShortage"));
    expect(recommendationTable([])).toBe(RECOMMENDATION_TABLE);
  });
});
