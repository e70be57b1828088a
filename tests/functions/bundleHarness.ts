/**
 * Loads the production functions bundle (dist/functions.js) the way Excel does — as a script
 * that calls `CustomFunctions.associate(id, fn)` — in a node `vm` sandbox, and compares what the
 * associated functions return with the engine's numbers.
 *
 * `compareBundleWithExpected` is the hook for the whole demo region: give it the region's school
 * rows and the `schools` of the `shnor` JSON result, and it lists every school where a formula
 * would disagree with the CLI.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import type { Group, Locality, SchoolTypeCode } from "../../src/engine/types";
import { type Associations, makeCustomFunctionsStub } from "./customFunctionsStub";

export interface FunctionsBundle {
  readonly associations: Associations;
  /** Calls an associated function as Excel would, by id. */
  call(id: string, ...args: unknown[]): unknown;
}

export function loadFunctionsBundle(dist: string): FunctionsBundle {
  const code = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
  const associations: Associations = new Map();
  const sandbox: Record<string, unknown> = {
    CustomFunctions: makeCustomFunctionsStub(associations),
    Office: { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), actions: { associate: () => undefined } },
    console,
  };
  sandbox["window"] = sandbox;
  sandbox["self"] = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { filename: "dist/functions.js" });
  return {
    associations,
    call(id, ...args) {
      const fn = associations.get(id);
      if (!fn) throw new Error(`${id} is not associated by dist/functions.js`);
      return fn(...args);
    },
  };
}

/** One school as the `Школы` sheet holds it (percent points), plus its result for SWIGROUP. */
export interface RegionSchool {
  readonly id: string;
  readonly parentsHigherEd: number | null;
  readonly singleParent: number | null;
  readonly registered: number | null;
  readonly locality: Locality | null;
  readonly enrollment: number | null;
  readonly hardToReach: boolean | null;
  readonly nearestSchoolKm: number | null;
  readonly nonNativeShare: number | null;
  /** The result regressed on ИСБ (e.g. the latest mass index); `null` when the school has none. */
  readonly result: number | null;
}

/** What the CLI's JSON says of a school (DESIGN.md: `schools[]`). */
export interface ExpectedSchool {
  readonly id: string;
  readonly swi: number | null;
  readonly types: readonly SchoolTypeCode[];
  /** Checked only for schools with a `result`; `undefined` skips the check. */
  readonly group?: Group | null;
}

const GROUP_BY_NAME: Readonly<Record<string, Group>> = {
  эффективная: "effective",
  обычная: "ordinary",
  "не справляющаяся": "notCoping",
};

/** The type codes met, from SCHOOLTYPE's text with codes ("T1; T3 (не оценено: T5)"). */
export function typeCodesOf(text: string): SchoolTypeCode[] {
  const met = text.replace(/\s*\(не оценено:[^)]*\)\s*$/, "");
  return met === "Не относится" ? [] : (met.split("; ") as SchoolTypeCode[]);
}

/**
 * Calls SWI, SCHOOLTYPE and SWIGROUP through the bundle for every school of a region, the way
 * an analyst's sheet would (one row per school, whole columns as the region's ranges), and
 * returns a line per disagreement with `expected` (empty when all agree).
 *
 * The one remoteness argument gets «да» for a hard-to-reach school, else the distance, else
 * «нет»: the same T4 verdict as the engine's "hard-to-reach or ≥ 30 km".
 */
export function compareBundleWithExpected(
  bundle: FunctionsBundle,
  region: readonly RegionSchool[],
  expected: readonly ExpectedSchool[],
  tolerance = 1e-9,
): string[] {
  const problems: string[] = [];
  const swis = region.map((s) => {
    try {
      return bundle.call("SWI", s.parentsHigherEd, s.singleParent, s.registered, null) as number;
    } catch {
      return null;
    }
  });
  const col = (values: readonly (number | null)[]) => values.map((v) => [v]);
  const swiRange = col(swis);
  const duRange = col(region.map((s) => s.registered));
  const nnRange = col(region.map((s) => s.nonNativeShare));
  const resultRange = col(region.map((s) => s.result));
  const byId = new Map(expected.map((e) => [e.id, e]));
  region.forEach((school, i) => {
    const want = byId.get(school.id);
    if (!want) return void problems.push(`${school.id}: no expected result`);
    const got = swis[i] ?? null;
    if ((got === null) !== (want.swi === null) || (got !== null && Math.abs(got - (want.swi as number)) > tolerance))
      problems.push(`${school.id}: SWI ${got} ≠ ${want.swi}`);
    if (got === null) return;
    const remoteness = school.hardToReach === true ? "да" : (school.nearestSchoolKm ?? (school.hardToReach === false ? "нет" : null));
    const text = bundle.call(
      "SCHOOLTYPE",
      got,
      swiRange,
      school.locality,
      school.enrollment,
      remoteness,
      school.registered,
      duRange,
      school.nonNativeShare,
      nnRange,
      true,
    ) as string;
    const types = typeCodesOf(text);
    if (types.join(",") !== want.types.join(",")) problems.push(`${school.id}: SCHOOLTYPE ${text} ≠ ${want.types.join("; ")}`);
    if (want.group !== undefined && school.result !== null) {
      let group: Group | null;
      try {
        group = GROUP_BY_NAME[bundle.call("SWIGROUP", school.result, got, resultRange, swiRange, null) as string] ?? null;
      } catch {
        group = null;
      }
      if (group !== want.group) problems.push(`${school.id}: SWIGROUP ${group} ≠ ${want.group}`);
    }
  });
  return problems;
}
