/**
 * The production bundle, not the source: `npm run build` (once, or dist/ reused when fresh),
 * then dist/functions.js runs in a sandbox with a stub `CustomFunctions`, as in Excel.
 */
import * as fs from "fs";
import * as path from "path";
import { fitLine, groupOf } from "../../src/engine/regression";
import { schoolTypes, swiReferences } from "../../src/engine/schoolTypes";
import { swi } from "../../src/engine/swi";
import { KBR_PARAMETERS as P } from "../../src/engine/methodology";
import type { FunctionsMetadata } from "../../scripts/build-functions-ru";
import { BUILD_TIMEOUT_MS, ensureBuilt } from "./buildOnce";
import { compareBundleWithExpected, type ExpectedSchool, type FunctionsBundle, loadFunctionsBundle, type RegionSchool } from "./bundleHarness";
import { StubExcelError } from "./customFunctionsStub";

let dist: string;
let bundle: FunctionsBundle;
let metadata: FunctionsMetadata;

beforeAll(async () => {
  dist = await ensureBuilt();
  bundle = loadFunctionsBundle(dist);
  metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as FunctionsMetadata;
}, BUILD_TIMEOUT_MS);

// A small region: percent points, some optional data missing, one school without Дн.
const REGION: readonly RegionSchool[] = [
  { id: "01", parentsHigherEd: 40, singleParent: 10, registered: 5, locality: "город", enrollment: 900, hardToReach: false, nearestSchoolKm: 2, nonNativeShare: 1, result: 0.7 },
  { id: "02", parentsHigherEd: 10, singleParent: 30, registered: 10, locality: "село", enrollment: 87, hardToReach: true, nearestSchoolKm: null, nonNativeShare: 12, result: 0.35 },
  { id: "03", parentsHigherEd: 2, singleParent: 60, registered: 40, locality: "село", enrollment: 140, hardToReach: null, nearestSchoolKm: 41, nonNativeShare: null, result: 0.5 },
  { id: "04", parentsHigherEd: 25, singleParent: 20, registered: 3, locality: "город", enrollment: 640, hardToReach: false, nearestSchoolKm: null, nonNativeShare: 0, result: 0.62 },
  { id: "05", parentsHigherEd: 15, singleParent: 25, registered: 8, locality: "город", enrollment: 310, hardToReach: null, nearestSchoolKm: null, nonNativeShare: 3, result: 0.41 },
  { id: "06", parentsHigherEd: 5, singleParent: 35, registered: 12, locality: "село", enrollment: 55, hardToReach: false, nearestSchoolKm: 12, nonNativeShare: 30, result: null },
  { id: "07", parentsHigherEd: 30, singleParent: null, registered: 4, locality: "село", enrollment: 200, hardToReach: false, nearestSchoolKm: 5, nonNativeShare: 2, result: 0.55 },
];

/** What the engine says of the region, computed here straight from the engine's rules. */
function engineExpectations(region: readonly RegionSchool[]): ExpectedSchool[] {
  const swis = region.map((s) => swi(s.parentsHigherEd, s.singleParent, s.registered, P.swiBase));
  const refs = swiReferences(swis, region.map((s) => s.registered), region.map((s) => s.nonNativeShare), P.swiQuantile, P.deviantPercentile);
  const pairs = region.map((s, i) => ({ x: swis[i] ?? null, y: s.result })).filter((p) => p.x !== null && p.y !== null);
  const fit = fitLine(pairs.map((p) => p.x as number), pairs.map((p) => p.y as number));
  if (!fit.ok) throw new Error(fit.reason);
  return region.map((s, i) => {
    const x = swis[i] ?? null;
    const types = schoolTypes({ ...s, swi: x }, refs, { smallSchoolEnrollment: P.smallSchoolEnrollment, remoteKm: P.remoteKm }).types;
    const group = x === null || s.result === null ? null : groupOf(s.result - (fit.value.intercept + fit.value.slope * x), fit.value.sigma, P.groupK);
    return { id: s.id, swi: x, types, group };
  });
}

