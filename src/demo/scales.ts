/**
 * Score scales of the demo region: the template's example scales (`EXAMPLE_SCALES` of
 * `src/schema`), so that the demo and the template agree. ВПР 4–8 and ОГЭ 9 on primary scores
 * with mark cut-offs, ЕГЭ 11 on test scores 0–100 (and «Математика базовая» on 0–21).
 */
import type { Scale } from "../engine/types";
import { EXAMPLE_SCALES } from "../schema/template";

export type DemoScale = Scale;

export const DEMO_SCALES: readonly DemoScale[] = EXAMPLE_SCALES.map(({ example: _example, ...scale }) => scale);

const byKey = new Map(DEMO_SCALES.map((s) => [`${s.procedure}|${s.grade}|${s.subject}`, s]));

export function findScale(procedure: string, grade: number, subject: string): DemoScale {
  const s = byKey.get(`${procedure}|${grade}|${subject}`);
  if (!s) throw new Error(`demo: no scale for ${procedure} ${grade} ${subject}`);
  return s;
}

export function cutsOf(s: DemoScale): readonly [number, number, number] | null {
  return s.cut3 !== null && s.cut4 !== null && s.cut5 !== null ? [s.cut3, s.cut4, s.cut5] : null;
}
