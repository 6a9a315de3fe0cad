// A small XML reader for XMP packets: elements with their namespace and
// prefix, attributes, text; processing instructions and comments skipped.
// It throws on what is not well-formed (unclosed or mismatched tags).

export interface XmlAttr {
  prefix: string;
  local: string;
  ns?: string;
  value: string;
}

export interface XmlNode {
  prefix: string;
  local: string;
  ns?: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  text: string;
}

const entity = (s: string) =>
  s.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e] as string),
  );

const split = (q: string) => {
  const i = q.indexOf(":");
  return i < 0 ? { prefix: "", local: q } : { prefix: q.slice(0, i), local: q.slice(i + 1) };
};

export function parseXml(text: string): XmlNode {
  const root: XmlNode = { prefix: "", local: "#document", attrs: [], children: [], text: "" };
  const stack: { node: XmlNode; scope: Map<string, string>; qname: string }[] = [
    { node: root, scope: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]), qname: "" },
  ];
  const re =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const [whole, cdata, close, open, attrText, selfClose, chars] = m;
    if (chars !== undefined) top.node.text += entity(chars);
    else if (cdata !== undefined) top.node.text += cdata;
    else if (close !== undefined) {
      if (close !== top.qname) throw new Error(`</${close}> closes <${top.qname}>`);
      stack.pop();
    } else if (open !== undefined) {
      const scope = new Map(top.scope);
      const raw = [...(attrText ?? "").matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((a) => ({
        q: a[1] as string,
        v: entity(a[2] ?? a[3] ?? ""),
      }));
      for (const { q, v } of raw)
        if (q === "xmlns") scope.set("", v);
        else if (q.startsWith("xmlns:")) scope.set(q.slice(6), v);
      const attrs = raw
        .filter(({ q }) => q !== "xmlns" && !q.startsWith("xmlns:"))
        .map(({ q, v }) => ({ ...split(q), ns: split(q).prefix ? scope.get(split(q).prefix) : undefined, value: v }));
      const { prefix, local } = split(open);
      const node: XmlNode = { prefix, local, ns: scope.get(prefix), attrs, children: [], text: "" };
      top.node.children.push(node);
      if (!selfClose) stack.push({ node, scope, qname: open });
    } else if (whole.startsWith("<") && !whole.startsWith("<?") && !whole.startsWith("<!--"))
      throw new Error(`not well-formed at ${m.index}`);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]?.qname}> not closed`);
  return root;
}

export function* descendants(n: XmlNode): Generator<XmlNode> {
  for (const c of n.children) {
    yield c;
    yield* descendants(c);
  }
}
