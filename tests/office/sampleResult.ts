/**
 * A real analysis (identification, dynamics, monitoring) of the smallest valid fixture, through the public engine and schema, for
 * tests that need result sheets (independent of hand-made result objects whose shape may grow).
 */
import * as fs from "fs";
import * as path from "path";
import { analyse, type AnalysisResult } from "../../src/engine/analyse";
import { PRESETS } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import { readXlsx } from "../../src/workbook/xlsxReader";

export const FIXTURES = path.resolve(__dirname, "..", "fixtures");

/** The analysis of tests/fixtures/ok.minimal.xlsx, its first school renamed to a formula-like name. */
export async function sampleResult(firstName = '=HYPERLINK("http://example.com","СОШ № 1")'): Promise<AnalysisResult> {
  const raw = await readXlsx(fs.readFileSync(path.join(FIXTURES, "ok.minimal.xlsx")));
  const parsed = parseWorkbook(raw);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.issues.map((i) => i.message).join("; ")}`);
  const schools = parsed.input.schools.map((s, i) => (i === 0 ? { ...s, name: firstName } : s));
  return analyse({ ...parsed.input, schools }, PRESETS.kbr);
}
