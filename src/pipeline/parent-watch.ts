// Noticing that whatever started the command is gone, when it died without a
// signal (a killed npx, a closed CI runner): the command then stops as if hung
// up. "Gone" means the command's own parent: it died (we are handed to init
// or a subreaper, so our parent's pid changes). The process group's leader is
// not watched: it may end while its jobs run on (a script's background job, a
// CI step), and the command's parent is then still there to collect it.
//
// npm and npx start a bin through `sh -c`, which waits for the command and
// outlives a killed npx: such a shell is seen through, its own parent watched
// too (`sh -c` whose parent changed is a wrapper left behind); so is the relay
// of bin/observatory.js that hands a run over to the pinned Node.js.
import { readFileSync } from "node:fs";
import path from "node:path";

interface Link {
  pid: number;
  /** Its parent when the watch started. */
  parent: number;
}

function readParent(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

const SHELLS = new Set(["sh", "dash", "bash", "ash", "zsh"]);

/** `sh -c "…"` (a shell that only runs one command line for its parent), or our Node.js relay. */
function isWrapper(pid: number, env: NodeJS.ProcessEnv): boolean {
  if (env.OBSERVATORY_RELAY_PID === String(pid)) return true;
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return SHELLS.has(path.basename(argv[0] ?? "")) && argv[1] === "-c";
  } catch {
    return false;
  }
}

/**
 * The chain to watch: our parent, and through `sh -c` wrappers the process
 * that started them. Empty when there is nothing to watch (no /proc, started
 * by init).
 */
export function parentChain(pid = process.pid, parent = readParent(pid), env = process.env): Link[] {
  const chain: Link[] = [];
  let child = pid;
  let up: number | undefined = parent;
  // A few wrappers at most; the bound keeps a strange /proc from looping.
  for (let i = 0; i < 4 && up !== undefined && up > 1; i++) {
    chain.push({ pid: child, parent: up });
    if (!isWrapper(up, env)) break;
    child = up;
    up = readParent(up);
  }
  return chain;
}

/** The first link that broke: its process was handed to another parent, or is gone. */
export function brokenLink(chain: readonly Link[]): Link | undefined {
  return chain.find((link) => readParent(link.pid) !== link.parent);
}

/** Calls `onGone` once, within `everyMs` of the parent's end. Returns a stop function. */
export function watchParent(onGone: (parent: number) => void, everyMs = 1000): () => void {
  const chain = parentChain();
  if (!chain.length || process.platform !== "linux") return () => {};
  const timer = setInterval(() => {
    const broken = brokenLink(chain);
    if (!broken) return;
    clearInterval(timer);
    onGone(broken.parent);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
