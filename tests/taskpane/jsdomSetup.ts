/**
 * What jsdom lacks and the pane uses. Imported first by pane tests.
 * - ResizeObserver: Fluent UI's MessageBar reflow.
 * - TextDecoder, TextEncoder: browsers have them (the pane's .xlsx guard decodes zip names, the
 *   import's name hash encodes); jest's jsdom environment does not.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as { ResizeObserver?: unknown };
if (w.ResizeObserver === undefined) w.ResizeObserver = NoResizeObserver;

const g = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
if (g.TextDecoder === undefined) g.TextDecoder = NodeTextDecoder;
if (g.TextEncoder === undefined) g.TextEncoder = NodeTextEncoder;
