/**
 * The optional sheet «Профиль рисков» (SPEC.md §7 "Risk profile"): one row per school, `Код ОО`
 * and a column per risk factor named as in seed 004, with «да»/«нет» or the 500+ profile's
 * level («высокий», «средний», «низкий», «нет риска»). Which levels count as "yes" is the
 * methodology's `riskProfileYesLevels`.
 */
import { RISK_FACTOR_IDS, RISK_FACTOR_NAMES } from "../../../src/engine/methodology";
import { RISK_PROFILE_LEVELS, RISK_PROFILE_SHEET_NAME } from "../../../src/engine/risk/profile";
import type { RiskFactorId, RiskProfileLevel, RiskProfileRow } from "../../../src/engine/types";
import type { ColumnDef, SheetDef } from "../../../src/schema/columns";
import type { ReadRow, ReadSheet } from "./readSheet";
import type { IssueSink } from "../../../src/schema/sink";
import { looseKey } from "../../../src/schema/text";

/** A row as read: the code and each factor's cell as text (`null` when empty or the column is absent). */
export type RiskProfileSheetRow = { readonly schoolId: string } & { readonly [K in RiskFactorId]: string | null };

const LEVEL: Omit<ColumnDef<string | null>, "header" | "synonyms"> = {
  type: "text",
  required: false,
  nullable: true,
  note: "да, нет или уровень профиля 500+: высокий, средний, низкий, нет риска",
};

export const RISK_PROFILE_SHEET: SheetDef<RiskProfileSheetRow> = {
  id: "riskProfiles",
  name: RISK_PROFILE_SHEET_NAME,
  synonyms: ["Профили рисков", "Рисковый профиль", "Профиль рисков 500+", "Risk profile", "Risk profiles"],
  columns: {
    schoolId: {
      header: "Код ОО",
      synonyms: ["Код", "Код школы", "Код ОУ", "Логин ОО", "School ID", "School code", "ID"],
      type: "code", required: true, nullable: false, note: "текст; как на листе «Школы»",
    },
    ...(Object.fromEntries(RISK_FACTOR_IDS.map((id) => [id, { ...LEVEL, header: RISK_FACTOR_NAMES[id], synonyms: [id] }])) as unknown as { readonly [K in RiskFactorId]: ColumnDef<string | null> }),
  },
};

const LEVEL_BY_KEY = new Map<string, RiskProfileLevel>(RISK_PROFILE_LEVELS.map((l) => [looseKey(l), l]));
// Common spellings of the profile's levels.
for (const [alias, level] of [["высокий риск", "высокий"], ["средний риск", "средний"], ["низкий риск", "низкий"], ["нет", "нет"], ["отсутствует", "нет риска"]] as const) LEVEL_BY_KEY.set(looseKey(alias), level);

/** A profile cell as a level, or `null` when it is none of them. */
export function profileLevel(text: string): RiskProfileLevel | null {
  return LEVEL_BY_KEY.get(looseKey(text)) ?? null;
}

/**
 * The rows as the engine reads them. A school not on «Школы» (when it is known), a second row of
 * the same school and a cell that is no level are errors at their cells.
 */
export function checkRiskProfiles(sheet: ReadSheet<RiskProfileSheetRow>, known: ReadonlySet<string> | null, sink: IssueSink): ReadRow<RiskProfileRow>[] {
  const kept: ReadRow<RiskProfileRow>[] = [];
  const first = new Map<string, number>();
  const idColumn = sheet.columns.get("schoolId") ?? null;
  for (const r of sheet.rows) {
    const v = r.value;
    if (known !== null && !known.has(v.schoolId)) {
      sink.push({ code: "unknown-school", sheet: sheet.name, row: r.row, column: idColumn, received: v.schoolId });
      continue;
    }
    const seen = first.get(v.schoolId);
    if (seen !== undefined) {
      sink.push({ code: "duplicate-risk-profile", sheet: sheet.name, row: r.row, column: idColumn, received: v.schoolId, details: { firstRow: seen + 1 } });
      continue;
    }
    first.set(v.schoolId, r.row);
    const factors: Partial<Record<RiskFactorId, RiskProfileLevel>> = {};
    let ok = true;
    for (const id of RISK_FACTOR_IDS) {
      const cell = v[id];
      if (cell === null || cell === undefined || cell === "") continue;
      const level = profileLevel(cell);
      if (level === null) {
        sink.push({ code: "not-a-profile-level", sheet: sheet.name, row: r.row, column: sheet.columns.get(id) ?? null, received: cell });
        ok = false;
      } else factors[id] = level;
    }
    if (ok) kept.push({ row: r.row, value: { schoolId: v.schoolId, factors } });
  }
  return kept;
}
