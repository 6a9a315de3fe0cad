// The signed archive and the faults of issue 21 it closes, with real
// ssh-keygen keys made here (never a committed private key): a consistent
// rewrite of a revision (files, archive.json and SHA256SUMS together) is
// named; a stripped signature or a stranger's key too; archive:index withholds
// what does not verify; a deleted or linked published/, a linked SHA256SUMS,
// a changed data file are named; problems are reported at the archive's own
// paths; --rebuild points at a forged PDF. One archive build in beforeAll
// (2026-03, signed), one CLI archive refused before building, one --rebuild.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName } from "pdf-lib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { archiveEdition } from "../../src/archive/archive-edition.js";
import { writeCatalog } from "../../src/archive/catalog.js";
import { readRecord, writeRecord } from "../../src/archive/record.js";
import { writeSeal } from "../../src/archive/seal.js";
import { verifyArchive } from "../../src/archive/verify-archive.js";
import { withBrowser } from "../../src/browser/browser-session.js";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { sha256 } from "../../src/runtime/hashing.js";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";
import { runCli } from "../support/run-cli.js";

const ALLOW = [...RULE_IDS];
const allowArgs = ALLOW.flatMap((rule) => ["--allow", rule]);
const PRINCIPAL = "publisher@observatory.test";
let project: ProjectCopy;
let keys: string;
const key = () => path.join(keys, "publisher");
const folder = () => path.join(project.paths.editions, "2026-03", "published");
const at = (rel: string) => path.join(folder(), rel);
const signers = () => path.join(project.paths.editions, "allowed_signers");
/** An archive folder of the --archive-dir layout, made from copies of the signed revision. */
let other: string;
const copyAt = (rel = "") => path.join(other, "2026-03", rel);

function keygen(name: string): string {
  const file = path.join(keys, name);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file]);
  chmodSync(file, 0o600);
  return readFileSync(`${file}.pub`, "utf8").trim().split(" ").slice(0, 2).join(" ");
}

/** Runs `fn` with published/ damaged by `damage`, then puts it back. */
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

/** What a forger who can write the archive but has no key does: new PDF bytes, the record and the seal rewritten to match. */
async function rewriteConsistently(dir: string, pdf: Buffer): Promise<void> {
  writeFileSync(path.join(dir, "2026-03-en.pdf"), pdf);
  const record = await readRecord(dir);
  if (!record) throw new Error("no record");
  const digest = sha256(pdf);
  record.languages[0] = { ...record.languages[0], sha256: digest, bytes: pdf.length, title: "A forged title" };
  record.files = record.files.map((f) => (f.path === "2026-03-en.pdf" ? { ...f, sha256: digest, bytes: pdf.length } : f));
  await writeRecord(dir, record);
  await writeSeal(dir);
}

/** The archived PDF with bytes added after its end: a forgery that still opens and reads the same. */
const forgedPdf = () => Buffer.concat([readFileSync(at("2026-03-en.pdf")), Buffer.from("\n% forged after archiving\n")]);

