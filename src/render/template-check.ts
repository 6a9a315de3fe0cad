// Templates read against what they are given, before anything renders: an
// unknown helper or partial, and a field a section's partial reads that the
// section's schema does not have (`{{md s.leed}}` would print an empty
// paragraph and build with exit 0), each named at its own template's line and
// column. Handlebars' strict mode cannot do this: it throws on any absent
// optional field (a section without `lead:`), and only for the data at hand.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;

export interface TemplateMistake {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What a template can know of a value: a zod schema (possibly several, from a union), named fields, or nothing. */
type Shape = { schemas: ZodLike[] } | { fields: Map<string, Shape> } | "unknown";

interface ZodLike {
  def: {
    type: string;
    shape?: Record<string, ZodLike>;
    innerType?: ZodLike;
    element?: ZodLike;
    options?: ZodLike[];
    in?: ZodLike;
    out?: ZodLike;
  };
}

/** Handlebars' own block and inline helpers: always there. */
const BUILT_IN = new Set(["if", "unless", "each", "with", "lookup", "log", "blockHelperMissing", "helperMissing"]);

/** The schema under optional, default, nullable and readonly wrappers; a pipe by what it receives (the manifest's side). */
function unwrap(schema: ZodLike): ZodLike[] {
  const d = schema.def;
  if (d.innerType && ["optional", "default", "nullable", "readonly", "catch", "prefault", "nonoptional"].includes(d.type))
    return unwrap(d.innerType);
  if (d.type === "pipe" && d.in) return unwrap(d.in);
  if (d.type === "union" && d.options) return d.options.flatMap(unwrap);
  return [schema];
}

function field(shape: Shape, name: string): Shape | null {
  if (shape === "unknown") return "unknown";
  if ("fields" in shape) return shape.fields.get(name) ?? null;
  const found: ZodLike[] = [];
  for (const s of shape.schemas.flatMap(unwrap)) {
    const t = s.def.type;
    // A record, a lazy or any other open type: any field may be there.
    if (t !== "object" && t !== "string" && t !== "number" && t !== "boolean" && t !== "literal" && t !== "enum" && t !== "array")
      return "unknown";
    if (t === "object" && s.def.shape && name in s.def.shape) found.push(s.def.shape[name]);
    if ((t === "array" || t === "string") && name === "length") return "unknown";
  }
  return found.length ? { schemas: found } : null;
}

/** What `{{#each x}}` iterates over: an array's element (an object's values stay unknown). */
function element(shape: Shape): Shape {
  if (shape === "unknown" || "fields" in shape) return "unknown";
  const items = shape.schemas.flatMap(unwrap).filter((s) => s.def.type === "array" && s.def.element);
  return items.length ? { schemas: items.map((s) => s.def.element as ZodLike) } : "unknown";
}

interface Walk {
  file: string;
  helpers: ReadonlySet<string>;
  partials: ReadonlySet<string>;
  mistakes: TemplateMistake[];
  /** Context stack: the innermost last; `../` climbs it. */
  scopes: Shape[];
  /** Block parameters (`as |item|`): their shape is not followed. */
  params: Set<string>;
}

function at(w: Walk, node: Node, message: string): void {
  w.mistakes.push({ file: w.file, line: node.loc.start.line, column: node.loc.start.column + 1, message });
}

/** The shape a path reads, or null (with a mistake reported) when the schema has no such field. */
function resolve(w: Walk, p: Path): Shape {
  if (p.data || p.parts.length === 0) return "unknown";
  if (w.params.has(p.parts[0])) return "unknown";
  let shape: Shape = w.scopes[w.scopes.length - 1 - p.depth] ?? "unknown";
  const read: string[] = [];
  for (const part of p.parts) {
    const next = field(shape, part);
    if (next === null) {
      const where = read.length ? read.join(".") : "this context";
      const known = knownFields(shape);
      at(
        w,
        p,
        `"${p.original}" reads a field "${part}" that ${where} does not have${known.length ? ` (it has: ${known.join(", ")})` : ""}: fix the name in the template`,
      );
      return "unknown";
    }
    read.push(part);
    shape = next;
  }
  return shape;
}

function knownFields(shape: Shape): string[] {
  if (shape === "unknown") return [];
  if ("fields" in shape) return [...shape.fields.keys()];
  return [...new Set(shape.schemas.flatMap(unwrap).flatMap((s) => Object.keys(s.def.shape ?? {})))];
}

function expression(w: Walk, e: hbs.AST.Expression): Shape {
  if (e.type === "PathExpression") return resolve(w, e as Path);
  if (e.type === "SubExpression") {
    call(w, e as hbs.AST.SubExpression);
    return "unknown";
  }
  return "unknown";
}

/** A mustache, block or sub-expression: a helper call when it has arguments, a read otherwise. */
function call(w: Walk, node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression): void {
  const p = node.path;
  const hasArgs = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  if (p.type === "PathExpression") {
    const name = (p as Path).original;
    const isHelper = (p as Path).parts.length === 1 && !(p as Path).data && (w.helpers.has(name) || BUILT_IN.has(name));
    // Placed at its {{, where the reader's eye starts the tag.
    if (hasArgs && !isHelper)
      at(
        w,
        node,
        `no helper is called "${name}" (the helpers are: ${[...w.helpers]
          .filter((h) => !BUILT_IN.has(h))
          .sort()
          .join(", ")} and Handlebars' own): fix the name in the template`,
      );
    else if (!isHelper) resolve(w, p as Path);
  }
  for (const param of node.params) expression(w, param);
  for (const pair of node.hash?.pairs ?? []) expression(w, pair.value);
}

function block(w: Walk, node: hbs.AST.BlockStatement): void {
  call(w, node);
  const name = node.path.type === "PathExpression" ? (node.path as Path).original : "";
  const arg = node.params[0];
  // {{#if}} and {{#unless}} keep the context, and `../` does not count them
  // (Handlebars counts only the contexts that change).
  const same = name === "if" || name === "unless";
  let inner: Shape = "unknown";
  if (name === "each") inner = arg ? element(expression(w, arg)) : "unknown";
  else if (name === "with") inner = arg ? expression(w, arg) : "unknown";
  const params = node.program?.blockParams ?? [];
  for (const b of params) w.params.add(b);
  if (!same) w.scopes.push(inner);
  if (node.program) statements(w, node.program.body);
  if (!same) w.scopes.pop();
  // {{else}} keeps the outer context.
  if (node.inverse) statements(w, node.inverse.body);
}

function statements(w: Walk, body: hbs.AST.Statement[]): void {
  for (const s of body) {
    if (s.type === "MustacheStatement") call(w, s as hbs.AST.MustacheStatement);
    else if (s.type === "BlockStatement") block(w, s as hbs.AST.BlockStatement);
    else if (s.type === "PartialStatement" || s.type === "PartialBlockStatement") {
      const partial = s as hbs.AST.PartialStatement;
      if (partial.name.type === "PathExpression") {
        const name = (partial.name as Path).original;
        if (!w.partials.has(name))
          at(w, partial.name, `no partial is called "${name}" (there are: ${[...w.partials].sort().join(", ")}): fix the name`);
      } else expression(w, partial.name as hbs.AST.Expression);
      for (const param of partial.params) expression(w, param);
      for (const pair of partial.hash?.pairs ?? []) expression(w, pair.value);
    }
  }
}

export interface CheckInput {
  templatesDir: string;
  /** The helpers the environment registers (template-env.ts). */
  helpers: Iterable<string>;
  /** Section type → its zod schema: a partial templates/sections/<type>.hbs reads `s` as that. */
  schemas: ReadonlyMap<string, unknown>;
}

/** The data edition-html.ts gives every section partial: s (the manifest's section), v (computed), anchor, partial. */
function sectionScope(schema: unknown): Shape {
  return {
    fields: new Map<string, Shape>([
      ["s", schema ? { schemas: [schema as ZodLike] } : "unknown"],
      ["v", "unknown"],
      ["anchor", "unknown"],
      ["partial", "unknown"],
    ]),
  };
}

function hbsFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(".hbs"))
      .sort();
  } catch {
    return [];
  }
}

