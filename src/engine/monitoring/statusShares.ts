/**
 * Seed 000, expected result 7: the share of ШНОР and of ШНСУ among the schools, regional and per
 * municipality, year by year (each year's own identification), with the change from the previous
 * year present — a difference of fractions, like the index changes.
 */
import type { YearlyIdentifications } from "./dynamics";
import type { StatusShareYear, StatusShares } from "./types";

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function years(counts: readonly { year: number; schools: number; shnor: number; shnsu: number; either: number }[]): StatusShareYear[] {
  const out: StatusShareYear[] = [];
  let prev: StatusShareYear | null = null;
  for (const c of counts) {
    const share = (n: number): number | null => (c.schools > 0 ? n / c.schools : null);
    const change = (now: number | null, before: number | null | undefined): number | null => (now === null || before === null || before === undefined ? null : now - before);
    const y: StatusShareYear = {
      year: c.year,
      schools: c.schools,
      shnor: c.shnor,
      shnsu: c.shnsu,
      shnorOrShnsu: c.either,
      shnorShare: share(c.shnor),
      shnsuShare: share(c.shnsu),
      shnorOrShnsuShare: share(c.either),
      shnorShareChange: change(share(c.shnor), prev?.shnorShare),
      shnsuShareChange: change(share(c.shnsu), prev?.shnsuShare),
      shnorOrShnsuShareChange: change(share(c.either), prev?.shnorOrShnsuShare),
    };
    out.push(y);
    prev = y;
  }
  return out;
}

/**
 * @example
 * // 10 schools; ШНОР 2 in 2024, 1 in 2025 → shnorShare 0.2 → 0.1, shnorShareChange −0.1
 * statusShares(identifyByYear(input, PRESETS.kbr, identify)).region[1].shnorShareChange
 */
export function statusShares(yearly: YearlyIdentifications): StatusShares {
  const region = years(
    yearly.map(({ year, result }) => ({
      year,
      schools: result.schools.length,
      shnor: result.schools.filter((s) => s.shnor).length,
      shnsu: result.schools.filter((s) => s.shnsu).length,
      either: result.schools.filter((s) => s.shnor || s.shnsu).length,
    })),
  );
  const names = [...new Set(yearly.flatMap((y) => y.result.schools.map((s) => s.municipality)))].sort(cmp);
  const municipalities = names.map((name) => ({
    name,
    years: years(
      yearly.map(({ year, result }) => {
        const own = result.schools.filter((s) => s.municipality === name);
        return { year, schools: own.length, shnor: own.filter((s) => s.shnor).length, shnsu: own.filter((s) => s.shnsu).length, either: own.filter((s) => s.shnor || s.shnsu).length };
      }),
    ),
  }));
  return { region, municipalities };
}
