/**
 * Strings of the task pane: Russian by default, English when Office's display language is
 * English (en-US, en-GB, …). Messages made by the schema and the engine stay Russian.
 */
import { en } from "./en";
import { ru, type Strings } from "./ru";

export type { Strings };
export { en, ru };

/** The strings for a display language tag such as "ru-RU" or "en-US"; anything but en-* gets Russian. */
export function stringsFor(language: string | null | undefined): Strings {
  return language !== null && language !== undefined && /^en(-|_|$)/i.test(language) ? en : ru;
}
