/**
 * The pane's workspace outside Office: an .xlsx file opened in the browser is read with the same
 * reader the command line uses, the result is written by the File adapter into a new workbook
 * and offered as a download. Nothing leaves the machine.
 */
import { FileWorkbook } from "../workbook/fileAdapter";
import { inputWorkbookBuffer } from "../workbook/inputWriter";
import { templateWorkbook } from "../workbook/template";
import { readXlsx } from "../workbook/xlsxReader";
import type { RawWorkbook } from "../schema";
import { paneDemoSheets } from "./demoSheets";
import type { ChoiceStore } from "./methodologyChoice";
import { isInputSheet, yieldToUi } from "./pipeline";
import type { Download, Workspace } from "./workspace";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CHOICE_KEY = "shnor.methodology";

/** A download link's target for bytes (a blob: URL; the caller's page keeps it until replaced). */
export type MakeUrl = (bytes: Uint8Array, type: string) => string;

export const blobUrl: MakeUrl = (bytes, type) => URL.createObjectURL(new Blob([bytes as BlobPart], { type }));

/** The choice kept in the browser's storage (none when storage is unavailable). */
export function storageChoices(storage: Pick<Storage, "getItem" | "setItem"> | null): ChoiceStore {
  return {
    async load() {
      return storage?.getItem(CHOICE_KEY) ?? null;
    },
    async save(text) {
      storage?.setItem(CHOICE_KEY, text);
    },
  };
}

/** "регион.xlsx" → "регион — результат.xlsx". */
export function resultFileName(source: string | null): string {
  const base = (source ?? "книга").replace(/\.xlsx$/i, "");
  return `${base} — результат ШНОР.xlsx`;
}

export interface FileWorkspaceOptions {
  readonly makeUrl?: MakeUrl;
  readonly storage?: Pick<Storage, "getItem" | "setItem"> | null;
  readonly today?: () => string;
  readonly strings: { readonly loadingFile: string; readonly packing: string; readonly template: string };
}

export function fileWorkspace(options: FileWorkspaceOptions): Workspace & { readonly today: () => string } {
  const makeUrl = options.makeUrl ?? blobUrl;
  let raw: RawWorkbook | null = null;
  let source: string | null = null;
  const download = (name: string, bytes: Uint8Array): Download => ({ name, url: makeUrl(bytes, XLSX_TYPE) });
  return {
    mode: "file",
    hasInput: () => raw !== null,
    get sourceName() {
      return source;
    },
    today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
    async open(name, bytes, onProgress) {
      onProgress({ stage: options.strings.loadingFile, fraction: null, cancellable: false });
      await yieldToUi();
      const read = await readXlsx(bytes);
      // Only the contract's sheets are kept: a big workbook's other sheets would only take memory.
      raw = { sheets: read.sheets.filter((s) => isInputSheet(s.name)) };
      source = name;
    },
    async readInput(names, onProgress, signal) {
      if (raw === null) throw new Error("no file opened");
      let rows = 0;
      for (const s of raw.sheets) {
        rows += s.rows.length;
        onProgress({ stage: names.reading(s.name, s.rows.length), fraction: null, cancellable: true });
        await yieldToUi(signal);
      }
      return raw;
    },
    demoAvailable: true,
    async insertTemplate(kind, onProgress) {
      onProgress({ stage: options.strings.template, fraction: null, cancellable: false });
      await yieldToUi();
      const bytes = kind === "demo" ? await inputWorkbookBuffer(paneDemoSheets()) : await templateWorkbook();
      const name = kind === "demo" ? "Демо-регион ШНОР.xlsx" : "Шаблон ШНОР.xlsx";
      return { added: [], skipped: [], download: download(name, bytes) };
    },
    async writeResults(identified, onProgress) {
      onProgress({ stage: options.strings.packing, fraction: null, cancellable: false });
      await yieldToUi();
      const book = FileWorkbook.create();
      const report = await book.writeResultSheets(identified.sheets);
      const bytes = await book.toBuffer();
      return { written: report.written.map((w) => w.actual), download: download(resultFileName(source), bytes) };
    },
    choices: storageChoices(options.storage ?? null),
  };
}
