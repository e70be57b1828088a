/**
 * The result workbook writer writes its rows as bytes (no string per cell): checked here against
 * the string-built writer it replaced (tests/workbook/helpers/resultWriterReference.ts) — every
 * part the same, byte for byte, and the same report (sheets, cut cells) — on a demo region's
 * result sheets, on hostile text, and on generated sheets of every kind of number, empty and
 * styled cells, wrapped rows, wide rows past column Z and enough rows to span several chunks.
 */
import { generateDemoRegion } from "../../src/demo/region";
import { PRESETS } from "../../src/engine";
import { parseWorkbook } from "../../src/schema";
import type { CellValue } from "../../src/schema/raw";
import { analyseParsed } from "../../src/workbook/pipeline";
import { POINTS_FORMAT, type NumberFormat, type SheetSpec, type SpecCell, type StyledCell, type WriteReport } from "../../src/workbook/port";
import { writeResultWorkbook, type PartZip } from "../../src/workbook/resultWriter";
import { resultSheets } from "../../src/workbook/resultSheets";
import { writeResultWorkbook as referenceWriter } from "./helpers/resultWriterReference";
import { Random } from "../../src/demo/prng";

/** Every part's bytes, in the order added. */
class Parts implements PartZip {
  readonly parts: [string, Buffer][] = [];
  async add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const pieces: Buffer[] = [];
    for (const c of chunks) pieces.push(typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c));
    this.parts.push([name, Buffer.concat(pieces)]);
  }
  async finish(): Promise<void> {}
}

async function both(specs: readonly SheetSpec[]): Promise<{ ours: Parts; theirs: Parts; report: WriteReport; reference: WriteReport }> {
  const ours = new Parts();
  const theirs = new Parts();
  const report = await writeResultWorkbook(specs, ours);
  const reference = await referenceWriter(specs, theirs);
  return { ours, theirs, report, reference };
}

async function expectSame(specs: readonly SheetSpec[]): Promise<Parts> {
  const { ours, theirs, report, reference } = await both(specs);
  expect(ours.parts.map(([n]) => n)).toEqual(theirs.parts.map(([n]) => n));
  for (let i = 0; i < ours.parts.length; i++) {
    const [name, bytes] = ours.parts[i] as [string, Buffer];
    const expected = (theirs.parts[i] as [string, Buffer])[1];
    // The part's name in the message says which one differs; the text says where.
    expect({ name, text: bytes.toString("utf8") }).toEqual({ name, text: expected.toString("utf8") });
    expect(bytes.equals(expected)).toBe(true);
  }
  expect(report).toEqual(reference);
  return ours;
}

/** The demo's seeded generator (mulberry32), so a failure is reproducible. */
function prng(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

const NUMBERS: readonly number[] = [
  0, -0, 1, 7, 9, 10, 11, 99, 100, 12345, 2 ** 31 - 1, 2 ** 31, 2 ** 32, -1, -9, -10, -(2 ** 31), -(2 ** 31) - 1, 1.5, -0.25, 0.1 + 0.2, 1 / 3,
  1e21, 1e-7, 123456789012345680000, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE, 5e-324,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.000001, 1e20, 99.99999999999999,
];

describe("the result writer's byte rows against the string-built writer", () => {
  it("write the same parts for a demo region's result sheets", async () => {
    const region = generateDemoRegion({ schools: 90, municipalities: 4 });
    const parsed = parseWorkbook({ sheets: region.sheets.map((s) => ({ name: s.name, rows: [[...s.header] as CellValue[], ...s.rows()] })) });
    if (!parsed.ok) throw new Error("the demo region does not parse");
    const { result, inputRows } = analyseParsed(parsed.input, parsed.issues, PRESETS.kbr);
    const specs = resultSheets(result, { inputRows, date: "2025-06-30", source: "demo-region.xlsx" });
    expect(specs.reduce((n, s) => n + s.rows.length, 0)).toBeGreaterThan(1000);
    await expectSame(specs);
  });

  it("write the same parts for hostile text, cut cells and a table name used twice", async () => {
    const hostile: SheetSpec = {
      name: "Итоги\ufffe",
      columns: [
        { header: "Код\uffff", width: 10, format: "@" },
        { header: "Наименование <&>", width: 40, format: "@", wrap: true },
        { header: " ИСБ ", width: 8, format: "0.0" },
      ],
      rows: [
        ["1\ufffe", "Школа\uffff «Ёлка» \u0001\u0008\u000b\u001f & <b>", 1.5],
        ["2", "ж".repeat(40_000), null],
        ["=HYPERLINK(\"http://x\")", " ведущий пробел ", Number.NaN],
        ["4", "x\ud800y\udc00z 🏫 \ufdd0 \ud83f\udffe", -0.25],
        ["", "a\nb\nc\n\nd", -0],
        ["5", "🏫".repeat(20_000), 3],
        ["5", "ж".repeat(40_000), 4],
        [],
      ],
      styles: [
        { row: 0, style: { fill: "#C00000", font: "#FFFFFF", bold: true } },
        { row: 2, column: 1, style: { numberFormat: "0%" } },
        { row: 99, style: { bold: true } },
      ],
      table: { name: "ШНОР_Итоги" },
      freezeHeader: true,
    };
    const again: SheetSpec = { ...hostile, name: "Ещё", freezeHeader: false };
    const empty: SheetSpec = { name: "Пусто", columns: [], rows: [], styles: [], table: { name: "Пусто" }, freezeHeader: true };
    const ours = await expectSame([hostile, again, empty]);
    expect(ours.parts.length).toBeGreaterThan(10);
  });

  it("write the same parts for every kind of number, empty and styled cells, wide and wrapped rows, across several chunks", async () => {
    const random = prng(14);
    const width = 30;
    const columns = Array.from({ length: width }, (_, i) => ({
      header: `Столбец ${i}`,
      width: 5 + (i % 7) * 4,
      format: (["General", "0", "0.00", "0.0%", "@", POINTS_FORMAT] as const)[i % 6] as NumberFormat,
      ...(i % 9 === 4 ? { wrap: true } : {}),
    }));
    const rows: SpecCell[][] = [];
    const styles: StyledCell[] = [];
    for (let r = 0; r < 12_000; r++) {
      const row: SpecCell[] = [];
      for (let c = 0; c < width; c++) {
        const x = random();
        if (x < 0.35) row.push(NUMBERS[Math.floor(random() * NUMBERS.length)] as number);
        else if (x < 0.55) row.push(Math.floor(random() * 1e6) - 5e5);
        else if (x < 0.65) row.push(random() * 100);
        else if (x < 0.8) row.push(`Школа № ${Math.floor(random() * 300)}${c % 9 === 4 && random() < 0.5 ? "\nпричина ".repeat(1 + Math.floor(random() * 5)) : ""}`);
        else if (x < 0.9) row.push(null);
        else if (x < 0.95) row.push("");
      }
      rows.push(row);
      if (random() < 0.2) styles.push({ row: r, column: Math.floor(random() * width), style: { fill: random() < 0.5 ? "#FFC7CE" : "#C6EFCE", bold: random() < 0.5 } });
      if (random() < 0.05) styles.push({ row: r, style: { numberFormat: "0.000" } });
    }
    const generated: SheetSpec = { name: "Числа", columns, rows, styles, table: { name: "Числа" }, freezeHeader: true };
    const ours = await expectSame([generated]);
    const sheet = ours.parts.find(([n]) => n === "xl/worksheets/sheet1.xml")?.[1];
    // Large enough to be written in several chunks of 1 MB.
    expect(sheet?.length ?? 0).toBeGreaterThan(3 << 20);
  });
});
