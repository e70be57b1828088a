/**
 * The rules of Office's add-in manifest schemas (OfficeAppManifestV1_1.xsd,
 * TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd) that manifest.xml relies on,
 * written down from Microsoft's published reference (learn.microsoft.com: "OfficeApp complexType",
 * "TaskPaneApp complexType", "AppDomains element", "Resources element", "String element",
 * "Override element", "Image element"). `office-addin-manifest validate` checks the full schemas
 * online; this checks these rules offline, in `npm test`.
 *
 * Each rule returns the problems it finds, so that a test can show every rule failing on a
 * manifest broken on purpose.
 */
import { allElements, type XmlElement } from "./xml";

export const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
export const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
export const NS_BASIC = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/**
 * OfficeApp (abstract) then its TaskPaneApp extension: the children in schema order, with
 * [minOccurs, maxOccurs]. TaskPaneApp adds Requirements? DefaultSettings Permissions Dictionary?
 * VersionOverrides? after the base sequence.
 */
export const OFFICEAPP_SEQUENCE: readonly (readonly [string, number, number])[] = [
  ["Id", 1, 1],
  ["AlternateId", 0, 1],
  ["Version", 1, 1],
  ["ProviderName", 1, 1],
  ["DefaultLocale", 1, 1],
  ["DisplayName", 1, 1],
  ["Description", 1, 1],
  ["IconUrl", 0, 1],
  ["HighResolutionIconUrl", 0, 1],
  ["SupportUrl", 0, 1],
  ["AppDomains", 0, 1],
  ["Hosts", 0, 1],
  ["Requirements", 0, 1],
  ["DefaultSettings", 1, 1],
  ["Permissions", 1, 1],
  ["Dictionary", 0, 1],
  ["VersionOverrides", 0, 1],
];

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const HOST_NAMES = ["Document", "Database", "Mailbox", "Notebook", "Presentation", "Project", "Workbook"];
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** bt:Version / Version: one to four dot-separated numbers of up to five digits. */
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
/** CultureName, e.g. ru-RU, en-US. */
const CULTURE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const MAX_URL = 2048;
const MAX_SHORT = 125;
const MAX_LONG = 250;
const MAX_RESID = 32;

type Rule = (root: XmlElement) => string[];

const childElements = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c) => c.name === name);

/** The children of OfficeApp in schema order and count. */
const sequence: Rule = (root) => {
  const problems: string[] = [];
  const names = root.children.map((c) => c.name);
  for (const [name, min, max] of OFFICEAPP_SEQUENCE) {
    const n = names.filter((x) => x === name).length;
    if (n < min) problems.push(`<${name}> is required`);
    if (n > max) problems.push(`<${name}> may appear at most ${max} time(s)`);
  }
  const known = OFFICEAPP_SEQUENCE.map(([n]) => n);
  for (const n of names) if (!known.includes(n)) problems.push(`<${n}> is not a child of a TaskPaneApp`);
  const order = names.filter((n) => known.includes(n)).map((n) => known.indexOf(n));
  for (let i = 1; i < order.length; i++) {
    if (order[i]! < order[i - 1]!) problems.push(`<${names[i]}> comes after <${known[order[i - 1]!]}>, against the schema's sequence`);
  }
  return problems;
};

const rootElement: Rule = (root) => {
  const problems: string[] = [];
  if (root.name !== "OfficeApp") problems.push("the root must be <OfficeApp>");
  if (root.attributes["xmlns"] !== NS_OFFICEAPP) problems.push(`OfficeApp's namespace must be ${NS_OFFICEAPP}`);
  if (root.attributes["xsi:type"] !== "TaskPaneApp") problems.push('OfficeApp must be xsi:type="TaskPaneApp"');
  if (root.attributes["xmlns:bt"] !== NS_BASIC) problems.push(`the bt prefix must be ${NS_BASIC}`);
  return problems;
};

const simpleValues: Rule = (root) => {
  const problems: string[] = [];
  const text = (name: string): string => childElements(root, name)[0]?.text.trim() ?? "";
  if (!UUID.test(text("Id"))) problems.push("<Id> must be a UUID");
  if (!VERSION.test(text("Version"))) problems.push("<Version> must be up to four numbers of up to five digits (1.0.0.0)");
  const provider = text("ProviderName");
  if (provider.length === 0 || provider.length > MAX_SHORT) problems.push(`<ProviderName> must be 1–${MAX_SHORT} characters`);
  if (!CULTURE.test(text("DefaultLocale"))) problems.push("<DefaultLocale> must be a culture name (ru-RU)");
  if (!PERMISSIONS.includes(text("Permissions"))) problems.push(`<Permissions> must be one of ${PERMISSIONS.join(", ")}`);
  return problems;
};

