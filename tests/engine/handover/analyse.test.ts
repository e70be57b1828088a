/**
 * `analyse` adds what the analyst hands over (SPEC.md §12) after the identification: every
 * school carries its recommendations, every ШНОР its mentors and a note; the user's sheet
 * «Рекомендации» (on the input) replaces the built-in measures of its bases.
 */
import { analyse, identify, PRESETS, recommendationsFor, recommendationTable } from "../../../src/engine";
import { threeYearRegion } from "../../monitoring/region";

describe("analyse hands over", () => {
  const input = threeYearRegion();
  const result = analyse(input, PRESETS.kbr);

  it("leaves the identification itself as it was", () => {
    const bare = identify(input, PRESETS.kbr);
    expect(result.schools.map((s) => [s.id, s.category, s.reasons])).toEqual(bare.schools.map((s) => [s.id, s.category, s.reasons]));
  });

  it("gives every school the measures of its own bases", () => {
    for (const s of result.schools) expect(s.recommendations).toEqual(recommendationsFor(s));
    // S09 is ШНОР by R2 (region.ts): its first measures are those of «ШНОР».
    const s09 = result.schools.find((s) => s.id === "S09");
    expect(s09?.shnor).toBe(true);
    expect(s09?.recommendations?.[0]?.basis).toBe("ШНОР");
  });

  it("gives every ШНОР a mentors list and a note, and every other school none", () => {
    for (const s of result.schools) {
      if (s.shnor) expect(typeof s.mentorsNote).toBe("string");
      else expect([s.mentors, s.mentorsNote]).toEqual([[], null]);
    }
  });

  it("uses the input's «Рекомендации» rows instead of the built-in measures", () => {
    const own = analyse({ ...input, recommendations: [{ basis: "ШНОР", text: "Своя мера для ШНОР." }] }, PRESETS.kbr);
    const s09 = own.schools.find((s) => s.id === "S09");
    expect(s09?.recommendations?.[0]).toEqual({ basis: "ШНОР", text: "Своя мера для ШНОР." });
    expect(s09?.recommendations).toEqual(recommendationsFor(s09 as never, recommendationTable([{ basis: "ШНОР", text: "Своя мера для ШНОР." }])));
  });
});
