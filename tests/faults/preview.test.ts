// Preview faults: saves by rename keep being seen, other sites cannot drive
// the preview, page view refits the window, a signal or a killed browser
// leaves nothing behind.
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/browser/find-chromium.js";
import { type PreviewServer, startPreview } from "../../src/preview/start-preview.js";
import { type ProjectChange, watchProject } from "../../src/preview/watch-project.js";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";
import { type CliRun, killGroup, processesMentioning, startCli, startProcess, waitFor } from "../support/run-cli.js";

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject({ withCode: true });
});
afterAll(() => project.remove());

function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on("error", reject);
  });
}

describe("the preview's watcher", () => {
  it("sees every save after a save by rename (safe write), then saves in place", async () => {
    const changes: ProjectChange[] = [];
    const watcher = watchProject(
      project.paths,
      (c) => changes.push(c),
      (err) => {
        throw err;
      },
    );
    await watcher.ready;
    const manifest = path.join(project.paths.editions, "2026-03", "en.yaml");
    const text = readFileSync(manifest, "utf8");
    const seen = (n: number) => changes.filter((c) => c.file === "2026-03/en.yaml").length >= n;
    try {
      // JetBrains' safe write: a temporary file renamed over the manifest.
      const temp = path.join(project.paths.editions, "2026-03", "en.yaml___jb_tmp___");
      writeFileSync(temp, `${text}# saved by rename\n`);
      renameSync(temp, manifest);
      await waitFor(() => seen(1), 5000, "the save by rename");
      for (const [i, n] of [
        [1, 2],
        [2, 3],
      ]) {
        await new Promise((r) => setTimeout(r, 300));
        const before = changes.length;
        writeFileSync(manifest, `${text}# saved in place ${i}\n`);
        await waitFor(() => changes.length > before && seen(n), 5000, `in-place save ${i} after the rename`);
      }
    } finally {
      await watcher.close();
      writeFileSync(manifest, text);
    }
  });
});

describe("the preview's server", () => {
  let preview: PreviewServer;
  let base: string;
  beforeAll(async () => {
    preview = await startPreview({ paths: project.paths, port: 0, edition: "2026-03", outputDir: path.join(project.paths.root, "pv") });
    base = preview.url.replace(/\/$/, "");
    await preview.idle();
  });
  afterAll(() => preview?.close());

  it.each(["/events?edition=2026-03&lang=en", "/api/editions", "/pdf/2026-03/en.pdf"])(
    "%s refuses other sites and answers its own pages",
    async (route) => {
      expect(await get(`${base}${route}`, { Origin: "https://evil.example" })).toBe(403);
      expect(await get(`${base}${route}`, { "Sec-Fetch-Site": "cross-site" })).toBe(403);
      expect(await get(`${base}${route}`, { "Sec-Fetch-Site": "same-site" })).toBe(403);
      expect(await get(`${base}${route}`, { Origin: "http://localhost:1" })).toBe(403);
      expect(await get(`${base}${route}`, { Origin: base, "Sec-Fetch-Site": "same-origin" })).toBe(200);
      expect(await get(`${base}${route}`)).toBe(200);
    },
  );

  it("page view refits the page when the window narrows, and its left edge stays in reach", async () => {
    const browser = await puppeteer.launch({ executablePath: findChromium(), args: ["--no-sandbox", "--disable-gpu"], pipe: true });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1400, height: 1000 });
      await page.goto(`${base}/#/2026-03/en?view=page&page=3`);
      await page.waitForSelector(".sheets.single .paper canvas");
      const paper = () =>
        page.$eval(".sheets.single .paper", (p) => {
          const r = p.getBoundingClientRect();
          return { left: r.left + window.scrollX, width: r.width, room: document.documentElement.clientWidth };
        });
      const wide = await paper();
      await page.setViewport({ width: 420, height: 1000 });
      await page.waitForFunction((w) => (document.querySelector(".sheets.single .paper") as HTMLElement).offsetWidth < w, {}, wide.width);
      const narrow = await paper();
      expect(narrow.width).toBeLessThan(wide.width);
      expect(narrow.left).toBeGreaterThanOrEqual(0);
      expect(narrow.width).toBeLessThanOrEqual(narrow.room);
    } finally {
      await browser.close();
    }
  });
});

describe("the preview under faults", () => {
  let run: CliRun | undefined;
  afterEach(() => killGroup(run?.child.pid));

  it("SIGTERM to npm run preview stops the server and its browser, leaving nothing", async () => {
    const s = scratch();
    try {
      run = startProcess("npm", ["run", "--silent", "preview", "--", "2026-03", "--port", "0"], {
        cwd: project.paths.root,
        env: { TMPDIR: s.tmp },
      });
      const npm = run;
      await waitFor(() => /pages in/.test(npm.stdout()), 40_000, "the first render");
      const url = /Preview at (http:\/\/[^#\s]+)/.exec(npm.stdout())?.[1] as string;
      expect(await get(`${url}api/editions`)).toBe(200);
      process.kill(npm.child.pid as number, "SIGTERM");
      const r = await npm.done;
      expect(r.timedOut).toBe(false);
      await expect(get(`${url}api/editions`)).rejects.toThrow(/ECONNREFUSED/);
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });

  it("a preview whose browser was killed removes its folder and renders again with a new one", async () => {
    const s = scratch();
    try {
      const preview = startCli("preview", ["2026-03", "--port", "0"], { root: project.paths.root, env: { TMPDIR: s.tmp } });
      run = preview;
      await waitFor(() => /pages in/.test(preview.stdout()), 40_000, "the first render");
      // A tab follows the edition (the preview renders only what someone looks at).
      const url = /Preview at (http:\/\/[^#\s]+)/.exec(preview.stdout())?.[1] as string;
      const tab = http.get(`${url}events?edition=2026-03&lang=en`);
      tab.on("error", () => {});
      const before = readdirSync(s.tmp).filter((n) => n.startsWith("observatory-browser-"));
      const main = processesMentioning(s.tmp).find((l) => /chrom/.test(l) && !/--type=/.test(l)) as string;
      process.kill(Number(main.split(/\s+/)[0]), "SIGKILL");
      await waitFor(() => !readdirSync(s.tmp).some((n) => before.includes(n)), 5000, "the dead browser's folder to go");
      // A save renders again, in a new browser.
      const manifest = path.join(project.paths.editions, "2026-03", "en.yaml");
      const text = readFileSync(manifest, "utf8");
      const renders = (preview.stdout().match(/pages in/g) ?? []).length;
      writeFileSync(manifest, `${text}# again\n`);
      await waitFor(() => (preview.stdout().match(/pages in/g) ?? []).length > renders, 30_000, "a render after the crash");
      writeFileSync(manifest, text);
      tab.destroy();
      process.kill(preview.child.pid as number, "SIGINT");
      const r = await preview.done;
      expect(r.code).toBe(130);
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });
});
