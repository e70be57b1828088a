/**
 * Score scales of the demo region: ВПР 4–8, ОГЭ (9) and ЕГЭ (11) with their real subjects and
 * plausible primary (ВПР, ОГЭ) or test (ЕГЭ) score ranges and mark cut-offs. Approximate, for
 * the demo only: a region must confirm its own against the year's specifications.
 *
 * `min` is the specification's minimum: the passing score for ЕГЭ and the «3» cut-off for ВПР
 * and ОГЭ (the score below which the result counts as failing); `top` is the high-level score.
 */
export interface DemoScale {
  readonly procedure: "ВПР" | "ОГЭ" | "ЕГЭ";
  readonly grade: number;
  readonly subject: string;
  readonly min: number;
  readonly max: number;
  readonly top: number;
  readonly mass: boolean;
  readonly cuts: readonly [number, number, number] | null;
}

type Row = readonly [string, number, number, number, number];

const vpr = (grade: number, rows: readonly Row[], mass: readonly string[]): DemoScale[] =>
  rows.map(([subject, max, c3, c4, c5]) => ({
    procedure: "ВПР",
    grade,
    subject,
    min: c3,
    max,
    top: c5,
    mass: mass.includes(subject),
    cuts: [c3, c4, c5],
  }));

const RUS_MATH = ["Русский язык", "Математика"];

export const DEMO_SCALES: readonly DemoScale[] = [
  ...vpr(4, [["Русский язык", 38, 14, 24, 33], ["Математика", 20, 6, 10, 14], ["Окружающий мир", 32, 8, 18, 26]], [...RUS_MATH, "Окружающий мир"]),
  ...vpr(5, [["Русский язык", 45, 18, 29, 39], ["Математика", 20, 7, 11, 15], ["История", 15, 4, 8, 12], ["Биология", 29, 12, 18, 24]], RUS_MATH),
  ...vpr(6, [["Русский язык", 51, 25, 36, 46], ["Математика", 16, 6, 10, 14], ["История", 20, 6, 12, 17], ["Биология", 28, 11, 17, 23], ["География", 37, 10, 20, 30], ["Обществознание", 23, 8, 14, 20]], RUS_MATH),
  ...vpr(7, [["Русский язык", 47, 20, 30, 39], ["Математика", 19, 7, 12, 16], ["История", 25, 8, 14, 20], ["Биология", 28, 11, 17, 23], ["География", 37, 10, 20, 30], ["Обществознание", 23, 8, 14, 20], ["Физика", 18, 5, 8, 12]], RUS_MATH),
  ...vpr(8, [["Русский язык", 51, 25, 36, 46], ["Математика", 25, 7, 13, 19], ["История", 25, 8, 14, 20], ["Биология", 28, 11, 17, 23], ["География", 37, 10, 20, 30], ["Обществознание", 23, 8, 14, 20], ["Физика", 18, 5, 8, 12], ["Химия", 32, 9, 18, 27]], RUS_MATH),
  ...(
    [
      ["Русский язык", 33, 15, 23, 29],
      ["Математика", 31, 8, 15, 22],
      ["Обществознание", 37, 14, 24, 32],
      ["Информатика", 19, 5, 11, 17],
      ["Биология", 48, 13, 25, 37],
      ["География", 31, 12, 19, 26],
      ["Химия", 40, 10, 20, 31],
      ["Физика", 45, 11, 22, 34],
      ["История", 37, 11, 21, 30],
      ["Английский язык", 68, 29, 46, 58],
      ["Литература", 37, 16, 22, 29],
    ] as const
  ).map(([subject, max, c3, c4, c5]): DemoScale => ({
    procedure: "ОГЭ",
    grade: 9,
    subject,
    min: c3,
    max,
    top: c5,
    mass: RUS_MATH.includes(subject),
    cuts: [c3, c4, c5],
  })),
  ...(
    [
      ["Русский язык", 24],
      ["Математика (профильный уровень)", 27],
      ["Обществознание", 42],
      ["Физика", 36],
      ["Биология", 36],
      ["Химия", 36],
      ["История", 32],
      ["Информатика", 40],
      ["Английский язык", 22],
      ["Литература", 32],
      ["География", 37],
    ] as const
  ).map(([subject, min]): DemoScale => ({ procedure: "ЕГЭ", grade: 11, subject, min, max: 100, top: 81, mass: subject === "Русский язык", cuts: null })),
  { procedure: "ЕГЭ", grade: 11, subject: "Математика (базовый уровень)", min: 7, max: 21, top: 17, mass: false, cuts: [7, 12, 17] },
];

export function findScale(procedure: string, grade: number, subject: string): DemoScale {
  const s = DEMO_SCALES.find((x) => x.procedure === procedure && x.grade === grade && x.subject === subject);
  if (!s) throw new Error(`demo: no scale for ${procedure} ${grade} ${subject}`);
  return s;
}