/** Locale-aware settings: a DefaultValue within its length, Overrides with Locale and Value. */
const localeAware: Rule = (root) => {
  const problems: string[] = [];
  const check = (name: string, max: number, url: boolean): void => {
    for (const e of childElements(root, name)) {
      const values = [e.attributes["DefaultValue"], ...e.children.map((o) => o.attributes["Value"])];
      if (e.attributes["DefaultValue"] === undefined) problems.push(`<${name}> needs DefaultValue`);
      for (const o of e.children) {
        if (o.name !== "Override") problems.push(`<${name}> may contain only <Override>, not <${o.name}>`);
        if (!CULTURE.test(o.attributes["Locale"] ?? "")) problems.push(`<${name}>'s <Override> needs a Locale`);
        if (o.attributes["Value"] === undefined) problems.push(`<${name}>'s <Override> needs a Value`);
      }
      for (const v of values) {
        if (v === undefined) continue;
        if (v.length === 0 || v.length > max) problems.push(`<${name}> must be 1–${max} characters`);
        if (url && !/^https:\/\//.test(v)) problems.push(`<${name}> must be an https:// URL`);
      }
    }
  };
  check("DisplayName", MAX_SHORT, false);
  check("Description", MAX_LONG, false);
  for (const n of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) check(n, MAX_URL, true);
  return problems;
};

/** AppDomains: "This element can't be empty" — at least one non-empty AppDomain when present. */
const appDomains: Rule = (root) => {
  const problems: string[] = [];
  for (const e of childElements(root, "AppDomains")) {
    if (e.children.length === 0) problems.push("<AppDomains> must contain at least one <AppDomain> (it cannot be empty)");
    for (const d of e.children) {
      if (d.name !== "AppDomain") problems.push(`<AppDomains> may contain only <AppDomain>, not <${d.name}>`);
      else if (!/^https:\/\/[^\s/]+/.test(d.text.trim())) problems.push("<AppDomain> must be a non-empty https:// address");
    }
  }
  return problems;
};

const hostsAndSettings: Rule = (root) => {
  const problems: string[] = [];
  for (const hosts of childElements(root, "Hosts")) {
    if (hosts.children.length === 0) problems.push("<Hosts> must contain at least one <Host>");
    for (const h of hosts.children) if (!HOST_NAMES.includes(h.attributes["Name"] ?? "")) problems.push(`<Host Name> must be one of ${HOST_NAMES.join(", ")}`);
  }
  const settings = childElements(root, "DefaultSettings")[0];
  const source = settings ? childElements(settings, "SourceLocation")[0] : undefined;
  if (!source || !/^https:\/\//.test(source.attributes["DefaultValue"] ?? "")) problems.push("<DefaultSettings> needs a <SourceLocation> with an https:// DefaultValue");
  for (const req of childElements(root, "Requirements")) {
    for (const sets of childElements(req, "Sets")) {
      if (sets.children.length === 0) problems.push("<Sets> must contain at least one <Set>");
      for (const set of sets.children) {
        if (!set.attributes["Name"]) problems.push("<Set> needs a Name");
        const v = set.attributes["MinVersion"];
        if (v !== undefined && !/^\d+\.\d+$/.test(v)) problems.push(`<Set Name="${set.attributes["Name"]}"> MinVersion must look like 1.1`);
      }
    }
  }
  return problems;
};

/** VersionOverrides: namespace, type, and the Resources rules (ids ≤ 32, URLs https ≤ 2048, strings ≤ 125 / 250, resids defined). */
const versionOverrides: Rule = (root) => {
  const problems: string[] = [];
  const vo = childElements(root, "VersionOverrides")[0];
  if (vo === undefined) return problems;
  if (vo.attributes["xmlns"] !== NS_OVERRIDES) problems.push(`<VersionOverrides> must be in ${NS_OVERRIDES}`);
  if (vo.attributes["xsi:type"] !== "VersionOverridesV1_0") problems.push('<VersionOverrides> must be xsi:type="VersionOverridesV1_0"');
  const resources = childElements(vo, "Resources")[0];
  if (resources === undefined) return [...problems, "<VersionOverrides> needs <Resources>"];
  const ids = new Map<string, string>();
  const groups: readonly [string, string, number, boolean][] = [
    ["bt:Images", "bt:Image", MAX_URL, true],
    ["bt:Urls", "bt:Url", MAX_URL, true],
    ["bt:ShortStrings", "bt:String", MAX_SHORT, false],
    ["bt:LongStrings", "bt:String", MAX_LONG, false],
  ];
  for (const [groupName, itemName, max, url] of groups) {
    for (const group of childElements(resources, groupName)) {
      for (const item of group.children) {
        if (item.name !== itemName) problems.push(`<${groupName}> may contain only <${itemName}>`);
        const id = item.attributes["id"] ?? "";
        if (id.length === 0 || id.length > MAX_RESID) problems.push(`resource id «${id}» must be 1–${MAX_RESID} characters`);
        if (ids.has(id)) problems.push(`resource id «${id}» is defined twice`);
        ids.set(id, groupName);
        const values = [item.attributes["DefaultValue"], ...item.children.map((o) => o.attributes["Value"])];
        if (item.attributes["DefaultValue"] === undefined) problems.push(`resource «${id}» needs DefaultValue`);
        for (const o of item.children) if (o.name !== "bt:Override" || !o.attributes["Locale"] || o.attributes["Value"] === undefined) problems.push(`resource «${id}»: an override must be <bt:Override Locale Value>`);
        for (const v of values) {
          if (v === undefined) continue;
          if (v.length > max) problems.push(`resource «${id}» is longer than ${max} characters`);
          if (url && !/^https:\/\//.test(v)) problems.push(`resource «${id}» must be an https:// URL`);
        }
      }
    }
  }
  // Every resid points at a resource of the right kind.
  const kind: Record<string, string[]> = {
    Label: ["bt:ShortStrings"],
    Title: ["bt:ShortStrings"],
    Description: ["bt:LongStrings"],
    "bt:Image": ["bt:Images"],
    SourceLocation: ["bt:Urls"],
    FunctionFile: ["bt:Urls"],
    LearnMoreUrl: ["bt:Urls"],
    Runtime: ["bt:Urls"],
    Namespace: ["bt:ShortStrings"],
  };
  for (const e of allElements(vo)) {
    const resid = e.attributes["resid"];
    if (resid === undefined) continue;
    if (resid.length > MAX_RESID) problems.push(`resid «${resid}» is longer than ${MAX_RESID} characters`);
    const group = ids.get(resid);
    if (group === undefined) problems.push(`resid «${resid}» is not defined in <Resources>`);
    else if (kind[e.name] !== undefined && !kind[e.name]!.includes(group)) problems.push(`<${e.name} resid="${resid}"> must point at ${kind[e.name]!.join(" or ")}, not ${group}`);
  }
  // Control and group ids: 1–125 characters, unique.
  const controlIds = allElements(vo).filter((e) => e.name === "Group" || e.name === "Control").map((e) => e.attributes["id"] ?? "");
  for (const id of controlIds) if (id.length === 0 || id.length > MAX_SHORT) problems.push(`group/control id «${id}» must be 1–${MAX_SHORT} characters`);
  if (new Set(controlIds).size !== controlIds.length) problems.push("group and control ids must be unique");
  // Icons: a button's and a group's <Icon> need the 16, 32 and 80 pixel images.
  for (const icon of allElements(vo).filter((e) => e.name === "Icon")) {
    const sizes = icon.children.map((i) => i.attributes["size"]).sort();
    for (const size of ["16", "32", "80"]) if (!sizes.includes(size)) problems.push(`an <Icon> lacks its ${size}×${size} image`);
  }
  return problems;
};

/** Every https URL in the manifest on one origin (the add-in is served from one place). */
const oneOrigin: Rule = (root) => {
  const urls = allElements(root)
    .flatMap((e) => [e.attributes["DefaultValue"], e.attributes["Value"]])
    .filter((v): v is string => v !== undefined && /^https?:\/\//.test(v));
  const origins = new Set(urls.map((u) => new URL(u).origin));
  const problems = urls.filter((u) => !u.startsWith("https://")).map((u) => `${u} is not https`);
  if (origins.size > 1) problems.push(`URLs on several origins: ${[...origins].join(", ")} (add an <AppDomain> for each other one)`);
  return problems;
};

/** SupportUrl is a page of its own, not the task pane. */
const supportUrl: Rule = (root) => {
  const support = childElements(root, "SupportUrl")[0]?.attributes["DefaultValue"];
  const pane = childElements(childElements(root, "DefaultSettings")[0] ?? root, "SourceLocation")[0]?.attributes["DefaultValue"];
  if (support === undefined) return ["<SupportUrl> is missing (AppSource requires it)"];
  return support === pane ? ["<SupportUrl> must be a support page, not the task pane"] : [];
};

export const RULES: Readonly<Record<string, Rule>> = {
  rootElement,
  sequence,
  simpleValues,
  localeAware,
  appDomains,
  hostsAndSettings,
  versionOverrides,
  oneOrigin,
  supportUrl,
};

/** Every problem every rule finds, prefixed by the rule's name. */
export function manifestProblems(root: XmlElement): string[] {
  return Object.entries(RULES).flatMap(([name, rule]) => rule(root).map((p) => `${name}: ${p}`));
}
