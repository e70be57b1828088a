import { cellValues, ContentCache, fingerprint } from "../../src/functions/contentCache";
import { clearRegionalCaches, regionalCacheStats, regionalReferences } from "../../src/functions/regional";

describe("ContentCache", () => {
  it("computes once per distinct content", () => {
    const cache = new ContentCache<number>(4);
    let computed = 0;
    const compute = () => ++computed;
    expect(cache.get([cellValues([[1], [2]])], "", compute)).toBe(1);
    expect(cache.get([cellValues([[1], [2]])], "", compute)).toBe(1);
    expect(cache.get([cellValues([[1], [3]])], "", compute)).toBe(2);
    expect(cache.get([cellValues([[1], [2]])], "other parameters", compute)).toBe(3);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 3 });
  });

  it("treats blanks and text alike (both skipped by the rules) but apart from numbers", () => {
    expect(fingerprint(cellValues([[null, "x"]]))).toBe(fingerprint(cellValues([["", null]])));
    expect(fingerprint(cellValues([[null, 0]]))).not.toBe(fingerprint(cellValues([[0, null]])));
  });

  it("keeps at most `capacity` entries, dropping the least recently used", () => {
    const cache = new ContentCache<string>(2);
    const v = (n: number) => [cellValues([[n]])];
    cache.get(v(1), "", () => "a");
    cache.get(v(2), "", () => "b");
    cache.get(v(1), "", () => "a again");
    cache.get(v(3), "", () => "c");
    expect(cache.size).toBe(2);
    expect(cache.get(v(1), "", () => "recomputed")).toBe("a");
    expect(cache.get(v(2), "", () => "recomputed")).toBe("recomputed");
  });

  it("never returns another range's value on a fingerprint collision", () => {
    const colliding = new ContentCache<string>(4, () => "same");
    expect(colliding.get([cellValues([[1]])], "", () => "a")).toBe("a");
    expect(colliding.get([cellValues([[2]])], "", () => "b")).toBe("b");
    expect(colliding.get([cellValues([[2]])], "", () => "b again")).toBe("b");
  });
});

describe("regionalReferences", () => {
  beforeEach(() => clearRegionalCaches());

  it("gives Q1 = 57.5 for ИСБ {80, 50, 70, 60} and reuses it for an equal range", () => {
    expect(regionalReferences([[80], [50], [70], [60]], null, null, 0.25, 0.9).swiQ1).toBe(57.5);
    expect(regionalReferences([[80], [50], [70], [60]], null, null, 0.25, 0.9).swiQ1).toBe(57.5);
    expect(regionalCacheStats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it("recomputes when one cell changes", () => {
    regionalReferences([[80], [50], [70], [60]], null, null, 0.25, 0.9);
    expect(regionalReferences([[80], [50], [70], [61]], null, null, 0.25, 0.9).swiQ1).toBe(58.25);
    expect(regionalCacheStats().misses).toBe(2);
  });
});
