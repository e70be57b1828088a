/**
 * The keyed hash that stands for a participant without a code (ОГЭ/ЕГЭ protocols, SPEC.md §11):
 * HMAC-SHA256 of the normalised surname, name, patronymic and document under a key that the
 * shell makes at random for each run and keeps in memory only. The same person gets the same
 * code across the subject blocks of one import; without the key, the code says nothing of the
 * name. @noble/hashes is pure JavaScript, so the same code runs in Node and in the browser.
 */
import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha256";
import { utf8ToBytes } from "@noble/hashes/utils";
import { looseKey } from "../schema/text";

/** Bytes of a key; 32 random bytes from the shell (crypto.getRandomValues). */
export const NAME_KEY_BYTES = 32;

const HEX = "0123456789abcdef";
/** Hex digits kept: 64 bits, so two people of one region practically never share a code. */
const ID_HEX_DIGITS = 16;

/**
 * HMAC-SHA256 of a UTF-8 message under a key, made once per run from the key. The shell may give
 * a native one (Node's crypto: several times faster on hundreds of thousands of protocol rows);
 * the default is @noble/hashes, the same function in pure JavaScript, for the browser.
 */
export type HmacFactory = (key: Uint8Array) => (message: string) => Uint8Array;

export const nobleHmac: HmacFactory = (key) => {
  const base = hmac.create(sha256, key);
  return (message) => base.clone().update(utf8ToBytes(message)).digest();
};

export class NameHasher {
  private readonly mac: (message: string) => Uint8Array;

  constructor(key: Uint8Array, factory: HmacFactory = nobleHmac) {
    if (key.length < 16) throw new Error("ключ хеширования ФИО короче 16 байт");
    this.mac = factory(key);
  }

  /**
   * The participant code of a person: "Х" and 16 hex digits. Case, ё/е, Latin look-alikes and
   * spaces do not change it; the document's spaces and dashes neither.
   */
  code(surname: string, name: string, patronymic: string, document: string): string {
    const parts = [surname, name, patronymic].map((s) => looseKey(s));
    parts.push(document.replace(/[\s\u00a0№-]/gu, "").toLowerCase());
    const digest = this.mac(parts.join("\u0000"));
    let out = "Х";
    for (let i = 0; i < ID_HEX_DIGITS / 2; i++) {
      const b = digest[i] ?? 0;
      out += (HEX[b >> 4] ?? "") + (HEX[b & 15] ?? "");
    }
    return out;
  }
}
