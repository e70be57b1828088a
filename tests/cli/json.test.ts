/** The JSON result of an analysis: key order, numbers, determinism (DESIGN.md "The JSON result"). */
import { analyse, PRESETS } from "../../src/engine";
import { dynamicsJson, resultJsonText } from "../../src/cli/json";
import { dynamicsLine } from "../../src/cli/dynamicsLine";
import { threeYearRegion } from "../monitoring/region";

const text = resultJsonText(analyse(threeYearRegion(), PRESETS.kbr));
const json = JSON.parse(text) as Record<string, unknown>;

function keysOf(value: unknown): string[] {
  return Object.keys(value as object);
}

describe("resultJsonText of an analysis", () => {
  it("puts dynamics and monitoring after municipalities and before issues", () => {
    expect(keysOf(json)).toEqual(["version", "methodology", "region", "schools", "municipalities", "dynamics", "monitoring", "levels", "issues"]);
  });

  it("gives every dynamics and monitoring record its keys in a fixed order", () => {
    const d = json["dynamics"] as Record<string, unknown[]>;
    expect(keysOf(d["region"]?.[0])).toEqual([
      "year", "schools", "participants", "lowIndex", "massIndex", "lowChange", "massChange", "lowTargetMet", "massTargetMet", "shnor", "shnsu", "shnorOrShnsu", "riskZone",
    ]);
    expect(keysOf(d["schools"]?.[0])).toEqual(["id", "name", "municipality", "years", "shnorYears", "stableShnor"]);
    expect(keysOf(d["transitions"]?.[0])).toEqual(["fromYear", "toYear", "status", "entered", "left", "stayed"]);
    const m = json["monitoring"] as { municipalities: Record<string, unknown[]>[]; region: unknown[] };
    expect(keysOf(m.municipalities[0])).toEqual(["name", "schools", "shnor", "shnsu", "shnorOrShnsu", "share", "riskZone", "indicators", "score", "scoreMax"]);
    const indicatorKeys = [
      "id", "source", "name", "year", "unit", "value", "numerator", "denominator", "fromYear", "fromValue", "toValue", "target", "comparison", "met", "score", "unanswered", "status", "missing", "note",
    ];
    expect(keysOf(m.region[0])).toEqual(indicatorKeys);
    expect(keysOf(m.municipalities[0]?.["indicators"]?.[0])).toEqual(indicatorKeys);
  });

  it("carries the numbers of the hand-computed region", () => {
    const d = json["dynamics"] as { region: { year: number; lowIndex: number; shnor: number }[]; transitions: { toYear: number; status: string; left: string[] }[] };
    expect(d.region.map((y) => [y.year, y.shnor])).toEqual([[2023, 0], [2024, 2], [2025, 1]]);
    expect(d.region[2]?.lowIndex).toBeCloseTo(0.2, 12);
    expect(d.transitions.find((t) => t.toYear === 2025 && t.status === "shnor")?.left).toEqual(["S10"]);
    const schools = json["schools"] as { id: string; group: string | null; groupResult: number | null }[];
    expect(schools[0]).toMatchObject({ id: "S01", groupResult: 0.5 });
  });

  it("is the same bytes for the same input", () => {
    expect(resultJsonText(analyse(threeYearRegion(), PRESETS.kbr))).toBe(text);
  });

  it("writes a number that JSON cannot hold as null", () => {
    const d = analyse(threeYearRegion(), PRESETS.kbr).dynamics;
    const region = d.region.map((y, i) => (i === 2 ? { ...y, lowChange: Number.NaN, massChange: Number.POSITIVE_INFINITY } : y));
    const out = dynamicsJson({ ...d, region }) as { region: { lowChange: number | null; massChange: number | null }[] };
    expect(out.region[2]).toMatchObject({ lowChange: null, massChange: null });
  });
});

describe("dynamicsLine", () => {
  it("counts stable ШНОР and who entered and left ШНОР in the latest year", () => {
    // ШНОР: 2024 S09, S10; 2025 S09 → S09 stable over the last 2 years, S10 left.
    expect(dynamicsLine(analyse(threeYearRegion(), PRESETS.kbr).dynamics)).toBe("Устойчиво ШНОР (2 посл. г.): 1; в 2025 г. (к 2024 г.) в ШНОР вошли 0, вышли 1");
  });

  it("says there is no dynamics with one year", () => {
    const input = threeYearRegion();
    const one = analyse({ ...input, results: input.results.filter((r) => r.year === 2025) }, PRESETS.kbr);
    expect(dynamicsLine(one.dynamics)).toBe("Устойчиво ШНОР (2 посл. г.): 0; динамики нет: в данных один год (2025)");
  });
});
