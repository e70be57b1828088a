/**
 * The JSON result written piece by piece (src/cli/jsonStream.ts, writeResultJson) against the
 * one-string text it replaced, `JSON.stringify(resultJson(result), null, 2) + "\n"`: the same
 * text on the demo region's result, on a hand-made three-year region and on a result full of
 * hostile strings, non-finite numbers, empty lists and many issues; and writeJson against
 * JSON.stringify on a table of values of every kind, lazy lists at every depth included.
 */
import { generateDemoRegion } from "../../src/demo/region";
import { analyse, PRESETS, type AnalysisResult } from "../../src/engine";
import type { Issue } from "../../src/engine/types";
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";
import { analyseParsed } from "../../src/workbook/pipeline";
import { resultJson, resultJsonText, writeResultJson } from "../../src/cli/json";
import { LazyList, writeJson } from "../../src/cli/jsonStream";
import { threeYearRegion } from "../monitoring/region";

function streamed(result: AnalysisResult): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeResultJson(result, (t) => pieces.push(t));
  return { text: pieces.join(""), pieces: pieces.length };
}

/** What JSON.stringify would see: every lazy list made a plain array. */
function materialised(v: unknown): unknown {
  if (v instanceof LazyList) return v.items.map((x) => materialised(v.map(x)));
  if (Array.isArray(v)) return v.map(materialised);
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, materialised(x)]));
  }
  return v;
}

function written(v: unknown): string {
  let text = "";
  writeJson(v, (t) => (text += t));
  return text;
}

const HOSTILE = [
  'кавычки " и \\ обратная косая',
  "управляющие \u0000\u0001\u0008\t\n\r\u001b[31m\u001f\u007f",
  "разделители \u2028 и \u2029",
  "одиночные суррогаты \ud800 и \udc00, пара 🏫",
  "",
  " ",
  "</script>&<>'",
  "\ufeff\ufffe\uffff",
];

function hostileResult(base: AnalysisResult): AnalysisResult {
  const issues: Issue[] = [];
  for (let i = 0; i < 500; i++) {
    issues.push({ severity: i % 3 === 0 ? "error" : "warning", code: `code_${i % 7}`, sheet: HOSTILE[i % HOSTILE.length] as string, cell: i % 5 === 0 ? "" : `F${i}`, message: `${HOSTILE[(i + 3) % HOSTILE.length]} №${i}` } as Issue);
  }
  return {
    ...base,
    schools: base.schools.map((s, i) => ({
      ...s,
      name: HOSTILE[i % HOSTILE.length] as string,
      municipality: HOSTILE[(i + 1) % HOSTILE.length] as string,
      swi: i % 4 === 0 ? Number.NaN : i % 4 === 1 ? Number.POSITIVE_INFINITY : s.swi,
      reasons: i % 2 === 0 ? [] : [...s.reasons, HOSTILE[i % HOSTILE.length] as string],
      types: [],
      procedures: i % 3 === 0 ? [] : s.procedures,
    })),
    dynamics: { ...base.dynamics, procedures: [], schools: base.dynamics.schools.map((s, i) => ({ ...s, name: HOSTILE[i % HOSTILE.length] as string, years: i % 2 === 0 ? [] : s.years })) },
    levels: { ...base.levels, schools: [] },
    issues,
  };
}

describe("writeResultJson", () => {
  it("writes the demo region's result as JSON.stringify(resultJson(result), null, 2) + a line feed, in many pieces", () => {
    const region = generateDemoRegion();
    const parsed = parseWorkbook({ sheets: region.sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] })) });
    if (!parsed.ok) throw new Error("the demo region does not parse");
    const { result } = analyseParsed(parsed.input, parsed.issues, PRESETS.kbr);
    expect(result.schools.length).toBe(600);
    const { text, pieces } = streamed(result);
    expect(pieces).toBeGreaterThan(600);
    expect(text).toBe(JSON.stringify(resultJson(result), null, 2) + "\n");
    expect(text).toBe(resultJsonText(result));
  });

  it("writes the hand-made three-year region's result, and a result of hostile strings, non-finite numbers, empty lists and 500 issues, the same", () => {
    const result = analyse(threeYearRegion(), PRESETS.kbr);
    expect(streamed(result).text).toBe(resultJsonText(result));
    const hostile = hostileResult(result);
    const text = streamed(hostile).text;
    expect(text).toBe(JSON.stringify(resultJson(hostile), null, 2) + "\n");
    // The hostile strings are really there, escaped as JSON escapes them.
    expect(text).toContain('"одиночные суррогаты \\ud800 и \\udc00, пара 🏫"');
    expect(text).toContain('"swi": null');
    expect(text).toContain('"procedures": []');
  });
});

