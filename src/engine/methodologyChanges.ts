/**
 * Which parameters of a methodology differ from its preset's own values: the audit trail
 * (SPEC.md §9) names them on «Параметры», and the task pane lists them in its summary.
 */
import { PRESETS, type PresetId } from "./methodology";

/**
 * Keys whose value differs from the preset's (compared as JSON), in the parameters' order.
 *
 * @example
 * changedParameterKeys({ preset: "kbr", parameters: { ...PRESETS.kbr.parameters, minParticipants: 5 } }) // ["minParticipants"]
 */
export function changedParameterKeys(methodology: { readonly preset: string; readonly parameters: Readonly<Record<string, unknown>> }): string[] {
  const base = (PRESETS as Readonly<Record<string, { parameters: unknown } | undefined>>)[methodology.preset as PresetId]?.parameters as Readonly<Record<string, unknown>> | undefined;
  if (base === undefined) return [];
  return Object.keys(methodology.parameters).filter((key) => JSON.stringify(base[key]) !== JSON.stringify(methodology.parameters[key]));
}
