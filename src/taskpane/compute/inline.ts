/**
 * The compute handler on the page itself, for jsdom tests only (jsdom has no Worker): the same
 * messages and the same code as compute.worker.ts, answered asynchronously. The built page never
 * imports this file, so its bundle carries no engine.
 */
import type { WorkerLike } from "./client";
import { computeHandler } from "./handler";

/** A stand-in Worker running the handler on the page. Terminating it drops whatever it would still say. */
export function inlineWorker(): WorkerLike {
  let alive = true;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      if (!alive) return;
      // A tick later, as a worker would answer; structuredClone keeps tests honest about cloning
      // (and moves what is transferred: a MessagePort can only be moved).
      const copy = structuredCloneOrSelf(message, transfer);
      setTimeout(() => {
        if (alive) handle(copy);
      }, 0);
    },
    terminate() {
      alive = false;
    },
  };
  const handle = computeHandler((message) => {
    if (alive) setTimeout(() => alive && worker.onmessage?.({ data: message }), 0);
  });
  return worker;
}

function structuredCloneOrSelf<T>(value: T, transfer?: Transferable[]): T {
  return typeof structuredClone === "function" ? structuredClone(value, transfer && transfer.length > 0 ? { transfer } : undefined) : value;
}
