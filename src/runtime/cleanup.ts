// What a run must undo if it is stopped: browsers to close or kill, staged
// files and browser folders to remove. Every entry has a synchronous `undo`,
// which can run from a signal handler just before the process exits, and may
// have a gentler asynchronous `close` tried first when there is time. The
// normal path unregisters its entry once it has cleaned up by itself.

interface Entry {
  undo: () => void;
  close?: () => Promise<unknown>;
}

const entries = new Set<Entry>();

/** Register a cleanup; the returned function unregisters it. */
export function onCleanup(undo: () => void, close?: () => Promise<unknown>): () => void {
  const entry = { undo, close };
  entries.add(entry);
  return () => {
    entries.delete(entry);
  };
}

/** Every undo, newest first; one that fails does not stop the others. */
export function cleanupNow(): void {
  for (const entry of [...entries].reverse()) {
    entries.delete(entry);
    try {
      entry.undo();
    } catch {}
  }
}

/** The gentle closes (at most `ms` in all), then every undo. */
export async function cleanupGently(ms: number): Promise<void> {
  const closes = [...entries].flatMap((e) => (e.close ? [e.close().catch(() => {})] : []));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(closes), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
  cleanupNow();
}

/** Whether a process with this id still runs (leftovers are named after their run's pid). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
