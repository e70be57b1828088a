/**
 * A minimal XML reader for the manifest test: checks well-formedness (one root, matched and
 * properly nested tags, quoted unique attributes, known entities) and returns the element tree.
 * No dependency: the XML parsers in node_modules are only transitive dependencies.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

function decode(raw: string, where: number): string {
  const stripped = raw.replace(ENTITY, "");
  if (stripped.includes("&")) throw new Error(`XML: unknown or bare & near offset ${where}`);
  if (stripped.includes("<")) throw new Error(`XML: bare < near offset ${where}`);
  return raw
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, "&");
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (what: string): never => {
    throw new Error(`XML: ${what} at offset ${i}`);
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) return fail("expected a name");
    i += m[0].length;
    return m[0];
  };
  const skipSpace = (): void => {
    while (i < source.length && /\s/.test(source[i] as string)) i++;
  };
  if (source.startsWith("<?xml")) {
    const end = source.indexOf("?>");
    if (end < 0) fail("unterminated XML declaration");
    i = end + 2;
  }
  while (i < source.length) {
    if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i + 4);
      if (end < 0) fail("unterminated comment");
      // XML 1.0 §2.5: "--" must not occur within a comment (Office's parser rejects it).
      if (source.slice(i + 4, end).includes("--")) fail("-- inside a comment");
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end < 0 || stack.length === 0) fail("bad CDATA");
      (stack[stack.length - 1] as XmlElement).text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith("</", i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (source[i] !== ">") fail("expected >");
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? "nothing"}>`);
    } else if (source[i] === "<") {
      i++;
      const name = readName();
      const attributes: Record<string, string> = {};
      for (;;) {
        skipSpace();
        if (source.startsWith("/>", i) || source[i] === ">") break;
        const attr = readName();
        skipSpace();
        if (source[i] !== "=") fail(`expected = after ${attr}`);
        i++;
        skipSpace();
        const quote = source[i];
        if (quote !== '"' && quote !== "'") fail(`unquoted value of ${attr}`);
        const end = source.indexOf(quote as string, i + 1);
        if (end < 0) fail(`unterminated value of ${attr}`);
        if (attr in attributes) fail(`duplicate attribute ${attr}`);
        attributes[attr] = decode(source.slice(i + 1, end), i);
        i = end + 1;
      }
      const element: XmlElement = { name, attributes, children: [], text: "" };
      if (stack.length > 0) (stack[stack.length - 1] as XmlElement).children.push(element);
      else if (root) fail("a second root element");
      else root = element;
      if (source.startsWith("/>", i)) i += 2;
      else {
        i++;
        stack.push(element);
      }
    } else {
      const next = source.indexOf("<", i);
      const end = next < 0 ? source.length : next;
      const text = decode(source.slice(i, end), i);
      if (stack.length > 0) (stack[stack.length - 1] as XmlElement).text += text;
      else if (text.trim() !== "") fail("text outside the root element");
      i = end;
    }
  }
  if (stack.length > 0) fail(`<${(stack[stack.length - 1] as XmlElement).name}> is never closed`);
  if (!root) return fail("no root element");
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const child of root.children) out.push(...allElements(child));
  return out;
}
