/**
 * Offline checks of manifest.xml (office-addin-manifest validate needs an online service):
 * well-formed, every resid defined, shared runtime wiring, and every dev-server URL naming a
 * file that `npm run build` puts in dist/.
 */
import * as fs from "fs";
import * as path from "path";
import { ensureBuilt, ROOT, BUILD_TIMEOUT_MS } from "../functions/buildOnce";
import { allElements, parseXml, type XmlElement } from "./xml";

const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const root = parseXml(source);
const elements = allElements(root);
const byName = (name: string) => elements.filter((e) => e.name === name);
const first = (name: string): XmlElement => {
  const found = byName(name)[0];
  if (!found) throw new Error(`no <${name}> in manifest.xml`);
  return found;
};

/** id → element of every resource (bt:Image, bt:Url, bt:String). */
const resources = new Map<string, XmlElement>();
for (const e of allElements(first("Resources")))
  if (["bt:Image", "bt:Url", "bt:String"].includes(e.name) && e.attributes["id"]) resources.set(e.attributes["id"], e);

const resids = elements.map((e) => e.attributes["resid"]).filter((r): r is string => r !== undefined);

describe("xml reader", () => {
  it.each([
    ["an unclosed tag", "<a><b></a>"],
    ["two roots", "<a/><b/>"],
    ["an unquoted attribute", "<a x=1/>"],
    ["a bare ampersand", "<a>R&D</a>"],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["a double hyphen inside a comment", "<!-- npm run build -- --env --><a/>"],
  ])("rejects %s", (_name, xml) => {
    expect(() => parseXml(xml)).toThrow(/XML:/);
  });
  it("reads attributes and entities", () => {
    expect(parseXml('<?xml version="1.0"?><!-- c --><a x="&lt;1&gt;">t&amp;u</a>')).toMatchObject({ name: "a", attributes: { x: "<1>" }, text: "t&u" });
  });
});

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(first("Host").attributes["Name"]).toBe("Workbook");
    expect(first("Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("defines every resid it uses, once, and uses every resource it defines", () => {
    const ids = allElements(first("Resources")).map((e) => e.attributes["id"]).filter((id) => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    expect(resids.filter((r) => !resources.has(r))).toEqual([]);
    expect([...resources.keys()].filter((id) => !resids.includes(id))).toEqual([]);
  });

  it("keeps short strings within 125 characters and long ones within 250", () => {
    const lengths = (parent: string, max: number) =>
      allElements(first(parent))
        .flatMap((e) => [e.attributes["DefaultValue"], e.attributes["Value"]])
        .filter((v): v is string => v !== undefined && v.length > max);
    expect(lengths("bt:ShortStrings", 125)).toEqual([]);
    expect(lengths("bt:LongStrings", 250)).toEqual([]);
  });

  it("runs the functions and the pane in one shared runtime on the task pane page", () => {
    const set = byName("Set").find((s) => s.attributes["Name"] === "SharedRuntime");
    expect(set?.attributes["MinVersion"]).toBe("1.1");
    expect(first("Runtime").attributes).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    const cf = byName("ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions") as XmlElement;
    const page = cf.children.find((c) => c.name === "Page")?.children[0];
    expect(page?.attributes["resid"]).toBe("Taskpane.Url");
    expect(first("FunctionFile").attributes["resid"]).toBe("Taskpane.Url");
    expect(resources.get("Functions.Namespace")?.attributes["DefaultValue"]).toBe("SHNOR");
  });

  it("points ru-ru at the Russian function metadata", () => {
    const url = resources.get("Functions.Metadata.Url") as XmlElement;
    expect(url.attributes["DefaultValue"]).toBe("https://localhost:3000/functions.json");
    expect(url.children).toEqual([
      expect.objectContaining({ name: "bt:Override", attributes: { Locale: "ru-ru", Value: "https://localhost:3000/functions-ru.json" } }),
    ]);
  });

  it("has a Home-tab button that opens the task pane, with Russian names by default", () => {
    const tab = first("OfficeTab");
    expect(tab.attributes["id"]).toBe("TabHome");
    const action = allElements(tab).find((e) => e.name === "Action");
    expect(action?.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(first("DefaultLocale").text).toBe("ru-RU");
    expect(first("DisplayName").attributes["DefaultValue"]).toBe("ШНОР и ШНСУ");
    expect(resources.get("OpenPane.Label")?.attributes["DefaultValue"]).toBe("ШНОР и ШНСУ");
  });

  describe("against the production build", () => {
    let dist: string;
    beforeAll(async () => {
      dist = await ensureBuilt();
    }, BUILD_TIMEOUT_MS);

    it("names only files that dist/ holds in every https://localhost:3000 URL", () => {
      const urls = [...source.matchAll(/https:\/\/localhost:3000\/[^"'<\s]*/g)].map((m) => m[0]);
      expect(urls.length).toBeGreaterThan(5);
      const missing = urls.filter((u) => !fs.existsSync(path.join(dist, u.slice("https://localhost:3000/".length))));
      expect(missing).toEqual([]);
      expect(source).not.toMatch(/https?:\/\/(?!localhost:3000\/|schemas\.microsoft\.com\/|www\.w3\.org\/)/);
    });

    it("ships the manifest itself in dist/", () => {
      expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(source);
    });

    it("serves a task pane page that loads Office.js, then the functions, commands and pane chunks", () => {
      const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
      const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
      expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "commands.js", "taskpane.js"]);
      const csp = /http-equiv=["']?Content-Security-Policy["']? content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      // The compute worker is a script of the add-in's own (dist/compute.worker.js), never a blob.
      expect(csp).toMatch(/worker-src 'self';/);
      expect(csp).not.toMatch(/blob:/);
      expect(fs.existsSync(path.join(dist, "compute.worker.js"))).toBe(true);
      expect(html).toMatch(/<title>ШНОР и ШНСУ<\/title>/);
    });
  });
});
