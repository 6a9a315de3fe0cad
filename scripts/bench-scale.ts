// The benchmark's scale figures (scripts/bench.ts): one `build --all` of 12
// editions and one of 48, each a whole process, with the wall-clock time per
// edition and per page, and the peak memory of the process tree (Node and every
// Chromium process under it), sampled from /proc. The editions past the
// project's own are generated month by month (tests/support/generate-year.ts,
// as tests/next-editions builds them) in a throwaway folder: later months list
// more providers, so their editions have more pages, and the time per page is
// the figure that shows whether the build is linear.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { generateYear } from "../tests/support/generate-year.js";

export interface TreeRun {
  ms: number;
  /** The highest sum of VmRSS over the process and its descendants seen, in MiB. */
  peakMiB: number;
}

/** Parent of every process now, from /proc/<pid>/stat (its 4th field, after the command's parentheses). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "latin1");
      map.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return map;
}

function treeRssKiB(root: number): number {
  const ppid = parents();
  const tree = new Set([root]);
  // Children may be listed before their parent: loop until no process joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of ppid)
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
  }
  let kib = 0;
  for (const pid of tree) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1] ?? 0);
    } catch {}
  }
  return kib;
}

/** Runs a command to its end, sampling its process tree's memory every 100 ms; a failure stops the benchmark. */
export function treeRun(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    let peak = 0;
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
    };
    const timer = setInterval(sample, 100);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${stderr}`));
      else resolve({ ms, peakMiB: peak / 1024 });
    });
  });
}

/** Writes `root/editions` with `count` editions in all: the project's own, then generated months, one language each. */
export function scaleEditions(root: string, count: number, own: number): void {
  generateYear(root, { months: count - own, bilingual: [] });
}

/** Pages of every PDF a build wrote under `outDir`, from the reports. */
export function pagesBuilt(outDir: string): number {
  let pages = 0;
  for (const id of readdirSync(outDir)) {
    if (!/^\d{4}-\d{2}$/.test(id)) continue;
    for (const f of readdirSync(path.join(outDir, id)).filter((n) => n.endsWith(".report.json")))
      pages += (JSON.parse(readFileSync(path.join(outDir, id, f), "utf8")) as { pages?: number }).pages ?? 0;
  }
  return pages;
}
