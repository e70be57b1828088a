/**
 * Builds functions-ru.json: the custom functions' metadata (functions.json, made from the JSDoc
 * by custom-functions-metadata-plugin) with the Russian names and descriptions of
 * src/functions/ru.json, matched by function id and parameter name. Excel does not translate
 * custom functions itself; the manifest points ru-ru users at this file (OFFICE.md).
 *
 * A function or parameter without a Russian entry, or an entry for something that no longer
 * exists, fails the build: a half-translated file would ship silently otherwise.
 */
"use strict";

const fs = require("fs");
const path = require("path");

/**
 * @param {{ functions: Array<{ id: string, name: string, description?: string, parameters?: Array<{ name: string, description?: string }> }> }} metadata
 * @param {Record<string, { name: string, description: string, parameters?: Record<string, { name: string, description: string }> }>} ru
 */
function buildRussianMetadata(metadata, ru) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(ru)) if (!ids.has(id)) problems.push(`ru.json: «${id}» — нет такой функции`);
  const functions = metadata.functions.map((f) => {
    const t = ru[f.id];
    if (!t) {
      problems.push(`ru.json: нет перевода функции ${f.id}`);
      return f;
    }
    const tParams = t.parameters || {};
    const own = new Set((f.parameters || []).map((p) => p.name));
    for (const name of Object.keys(tParams))
      if (!own.has(name)) problems.push(`ru.json: ${f.id}.${name} — нет такого параметра`);
    const parameters = (f.parameters || []).map((p) => {
      const tp = tParams[p.name];
      if (!tp) {
        problems.push(`ru.json: нет перевода параметра ${f.id}.${p.name}`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    return { ...f, name: t.name, description: t.description, ...(f.parameters ? { parameters } : {}) };
  });
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return { ...metadata, functions };
}

/** Webpack plugin: after CustomFunctionsMetadataPlugin emits `source`, emit `output` beside it. */
class RussianFunctionsMetadataPlugin {
  /** @param {{ source?: string, output?: string, translations: string }} options */
  constructor(options) {
    this.source = options.source || "functions.json";
    this.output = options.output || "functions-ru.json";
    this.translations = path.resolve(options.translations);
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RussianFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RussianFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(this.translations);
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${this.source} не создан — ${this.output} не из чего строить`));
            return;
          }
          try {
            const metadata = JSON.parse(asset.source.source().toString());
            const ru = JSON.parse(fs.readFileSync(this.translations, "utf8"));
            const json = JSON.stringify(buildRussianMetadata(metadata, ru), null, 2);
            compilation.emitAsset(this.output, new sources.RawSource(json));
          } catch (e) {
            compilation.errors.push(new WebpackError(`${this.output}: ${e instanceof Error ? e.message : String(e)}`));
          }
        },
      );
    });
  }
}

module.exports = { buildRussianMetadata, RussianFunctionsMetadataPlugin };
