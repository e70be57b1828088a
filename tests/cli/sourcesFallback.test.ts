/**
 * bin/shnor.js runs the TypeScript sources through tsx's CommonJS hook when the bundle is older than
 * a source (or missing). Modules the CLI loads only when needed must load there too: a dynamic
 * `import()` of a .ts file does not (an .xls export was reported «не прочитан» that way).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const XLS = join(ROOT, "tests/fixtures/exports/good/ЕГЭ_2025_протокол.xls");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "shnor-sources-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("imports a legacy .xls export when the command runs from the sources", () => {
  copyFileSync(XLS, join(dir, "ЕГЭ_2025_протокол.xls"));
  const out = join(dir, "регион.xlsx");
  const script = `process.argv.splice(1, 0, "shnor"); require("tsx/cjs"); require(${JSON.stringify(join(ROOT, "src/cli/run.ts"))}).runCli();`;
  const r = spawnSync(process.execPath, ["-e", script, "import", dir, "-o", out], { cwd: ROOT, encoding: "utf8", env: { ...process.env, SHNOR_NO_RESPAWN: "1" } });
  expect(r.stdout).not.toContain("не прочитан");
  expect(r.stdout).toContain("строк участников 3");
  expect(r.status).toBe(0);
  expect(existsSync(out)).toBe(true);
}, 120_000);
