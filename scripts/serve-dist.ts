/**
 * A tiny static server for the built pane (`npm run build`, then `npm run serve`): serves dist/ on
 * http://127.0.0.1:8080 (or PORT) so that taskpane.html opens in any browser in standalone mode —
 * no Excel, no certificates, no network beyond this machine. The e2e test starts it on a random port.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Served {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1:`port` (0: any free port). Only files under `root`; GET and HEAD only. */
export function serveDirectory(root: string, port = 0): Promise<Served> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(base, path === "/" ? "taskpane.html" : path));
    if ((req.method !== "GET" && req.method !== "HEAD") || !(file === base || file.startsWith(base + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolveServed, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address !== null ? address.port : port;
      resolveServed({
        server,
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (require.main === module) {
  const dist = resolve(__dirname, "..", "dist");
  if (!existsSync(join(dist, "taskpane.html"))) {
    process.stderr.write("Нет dist/taskpane.html: сначала выполните npm run build\n");
    process.exitCode = 1;
  } else {
    serveDirectory(dist, Number(process.env["PORT"] ?? 8080)).then(
      (s) => process.stdout.write(`Панель в автономном режиме: ${s.url}/taskpane.html (Ctrl+C — остановить)\n`),
      (e: unknown) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