beforeAll(async () => {
  project = copyProject({ withCode: true });
  keys = mkdtempSync(path.join(os.tmpdir(), "archive-keys-"));
  writeFileSync(signers(), `${PRINCIPAL} ${keygen("publisher")}\n`);
  keygen("stranger");
  const result = await archiveEdition({ id: "2026-03", paths: project.paths, allow: ALLOW, key: key() });
  expect(result.signer).toBe(PRINCIPAL);
  other = mkdtempSync(path.join(os.tmpdir(), "archive-other-"));
}, 180_000);
// Nothing staged is left beside the archive (a staging folder, a half-written signature), whatever a case did.
afterEach(() => {
  expect(readdirSync(folder()).filter((n) => n.startsWith("."))).toEqual([]);
  expect(readdirSync(path.dirname(folder())).filter((n) => n.startsWith(".published."))).toEqual([]);
  expect(readdirSync(other).filter((n) => n.startsWith("."))).toEqual([]);
});
afterAll(() => {
  project?.remove();
  rmSync(keys, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
});

describe("a signed archive", () => {
  it("signs the seal with the publisher's key; verify names the signer, runs the conformance check and passes", async () => {
    expect(readFileSync(at("SHA256SUMS.sig"), "utf8")).toMatch(/^-----BEGIN SSH SIGNATURE-----/);
    // The signature is ssh-keygen's own: checkable by hand, with the namespace documented in the README.
    const sealed = readFileSync(at("SHA256SUMS"));
    const out = execFileSync(
      "ssh-keygen",
      ["-Y", "verify", "-f", signers(), "-I", PRINCIPAL, "-n", "secnumcloud-observatory-archive", "-s", at("SHA256SUMS.sig")],
      { input: sealed, encoding: "utf8" },
    );
    expect(out).toContain(`Good "secnumcloud-observatory-archive" signature for ${PRINCIPAL}`);
    const { editions } = await verifyArchive({ paths: project.paths, id: "2026-03" });
    expect(editions[0]).toMatchObject({ findings: [], signer: PRINCIPAL });
    expect(editions[0].conformance).toEqual([expect.objectContaining({ pdf: "2026-03-en.pdf", standards: ["PDF/A-3", "PDF/UA-1"] })]);
  });

  it("archives the web edition, the open data and the series with the PDF, sealed", async () => {
    const record = await readRecord(folder());
    expect(record?.languages[0]).toMatchObject({ web: "2026-03-en-web.html", data: "2026-03-en-data", publisher: expect.any(String) });
    expect(record?.series).toEqual(["series/en"]);
    const files = record?.files.map((f) => f.path) ?? [];
    expect(files).toContain("2026-03-en-web.html");
    expect(files).toContain("2026-03-en-data/datapackage.json");
    expect(files.some((f) => f.startsWith("series/en/"))).toBe(true);
    const seal = readFileSync(at("SHA256SUMS"), "utf8");
    for (const f of files) expect(seal).toContain(`  ${f}\n`);
  });

  it("the catalog's Atom feed is well-formed Atom 1.0 by Chromium's XML parser: the required elements, one entry per edition and language", async () => {
    const { atom, catalog } = await writeCatalog({ paths: project.paths });
    expect(catalog.editions[0]).toMatchObject({ signedBy: PRINCIPAL, web: "2026-03/published/2026-03-en-web.html" });
    const xml = readFileSync(atom, "utf8");
    // As text: a function passed to evaluate() would be rewritten by Vitest's transform (src/archive/thumbnail.ts).
    const read = `(text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const NS = "http://www.w3.org/2005/Atom";
      const feed = doc.documentElement;
      const kids = (el, name) => [...el.children].filter((c) => c.namespaceURI === NS && c.localName === name);
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: feed.namespaceURI + " " + feed.localName,
        counts: ["id", "title", "updated", "author"].map((n) => kids(feed, n).length),
        entry: kids(feed, "entry").map((e) => ({
          ids: kids(e, "id").map((i) => i.textContent),
          titles: kids(e, "title").length,
          updated: kids(e, "updated").map((u) => u.textContent),
          alternates: kids(e, "link").filter((l) => l.getAttribute("rel") === "alternate").map((l) => l.getAttribute("type") + " " + l.getAttribute("href")),
        })),
      };
    }`;
    const seen = (await withBrowser((session) => session.withPage((page) => page.evaluate(`(${read})(${JSON.stringify(xml)})`)))) as {
      error: number;
      root: string;
      counts: number[];
      entry: unknown[];
    };
    expect(seen.error).toBe(0);
    expect(seen.root).toBe("http://www.w3.org/2005/Atom feed");
    expect(seen.counts).toEqual([1, 1, 1, 1]);
    expect(seen.entry).toEqual([
      {
        ids: [expect.stringMatching(/^urn:uuid:/)],
        titles: 1,
        updated: [expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)],
        alternates: ["application/pdf 2026-03/published/2026-03-en.pdf", "text/html 2026-03/published/2026-03-en-web.html"],
      },
    ]);
  });

  it("names a changed data file", async () => {
    const csv = readdirSync(at("2026-03-en-data")).find((n) => n.endsWith(".csv")) as string;
    const findings = await damaged(
      () => writeFileSync(at(`2026-03-en-data/${csv}`), `${readFileSync(at(`2026-03-en-data/${csv}`), "utf8")}x,y\n`),
      async () => (await verifyArchive({ paths: project.paths, id: "2026-03" })).editions[0].findings,
    );
    expect(findings).toContainEqual(expect.objectContaining({ kind: "file-changed", file: at(`2026-03-en-data/${csv}`) }));
  });
});

