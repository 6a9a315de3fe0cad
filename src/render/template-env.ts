// A private Handlebars environment: the layout, one partial per section type,
// and the helpers templates may call. Manifest text only reaches the page
// escaped ({{x}}) or through `md`, which renders the safe inline markup.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { renderInline } from "../manifest/markup.js";
import type { Language } from "../manifest/primitives.js";
// Where templates and their files go wrong: the labels, read in src/sections/, need them too.
import { TemplateError, templateFileError } from "../sections/template-error.js";
import { formatDate, formatNumber } from "./format.js";
import { hyphenateHtml } from "./hyphenate.js";
import { firstMistake } from "./template-mistakes.js";
import type { HyphenPolicy } from "./word-policy.js";

export { TemplateError, templateFileError };

export interface TemplateEnv {
  render(data: Record<string, unknown>): string;
  partialNames: string[];
}

export function readTemplateFile(file: string, what?: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw templateFileError(file, err, what);
  }
}

// A <meta http-equiv="refresh"> makes the browser leave the page before it
// prints (scripts being off does not stop it): refused at its line.
const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh/i;

function compile(hb: typeof Handlebars, file: string): HandlebarsTemplateDelegate {
  const source = readTemplateFile(file, "template");
  const refresh = META_REFRESH.exec(source);
  if (refresh) {
    const before = source.slice(0, refresh.index);
    throw new TemplateError(
      file,
      before.split("\n").length,
      refresh.index - before.lastIndexOf("\n"),
      'expected no <meta http-equiv="refresh"> (the browser would leave the page before printing it): remove it',
    );
  }
  let template: HandlebarsTemplateDelegate;
  try {
    // Parse now so syntax errors name the file instead of surfacing mid-render
    // (compile() itself is lazy).
    hb.parse(source);
    template = hb.compile(source, { preventIndent: true });
  } catch (err) {
    const { line, column, message } = describeParseError(source, (err as Error).message);
    throw new TemplateError(file, line, column, message);
  }
  // An error while a template runs (a missing helper, a bad partial) is named
  // at this file, and at its line when Handlebars or the message tells it.
  return (context, options) => {
    try {
      return template(context, options);
    } catch (err) {
      if (err instanceof TemplateError) throw err;
      const { line, column } = runtimePlace(source, err);
      throw new TemplateError(file, line, column, (err as Error).message);
    }
  };
}

function listTemplates(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (err) {
    throw templateFileError(dir, err, "folder of templates");
  }
}

function runtimePlace(source: string, err: unknown): { line: number; column: number } {
  const e = err as { lineNumber?: number; column?: number; message?: string };
  if (typeof e.lineNumber === "number") return { line: e.lineNumber, column: (e.column ?? 0) + 1 };
  // "Missing helper: \"name\"", "The partial x could not be found": the name's first use.
  const name = /"([^"]+)"|partial (\S+)/.exec(e.message ?? "");
  const at = name ? source.search(new RegExp(`{{[#>~\\s]*${(name[1] ?? name[2]).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\b`)) : -1;
  if (at < 0) return { line: 1, column: 1 };
  const before = source.slice(0, at);
  return { line: before.split("\n").length, column: at - before.lastIndexOf("\n") };
}

/**
 * Handlebars (Jison) reports "Parse error on line N:", the ~20 characters
 * before the error with newlines removed, a caret, and what it expected.
 * Find that text in the source to recover the column, and say it plainly.
 */
function describeParseError(source: string, raw: string): { line: number; column: number; message: string } {
  const [head = "", snippet = "", , expecting = ""] = raw.split("\n");
  const line = Number(/line (\d+)/.exec(head)?.[1] ?? 1);
  const caret = raw.split("\n")[2]?.indexOf("^") ?? -1;
  const before = snippet.slice(0, Math.max(0, caret)).replace(/^\.\.\./, "");
  let offset = -1;
  const flat = source.replace(/\n/g, "");
  const at = before ? flat.indexOf(before) : -1;
  if (at >= 0) {
    // Map the offset in the newline-free text back to the source.
    let seen = 0;
    for (let i = 0; i < source.length; i++) {
      if (source[i] === "\n") continue;
      if (seen === at + before.length) {
        offset = i;
        break;
      }
      seen++;
    }
    if (offset < 0) offset = source.length;
  }
  const column = offset >= 0 ? offset - source.lastIndexOf("\n", offset - 1) : 1;
  const got = /got '([^']+)'/.exec(expecting)?.[1];
  const message =
    got === "EOF"
      ? "the template ends before a block is closed: each {{#each}}, {{#if}} or {{#unless}} needs its {{/…}}"
      : got === "INVALID"
        ? "a {{…}} tag is malformed here (a missing or extra brace?)"
        : `template syntax error: unexpected ${got ?? "text"}, expected ${expecting
            .replace(/^Expecting /, "")
            .split(", ")
            .slice(0, 3)
            .join(", ")}`;
  return { line: offset >= 0 ? source.slice(0, offset).split("\n").length : line, column, message };
}

