/**
 * StreamedOutputs (src/cli/safety.ts): outputs written while they are made, all or none. Each
 * output's bytes are exactly what was appended (text across buffer boundaries, multi-byte
 * characters, pieces larger than a buffer, raw bytes); nothing is in place before `commit`;
 * an error (`abort`), a failure to open a later output, or a signal (Ctrl-C, in a child
 * process) leaves the targets as they were and no temporary file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FileProblem, StreamedOutputs } from "../../src/cli/safety";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "shnor-outputs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The files in the folder, temporary ones included (their names start with a dot). */
const files = (): string[] => readdirSync(dir).sort();

describe("StreamedOutputs", () => {
  it("writes each output's text and bytes exactly, in order, and only at commit", async () => {
    const outputs = new StreamedOutputs();
    const json = outputs.open(join(dir, "out.json"));
    const bin = outputs.open(join(dir, "sub", "folder", "out.xlsx"));
    const pieces: string[] = [];
    for (let i = 0; i < 60_000; i++) pieces.push(i % 1000 === 0 ? "ж🏫".repeat(300_000) : `{"школа": ${i}, "имя": "№ ${i} «Ёлка»"},\n`);
    for (const p of pieces) json.text(p);
    const bytes: Buffer[] = [];
    for (let i = 0; i < 40; i++) {
      const b = Buffer.alloc(100_000 + i, i);
      bytes.push(b);
      bin.write(b);
      if (i % 7 === 0) bin.text("текст между байтами");
    }
    expect(existsSync(join(dir, "out.json"))).toBe(false);
    await outputs.commit();
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe(pieces.join(""));
    const expected = Buffer.concat(bytes.flatMap((b, i) => (i % 7 === 0 ? [b, Buffer.from("текст между байтами")] : [b])));
    expect(readFileSync(join(dir, "sub", "folder", "out.xlsx")).equals(expected)).toBe(true);
    expect(files()).toEqual(["out.json", "sub"]);
  });

  it("writes an empty output as an empty file", async () => {
    const outputs = new StreamedOutputs();
    outputs.open(join(dir, "empty.json"));
    await outputs.commit();
    expect(readFileSync(join(dir, "empty.json"), "utf8")).toBe("");
  });

  it("leaves the targets as they were and no temporary file after abort, even with writes under way", async () => {
    writeFileSync(join(dir, "out.json"), "old");
    const outputs = new StreamedOutputs();
    const json = outputs.open(join(dir, "out.json"));
    const other = outputs.open(join(dir, "new.xlsx"));
    for (let i = 0; i < 50; i++) json.text("x".repeat(100_000));
    other.write(Buffer.alloc(5_000_000, 1));
    expect(files()).toEqual([`.new.xlsx.${process.pid}.tmp`, `.out.json.${process.pid}.tmp`, "out.json"]);
    outputs.abort();
    outputs.abort();
    expect(files()).toEqual(["out.json"]);
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe("old");
    // The writes under way end without recreating anything.
    await new Promise((r) => setTimeout(r, 200));
    expect(files()).toEqual(["out.json"]);
  });

  it("removes the first output's temporary file when a later one cannot be opened, with a Russian message", () => {
    writeFileSync(join(dir, "first.xlsx"), "old");
    writeFileSync(join(dir, "blocker"), "a file where a folder is needed");
    const outputs = new StreamedOutputs();
    outputs.open(join(dir, "first.xlsx")).text("new");
    let error: unknown = null;
    try {
      outputs.open(join(dir, "blocker", "second.json"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileProblem);
    expect((error as Error).message).toMatch(/^Не удалось записать «.*blocker\/second\.json»: .*; ничего не записано$/);
    expect(files()).toEqual(["blocker", "first.xlsx"]);
    expect(readFileSync(join(dir, "first.xlsx"), "utf8")).toBe("old");
  });

  it("stops listening for signals once committed or aborted", async () => {
    const before = process.listenerCount("SIGINT");
    const beforeTerm = process.listenerCount("SIGTERM");
    const a = new StreamedOutputs();
    expect(process.listenerCount("SIGINT")).toBe(before + 1);
    expect(process.listenerCount("SIGTERM")).toBe(beforeTerm + 1);
    a.open(join(dir, "a.json")).text("{}");
    await a.commit();
    const b = new StreamedOutputs();
    b.abort();
    expect(process.listenerCount("SIGINT")).toBe(before);
    expect(process.listenerCount("SIGTERM")).toBe(beforeTerm);
  });

  it.each(["SIGINT", "SIGTERM"] as const)("removes every temporary file when the process gets %s, and ends by that signal", (signal) => {
    writeFileSync(join(dir, "out.json"), "old");
    const script = join(dir, "child.ts");
    writeFileSync(
      script,
      `import { StreamedOutputs } from ${JSON.stringify(resolve(__dirname, "../../src/cli/safety"))};
const outputs = new StreamedOutputs();
outputs.open(${JSON.stringify(join(dir, "out.json"))}).text("new ".repeat(1_000_000));
outputs.open(${JSON.stringify(join(dir, "out.xlsx"))}).write(Buffer.alloc(3_000_000, 7));
process.stdout.write("opened\\n");
process.kill(process.pid, ${JSON.stringify(signal)});
setTimeout(() => process.stdout.write("still alive\\n"), 30_000);
`,
    );
    const r = spawnSync(process.execPath, ["--require", "tsx/cjs", script], { cwd: resolve(__dirname, "../.."), encoding: "utf8", timeout: 120_000 });
    expect(r.stdout).toBe("opened\n");
    expect(r.signal).toBe(signal);
    expect(files()).toEqual(["child.ts", "out.json"]);
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe("old");
  });
});
