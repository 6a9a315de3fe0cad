// A fault the user can fix, raised where it arises and carrying the exit code
// it ends with, so no command has to know every module's errors: the CLI maps
// it by its `exit` (src/cli/error-exits.ts) and prints its message alone.
export type FaultExit = "invalidManifest" | "usage" | "renderFailed" | "outputNotWritten" | "browserFailed";

export class FaultError extends Error {
  override name = "FaultError";
  constructor(
    message: string,
    readonly exit: FaultExit,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
