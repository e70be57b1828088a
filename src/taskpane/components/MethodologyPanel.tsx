/**
 * The methodology: a preset and every parameter of it, each a Fluent Field whose error message is
 * the one `resolveMethodology` gives. Text the user is typing is kept as typed until it is a value.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { PARAMETER_LABELS, PRESET_IDS, PRESETS, type PresetId } from "../../engine";
import type { Strings } from "../../i18n";
import {
  PARAMETER_CHOICES,
  PARAMETER_KEYS,
  parameterKind,
  parameterValue,
  resolveChoice,
  textValue,
  valueText,
  withParameter,
  type MethodologyChoice,
  type ParameterKey,
} from "../methodologyChoice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  changed: { borderLeftWidth: tokens.strokeWidthThick, borderLeftStyle: "solid", borderLeftColor: tokens.colorBrandStroke1, paddingLeft: tokens.spacingHorizontalS },
});

export function MethodologyPanel(props: {
  choice: MethodologyChoice;
  onChange: (choice: MethodologyChoice) => void;
  strings: Strings;
  disabled?: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const { choice, onChange, strings } = props;
  // Text as typed, for fields whose text is not (yet) a value.
  const [drafts, setDrafts] = React.useState<Readonly<Record<string, { text: string; error: string }>>>({});
  const resolved = resolveChoice(choice);
  const changed = Object.keys(choice.overrides).length;

  const setPreset = (preset: PresetId): void => {
    setDrafts({});
    onChange({ preset, overrides: choice.overrides });
  };
  const setText = (key: ParameterKey, text: string): void => {
    const kind = parameterKind(key);
    const parsed = textValue(kind, text);
    if ("error" in parsed) {
      setDrafts((d) => ({ ...d, [key]: { text, error: parsed.error } }));
      return;
    }
    setDrafts((d) => {
      const { [key]: _gone, ...rest } = d;
      return kind === "number" || kind === "json" ? { ...rest, [key]: { text, error: "" } } : rest;
    });
    onChange(withParameter(choice, key, parsed.value));
  };

  return (
    <section className={styles.root} aria-label={strings.step2}>
      <Field label={strings.preset} hint={strings.presetHint}>
        <Select className={styles.select} value={choice.preset} disabled={props.disabled} onChange={(_, data) => setPreset(data.value as PresetId)}>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].name}
            </option>
          ))}
        </Select>
      </Field>
      <Accordion collapsible>
        <AccordionItem value="parameters">
          <AccordionHeader size="small">{strings.showParameters(changed)}</AccordionHeader>
          <AccordionPanel>
            <div className={styles.fields}>
              <Caption1>{strings.parameters}</Caption1>
              {PARAMETER_KEYS.map((key) => {
                const kind = parameterKind(key);
                const value = parameterValue(choice, key);
                const draft = drafts[key];
                const error = draft?.error || (resolved.ok ? "" : (resolved.errors.get(key) ?? ""));
                const isChanged = key in choice.overrides;
                const label = PARAMETER_LABELS[key];
                const text = draft?.text ?? valueText(kind, value);
                return (
                  <Field
                    key={key}
                    {...(isChanged ? { className: styles.changed } : {})}
                    label={label}
                    hint={isChanged ? `${key} — ${strings.parameterChanged}` : key}
                    validationState={error ? "error" : "none"}
                    {...(error ? { validationMessage: error } : {})}
                  >
                    {kind === "boolean" ? (
                      <Switch
                        checked={value === true}
                        disabled={props.disabled}
                        label={value === true ? strings.yes : strings.no}
                        onChange={(_, data) => setText(key, String(data.checked))}
                      />
                    ) : kind === "choice" ? (
                      <Select value={String(value)} disabled={props.disabled} onChange={(_, data) => setText(key, data.value)}>
                        {(PARAMETER_CHOICES[key] ?? [String(value)]).map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </Select>
                    ) : kind === "json" ? (
                      <Textarea value={text} disabled={props.disabled} resize="vertical" onChange={(_, data) => setText(key, data.value)} />
                    ) : (
                      <Input value={text} disabled={props.disabled} inputMode="decimal" onChange={(_, data) => setText(key, data.value)} />
                    )}
                  </Field>
                );
              })}
              <Button
                disabled={props.disabled || changed === 0}
                onClick={() => {
                  setDrafts({});
                  onChange({ preset: choice.preset, overrides: {} });
                }}
              >
                {strings.resetParameters}
              </Button>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
