/**
 * manifest.xml against the schema rules it relies on (schemaRules.ts), for the dev server and for
 * a real host (scripts/manifest-host.js, `npm run build -- --env host=…`); every rule is shown to
 * fail on a manifest broken on purpose, so none of them passes vacuously.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { manifestForHost, normaliseHost } from "../../scripts/manifest-host";
import { manifestProblems, RULES } from "./schemaRules";
import { parseXml } from "./xml";

const ROOT = path.resolve(__dirname, "../..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const check = (xml: string): string[] => manifestProblems(parseXml(xml));

describe("manifest.xml follows the schema rules", () => {
  it("as committed (dev server)", () => {
    expect(check(source)).toEqual([]);
  });

  it("has no empty <AppDomains/> and a SupportUrl of its own", () => {
    expect(source).not.toMatch(/<AppDomains\s*\/>/);
    expect(source).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support\.html"\/>/);
  });

  it("for a real host, with every URL moved there", () => {
    const prod = manifestForHost(source, "https://schools.example.ru/shnor/");
    expect(check(prod)).toEqual([]);
    expect(prod).not.toContain("localhost");
    expect(prod).toContain('<SourceLocation DefaultValue="https://schools.example.ru/shnor/taskpane.html"/>');
    expect(prod).toContain('<bt:Override Locale="ru-ru" Value="https://schools.example.ru/shnor/functions-ru.json"/>');
    expect(prod.match(/https:\/\/schools\.example\.ru\/shnor\//g)?.length).toBe(source.match(/https:\/\/localhost:3000\//g)?.length);
  });
});

describe("each rule catches what it is about", () => {
  const broken: readonly [rule: keyof typeof RULES, what: string, edit: (xml: string) => string, message: RegExp][] = [
    ["rootElement", "a content add-in", (x) => x.replace('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), /TaskPaneApp/],
    ["appDomains", "an empty <AppDomains/>", (x) => x.replace("<Hosts>", "<AppDomains/>\n  <Hosts>"), /cannot be empty/],
    ["appDomains", "an http AppDomain", (x) => x.replace("<Hosts>", "<AppDomains><AppDomain>contoso.com</AppDomain></AppDomains>\n  <Hosts>"), /https/],
    ["sequence", "SupportUrl after Hosts", (x) => x.replace(/  <SupportUrl[^\n]*\n/, "").replace("</Hosts>\n  <Requirements>", '</Hosts>\n  <SupportUrl DefaultValue="https://localhost:3000/support.html"/>\n  <Requirements>'), /against the schema's sequence/],
    ["sequence", "no Permissions", (x) => x.replace(/  <Permissions>.*<\/Permissions>\n/, ""), /<Permissions> is required/],
    ["sequence", "an unknown element", (x) => x.replace("<Hosts>", "<Homepage/>\n  <Hosts>"), /not a child/],
    ["simpleValues", "a five-part version", (x) => x.replace("<Version>0.1.0.0</Version>", "<Version>0.1.0.0.1</Version>"), /<Version>/],
    ["simpleValues", "a bad permission", (x) => x.replace("ReadWriteDocument", "ReadWrite"), /<Permissions> must be one of/],
    ["simpleValues", "an Id that is not a UUID", (x) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>shnor</Id>"), /UUID/],
    ["localeAware", "a DisplayName over 125 characters", (x) => x.replace('<DisplayName DefaultValue="ШНОР и ШНСУ">', `<DisplayName DefaultValue="${"Ш".repeat(126)}">`), /DisplayName> must be 1–125/],
    ["localeAware", "an http icon", (x) => x.replace('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'), /IconUrl> must be an https/],
    ["localeAware", "an Override without a Locale", (x) => x.replace('<Override Locale="en-US" Value="Low', '<Override Value="Low'), /needs a Locale/],
    ["hostsAndSettings", "an unknown host", (x) => x.replace('<Host Name="Workbook"/>', '<Host Name="Excel"/>'), /Host Name/],
    ["versionOverrides", "a resource id over 32 characters", (x) => x.split("Functions.Metadata.Url").join("Functions.Metadata.Url.For.Every.Locale"), /longer than 32|1–32/],
    ["versionOverrides", "a resid with no resource", (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Caption"/>'), /not defined/],
    ["versionOverrides", "a label pointing at a URL", (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'), /must point at bt:ShortStrings/],
    ["versionOverrides", "a long string over 250 characters", (x) => x.replace('DefaultValue="Открыть панель выявления ШНОР и ШНСУ"', `DefaultValue="${"а".repeat(251)}"`), /longer than 250/],
    ["versionOverrides", "an icon without its 80 px image", (x) => x.replace(/ *<bt:Image size="80" resid="Icon.80x80"\/>\n/, ""), /80×80/],
    ["oneOrigin", "one URL on another host", (x) => x.replace("https://localhost:3000/functions.js", "https://cdn.example.com/functions.js"), /several origins/],
    ["supportUrl", "the task pane as SupportUrl", (x) => x.replace("https://localhost:3000/support.html\"/>\n", "https://localhost:3000/taskpane.html\"/>\n"), /not the task pane/],
  ];

  it.each(broken)("%s: %s", (rule, _what, edit, message) => {
    const xml = edit(source);
    expect(xml).not.toBe(source);
    const problems = RULES[rule]!(parseXml(xml));
    expect(problems.join("\n")).toMatch(message);
    expect(RULES[rule]!(parseXml(source))).toEqual([]);
  });

  it("covers every rule", () => {
    expect(new Set(broken.map(([rule]) => rule))).toEqual(new Set(Object.keys(RULES)));
  });
});

describe("manifest for a host", () => {
  it.each([
    ["https://schools.example.ru", "https://schools.example.ru"],
    ["https://schools.example.ru/", "https://schools.example.ru"],
    ["https://schools.example.ru:8443/a/b/", "https://schools.example.ru:8443/a/b"],
  ])("normalises %s", (host, expected) => {
    expect(normaliseHost(host)).toBe(expected);
  });

  it.each([
    ["http", "http://schools.example.ru", /https:\/\//],
    ["not a URL", "schools.example.ru", /не является URL/],
    ["a query", "https://schools.example.ru/?v=1", /«\?» или «#»/],
    ["a password", "https://u:p@schools.example.ru", /пароль/],
  ])("refuses a host with %s, in Russian", (_name, host, message) => {
    expect(() => manifestForHost(source, host)).toThrow(message);
  });

  it("is printed by `node scripts/manifest-host.js <host>`; a bad host exits 2", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "scripts/manifest-host.js"), "https://schools.example.ru"], { encoding: "utf8" });
    expect(out).toBe(manifestForHost(source, "https://schools.example.ru"));
    const bad = spawnSync(process.execPath, [path.join(ROOT, "scripts/manifest-host.js"), "http://x"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Ошибка: /);
  });
});

describe("npm run build -- --env host=…", () => {
  type Pattern = { from: string; to: string; transform?: (content: Buffer) => string };
  const patternsFor = async (env: Record<string, unknown>): Promise<Pattern[]> => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = (await (require(path.join(ROOT, "webpack.config.js")) as (env: unknown, options: unknown) => Promise<{ plugins: { patterns?: Pattern[] }[] }>)(env, { mode: "production" }));
    return config.plugins.flatMap((p) => p.patterns ?? []);
  };

  it("writes dist/manifest.xml for the host, and ships support.html", async () => {
    const patterns = await patternsFor({ host: "https://schools.example.ru/shnor" });
    const manifest = patterns.find((p) => p.to === "manifest.xml");
    expect(manifest?.transform?.(Buffer.from(source))).toBe(manifestForHost(source, "https://schools.example.ru/shnor"));
    expect(patterns.find((p) => p.to === "support.html")?.from).toBe("src/taskpane/support.html");
    expect(fs.existsSync(path.join(ROOT, "src/taskpane/support.html"))).toBe(true);
  });

  it("copies manifest.xml as it is without a host", async () => {
    const manifest = (await patternsFor({})).find((p) => p.to === "manifest.xml");
    expect(manifest?.transform).toBeUndefined();
  });
});
