/** The task pane's benchmark lives with the browser tests (tests/e2e/pane.bench.ts); `npm run bench` runs it from here. */
import "../tests/e2e/pane.bench";
