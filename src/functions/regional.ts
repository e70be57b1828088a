/**
 * Regional reference values the functions take from whole columns, computed by the engine once
 * per distinct range content (see `contentCache.ts`).
 */
import { fitLine, type FitOutcome } from "../engine/regression";
import { swiReferences, type SwiReferences } from "../engine/schoolTypes";
import type { Range } from "./args";
import { cellValues, ContentCache } from "./contentCache";

/** Enough for a few regions, procedures and parameter variants in one workbook. */
const CAPACITY = 32;

const referenceCache = new ContentCache<SwiReferences>(CAPACITY);
const fitCache = new ContentCache<FitOutcome>(CAPACITY);

const EMPTY = new Float64Array(0);

/**
 * Q1 of ИСБ, D9 of Ду and the mean non-native share over the region's columns (SPEC.md §5).
 * Blanks and text are skipped, as PERCENTILE.INC and AVERAGE skip them.
 */
export function regionalReferences(
  swiRange: Range,
  registeredRange: Range | null,
  nonNativeRange: Range | null,
  swiQuantile: number,
  deviantPercentile: number,
): SwiReferences {
  const inputs = [
    cellValues(swiRange),
    registeredRange ? cellValues(registeredRange) : EMPTY,
    nonNativeRange ? cellValues(nonNativeRange) : EMPTY,
  ] as const;
  return referenceCache.get(inputs, `${swiQuantile}:${deviantPercentile}`, () =>
    swiReferences(Array.from(inputs[0]), Array.from(inputs[1]), Array.from(inputs[2]), swiQuantile, deviantPercentile),
  );
}

/** The least-squares line of the result on ИСБ over the rows where both are numbers (SPEC.md §6). */
export function regionalFit(resultRange: Range, swiRange: Range): FitOutcome {
  const y = cellValues(resultRange);
  const x = cellValues(swiRange);
  return fitCache.get([y, x], "", () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number;
      const yi = y[i] as number;
      if (!Number.isNaN(xi) && !Number.isNaN(yi)) {
        xs.push(xi);
        ys.push(yi);
      }
    }
    return fitLine(xs, ys);
  });
}

/** For the benchmark and tests: forget every cached value. */
export function clearRegionalCaches(): void {
  referenceCache.clear();
  fitCache.clear();
}

export function regionalCacheStats(): { hits: number; misses: number; size: number } {
  return {
    hits: referenceCache.hits + fitCache.hits,
    misses: referenceCache.misses + fitCache.misses,
    size: referenceCache.size + fitCache.size,
  };
}
