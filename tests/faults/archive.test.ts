// The archive guards its own record: any byte changed, file added or
// removed, link or empty folder under published/ (superseded revisions
// included) is named by verify; the seal is one `sha256sum -c` can read; the
// cover is drawn without pdftoppm; an interrupted archive leaves nothing.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveEdition } from "../../src/archive/archive-edition.js";
import { writeSeal } from "../../src/archive/seal.js";
import { verifyArchive } from "../../src/archive/verify-archive.js";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";
import { runCli, startCli, waitFor } from "../support/run-cli.js";

let project: ProjectCopy;
const ALLOW = [...RULE_IDS];
const allowArgs = ALLOW.flatMap((rule) => ["--allow", rule]);
const folder = () => path.join(project.paths.editions, "2026-03", "published");
const at = (rel: string) => path.join(folder(), rel);
const verify = async () => (await verifyArchive({ paths: project.paths, id: "2026-03" })).editions[0].findings;

/** Runs `fn` on a copy of published/ put back afterwards. */
async function damaged<T>(damage: () => unknown, fn: () => Promise<T>): Promise<T> {
  const backup = `${folder()}.backup`;
  cpSync(folder(), backup, { recursive: true, verbatimSymlinks: true });
  try {
    await damage();
    return await fn();
  } finally {
    rmSync(folder(), { recursive: true, force: true });
    renameSync(backup, folder());
  }
}

beforeAll(async () => {
  project = copyProject({ withCode: true });
  await archiveEdition({ id: "2026-03", paths: project.paths, allow: ALLOW });
  await archiveEdition({ id: "2026-03", paths: project.paths, allow: ALLOW, force: { reason: "a second revision" } });
}, 120_000);
afterAll(() => project.remove());

describe("the archive guards its record", () => {
  it("starts clean, and its seal is one sha256sum -c reads", async () => {
    expect(await verify()).toEqual([]);
    expect(execFileSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: folder(), encoding: "utf8" })).toBe("");
  });

  it("a deleted archive.json is named; the edition does not disappear", async () => {
    const result = await damaged(
      () => rmSync(at("archive.json")),
      () => verifyArchive({ paths: project.paths }),
    );
    expect(result.ok).toBe(false);
    expect(result.editions.map((e) => e.id)).toEqual(["2026-03"]);
    expect(result.editions[0].findings).toEqual([
      expect.objectContaining({
        kind: "record-missing",
        message: expect.stringMatching(/archive\.json is missing: the archived files have no record/),
      }),
    ]);
  });

  it("any single bit changed in archive.json is named (30 random bits of 30)", async () => {
    const original = readFileSync(at("archive.json"));
    let named = 0;
    for (let i = 0; i < 30; i++) {
      const bit = Math.floor(Math.random() * original.length * 8);
      const changed = Buffer.from(original);
      changed[bit >> 3] ^= 1 << (bit & 7);
      writeFileSync(at("archive.json"), changed);
      const findings = await verify();
      if (findings.some((f) => f.file === at("archive.json"))) named++;
    }
    writeFileSync(at("archive.json"), original);
    expect(named).toBe(30);
  });

  it.each([
    ["a superseded PDF deleted", () => rmSync(at("superseded/1/2026-03-en.pdf")), "superseded/1/2026-03-en.pdf", "file-missing"],
    [
      "a superseded record edited",
      () =>
        writeFileSync(
          at("superseded/1/archive.json"),
          readFileSync(at("superseded/1/archive.json"), "utf8").replace('"pages": ', '"pages": 1'),
        ),
      "superseded/1/archive.json",
      "file-changed",
    ],
    ["a superseded REASON edited", () => writeFileSync(at("superseded/1/REASON"), "no reason\n"), "superseded/1/REASON", "file-changed"],
    ["a dot-file added", () => writeFileSync(at(".hidden"), "x"), ".hidden", "file-unrecorded"],
    ["an empty folder added", () => mkdirSync(at("extra")), "extra", "file-unrecorded"],
    ["the seal deleted", () => rmSync(at("SHA256SUMS")), "SHA256SUMS", "seal-missing"],
  ])("%s is named", async (_, damage, rel, kind) => {
    const findings = await damaged(damage, verify);
    expect(findings).toContainEqual(expect.objectContaining({ kind, file: at(rel) }));
  });

  it("a PDF replaced by a symbolic link to the same bytes is named", async () => {
    const findings = await damaged(() => {
      const elsewhere = path.join(project.paths.root, "elsewhere.pdf");
      cpSync(at("2026-03-en.pdf"), elsewhere);
      rmSync(at("2026-03-en.pdf"));
      symlinkSync(elsewhere, at("2026-03-en.pdf"));
    }, verify);
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: "file-not-plain", message: expect.stringContaining("2026-03-en.pdf is a symbolic link") }),
    );
  });

  it("a superseded revision edited and sealed again breaks the chain", async () => {
    const findings = await damaged(async () => {
      writeFileSync(at("superseded/1/REASON"), "rewritten\n");
      await writeSeal(at("superseded/1"));
      await writeSeal(folder());
    }, verify);
    // The top seal was redone too: only the chain still knows.
    expect(findings).toEqual([
      expect.objectContaining({
        kind: "chain-broken",
        message: expect.stringMatching(/SHA256SUMS is not the seal revision 2 was chained to .*: superseded revision 1 was changed/),
      }),
    ]);
  });

  it("archive:verify exits 1 on a damaged archive and names the file", async () => {
    const r = await damaged(
      () => writeFileSync(at(".DS_Store"), "x"),
      () => runCli("archive-verify", ["2026-03"], { root: project.paths.root }),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(".DS_Store is not in SHA256SUMS: added after archiving?");
  });
});

describe("archiving as a user runs it", () => {
  it("draws the cover with Chromium: no pdftoppm on the PATH, still a thumbnail", async () => {
    const s = scratch();
    try {
      const r = await runCli("archive", ["2026-04", ...allowArgs], {
        root: project.paths.root,
        env: { PATH: "/nonexistent", TMPDIR: s.tmp },
        limitMs: 90_000,
      });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const png = readFileSync(path.join(project.paths.editions, "2026-04", "published", "2026-04-en.cover.png"));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(165);
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });

  it("Ctrl-C mid-archive: exit 130, no half archive, no staging folder, no browser", async () => {
    const s = scratch();
    try {
      const run = startCli("archive", ["2025-12", ...allowArgs], { root: project.paths.root, env: { TMPDIR: s.tmp } });
      const edition = path.join(project.paths.editions, "2025-12");
      // Mid-archive: the staging folder is there and a browser runs.
      await waitFor(
        () =>
          readdirSync(edition).some((n) => n.includes(".staging-")) && readdirSync(s.tmp).some((n) => n.startsWith("observatory-browser-")),
        40_000,
        "the archive to be under way",
      );
      await new Promise((r) => setTimeout(r, 500));
      process.kill(run.child.pid as number, "SIGINT");
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(readdirSync(path.join(project.paths.editions, "2025-12"))).toEqual(["fr.yaml"]);
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });
});