function cssEscape(text: string): string {
  return [...text].map((ch) => (/[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)?.toString(16)} `)).join("");
}

const cache = new Map<string, { signature: string; env: TemplateEnv }>();

/** Size and time of every template file: a changed file means a new environment (the preview edits them live). */
function signature(templatesDir: string): string {
  const parts: string[] = [];
  for (const dir of ["", "sections", "partials"]) {
    for (const name of readdirSync(path.join(templatesDir, dir)).sort()) {
      if (!name.endsWith(".hbs")) continue;
      const st = statSync(path.join(templatesDir, dir, name));
      parts.push(`${dir}/${name}:${st.size}:${st.mtimeMs}`);
    }
  }
  return parts.join("|");
}

/** The environment for a templates folder and language, reused while no template changes. */
export function templateEnv(templatesDir: string, language: Language): TemplateEnv {
  const key = `${templatesDir}\u0000${language}`;
  const sig = signature(templatesDir);
  const hit = cache.get(key);
  if (hit && hit.signature === sig) return hit.env;
  const env = createTemplateEnv(templatesDir, language);
  cache.set(key, { signature: sig, env });
  return env;
}

/** The helpers templates may call (also what the template check knows by name: template-mistakes.ts). */
export function registerHelpers(hb: typeof Handlebars, language: Language): void {
  // The edition's hyphenation policy (names, exceptions) comes with the data: see edition-html.ts.
  const md = (text: unknown, options?: Handlebars.HelperOptions) =>
    new hb.SafeString(
      hyphenateHtml(renderInline(String(text ?? "")), language, options?.data?.root?.hyphenation as HyphenPolicy | undefined),
    );
  hb.registerHelper("md", md);
  // Headings are not hyphenated: a broken title reads badly and bookmarks must match.
  hb.registerHelper("mdh", (text: unknown) => new hb.SafeString(renderInline(String(text ?? ""))));
  hb.registerHelper("date", (value: unknown) => (typeof value === "string" ? formatDate(value, language) : ""));
  // The month alone, where a day would claim more than the edition says (the cover).
  hb.registerHelper("month", (value: unknown) => (typeof value === "string" ? formatDate(value.slice(0, 7), language) : ""));
  // The same inside a sentence: a French month takes no capital there ("…, décembre 2025").
  hb.registerHelper("monthInText", (value: unknown) =>
    typeof value === "string" ? formatDate(value.slice(0, 7), language, { inText: true }) : "",
  );
  hb.registerHelper("num", (value: unknown) => (typeof value === "number" ? formatNumber(value, language) : ""));
  hb.registerHelper("inc", (value: unknown) => Number(value) + 1);
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).find(Boolean) ?? "");
  // A CSS string literal: every character outside [A-Za-z0-9 ] is written as a
  // hex escape, so manifest text can never close the string or the <style>.
  hb.registerHelper("css", (value: unknown) => new hb.SafeString(`"${cssEscape(String(value ?? ""))}"`));
}

export function createTemplateEnv(templatesDir: string, language: Language): TemplateEnv {
  const hb = Handlebars.create();
  registerHelpers(hb, language);

  const sectionsDir = path.join(templatesDir, "sections");
  const partialNames: string[] = [];
  for (const name of listTemplates(sectionsDir)) {
    if (!name.endsWith(".hbs")) continue;
    const type = name.replace(/\.hbs$/, "");
    hb.registerPartial(type, compile(hb, path.join(sectionsDir, name)));
    partialNames.push(type);
  }
  const partialsDir = path.join(templatesDir, "partials");
  for (const name of listTemplates(partialsDir)) {
    if (name.endsWith(".hbs")) hb.registerPartial(`partials/${name.replace(/\.hbs$/, "")}`, compile(hb, path.join(partialsDir, name)));
  }
  const layoutFile = path.join(templatesDir, "layout.hbs");
  const layout = compile(hb, layoutFile);
  // Helpers, partials and fields checked against the schemas: a mistake at its own line, before anything renders.
  firstMistake(templatesDir, Object.keys(hb.helpers));
  return {
    partialNames,
    render(data) {
      try {
        return layout(data, { allowProtoPropertiesByDefault: false });
      } catch (err) {
        if (err instanceof TemplateError) throw err;
        throw new TemplateError(layoutFile, 1, 1, (err as Error).message);
      }
    },
  };
}
