/**
 * «Методика»: the region's methodology chosen at the top, then the parameters of that methodology
 * only, in groups, with Russian labels, units and help; shares typed as percent; lists and
 * targets as small tables. Text being typed that is not (yet) a value is a draft with an error:
 * the pane will not identify while any draft has one (App reads them).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  type LabelProps,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { PRESET_IDS, PRESETS, RISK_FACTOR_IDS, RISK_FACTOR_NAMES, type MethodologyParameters, type PresetId } from "../../engine/methodology";
import type { Strings } from "../../i18n";
import { CANONICAL_PROCEDURES } from "../../schema/values";
import { parameterValue, resolveChoice, withParameter, type MethodologyChoice } from "../methodologyChoice";
import { numberText, parameterGroups, valueSummary, type ParameterMeta } from "../parameterMeta";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  changed: { borderLeftWidth: tokens.strokeWidthThick, borderLeftStyle: "solid", borderLeftColor: tokens.colorBrandStroke1, paddingLeft: tokens.spacingHorizontalS },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  small: { width: "7em" },
  table: { width: "100%" },
  label: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXXS },
  code: { minWidth: "24px", height: "24px", paddingLeft: 0, paddingRight: 0, color: tokens.colorNeutralForeground2 },
});

/** Text typed into a field that is not a value yet, with the reason. */
export interface Draft {
  readonly text: string;
  readonly error: string;
}
export type Drafts = Readonly<Record<string, Draft>>;

/** Russian text as a number: "12,5" → 12.5; `null` when it is not one. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The checks the pane makes before the engine's: a number, whole where whole, a percent in 0–100. */
export function numberError(meta: ParameterMeta, text: string, percent: boolean): { value: number } | { error: string } {
  const n = parseNumber(text);
  if (n === null) return { error: `«${text}» — ожидалось число` };
  if (percent && (n < 0 || n > 100)) return { error: `«${text}» — ожидалось число от 0 до 100 (%)` };
  if (meta.editor === "integer" && !Number.isInteger(n)) return { error: `«${text}» — ожидалось целое число` };
  if (n < 0) return { error: `«${text}» — ожидалось неотрицательное число` };
  return { value: percent ? Number((n / 100).toFixed(12)) : n };
}

/** The engine's message for a parameter without the English key: "Параметр «margin»: ожидалось …" → "ожидалось …". */
export function engineMessage(message: string): string {
  return message.replace(/^Параметр «[^»]+»:\s*/, "");
}

interface Props {
  readonly choice: MethodologyChoice;
  readonly onChange: (choice: MethodologyChoice) => void;
  /** A new preset: App decides what happens to the changes made on the old one (they are dropped, and it says so). */
  readonly onPreset: (preset: PresetId) => void;
  readonly drafts: Drafts;
  readonly onDrafts: (drafts: Drafts) => void;
  readonly strings: Strings;
  readonly disabled?: boolean;
}