describe("writeJson", () => {
  const lazy = <T>(items: readonly T[], map: (x: T) => unknown = (x) => x): LazyList<T> => new LazyList(items, map);
  const cases: [string, unknown][] = [
    ["null", null],
    ["a number", 1.5],
    ["NaN", Number.NaN],
    ["a string of escapes", HOSTILE.join("|")],
    ["an empty object", {}],
    ["an empty array", []],
    ["an empty lazy list", lazy([])],
    ["an object whose values are all left out", { a: undefined, b: () => 1, c: Symbol("x") }],
    ["an object with left-out values among others", { a: undefined, b: 1, c: () => 1, d: [undefined, () => 1], e: null }],
    ["keys that look like numbers (they come first)", { b: 1, 2: "two", a: 3, 1: "one", "-1": 4 }],
    ["hostile keys", Object.fromEntries(HOSTILE.map((h, i) => [h, i]))],
    ["a lazy list of scalars, nulls and left-out values", lazy([1, "a", null, undefined, Number.POSITIVE_INFINITY, true])],
    ["a lazy list of objects and arrays", lazy([{ a: [1, { b: [] }], c: {} }, [], [[]], { d: "\u2028" }])],
    ["a mapped lazy list", lazy([1, 2, 3], (x) => ({ x, y: [x, x * 2], z: x === 2 ? undefined : "z" }))],
    ["a lazy list of lazy lists", lazy([lazy([1, lazy([])]), lazy([]), lazy([{ a: 1 }])])],
    [
      "lazy lists deep in objects",
      { a: { b: { c: lazy([{ d: 1 }, { e: [1, 2] }]) }, f: lazy(["x"]) }, g: [1, [2, [3]]], h: { i: {} }, j: lazy([], () => 1) },
    ],
    ["a Date (its toJSON)", { when: new Date(Date.UTC(2025, 5, 30)), list: lazy([new Date(0)]) }],
    ["an object with its own toJSON", { x: { toJSON: () => ({ made: [1, 2] }) } }],
    ["a class instance (not walked)", { x: new (class Point { constructor(readonly p = 1, readonly q = [2]) {} })() }],
  ];

  it.each(cases)("writes %s as JSON.stringify(…, null, 2) does", (_name, value) => {
    expect(written(value)).toBe(JSON.stringify(materialised(value), null, 2));
  });

  it("writes a value at any depth as it would be nested that deep, in objects or in lazy lists", () => {
    const value = { a: [1, { b: "c\n" }], d: {} };
    for (let depth = 0; depth < 6; depth++) {
      let inObjects: unknown = lazy([value, value]);
      let inLists: unknown = lazy([value]);
      for (let i = 0; i < depth; i++) {
        inObjects = { [`level${i}`]: inObjects, after: i };
        inLists = lazy([inLists, lazy([])]);
      }
      expect(written(inObjects)).toBe(JSON.stringify(materialised(inObjects), null, 2));
      expect(written(inLists)).toBe(JSON.stringify(materialised(inLists), null, 2));
    }
  });

  it("refuses a lazy list inside an element of a lazy list (stringified natively, it would be written wrong)", () => {
    expect(() => written(lazy([{ inner: lazy([1]) }]))).toThrow(/LazyList/);
    expect(() => JSON.stringify({ a: lazy([1]) })).toThrow(/LazyList/);
  });
});
