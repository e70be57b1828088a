/**
 * The analytical report (.docx, SPEC.md §12) opened by unzipping it: every ШНОР and ШНСУ school
 * of the JSON appears with its basis, the category counts and the municipalities' numbers are the
 * JSON's, no participant code appears anywhere in the package, and it is a Word document with
 * tables, a table of contents, page numbers and charts.
 */
import { resultJson } from "../../src/cli/json";
import { handoverList } from "../../src/engine/handover/lists";
import { CATEGORY_ORDER } from "../../src/workbook/resultSheets";
import { reportBytes } from "../../src/report/report";
import { zipEntries } from "../workbook/unzip";
import { reportResult } from "./reportRegion";

/** Paragraph texts of a WordprocessingML part, runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1] ?? "")).join(""));
}

/** Rows of every table: the text of each cell (its paragraphs joined by "\n"). */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphs(tc[0]).join("\n")));
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

describe("the analytical report", () => {
  const { input, result } = reportResult();
  const json = resultJson(result) as {
    schools: { id: string; name: string; category: string; shnor: boolean; shnsu: boolean; municipality: string }[];
    municipalities: { name: string; schools: number; shnor: number; shnsu: number; shnorOrShnsu: number }[];
  };
  let entries: Map<string, Buffer>;
  let xml: string;
  let rows: string[][];

  beforeAll(async () => {
    entries = zipEntries(await reportBytes(result, { date: "2025-06-30", source: "регион.xlsx" }));
    xml = entries.get("word/document.xml")?.toString("utf8") ?? "";
    rows = tableRows(xml);
  });

  it("has ШНОР and ШНСУ schools to check (the region is not trivial)", () => {
    expect(json.schools.filter((s) => s.shnor).length).toBeGreaterThan(0);
    expect(json.schools.filter((s) => s.shnsu).length).toBeGreaterThan(0);
  });

  it("lists every ШНОР and ШНСУ school of the JSON with its basis", () => {
    for (const kind of ["shnor", "shnsu"] as const) {
      const ids = json.schools.filter((s) => s[kind]).map((s) => s.id);
      const listed = handoverList(result, kind);
      expect(listed.map((r) => r.id).sort()).toEqual([...ids].sort());
      for (const r of listed) {
        const school = json.schools.find((s) => s.id === r.id);
        expect(rows).toContainEqual([String(r.n), r.municipality, r.id, school?.name, school?.category, r.basis]);
      }
    }
  });

  it("gives the category counts of the JSON", () => {
    const n = json.schools.length;
    for (const category of CATEGORY_ORDER) {
      const count = json.schools.filter((s) => s.category === category).length;
      const share = `${((count / n) * 100).toFixed(1).replace(".", ",")} %`;
      expect(rows).toContainEqual([category, String(count), share]);
    }
    const shnor = json.schools.filter((s) => s.shnor).length;
    const shnsu = json.schools.filter((s) => s.shnsu).length;
    expect(paragraphs(xml).join("\n")).toContain(`из ${n} школ региона ${shnor} отнесены к ШНОР, ${shnsu} — к ШНСУ`);
  });

  it("gives the municipalities' numbers of the JSON", () => {
    for (const m of json.municipalities) {
      const row = rows.find((r) => r[0] === m.name && r.length === 6);
      expect(row?.slice(1, 5)).toEqual([m.schools, m.shnor, m.shnsu, m.shnorOrShnsu].map(String));
    }
  });

  it("writes no participant data anywhere in the package", () => {
    const codes = input.scores.map((s) => s.participantId);
    expect(codes.length).toBeGreaterThan(0);
    for (const [name, data] of entries) {
      const text = data.toString("utf8");
      for (const code of new Set(codes)) if (text.includes(code)) throw new Error(`${name} contains participant code ${code}`);
    }
    expect(/УЧ-S\d\d/.test(xml)).toBe(false);
  });

  it("has recommendations per school and the mentors of every ШНОР", () => {
    const text = paragraphs(xml).join("\n");
    for (const s of result.schools) {
      for (const r of s.recommendations ?? []) expect(text).toContain(`${r.text} (основание: ${r.basis})`);
      if (s.shnor) expect(rows.some((row) => row[0]?.startsWith(`${s.name} (${s.id})`) && row[2] === s.mentorsNote)).toBe(true);
    }
  });

  it("is a Word document with tables, a table of contents, page numbers, headings and charts", () => {
    // Booleans, so that a failure does not print the whole document.
    expect(xml.includes("<w:tbl>")).toBe(true);
    expect(/<w:docPartGallery w:val="Table of Contents"\/>/.test(xml)).toBe(true);
    expect(/TOC \\h \\o &quot;1-2&quot;/.test(xml)).toBe(true);
    const footer = [...entries.keys()].filter((k) => /^word\/footer\d*\.xml$/.test(k)).map((k) => entries.get(k)?.toString("utf8") ?? "").join("");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const headings = paragraphs(xml);
    for (const h of ["1. Методика и параметры", "2. Регион в цифрах", "2.2. Динамика", "5. Школы с признаками необъективности результатов", "7. Школы-наставники для ШНОР", "8. Адресные рекомендации"]) expect(headings).toContain(h);
    expect([...entries.keys()].filter((k) => /^word\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(3);
  });

  it("leaves the charts out when asked, and says so", async () => {
    const bare = zipEntries(await reportBytes(result, { date: "2025-06-30", charts: false }));
    expect([...bare.keys()].some((k) => k.startsWith("word/charts/"))).toBe(false);
    expect(paragraphs(bare.get("word/document.xml")?.toString("utf8") ?? "").join("\n")).toContain("Диаграммы в эту справку не включены");
  });
});
