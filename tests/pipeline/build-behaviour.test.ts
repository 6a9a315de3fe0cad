// How a build behaves around the PDF: repeatable bytes, nothing half-written
// on failure, requests outside the project blocked, HTML without a browser.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";
import { ManifestError } from "../../src/manifest/problem.js";
import { build } from "../../src/pipeline/build-edition.js";
import { TemplateError } from "../../src/render/template-env.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

describe("a build", () => {
  let project: ProjectCopy;
  let session: BrowserSession;
  const pdfOf = () => path.join(project.paths.output, "2026-04", "2026-04-en.pdf");

  beforeAll(() => {
    project = copyProject();
    session = new BrowserSession();
  });
  afterAll(async () => {
    await session.close();
    project.remove();
  });

  it("gives byte-identical PDFs when run twice on the same inputs", async () => {
    const first = await build({ paths: project.paths, editions: ["2026-04"], session });
    const bytes = readFileSync(pdfOf());
    // A fresh browser, so nothing cached in the first run can make them agree.
    const other = new BrowserSession();
    try {
      const second = await build({ paths: project.paths, editions: ["2026-04"], session: other });
      expect(second.jobs[0].sha256).toBe(first.jobs[0].sha256);
    } finally {
      await other.close();
    }
    expect(readFileSync(pdfOf()).equals(bytes)).toBe(true);
  });

  it("takes its dates from SOURCE_DATE_EPOCH when given", async () => {
    const result = await build({
      paths: project.paths,
      editions: ["2026-04"],
      session,
      outputDir: path.join(project.paths.root, "epoch"),
      sourceDateEpoch: 1767225600,
    });
    const text = readFileSync(result.jobs[0].pdf as string).toString("latin1");
    expect(text).toContain("2026-01-01T00:00:00Z");
  });

  it("leaves the previous PDF untouched when a template is broken", async () => {
    const before = readFileSync(pdfOf());
    const partial = path.join(project.paths.templates, "sections", "sources.hbs");
    const good = readFileSync(partial, "utf8");
    writeFileSync(partial, `${good}\n{{#each s.items}}unclosed`);
    try {
      await expect(build({ paths: project.paths, editions: ["2026-04"], session })).rejects.toBeInstanceOf(TemplateError);
    } finally {
      writeFileSync(partial, good);
    }
    expect(readFileSync(pdfOf()).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(pdfOf())).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("leaves the previous PDF untouched when a manifest is invalid, and names every problem", async () => {
    const before = readFileSync(pdfOf());
    const manifest = path.join(project.paths.editions, "2026-04", "en.yaml");
    const good = readFileSync(manifest, "utf8");
    writeFileSync(manifest, good.replace(`date: "2026-04-01"`, `date: "2026-04-31"`).replace("type: cover", "type: covers"));
    try {
      const err = await build({ paths: project.paths, editions: ["2026-04"], session }).catch((e) => e);
      expect(err).toBeInstanceOf(ManifestError);
      expect((err as ManifestError).problems.map((p) => p.path)).toEqual(["edition.date", "sections[0].type"]);
    } finally {
      writeFileSync(manifest, good);
    }
    expect(readFileSync(pdfOf()).equals(before)).toBe(true);
  });

  it("blocks and reports a request that leaves the project, and runs no script", async () => {
    const partial = path.join(project.paths.templates, "sections", "back-cover.hbs");
    const good = readFileSync(partial, "utf8");
    writeFileSync(
      partial,
      `${good}<img src="https://example.com/tracker.png" alt=""><img src="file:///etc/hostname" alt=""><script>document.body.textContent = "SCRIPT RAN";</script>`,
    );
    try {
      const result = await build({
        paths: project.paths,
        editions: ["2026-04"],
        session,
        outputDir: path.join(project.paths.root, "blocked"),
      });
      expect(result.jobs[0].blockedRequests.sort()).toEqual(["file:///etc/hostname", "https://example.com/tracker.png"]);
      const text = execFileSync("pdftotext", [result.jobs[0].pdf as string, "-"], { encoding: "utf8" });
      expect(text).not.toContain("SCRIPT RAN");
      expect(text).toContain("APRIL 2026 EDITION");
    } finally {
      writeFileSync(partial, good);
    }
  });

  it("writes the HTML alone with --html-only, without a browser", async () => {
    const out = path.join(project.paths.root, "html-only");
    const result = await build({ paths: project.paths, editions: ["2025-12"], htmlOnly: true, outputDir: out });
    expect(result.jobs[0].pdf).toBeUndefined();
    expect(readdirSync(path.join(out, "2025-12"))).toEqual(["2025-12-fr.html"]);
    const html = readFileSync(result.jobs[0].html, "utf8");
    expect(html).toContain('<html lang="fr"');
    expect(html).not.toMatch(/<script/i);
  });
});
