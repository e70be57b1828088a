/** A hand-made IdentificationResult of three schools, small enough to check every cell by hand. */
import { PRESETS } from "../../src/engine/methodology";
import type { IdentificationResult, ProcedureResult, SchoolResult } from "../../src/engine/types";

const proc = (p: Partial<ProcedureResult> & Pick<ProcedureResult, "year" | "procedure">): ProcedureResult => ({
  participants: 20,
  lowIndex: null,
  massIndex: null,
  highIndex: null,
  participation: null,
  evaluated: true,
  lowResults: false,
  nonObjective: false,
  fromParticipants: true,
  meanScore: null,
  ...p,
});

const school = (s: Partial<SchoolResult> & Pick<SchoolResult, "id" | "name" | "municipality" | "category">): SchoolResult => ({
  swi: null,
  lowSwi: null,
  types: [],
  typesNotEvaluable: [],
  shnor: false,
  shnorRules: [],
  shnsu: false,
  nonObjectivityCount: 0,
  group: null,
  groupResult: null,
  groupResidual: null,
  riskFactors: [],
  riskZone: false,
  reasons: [],
  procedures: [],
  staffIndex: null,
  equipmentCoefficient: null,
  ...s,
});

export const tinyResult: IdentificationResult = {
  version: "0.1.0-test",
  methodology: { preset: "kbr", name: PRESETS.kbr.name, parameters: PRESETS.kbr.parameters as unknown as Record<string, unknown> },
  region: {
    schools: 3,
    latestYear: 2025,
    years: [2024, 2025],
    swiQ1: 57.5,
    deviantD9: 12,
    nonNativeMean: 4.5,
    regression: { slope: 0.012, intercept: -0.18, r2: 0.64, n: 3, sigma: 0.1183, note: null },
    references: { failureRiskP75: 0.2 },
    notes: [],
  },
  schools: [
    school({
      id: "007001",
      name: "=HYPERLINK(\"http://example.com\",\"СОШ № 1\")",
      municipality: "Северский район",
      category: "ШНОР и ШНСУ",
      swi: 55,
      lowSwi: true,
      types: ["T1", "T3"],
      shnor: true,
      shnorRules: ["R1", "R2"],
      shnsu: true,
      nonObjectivityCount: 1,
      group: "notCoping",
      riskFactors: [
        { id: "teacherShortage", name: "Дефицит педагогических кадров", value: true, detail: "вакансий 2 > 0" },
        { id: "lowEquipment", name: "Низкий уровень оснащения школы", value: false, detail: "" },
        { id: "remoteness", name: "Удалённость / труднодоступность", value: null, detail: "нет данных" },
      ],
      reasons: ["ИСБ 55,0 ≤ Q1 57,5", "село; 87 обучающихся < 100"],
      procedures: [
        proc({ year: 2024, procedure: "ВПР", participants: 40, lowIndex: 0.25, massIndex: 0.5, highIndex: 0.1, participation: 0.8, lowResults: true }),
        proc({ year: 2025, procedure: "ВПР", participants: 60, lowIndex: 0.3, massIndex: 0.4, highIndex: 0, participation: null, lowResults: true, nonObjective: true }),
      ],
    }),
    school({
      id: "007002",
      name: "МБОУ СОШ № 2",
      municipality: "Северский район",
      category: "Без рисков",
      swi: 80,
      lowSwi: false,
      group: "effective",
      procedures: [
        proc({ year: 2024, procedure: "ВПР", participants: 60, lowIndex: 0.05, massIndex: 0.7, highIndex: 0.3 }),
        proc({ year: 2025, procedure: "ВПР", participants: 40, lowIndex: 0.05, massIndex: 0.8, highIndex: 0.3 }),
      ],
    }),
    school({
      id: "007003",
      name: "МКОУ ООШ с. Ивановка",
      municipality: "Ивановский район",
      category: "Зона риска",
      swi: null,
      lowSwi: null,
      riskZone: true,
      procedures: [proc({ year: 2025, procedure: "ОГЭ", participants: 0, evaluated: false, lowResults: null })],
    }),
  ],
  municipalities: [
    { name: "Ивановский район", schools: 1, shnor: 0, shnsu: 0, shnorOrShnsu: 0, share: 0 },
    { name: "Северский район", schools: 2, shnor: 1, shnsu: 1, shnorOrShnsu: 1, share: 0.5 },
  ],
  issues: [{ severity: "warning", code: "fractionColumn", sheet: "Школы", cell: "F2", message: "похоже на доли" }],
};
