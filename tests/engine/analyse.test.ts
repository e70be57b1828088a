import { analyse, handOver, identify, PRESETS } from "../../src/engine";
import { agg, scale, schoolWithSwi } from "./helpers/builders";

describe("analyse", () => {
  const input = {
    schools: [schoolWithSwi("A", 50), schoolWithSwi("B", 60), schoolWithSwi("C", 70)],
    results: [2024, 2025].flatMap((year) => ["A", "B", "C"].map((id, i) => agg(id, year, "ВПР", 5, "Математика", 20, (i + 1) * (year - 2022)))),
    scores: [],
    scales: [scale("ВПР", 5, "Математика")],
  };

  it("gives the identification of identify() itself, plus what is handed over (SPEC §12), dynamics and monitoring", () => {
    const full = analyse(input, PRESETS.kbr);
    const plain = identify(input, PRESETS.kbr);
    const { dynamics, monitoring, levels, ...identification } = full;
    // What analyse adds to each school after the identification: attainment (SPEC §9a) and what is handed over (§12).
    const own = (s: object): object => {
      const { basicOrAboveShare: _a, recommendations: _r, mentors: _m, mentorsNote: _n, ...rest } = s as Record<string, unknown>;
      return rest;
    };
    expect({ ...identification, schools: identification.schools.map(own) }).toEqual({ ...plain, schools: plain.schools.map(own) });
    expect(identification.schools.map((s) => s.recommendations)).toEqual(handOver(plain, input, PRESETS.kbr).schools.map((s) => s.recommendations));
    expect(levels.cuts).toEqual(PRESETS.kbr.parameters.levelCuts);
    expect(dynamics.years).toEqual([2024, 2025]);
    expect(monitoring.year).toBe(2025);
  });

  it("identifies a region without results once and still monitors it", () => {
    const empty = { ...input, results: [] };
    const full = analyse(empty, PRESETS.kbr);
    expect(full.region.latestYear).toBeNull();
    expect(full.schools).toHaveLength(3);
    expect(full.dynamics.years).toEqual([]);
  });
});

describe("analyse and the per-year identifications", () => {
  it("gives each year the identification of the data up to that year", () => {
    const input = {
      schools: [schoolWithSwi("A", 50), schoolWithSwi("B", 60), schoolWithSwi("C", 70)],
      results: [2023, 2024, 2025].flatMap((year) => ["A", "B", "C"].map((id, i) => agg(id, year, "ВПР", 5, "Математика", 20, ((i + year) % 3) * 4))),
      scores: [],
      scales: [scale("ВПР", 5, "Математика")],
    };
    const full = analyse(input, PRESETS.kbr);
    for (const year of [2023, 2024]) {
      const truncated = { ...input, results: input.results.filter((r) => r.year <= year) };
      const alone = identify(truncated, PRESETS.kbr);
      const row = full.dynamics.schools.map((s) => [s.id, s.years.find((y) => y.year === year)?.category]);
      expect(row).toEqual(alone.schools.map((s) => [s.id, s.category]));
    }
  });
});
