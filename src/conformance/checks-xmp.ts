// The XMP packet beyond its identification (ISO 19005-3 6.6.2, 6.6.4; UA 5):
// well-formed UTF-8, every property of a schema XMP 2005 predefines or of an
// extension schema the packet describes, with a value of its type; the
// extension schemas' own form (pdfaExtension, pdfaSchema, pdfaProperty,
// pdfaType, pdfaField); pdfaid and pdfuaid with their standard prefixes.
import { N, streamData } from "./cos.js";
import type { Check, CheckContext } from "./types.js";
import { descendants, parseXml, type XmlNode } from "./xml.js";

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const NS = {
  ext: "http://www.aiim.org/pdfa/ns/extension/",
  schema: "http://www.aiim.org/pdfa/ns/schema#",
  property: "http://www.aiim.org/pdfa/ns/property#",
  type: "http://www.aiim.org/pdfa/ns/type#",
  field: "http://www.aiim.org/pdfa/ns/field#",
  pdfaid: "http://www.aiim.org/pdfa/ns/id/",
  pdfuaid: "http://www.aiim.org/pdfua/ns/id/",
};

// XMP Specification 2005's schemas the pipeline can write, property → value type ("*" not checked).
const PREDEFINED: Record<string, Record<string, string>> = {
  "http://purl.org/dc/elements/1.1/": {
    contributor: "Bag ProperName",
    coverage: "Text",
    creator: "Seq ProperName",
    date: "Seq Date",
    description: "Lang Alt",
    format: "MIMEType",
    identifier: "Text",
    language: "Bag Locale",
    publisher: "Bag ProperName",
    relation: "Bag Text",
    rights: "Lang Alt",
    source: "Text",
    subject: "Bag Text",
    title: "Lang Alt",
    type: "Bag Text",
  },
  "http://ns.adobe.com/xap/1.0/": {
    Advisory: "Bag Text",
    BaseURL: "URL",
    CreateDate: "Date",
    CreatorTool: "AgentName",
    Identifier: "Bag Text",
    Label: "Text",
    MetadataDate: "Date",
    ModifyDate: "Date",
    Nickname: "Text",
    Rating: "Integer",
    Thumbnails: "*",
  },
  "http://ns.adobe.com/xap/1.0/rights/": {
    Certificate: "URL",
    Marked: "Boolean",
    Owner: "Bag ProperName",
    UsageTerms: "Lang Alt",
    WebStatement: "URL",
  },
  "http://ns.adobe.com/xap/1.0/mm/": {
    DerivedFrom: "*",
    DocumentID: "URI",
    History: "*",
    InstanceID: "URI",
    ManagedFrom: "*",
    Manager: "AgentName",
    ManageTo: "URI",
    ManageUI: "URI",
    ManagerVariant: "Text",
    RenditionClass: "Text",
    RenditionParams: "Text",
    VersionID: "Text",
    Versions: "*",
    LastURL: "URL",
    RenditionOf: "*",
    SaveID: "Integer",
  },
  "http://ns.adobe.com/pdf/1.3/": { Keywords: "Text", PDFVersion: "Text", Producer: "AgentName", Trapped: "Text" },
  [NS.pdfaid]: { part: "Integer", conformance: "Text", amd: "Text", corr: "Text" },
  "http://ns.adobe.com/xap/1.0/t/pg/": { MaxPageSize: "*", NPages: "Integer", Fonts: "*", Colorants: "*", PlateNames: "Seq Text" },
};
const SIMPLE = new Set([
  "Text",
  "ProperName",
  "AgentName",
  "MIMEType",
  "Locale",
  "URI",
  "URL",
  "GUID",
  "RenditionClass",
  "XPath",
  "Date",
  "Integer",
  "Boolean",
  "Real",
]);
const ALLOWED_FIELDS: Record<string, string[]> = {
  [NS.schema]: ["schema", "namespaceURI", "prefix", "property", "valueType"],
  [NS.property]: ["name", "valueType", "category", "description"],
  [NS.type]: ["type", "namespaceURI", "prefix", "description", "field"],
  [NS.field]: ["name", "valueType", "description"],
};

const el = (n: XmlNode | undefined, ns: string, local: string) => n?.children.find((c) => c.ns === ns && c.local === local);
const attr = (n: XmlNode, ns: string, local: string) => n.attrs.find((a) => a.ns === ns && a.local === local)?.value;
const isText = (n: XmlNode | undefined) => n !== undefined && n.children.length === 0;
/** The items of an rdf container (Bag, Seq, Alt) inside a property, or undefined. */
const items = (n: XmlNode | undefined, kind: string) => {
  const c = n?.children.length === 1 ? n.children[0] : undefined;
  return c && c.ns === RDF && c.local === kind ? c.children.filter((x) => x.ns === RDF && x.local === "li") : undefined;
};
/** A struct value's fields: rdf:parseType="Resource" or a nested rdf:Description. */
const fields = (li: XmlNode) =>
  attr(li, RDF, "parseType") === "Resource" ? li.children : (el(li, RDF, "Description")?.children ?? li.children);