describe("dist/functions.js", () => {
  it("associates every id of dist/functions.json and nothing else", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toEqual(["BMIN", "HIGHINDEX", "LEVEL", "LOWINDEX", "MASSINDEX", "SCHOOLTYPE", "SWI", "SWIGROUP", "WILSON"]);
    expect([...bundle.associations.keys()].sort()).toEqual(ids);
  });

  it("ships functions-ru.json with the same ids and parameters", () => {
    const ru = JSON.parse(fs.readFileSync(path.join(dist, "functions-ru.json"), "utf8")) as FunctionsMetadata;
    expect(ru.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    ru.functions.forEach((f, i) => expect(f.parameters?.length).toBe(metadata.functions[i]?.parameters?.length));
    expect(ru.functions.find((f) => f.id === "SWI")?.name).toBe("ИСБ");
  });

  it("gives the engine's ИСБ, types and groups for every school of a small region", () => {
    const expected = engineExpectations(REGION);
    expect(expected.some((e) => e.types.length > 0)).toBe(true);
    expect(expected.some((e) => e.group === "notCoping" || e.group === "effective")).toBe(true);
    expect(compareBundleWithExpected(bundle, REGION, expected)).toEqual([]);
  });

  it("reports a school whose expected result differs", () => {
    const wrong = engineExpectations(REGION).map((e) => (e.id === "06" ? { ...e, swi: 42, types: [] } : e));
    expect(compareBundleWithExpected(bundle, REGION, wrong)).toEqual([
      "06: SWI 43 ≠ 42",
      "06: SCHOOLTYPE T1; T3; T6 ≠ ",
    ]);
  });

  it("gives the worked examples' indices", () => {
    const scores = [[7, null], [8, "неявка"], [11, 12], [15, 20]];
    expect(bundle.call("BMIN", 7, 20, null)).toBe(8);
    expect(bundle.call("LOWINDEX", scores, 7, 20, null)).toBeCloseTo(1 / 6, 12);
    expect(bundle.call("MASSINDEX", scores, 7, 20, 15, null)).toBeCloseTo(3 / 6, 12);
    expect(bundle.call("HIGHINDEX", scores, 15)).toBeCloseTo(2 / 6, 12);
    expect(bundle.call("LEVEL", 13, 20)).toBe("повышенный");
    expect(bundle.call("SWI", 0.1, 0.3, 0.1, null)).toBeCloseTo(55, 10);
  });

  it("gives the Wilson interval as a 1×2 array (10 of 20 at 95 % → [0.2993; 0.7007])", () => {
    const out = bundle.call("WILSON", 0.5, 20, null) as number[][];
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(2);
    expect(out[0]?.[0]).toBeCloseTo(0.2993, 4);
    expect(out[0]?.[1]).toBeCloseTo(0.7007, 4);
    // 99 %: z = 2.5758, z²/n = 0.33175; half = 2.5758 / 1.33175 · √(0.0125 + 0.004147) = 0.24955 around 0.5.
    const wide = bundle.call("WILSON", 0.5, 20, 0.99) as number[][];
    expect(wide[0]?.[0]).toBeCloseTo(0.2504, 4);
    expect(() => bundle.call("WILSON", 1.5, 20, null)).toThrow(StubExcelError);
    expect(() => bundle.call("WILSON", 0.5, 0, null)).toThrow(StubExcelError);
  });

  it("throws CustomFunctions.Error with a Russian message, never a bare exception", () => {
    expect(() => bundle.call("SWI", "abc", 1, 2, null)).toThrow(StubExcelError);
    try {
      bundle.call("SCHOOLTYPE", 50, [[50], [60]], "посёлок", 10, null, null, null, null, null, null);
    } catch (e) {
      expect(e).toBeInstanceOf(StubExcelError);
      expect((e as StubExcelError).code).toBe("#VALUE!");
      expect((e as StubExcelError).message).toBe("местность: «посёлок» — ожидалось «город» или «село»");
    }
    expect.assertions(4);
  });
});
