// The signature of an archive revision: SHA256SUMS.sig, made by OpenSSH's
// `ssh-keygen -Y sign` with the publisher's key over the seal (SHA256SUMS),
// checked with `ssh-keygen -Y verify` against an allowed-signers file. The seal
// lists the sha256 of every other file of the revision (archive.json and
// superseded revisions included), so the signature vouches for all of them: a
// rewrite of the files, the record and the seal together no longer passes.
//
// The allowed-signers file holds public keys only and is the trust anchor:
// <archive root>/allowed_signers by default (editions/allowed_signers, under
// version control), or --allowed-signers / OBSERVATORY_ALLOWED_SIGNERS for a
// copy kept out of the repository's reach (a CI secret, a reviewer's own).
// Its presence says "this archive is signed": a revision without a signature
// is then named. Without it, revisions are unsigned (archives made before
// signing); nothing can tell a consistent rewrite of them, and verify says so.
import { execFile } from "node:child_process";
import { lstat, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Finding } from "./findings.js";
import { type ArchiveLocation, archiveRoot, shown } from "./locations.js";

export const SIGNATURE_FILE = "SHA256SUMS.sig";
export const ALLOWED_SIGNERS_FILE = "allowed_signers";
/** ssh-keygen's namespace: a signature made for anything else (git commits, files) is not one of ours. */
export const NAMESPACE = "secnumcloud-observatory-archive";
const SEAL = "SHA256SUMS";

export interface SigningOptions {
  /** The publisher's private key (or its .pub, the key being in ssh-agent). */
  key?: string;
  /** The allowed-signers file; default <archive root>/allowed_signers. */
  allowedSigners?: string;
}

/** ssh-keygen missing, or a key it cannot use: nothing is archived or signed. */
export class SigningError extends Error {
  override name = "SigningError";
}
export class SigningToolError extends SigningError {
  override name = "SigningToolError";
}

/** --key / --allowed-signers flags, else their environment variables. */
export function signingSetting(flags: { key?: string; allowedSigners?: string }, env: NodeJS.ProcessEnv = process.env): SigningOptions {
  const pick = (flag: string | undefined, name: string) => {
    const v = flag ?? env[name];
    return v?.trim() ? path.resolve(v) : undefined;
  };
  return { key: pick(flags.key, "OBSERVATORY_SIGNING_KEY"), allowedSigners: pick(flags.allowedSigners, "OBSERVATORY_ALLOWED_SIGNERS") };
}

export const allowedSignersFile = (loc: ArchiveLocation & SigningOptions) =>
  loc.allowedSigners ?? path.join(archiveRoot(loc), ALLOWED_SIGNERS_FILE);

async function kind(file: string): Promise<"file" | "link" | "other" | undefined> {
  return lstat(file).then(
    (s) => (s.isFile() ? "file" : s.isSymbolicLink() ? "link" : "other"),
    () => undefined,
  );
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// On the PATH, else where Debian's openssh-client puts it (a test may run with PATH=/nonexistent).
const TOOLS = ["ssh-keygen", "/usr/bin/ssh-keygen"];

function sshKeygen(args: string[], input: string | Buffer): Promise<Run> {
  const attempt = (i: number): Promise<Run> =>
    new Promise((resolve, reject) => {
      // stdin carries the data, so ssh-keygen never stops to ask "Overwrite (y/n)?";
      // SSH_ASKPASS_REQUIRE=never: a key with a passphrase fails instead of waiting for one.
      const child = execFile(
        TOOLS[i],
        args,
        { timeout: 10_000, env: { ...process.env, SSH_ASKPASS_REQUIRE: "never", DISPLAY: "" }, maxBuffer: 1 << 20 },
        (err, stdout, stderr) => {
          const code = (err as NodeJS.ErrnoException | null)?.code;
          if (code === "ENOENT") {
            if (i + 1 < TOOLS.length) resolve(attempt(i + 1));
            else
              reject(
                new SigningToolError(
                  "ssh-keygen was not found (tried the PATH and /usr/bin): install OpenSSH (apt install openssh-client)",
                ),
              );
            return;
          }
          resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) || 1 : 0, stdout, stderr });
        },
      );
      child.stdin?.on("error", () => {});
      child.stdin?.end(input);
    });
  return attempt(0);
}

const firstLine = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^Signing data on standard input/.test(l))[0] ?? "no reason given";

/** The signature of `data` with `key`, as ssh-keygen writes it. */
async function sign(key: string, data: Buffer | string): Promise<string> {
  const r = await sshKeygen(["-Y", "sign", "-f", key, "-n", NAMESPACE], data);
  if (r.code !== 0 || !r.stdout.startsWith("-----BEGIN SSH SIGNATURE-----"))
    throw new SigningError(
      `could not sign with ${shown(key)}: ${firstLine(r.stderr)} (a key with a passphrase must be in ssh-agent: give its .pub)`,
    );
  return r.stdout;
}

