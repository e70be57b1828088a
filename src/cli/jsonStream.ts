/**
 * `JSON.stringify(value, null, 2)` written piece by piece: the same text, never held whole. Long
 * lists are {@link LazyList}s, whose elements are made (and stringified, natively) one at a
 * time, so neither the whole tree nor the whole text is ever in memory — on a region of 2,000
 * schools the JSON result is ~67 MB of text, made as one string before.
 */

/**
 * A list whose elements are made one by one while it is written by {@link writeJson}. Its
 * elements are stringified natively, so they must hold no LazyList themselves (one that is
 * stringified natively throws rather than being written wrong).
 */
export class LazyList<T = unknown> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}

  toJSON(): never {
    throw new Error("LazyList: written by writeJson only, never inside an element of another LazyList");
  }
}

/** How a tree builder makes its long lists: mapped now ({@link eager}) or while written ({@link lazy}). */
export type ListOf = <T>(items: readonly T[], map: (item: T) => unknown) => unknown;

export const eager: ListOf = (items, map) => items.map((x) => map(x));
export const lazy: ListOf = (items, map) => new LazyList(items, map as (item: unknown) => unknown);

/** Indentation of `depth` levels, as JSON.stringify's with a space argument of 2. */
const pads: string[] = [""];
function pad(depth: number): string {
  while (pads.length <= depth) pads.push(`${pads[pads.length - 1] as string}  `);
  return pads[depth] as string;
}

/** Where, in JSON.stringify([[…[x]…]], null, 2), the x of a given depth starts and how much follows it. */
const frames: { before: number; after: number }[] = [];
function frame(depth: number): { before: number; after: number } {
  let f = frames[depth];
  if (f === undefined) {
    let wrapped: unknown = 0;
    for (let i = 0; i < depth; i++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    const at = text.indexOf("0");
    frames[depth] = f = { before: at, after: text.length - at - 1 };
  }
  return f;
}

/**
 * A value that is not walked, as JSON.stringify(…, null, 2) writes it at `depth` (its first line
 * without indentation, its inner lines indented as at that depth): V8's native stringify of the
 * value wrapped in `depth` arrays, the wrapping cut off.
 */
function nativeAt(value: unknown, depth: number): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
  if (depth === 0) return JSON.stringify(value, null, 2) ?? "null";
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const f = frame(depth);
  return text.slice(f.before, text.length - f.after);
}

/** A plain object that may hold {@link LazyList}s (walked here); anything else is stringified natively. */
function walked(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** What JSON.stringify leaves out of an object. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * Writes `value` as JSON.stringify(value, null, 2) would (without the final line feed), through
 * `out`, at nesting `depth` (0 for a whole document). Plain objects and {@link LazyList}s are
 * walked; every other value (arrays, numbers, strings, each element of a lazy list, which must
 * hold no lazy list itself) goes through V8's JSON.stringify, so escapes, NaN → null and the
 * like are V8's own.
 */
export function writeJson(value: unknown, out: (text: string) => void, depth = 0): void {
  if (value instanceof LazyList) {
    const { items, map } = value;
    if (items.length === 0) {
      out("[]");
      return;
    }
    const inner = pad(depth + 1);
    out("[\n");
    for (let i = 0; i < items.length; i++) {
      const v = map(items[i]);
      out(i === 0 ? inner : `,\n${inner}`);
      if (v instanceof LazyList) writeJson(v, out, depth + 1);
      else out(omitted(v) ? "null" : nativeAt(v, depth + 1));
    }
    out(`\n${pad(depth)}]`);
    return;
  }
  if (!walked(value)) {
    out(nativeAt(value, depth));
    return;
  }
  const inner = pad(depth + 1);
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (omitted(v)) continue;
    out(`${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `);
    first = false;
    if (v instanceof LazyList || walked(v)) writeJson(v, out, depth + 1);
    else out(nativeAt(v, depth + 1));
  }
  out(first ? "{}" : `\n${pad(depth)}}`);
}
