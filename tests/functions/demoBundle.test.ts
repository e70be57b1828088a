/**
 * The built functions bundle against the `shnor` command on the whole demo region: for every
 * school, SWI, SCHOOLTYPE and SWIGROUP called through `CustomFunctions.associate` give the same
 * ИСБ, types and group as the JSON the command line writes (DESIGN.md: one engine behind all).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseWorkbook } from "../../src/schema";
import { readXlsxFile } from "../../src/workbook/xlsxFile";
import type { IdentificationResult } from "../../src/engine";
import { ensureBuilt, BUILD_TIMEOUT_MS } from "./buildOnce";
import { compareBundleWithExpected, loadFunctionsBundle, type RegionSchool } from "./bundleHarness";

const ROOT = path.resolve(__dirname, "../..");
const DEMO = path.join(ROOT, "assets/demo/demo-region.xlsx");

describe("functions bundle on the demo region", () => {
  it("gives every demo school the ИСБ, types and group of the shnor JSON", async () => {
    const dist = await ensureBuilt();
    const bundle = loadFunctionsBundle(dist);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-demo-bundle-"));
    const json = path.join(dir, "result.json");
    execFileSync(process.execPath, [path.join(ROOT, "bin/shnor.js"), "identify", DEMO, "-o", path.join(dir, "result.xlsx"), "--json", json], { stdio: "pipe" });
    const result = JSON.parse(fs.readFileSync(json, "utf8")) as IdentificationResult;

    const parsed = parseWorkbook(await readXlsxFile(DEMO));
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
    const resultById = new Map(result.schools.map((s) => [s.id, s]));
    const region: RegionSchool[] = parsed.input.schools.map((s) => ({
      id: s.id,
      parentsHigherEd: s.parentsHigherEd,
      singleParent: s.singleParent,
      registered: s.registered,
      locality: s.locality,
      enrollment: s.enrollment,
      hardToReach: s.hardToReach,
      nearestSchoolKm: s.nearestSchoolKm,
      nonNativeShare: s.nonNativeShare,
      // SWIGROUP regresses the same result over the schools that have both it and an ИСБ.
      result: resultById.get(s.id)?.groupResult ?? null,
    }));
    const expected = result.schools.map((s) => ({ id: s.id, swi: s.swi, types: s.types, group: s.group }));

    expect(result.schools).toHaveLength(600);
    expect(result.schools.filter((s) => s.types.length > 0).length).toBeGreaterThan(100);
    expect(compareBundleWithExpected(bundle, region, expected)).toEqual([]);
  }, BUILD_TIMEOUT_MS);
});
