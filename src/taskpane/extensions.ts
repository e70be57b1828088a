/**
 * Places in the pane's flow for the parts other features add, each one line of wiring in
 * {@link PANE_EXTENSIONS}:
 * - `data`: more ways to get data, in step «Данные» (e.g. «Импорт выгрузок»);
 * - `identify`: actions next to «Выявить», in step «Методика» (e.g. «Сравнить методики»);
 * - `result`: actions on a finished result, in step «Результат» (e.g. «Скачать справку (.docx)»).
 *
 * A slot renders with the pane's state and its `run`, which gives long work the same progress
 * bar, «Отменить» and error messages as the pane's own buttons.
 */
import * as React from "react";
import type { Methodology } from "../engine/methodology";
import type { Strings } from "../i18n";
import { CompareMethodologies } from "./components/CompareMethodologies";
import { ImportExportsPanel } from "./components/ImportExportsPanel";
import { ReportButton } from "./components/ReportButton";
import type { MethodologyChoice } from "./methodologyChoice";
import type { ProgressSink } from "./pipeline";
import type { Identification, Workspace } from "./workspace";

export interface SlotContext {
  readonly workspace: Workspace;
  readonly strings: Strings;
  /** Something long is running: disable what would start another. */
  readonly busy: boolean;
  readonly choice: MethodologyChoice;
  /** The methodology as chosen, or null while a parameter is invalid. */
  readonly methodology: Methodology | null;
  /** The last finished identification (null before one, and from the start of the next). */
  readonly result: (Identification & { readonly ok: true }) | null;
  /** Runs long work with the pane's progress bar and «Отменить»; failures become its messages. */
  readonly run: (work: (onProgress: ProgressSink, signal: AbortSignal) => Promise<void>) => Promise<void>;
  /** Shows a message in the pane's live region. */
  readonly notify: (intent: "success" | "warning" | "error" | "info", text: string) => void;
  /** The input changed under the pane (e.g. imported sheets): reload its name and validate it. */
  readonly inputChanged: () => void;
}

export type PaneSlot = (context: SlotContext) => React.ReactNode;

export interface PaneExtensions {
  readonly data?: readonly PaneSlot[];
  readonly identify?: readonly PaneSlot[];
  readonly result?: readonly PaneSlot[];
}

/** The extensions the built pane shows (index.tsx passes them to App). */
export const PANE_EXTENSIONS: PaneExtensions = {
  data: [(c) => React.createElement(ImportExportsPanel, { workspace: c.workspace, disabled: c.busy, run: c.run, onImported: c.inputChanged })],
  identify: [
    (c) => React.createElement(CompareMethodologies, { workspace: c.workspace, strings: c.strings, stages: c.strings.stage, methodology: c.methodology, disabled: c.busy || (c.workspace.mode === "file" && c.workspace.sourceName === null) }),
  ],
  result: [(c) => React.createElement(ReportButton, { workspace: c.workspace, strings: c.strings, disabled: c.busy })],
};
