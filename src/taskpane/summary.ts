/** The numbers the pane shows after an identification: counts per category and the top municipalities. */
import type { Category, IdentificationResult, MunicipalityResult } from "../engine";
import { CATEGORY_ORDER } from "../workbook/resultSheets";

export interface Summary {
  readonly schools: number;
  readonly methodology: string;
  readonly byCategory: readonly { readonly category: Category; readonly count: number }[];
  readonly shnor: number;
  readonly shnsu: number;
  readonly both: number;
  readonly riskZone: number;
  readonly topMunicipalities: readonly MunicipalityResult[];
}

export function summarize(result: IdentificationResult, top = 5): Summary {
  const counts = new Map<Category, number>();
  for (const s of result.schools) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  const topMunicipalities = result.municipalities
    .filter((m) => m.shnorOrShnsu > 0)
    .slice()
    .sort((a, b) => b.share - a.share || b.shnorOrShnsu - a.shnorOrShnsu || a.name.localeCompare(b.name, "ru"))
    .slice(0, top);
  return {
    schools: result.schools.length,
    methodology: result.methodology.name,
    byCategory: CATEGORY_ORDER.map((category) => ({ category, count: counts.get(category) ?? 0 })),
    shnor: result.schools.filter((s) => s.shnor).length,
    shnsu: result.schools.filter((s) => s.shnsu).length,
    both: counts.get("ШНОР и ШНСУ") ?? 0,
    riskZone: counts.get("Зона риска") ?? 0,
    topMunicipalities,
  };
}
