/**
 * The optional input sheet «Рекомендации» (SPEC.md §12): rows of «Основание» and «Мера» reach
 * the engine's input; a basis the table does not know is an error at its cell, with every bad
 * row reported at once and nothing parsed; an empty measure is the usual missing-value error.
 */
import { parseWorkbook } from "../../src/schema";
import { baseSheets, toWorkbook } from "./helpers";

describe("sheet «Рекомендации»", () => {
  it("passes its rows to the input, keeping the user's order", () => {
    const parsed = parseWorkbook(
      toWorkbook({
        ...baseSheets(),
        Рекомендации: [
          ["Основание", "Мера"],
          ["Дефицит педагогических кадров", "Привлечь выпускников вуза по целевому договору."],
          ["ШНОР", "Закрепить куратора из лицея № 1."],
        ],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.recommendations).toEqual([
      { basis: "Дефицит педагогических кадров", text: "Привлечь выпускников вуза по целевому договору." },
      { basis: "ШНОР", text: "Закрепить куратора из лицея № 1." },
    ]);
  });

  it("is optional: without it the input has no recommendations", () => {
    const parsed = parseWorkbook(toWorkbook(baseSheets()));
    expect(parsed.ok && parsed.input.recommendations).toBeUndefined();
  });

  it("reports every unknown basis and empty measure with its cell, in Russian, and parses nothing", () => {
    const parsed = parseWorkbook(
      toWorkbook({
        ...baseSheets(),
        Рекомендации: [
          ["Мера", "Основание"],
          ["Мера 1", "Нехватка всего"],
          ["Мера 2", "ШНСУ"],
          [null, "ШНОР"],
          ["Мера 4", "Плохая погода"],
        ],
      }),
    );
    expect(parsed.ok).toBe(false);
    const own = parsed.issues.filter((i) => i.sheet === "Рекомендации");
    expect(own.map((i) => [i.cell, i.severity, i.code])).toEqual([
      ["A4", "error", "value-missing"],
      ["B2", "error", "unknown-basis"],
      ["B5", "error", "unknown-basis"],
    ]);
    expect(own.find((i) => i.cell === "B2")?.message).toMatch(/^Рекомендации!B2: основание «Нехватка всего» не найдено: укажите фактор риска/);
  });
});
