/**
 * One spelling per municipality. People type the same name several ways: in another case, with
 * «ё» or «е», with a Latin letter that looks Cyrillic ("Нaльчик" with a Latin "a"), with double or
 * no-break spaces. Values are grouped by the key headers are matched with ({@link looseKey});
 * each group is shown in its most frequent spelling (the first seen on a tie), and where two or
 * more spellings merged a warning names them and their cells, so nothing is merged silently.
 */
import { cellAddress } from "../../../src/schema/issues";
import type { ReadRow, ReadSheet } from "./readSheet";
import type { IssueSink } from "../../../src/schema/sink";
import { looseKey } from "../../../src/schema/text";

/** Cells listed per spelling in the warning before the rest are counted. */
const CELLS_PER_SPELLING = 5;

const LATIN_LOOKALIKE = /[abcehkmoptxyABCEHKMOPTXY]/g;
const CYRILLIC = /[\u0400-\u04ff]/u;

/** "латинские буквы a, o" for a name that mixes Cyrillic with Latin look-alikes, else "". */
export function lookalikeNote(s: string): string {
  if (!CYRILLIC.test(s)) return "";
  const latin = [...new Set(s.match(LATIN_LOOKALIKE) ?? [])];
  if (latin.length === 0) return "";
  return `${latin.length === 1 ? "латинская буква" : "латинские буквы"} ${latin.join(", ")}`;
}

interface Group {
  readonly key: string;
  /** Spelling → the rows it is written on, in sheet order. */
  readonly spellings: Map<string, number[]>;
}

/** Spelling of a group: the given one, else the most frequent (the first seen on a tie). */
function chosen(group: Group, given: string | undefined): string {
  if (given !== undefined) return given;
  let best = "";
  let n = -1;
  for (const [s, rows] of group.spellings) {
    if (rows.length > n) {
      best = s;
      n = rows.length;
    }
  }
  return best;
}

/** «Нaльчик» (латинская буква a; C3, C5 и ещё 2) */
function spellingText(spelling: string, rows: readonly number[], column: number | null): string {
  const cells = rows.slice(0, CELLS_PER_SPELLING).map((r) => (column === null ? `строка ${r + 1}` : cellAddress(r, column)));
  const more = rows.length > CELLS_PER_SPELLING ? ` и ещё ${rows.length - CELLS_PER_SPELLING}` : "";
  const note = lookalikeNote(spelling);
  return `«${spelling}» (${note === "" ? "" : `${note}; `}${cells.join(", ")}${more})`;
}

export interface UnifiedSpellings<T> {
  readonly rows: ReadRow<T>[];
  /** {@link looseKey} → the spelling used. */
  readonly spelling: ReadonlyMap<string, string>;
}

/**
 * Gives every row of `sheet` one spelling of `field` per {@link looseKey}: the spelling `given`
 * names for the key (another sheet's, e.g. «Школы» for «Мониторинг МО»), else the most
 * frequent on this sheet. A `spellings-merged` warning per merged group, at the first cell
 * written another way, lists each spelling with its cells.
 */
export function unifySpellings<T, K extends keyof T & string>(
  sheet: ReadSheet<T>,
  rows: readonly ReadRow<T>[],
  field: K,
  /** What the values are, for the message: "муниципалитет". */
  what: string,
  sink: IssueSink,
  given?: { readonly sheet: string; readonly spelling: ReadonlyMap<string, string> },
): UnifiedSpellings<T> {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const v = r.value[field];
    if (typeof v !== "string") continue;
    const key = looseKey(v);
    let g = groups.get(key);
    if (g === undefined) {
      g = { key, spellings: new Map() };
      groups.set(key, g);
    }
    const at = g.spellings.get(v);
    if (at === undefined) g.spellings.set(v, [r.row]);
    else at.push(r.row);
  }
  const spelling = new Map<string, string>();
  const column = sheet.columns.get(field) ?? null;
  for (const g of groups.values()) {
    const outside = given?.spelling.get(g.key);
    const use = chosen(g, outside);
    spelling.set(g.key, use);
    const others = [...g.spellings].filter(([s]) => s !== use);
    if (others.length === 0) continue;
    const firstOther = Math.min(...others.map(([, at]) => at[0] ?? Number.MAX_SAFE_INTEGER));
    const listed = [...g.spellings].map(([s, at]) => spellingText(s, at, column)).join(", ");
    sink.push({
      code: "spellings-merged",
      sheet: sheet.name,
      row: firstOther,
      column,
      details: { what, spellings: listed, chosen: use, ...(outside === undefined || given === undefined ? {} : { from: given.sheet }) },
    });
  }
  const out = rows.map((r) => {
    const v = r.value[field];
    if (typeof v !== "string") return r;
    const use = spelling.get(looseKey(v));
    return use === undefined || use === v ? r : { row: r.row, value: { ...r.value, [field]: use } };
  });
  return { rows: out, spelling };
}
