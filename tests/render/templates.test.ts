// The HTML stage without a browser: every section type has its partial, manifest
// text cannot inject markup, and words get the soft hyphens Chromium needs.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadManifest, parseManifest } from "../../src/manifest/load.js";
import { renderInline } from "../../src/manifest/markup.js";
import { projectPaths } from "../../src/paths.js";
import { renderEditionHtml } from "../../src/render/edition-html.js";
import { createTemplateEnv, TemplateError } from "../../src/render/template-env.js";
import { SECTION_KINDS } from "../../src/sections/registry.js";
import { copyProject } from "../support/project-copy.js";

const htmlOptions = { templatesDir: projectPaths.templates, assetsDir: projectPaths.assets, htmlDir: projectPaths.output };

describe("section types", () => {
  it("each have one partial, and each partial a type", () => {
    const partials = readdirSync(path.join(projectPaths.templates, "sections")).map((f) => f.replace(/\.hbs$/, ""));
    expect(partials.sort()).toEqual(SECTION_KINDS.map((k) => k.type).sort());
  });
});

describe("manifest text in the page", () => {
  it("renders the small markup and escapes everything else", () => {
    expect(renderInline("**Bold** *it* [ANSSI](https://cyber.gouv.fr) <b>x</b> & co")).toBe(
      '<strong>Bold</strong> <em>it</em> <a href="https://cyber.gouv.fr">ANSSI</a> &lt;b&gt;x&lt;/b&gt; &amp; co',
    );
    expect(renderInline("[x](javascript:alert(1))")).not.toContain("href");
  });

  it("cannot break out of the running head's CSS string", async () => {
    const { edition } = await loadManifest(path.join(projectPaths.editions, "2026-04", "en.yaml"));
    const tricky = { ...edition, edition: { ...edition.edition, publication: 'Obs"; } body { display: none } /*' } };
    const { html } = renderEditionHtml(tricky, htmlOptions);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(style).not.toContain("display: none");
    expect(style).toContain("\\22 ");
  });

  it("refuses raw HTML in a manifest before it reaches a template", async () => {
    const source = readFileSync(path.join(projectPaths.editions, "2026-04", "en.yaml"), "utf8").replace(
      "kicker: OBSERVATORY",
      'kicker: "<script>alert(1)</script>"',
    );
    const { problems } = parseManifest(source, "editions/2026-04/en.yaml");
    expect(problems.map((p) => p.path)).toContain("sections[0].kicker");
  });
});

describe("hyphenation", () => {
  it("puts soft hyphens in running text, not in headings", async () => {
    const { edition } = await loadManifest(path.join(projectPaths.editions, "2025-12", "fr.yaml"));
    const { html } = renderEditionHtml(edition, htmlOptions);
    expect(html).toContain("qua\u00adli\u00adfi\u00adca\u00adtion");
    const headings = [...html.matchAll(/<h[12][^>]*>([\s\S]*?)<\/h[12]>/g)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(5);
    for (const h of headings) expect(h).not.toContain("\u00ad");
  });
});

describe("a template error", () => {
  const project = copyProject();
  afterAll(() => project.remove());
  it("names the file and line", () => {
    const file = path.join(project.paths.templates, "sections", "links.hbs");
    writeFileSync(file, "<section>\n  {{#each s.items}}\n  <p>{{label}}</p>\n</section>\n");
    let error: unknown;
    try {
      createTemplateEnv(project.paths.templates, "en");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe(file);
    expect((error as TemplateError).line).toBe(5);
    expect((error as TemplateError).message).toContain("needs its {{/…}}");
    writeFileSync(file, "<p>a</p>\n<p>{{foo bar}</p>\n");
    const second = (() => {
      try {
        createTemplateEnv(project.paths.templates, "en");
      } catch (err) {
        return err as TemplateError;
      }
    })();
    expect([second?.line, second?.column]).toEqual([2, 13]);
  });
});
