/**
 * Builds the hostile-input corpus: small files that attack the .xlsx reader (addresses beyond
 * Excel's limits, zip bombs, unclosed markup, lying zip directories, …). Each case is named
 * after what it attacks and says what the reader must answer. Nothing is committed: the test
 * (hostile.test.ts) builds the files into a temporary folder, and so can you:
 *
 *   npx tsx tests/hostile/makeHostile.ts /tmp/hostile
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw, deflateRawSync } from "node:zlib";

export interface HostileCase {
  /** File name (without .xlsx): what it attacks. */
  readonly name: string;
  /** What the Russian message on stderr must say. */
  readonly message: RegExp;
  readonly build: () => Promise<Buffer>;
}

interface Part {
  readonly name: string;
  /** The deflated bytes. */
  readonly body: Buffer;
  /** Uncompressed size written in the directory (may lie). */
  readonly declared: number;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function part(name: string, text: string): Part {
  const data = Buffer.from(text, "utf8");
  return { name, body: deflateRawSync(data), declared: data.length };
}

/** `head`, then `filler` repeated until `size` bytes, then `tail`, deflated as a stream (never held whole). */
async function repeated(name: string, head: string, filler: string, size: number, tail: string): Promise<Part & { size: number }> {
  const out: Buffer[] = [];
  const z = createDeflateRaw({ level: 9, chunkSize: 1 << 16 });
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on("end", resolve);
    z.on("error", reject);
  });
  const block = Buffer.from(filler.repeat(Math.max(1, Math.floor((1 << 20) / filler.length))), "utf8");
  let total = 0;
  const write = (b: Buffer): Promise<void> => new Promise((resolve) => (z.write(b) ? resolve() : z.once("drain", resolve)));
  await write(Buffer.from(head, "utf8"));
  total += Buffer.byteLength(head);
  while (total < size) {
    await write(block);
    total += block.length;
  }
  await write(Buffer.from(tail, "utf8"));
  total += Buffer.byteLength(tail);
  z.end();
  await done;
  return { name, body: Buffer.concat(out), declared: total, size: total };
}

