/**
 * Writes a generated region's «Баллы» out as the exports an analyst receives (FORMATS.md): ВПР as
 * ФИС ОКО «Индивидуальные результаты» workbooks (one per year and subject, a sheet per grade,
 * schools by login), ОГЭ and ЕГЭ as processing-centre protocols (one per year and procedure, a
 * block per subject, full names and no participant code), plus the «Школы» workbook with a
 * `Логин ФИС ОКО` column that the import joins through.
 */
import { join } from "node:path";
import type { CellValue } from "../../../src/schema/raw";
import { fisIndividualSheet, protocolSheet, writeBook, type Cell, type FisSchool, type ProtocolPerson, type SheetData } from "./exportWriters";

export interface RegionSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

export const EXAM_CODES: Readonly<Record<string, number>> = {
  "Русский язык": 1, Математика: 2, "Математика профильная": 2, "Математика базовая": 22, Физика: 3, Химия: 4, Информатика: 5,
  Биология: 6, История: 7, География: 8, "Английский язык": 9, Обществознание: 12, Литература: 18,
};

export function loginOf(index: number): string {
  return `edu${String(200000 + index)}`;
}

const SURNAMES = ["Абаев", "Бисаев", "Гайтиев", "Дадаев", "Ельмурзаев", "Жабраилов", "Закриев", "Ибаев", "Кадыров", "Лорсанов"];
const GIVEN = ["Адам", "Билал", "Вахид", "Гарун", "Дени", "Заур", "Ильяс", "Идрис", "Мансур", "Рамзан"];

/** A made-up name for a pupil, and a document that makes it unique. */
function personOf(school: string, participant: string): Pick<ProtocolPerson, "surname" | "name" | "patronymic" | "document"> {
  let h = 0;
  for (const ch of `${school}/${participant}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return { surname: SURNAMES[h % 10] as string, name: GIVEN[(h >> 4) % 10] as string, patronymic: `${GIVEN[(h >> 8) % 10] as string}ович`, document: `${school}-${participant}` };
}

/**
 * Writes the exports into `dir` and returns the «Школы» base workbook's sheets (the region's
 * sheets without «Баллы», «Школы» with logins).
 */
export async function writeRegionExports(dir: string, sheets: readonly RegionSheet[]): Promise<SheetData[]> {
  const get = (name: string): RegionSheet => {
    const s = sheets.find((x) => x.name === name);
    if (s === undefined) throw new Error(`no sheet ${name}`);
    return s;
  };
  const schools = get("Школы");
  const header = schools.rows[0] ?? [];
  const idCol = header.indexOf("Код ОО");
  const nameCol = header.indexOf("Наименование");
  const muniCol = header.indexOf("Муниципалитет");
  const info = new Map<string, { login: string; name: string; municipality: string }>();
  schools.rows.slice(1).forEach((r, i) => info.set(String(r[idCol]), { login: loginOf(i), name: String(r[nameCol]), municipality: String(r[muniCol]) }));

  const scales = get("Шкалы");
  const sh = scales.rows[0] ?? [];
  const maxOf = new Map<string, number>();
  for (const r of scales.rows.slice(1)) maxOf.set(`${String(r[sh.indexOf("Процедура")])}|${String(r[sh.indexOf("Класс")])}|${String(r[sh.indexOf("Предмет")])}`, Number(r[sh.indexOf("Максимальный балл")]));

  const scores = get("Баллы");
  const h = scores.rows[0] ?? [];
  const at = (name: string): number => h.indexOf(name);
  const [cSchool, cYear, cProc, cGrade, cPid, cSubj, cScore, cMark] = ["Код ОО", "Год", "Процедура", "Класс", "Код участника", "Предмет", "Балл", "Отметка"].map(at) as number[];
  // «Отметка по журналу» travels in the ФИС ОКО form when the region has it.
  const cJournal = at("Отметка по журналу");
  // procedure → year → subject → grade → school → rows
  const tree = new Map<string, Map<number, Map<string, Map<number, Map<string, (readonly CellValue[])[]>>>>>();
  for (const r of scores.rows.slice(1)) {
    const path: [string, number, string, number, string] = [String(r[cProc as number]), Number(r[cYear as number]), String(r[cSubj as number]), Number(r[cGrade as number]), String(r[cSchool as number])];
    let a = tree.get(path[0]);
    if (a === undefined) tree.set(path[0], (a = new Map()));
    let b = a.get(path[1]);
    if (b === undefined) a.set(path[1], (b = new Map()));
    let c = b.get(path[2]);
    if (c === undefined) b.set(path[2], (c = new Map()));
    let d = c.get(path[3]);
    if (d === undefined) c.set(path[3], (d = new Map()));
    let e = d.get(path[4]);
    if (e === undefined) d.set(path[4], (e = []));
    e.push(r);
  }
  const cell = (v: CellValue | undefined): Cell => (v === undefined || v === null || typeof v === "boolean" || typeof v === "object" ? null : v);

  for (const [procedure, years] of tree) {
    for (const [year, subjects] of years) {
      if (procedure === "ВПР") {
        for (const [subject, grades] of subjects) {
          const books: SheetData[] = [];
          for (const [grade, bySchool] of grades) {
            const fisSchools: FisSchool[] = [...bySchool].map(([id, rows]) => {
              const s = info.get(id) as { login: string; name: string; municipality: string };
              return { login: s.login, name: s.name, municipality: s.municipality, participants: rows.map((r) => ({ code: cell(r[cPid as number]), score: cell(r[cScore as number]), mark: cell(r[cMark as number]) ?? "X", journal: cJournal < 0 ? null : (cell(r[cJournal]) ?? "нет отметки") })) };
            });
            books.push(fisIndividualSheet({ sheetName: `${subject.slice(0, 2).toUpperCase()} ${grade} Индивидуальные результаты`, year, subject, grade, max: maxOf.get(`ВПР|${grade}|${subject}`) ?? 0, tasks: ["1 (1б)", "2 (2б)"], schools: fisSchools, journal: cJournal >= 0 }));
          }
          await writeBook(join(dir, `ВПР_${year}_${subject}.xlsx`), books);
        }
      } else {
        const ege = procedure === "ЕГЭ";
        const blocks = [...subjects].map(([subject, grades]) => ({
          code: EXAM_CODES[subject] ?? 99,
          subject,
          date: `${year}.06.0${1 + (EXAM_CODES[subject] ?? 0) % 9}`,
          people: [...grades].flatMap(([grade, bySchool]) =>
            [...bySchool].flatMap(([id, rows]) =>
              rows.map((r): ProtocolPerson => ({
                msu: 1,
                school: id,
                cls: `${grade}А`,
                ...personOf(id, String(r[cPid as number])),
                primary: cell(r[cScore as number]),
                ...(ege ? { test: cell(r[cScore as number]) } : { mark: cell(r[cMark as number]) }),
              })),
            ),
          ),
        }));
        await writeBook(join(dir, `${procedure}_${year}_протокол.xlsx`), [protocolSheet({ sheetName: "Page 1", procedure: procedure as "ОГЭ" | "ЕГЭ", blocks, documents: true })]);
      }
    }
  }
  // The base: every sheet but «Баллы»; «Школы» with logins.
  return sheets
    .filter((s) => s.name !== "Баллы")
    .map((s): SheetData => ({
      name: s.name,
      rows: s.name === "Школы" ? s.rows.map((r, i) => [...r.map(cell), i === 0 ? "Логин ФИС ОКО" : loginOf(i - 1)]) : s.rows.map((r) => r.map(cell)),
    }));
}
