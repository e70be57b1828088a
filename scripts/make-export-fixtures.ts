/**
 * Makes the export fixtures of tests/fixtures/exports (FORMATS.md): hand-made small ФИС ОКО forms
 * and processing-centre protocols in every variation the import must tolerate, a «Школы» workbook
 * to join them, the bad inputs of the import's tests, and a legacy .xls converted from an .xlsx
 * by LibreOffice. The files are committed, so the tests need neither this script nor LibreOffice.
 *
 *   npx tsx scripts/make-export-fixtures.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  fisIndividualSheet,
  fisJournalSheet,
  fisStatisticsSheet,
  protocolSheet,
  writeBook,
  type ProtocolPerson,
  type SheetData,
} from "../tests/import/helpers/exportWriters";

const DIR = resolve(__dirname, "../tests/fixtures/exports");
const GOOD = join(DIR, "good");
const BAD = join(DIR, "bad");

const RU_TASKS = ["1К1 (4б)", "1К2 (3б)", "2 (1б)", "3 (2б)", "9.1 (1б)"];
const MA_TASKS = ["1 (1б)", "2 (1б)", "3 (2б)", "4К1 (3б)"];

function person(surname: string, name: string, patronymic: string, school: number, cls: string, primary: number | string, mark: number | string, extra: Partial<ProtocolPerson> = {}): ProtocolPerson {
  return { msu: 1, school, cls, surname, name, patronymic, primary, mark, ...extra };
}

const IVANOV = ["Иванов", "Иван", "Иванович"] as const;
const PETROVA = ["Петрова", "Мария", "Сергеевна"] as const;
const SIDOROV = ["Сидоров", "Алексей", "Петрович"] as const;
const KUZNETSOVA = ["Кузнецова", "Анна", "Викторовна"] as const;
const ASLANOV = ["Асланов", "Ахмед", "Магомедович"] as const;
const IBRAGIMOV = ["Ибрагимов", "Рустам", "Ахмедович"] as const;
const MAGOMEDOV = ["Магомедов", "Ислам", "Русланович"] as const;
const ALIEVA = ["Алиева", "Хава", "Саидовна"] as const;
const DUDAEV = ["Дудаев", "Мурад", "Асланович"] as const;
const PEOPLE = [IVANOV, PETROVA, SIDOROV, KUZNETSOVA, ASLANOV, IBRAGIMOV, MAGOMEDOV, ALIEVA, DUDAEV];

const schoolsSheet: SheetData = {
  name: "Школы",
  rows: [
    ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %", "Логин ФИС ОКО"],
    ["7001", "МБОУ «СОШ №1»", "г. Грозный", "город", 800, 30, 10, 3, "edu100001"],
    ["7002", "МБОУ «СОШ №2»", "г. Грозный", "город", 600, 25, 12, 4, "edu100002"],
    ["7003", "МКОУ «СОШ с. Алхан-Юрт»", "Урус-Мартановский район", "село", 300, 10, 20, 6, null],
    ["7004", "МКОУ «ООШ с. Гойты»", "Урус-Мартановский район", "село", 150, 8, 22, 7, "edu100004"],
  ],
};
const scalesSheet: SheetData = {
  name: "Шкалы",
  rows: [
    ["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый", "Балл для «3»", "Балл для «4»", "Балл для «5»"],
    ["ВПР", 4, "Русский язык", 14, 38, 33, "да", 14, 24, 33],
    ["ОГЭ", 9, "Русский язык", 15, 33, 29, "да", 15, 23, 29],
    ["ОГЭ", 9, "Математика", 8, 31, 22, "да", 8, 15, 22],
  ],
};

function ru4(max: number | string = 38): SheetData {
  return fisIndividualSheet({
    sheetName: "РУ 4 Индивидуальные результаты",
    year: 2025,
    subject: "Русский язык",
    grade: 4,
    max,
    tasks: RU_TASKS,
    blankRows: true,
    schools: [
      {
        login: "edu100001", name: "МБОУ «СОШ №1»", municipality: "г. Грозный",
        participants: [
          { code: 10001, score: 35, mark: 5, journal: 5, tasks: [4, 3, 1, 2, 1] },
          { code: 10002, score: 24, mark: 4, journal: "нет отметки" },
          { code: "10003", score: "14", mark: "3", journal: 4, tasks: ["1", "0", "X", "-", "—"] },
          { code: 10004, score: "X", mark: "X", journal: 3 },
        ],
      },
      {
        login: "edu100002", name: "МБОУ «СОШ №2»", municipality: "г. Грозный",
        participants: [
          { code: 20001, score: 13, mark: 2, journal: 3, tasks: ["Х", "Х", 0, "-", "—"] },
          { code: 20002, score: 33, mark: 5, journal: 4 },
          { code: 20003, score: 23, mark: 3, journal: 3 },
        ],
      },
      {
        login: "edu100099", name: "МКОУ «ООШ с. Тестовое»", municipality: "Шалинский район",
        participants: [{ code: 30001, score: 30, mark: 4, journal: 4 }],
      },
    ],
  });
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  for (const d of [GOOD, BAD, DIR]) mkdirSync(d, { recursive: true });

  await writeBook(join(DIR, "школы.xlsx"), [schoolsSheet, scalesSheet]);

  // ВПР: one subject per workbook, and a workbook with two grades (a cut sheet name, a merged header).
  await writeBook(join(GOOD, "ВПР_2025_РУ_4.xlsx"), [ru4()]);
  await writeBook(join(GOOD, "ВПР_2025_МА.xlsx"), [
    { name: "Титул", rows: [["Выгрузка результатов ВПР"], ["Сформировано в ФИС ОКО"]] },
    fisIndividualSheet({
      sheetName: "Математика 5 Индивидуальные рез",
      year: 2025, subject: "Математика", grade: 5, max: "20", tasks: MA_TASKS,
      schools: [
        { login: "edu100001", name: "МБОУ «СОШ №1»", municipality: "г. Грозный", participants: [
          { code: 10101, score: 18, mark: 5, journal: 5 },
          { code: 10102, score: 9, mark: 3, journal: 4, noLogin: true },
        ] },
        { login: "edu100004", name: "МКОУ «ООШ с. Гойты»", municipality: "Урус-Мартановский район", declared: 3, participants: [
          { code: 40101, score: 5, mark: 2, journal: 3 },
          { code: 40102, score: 14, mark: 4, journal: 4 },
        ] },
      ],
    }),
    fisIndividualSheet({
      sheetName: "МА 6 Индивидуальные результаты",
      year: 2025, subject: "Математика", grade: 6, max: 20, tasks: MA_TASKS, mergedHeader: true,
      schools: [
        { login: "edu100002", name: "МБОУ «СОШ №2»", municipality: "г. Грозный", participants: [
          { code: 20201, score: 16, mark: 5, journal: 4 },
          { code: 20202, score: 7, mark: 3, journal: 3 },
          { code: 20203, score: 3, mark: 2, journal: 2 },
          { code: 20204, score: 11, mark: 4, journal: 3 },
        ] },
      ],
    }),
  ]);

  await writeBook(join(GOOD, "ВПР_2025_РУ_4_статистика.xlsx"), [
    fisStatisticsSheet({
      sheetName: "Статистика по отметкам", year: 2025, subject: "Русский язык", grade: 4,
      rows: [
        { label: "Вся выборка", schools: 40000, participants: 1200000, shares: [10.5, 35.1, 39.4, 15] },
        { label: "Чеченская Республика", schools: 450, participants: 25000, shares: [12, 36, 38, 14] },
        { label: "г. Грозный(reg20_m001)", schools: 2, participants: 6, shares: [16.67, 33.33, 16.67, 33.33] },
        { label: "МБОУ «СОШ №1»(edu100001)", schools: null, participants: 3, shares: [0, 33.33, 33.33, 33.34] },
        { label: "МБОУ «СОШ №2»(edu100002)", schools: null, participants: "3", shares: ["33,33", "33,33", "0", "33,34"] },
      ],
    }),
  ]);
  await writeBook(join(GOOD, "ВПР_2025_РУ_4_журнал.xlsx"), [
    fisJournalSheet({
      sheetName: "Сравнение отметок с отметками п", year: 2025, subject: "Русский язык", grade: 4,
      rows: [
        { label: "Чеченская Республика", participants: 25000, lowered: [5000, 20], confirmed: [15000, 60], raised: [5000, 20] },
        { label: "г. Грозный(reg20_m001)", participants: 6, lowered: [1, 16.67], confirmed: [3, 50], raised: [2, 33.33] },
        { label: "МБОУ «СОШ №1»(edu100001)", participants: 3, lowered: [1, 33.33], confirmed: [1, 33.33], raised: [1, 33.33] },
        { label: "МБОУ «СОШ №2»(edu100002)", participants: 3, lowered: [0, 0], confirmed: [2, 66.67], raised: [1, 33.33] },
      ],
    }),
  ]);

  // ОГЭ: blocks with merged header cells, an absent participant, a ГВЭ block, an unknown school code.
  await writeBook(join(GOOD, "ОГЭ_2025_протокол.xlsx"), [
    protocolSheet({
      sheetName: "Page 1", procedure: "ОГЭ",
      blocks: [
        { code: 1, subject: "Русский язык", date: "2025.05.27", people: [
          person(...IVANOV, 7001, "9А", 30, 5),
          person(...PETROVA, 7001, "9Б", "20", "3"),
          person(...SIDOROV, 7003, "9А", 14, 2),
          person(...KUZNETSOVA, 7003, "9А", "", ""),
          person(...ASLANOV, 7999, "9В", 25, 4),
        ] },
        { code: 2, subject: "Математика", date: "2025.06.03", people: [
          person(...IVANOV, 7001, "9А", 25, 5),
          person(...PETROVA, 7001, "9Б", 12, 3),
          person(...SIDOROV, 7003, "9А", 6, 2),
        ] },
        { code: 51, subject: "Русский язык (ГВЭ)", date: "2025.05.27", people: [person(...IBRAGIMOV, 7002, "9А", 10, 3)] },
      ],
    }),
  ]);

  // ЕГЭ as a legacy .xls: made as .xlsx, converted by LibreOffice.
  const tmp = mkdtempSync(join(tmpdir(), "shnor-xls-"));
  try {
    const src = join(tmp, "ЕГЭ_2025_протокол.xlsx");
    await writeBook(src, [
      protocolSheet({
        sheetName: "Page 1", procedure: "ЕГЭ", documents: true,
        blocks: [
          { code: 1, subject: "Русский язык", date: "2025.06.01", people: [
            { ...person(...MAGOMEDOV, 7002, "11А", 40, ""), document: "9612 345678", test: 70 },
            { ...person(...ALIEVA, 7002, "11А", 30, ""), document: "9612 111222", test: "55" },
            { ...person(...DUDAEV, 7002, "11Б", "", ""), document: "9612 333444", test: "" },
          ] },
          { code: 2, subject: "Математика (профильный уровень)", date: "2025.06.04", people: [
            { ...person(...MAGOMEDOV, 7002, "11А", 15, ""), document: "9612 345678", test: 72 },
          ] },
          { code: 29, subject: "Английский язык (устная часть)", date: "2025.06.10", people: [
            { ...person(...ALIEVA, 7002, "11А", 15, ""), document: "9612 111222", test: 60 },
          ] },
        ],
      }),
    ]);
    execFileSync("soffice", ["--headless", "--convert-to", "xls", "--outdir", tmp, src], { stdio: "ignore", timeout: 120_000 });
    renameSync(join(tmp, "ЕГЭ_2025_протокол.xls"), join(GOOD, "ЕГЭ_2025_протокол.xls"));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // Bad inputs, one folder each.
  const bad = async (dir: string, file: string, sheets: SheetData[]): Promise<void> => {
    mkdirSync(join(BAD, dir), { recursive: true });
    await writeBook(join(BAD, dir, file), sheets);
  };
  await bad("unknown", "отчёт.xlsx", [{ name: "Лист1", rows: [["Показатель", "Значение"], ["Школ", 12], ["Учителей", 340]] }]);
  await bad("no-header", "ОГЭ_без_заголовка.xlsx", [
    protocolSheet({ sheetName: "Page 1", procedure: "ОГЭ", blocks: [
      { code: 1, subject: "Русский язык", date: "2025.05.27", noHeader: true, people: [person(...IVANOV, 7001, "9А", 30, 5)] },
      { code: 2, subject: "Математика", date: "2025.06.03", people: [person(...IVANOV, 7001, "9А", 25, 5)] },
    ] }),
  ]);
  await bad("max", "ВПР_2025_РУ_4_макс.xlsx", [ru4(40)]);
  await bad("two-schools", "ОГЭ_2025_дубль.xlsx", [
    protocolSheet({ sheetName: "Page 1", procedure: "ОГЭ", blocks: [
      { code: 1, subject: "Русский язык", date: "2025.05.27", people: [person(...PETROVA, 7001, "9А", 20, 3), person(...PETROVA, 7002, "9А", 22, 3)] },
    ] }),
  ]);
  await bad("marks", "ВПР_2025_МА_7.xlsx", [
    fisIndividualSheet({
      sheetName: "МА 7 Индивидуальные результаты", year: 2025, subject: "Математика", grade: 7, max: 19, tasks: MA_TASKS,
      schools: [{ login: "edu100001", name: "МБОУ «СОШ №1»", municipality: "г. Грозный", participants: [
        { code: 10301, score: 12, mark: 3 },
        { code: 10302, score: 11, mark: 4 },
        { code: 10303, score: 17, mark: 5 },
      ] }],
    }),
  ]);
  await bad("no-title", "ВПР_без_заголовка.xlsx", [
    fisIndividualSheet({ sheetName: "РУ 4 Индивидуальные результаты", year: 2025, subject: "Русский язык", grade: 4, max: 38, tasks: RU_TASKS, noTitle: true, schools: [
      { login: "edu100001", name: "МБОУ «СОШ №1»", municipality: "г. Грозный", participants: [{ code: 10001, score: 35, mark: 5 }] },
    ] }),
  ]);
  await writeBook(join(BAD, "школы_логин_дважды.xlsx"), [
    { name: "Школы", rows: [...schoolsSheet.rows.slice(0, 3), ["7005", "МБОУ «Гимназия №5»", "г. Грозный", "город", 700, 35, 8, 2, "edu100001"]] },
    scalesSheet,
  ]);

  writeFileSync(join(DIR, "people.json"), JSON.stringify(PEOPLE.map((p) => [...p]), null, 1) + "\n");
  console.log(`Готово: ${DIR}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
