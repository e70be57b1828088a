/**
 * The engine and the schema are pure layers (STYLE.md "Layers, dependencies pointing one way"):
 * no Office, React, Fluent, workbook libraries or Node built-ins, nothing from the outer layers
 * (workbook, task pane, custom functions, CLI), and in the engine no clock and no randomness.
 * The files are parsed with the TypeScript compiler, so comments and strings never count.
 */
import { builtinModules } from "module";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");

/** Layers that must stay pure, and the layers each must not reach. */
const PURE_LAYERS: Readonly<Record<string, readonly string[]>> = {
  engine: ["schema", "workbook", "taskpane", "functions", "cli", "commands"],
  schema: ["workbook", "taskpane", "functions", "cli", "commands"],
  // The import of real exports runs in Node and in the browser: the shells read the files.
  import: ["workbook", "taskpane", "functions", "cli", "commands"],
};

/** Packages no pure layer may import (exact name, or a scope / prefix ending in "/"). */
const FORBIDDEN_PACKAGES: readonly string[] = [
  "office-js",
  "@microsoft/office-js",
  "@types/office-js",
  "office-addin-mock",
  "react",
  "react-dom",
  "@fluentui/",
  "exceljs",
  "xlsx",
  "@e965/xlsx",
  "commander",
];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Globals of the Office runtime: code that touches them belongs in src/workbook or a shell. */
const OFFICE_GLOBALS = new Set(["Office", "Excel", "CustomFunctions", "OfficeRuntime"]);

interface Violation {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

/** Import, export-from, require() and import() specifiers of a file that break its layer's rules. */
export function importViolations(file: string, text: string, layer: string): Violation[] {
  const out: Violation[] = [];
  const lineOf = (pos: number) => text.slice(0, pos).split("\n").length;
  const info = ts.preProcessFile(text, true, true);
  for (const ref of info.importedFiles) {
    const spec = ref.fileName;
    const at = { file: path.relative(ROOT, file), line: lineOf(ref.pos) };
    if (spec.startsWith(".") || spec.startsWith("/")) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), spec));
      const top = target.split(path.sep)[0] as string;
      if (target.startsWith("..")) out.push({ ...at, what: `imports "${spec}" from outside src/` });
      else if ((PURE_LAYERS[layer] ?? []).includes(top)) out.push({ ...at, what: `imports "${spec}" from src/${top}` });
      continue;
    }
    const name = packageName(spec);
    if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(name)) out.push({ ...at, what: `imports the Node built-in "${spec}"` });
    else if (FORBIDDEN_PACKAGES.some((f) => (f.endsWith("/") ? spec.startsWith(f) : name === f)))
      out.push({ ...at, what: `imports "${spec}"` });
  }
  return out;
}

/**
 * Uses of the Office globals (any pure layer) and of the clock or randomness (`clockFree`):
 * `Date.now`, `new Date()`, `Date()`, `performance.now`, `Math.random`, `crypto.*`.
 */
export function codeViolations(file: string, text: string, clockFree: boolean): Violation[] {
  const out: Violation[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const at = (node: ts.Node) => ({ file: path.relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const object = node.expression.text;
      const member = node.name.text;
      if (OFFICE_GLOBALS.has(object)) out.push({ ...at(node), what: `uses the Office global ${object}.${member}` });
      if (clockFree) {
        if (object === "Date" && member === "now") out.push({ ...at(node), what: "reads the clock (Date.now)" });
        if (object === "performance" && member === "now") out.push({ ...at(node), what: "reads the clock (performance.now)" });
        if (object === "Math" && member === "random") out.push({ ...at(node), what: "draws random numbers (Math.random)" });
        if (object === "crypto") out.push({ ...at(node), what: `draws random numbers (crypto.${member})` });
      }
    }
    if (clockFree && ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Date" && (node.arguments?.length ?? 0) === 0)
      out.push({ ...at(node), what: "reads the clock (new Date())" });
    if (clockFree && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "Date")
      out.push({ ...at(node), what: "reads the clock (Date())" });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

const show = (vs: readonly Violation[]) => vs.map((v) => `${v.file}:${v.line} ${v.what}`);

describe("layering", () => {
  describe.each(Object.keys(PURE_LAYERS))("src/%s", (layer) => {
    const files = sourceFiles(path.join(SRC, layer));

    it("has source files to check", () => {
      expect(files.length).toBeGreaterThan(0);
    });

    it("imports nothing from Office, React, Fluent, workbook libraries, Node built-ins or outer layers", () => {
      const found = files.flatMap((f) => importViolations(f, fs.readFileSync(f, "utf8"), layer));
      expect(show(found)).toEqual([]);
    });

    it(layer === "engine" ? "touches no Office global, clock or randomness" : "touches no Office global", () => {
      const found = files.flatMap((f) => codeViolations(f, fs.readFileSync(f, "utf8"), layer === "engine"));
      expect(show(found)).toEqual([]);
    });
  });
});

describe("the layering checks themselves", () => {
  const engineFile = path.join(SRC, "engine", "example.ts");
  const schemaFile = path.join(SRC, "schema", "example.ts");

  it.each([
    ["node:fs", `import { readFileSync } from "node:fs";`],
    ["fs", `import * as fs from "fs";`],
    ["path via require", `const path = require("path");`],
    ["child_process via import()", `const cp = await import("child_process");`],
    ["react", `import { useState } from "react";`],
    ["react/jsx-runtime", `import { jsx } from "react/jsx-runtime";`],
    ["@fluentui", `import { Button } from "@fluentui/react-components";`],
    ["exceljs", `import ExcelJS from "exceljs";`],
    ["xlsx", `export { utils } from "xlsx";`],
    ["office-js types", `import type {} from "@microsoft/office-js";`],
    ["src/workbook", `import { write } from "../workbook/resultSheets";`],
    ["src/taskpane", `import { App } from "../taskpane/App";`],
    ["src/functions", `import "../functions/register";`],
    ["src/cli", `import { main } from "../cli/main";`],
    ["src/schema (engine only)", `import type { RawRow } from "../schema/raw";`],
  ])("flags an engine file importing %s", (_name, code) => {
    expect(importViolations(engineFile, code, "engine")).toHaveLength(1);
  });

  it.each([
    ["Date.now", `const t = Date.now();`],
    ["new Date()", `const d = new Date();`],
    ["Date()", `const s = Date();`],
    ["Math.random", `const r = Math.random();`],
    ["performance.now", `const t = performance.now();`],
    ["crypto", `const id = crypto.randomUUID();`],
    ["Office", `Office.onReady(() => {});`],
    ["Excel", `Excel.run(async () => {});`],
  ])("flags engine code using %s", (_name, code) => {
    expect(codeViolations(engineFile, code, true)).toHaveLength(1);
  });

  it.each([
    ["a sibling module", `import { swi } from "./swi";`],
    ["the engine from the schema", `import type { School } from "../engine/types";`],
    ["words in comments and strings", `// uses Date.now and Math.random, import "node:fs"\nconst s = "Office.run(new Date())";`],
    ["a fixed date", `const d = new Date(2024, 0, 1);`],
    ["a local named like a module", `const reactTo = 1; const pathLength = 2;`],
  ])("lets pass %s", (_name, code) => {
    expect([...importViolations(schemaFile, code, "schema"), ...codeViolations(schemaFile, code, true)]).toEqual([]);
  });
});
