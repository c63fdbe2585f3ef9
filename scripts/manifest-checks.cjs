// Offline checks of the add-in's XML manifest, shared by `npm run validate`, the webpack build and the
// jest tests: what no XSD can say (resource ids, the shared runtime, icons, URLs), plus the schema
// validation of manifest-schema.cjs, re-exported. Each check returns a list of error strings (empty
// when fine); setup problems (no schemas, no ADDIN_URL) throw.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const schema = require("./manifest-schema.cjs");

/** The base URL of every resource in the development manifest. */
const DEV_URL = "https://localhost:3000/";

const NS = {
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

/**
 * Parses the XML of a manifest into a tree of { name, local, ns, attrs, children, text, line }.
 * Enough for manifests (elements, attributes, comments, text, CDATA); no DTDs or entities beyond the five.
 */
function parseXml(xml) {
  const root = {
    name: "#document",
    local: "#document",
    ns: null,
    attrs: {},
    children: [],
    text: "",
  };
  const stack = [root];
  const scopes = [{ xml: "http://www.w3.org/XML/1998/namespace" }];
  const lineAt = (index) => xml.slice(0, index).split("\n").length;
  const decode = (s) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let match;
  let expected = 0;
  while ((match = token.exec(xml)) !== null) {
    if (match.index !== expected) {
      throw new Error(`Malformed XML at line ${lineAt(expected)}`);
    }
    expected = token.lastIndex;
    const [, cdata, endName, startName, attrText, selfClosing, text] = match;
    const parent = stack[stack.length - 1];
    if (cdata !== undefined) {
      parent.text += cdata;
    } else if (text !== undefined) {
      parent.text += decode(text);
    } else if (endName !== undefined) {
      if (parent.name !== endName) {
        throw new Error(`Line ${lineAt(match.index)}: </${endName}> closes <${parent.name}>`);
      }
      stack.pop();
      scopes.pop();
    } else if (startName !== undefined) {
      const attrs = {};
      for (const [, key, v1, v2] of attrText.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[key] = decode(v1 ?? v2);
      }
      const scope = { ...scopes[scopes.length - 1] };
      for (const [key, value] of Object.entries(attrs)) {
        if (key === "xmlns") scope[""] = value;
        else if (key.startsWith("xmlns:")) scope[key.slice(6)] = value;
      }
      const [prefix, local] = startName.includes(":") ? startName.split(":") : ["", startName];
      const element = {
        name: startName,
        local,
        ns: scope[prefix] ?? null,
        attrs,
        scope,
        children: [],
        text: "",
        line: lineAt(match.index),
        parent,
      };
      parent.children.push(element);
      if (!selfClosing) {
        stack.push(element);
        scopes.push(scope);
      }
    }
  }
  if (expected !== xml.length || stack.length !== 1) {
    throw new Error(`Malformed XML: <${stack[stack.length - 1].name}> is not closed`);
  }
  return root;
}

/** Returns the value of an attribute given by namespace and local name ("" for unprefixed). */
function attr(element, local, ns = "") {
  for (const [key, value] of Object.entries(element.attrs)) {
    const [prefix, name] = key.includes(":") ? key.split(":") : ["", key];
    if (name !== local) continue;
    if (ns === "" ? prefix === "" : prefix !== "" && element.scope[prefix] === ns) return value;
  }
  return undefined;
}

/** Lists every element of a tree, depth first, in document order. */
function allElements(node) {
  return node.children.flatMap((child) => [child, ...allElements(child)]);
}

/** Finds the elements with this local name (and namespace, if given) anywhere below a node. */
function findAll(node, local, ns) {
  return allElements(node).filter((e) => e.local === local && (ns === undefined || e.ns === ns));
}

/** Returns the <Host xsi:type="Workbook"> elements of VersionOverrides. */
function workbookHosts(doc) {
  return findAll(doc, "Host", NS.ov).filter((h) => attr(h, "type", NS.xsi) === "Workbook");
}

/** Maps each resource id of <Resources> to { kind, value, line } (kind: Images, Urls, ShortStrings, LongStrings). */
function resources(doc) {
  const map = new Map();
  const duplicates = [];
  for (const group of findAll(doc, "Resources", NS.ov).flatMap((r) => r.children)) {
    for (const item of group.children) {
      const id = attr(item, "id");
      if (id === undefined) continue;
      if (map.has(id)) duplicates.push(`line ${item.line}: resource id "${id}" is defined twice`);
      map.set(id, { kind: group.local, value: attr(item, "DefaultValue") ?? "", line: item.line });
    }
  }
  return { map, duplicates };
}

// Which resource group each referring element must name; the XSDs do not check this.
const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Runtime: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/** Checks that every resid is defined once in <Resources>, in the group its element needs. */
function checkResids(xml) {
  const doc = parseXml(xml);
  const { map, duplicates } = resources(doc);
  const errors = [...duplicates];
  for (const element of allElements(doc)) {
    const resid = attr(element, "resid");
    if (resid === undefined) continue;
    const found = map.get(resid);
    const kind = RESID_KIND[element.local];
    if (!found) {
      errors.push(`line ${element.line}: <${element.name} resid="${resid}"> names no resource`);
    } else if (kind && found.kind !== kind) {
      errors.push(
        `line ${element.line}: <${element.name} resid="${resid}"> needs a ${kind} entry, found ${found.kind}`
      );
    }
  }
  return errors;
}

/**
 * Checks the shared-runtime block the XSDs do not know: one <Runtimes> as the first child of
 * <Host xsi:type="Workbook">, with a long-lived <Runtime> whose resid names a bt:Url, and the same page
 * used by the custom functions, the task pane button and the function file.
 */
function checkRuntimes(xml) {
  const doc = parseXml(xml);
  const errors = [];
  const hosts = workbookHosts(doc);
  if (hosts.length !== 1) return [`expected one <Host xsi:type="Workbook">, found ${hosts.length}`];
  const host = hosts[0];
  for (const r of findAll(doc, "Runtimes").filter((r) => r.parent !== host)) {
    errors.push(`line ${r.line}: <Runtimes> must sit directly in the Workbook host`);
  }
  const blocks = host.children.filter((c) => c.local === "Runtimes");
  if (blocks.length !== 1) {
    return [...errors, `expected one <Runtimes> in the Workbook host, found ${blocks.length}`];
  }
  if (host.children[0] !== blocks[0]) {
    errors.push(`line ${blocks[0].line}: <Runtimes> must be the first child of the Workbook host`);
  }
  const runtimes = blocks[0].children;
  if (runtimes.length !== 1 || runtimes[0].local !== "Runtime") {
    return [...errors, `line ${blocks[0].line}: <Runtimes> must hold exactly one <Runtime>`];
  }
  const runtime = runtimes[0];
  if (attr(runtime, "lifetime") !== "long") {
    errors.push(`line ${runtime.line}: <Runtime> needs lifetime="long" for a shared runtime`);
  }
  const resid = attr(runtime, "resid");
  const { map } = resources(doc);
  const url = map.get(resid ?? "");
  if (!url || url.kind !== "Urls") {
    return [...errors, `line ${runtime.line}: <Runtime resid="${resid ?? ""}"> must name a bt:Url`];
  }
  // the shared runtime only works when every part loads the same page
  const users = [
    ...findAll(host, "ExtensionPoint")
      .filter((e) => attr(e, "type", NS.xsi) === "CustomFunctions")
      .flatMap((e) => findAll(e, "Page")),
    ...findAll(host, "Action").filter((a) => attr(a, "type", NS.xsi) === "ShowTaskpane"),
  ].flatMap((e) => e.children.filter((c) => c.local === "SourceLocation"));
  users.push(...findAll(host, "FunctionFile"));
  for (const user of users) {
    const used = map.get(attr(user, "resid") ?? "");
    if (used && used.value !== url.value) {
      errors.push(
        `line ${user.line}: <${user.name}> loads ${used.value}, not the runtime page ${url.value}`
      );
    }
  }
  return errors;
}

/** Reads the width and height of a PNG file from its IHDR chunk; throws when it is not a PNG. */
function readPngSize(bytes) {
  const signature = "89504e470d0a1a0a";
  if (
    bytes.length < 24 ||
    bytes.subarray(0, 8).toString("hex") !== signature ||
    bytes.toString("ascii", 12, 16) !== "IHDR"
  ) {
    throw new Error("not a PNG file");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// Ribbon icons Office requires in every <Icon> (the other supported sizes are optional).
const REQUIRED_ICON_SIZES = [16, 32, 80];

// Office shows IconUrl at 32 px and HighResolutionIconUrl at 64 px.
const APP_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };

/**
 * Checks that every image the manifest names (bt:Image resources, IconUrl, HighResolutionIconUrl) is a
 * PNG under assets/ beside the manifest, square, of the size it is used at, and that each ribbon
 * <Icon> has the 16, 32 and 80 px images.
 */
function checkImages(xml, manifestDir) {
  const doc = parseXml(xml);
  const { map } = resources(doc);
  const errors = [];
  const wanted = new Map(); // url -> { sizes, line }
  const want = (url, size, line) => {
    const entry = wanted.get(url) ?? { sizes: new Set(), line };
    if (size) entry.sizes.add(size);
    wanted.set(url, entry);
  };
  for (const [, r] of map) if (r.kind === "Images") want(r.value, undefined, r.line);
  // the Icon element reference: each icon list needs the 16, 32 and 80 px images
  for (const icon of findAll(doc, "Icon", NS.ov)) {
    const sizes = icon.children.map((image) => Number(attr(image, "size")));
    const absent = REQUIRED_ICON_SIZES.filter((size) => !sizes.includes(size));
    if (absent.length > 0) {
      errors.push(`line ${icon.line}: <Icon> lacks the ${absent.join(", ")} px image(s)`);
    }
  }
  for (const image of findAll(doc, "Image", NS.bt).filter((e) => attr(e, "size") !== undefined)) {
    const r = map.get(attr(image, "resid") ?? "");
    if (r) want(r.value, Number(attr(image, "size")), image.line);
  }
  for (const [local, size] of Object.entries(APP_ICON_SIZES)) {
    for (const e of findAll(doc, local)) want(attr(e, "DefaultValue") ?? "", size, e.line);
  }
  for (const [url, { sizes, line }] of wanted) {
    const relative = /^https:\/\/[^/]+\/(?:.*\/)?(assets\/[^/?#]+)$/.exec(url)?.[1];
    if (!relative) {
      errors.push(`line ${line}: image ${url} is not a file under assets/`);
      continue;
    }
    const file = path.join(manifestDir, relative);
    if (!fs.existsSync(file)) {
      errors.push(`line ${line}: image ${url} has no file ${path.relative(process.cwd(), file)}`);
      continue;
    }
    let size;
    try {
      size = readPngSize(fs.readFileSync(file));
    } catch {
      errors.push(`line ${line}: ${relative} is not a PNG file`);
      continue;
    }
    for (const expected of sizes) {
      if (size.width !== expected || size.height !== expected) {
        errors.push(
          `line ${line}: ${relative} is ${size.width}x${size.height}, used as ${expected}x${expected}`
        );
      }
    }
  }
  return errors;
}

/** Lists every URL in the manifest (DefaultValue/Override values that look like URLs, AppDomains). */
function manifestUrls(xml) {
  const urls = [];
  for (const element of allElements(parseXml(xml))) {
    for (const value of Object.values(element.attrs)) {
      if (
        /^[a-z][a-z0-9+.-]*:\/\//i.test(value) &&
        !/^https?:\/\/schemas\.microsoft\.com\//.test(value) &&
        !value.startsWith("http://www.w3.org/")
      ) {
        urls.push({ url: value, line: element.line });
      }
    }
    if (element.local === "AppDomain") urls.push({ url: element.text.trim(), line: element.line });
  }
  return urls;
}

/** Checks that every URL in the manifest starts with the given base URL. */
function checkUrls(xml, base = DEV_URL) {
  return manifestUrls(xml)
    .filter(({ url }) => !url.startsWith(base))
    .map(({ url, line }) => `line ${line}: ${url} does not start with ${base}`);
}

/**
 * Normalises the production URL of the add-in: required, absolute https, ending with "/".
 * Throws an Error that says what to set when it is missing or unusable.
 */
function normaliseAddinUrl(value) {
  if (!value || !value.trim()) {
    throw new Error(
      "ADDIN_URL is not set. A production build needs the https address the add-in will be served from, " +
        "e.g. ADDIN_URL=https://example.org/hkmr/ npm run build"
    );
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `ADDIN_URL "${value}" is not an absolute URL (expected e.g. https://example.org/hkmr/)`
    );
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_URL "${value}" must use https: Office only loads add-ins over https`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_URL "${value}" must not carry a query or fragment`);
  }
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** Returns the manifest with every development URL replaced by the production base URL. */
function rewriteForProduction(xml, addinUrl) {
  return xml.replaceAll(DEV_URL, normaliseAddinUrl(addinUrl));
}

/** Checks that the production rewrite leaves no local address and puts every URL under ADDIN_URL. */
function checkProductionRewrite(xml, addinUrl) {
  const base = normaliseAddinUrl(addinUrl);
  const rewritten = rewriteForProduction(xml, base);
  const errors = checkUrls(rewritten, base);
  rewritten.split("\n").forEach((text, i) => {
    if (/localhost|127\.0\.0\.1/i.test(text))
      errors.push(`line ${i + 1}: still names a local address after the rewrite`);
  });
  return errors;
}

module.exports = {
  DEV_URL,
  parseXml,
  ...schema,
  checkResids,
  checkRuntimes,
  readPngSize,
  checkImages,
  manifestUrls,
  checkUrls,
  normaliseAddinUrl,
  rewriteForProduction,
  checkProductionRewrite,
};
