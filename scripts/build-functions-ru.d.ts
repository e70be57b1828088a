/** Types of build-functions-ru.js, for the tests that call it. */
export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: FunctionParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
}
export type RussianMap = Record<
  string,
  { name: string; description: string; parameters?: Record<string, { name: string; description: string }> }
>;
export function buildRussianMetadata(metadata: FunctionsMetadata, ru: RussianMap): FunctionsMetadata;
export class RussianFunctionsMetadataPlugin {
  constructor(options: { source?: string; output?: string; translations: string });
  apply(compiler: unknown): void;
}