/** A zip of the parts; `patch` may then damage the end record or the directory. */
function zip(parts: readonly Part[], patch?: (file: Buffer, cdOffset: number, eocd: number) => void): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const nameBuf = Buffer.from(p.name, "utf8");
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(p.body.length, 18);
    head.writeUInt32LE(Math.min(p.declared, 0xfffffffe), 22);
    head.writeUInt16LE(nameBuf.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(p.body.length, 20);
    cen.writeUInt32LE(Math.min(p.declared, 0xfffffffe), 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(head, nameBuf, p.body);
    central.push(cen, nameBuf);
    offset += 30 + nameBuf.length + p.body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  const file = Buffer.concat([...locals, cd, end]);
  patch?.(file, offset, file.length - 22);
  return file;
}

/** The parts of a one-sheet workbook («Школы») around the given sheet part. */
function workbookParts(sheet: Part, extra: readonly Part[] = []): Part[] {
  return [
    part("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part("xl/workbook.xml", `<?xml version="1.0"?><workbook ${NS} ${R_NS}><sheets><sheet name="Школы" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { ...sheet, name: "xl/worksheets/sheet1.xml" },
    ...extra,
  ];
}

const sheetXml = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R_NS}>${body}</worksheet>`;
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R_NS}><sheetData>`;
const MB = 1 << 20;

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: "row-address-beyond-excel",
    message: /строка 2\s000\s000\s000: номер строки больше 1\s048\s576 — предела Excel/,
    build: async () => zip(workbookParts(part("s", sheetXml('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>')))),
  },
  {
    name: "column-address-beyond-excel",
    message: /столбец номер 321\s272\s406 за пределом Excel \(16\s384, XFD\)/,
    build: async () => zip(workbookParts(part("s", sheetXml('<sheetData><row r="2"><c r="ZZZZZZ2"><v>1</v></c></row></sheetData>')))),
  },
  {
    name: "cells-far-apart-within-limits",
    // A cell in column XFD on each of 100,000 rows: within Excel's limits, but 1.6 billion empty cells to fill in.
    message: /заполненные ячейки разбросаны слишком далеко друг от друга/,
    build: async () => zip(workbookParts(await repeated("s", HEAD, '<row><c r="XFD1"><v>1</v></c></row>', 3.5 * MB, "</sheetData></worksheet>"))),
  },
  {
    name: "rows-without-cells-beyond-excel",
    // Rows with no r attribute and no cells: each one counts, until past row 1,048,576.
    message: /номер строки больше 1\s048\s576/,
    build: async () => zip(workbookParts(await repeated("s", HEAD, "<row ></row>", 16 * MB, "</sheetData></worksheet>"))),
  },
  {
    name: "cells-without-attributes-beyond-excel",
    // `<c >` tags with no attribute to find: each must be parsed within its own tag (not by searching the rest of the chunk).
    message: /столбец номер 16\s385 за пределом Excel/,
    build: async () => zip(workbookParts(await repeated("s", `${HEAD}<row r="1">`, "<c ></c>", 8 * MB, "</row></sheetData></worksheet>"))),
  },
  {
    name: "zip-bomb-declared-in-directory",
    // The directory honestly declares ~4 GB unpacked: refused before inflating anything.
    message: /распаковывается больше чем в \d[\d\s]* МБ.*zip-бомба/,
    build: async () => zip(workbookParts({ ...part("s", sheetXml("<sheetData/>")), declared: 0xfffffff0 })),
  },
  {
    name: "zip-bomb-directory-lies",
    // 600 MB of rows declared as 10 KB: stopped as soon as the part outgrows its declared size.
    message: /распаковывается больше, чем записано в оглавлении/,
    build: async () => zip(workbookParts({ ...(await repeated("s", HEAD, "<row><c><v>1</v></c></row>", 600 * MB, "</sheetData></worksheet>")), declared: 10_000 })),
  },
  {
    name: "zip-bomb-without-sizes",
    // 600 MB of whitespace with no size in the directory: stopped by the unpacked-size bound (256 MB for a small file).
    message: /распаковывается больше чем в 256 МБ/,
    build: async () => zip(workbookParts({ ...(await repeated("s", HEAD, " ", 600 * MB, "</sheetData></worksheet>")), declared: 0 })),
  },
  {
    name: "unclosed-tag",
    // A tag that never closes: 64 MB of attribute text (the file is ~60 KB).
    message: /тег длиннее 1\s048\s576 символов не закрыт/,
    build: async () => zip(workbookParts(await repeated("s", `${HEAD}<row r="1"><c r="A1" x="`, "a", 64 * MB, '"/></row></sheetData></worksheet>'))),
  },
  {
    name: "unclosed-comment",
    message: /комментарий не закрыт/,
    build: async () => zip(workbookParts(await repeated("s", `${HEAD}<!--`, "-", 64 * MB, "</sheetData></worksheet>"))),
  },
  {
    name: "unclosed-cdata",
    message: /раздел CDATA не закрыт/,
    build: async () => zip(workbookParts(await repeated("s", `${HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[`, "x", 64 * MB, "</t></is></c></row></sheetData></worksheet>"))),
  },
  {
    name: "cell-text-of-64-mb",
    message: /ячейка A1: текст длиннее 1\s048\s576 символов/,
    build: async () => zip(workbookParts(await repeated("s", `${HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`, "Ш", 64 * MB, "</t></is></c></row></sheetData></worksheet>"))),
  },
  {
    name: "shared-string-of-many-runs",
    message: /общие строки книги.*текст длиннее/,
    build: async () => {
      const sst = await repeated("xl/sharedStrings.xml", `<?xml version="1.0"?><sst ${NS}><si>`, "<r><t>ШНОР ШНОР ШНОР</t></r>", 32 * MB, "</si></sst>");
      const parts = workbookParts(part("s", sheetXml('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>')));
      parts[2] = part(
        "xl/_rels/workbook.xml.rels",
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      );
      return zip([...parts, sst]);
    },
  },
  {
    name: "merged-ranges-over-whole-sheet",
    // 100,000 merges of the whole sheet over 10,000 real rows: a billion cells to visit.
    message: /объединённые ячейки .* покрывают больше 50\s000\s000 ячеек/,
    build: async () => {
      const rows = Array.from({ length: 10_000 }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
      return zip(workbookParts(part("s", sheetXml(`<sheetData>${rows}</sheetData><mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(100_000)}</mergeCells>`))));
    },
  },
  {
    name: "zip-directory-claims-4-gb",
    message: /оглавление zip-архива \.xlsx указывает за конец файла/,
    build: async () => zip(workbookParts(part("s", sheetXml("<sheetData/>"))), (file, _cd, eocd) => file.writeUInt32LE(0xfffffff0, eocd + 12)),
  },
  {
    name: "zip-directory-claims-65534-parts",
    message: /называет 65\s534 частей, которые в нём не помещаются/,
    build: async () =>
      zip(workbookParts(part("s", sheetXml("<sheetData/>"))), (file, _cd, eocd) => {
        file.writeUInt16LE(65534, eocd + 8);
        file.writeUInt16LE(65534, eocd + 10);
      }),
  },
  {
    name: "zip-part-larger-than-file",
    message: /называет часть «xl\/worksheets\/sheet1\.xml» размером больше самого файла/,
    build: async () =>
      zip(workbookParts(part("s", sheetXml("<sheetData/>"))), (file, cd) => {
        // The fourth directory entry is the sheet: claim a 3 GB compressed size.
        let p = cd;
        for (let i = 0; i < 3; i++) p += 46 + file.readUInt16LE(p + 28) + file.readUInt16LE(p + 30) + file.readUInt16LE(p + 32);
        file.writeUInt32LE(0xc0000000, p + 20);
      }),
  },
  {
    name: "corrupt-deflate-data",
    message: /часть «xl\/worksheets\/sheet1\.xml» не распаковывается \(сжатые данные испорчены/,
    build: async () => zip(workbookParts({ name: "s", body: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x11, 0x22, 0x33]), declared: 100 })),
  },
  {
    name: "truncated-file",
    message: /файл повреждён или обрезан/,
    build: async () => {
      const whole = zip(workbookParts(part("s", sheetXml('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'))));
      return whole.subarray(0, whole.length - 30);
    },
  },
];

/** Writes every case into `dir`; returns the paths by case name. */
export async function makeHostile(dir: string, cases: readonly HostileCase[] = HOSTILE_CASES): Promise<Map<string, string>> {
  mkdirSync(dir, { recursive: true });
  const out = new Map<string, string>();
  for (const c of cases) {
    const file = join(dir, `${c.name}.xlsx`);
    writeFileSync(file, await c.build());
    out.set(c.name, file);
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (dir === undefined) {
    process.stderr.write("Использование: npx tsx tests/hostile/makeHostile.ts <папка>\n");
    process.exit(2);
  }
  makeHostile(dir).then(
    (files) => process.stdout.write([...files.values()].join("\n") + "\n"),
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
}