function valueOk(n: XmlNode, type: string): boolean {
  if (type === "*") return true;
  const [kind, inner] = type.includes(" ") ? (type.split(" ") as [string, string]) : [undefined, type];
  if (kind === "Lang" || type === "Lang Alt")
    return (items(n, "Alt") ?? []).every((li) => isText(li) && li.attrs.some((a) => a.local === "lang")) && items(n, "Alt") !== undefined;
  if (kind === "Bag" || kind === "Seq" || kind === "Alt") {
    const list = items(n, kind);
    return list?.every((li) => simpleOk(li, inner)) ?? false;
  }
  return simpleOk(n, inner);
}

function simpleOk(n: XmlNode, type: string): boolean {
  if (!SIMPLE.has(type)) return true; // a type this table does not describe: not judged
  if (n.children.length) return false;
  const v = n.text.trim();
  if (type === "Date") return /^\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?)?)?$/.test(v);
  if (type === "Integer") return /^[+-]?\d+$/.test(v);
  if (type === "Boolean") return v === "True" || v === "False";
  if (type === "Real") return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v);
  return true;
}

const packet = (ctx: CheckContext) => {
  const data = streamData(ctx.doc, ctx.doc.catalog.get(N("Metadata")));
  return data ? Buffer.from(data) : undefined;
};

export const xmpChecks: Check[] = [
  {
    family: "xmp-packet",
    ids: [
      { a: "6.6.2.1-4" },
      { a: "6.6.2.1-5" },
      { a: "6.6.2.3.1-1" },
      { a: "6.6.2.3.1-2" },
      { a: "6.6.4-4" },
      { a: "6.6.4-5" },
      { a: "6.6.4-6" },
      { a: "6.6.4-7" },
      { ua: "5-2" },
      { ua: "5-3" },
      { ua: "5-4" },
      { ua: "5-5" },
    ],
    run(ctx) {
      const bytes = packet(ctx);
      if (!bytes) return;
      const where = { object: "XMP packet" };
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        ctx.fail({ a: "6.6.2.1-5" }, where, "the packet is not UTF-8");
        return;
      }
      let doc: XmlNode;
      try {
        doc = parseXml(text);
      } catch (e) {
        ctx.fail({ a: "6.6.2.1-4" }, where, `not well-formed XML: ${(e as Error).message}`);
        return;
      }
      const rdf = [...descendants(doc)].find((n) => n.ns === RDF && n.local === "RDF");
      if (!rdf) {
        ctx.fail({ a: "6.6.2.1-4" }, where, "no rdf:RDF");
        return;
      }
      const extensions = extensionSchemas(rdf);
      const descriptions = rdf.children.filter((d) => d.ns === RDF && d.local === "Description");
      for (const d of descriptions) {
        const props: XmlNode[] = [
          ...d.children,
          ...d.attrs
            .filter((a) => a.ns !== RDF && a.ns)
            .map((a) => ({ prefix: a.prefix, local: a.local, ns: a.ns, attrs: [], children: [], text: a.value })),
        ];
        for (const p of props) {
          const at = { object: `XMP ${p.prefix}:${p.local}` };
          if (!p.ns) {
            ctx.fail({ a: "6.6.2.3.1-1" }, at, "a property without a namespace");
            continue;
          }
          const type = PREDEFINED[p.ns]?.[p.local] ?? extensions.get(`${p.ns} ${p.local}`);
          if (type === undefined) {
            if (p.ns !== NS.ext && p.ns !== NS.pdfuaid)
              ctx.fail({ a: "6.6.2.3.1-1" }, at, "neither predefined in XMP 2005 nor described by an extension schema");
            if (p.ns === NS.pdfuaid && !extensions.has(`${p.ns} ${p.local}`))
              ctx.fail({ a: "6.6.2.3.1-1" }, at, "pdfuaid property without its extension schema");
          } else if (!valueOk(p, type)) ctx.fail({ a: "6.6.2.3.1-2" }, at, `value is not of type ${type}`);
          const prefixed = [
            ["part", "6.6.4-4", "5-3"],
            ["conformance", "6.6.4-5", ""],
            ["amd", "6.6.4-6", "5-4"],
            ["corr", "6.6.4-7", "5-5"],
          ] as const;
          for (const [local, a, ua] of prefixed) {
            if (p.local !== local) continue;
            if (p.ns === NS.pdfaid && p.prefix !== "pdfaid") ctx.fail({ a }, at, `pdfaid:${local} written with prefix ${p.prefix}`);
            if (ua && p.ns === NS.pdfuaid && p.prefix !== "pdfuaid")
              ctx.fail({ ua }, at, `pdfuaid:${local} written with prefix ${p.prefix}`);
          }
          if (p.ns === NS.pdfuaid && p.local === "part" && p.text.trim() !== "1")
            ctx.fail({ ua: "5-2" }, at, `pdfuaid:part is ${p.text.trim()}, not 1`);
        }
      }
    },
  },
  {
    family: "xmp-extension-schemas",
    ids: [
      "6.6.2.3.2-1",
      "6.6.2.3.3-1",
      "6.6.2.3.3-2",
      "6.6.2.3.3-3",
      "6.6.2.3.3-4",
      "6.6.2.3.3-5",
      "6.6.2.3.3-6",
      "6.6.2.3.3-7",
      "6.6.2.3.3-8",
      "6.6.2.3.3-9",
      "6.6.2.3.3-10",
      "6.6.2.3.3-11",
      "6.6.2.3.3-12",
      "6.6.2.3.3-13",
      "6.6.2.3.3-14",
      "6.6.2.3.3-15",
      "6.6.2.3.3-16",
      "6.6.2.3.3-17",
      "6.6.2.3.3-18",
    ].map((a) => ({ a })),
    run(ctx) {
      const bytes = packet(ctx);
      let rdf: XmlNode | undefined;
      try {
        rdf = bytes ? [...descendants(parseXml(bytes.toString("utf8")))].find((n) => n.ns === RDF && n.local === "RDF") : undefined;
      } catch {
        return; // not well-formed: reported by xmp-packet (6.6.2.1-4)
      }
      if (rdf) for (const f of extensionFindings(rdf)) ctx.fail({ a: f.id }, { object: f.object }, f.message);
    },
  },
];

