import { generateDemoRegion, MUNICIPAL_MONITORING_HEADER, SCHOOLS_HEADER, SCHOOLS_SPEC_COLUMNS, SCHOOLS_YEAR_COLUMN, schoolYearScores } from "../../src/demo/region";
import { Random } from "../../src/demo/prng";
import { analyse, PRESETS } from "../../src/engine";
import { YES_NO_INDICATORS } from "../../src/engine/monitoring/definitions";
import { parseWorkbook } from "../../src/schema";
import { SCHOOL_MONITORING_COLUMNS, SCHOOL_MONITORING_FIELDS, SCHOOL_MONITORING_PARTS } from "../../src/schema/monitoringSheets";
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

  it("fills every SPEC column of Школы and most monitoring cells", () => {
    const sheet = region.sheets.find((s) => s.name === "Школы");
    const all = [...(sheet?.rows() ?? [])];
    expect(all.every((r) => r.length === sheet?.header.length)).toBe(true);
    expect(all.every((r) => r.slice(0, SCHOOLS_SPEC_COLUMNS).every((v) => v !== null && v !== ""))).toBe(true);
    const rows = all.filter((r) => r[SCHOOLS_YEAR_COLUMN] === 2025);
    expect(rows).toHaveLength(600);
    const monitoringCells = rows.flatMap((r) => r.slice(SCHOOLS_SPEC_COLUMNS, SCHOOLS_YEAR_COLUMN));
    const filled = monitoringCells.filter((v) => v !== null && v !== "").length;
    expect(filled / monitoringCells.length).toBeGreaterThan(0.95);
    expect(filled).toBeLessThan(monitoringCells.length); // a few blanks, as in real answers
    for (let c = SCHOOLS_SPEC_COLUMNS; c < SCHOOLS_YEAR_COLUMN; c++) {
      expect(rows.filter((r) => r[c] !== null).length).toBeGreaterThan(570);
    }
  });

  it("gives most schools a row of the year before (seed 001 §1.2.5): only internet, computers and vacancies differ", () => {
    const sheet = region.sheets.find((s) => s.name === "Школы");
    const all = [...(sheet?.rows() ?? [])];
    expect(SCHOOLS_HEADER[SCHOOLS_YEAR_COLUMN]).toBe("Год");
    const latest = new Map(all.filter((r) => r[SCHOOLS_YEAR_COLUMN] === 2025).map((r) => [r[0], r]));
    const before = all.filter((r) => r[SCHOOLS_YEAR_COLUMN] === 2024);
    expect(new Set(all.map((r) => r[SCHOOLS_YEAR_COLUMN]))).toEqual(new Set([2024, 2025]));
    expect(before.length).toBe(schools.filter((s) => s.previousYear !== null).length);
    expect(before.length).toBeGreaterThan(570);
    expect(before.length).toBeLessThan(600);
    const changing = new Set(["Устойчивый интернет", "Компьютеров на 100 обучающихся", "Вакансии педагогов"]);
    for (const r of before) {
      const now = latest.get(r[0]) ?? [];
      SCHOOLS_HEADER.slice(0, SCHOOLS_SPEC_COLUMNS).forEach((h, c) => {
        if (!changing.has(h)) expect(`${h}: ${String(r[c])}`).toBe(`${h}: ${String(now[c])}`);
      });
      // The earlier row carries no monitoring answers: they describe the latest year.
      expect(r.slice(SCHOOLS_SPEC_COLUMNS, SCHOOLS_YEAR_COLUMN).every((v) => v === null)).toBe(true);
    }
    // A resource does not get worse from the year before: internet lost, computers fewer, vacancies more, never the reverse.
    for (const s of schools) {
      const p = s.previousYear;
      if (p === null) continue;
      expect(!p.stableInternet || s.stableInternet).toBe(true);
      expect(p.computersPer100).toBeLessThanOrEqual(s.computersPer100);
      expect(p.teacherVacancies).toBeGreaterThanOrEqual(s.teacherVacancies);
    }
  });

  it("has the monitoring columns of Школы in the template's order, with its headers", () => {
    expect(SCHOOLS_HEADER.slice(SCHOOLS_SPEC_COLUMNS, SCHOOLS_YEAR_COLUMN)).toEqual(SCHOOL_MONITORING_FIELDS.map((f) => SCHOOL_MONITORING_COLUMNS[f].header));
    expect(SCHOOLS_HEADER).toContain("Педагогических работников");
    expect(SCHOOLS_HEADER).toContain("Дефицит кадров устранён");
    expect(SCHOOLS_HEADER).toContain("Слабоуспевающих с ИОМ");
  });

  it("gives plausible monitoring counts: teachers ≈ enrollment / 12, no part above its whole", () => {
    const answered = schools.filter((s) => s.monitoring.teachers !== null);
    expect(answered.length).toBeGreaterThan(580);
    for (const s of answered) {
      const t = s.monitoring.teachers as number;
      expect(Number.isInteger(t)).toBe(true);
      expect(t).toBeGreaterThanOrEqual(5);
      expect(t).toBeLessThanOrEqual(Math.max(7, Math.ceil((s.enrollment / 12) * 1.15)));
      for (const [part, whole] of SCHOOL_MONITORING_PARTS) {
        const n = s.monitoring[part];
        const m = s.monitoring[whole];
        if (typeof n === "number") {
          expect(Number.isInteger(n) && n >= 0).toBe(true);
          if (typeof m === "number") expect(n).toBeLessThanOrEqual(m);
        }
      }
    }
    const enrolled = answered.reduce((a, s) => a + s.enrollment, 0);
    const teachers = answered.reduce((a, s) => a + (s.monitoring.teachers as number), 0);
    expect(enrolled / teachers).toBeGreaterThan(9);
    expect(enrolled / teachers).toBeLessThan(13);
  });

  it("gives curators and ШППКО mostly to the weaker schools; yes/no cells are booleans or blank", () => {
    const rate = (xs: typeof schools, f: "hasCurator" | "hasQualityProgramme"): number =>
      xs.filter((s) => s.monitoring[f] === true).length / xs.filter((s) => typeof s.monitoring[f] === "boolean").length;
    const sorted = [...schools].sort((a, b) => a.effect - b.effect);
    const weakest = sorted.slice(0, 150);
    const strongest = sorted.slice(-150);
    expect(rate(weakest, "hasCurator")).toBeGreaterThan(rate(strongest, "hasCurator") + 0.3);
    expect(rate(weakest, "hasQualityProgramme")).toBeGreaterThan(rate(strongest, "hasQualityProgramme") + 0.3);
    const yesNo = SCHOOL_MONITORING_FIELDS.filter((f) => SCHOOL_MONITORING_COLUMNS[f].type === "bool");
    expect(yesNo).toHaveLength(12);
    for (const s of schools) for (const f of yesNo) expect([true, false, null]).toContain(s.monitoring[f]);
  });

  it("answers every yes/no indicator of Мониторинг МО for every municipality and year, mostly «да» in the latest", () => {
    const sheet = region.sheets.find((s) => s.name === "Мониторинг МО");
    expect(sheet?.header).toEqual(MUNICIPAL_MONITORING_HEADER);
    expect(MUNICIPAL_MONITORING_HEADER).toEqual(["Муниципалитет", "Показатель", "Год", "Значение", "Количество"]);
    const all = [...(sheet?.rows() ?? [])];
    // Seed 002 №6 «Педагогический десант» and №8 «Сетевых сообществ»: a row each per municipality and year.
    const regional = all.filter((r) => r[1] === "Педагогический десант" || r[1] === "Сетевых сообществ");
    expect(regional).toHaveLength(30 * 2 * 3);
    expect(regional.filter((r) => r[1] === "Сетевых сообществ").every((r) => r[3] === null && (r[4] === 0 || r[4] === 1))).toBe(true);
    const rows = all.filter((r) => !regional.includes(r));
    expect(rows).toHaveLength(30 * YES_NO_INDICATORS.length * 3);
    const names = new Set(schools.map((s) => s.municipality));
    expect(new Set(rows.map((r) => r[0]))).toEqual(names);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(YES_NO_INDICATORS.map((i) => i.name)));
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set([2023, 2024, 2025]));
    expect(rows.every((r) => r[3] === "да" || r[3] === "нет")).toBe(true);
    const latest = rows.filter((r) => r[2] === 2025);
    expect(latest.filter((r) => r[3] === "да").length / latest.length).toBeGreaterThan(0.75);
  });

  it("generates the monitoring deterministically", () => {
    const again = generateDemoRegion();
    for (const name of ["Школы", "Мониторинг МО"]) {
      const a = [...(region.sheets.find((s) => s.name === name)?.rows() ?? [])];
      const b = [...(again.sheets.find((s) => s.name === name)?.rows() ?? [])];
      expect(b).toEqual(a);
    }
    const other = generateDemoRegion({ seed: 7 });
    expect(other.schools.map((s) => s.monitoring.teachersDiagnosed)).not.toEqual(schools.map((s) => s.monitoring.teachersDiagnosed));
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
      expect(parsed.input.earlierSchools?.length).toBe(small.schools.filter((s) => s.previousYear !== null).length);
      expect(parsed.input.scores.length).toBeGreaterThan(1000);
      expect(new Set(parsed.input.scores.map((s) => s.year))).toEqual(new Set([2023, 2024, 2025]));
      expect(new Set(parsed.input.scores.map((s) => s.procedure))).toEqual(new Set(["ВПР", "ОГЭ", "ЕГЭ"]));
      expect(parsed.input.schools.filter((s) => typeof s.teachers === "number").length).toBeGreaterThan(35);
      expect(parsed.input.municipalIndicators).toHaveLength(4 * (YES_NO_INDICATORS.length + 2) * 3);
      // Every monitoring indicator has data (an empty ШНОР/ШНСУ group may leave one not applicable).
      const { monitoring } = analyse(parsed.input, PRESETS.kbr);
      const all = [...monitoring.region, ...monitoring.municipalities.flatMap((m) => m.indicators)];
      expect(all.filter((i) => i.status === "noData").map((i) => i.id)).toEqual([]);
      expect(all.filter((i) => i.status === "ok").length).toBeGreaterThan(all.length * 0.8);
    }
  });
});
