/** The methodology's parameters in the analyst's words, tolerant of parameters added later. */
import { PARAMETER_LABELS, PRESETS } from "../../src/engine/methodology";
import { GROUP_NAMES, KNOWN_PARAMETERS, parameterGroups, parameterMeta, valueSummary } from "../../src/taskpane/parameterMeta";

describe("parameter metadata", () => {
  it("gives every parameter of every preset a Russian label and a group", () => {
    for (const preset of Object.values(PRESETS)) {
      for (const key of Object.keys(preset.parameters)) {
        const meta = parameterMeta(key, preset.preset);
        expect(meta.label).toMatch(/[А-Яа-яЁё]/);
        expect(Object.keys(GROUP_NAMES)).toContain(meta.group);
      }
    }
  });

  it("puts a parameter it does not know in «Прочие» with the engine's own label instead of failing", () => {
    const meta = parameterMeta("someNewThreshold");
    expect(meta).toMatchObject({ key: "someNewThreshold", group: "other", label: "someNewThreshold" });
    const known = Object.keys(PARAMETER_LABELS).find((k) => !(k in KNOWN_PARAMETERS));
    if (known !== undefined) expect(parameterMeta(known).label).toBe((PARAMETER_LABELS as Record<string, string>)[known]);
  });

  it("shows only the chosen region's rules: Брянск's under Брянск, Новолакский's under Новолакский", () => {
    const keys = (preset: keyof typeof PRESETS): string[] => parameterGroups(preset, PRESETS[preset].parameters).flatMap((g) => g.parameters.map((p) => p.key));
    expect(keys("kbr")).not.toContain("bryanskYears");
    expect(keys("kbr")).not.toContain("meanGapPoints");
    expect(keys("bryansk")).toContain("bryanskYears");
    expect(keys("bryansk")).not.toContain("lowResultsPercentile");
    expect(keys("novolaksky")).toContain("meanGapPoints");
    expect(keys("stavropol")).toContain("staffIndexPercentile");
    expect(keys("kbr")).not.toContain("staffIndexPercentile");
  });

  it("groups in the analyst's order, parameters added by other features last in «Прочие»", () => {
    const names = parameterGroups("kbr", PRESETS.kbr.parameters).map((g) => g.name);
    expect(names.slice(0, 6)).toEqual(["Низкие результаты", "Необъективность", "ИСБ и типы", "Группы", "Зона риска", "Мониторинг"]);
    expect(names.slice(6)).toEqual(names.length > 6 ? ["Прочие"] : []);
  });

  it.each([
    ["margin", 0.05, "5 %"],
    ["lowResultsPercentile", 0.9, "90 %"],
    ["remoteKm", 30, "30 км"],
    ["procedureUnit", "procedure", "целиком по всем параллелям"],
    ["excludeNonObjective", false, "нет"],
  ] as const)("writes %s = %p as «%s»", (key, value, text) => {
    expect(valueSummary(parameterMeta(key), value)).toBe(text);
  });
});
