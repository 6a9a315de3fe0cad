/**
 * Map with at most `limit` calls in flight; results keep the input order.
 * The first failure stops the queue: no new call starts, `onFailure` runs at
 * once (to stop the calls in flight, for instance by closing their browser),
 * the calls in flight are awaited (their own errors ignored), and the first
 * failure is thrown. `signal` tells each call whether the run has failed, so
 * one still in flight writes nothing after the error.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, signal: AbortSignal) => Promise<R>,
  onFailure?: (err: unknown) => unknown,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const controller = new AbortController();
  let failure: { err: unknown } | undefined;
  let next = 0;
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], controller.signal);
      } catch (err) {
        if (failure) continue;
        failure = { err };
        controller.abort(err);
        await onFailure?.(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.err;
  return results;
}
