import * as fs from "fs";
import * as path from "path";
import { buildRussianMetadata, type FunctionsMetadata, type RussianMap } from "../../scripts/build-functions-ru";
import ru from "../../src/functions/ru.json";

const RU = ru as RussianMap;
const IDS = ["SWI", "LOWINDEX", "MASSINDEX", "HIGHINDEX", "BMIN", "LEVEL", "SCHOOLTYPE", "SWIGROUP", "WILSON"];

/** The parameter names of each function, read from its signature in functions.ts. */
function sourceParameters(): Map<string, string[]> {
  const src = fs.readFileSync(path.join(__dirname, "../../src/functions/functions.ts"), "utf8");
  const out = new Map<string, string[]>();
  for (const m of src.matchAll(/@customfunction (\w+) \w+[\s\S]*?export function \w+\(([^)]*)\)/g)) {
    const params = (m[2] ?? "").split(",").map((p) => p.trim().split(/[?:]/)[0] as string).filter((p) => p !== "");
    out.set(m[1] as string, params);
  }
  return out;
}

// Excel's own names that look like ours (Russian and English), to catch a clash.
const BUILT_IN = new Set(["ТИП", "ИНДЕКС", "УРОВЕНЬ.ДОВЕРИЯ", "ГРУППИРОВАТЬ", "INDEX", "TYPE", "LEVEL.CONFIDENCE", "MIN", "BIN", "SWITCH"]);

/** Excel's rules for a function name (OFFICE.md). */
function nameProblems(name: string): string[] {
  const p: string[] = [];
  if (name.length < 3) p.push("shorter than 3 characters");
  if (!/^\p{L}[\p{L}\p{N}._]*$/u.test(name)) p.push("not letters, digits, . and _ starting with a letter");
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name)) p.push("looks like a cell address");
  if (BUILT_IN.has(name.toUpperCase())) p.push("is a built-in function");
  return p;
}

describe("Russian names of the functions", () => {
  const params = sourceParameters();

  it("finds every function in the source", () => {
    expect([...params.keys()]).toEqual(IDS);
  });

  it.each(IDS)("has a Russian entry for %s with every parameter", (id) => {
    const entry = RU[id];
    expect(entry).toBeDefined();
    expect(Object.keys(entry?.parameters ?? {})).toEqual(params.get(id));
    for (const p of Object.values(entry?.parameters ?? {})) {
      expect(p.name).toMatch(/^[\p{L}_][\p{L}\p{N}_]*$/u);
      expect(p.description.length).toBeGreaterThan(3);
    }
  });

  it("uses the agreed Russian names", () => {
    expect(IDS.map((id) => RU[id]?.name)).toEqual([
      "ИСБ",
      "ИНДЕКСНИЗКИХ",
      "ИНДЕКСМАССОВЫХ",
      "ИНДЕКСВЫСОКИХ",
      "ГРАНИЦАНИЗКИХ",
      "УРОВЕНЬ",
      "ТИПШКОЛЫ",
      "ГРУППАИСБ",
      "ДОВИНТЕРВАЛ",
    ]);
  });

  it.each(IDS.flatMap((id) => [[id, id], [id, RU[id]?.name ?? ""]]))("%s: name %s obeys Excel's naming rules", (_id, name) => {
    expect(nameProblems(name)).toEqual([]);
  });

  it("catches names Excel would refuse", () => {
    expect(nameProblems("ИС")).toContain("shorter than 3 characters");
    expect(nameProblems("AB12")).toContain("looks like a cell address");
    expect(nameProblems("R1C1")).toContain("looks like a cell address");
    expect(nameProblems("1ИСБ")).toHaveLength(1);
    expect(nameProblems("ИНДЕКС")).toContain("is a built-in function");
  });

  it("keeps the Russian names unique", () => {
    const names = IDS.map((id) => RU[id]?.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("buildRussianMetadata", () => {
  const metadata: FunctionsMetadata = {
    functions: [
      { id: "SWI", name: "SWI", description: "en", parameters: [{ name: "parentsHigherEd", description: "en", type: "any" }] },
    ],
  };
  const one: RussianMap = { SWI: { name: "ИСБ", description: "ру", parameters: { parentsHigherEd: { name: "Дв", description: "Дв, %" } } } };

  it("replaces names and descriptions and keeps ids and types", () => {
    expect(buildRussianMetadata(metadata, one)).toEqual({
      functions: [{ id: "SWI", name: "ИСБ", description: "ру", parameters: [{ name: "Дв", description: "Дв, %", type: "any" }] }],
    });
  });

  it("fails on a missing function, a missing parameter and a stale entry", () => {
    expect(() => buildRussianMetadata(metadata, {})).toThrow("нет перевода функции SWI");
    expect(() => buildRussianMetadata(metadata, { SWI: { name: "ИСБ", description: "ру" } })).toThrow(
      "нет перевода параметра SWI.parentsHigherEd",
    );
    expect(() => buildRussianMetadata(metadata, { ...one, OLD: { name: "СТАРАЯ", description: "" } })).toThrow("«OLD» — нет такой функции");
  });
});