/** "namespace property" → value type, from the packet's pdfaExtension:schemas. */
function extensionSchemas(rdf: XmlNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const schemas of [...descendants(rdf)].filter((n) => n.ns === NS.ext && n.local === "schemas"))
    for (const li of items(schemas, "Bag") ?? []) {
      const f = fields(li);
      const uri = f.find((x) => x.ns === NS.schema && x.local === "namespaceURI")?.text.trim();
      for (const p of items(
        f.find((x) => x.ns === NS.schema && x.local === "property"),
        "Seq",
      ) ?? []) {
        const pf = fields(p);
        const name = pf.find((x) => x.ns === NS.property && x.local === "name")?.text.trim();
        const type = pf.find((x) => x.ns === NS.property && x.local === "valueType")?.text.trim();
        if (uri && name) out.set(`${uri} ${name}`, type ?? "*");
      }
    }
  return out;
}

function* extensionFindings(rdf: XmlNode): Generator<{ id: string; object: string; message: string }> {
  const basic = new Set([
    ...SIMPLE,
    "Lang Alt",
    "Choice",
    "Thumbnail",
    "ResourceRef",
    "ResourceEvent",
    "Version",
    "Job",
    "Colorant",
    "Dimensions",
    "Font",
  ]);
  for (const schemas of [...descendants(rdf)].filter((n) => n.ns === NS.ext && n.local === "schemas")) {
    const object = "XMP pdfaExtension:schemas";
    if (schemas.prefix !== "pdfaExtension" || !items(schemas, "Bag"))
      yield { id: "6.6.2.3.3-1", object, message: "pdfaExtension:schemas is not a Bag with prefix pdfaExtension" };
    for (const li of items(schemas, "Bag") ?? []) {
      const f = fields(li);
      const get = (ns: string, local: string) => f.find((x) => x.ns === ns && x.local === local);
      const definedTypes = new Set<string>();
      for (const x of f)
        if (!ALLOWED_FIELDS[NS.schema]?.includes(x.local) || x.ns !== NS.schema)
          yield { id: "6.6.2.3.2-1", object, message: `undefined field ${x.prefix}:${x.local} in a schema` };
      const textField = function* (node: XmlNode | undefined, id: string, prefix: string, what: string) {
        if (!isText(node) || !node?.text.trim() || node.prefix !== prefix)
          yield { id, object, message: `${what} missing, not text, or not prefixed ${prefix}` };
      };
      yield* textField(get(NS.schema, "schema"), "6.6.2.3.3-2", "pdfaSchema", "pdfaSchema:schema");
      const uri = get(NS.schema, "namespaceURI");
      if (!isText(uri) || !/^[a-zA-Z][\w+.-]*:\S+$/.test(uri?.text.trim() ?? "") || uri?.prefix !== "pdfaSchema")
        yield { id: "6.6.2.3.3-3", object, message: "pdfaSchema:namespaceURI missing or not a URI" };
      yield* textField(get(NS.schema, "prefix"), "6.6.2.3.3-4", "pdfaSchema", "pdfaSchema:prefix");
      const vt = get(NS.schema, "valueType");
      if (vt && (!items(vt, "Seq") || vt.prefix !== "pdfaSchema"))
        yield { id: "6.6.2.3.3-6", object, message: "pdfaSchema:valueType is not a Seq" };
      for (const t of items(vt, "Seq") ?? []) {
        const tf = fields(t);
        const g = (local: string) => tf.find((x) => x.ns === NS.type && x.local === local);
        for (const x of tf)
          if (x.ns !== NS.type || !ALLOWED_FIELDS[NS.type]?.includes(x.local))
            yield { id: "6.6.2.3.2-1", object, message: `undefined field ${x.prefix}:${x.local} in a value type` };
        yield* textField(g("type"), "6.6.2.3.3-11", "pdfaType", "pdfaType:type");
        const tu = g("namespaceURI");
        if (!isText(tu) || !/^[a-zA-Z][\w+.-]*:\S+$/.test(tu?.text.trim() ?? "") || tu?.prefix !== "pdfaType")
          yield { id: "6.6.2.3.3-12", object, message: "pdfaType:namespaceURI missing or not a URI" };
        yield* textField(g("prefix"), "6.6.2.3.3-13", "pdfaType", "pdfaType:prefix");
        yield* textField(g("description"), "6.6.2.3.3-14", "pdfaType", "pdfaType:description");
        const fl = g("field");
        if (fl && (!items(fl, "Seq") || fl.prefix !== "pdfaType"))
          yield { id: "6.6.2.3.3-15", object, message: "pdfaType:field is not a Seq" };
        if (g("type")?.text.trim()) definedTypes.add(g("type")?.text.trim() as string);
        for (const fd of items(fl, "Seq") ?? []) {
          const ff = fields(fd);
          const h = (local: string) => ff.find((x) => x.ns === NS.field && x.local === local);
          for (const x of ff)
            if (x.ns !== NS.field || !ALLOWED_FIELDS[NS.field]?.includes(x.local))
              yield { id: "6.6.2.3.2-1", object, message: `undefined field ${x.prefix}:${x.local} in a field` };
          yield* textField(h("name"), "6.6.2.3.3-16", "pdfaField", "pdfaField:name");
          yield* textField(h("valueType"), "6.6.2.3.3-17", "pdfaField", "pdfaField:valueType");
          yield* textField(h("description"), "6.6.2.3.3-18", "pdfaField", "pdfaField:description");
        }
      }
      const props = get(NS.schema, "property");
      if (props && (!items(props, "Seq") || props.prefix !== "pdfaSchema"))
        yield { id: "6.6.2.3.3-5", object, message: "pdfaSchema:property is not a Seq" };
      for (const p of items(props, "Seq") ?? []) {
        const pf = fields(p);
        const g = (local: string) => pf.find((x) => x.ns === NS.property && x.local === local);
        for (const x of pf)
          if (x.ns !== NS.property || !ALLOWED_FIELDS[NS.property]?.includes(x.local))
            yield { id: "6.6.2.3.2-1", object, message: `undefined field ${x.prefix}:${x.local} in a property` };
        yield* textField(g("name"), "6.6.2.3.3-7", "pdfaProperty", "pdfaProperty:name");
        const type = g("valueType")?.text.trim() ?? "";
        const known =
          basic.has(type) ||
          definedTypes.has(type) ||
          (/^(Bag|Seq|Alt) /.test(type) && (basic.has(type.slice(4)) || definedTypes.has(type.slice(4))));
        if (!isText(g("valueType")) || !known || g("valueType")?.prefix !== "pdfaProperty")
          yield { id: "6.6.2.3.3-8", object, message: `pdfaProperty:valueType ${type || "missing"} is not a defined type` };
        const cat = g("category");
        if (!isText(cat) || !["external", "internal"].includes(cat?.text.trim() ?? "") || cat?.prefix !== "pdfaProperty")
          yield { id: "6.6.2.3.3-9", object, message: "pdfaProperty:category is neither external nor internal" };
        yield* textField(g("description"), "6.6.2.3.3-10", "pdfaProperty", "pdfaProperty:description");
      }
    }
  }
}
