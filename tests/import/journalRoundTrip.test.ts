/**
 * ФИС ОКО «Сравнение отметок с отметками по журналу» from export to identification: `shnor import`
 * writes «Понизили», «Подтвердили», «Повысили» onto «Результаты», the schema reads them back, and
 * with no «Баллы» rows they give SPEC §4 sign `raisedVsJournal` and §7 factor 4 (FORMATS.md).
 *
 * Five schools of 40 ВПР 4 participants each, the same marks everywhere (so no other sign can
 * tell them apart), and the journal comparison:
 *   school   lowered confirmed raised
 *   8001        4       16       20     raised 20/40 = 50 %
 *   8002        8       24        8     raised  8/40 = 20 %  (< 25 %: no sign)
 *   8003       24       14        2     lowered 24/40 = 60 % (factor 4: ≥ 50 %)
 *   8004, 8005  4       34        2
 * Regional raised share: (20 + 8 + 2 + 2 + 2) / 200 = 0.17. 8001's 95 % Wilson interval of
 * 20/40: z = 1.959964, z²/n = 0.0960365, centre (0.5 + 0.0480182) / 1.0960365 = 0.5,
 * half-width 1.959964·√(0.00625 + 0.00060023) / 1.0960365 = 0.14800 → [0.3520, 0.6480];
 * 0.3520 > 0.17 and 0.5 ≥ 0.25, so the sign holds. 8002: 0.2 < 0.25, no sign.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { main } from "../../src/cli/main";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { fisJournalSheet, fisStatisticsSheet, writeBook, type JournalRow } from "./helpers/exportWriters";

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString("utf8");
    done();
  }
}

async function shnor(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const JOURNAL: readonly [string, number, number, number][] = [
  ["8001", 4, 16, 20],
  ["8002", 8, 24, 8],
  ["8003", 24, 14, 2],
  ["8004", 4, 34, 2],
  ["8005", 4, 34, 2],
];
const login = (code: string): string => `edu${code}00`;
const pct = (n: number): number => Math.round((n / 40) * 10000) / 100;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shnor-journal-"));
  await writeBook(join(dir, "школы.xlsx"), [
    {
      name: "Школы",
      rows: [
        ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %", "Логин ФИС ОКО"],
        ...JOURNAL.map(([code], i) => [code, `МБОУ «СОШ №${i + 1}»`, i < 3 ? "г. Грозный" : "Шалинский район", i < 3 ? "город" : "село", 500, 20, 10, 3, login(code)]),
      ],
    },
    {
      name: "Шкалы",
      rows: [
        ["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый", "Балл для «3»", "Балл для «4»", "Балл для «5»"],
        ["ВПР", 4, "Русский язык", 14, 38, 33, "да", 14, 24, 33],
      ],
    },
  ]);
  await writeBook(join(dir, "ВПР_2025_РУ_4_статистика.xlsx"), [
    fisStatisticsSheet({
      sheetName: "Статистика по отметкам", year: 2025, subject: "Русский язык", grade: 4,
      rows: [
        { label: "Чеченская Республика", schools: 5, participants: 200, shares: [10, 40, 35, 15] },
        ...JOURNAL.map(([code], i) => ({ label: `МБОУ «СОШ №${i + 1}»(${login(code)})`, participants: 40, shares: [10, 40, 35, 15] as [number, number, number, number] })),
      ],
    }),
  ]);
  await writeBook(join(dir, "ВПР_2025_РУ_4_журнал.xlsx"), [
    fisJournalSheet({
      sheetName: "Сравнение отметок с отметками п", year: 2025, subject: "Русский язык", grade: 4,
      rows: [
        { label: "Чеченская Республика", participants: 200, lowered: [44, 22], confirmed: [122, 61], raised: [34, 17] },
        ...JOURNAL.map(([code, l, c, r], i): JournalRow => ({ label: `МБОУ «СОШ №${i + 1}»(${login(code)})`, participants: 40, lowered: [l, pct(l)], confirmed: [c, pct(c)], raised: [r, pct(r)] })),
      ],
    }),
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonSchool {
  id: string;
  nonObjectivity: { procedure: string; year: number; signs: { id: string; value: number; interval: [number, number] | null; regional: number | null; text: string }[] }[];
  riskFactors: { id: string; value: boolean | null; detail: string }[];
}

describe("the journal comparison from ФИС ОКО to the identification", () => {
  it("is written onto «Результаты» by the import and read back by validate and identify: sign raisedVsJournal and factor 4 as hand-computed", async () => {
    const region = join(dir, "регион.xlsx");
    const imported = await shnor("import", join(dir, "ВПР_2025_РУ_4_статистика.xlsx"), join(dir, "ВПР_2025_РУ_4_журнал.xlsx"), "--schools", join(dir, "школы.xlsx"), "-o", region);
    expect(imported.code).toBe(0);
    const results = readXlsx(readFileSync(region)).then((wb) => wb.sheets.find((s) => s.name === "Результаты")?.rows ?? []);
    const rows = await results;
    expect(rows[0]?.slice(8)).toEqual(["Понизили (Отметка < Отметка по журналу)", "Подтвердили (Отметка = Отметке по журналу)", "Повысили (Отметка > Отметка по журналу)"]);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[6], r[7], r[8], r[9], r[10]])).toEqual(JOURNAL.map(([code, l, c, r]) => [code, 40, 4, 20, l, c, r]));

    // validate knows the columns: no «unknown column» note about them.
    const validated = await shnor("validate", region);
    expect(validated.stdout).not.toMatch(/Понизили|Повысили|Подтвердили/);

    const json = join(dir, "итоги.json");
    const identified = await shnor("identify", region, "-o", join(dir, "итоги.xlsx"), "--json", json);
    expect(identified.code).toBe(0);
    const schools = (JSON.parse(readFileSync(json, "utf8")) as { schools: JsonSchool[] }).schools;
    const by = new Map(schools.map((s) => [s.id, s]));
    const signs = (id: string) => (by.get(id)?.nonObjectivity ?? []).flatMap((l) => l.signs.map((g) => ({ ...g, unit: `${l.procedure} ${l.year}` })));

    const raised = signs("8001").filter((g) => g.id === "raisedVsJournal");
    expect(raised).toHaveLength(1);
    const sign = raised[0]!;
    expect(sign.value).toBeCloseTo(0.5, 10);
    expect(sign.regional).toBeCloseTo(0.17, 10);
    expect(sign.interval?.[0]).toBeCloseTo(0.352, 3);
    expect(sign.interval?.[1]).toBeCloseTo(0.648, 3);
    expect(sign.text).toContain("20 из 40 результатов");
    // 20 % raised is under the 25 % threshold; the others raise 5 %.
    for (const id of ["8002", "8003", "8004", "8005"]) expect({ id, signs: signs(id).map((g) => g.id) }).toEqual({ id, signs: [] });

    // Factor 4: 8003 lowered 24 of 40 (60 % ≥ 50 %); 8002 lowered 8 of 40 (20 %); 8001 is listed.
    const factor = (id: string) => by.get(id)?.riskFactors.find((f) => f.id === "objectiveAssessment");
    expect(factor("8003")).toEqual(expect.objectContaining({ value: true }));
    expect(factor("8003")?.detail).toContain("ниже отметки по журналу у 24 из 40 результатов (60");
    expect(factor("8002")).toEqual(expect.objectContaining({ value: false }));
    expect(factor("8002")?.detail).toContain("у 8 из 40 результатов (20");
    expect(factor("8001")?.detail).toContain("в списке необъективности последнего года");
  });

  it("«Результаты» with journal counts that do not add up: an error at the cell, in Russian", async () => {
    const bad = join(dir, "плохо.xlsx");
    await writeBook(bad, [
      { name: "Школы", rows: [["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %"], ["8001", "МБОУ «СОШ №1»", "г. Грозный", "город", 500, 20, 10, 3]] },
      {
        name: "Результаты",
        rows: [
          ["Код ОО", "Год", "Процедура", "Класс", "Предмет", "Участников", "Отметка «2»", "Отметки «4» и «5»", "Понизили", "Подтвердили", "Повысили"],
          ["8001", 2025, "ВПР", 4, "Русский язык", 40, 4, 20, 10, 25, 10],
          ["8001", 2025, "ВПР", 5, "Русский язык", 40, 4, 20, 0, 0, 41],
        ],
      },
      { name: "Шкалы", rows: [["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый", "Балл для «3»", "Балл для «4»", "Балл для «5»"], ["ВПР", 4, "Русский язык", 14, 38, 33, "да", 14, 24, 33], ["ВПР", 5, "Русский язык", 14, 45, 38, "да", 18, 29, 38]] },
    ]);
    const r = await shnor("validate", bad);
    expect(r.code).toBe(1);
    // 10 + 25 + 10 = 45 > 40 participants, reported at «Повысили» (K2); 41 raised of 40 at K3.
    expect(r.stdout).toMatch(/Результаты!K2\s.*«Понизили» \+ «Подтвердили» \+ «Повысили».*45.*40/);
    expect(r.stdout).toMatch(/Результаты!K3\s.*«Повысили \(Отметка > Отметка по журналу\)».*41.*40/);
  });
});
