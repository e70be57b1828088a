/**
 * The import's sheets (src/import `OutputSheet`: rows with the header first) as the input-sheet
 * writers take them (`InputSheet`: header and data apart), for the file writer of the CLI and the
 * Office adapter of the pane alike.
 */
import type { OutputSheet } from "../import";
import type { InputSheet } from "./inputWriter";

export function toInputSheets(sheets: readonly OutputSheet[]): InputSheet[] {
  return sheets.map((s) => {
    let first: readonly string[] | null = null;
    return {
      name: s.name,
      get header(): readonly string[] {
        if (first === null) {
          const it = s.rows()[Symbol.iterator]().next();
          first = it.done === true ? [] : it.value.map((v) => (v === null || typeof v === "object" ? "" : String(v)));
        }
        return first;
      },
      textColumns: s.textColumns,
      *rows() {
        let skip = true;
        for (const r of s.rows()) {
          if (skip) {
            skip = false;
            continue;
          }
          yield r;
        }
      },
    };
  });
}
