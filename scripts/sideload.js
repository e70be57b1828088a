/**
 * `npm start` / `npm stop`: sideloads the add-in into Excel with office-addin-debugging. It is an
 * optional dependency (its peer, the Microsoft 365 Agents Toolkit CLI, is ~1 GB and builds the
 * native keytar, which needs libsecret on Linux), so `npm ci` succeeds without it; where it is
 * missing this says how to get it instead of failing with "command not found".
 *
 *   node scripts/sideload.js start|stop [office-addin-debugging options…]
 */
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

let cli;
try {
  cli = require.resolve("office-addin-debugging/cli.js");
} catch {
  try {
    cli = path.join(path.dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
  } catch {
    cli = null;
  }
}
if (cli === null) {
  process.stderr.write(
    "Не установлен office-addin-debugging (необязательная зависимость: нужна только для подключения надстройки к Excel).\n" +
      "Установите его: npm install --no-save office-addin-debugging@7 (в Linux сначала: sudo apt-get install -y libsecret-1-dev).\n",
  );
  process.exit(2);
}
const [command = "start", ...rest] = process.argv.slice(2);
const r = spawnSync(process.execPath, [cli, command, path.join(__dirname, "..", "manifest.xml"), ...rest], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
