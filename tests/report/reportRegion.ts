/**
 * The ten-school region of tests/monitoring/region.ts with participant rows added (ВПР grade 6
 * maths, 2025, participant codes «УЧ-S01-01» …), so a report test can check that no participant
 * data reaches the report.
 */
import { analyse, PRESETS, type AnalysisResult, type IdentificationInput } from "../../src/engine";
import { scale, score } from "../engine/helpers/builders";
import { IDS, threeYearRegion } from "../monitoring/region";

export function reportInput(): IdentificationInput {
  const base = threeYearRegion();
  const scores = IDS.flatMap((id, i) =>
    Array.from({ length: 12 }, (_, k) => score(id, 2025, "ВПР", 6, `УЧ-${id}-${String(k + 1).padStart(2, "0")}`, "Математика", 5 + ((i + k) % 14))),
  );
  return { ...base, scores, scales: [...base.scales, scale("ВПР", 6, "Математика")] };
}

export function reportResult(): { input: IdentificationInput; result: AnalysisResult } {
  const input = reportInput();
  return { input, result: analyse(input, PRESETS.kbr) };
}
