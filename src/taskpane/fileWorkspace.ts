/**
 * The pane's workspace outside Office: an .xlsx file opened in the browser is read, checked and
 * identified by the compute worker with the same reader, parser, engine and File adapter the
 * command line uses; the result workbook comes back as bytes and is offered as a download.
 * Nothing leaves the machine.
 */
import { inputWorkbookBuffer } from "../workbook/inputWriter";
import { checkWorkbookBytes } from "../workbook/fileKind";
import { readXlsxBytes } from "../workbook/xlsxBytes";
import { ComputeClient } from "./compute/client";
import type { ChoiceStore } from "./methodologyChoice";
import { stageProgress, type ProgressSink, type StageNames } from "./pipeline";
import type { Download, Workspace } from "./workspace";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CHOICE_KEY = "shnor.methodology";

/** A file that is not an .xlsx workbook: its message says what it is and what to do, in Russian. */
export class RefusedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedFileError";
  }
}

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

/** "регион.xlsx" → "регион — справка ШНОР.docx". */
export function reportFileName(source: string | null): string {
  return source === null ? "Справка ШНОР.docx" : `${source.replace(/\.xlsx$/i, "")} — справка ШНОР.docx`;
}

/** "регион.xlsx" → "регион — результат.xlsx". */
export function resultFileName(source: string | null): string {
  const base = (source ?? "книга").replace(/\.xlsx$/i, "");
  return `${base} — результат ШНОР.xlsx`;
}

export interface FileWorkspaceOptions {
  readonly compute: ComputeClient;
  readonly makeUrl?: MakeUrl;
  readonly storage?: Pick<Storage, "getItem" | "setItem"> | null;
  readonly today?: () => string;
  readonly strings: StageNames;
}

export function fileWorkspace(options: FileWorkspaceOptions): Workspace & { readonly today: () => string } {
  const { compute, strings } = options;
  const makeUrl = options.makeUrl ?? blobUrl;
  /** The opened file, kept so that a fresh worker (after «Отменить») can be given it again. */
  let file: { readonly name: string; readonly bytes: ArrayBuffer } | null = null;
  /** The worker generation that holds the file's sheets. */
  let loadedIn = -1;
  const download = (name: string, bytes: ArrayBuffer): Download => ({ name, url: makeUrl(new Uint8Array(bytes), XLSX_TYPE) });
  const progress =
    (onProgress: ProgressSink) =>
    (key: Parameters<typeof stageProgress>[1], fraction: number | null): void =>
      onProgress(stageProgress(strings, key, fraction));

  /** Has the worker read `bytes` (a copy is transferred: the page keeps its own). */
  const load = async (bytes: ArrayBuffer, onProgress: ProgressSink, signal: AbortSignal): Promise<void> => {
    const copy = bytes.slice(0);
    await compute.request({ type: "open", bytes: copy }, progress(onProgress), signal, [copy]);
    loadedIn = compute.generation;
  };
  const ensureLoaded = async (onProgress: ProgressSink, signal: AbortSignal): Promise<void> => {
    if (file === null) throw new Error("no file opened");
    if (loadedIn !== compute.generation) await load(file.bytes, onProgress, signal);
  };

  return {
    mode: "file",
    hasInput: () => file !== null,
    get sourceName() {
      return file?.name ?? null;
    },
    today: options.today ?? (() => new Date().toISOString().slice(0, 10)),
    async open(name, bytes, onProgress, signal) {
      // The previous file is unloaded first: if this one fails, nothing stays loaded to be checked.
      file = null;
      loadedIn = -1;
      const kind = checkWorkbookBytes(new Uint8Array(bytes));
      if (!kind.ok) throw new RefusedFileError(kind.message);
      await load(bytes, onProgress, signal);
      file = { name, bytes };
    },
    close() {
      file = null;
      loadedIn = -1;
      compute.clear();
    },
    async validate(_names, onProgress, signal) {
      await ensureLoaded(onProgress, signal);
      return compute.request({ type: "validate" }, progress(onProgress), signal);
    },
    async identify(methodology, context, _names, onProgress, signal) {
      await ensureLoaded(onProgress, signal);
      const analysis = await compute.request({ type: "analyse", methodology, context, output: "xlsx" }, progress(onProgress), signal);
      if (!analysis.ok) return analysis;
      if (!analysis.xlsx) throw new Error("the compute worker sent no result workbook");
      return {
        ok: true,
        issues: analysis.issues,
        summary: analysis.summary,
        view: analysis.view,
        written: analysis.written ?? [],
        download: download(resultFileName(file?.name ?? null), analysis.xlsx),
      };
    },
    async report(onProgress, signal) {
      const { docx } = await compute.request({ type: "report" }, progress(onProgress), signal);
      return { name: reportFileName(file?.name ?? null), url: makeUrl(new Uint8Array(docx), DOCX_TYPE) };
    },
    async compare(methodologies, _names, onProgress, signal) {
      await ensureLoaded(onProgress, signal);
      const c = await compute.request({ type: "compare", methodologies, output: "xlsx" }, progress(onProgress), signal);
      if (!c.ok) return c;
      if (!c.xlsx) throw new Error("the compute worker sent no comparison workbook");
      const name = resultFileName(file?.name ?? null).replace(/результат ШНОР\.xlsx$/, "сравнение методик.xlsx");
      return { ok: true, issues: c.issues, overlap: c.overlap, written: c.written ?? [], download: download(name, c.xlsx) };
    },
    demoAvailable: true,
    async insertTemplate(kind, onProgress, signal) {
      onProgress({ stage: strings.template, fraction: null, cancellable: true });
      const { xlsx } = await compute.request({ type: "template", kind }, progress(onProgress), signal);
      const name = kind === "demo" ? "Демо-регион ШНОР.xlsx" : "Шаблон ШНОР.xlsx";
      return { added: [], skipped: [], download: download(name, xlsx) };
    },
    async importBase() {
      // The opened file is the base of an import as Excel's open workbook is: its «Школы» joins, its sheets stay.
      if (file === null) return null;
      const wb = readXlsxBytes(file.bytes);
      return { name: file.name, sheets: wb.sheets };
    },
    async importSheets(name, sheets, onProgress, signal) {
      onProgress({ stage: strings.template, fraction: null, cancellable: false });
      const bytes = await inputWorkbookBuffer(sheets);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      await load(buffer, onProgress, signal);
      file = { name, bytes: buffer };
      return { added: sheets.map((s) => s.name), skipped: [], download: download(name, buffer) };
    },
    choices: storageChoices(options.storage ?? null),
  };
}
