/**
 * Municipality names typed several ways (case, ё/е, Latin look-alike letters, double and
 * no-break spaces) are one municipality: shown in the most frequent spelling, with a warning
 * naming the spellings that merged and their cells. Locality («город»/«село») variants are
 * folded the same way.
 */
import { parseWorkbook, type CellValue } from "../../src/schema";
import { lookalikeNote } from "../../src/schema/spellings";
import { baseSheets, toWorkbook, type Rows } from "./helpers";

/** «Школы» of the base workbook with one school row per municipality spelling (ids 8001, 8002, …). */
function withMunicipalities(spellings: readonly string[], extra: Partial<Record<string, Rows>> = {}) {
  const s = baseSheets();
  spellings.forEach((m, i) => s.Школы.push([`800${i + 1}`, `Школа ${i + 1}`, m, "город", 100, 10, 10, 10] as CellValue[]));
  return parseWorkbook(toWorkbook({ ...s, ...extra }));
}

/** Municipalities of the parsed schools added by {@link withMunicipalities}, in row order. */
function municipalitiesOf(result: ReturnType<typeof parseWorkbook>): string[] {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
  return result.input.schools.filter((s) => s.id.startsWith("800")).map((s) => s.municipality);
}

const LATIN_A = "Н\u0061льчик"; // "Нaльчик": the "a" is Latin

describe("municipality spellings", () => {
  // [what differs, spellings typed in rows 4, 5, …, the one spelling read, a warning expected]
  const TABLE: [string, string[], string, boolean][] = [
    ["a Latin «a» in one of three", ["Нальчик", LATIN_A, "Нальчик"], "Нальчик", true],
    ["capital letters", ["Нальчик", "НАЛЬЧИК", "нальчик", "Нальчик"], "Нальчик", true],
    ["ё written as е", ["Чёрный Яр", "Черный Яр", "Черный Яр"], "Черный Яр", true],
    ["several Latin look-alikes (a, c, o, p)", ["Прохладненский район", "Пpoхлaдненcкий paйoн"], "Прохладненский район", true],
    ["double spaces (collapsed as any text)", ["Урванский район", "Урванский  район", "  Урванский район "], "Урванский район", false],
    ["a no-break space", ["Урванский\u00a0район", "Урванский район"], "Урванский район", false],
    ["quotes", ["городской округ «Нальчик»", 'городской округ "Нальчик"', "городской округ «Нальчик»"], "городской округ «Нальчик»", true],
  ];

  it.each(TABLE)("%s: one municipality", (_what, spellings, read, warned) => {
    const result = withMunicipalities(spellings);
    expect(municipalitiesOf(result)).toEqual(spellings.map(() => read));
    expect(result.issues.some((i) => i.code === "spellings-merged")).toBe(warned);
  });

  it("keeps different names apart", () => {
    const names = ["Нальчик", "Нальчик-2", "Баксан", "Баксанский район", "Город А"];
    const result = withMunicipalities(names);
    expect(municipalitiesOf(result)).toEqual(names);
    expect(result.issues.filter((i) => i.code === "spellings-merged")).toEqual([]);
  });

  it("says which spellings merged, where, and which Latin letters a name hides", () => {
    // Rows 4–7: Нальчик, Нaльчик (Latin a), НАЛЬЧИК, Нальчик.
    const result = withMunicipalities(["Нальчик", LATIN_A, "НАЛЬЧИК", "Нальчик"]);
    const merged = result.issues.filter((i) => i.code === "spellings-merged");
    expect(merged).toEqual([
      {
        severity: "warning",
        code: "spellings-merged",
        sheet: "Школы",
        cell: "C5",
        message: `Школы!C5: муниципалитет записан по-разному: «Нальчик» (C4, C7), «${LATIN_A}» (латинская буква a; C5), «НАЛЬЧИК» (C6) — читается как один, «Нальчик»`,
      },
    ]);
  });

  it("takes the first spelling seen when two are equally frequent, and counts cells past five", () => {
    const spellings = [...Array<string>(7).fill("ЧЕГЕМСКИЙ РАЙОН"), ...Array<string>(7).fill("Чегемский район")];
    const result = withMunicipalities(spellings);
    expect(new Set(municipalitiesOf(result))).toEqual(new Set(["ЧЕГЕМСКИЙ РАЙОН"]));
    const message = result.issues.find((i) => i.code === "spellings-merged")?.message;
    expect(message).toBe(
      "Школы!C11: муниципалитет записан по-разному: «ЧЕГЕМСКИЙ РАЙОН» (C4, C5, C6, C7, C8 и ещё 2), «Чегемский район» (C11, C12, C13, C14, C15 и ещё 2) — читается как один, «ЧЕГЕМСКИЙ РАЙОН»",
    );
  });

  it("reads «Мониторинг МО» municipalities in the spelling of «Школы», with a warning", () => {
    const monitoring: Rows = [
      ["Муниципалитет", "Показатель", "Значение"],
      ["НАЛЬЧИК", "Наличие аналитической справки", "да"],
      [LATIN_A, "Педагогический десант", "нет"],
      ["Город А", "Педагогический десант", "да"],
    ];
    const result = withMunicipalities(["Нальчик", "Нальчик"], { "Мониторинг МО": monitoring });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.input.municipalIndicators?.map((r) => r.municipality)).toEqual(["Нальчик", "Нальчик", "Город А"]);
    expect(result.issues.filter((i) => i.code === "unknown-municipality")).toEqual([]);
    expect(result.issues.filter((i) => i.code === "spellings-merged").map((i) => i.message)).toEqual([
      `'Мониторинг МО'!A2: муниципалитет записан по-разному: «НАЛЬЧИК» (A2), «${LATIN_A}» (латинская буква a; A3) — читается как один, «Нальчик» (как на листе «Школы»)`,
    ]);
  });

  it("still warns about a «Мониторинг МО» municipality that is on «Школы» under no spelling", () => {
    const monitoring: Rows = [
      ["Муниципалитет", "Показатель", "Значение"],
      ["Нальчик-2", "Педагогический десант", "да"],
    ];
    const result = withMunicipalities(["Нальчик"], { "Мониторинг МО": monitoring });
    expect(result.issues.filter((i) => i.code === "unknown-municipality").map((i) => i.cell)).toEqual(["A2"]);
  });
});

describe("lookalikeNote", () => {
  it.each([
    ["all Cyrillic", "Нальчик", ""],
    ["one Latin letter", LATIN_A, "латинская буква a"],
    ["two Latin letters", "Пpoхладный", "латинские буквы p, o"],
    ["an English name (no Cyrillic) is not a look-alike", "Nalchik", ""],
  ])("%s", (_what, name, note) => expect(lookalikeNote(name)).toBe(note));
});

describe("locality variants (the school's category город/село)", () => {
  it.each([
    ["Latin C in «Cело»", "Cело", "село"],
    ["capitals", "ГОРОД", "город"],
    ["no-break space", "сельская\u00a0местность", "село"],
    ["ё", "посёлок городского типа", "город"],
    ["Latin look-alikes in «гоpод»", "гоpод", "город"],
  ])("%s", (_what, typed, read) => {
    const s = baseSheets();
    s.Школы[1]![3] = typed;
    const result = parseWorkbook(toWorkbook(s));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    expect(result.input.schools[0]?.locality).toBe(read);
  });
});
