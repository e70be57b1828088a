/** What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar reflow). Imported first by pane tests. */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as { ResizeObserver?: unknown };
if (w.ResizeObserver === undefined) w.ResizeObserver = NoResizeObserver;
