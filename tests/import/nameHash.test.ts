/**
 * The name hash's HMAC: the CLI's native one (Node's crypto) and the pure-JavaScript default
 * (@noble/hashes, used in the browser) are the same function, so a person gets the same code
 * whichever shell hashes the protocol.
 */
import { nodeHmac } from "../../src/cli/importCommand";
import { NameHasher, nobleHmac } from "../../src/import";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

describe("HMAC-SHA256 of the name hash", () => {
  // RFC 4231, test case 2.
  const key = new TextEncoder().encode("Jefe");
  const expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

  it.each([
    ["@noble/hashes", nobleHmac],
    ["node:crypto", nodeHmac],
  ])("%s gives RFC 4231's digest", (_name, factory) => {
    const mac = factory(key);
    expect(hex(mac("what do ya want for nothing?"))).toBe(expected);
    // The same function again: no state is carried from one message to the next.
    expect(hex(mac("what do ya want for nothing?"))).toBe(expected);
  });

  it.each([
    ["a 32-byte key", 32],
    ["a key longer than SHA-256's block", 100],
  ])("both give the same digest with %s, for short and long messages alike", (_name, bytes) => {
    const k = new Uint8Array(bytes).map((_, i) => (i * 91 + 7) & 255);
    const noble = nobleHmac(k);
    const native = nodeHmac(k);
    // Short, long (past the native one's first buffer), then short again.
    for (const m of ["", "a", "Ёлкин\u0000Пётр", "Щ".repeat(500), "x".repeat(2000), "абаев\u0000адам"]) {
      expect(hex(native(m))).toBe(hex(noble(m)));
    }
  });

  it("both give every person the same code", () => {
    const k = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 255);
    const noble = new NameHasher(k, nobleHmac);
    const native = new NameHasher(k, nodeHmac);
    const people: [string, string, string, string][] = [
      ["Абаев", "Адам", "Вахидович", "9601 000123"],
      ["Ёлкин", "Пётр", "", "№ 45-01 777"],
      ["ELKIN", "Petr", "Ivanovich", ""],
      ["Гайтиев", "Ильяс", "Идрисович", "9612\u00a0654321"],
    ];
    for (const p of people) {
      const code = noble.code(...p);
      expect(code).toMatch(/^Х[0-9a-f]{16}$/u);
      expect(native.code(...p)).toBe(code);
    }
    // Case, ё/е and spaces do not change the code; another person does.
    expect(native.code("  абаев ", "АДАМ", "вахидович", "9601000123")).toBe(noble.code(...(people[0] as [string, string, string, string])));
    expect(native.code("Абаев", "Адам", "Вахидович", "9601 000124")).not.toBe(noble.code(...(people[0] as [string, string, string, string])));
  });
});
