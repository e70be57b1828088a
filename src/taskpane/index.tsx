/**
 * Entry of the task pane page. Inside Excel (Office.onReady reports a host) the pane works on the
 * open workbook through the Office adapter; opened in a plain browser (no Office.js, or no host)
 * the same page works on .xlsx files, so analysts without Microsoft 365 can use it too.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { stringsFor, type Strings } from "../i18n";
import { App } from "./components/App";
import { ComputeClient, type WorkerLike } from "./compute/client";
import { PANE_EXTENSIONS } from "./extensions";
import { fileWorkspace } from "./fileWorkspace";
import { officeWorkspace } from "./officeWorkspace";
import type { Workspace } from "./workspace";

/** How long to wait for Office.onReady before deciding the page is not in Office. */
const OFFICE_WAIT_MS = 4000;

/** The compute worker's script, built next to the page (webpack entry `compute.worker`). */
export const WORKER_SCRIPT = "compute.worker.js";

const today = (): string => new Date().toISOString().slice(0, 10);

const spawnWorker = (): WorkerLike => new Worker(new URL(WORKER_SCRIPT, document.baseURI)) as unknown as WorkerLike;

/** One worker at a time, started on first use and again after «Отменить» terminates it. */
const compute = new ComputeClient(spawnWorker);

function render(workspace: Workspace, strings: Strings): void {
  const host = document.getElementById("root");
  if (!host) return;
  document.documentElement.lang = strings === stringsFor("en") ? "en" : "ru";
  createRoot(host).render(
    <FluentProvider theme={webLightTheme}>
      <App workspace={workspace} strings={strings} today={today} extensions={PANE_EXTENSIONS} />
    </FluentProvider>,
  );
}

function standalone(): void {
  // The standalone page speaks Russian unless asked otherwise (?lang=en).
  const strings = stringsFor(new URLSearchParams(location.search).get("lang"));
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage is blocked (private mode, file://): the choice then lives only in the result file.
    storage = null;
  }
  // The compute worker reads the opened file itself: the streaming scanner leaves little garbage, and
  // a separate reader would copy every row to it (CPU, and both copies alive at once).
  render(fileWorkspace({ compute, storage, today, strings: strings.stage }), strings);
}

function inOffice(): void {
  const strings = stringsFor(Office.context.displayLanguage);
  render(officeWorkspace(Excel, Office.context.document.settings, compute, strings.stage), strings);
}

function boot(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    standalone();
    return;
  }
  let decided = false;
  const decide = (excel: boolean): void => {
    if (decided) return;
    decided = true;
    if (excel) inOffice();
    else standalone();
  };
  const timer = setTimeout(() => decide(false), OFFICE_WAIT_MS);
  void Office.onReady((info) => {
    clearTimeout(timer);
    decide(info.host === Office.HostType.Excel && typeof Excel !== "undefined");
  });
}

boot();
