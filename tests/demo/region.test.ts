import { generateDemoRegion, schoolYearScores } from "../../src/demo/region";
import { Random } from "../../src/demo/prng";
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";

describe("Random", () => {
  it("gives the same sequence for the same seed", () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(new Random(43).next()).not.toBe(new Random(42).next());
  });
});

describe("generateDemoRegion", () => {
  const region = generateDemoRegion();
  const schools = region.schools;

  it("is deterministic: same seed, same rows", () => {
    const again = generateDemoRegion();
    expect(again.schools).toEqual(schools);
    const s = schools[17];
    if (!s) throw new Error("fixture");
    expect(schoolYearScores(s, 2024, [2023, 2024, 2025], region.options.seed)).toEqual(
      schoolYearScores(again.schools[17] ?? s, 2024, [2023, 2024, 2025], again.options.seed),
    );
    const other = generateDemoRegion({ seed: 7 });
    expect(other.schools.map((x) => x.enrollment)).not.toEqual(schools.map((x) => x.enrollment));
  });

  it("has the promised shape: ≈600 schools, ≈30 municipalities, about half rural, ~150 small", () => {
    expect(schools).toHaveLength(600);
    expect(new Set(schools.map((s) => s.municipality)).size).toBe(30);
    const rural = schools.filter((s) => s.locality === "село").length;
    expect(rural).toBeGreaterThan(240);
    expect(rural).toBeLessThan(360);
    const small = schools.filter((s) => s.enrollment < 100).length;
    expect(small).toBeGreaterThan(120);
    expect(small).toBeLessThan(180);
  });

  it("uses unique text codes with leading zeros and Russian-looking names", () => {
    expect(new Set(schools.map((s) => s.id)).size).toBe(schools.length);
    expect(schools.every((s) => /^0\d{4}$/.test(s.id) || /^\d{5}$/.test(s.id))).toBe(true);
    expect(schools[0]?.id).toBe("01001");
    expect(schools.some((s) => /^МБОУ СОШ № \d+ г\. /.test(s.name))).toBe(true);
    expect(schools.some((s) => /^МКОУ ООШ (с\.|пос\.|ст-ца|д\.) /.test(s.name))).toBe(true);
  });

  it("makes rural schools poorer, further away and less equipped", () => {
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const by = (loc: string, f: (s: (typeof schools)[number]) => number): number => mean(schools.filter((s) => s.locality === loc).map(f));
    expect(by("село", (s) => s.parentsHigherEd)).toBeLessThan(by("город", (s) => s.parentsHigherEd));
    expect(by("село", (s) => s.nearestSchoolKm)).toBeGreaterThan(by("город", (s) => s.nearestSchoolKm));
    expect(by("село", (s) => s.computersPer100)).toBeLessThan(by("город", (s) => s.computersPer100));
  });

  it("fills every column of Школы", () => {
    const sheet = region.sheets.find((s) => s.name === "Школы");
    const rows = [...(sheet?.rows() ?? [])];
    expect(rows).toHaveLength(600);
    expect(rows.every((r) => r.length === sheet?.header.length && r.every((v) => v !== null && v !== ""))).toBe(true);
  });

  it("parses without errors through the workbook contract (small region)", () => {
    const small = generateDemoRegion({ schools: 40, municipalities: 4 });
    const wb = {
      sheets: small.sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] })),
    };
    const parsed = parseWorkbook(wb);
    expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.input.schools).toHaveLength(40);
      expect(parsed.input.scores.length).toBeGreaterThan(1000);
      expect(new Set(parsed.input.scores.map((s) => s.year))).toEqual(new Set([2023, 2024, 2025]));
      expect(new Set(parsed.input.scores.map((s) => s.procedure))).toEqual(new Set(["ВПР", "ОГЭ", "ЕГЭ"]));
    }
  });
});
