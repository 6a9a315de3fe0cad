// The cover of a PDF as a small PNG for the catalog, drawn by poppler's
// pdftoppm (poppler-utils), which the tests already need.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export class ThumbnailError extends Error {
  override name = "ThumbnailError";
}

/** Writes `<outBase>.png` from page 1 of `pdf` at 20 dpi (about 165 × 235 px for A4). */
export async function coverThumbnail(pdf: string, outBase: string): Promise<string> {
  try {
    await run("pdftoppm", ["-png", "-r", "20", "-f", "1", "-l", "1", "-singlefile", pdf, outBase]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new ThumbnailError("pdftoppm was not found; install poppler-utils (as root on Debian: apt-get install -y poppler-utils)");
    throw new ThumbnailError(
      `pdftoppm could not draw the cover of ${pdf}: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`,
    );
  }
  return `${outBase}.png`;
}
