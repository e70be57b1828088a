/** One summary line about the dynamics, shared by `shnor identify` and `npm run demo`. */
import type { DynamicsResult } from "../engine/monitoring/types";

/**
 * Stable ШНОР and who entered and left ШНОР in the latest year.
 *
 * @example
 * dynamicsLine(result.dynamics) // "Устойчиво ШНОР (2 посл. г.): 12; в 2025 г. (к 2024 г.) в ШНОР вошли 10, вышли 8"
 */
export function dynamicsLine(d: DynamicsResult): string {
  const stable = d.schools.filter((s) => s.stableShnor === true).length;
  const head = `Устойчиво ШНОР (${d.stableShnorYears} посл. г.): ${stable}`;
  const latest = d.years[d.years.length - 1];
  const t = d.transitions.find((x) => x.status === "shnor" && x.toYear === latest);
  if (latest === undefined) return `${head}; динамики нет: нет результатов`;
  if (t === undefined) return `${head}; динамики нет: в данных один год (${latest})`;
  return `${head}; в ${t.toYear} г. (к ${t.fromYear} г.) в ШНОР вошли ${t.entered.length}, вышли ${t.left.length}`;
}
