/**
 * Entry of the compute worker (webpack entry `compute.worker` → dist/compute.worker.js): the
 * pane's heavy work (compute/handler.ts) off the page's main thread, so the pane keeps painting
 * and «Отменить» works even while a big region is identified.
 */
import { computeHandler } from "./compute/handler";
import type { FromWorker, ToWorker } from "./compute/protocol";

/** The parts of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = computeHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event) => handle(event.data);
