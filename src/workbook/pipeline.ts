/**
 * The step every shell (command line, demo, task pane) takes between parsing and writing, so
 * that they give identical results: analyse the parsed input, put the parser's issues before the
 * engine's, and count the input rows for the «Параметры» sheet.
 */
import { analyse, type AnalysisResult, type IdentificationInput, type Issue, type Methodology } from "../engine";

export interface Analysed {
  readonly result: AnalysisResult;
  /** Rows read per input sheet, by the sheet's Russian name. */
  readonly inputRows: Readonly<Record<string, number>>;
}

/**
 * @example
 * const { result, inputRows } = analyseParsed(parsed.input, parsed.issues, PRESETS.kbr);
 */
export function analyseParsed(input: IdentificationInput, parseIssues: readonly Issue[], methodology: Methodology): Analysed {
  const computed = analyse(input, methodology);
  return {
    result: { ...computed, issues: [...parseIssues, ...computed.issues] },
    inputRows: {
      Школы: input.schools.length,
      Результаты: input.results.length,
      Баллы: input.scores.length,
      Шкалы: input.scales.length,
    },
  };
}
