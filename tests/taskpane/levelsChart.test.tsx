/** @jest-environment jsdom */
/**
 * The levels chart (seed 000's five attainment levels, #10 item 5 "in the add-in"): the pane's view
 * takes the region's rows of the latest year, and the stacked bar chart's text alternative carries
 * every count and share. Numbers hand-made: 20 ВПР 5 кл. results split 2/3/5/6/4 (10 %, 15 %, 25 %,
 * 30 %, 20 %), 8 ВПР 6 кл. results split 1/1/2/4/0 (12,5 %, 12,5 %, 25 %, 50 %, 0 %).
 */
import "./jsdomSetup";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import * as React from "react";
import type { AttainmentResult, LevelCounts, LevelRow } from "../../src/engine/attainment";
import { StackedBarChart } from "../../src/taskpane/components/Charts";
import { LEVEL_FILLS } from "../../src/taskpane/components/ResultPanel";
import { levelsView } from "../../src/taskpane/resultView";

const row = (year: number, procedure: string, counts: LevelCounts): LevelRow => {
  const results = counts.reduce((a, b) => a + b, 0);
  return { schoolId: null, year, procedure, results, counts, basicOrAbove: results > 0 ? (counts[2] + counts[3] + counts[4]) / results : null };
};

const attainment = (region: LevelRow[], latestYear: number | null): AttainmentResult => ({
  cuts: [0.25, 0.5, 0.75, 0.9],
  region,
  schools: [],
  basicOrAboveLatest: new Map(),
  latestYear,
});

/** WCAG contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("levelsView", () => {
  it("keeps the region's units of the latest year only, with their counts and share at or above «базовый»", () => {
    const view = levelsView(
      attainment(
        [row(2023, "ВПР 5 кл.", [9, 0, 0, 0, 1]), row(2024, "ВПР 5 кл.", [2, 3, 5, 6, 4]), row(2024, "ВПР 6 кл.", [1, 1, 2, 4, 0]), row(2024, "ВПР 7 кл.", [0, 0, 0, 0, 0])],
        2024,
      ),
    );
    expect(view).toEqual({
      year: 2024,
      levels: ["низкий", "пониженный", "базовый", "повышенный", "высокий"],
      units: [
        { procedure: "ВПР 5 кл.", results: 20, counts: [2, 3, 5, 6, 4], basicOrAbove: 15 / 20 },
        { procedure: "ВПР 6 кл.", results: 8, counts: [1, 1, 2, 4, 0], basicOrAbove: 6 / 8 },
      ],
    });
  });

  it.each([
    ["no scores at all", attainment([], null)],
    ["a latest year whose units have no result with a level", attainment([row(2024, "ВПР 5 кл.", [0, 0, 0, 0, 0])], 2024)],
  ])("is null with %s (the pane then draws no levels chart)", (_name, levels) => {
    expect(levelsView(levels)).toBeNull();
  });
});

describe("StackedBarChart", () => {
  it("is an image whose text alternative gives every procedure's total and each level's count and share", () => {
    const names = ["низкий", "пониженный", "базовый", "повышенный", "высокий"];
    render(
      <FluentProvider theme={webLightTheme}>
        <StackedBarChart
          title="Уровни, 2024"
          totalName="результатов"
          segments={names.map((name, i) => ({ name, colour: LEVEL_FILLS[i]?.colour ?? "", ink: LEVEL_FILLS[i]?.ink ?? "" }))}
          rows={[
            { label: "ВПР 5 кл.", values: [2, 3, 5, 6, 4] },
            { label: "ВПР 6 кл.", values: [1, 1, 2, 4, 0] },
          ]}
        />
      </FluentProvider>,
    );
    expect(screen.getByRole("img")).toHaveAccessibleName(
      "Уровни, 2024: " +
        "ВПР 5 кл. — результатов 20: низкий 2 (10,0 %), пониженный 3 (15,0 %), базовый 5 (25,0 %), повышенный 6 (30,0 %), высокий 4 (20,0 %); " +
        "ВПР 6 кл. — результатов 8: низкий 1 (12,5 %), пониженный 1 (12,5 %), базовый 2 (25,0 %), повышенный 4 (50,0 %), высокий 0 (0,0 %)",
    );
    expect(screen.getByRole("heading", { name: "Уровни, 2024" })).toBeInTheDocument();
    // Segments: one rect per non-empty level, plus the outline of each bar.
    const rects = document.querySelectorAll("svg rect");
    expect(rects).toHaveLength(5 + 4 + 2);
    // The 30 % segment of ВПР 5 кл. is 30 % of the bar's room (480 − 150 − 8 = 322).
    expect(Number(rects[3]?.getAttribute("width"))).toBeCloseTo(0.3 * 322, 6);
  });

  it("writes the shares on the segments in inks of at least 4.5:1 against their fills", () => {
    for (const f of LEVEL_FILLS) expect(contrast(f.colour, f.ink)).toBeGreaterThanOrEqual(4.5);
    expect(LEVEL_FILLS).toHaveLength(5);
  });
});
