/**
 * The pane's side of the compute worker: requests with progress and cancel, rows fed as they are
 * read. «Отменить» terminates the worker at once, whatever it is doing — nothing it computed is
 * used, nothing is written — and the next request starts a fresh one.
 */
import type { CellValue } from "../../schema/raw";
import { CancelledError } from "../pipeline";
import type { FromWorker, Replies, RequestBody, StageKey, ToWorker } from "./protocol";

/** What the client needs of a Worker (a real one, or {@link inlineWorker} in jsdom tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { readonly data: FromWorker }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

export type StageSink = (stage: StageKey, fraction: number | null) => void;

interface Pending {
  readonly onStage: StageSink;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class ComputeClient {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private workers = 0;

  constructor(private readonly spawn: () => WorkerLike) {}

  /**
   * Which worker holds the input: it changes whenever a worker is dropped (cancel, crash), so a
   * workspace knows to give its input again.
   */
  get generation(): number {
    return this.workers;
  }

  private live(): WorkerLike {
    if (this.worker !== null) return this.worker;
    const worker = this.spawn();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => this.drop(new Error(event.message ?? "compute worker failed"));
    this.worker = worker;
    this.workers++;
    return worker;
  }

  private receive(message: FromWorker): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === "progress") {
      p.onStage(message.stage, message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === "done") p.resolve(message.value);
    else p.reject(new Error(message.message));
  }

  /** Terminates the worker and fails every request still waiting with `error`. */
  private drop(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.workers++;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }

  /** Stops whatever the worker is doing; its input is gone with it. */
  cancel(): void {
    this.drop(new CancelledError());
  }

  /** Rows of a sheet as they are read (copied to the worker now, so the copying is spread over the reading). */
  feed(sheet: string, rows: readonly (readonly CellValue[])[], first: boolean, hidden = false): void {
    this.live().postMessage({ type: "rows", sheet, rows, first, ...(hidden ? { hidden } : {}) });
  }

  /** Forgets the input the worker holds. */
  clear(): void {
    this.worker?.postMessage({ type: "clear" });
  }

  request<K extends keyof Replies>(
    body: RequestBody & { readonly type: K },
    onStage: StageSink,
    signal?: AbortSignal,
    transfer: Transferable[] = [],
  ): Promise<Replies[K]> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const worker = this.live();
    const id = this.nextId++;
    return new Promise<Replies[K]>((resolve, reject) => {
      const onAbort = (): void => this.cancel();
      signal?.addEventListener("abort", onAbort, { once: true });
      const settle = (): void => signal?.removeEventListener("abort", onAbort);
      this.pending.set(id, {
        onStage,
        resolve: (value) => {
          settle();
          resolve(value as Replies[K]);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      worker.postMessage({ ...body, id }, transfer);
    });
  }
}
