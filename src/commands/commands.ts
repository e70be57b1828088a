/**
 * Ribbon commands. The Home-tab button opens the task pane through the manifest's ShowTaskpane
 * action, which needs no code; this chunk is loaded by taskpane.html (shared runtime) so that
 * commands added later run in the same runtime as the functions and the pane.
 */
// Guarded: the same page also runs standalone in a plain browser, where Office.js is absent.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to register yet: the only command is declared in manifest.xml.
  });
}