/** Who, by the allowed-signers file, made `signature` over `data`; or why nobody listed did. */
async function signer(
  signature: string,
  data: Buffer,
  signers: string,
): Promise<{ principal: string; key: string } | { problem: "changed" | "unknown-key"; key?: string }> {
  // ssh-keygen reads the signature from a file only.
  const dir = await mkdtemp(path.join(os.tmpdir(), "observatory-signature-"));
  try {
    const sig = path.join(dir, SIGNATURE_FILE);
    await writeFile(sig, signature);
    const plain = await sshKeygen(["-Y", "check-novalidate", "-n", NAMESPACE, "-s", sig], data);
    const key = /key (SHA256:[A-Za-z0-9+/=]+)/.exec(plain.stdout + plain.stderr)?.[1];
    if (plain.code !== 0) return { problem: "changed" };
    const found = await sshKeygen(["-Y", "find-principals", "-s", sig, "-f", signers], "");
    const principals = found.code === 0 ? found.stdout.split("\n").filter(Boolean) : [];
    for (const principal of principals) {
      const ok = await sshKeygen(["-Y", "verify", "-f", signers, "-I", principal, "-n", NAMESPACE, "-s", sig], data);
      if (ok.code === 0) return { principal, key: key ?? "" };
    }
    return { problem: "unknown-key", key };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Refuses, before a long build, a key that cannot sign or that the
 * allowed-signers file does not list, and the two halves of the set-up alone
 * (a key without a file to check it, a signed archive without the key).
 */
export async function signingPlan(loc: ArchiveLocation & SigningOptions): Promise<{ key: string; signers: string } | undefined> {
  const signers = allowedSignersFile(loc);
  const present = await kind(signers);
  if (present && present !== "file")
    throw new SigningError(`${shown(signers)} is a ${present === "link" ? "symbolic link" : "folder"}, not an allowed-signers file`);
  if (!loc.key && !present) return undefined;
  if (!loc.key)
    throw new SigningError(
      `this archive is signed (${shown(signers)} lists its publishers) and no key was given: pass the publisher's key with --key FILE or OBSERVATORY_SIGNING_KEY`,
    );
  if (!present)
    throw new SigningError(
      `no allowed-signers file to check the signature against (${shown(signers)}): add the publisher's public key first, one line:\n  publisher@example.org ${"<contents of the .pub file>"}\n` +
        "(or give --allowed-signers FILE / OBSERVATORY_ALLOWED_SIGNERS)",
    );
  const probe = Buffer.from(`probe ${NAMESPACE}\n`);
  const who = await signer(await sign(loc.key, probe), probe, signers);
  if ("problem" in who)
    throw new SigningError(
      `the key ${shown(loc.key)}${who.key ? ` (${who.key})` : ""} is not listed in ${shown(signers)}: add its public key there, or sign with the publisher's key`,
    );
  return { key: loc.key, signers };
}

/** Writes `folder`/SHA256SUMS.sig over its seal. */
export async function signSeal(folder: string, key: string): Promise<void> {
  await writeFile(path.join(folder, SIGNATURE_FILE), await sign(key, await readFile(path.join(folder, SEAL))));
}

export interface SignatureCheck {
  findings: Finding[];
  /** The principal of allowed_signers that signed, when the signature holds. */
  signer?: string;
  /** No signature, and no allowed-signers file that would ask for one: an archive from before signing. */
  unsigned?: boolean;
}

/** The signature of the revision in `folder` against the allowed-signers file. */
export async function checkSignature(folder: string, id: string, loc: ArchiveLocation & SigningOptions): Promise<SignatureCheck> {
  const sigFile = path.join(folder, SIGNATURE_FILE);
  const signers = allowedSignersFile(loc);
  const [sigKind, signersKind] = await Promise.all([kind(sigFile), kind(signers)]);
  const finding = (kind: Finding["kind"], message: string): SignatureCheck => ({ findings: [{ kind, file: sigFile, message }] });
  if (signersKind && signersKind !== "file")
    return {
      findings: [
        { kind: "signers-missing", file: signers, message: `${shown(signers)} is not a plain file: it cannot be the allowed-signers file` },
      ],
    };
  if (!sigKind) {
    if (!signersKind) return { findings: [], unsigned: true };
    return finding(
      "unsigned",
      `${shown(sigFile)} is missing: this archive is signed (${shown(signers)} lists its publishers) and this revision is not. ` +
        `Archived before signing? Sign it with npm run archive -- ${id} --sign; if not, its signature was removed: restore it from version control`,
    );
  }
  if (sigKind !== "file")
    return finding(
      "file-not-plain",
      `${shown(sigFile)} is a ${sigKind === "link" ? "symbolic link" : sigKind}, where the signature was written`,
    );
  if (!signersKind)
    return finding(
      "signers-missing",
      `${shown(sigFile)} cannot be checked: there is no allowed-signers file (${shown(signers)}); restore it, or give --allowed-signers FILE`,
    );
  const seal = path.join(folder, SEAL);
  if ((await kind(seal)) !== "file") return { findings: [] }; // the seal's own check names it
  const who = await signer(await readFile(sigFile, "utf8"), await readFile(seal), signers);
  if ("principal" in who) return { findings: [], signer: who.principal };
  return who.problem === "changed"
    ? finding(
        "signature-invalid",
        `${shown(seal)} does not match its signature ${SIGNATURE_FILE}: the revision was rewritten after it was signed (its files, archive.json and SHA256SUMS changed together); restore it from version control`,
      )
    : finding(
        "signature-invalid",
        `${shown(sigFile)} was made with a key ${shown(signers)} does not list${who.key ? ` (${who.key})` : ""}: not signed by the publisher`,
      );
}
