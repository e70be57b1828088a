/**
 * The user's methodology: a preset and the parameters changed on top of it. Saved with the
 * workbook (Office document settings) or in the browser (standalone), as JSON, so that a re-run
 * uses exactly the same parameters. `resolveMethodology` is the one judge of a value.
 */
import { PARAMETER_LABELS, PRESET_IDS, PRESETS, resolveMethodology, type Methodology, type MethodologyParameters, type PresetId } from "../engine";

export interface MethodologyChoice {
  readonly preset: PresetId;
  readonly overrides: Readonly<Record<string, unknown>>;
}

export const DEFAULT_CHOICE: MethodologyChoice = { preset: "kbr", overrides: {} };

export type ParameterKey = keyof MethodologyParameters;
export const PARAMETER_KEYS = Object.keys(PARAMETER_LABELS) as ParameterKey[];

/** Where a saved choice lives: text in, text out. */
export interface ChoiceStore {
  load(): Promise<string | null>;
  save(text: string): Promise<void>;
}

export function serializeChoice(choice: MethodologyChoice): string {
  return JSON.stringify({ version: 1, preset: choice.preset, overrides: choice.overrides });
}

/** A saved choice, or null when the text is not one (an unknown preset, bad JSON). */
export function parseChoice(text: string | null): MethodologyChoice | null {
  if (text === null || text === "") return null;
  try {
    const v = JSON.parse(text) as { preset?: unknown; overrides?: unknown };
    if (typeof v !== "object" || v === null || !(PRESET_IDS as readonly unknown[]).includes(v.preset)) return null;
    const overrides = typeof v.overrides === "object" && v.overrides !== null && !Array.isArray(v.overrides) ? (v.overrides as Record<string, unknown>) : {};
    return { preset: v.preset as PresetId, overrides };
  } catch {
    // Not our JSON (someone edited the setting by hand): start from the default preset.
    return null;
  }
}

export type Resolved = { readonly ok: true; readonly methodology: Methodology } | { readonly ok: false; readonly errors: ReadonlyMap<string, string> };

/** The methodology of a choice, or the Russian errors of its parameters keyed by parameter. */
export function resolveChoice(choice: MethodologyChoice): Resolved {
  const r = resolveMethodology(choice.preset, choice.overrides);
  if (r.ok) return { ok: true, methodology: r.value };
  const errors = new Map<string, string>();
  for (const message of r.errors) {
    const key = /«([^»]+)»/.exec(message)?.[1] ?? "";
    errors.set(key, errors.has(key) ? `${errors.get(key) ?? ""}; ${message}` : message);
  }
  return { ok: false, errors };
}

export type ParameterKind = "number" | "boolean" | "choice" | "json";

/** Allowed values of the text-valued parameters. */
export const PARAMETER_CHOICES: Readonly<Partial<Record<ParameterKey, readonly string[]>>> = {
  procedureUnit: ["procedure", "procedureGrade"],
  groupResult: ["massIndex", "highIndex", "lowIndexInverted"],
};

export function parameterKind(key: ParameterKey): ParameterKind {
  const v = (PRESETS.kbr.parameters as unknown as Record<string, unknown>)[key];
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "string") return "choice";
  return "json";
}

/** A parameter's value as the user edits it: "0,05", "[0.25, 0.5]"… */
export function valueText(kind: ParameterKind, value: unknown): string {
  if (kind === "number") return String(value).replace(".", ",");
  if (kind === "json") return JSON.stringify(value);
  return String(value);
}

/** The user's text as a value; `undefined` with a message when it cannot be one. */
export function textValue(kind: ParameterKind, text: string): { value: unknown } | { error: string } {
  if (kind === "number") {
    const t = text.trim().replace(/\s/g, "").replace(",", ".");
    const n = t === "" ? Number.NaN : Number(t);
    return Number.isFinite(n) ? { value: n } : { error: `«${text}» — ожидалось число` };
  }
  if (kind === "json") {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { error: `«${text}» — ожидалось значение в формате JSON` };
    }
  }
  if (kind === "boolean") return { value: text === "true" };
  return { value: text };
}

/** The choice after the user set a parameter; a value equal to the preset's removes the override. */
export function withParameter(choice: MethodologyChoice, key: ParameterKey, value: unknown): MethodologyChoice {
  const base = (PRESETS[choice.preset].parameters as unknown as Record<string, unknown>)[key];
  const overrides: Record<string, unknown> = { ...choice.overrides };
  if (JSON.stringify(base) === JSON.stringify(value)) delete overrides[key];
  else overrides[key] = value;
  return { preset: choice.preset, overrides };
}

/** The value a parameter has under a choice (its override, else the preset's). */
export function parameterValue(choice: MethodologyChoice, key: ParameterKey): unknown {
  return key in choice.overrides ? choice.overrides[key] : (PRESETS[choice.preset].parameters as unknown as Record<string, unknown>)[key];
}