/** Every template's mistakes, in file then line order. Syntax errors are left to the compile, which places them. */
export function checkTemplates(input: CheckInput): TemplateMistake[] {
  const { templatesDir } = input;
  const helpers = new Set(input.helpers);
  const sections = hbsFiles(path.join(templatesDir, "sections")).map((n) => ({ dir: "sections", name: n }));
  const partialFiles = hbsFiles(path.join(templatesDir, "partials")).map((n) => ({ dir: "partials", name: n }));
  const partials = new Set([
    ...sections.map((f) => f.name.replace(/\.hbs$/, "")),
    ...partialFiles.map((f) => `partials/${f.name.replace(/\.hbs$/, "")}`),
  ]);
  const mistakes: TemplateMistake[] = [];
  for (const { dir, name } of [{ dir: "", name: "layout.hbs" }, ...sections, ...partialFiles]) {
    const file = path.join(templatesDir, dir, name);
    let ast: hbs.AST.Program;
    try {
      ast = Handlebars.parse(readFileSync(file, "utf8"));
    } catch {
      continue;
    }
    // Only a section's own partial knows what `s` is; the layout and shared partials are read for names.
    const scope = dir === "sections" ? sectionScope(input.schemas.get(name.replace(/\.hbs$/, ""))) : "unknown";
    statements({ file, helpers, partials, mistakes, scopes: [scope], params: new Set() }, ast.body);
  }
  return mistakes;
}