describe("faults of issue 21 that the signature and the checks close", () => {
  it("a consistent rewrite (PDF, archive.json and SHA256SUMS together) is named: exit 1 within 20 s, nothing left", async () => {
    const s = scratch();
    try {
      const r = await damaged(
        () => rewriteConsistently(folder(), forgedPdf()),
        () => runCli("archive-verify", ["2026-03"], { root: project.paths.root, env: { TMPDIR: s.tmp }, limitMs: 20_000 }),
      );
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/SHA256SUMS does not match its signature SHA256SUMS\.sig: the revision was rewritten after it was signed/);
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });

  it("a removed signature is named, and so is one made with a key allowed_signers does not list", async () => {
    const stripped = await damaged(
      () => rmSync(at("SHA256SUMS.sig")),
      async () => (await verifyArchive({ paths: project.paths, id: "2026-03" })).editions[0].findings,
    );
    expect(stripped).toEqual([
      expect.objectContaining({ kind: "unsigned", message: expect.stringMatching(/SHA256SUMS\.sig is missing: this archive is signed/) }),
    ]);
    const stranger = await damaged(
      () =>
        writeFileSync(
          at("SHA256SUMS.sig"),
          execFileSync("ssh-keygen", ["-Y", "sign", "-f", path.join(keys, "stranger"), "-n", "secnumcloud-observatory-archive"], {
            input: readFileSync(at("SHA256SUMS")),
            stdio: ["pipe", "pipe", "pipe"],
          }),
        ),
      async () => (await verifyArchive({ paths: project.paths, id: "2026-03" })).editions[0].findings,
    );
    expect(stranger).toEqual([
      expect.objectContaining({
        kind: "signature-invalid",
        message: expect.stringMatching(/made with a key .*allowed_signers does not list \(SHA256:/),
      }),
    ]);
  });

  it("archive with a key allowed_signers does not list is refused before building: exit 2 within 20 s, nothing left", async () => {
    const s = scratch();
    try {
      const r = await runCli("archive", ["2026-04", "--key", path.join(keys, "stranger"), ...allowArgs], {
        root: project.paths.root,
        env: { TMPDIR: s.tmp },
        limitMs: 20_000,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the key .*stranger \(SHA256:.*\) is not listed in .*allowed_signers.*; nothing was archived/);
      expect(readdirSync(path.join(project.paths.editions, "2026-04"))).toEqual(["en.yaml"]);
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });

  it("archive:index withholds an edition that does not verify: no forged title or sha256, exit 1 within 20 s", async () => {
    const s = scratch();
    try {
      const { r, json, html, atom } = await damaged(
        async () => {
          // Rewritten as a forger would, record and seal included: only the signature knows.
          await rewriteConsistently(folder(), forgedPdf());
        },
        async () => {
          const r = await runCli("archive-index", [], { root: project.paths.root, env: { TMPDIR: s.tmp }, limitMs: 20_000 });
          const read = (name: string) => readFileSync(path.join(project.paths.editions, name), "utf8");
          return { r, json: read("catalog.json"), html: read("catalog.html"), atom: read("catalog.atom") };
        },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /withheld 2026-03: its archive does not verify \(signature-invalid at 2026-03\/published\/SHA256SUMS\.sig\)/,
      );
      for (const text of [json, html, atom]) expect(text).not.toContain("A forged title");
      expect(JSON.parse(json)).toMatchObject({ editions: [], withheld: [{ edition: "2026-03" }] });
      expect(html).toContain("2026-03: does not verify");
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
    }
  });

  it("a deleted published/ of an edition the catalog lists is named: exit 1 within 20 s; index keeps it withheld", async () => {
    const index = await runCli("archive-index", [], { root: project.paths.root, limitMs: 20_000 });
    expect(index.code).toBe(0);
    const s = scratch();
    try {
      const { verify, again } = await damaged(
        () => rmSync(folder(), { recursive: true }),
        async () => ({
          verify: await runCli("archive-verify", [], { root: project.paths.root, env: { TMPDIR: s.tmp }, limitMs: 20_000 }),
          again: await runCli("archive-index", [], { root: project.paths.root, env: { TMPDIR: s.tmp }, limitMs: 20_000 }),
        }),
      );
      expect(verify.code).toBe(1);
      expect(verify.stdout).toMatch(/2026-03\/published\/ is gone, yet editions\/catalog\.json lists edition 2026-03 as published/);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("withheld 2026-03: its archive does not verify (archive-missing at 2026-03/published)");
      await expectNothingLeft(s.tmp);
    } finally {
      s.done();
      await runCli("archive-index", [], { root: project.paths.root, limitMs: 20_000 });
    }
  });

  it("SHA256SUMS replaced by a symbolic link to the same bytes is named", async () => {
    const findings = await damaged(
      () => {
        const elsewhere = path.join(project.paths.root, "SHA256SUMS.elsewhere");
        cpSync(at("SHA256SUMS"), elsewhere);
        rmSync(at("SHA256SUMS"));
        symlinkSync(elsewhere, at("SHA256SUMS"));
      },
      async () => (await verifyArchive({ paths: project.paths, id: "2026-03" })).editions[0].findings,
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: "file-not-plain", message: expect.stringMatching(/SHA256SUMS is a symbolic link, not the seal/) }),
    );
  });

  it("published/ replaced by a symbolic link to an identical copy is named: exit 1 within 20 s", async () => {
    const elsewhere = path.join(project.paths.root, "published-elsewhere");
    const s = scratch();
    try {
      const r = await damaged(
        () => {
          cpSync(folder(), elsewhere, { recursive: true });
          rmSync(folder(), { recursive: true });
          symlinkSync(elsewhere, folder());
        },
        () => runCli("archive-verify", ["2026-03"], { root: project.paths.root, env: { TMPDIR: s.tmp }, limitMs: 20_000 }),
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/2026-03\/published is a symbolic link \(to .*published-elsewhere\), not the archive folder/);
      await expectNothingLeft(s.tmp);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
      s.done();
    }
  });

  it("a manifest problem while archiving is reported at editions/, not inside the vanished staging folder: exit 1 within 30 s", async () => {
    const manifest = path.join(project.paths.editions, "2026-04", "en.yaml");
    const original = readFileSync(manifest, "utf8");
    const s = scratch();
    try {
      writeFileSync(manifest, original.replace('date: "2026-04-01"', 'date: "someday"'));
      const r = await runCli("archive", ["2026-04", "--key", key(), ...allowArgs], {
        root: project.paths.root,
        env: { TMPDIR: s.tmp },
        limitMs: 30_000,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("editions/2026-04/en.yaml");
      expect(r.stderr).not.toMatch(/staging|\.build/);
      expect(readdirSync(path.join(project.paths.editions, "2026-04"))).toEqual(["en.yaml"]);
      await expectNothingLeft(s.tmp);
    } finally {
      writeFileSync(manifest, original);
      s.done();
    }
  });

  it("the conformance check runs on the archived PDF: a PDF that lost its /Lang is named", async () => {
    // In the --archive-dir copy, unsigned (no allowed_signers there), rewritten consistently: only the check sees it.
    cpSync(folder(), copyAt(), { recursive: true });
    rmSync(copyAt("SHA256SUMS.sig"));
    const doc = await PDFDocument.load(readFileSync(copyAt("2026-03-en.pdf")), { updateMetadata: false });
    doc.catalog.delete(PDFName.of("Lang"));
    await rewriteConsistently(copyAt(), Buffer.from(await doc.save({ useObjectStreams: false })));
    const { editions } = await verifyArchive({ paths: project.paths, archiveDir: other, id: "2026-03" });
    expect(editions[0].unsigned).toBe(true);
    expect(editions[0].findings).toEqual([
      expect.objectContaining({
        kind: "conformance",
        message: expect.stringMatching(/2026-03-en\.pdf fails \d+ rules? of the standards it claims/),
      }),
    ]);
  });

  it("an unsigned revision is named once allowed_signers exists, and archive --sign signs it as it is", async () => {
    rmSync(copyAt(), { recursive: true, force: true });
    cpSync(folder(), copyAt(), { recursive: true });
    rmSync(copyAt("SHA256SUMS.sig"));
    cpSync(signers(), path.join(other, "allowed_signers"));
    const before = await verifyArchive({ paths: project.paths, archiveDir: other, id: "2026-03" });
    expect(before.editions[0].findings.map((f) => f.kind)).toEqual(["unsigned"]);
    const s = scratch();
    const r = await runCli("archive", ["2026-03", "--sign", "--key", key(), "--archive-dir", other], {
      root: project.paths.root,
      env: { TMPDIR: s.tmp },
      limitMs: 30_000,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    await expectNothingLeft(s.tmp);
    s.done();
    expect(r.stdout).toContain(`as ${PRINCIPAL} (SHA256SUMS.sig)`);
    const after = await verifyArchive({ paths: project.paths, archiveDir: other, id: "2026-03" });
    expect(after.editions[0]).toMatchObject({ findings: [], signer: PRINCIPAL });
  });

  it("--rebuild of a consistently forged, unsigned PDF says the archived PDF is the likely culprit", async () => {
    rmSync(copyAt(), { recursive: true, force: true });
    rmSync(path.join(other, "allowed_signers"));
    cpSync(folder(), copyAt(), { recursive: true });
    rmSync(copyAt("SHA256SUMS.sig"));
    await rewriteConsistently(copyAt(), forgedPdf());
    const { editions } = await verifyArchive({ paths: project.paths, archiveDir: other, id: "2026-03", rebuild: true });
    const [outcome] = editions[0].rebuild ?? [];
    expect(outcome).toMatchObject({ identical: false, attempts: 2 });
    expect(new Set(outcome.rebuilds).size).toBe(1);
    const finding = editions[0].findings.find((f) => f.kind === "rebuild-differs");
    expect(finding?.message).toMatch(/2 rebuilds agree with each other byte for byte: the archived PDF is the likely culprit/);
    expect(finding?.message).not.toMatch(/such as the system fonts/);
  }, 180_000);

  it("archive --force with the key signs the new revision; the superseded one keeps its signature, covered by the new seal", async () => {
    const second = await archiveEdition({
      id: "2026-03",
      paths: project.paths,
      allow: ALLOW,
      key: key(),
      force: { reason: "a second revision" },
    });
    expect(second.signer).toBe(PRINCIPAL);
    expect(readFileSync(at("SHA256SUMS"), "utf8")).toContain("  superseded/1/SHA256SUMS.sig\n");
    const { editions } = await verifyArchive({ paths: project.paths, id: "2026-03" });
    expect(editions[0]).toMatchObject({ revision: 2, findings: [], signer: PRINCIPAL });
  }, 180_000);
});