export function MethodologyPanel(props: Props): React.JSX.Element {
  const styles = useStyles();
  const { choice, strings, drafts } = props;
  const resolved = resolveChoice(choice);
  const parameters = (resolved.ok ? resolved.methodology.parameters : PRESETS[choice.preset].parameters) as MethodologyParameters;
  const groups = parameterGroups(choice.preset, parameters);
  const changedKeys = Object.keys(choice.overrides);
  const [tooltipMount, setTooltipMount] = React.useState<HTMLElement | null>(null);

  const setDraft = (key: string, draft: Draft | null): void => {
    const { [key]: _gone, ...rest } = drafts;
    props.onDrafts(draft === null ? rest : { ...rest, [key]: draft });
  };
  const setValue = (key: string, value: unknown): void => props.onChange(withParameter(choice, key as never, value));

  return (
    <div className={styles.root}>
      <Field label={strings.preset} hint={strings.presetHint}>
        <Select className={styles.select} value={choice.preset} disabled={props.disabled} onChange={(_, data) => props.onPreset(data.value as PresetId)}>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Body1>{changedKeys.length === 0 ? strings.noParametersChanged : strings.parametersChanged(changedKeys.length)}</Body1>
        <Button
          size="small"
          disabledFocusable={props.disabled === true || (changedKeys.length === 0 && Object.keys(drafts).length === 0)}
          onClick={() => {
            props.onDrafts({});
            props.onChange({ preset: choice.preset, overrides: {} });
          }}
        >
          {strings.resetParameters}
        </Button>
      </div>
      <Accordion multiple collapsible>
        {groups.map((g) => {
          const changedHere = g.parameters.filter((m) => m.key in choice.overrides).length;
          const invalidHere = g.parameters.filter((m) => Object.keys(drafts).some((d) => (d === m.key || d.startsWith(`${m.key}.`)) && drafts[d]?.error)).length;
          return (
            <AccordionItem value={g.group} key={g.group}>
              <AccordionHeader size="small">
                {g.name}
                {changedHere > 0 ? ` — ${strings.changedCount(changedHere)}` : ""}
                {invalidHere > 0 ? ` — ${strings.invalidCount(invalidHere)}` : ""}
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.fields}>
                  {g.parameters.map((meta) => (
                    <ParameterField
                      key={meta.key}
                      meta={meta}
                      value={parameterValue(choice, meta.key as never)}
                      changed={meta.key in choice.overrides}
                      presetValue={(PRESETS[choice.preset].parameters as unknown as Record<string, unknown>)[meta.key]}
                      engineError={resolved.ok ? "" : engineMessage(resolved.errors.get(meta.key) ?? "")}
                      drafts={drafts}
                      setDraft={setDraft}
                      setValue={(v) => setValue(meta.key, v)}
                      strings={strings}
                      disabled={props.disabled === true}
                      tooltipMount={tooltipMount}
                    />
                  ))}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      <div ref={setTooltipMount} />
    </div>
  );
}

interface FieldProps {
  readonly meta: ParameterMeta;
  readonly value: unknown;
  readonly changed: boolean;
  /** The methodology's own value, named in the hint of a changed parameter. */
  readonly presetValue: unknown;
  readonly engineError: string;
  readonly drafts: Drafts;
  readonly setDraft: (key: string, draft: Draft | null) => void;
  readonly setValue: (value: unknown) => void;
  readonly strings: Strings;
  readonly disabled: boolean;
  /** Where the code's tooltip is put: inside the page's landmarks, not at the end of <body>. */
  readonly tooltipMount: HTMLElement | null;
}

/** One parameter: its label (the English code in the tooltip), help, unit and editor. */
function ParameterField(props: FieldProps): React.JSX.Element {
  const styles = useStyles();
  const { meta, value, strings, drafts } = props;
  const ownDrafts = Object.entries(drafts).filter(([k]) => k === meta.key || k.startsWith(`${meta.key}.`));
  const error = ownDrafts.map(([, d]) => d.error).find((e) => e !== "") ?? props.engineError;
  const hint = [meta.help, props.changed ? strings.parameterChanged(valueSummary(meta, props.presetValue)) : null].filter(Boolean).join(" · ");
  // The English code for the command line: a tooltip on a small button next to the label, shown
  // when the button gets focus (Tab) or the mouse — a `title` only ever showed to a mouse.
  const label = {
    children: (_: unknown, slotProps: LabelProps) => (
      <span className={styles.label}>
        <Label {...slotProps}>
          {meta.label}
          {meta.unit && meta.editor !== "levelCuts" && meta.editor !== "targets" ? `, ${meta.unit}` : ""}
        </Label>
        <Tooltip content={strings.parameterCode(meta.key)} relationship="description" withArrow mountNode={props.tooltipMount}>
          <Button className={styles.code} appearance="transparent" size="small" aria-label={strings.parameterCodeButton}>
            <span aria-hidden="true">ⓘ</span>
          </Button>
        </Tooltip>
      </span>
    ),
  };
  const fieldProps = {
    ...(props.changed ? { className: styles.changed } : {}),
    ...(hint ? { hint } : {}),
    validationState: error ? ("error" as const) : ("none" as const),
    ...(error ? { validationMessage: error } : {}),
  };

  const numberInput = (key: string, current: number, percent: boolean, onValue: (n: number) => void, aria?: string): React.JSX.Element => {
    const draft = drafts[key];
    const text = draft?.text ?? numberText(percent ? current * 100 : current);
    return (
      <Input
        className={aria ? styles.small : undefined}
        value={text}
        disabled={props.disabled}
        inputMode="decimal"
        {...(aria ? { "aria-label": aria } : {})}
        {...(meta.unit && !aria ? { contentAfter: <span aria-hidden="true">{meta.unit === "%" ? "%" : ""}</span> } : {})}
        onChange={(_, data) => {
          const parsed = numberError(meta, data.value, percent);
          if ("error" in parsed) {
            props.setDraft(key, { text: data.value, error: parsed.error });
            return;
          }
          props.setDraft(key, null);
          onValue(parsed.value);
        }}
      />
    );
  };

  switch (meta.editor) {
    case "percent":
    case "number":
    case "integer":
      return (
        <Field label={label} {...fieldProps}>
          {numberInput(meta.key, Number(value), meta.editor === "percent", props.setValue)}
        </Field>
      );
    case "boolean":
      return (
        <Field label={label} {...fieldProps}>
          <Switch checked={value === true} disabled={props.disabled} label={value === true ? strings.yes : strings.no} onChange={(_, data) => props.setValue(data.checked)} />
        </Field>
      );
    case "choice": {
      const options = meta.options ?? { [String(value)]: String(value) };
      return (
        <Field label={label} {...fieldProps}>
          <Select value={String(value)} disabled={props.disabled} onChange={(_, data) => props.setValue(data.value)}>
            {Object.entries(options).map(([v, name]) => (
              <option key={v} value={v}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    case "factors": {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Field label={label} {...fieldProps}>
          <FactorList selected={list} onChange={props.setValue} disabled={props.disabled} />
        </Field>
      );
    }
    case "procedures": {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Field label={label} {...fieldProps}>
          <div className={styles.row}>
            {CANONICAL_PROCEDURES.map((p) => (
              <Checkbox
                key={p}
                label={p}
                checked={list.includes(p)}
                disabled={props.disabled}
                onChange={(_, data) => props.setValue(data.checked ? [...list, p] : list.filter((x) => x !== p))}
              />
            ))}
          </div>
        </Field>
      );
    }
    case "levelCuts": {
      const cuts = Array.isArray(value) ? (value as number[]) : [];
      return (
        <Field label={label} {...fieldProps}>
          <div className={styles.row}>
            {strings.levelNames.map((name, i) => (
              <label key={name}>
                <Caption1>{name}, %</Caption1>
                {numberInput(`${meta.key}.${i}`, cuts[i] ?? 0, true, (n) => props.setValue(cuts.map((c, j) => (j === i ? n : c))), `${meta.label}: ${name}, %`)}
              </label>
            ))}
          </div>
        </Field>
      );
    }
    case "targets": {
      const targets = typeof value === "object" && value !== null ? (value as Record<string, { fromYear: number; value: number }[]>) : {};
      const rows = Object.entries(targets).flatMap(([indicator, steps]) => steps.map((step, i) => ({ indicator, i, step })));
      return (
        <Field label={label} {...fieldProps}>
          <Table size="extra-small" className={styles.table} aria-label={meta.label}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.targetIndicator}</TableHeaderCell>
                <TableHeaderCell>{strings.targetFromYear}</TableHeaderCell>
                <TableHeaderCell>{strings.targetValue}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map(({ indicator, i, step }) => (
                <TableRow key={`${indicator}.${i}`}>
                  <TableCell>№ {indicator}</TableCell>
                  <TableCell>
                    {numberInput(`${meta.key}.${indicator}.${i}.fromYear`, step.fromYear, false, (n) => props.setValue(replaceStep(targets, indicator, i, { ...step, fromYear: n })), `${strings.targetIndicator} ${indicator}: ${strings.targetFromYear}`)}
                  </TableCell>
                  <TableCell>
                    {numberInput(`${meta.key}.${indicator}.${i}.value`, step.value, true, (n) => props.setValue(replaceStep(targets, indicator, i, { ...step, value: n })), `${strings.targetIndicator} ${indicator}: ${strings.targetValue}`)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Field>
      );
    }
    case "shnorRules": {
      const rules = value as MethodologyParameters["shnorRules"];
      const set = (patch: Partial<MethodologyParameters["shnorRules"]>): void => props.setValue({ ...rules, ...patch });
      return (
        <Field label={label} {...fieldProps}>
          <div className={styles.fieldset}>
            <Checkbox label={strings.rulePercentile} checked={rules.percentile} disabled={props.disabled} onChange={(_, d) => set({ percentile: d.checked === true })} />
            <Checkbox label={strings.ruleBryansk} checked={rules.bryansk} disabled={props.disabled} onChange={(_, d) => set({ bryansk: d.checked === true })} />
            <Checkbox label={strings.ruleMeanGap} checked={rules.meanGap} disabled={props.disabled} onChange={(_, d) => set({ meanGap: d.checked === true })} />
            <Caption1>{strings.ruleFactors}</Caption1>
            <FactorList selected={rules.factors} onChange={(factors) => set({ factors: factors as never })} disabled={props.disabled} />
          </div>
        </Field>
      );
    }
    case "shnsuRule": {
      const rule = value as MethodologyParameters["shnsuRule"];
      return (
        <Field label={label} {...fieldProps}>
          <div className={styles.fieldset}>
            <RadioGroup
              value={rule.kind}
              disabled={props.disabled}
              onChange={(_, d) => props.setValue(d.value === "lowSwi" ? { kind: "lowSwi" } : { kind: "factors", factors: ["remoteness"], minCount: 1 })}
            >
              <Radio value="lowSwi" label={strings.shnsuLowSwi} />
              <Radio value="factors" label={strings.shnsuFactors} />
            </RadioGroup>
            {rule.kind === "factors" ? (
              <>
                <FactorList selected={rule.factors} onChange={(factors) => props.setValue({ ...rule, factors })} disabled={props.disabled} />
                <label className={styles.row}>
                  <Caption1>{strings.shnsuMinCount}</Caption1>
                  {numberInput(`${meta.key}.minCount`, rule.minCount, false, (n) => props.setValue({ ...rule, minCount: n }), strings.shnsuMinCount)}
                </label>
              </>
            ) : null}
          </div>
        </Field>
      );
    }
    case "json": {
      const draft = drafts[meta.key];
      return (
        <Field label={label} {...fieldProps}>
          <Textarea
            value={draft?.text ?? JSON.stringify(value)}
            disabled={props.disabled}
            resize="vertical"
            onChange={(_, data) => {
              try {
                const parsed = JSON.parse(data.value) as unknown;
                props.setDraft(meta.key, null);
                props.setValue(parsed);
              } catch {
                props.setDraft(meta.key, { text: data.value, error: `«${data.value}» — ${strings.notJson}` });
              }
            }}
          />
        </Field>
      );
    }
  }
}

function replaceStep(
  targets: Record<string, { fromYear: number; value: number }[]>,
  indicator: string,
  i: number,
  step: { fromYear: number; value: number },
): Record<string, { fromYear: number; value: number }[]> {
  return { ...targets, [indicator]: (targets[indicator] ?? []).map((s, j) => (j === i ? step : s)) };
}

function FactorList(props: { selected: readonly string[]; onChange: (factors: string[]) => void; disabled: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.fieldset}>
      {RISK_FACTOR_IDS.map((id) => (
        <Checkbox
          key={id}
          label={RISK_FACTOR_NAMES[id]}
          checked={props.selected.includes(id)}
          disabled={props.disabled}
          onChange={(_, d) => props.onChange(d.checked === true ? [...props.selected, id] : props.selected.filter((f) => f !== id))}
        />
      ))}
    </div>
  );
}
