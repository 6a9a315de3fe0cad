// `archive <id> --sign`: signs a revision archived before signing (or before
// the publisher had a key), without building it again. Only a revision that
// verifies in every other respect is signed: a signature says "this is what was
// published", which nobody can say of a damaged one.
import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { type ArchiveLocation, editionArchive, shown } from "./locations.js";
import { checkSignature, SIGNATURE_FILE, SigningError, type SigningOptions, signingPlan, signSeal } from "./signature.js";
import { verifyArchive } from "./verify-archive.js";

export async function signRevision(
  options: ArchiveLocation & SigningOptions & { id: string },
): Promise<{ folder: string; signer: string; revision: number }> {
  const plan = await signingPlan(options);
  if (!plan)
    throw new SigningError(
      "--sign needs the publisher's key (--key FILE or OBSERVATORY_SIGNING_KEY) and an allowed-signers file listing it",
    );
  const folder = editionArchive(options.id, options);
  const { editions } = await verifyArchive({ ...options, conformance: false });
  const [check] = editions;
  const other = check.findings.filter((f) => f.kind !== "unsigned");
  if (other.length)
    throw new SigningError(
      `${shown(folder)} does not verify, so it is not signed:\n${other.map((f) => `  ${f.message}`).join("\n")}\nRestore it from version control first.`,
    );
  if (check.signer) throw new SigningError(`${shown(folder)} is already signed by ${check.signer}; nothing to do`);
  // Written beside and renamed: a reader sees no signature or a whole one.
  const staging = path.join(folder, `.sign-${process.pid}`);
  await mkdir(staging);
  try {
    await copyFile(path.join(folder, "SHA256SUMS"), path.join(staging, "SHA256SUMS"));
    await signSeal(staging, plan.key);
    const signed = await checkSignature(staging, options.id, options);
    if (signed.findings.length || !signed.signer) throw new SigningError(signed.findings.map((f) => f.message).join("; "));
    await rename(path.join(staging, SIGNATURE_FILE), path.join(folder, SIGNATURE_FILE));
    return { folder, signer: signed.signer, revision: check.revision ?? 0 };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
